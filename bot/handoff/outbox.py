"""Messages between user and counselor go through the store before any channel sees them.

A channel's courier takes due items (`bot.store.outbox.take_due`: one process per item, one
item per chat at a time, urgent first), sends them and marks them delivered; a failure that may
pass (Telegram says wait, the network fails) puts the item back with a growing delay; a failure
that will not pass (the user blocked the bot) marks it failed for good, and the handoff tells
the other side. Nothing is lost across restarts: undelivered items are simply still due.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.actions import Button, neutral_rows
from bot.store import outbox as boxes
from bot.store.database import Database
from bot.store.tables import Outbox

__all__ = ["OutboxQueue", "backoff"]

log = logging.getLogger(__name__)


def backoff(attempts: int, cap: float = 60.0) -> dt.timedelta:
    """0.5 s, 1 s, 2 s ... up to `cap`."""
    return dt.timedelta(seconds=min(cap, 0.5 * 2 ** max(0, attempts - 1)))


class OutboxQueue:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.token = uuid.uuid4().hex  # this process's leases

    async def put(
        self,
        *,
        channel: str,
        chat_id: str,
        text: str,
        session: AsyncSession | None = None,
        ticket_id: int | None = None,
        purpose: str = "relay",
        buttons: tuple[Button, ...] = (),
        priority: int = 1,
    ) -> int:
        """Inside the caller's transaction when `session` is given (a ticket and its
        announcement, a relay and its event: one commit), else in its own."""
        fields = {
            "channel": channel,
            "chat_id": chat_id,
            "text": text,
            "ticket_id": ticket_id,
            "purpose": purpose,
            "buttons": neutral_rows(buttons) if buttons else None,
            "priority": priority,
        }
        if session is not None:
            item = await boxes.insert_item(session=session, **fields)
        else:
            async with self.db.session() as own:
                item = await boxes.insert_item(session=own, **fields)
        log.info("outbox put item=%s ticket=%s purpose=%s", item.id, ticket_id, purpose)
        return item.id

    async def take(
        self, channel: str, *, limit: int = 20, chat_id: str | None = None
    ) -> list[Outbox]:
        async with self.db.session() as session:
            return await boxes.take_due(
                session=session,
                channel=channel,
                token=self.token,
                limit=limit,
                chat_id=chat_id,
                postgres=not self.db.is_sqlite,
            )

    async def delivered(self, item: Outbox, message_id: int | None = None) -> bool:
        async with self.db.session() as session:
            done = await boxes.mark_delivered(
                session=session, item_id=item.id, token=self.token, message_id=message_id
            )
        if not done:  # our lease ran out and another worker took it over
            log.warning("outbox item=%s delivered after its lease ran out", item.id)
        return done

    async def part_sent(self, item: Outbox, parts: int) -> None:
        async with self.db.session() as session:
            await boxes.mark_part_sent(
                session=session, item_id=item.id, token=self.token, parts=parts
            )

    async def retry(self, item: Outbox, *, cap: float = 60.0) -> dt.timedelta:
        delay = backoff(item.attempts, cap)
        async with self.db.session() as session:
            await boxes.retry_later(session=session, item_id=item.id, token=self.token, delay=delay)
        log.info(
            "outbox retry item=%s attempt=%s in %.1fs",
            item.id,
            item.attempts,
            delay.total_seconds(),
        )
        return delay

    async def failed(self, item: Outbox, error: str) -> bool:
        async with self.db.session() as session:
            done = await boxes.mark_failed(
                session=session, item_id=item.id, token=self.token, error=error
            )
        log.warning("outbox item=%s failed for good: %s", item.id, error)
        return done

    async def pending(self, channel: str | None = None) -> int:
        async with self.db.session() as session:
            return await boxes.count_pending(session=session, channel=channel)
