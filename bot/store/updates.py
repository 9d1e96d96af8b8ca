"""The channel update ids already processed, kept so a redelivered update is processed once.

Telegram redelivers an unacknowledged update for at most 24 hours; an id older than that can
never come back, so keeping it only takes room. The bot forgets them hourly.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.tables import ProcessedUpdate, utcnow

__all__ = ["REDELIVERY_RETENTION", "forget_processed_updates", "take_update"]

# Twice Telegram's redelivery horizon: a day of margin for clocks and outages.
REDELIVERY_RETENTION = dt.timedelta(days=2)


async def forget_processed_updates(
    *, session: AsyncSession, older_than: dt.timedelta = REDELIVERY_RETENTION
) -> int:
    """Delete the update ids processed more than `older_than` ago; how many went."""
    cutoff = utcnow() - older_than
    result = await session.exec(
        delete(ProcessedUpdate).where(col(ProcessedUpdate.processed_at) < cutoff)
    )
    return result.rowcount or 0


async def take_update(*, session: AsyncSession, channel: str, update_id: str) -> bool:
    """True the first time this channel's update id is seen, on any process; False after."""
    insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    taken = await session.exec(
        insert(ProcessedUpdate)
        .values(channel=channel, update_id=update_id, processed_at=utcnow())
        .on_conflict_do_nothing(index_elements=["channel", "update_id"])
        .returning(ProcessedUpdate.update_id)
    )
    return taken.first() is not None
