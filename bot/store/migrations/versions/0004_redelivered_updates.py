"""messages: an index on update_id, to find the message of a redelivered update, and
claimed_at, when a process last took over an unfinished turn

A worker killed mid-turn leaves a message stored but unanswered; Telegram sends the update
again, and the worker that gets it finds the message by its update id and runs its turn (it was
dropped as a duplicate before, and waited for the resume job behind the user's later messages).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 03:10:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("claimed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch_op.create_index("ix_messages_update_id", ["update_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_index("ix_messages_update_id")
        batch_op.drop_column("claimed_at")
