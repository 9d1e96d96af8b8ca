"""messages: the replies as shown (`shown`) and when they reached the chat (`sent_at`)

A turn stores its answer, then the channel sends it. A worker killed between the two left a
message marked answered that the user never saw, and Telegram's redelivery was dropped as a
duplicate; now the redelivery (or the resume job) sends what was stored.

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
        batch_op.add_column(sa.Column("shown", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("sent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_index("ix_messages_update_id", ["update_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_index("ix_messages_update_id")
        batch_op.drop_column("sent_at")
        batch_op.drop_column("shown")
