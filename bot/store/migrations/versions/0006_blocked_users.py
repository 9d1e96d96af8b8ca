"""users.blocked_at: when the user blocked the bot (LINE's unfollow), so nothing more is sent
to them and counselors are told, until they follow again

Added and dropped in place on SQLite, like 0005 (batch mode would copy `users` and its
ON DELETE CASCADE would empty the tables that reference it).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 12:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "users",
        sa.Column("blocked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE users DROP COLUMN blocked_at")
    else:
        op.drop_column("users", "blocked_at")
