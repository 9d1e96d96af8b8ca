"""Messages between user and counselor go through the store before any channel sees them.

A delivery worker leases due items (a conditional UPDATE, so two processes never take the same
one), sends them, and marks them delivered; a failure (Telegram refuses, times out, is down)
puts the item back with a growing delay. Nothing is lost across restarts: undelivered items are
simply still due.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import update
from sqlmodel import col, select

from bot.store.database import Database
from bot.store.tables import Outbox, utcnow

__all__ = ["OutboxQueue"]

log = logging.getLogger(__name__)

LEASE = dt.timedelta(seconds=60)  # a worker that dies mid-send frees its items after this


class OutboxQueue:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def put(
        self,
        *,
        channel: str,
        chat_id: str,
        text: str,
        ticket_id: int | None = None,
        purpose: str = "relay",
        markup: dict | None = None,
        html: bool = False,
        thread_id: int | None = None,
        reply_to: int | None = None,
    ) -> int:
        async with self.db.session() as session:
            item = Outbox(
                channel=channel,
                chat_id=chat_id,
                text=text,
                ticket_id=ticket_id,
                purpose=purpose,
                markup=markup,
                html=html,
                thread_id=thread_id,
                reply_to=reply_to,
            )
            session.add(item)
            await session.flush()
            log.info("outbox put item=%s ticket=%s purpose=%s", item.id, ticket_id, purpose)
            return item.id

    async def lease(
        self, channel: str, *, chat_id: str | None = None, limit: int = 50
    ) -> list[Outbox]:
        now = utcnow()
        async with self.db.session() as session:
            query = (
                select(Outbox.id)
                .where(
                    Outbox.channel == channel,
                    col(Outbox.delivered_at).is_(None),
                    Outbox.next_attempt_at <= now,
                )
                .order_by(Outbox.id)
                .limit(limit)
            )
            if chat_id is not None:
                query = query.where(Outbox.chat_id == chat_id)
            ids = list((await session.exec(query)).all())
        taken: list[Outbox] = []
        for item_id in ids:
            async with self.db.session() as session:
                got = (
                    await session.exec(
                        update(Outbox)
                        .where(
                            Outbox.id == item_id,
                            col(Outbox.delivered_at).is_(None),
                            Outbox.next_attempt_at <= now,
                        )
                        .values(next_attempt_at=now + LEASE, attempts=Outbox.attempts + 1)
                        .returning(Outbox.id)
                    )
                ).first()
                if got:
                    taken.append(await session.get(Outbox, item_id))
        return taken

    async def delivered(self, item_id: int, message_id: int | None = None) -> None:
        async with self.db.session() as session:
            await session.exec(
                update(Outbox)
                .where(Outbox.id == item_id)
                .values(delivered_at=utcnow(), sent_message_id=message_id)
            )

    async def failed(self, item: Outbox) -> None:
        delay = dt.timedelta(seconds=min(60.0, 0.5 * 2 ** max(0, item.attempts - 1)))
        async with self.db.session() as session:
            await session.exec(
                update(Outbox).where(Outbox.id == item.id).values(next_attempt_at=utcnow() + delay)
            )
        log.info(
            "outbox retry item=%s attempt=%s in %.1fs",
            item.id,
            item.attempts,
            delay.total_seconds(),
        )

    async def pending(self) -> int:
        async with self.db.session() as session:
            return len(
                (
                    await session.exec(select(Outbox.id).where(col(Outbox.delivered_at).is_(None)))
                ).all()
            )

    async def by_message(self, message_id: int, chat_id: str) -> Outbox | None:
        """The outbox item that became this channel message (threads by reply)."""
        async with self.db.session() as session:
            return (
                await session.exec(
                    select(Outbox).where(
                        Outbox.sent_message_id == message_id, Outbox.chat_id == chat_id
                    )
                )
            ).first()
