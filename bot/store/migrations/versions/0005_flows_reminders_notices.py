"""conversation_state: flow_data (a flow's typed answers so far); reminders; notices, their
recipients, and what users said about them (users.notices, users.company)

A reminder is queued once: `queued_at` is set in the transaction that writes its outbox item.
A notice reaches each user once: (notice_id, user_id) is the primary key of its recipients, so
a fan-out stopped midway goes on where it stopped.

On SQLite the new columns are added in place (ALTER TABLE ... ADD COLUMN, with plain-string
server defaults) and dropped in place on downgrade: Alembic's batch mode would copy and drop
`users`, and dropping it deletes every row that references a user by ON DELETE CASCADE (the
connection enforces foreign keys), messages and conversation state included.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 09:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain op.add_column, never batch mode: see the docstring.
    op.add_column(
        "conversation_state",
        sa.Column("flow_data", sa.JSON(), nullable=False, server_default="{}"),
    )
    op.add_column("users", sa.Column("notices", sa.Boolean(), nullable=False, server_default="1"))
    op.add_column(
        "users",
        sa.Column("company", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    )

    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("due_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("queued_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("cancelled_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_reminders_due", "reminders", ["queued_at", "cancelled_at", "due_at"])
    op.create_index("ix_reminders_user_id", "reminders", ["user_id"])

    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("audience", sa.JSON(), nullable=False),
        sa.Column("texts", sa.JSON(), nullable=False),
        sa.Column("fanned_out_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "notice_recipients",
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["notice_id"], ["notices.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["outbox_id"], ["outbox.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("notice_id", "user_id"),
    )
    op.create_index("ix_notice_recipients_user_id", "notice_recipients", ["user_id"])
    op.create_index("ix_notice_recipients_outbox_id", "notice_recipients", ["outbox_id"])


def downgrade() -> None:
    op.drop_index("ix_notice_recipients_outbox_id", table_name="notice_recipients")
    op.drop_index("ix_notice_recipients_user_id", table_name="notice_recipients")
    op.drop_table("notice_recipients")
    op.drop_table("notices")
    op.drop_index("ix_reminders_user_id", table_name="reminders")
    op.drop_index("ix_reminders_due", table_name="reminders")
    op.drop_table("reminders")
    for table, column in (
        ("users", "company"),
        ("users", "notices"),
        ("conversation_state", "flow_data"),
    ):
        if op.get_bind().dialect.name == "sqlite":  # in place (SQLite 3.35+), see the docstring
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        else:
            op.drop_column(table, column)
