"""outbox: channel-neutral buttons, priority, lease token, final failure, parts sent;
messages: answered_at; tickets: flagged_at (claimed without a reply past the SLA)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 21:30:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _neutral(markup: object) -> list | None:
    """Telegram's inline_keyboard JSON -> rows of {label, action}."""
    if not isinstance(markup, dict):
        return None
    rows = []
    for row in markup.get("inline_keyboard", []):
        rows.append(
            [
                {"label": b.get("text", ""), "action": b.get("callback_data", "")}
                for b in row
                if b.get("callback_data")
            ]
        )
    return [r for r in rows if r] or None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("buttons", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("priority", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(
            sa.Column("lease", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True)
        )
        batch_op.add_column(
            sa.Column("failed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(
            sa.Column("error", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch_op.add_column(
            sa.Column("parts_sent", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.create_index("ix_outbox_chat", ["channel", "chat_id", "id"], unique=False)
    outbox = sa.table(
        "outbox",
        sa.column("id", sa.Integer),
        sa.column("markup", sa.JSON),
        sa.column("buttons", sa.JSON),
    )
    bind = op.get_bind()
    for row in bind.execute(sa.select(outbox.c.id, outbox.c.markup)).all():
        if row.markup is not None:
            bind.execute(
                outbox.update().where(outbox.c.id == row.id).values(buttons=_neutral(row.markup))
            )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("markup")

    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("answered_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
    messages = sa.table("messages", sa.column("answered_at"), sa.column("created_at"))
    op.execute(messages.update().values(answered_at=messages.c.created_at))
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("flagged_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("flagged_at")
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_column("answered_at")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("markup", sa.JSON(), nullable=True))
        batch_op.drop_index("ix_outbox_chat")
        for name in ("parts_sent", "error", "failed_at", "lease", "priority", "buttons"):
            batch_op.drop_column(name)
