"""Every statement about the outbox, as keyword-only functions taking a session.

Taking an item is a conditional UPDATE that writes a lease token (`... WHERE id = :id AND it is
due RETURNING id`), so of any number of processes exactly one sends it; on PostgreSQL the
candidates are also read `FOR UPDATE SKIP LOCKED`, so workers do not queue behind each other.
Completion is checked against the token: a worker whose lease ran out cannot mark another
worker's send. Only the oldest pending item of a chat can be taken (per priority class), so one
chat's messages leave in the order they were written, whatever fails on the way, and an urgent
item does not wait behind ordinary ones.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, exists, func, update
from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.tables import Outbox, utcnow

__all__ = [
    "LEASE",
    "count_pending",
    "find_by_sent_message",
    "insert_item",
    "mark_delivered",
    "mark_failed",
    "mark_part_sent",
    "retry_later",
    "take_due",
]

LEASE = dt.timedelta(seconds=60)  # a worker that dies mid-send frees its item after this


async def insert_item(
    *,
    session: AsyncSession,
    channel: str,
    chat_id: str,
    text: str,
    ticket_id: int | None = None,
    purpose: str = "relay",
    buttons: list[list[dict[str, str]]] | None = None,
    priority: int = 1,
    thread_id: int | None = None,
    reply_to: int | None = None,
) -> Outbox:
    item = Outbox(
        channel=channel,
        chat_id=chat_id,
        text=text,
        ticket_id=ticket_id,
        purpose=purpose,
        buttons=buttons,
        priority=priority,
        thread_id=thread_id,
        reply_to=reply_to,
    )
    session.add(item)
    await session.flush()
    return item


def _pending():  # type: ignore[no-untyped-def]
    return and_(col(Outbox.delivered_at).is_(None), col(Outbox.failed_at).is_(None))


async def take_due(
    *,
    session: AsyncSession,
    channel: str,
    token: str,
    limit: int = 20,
    chat_id: str | None = None,
    postgres: bool = False,
) -> list[Outbox]:
    """Lease up to `limit` due items, at most one per chat: each the oldest pending item of its
    chat among those of the same or a more urgent priority."""
    now = utcnow()
    earlier = aliased(Outbox)
    blocked = exists().where(
        earlier.channel == Outbox.channel,
        earlier.chat_id == Outbox.chat_id,
        earlier.id < Outbox.id,
        earlier.priority <= Outbox.priority,
        col(earlier.delivered_at).is_(None),
        col(earlier.failed_at).is_(None),
    )
    query = (
        select(Outbox.id)
        .where(Outbox.channel == channel, _pending(), Outbox.next_attempt_at <= now, ~blocked)
        .order_by(Outbox.priority, Outbox.id)
        # SKIP LOCKED hands each worker rows nobody holds; without it (SQLite, one writer at
        # a time) read more candidates than needed, for the ones a concurrent worker took.
        .limit(limit if postgres else limit * 3)
    )
    if chat_id is not None:
        query = query.where(Outbox.chat_id == chat_id)
    if postgres:
        query = query.with_for_update(skip_locked=True, of=Outbox)
    ids = list((await session.exec(query)).all())
    taken: list[Outbox] = []
    for item_id in ids:
        if len(taken) >= limit:
            break
        got = (
            await session.exec(
                update(Outbox)
                .where(Outbox.id == item_id, _pending(), Outbox.next_attempt_at <= now)
                .values(next_attempt_at=now + LEASE, attempts=Outbox.attempts + 1, lease=token)
                .returning(Outbox.id)
            )
        ).first()
        if got:
            item = await session.get(Outbox, item_id)
            if item is not None:
                await session.refresh(item)
                taken.append(item)
    return taken


async def mark_delivered(
    *, session: AsyncSession, item_id: int, token: str, message_id: int | None
) -> bool:
    done = (
        await session.exec(
            update(Outbox)
            .where(Outbox.id == item_id, Outbox.lease == token, _pending())
            .values(delivered_at=utcnow(), sent_message_id=message_id, lease=None)
            .returning(Outbox.id)
        )
    ).first()
    return bool(done)


async def mark_part_sent(*, session: AsyncSession, item_id: int, token: str, parts: int) -> None:
    """Chunks of a long text already out: a retry goes on from the next one."""
    await session.exec(
        update(Outbox).where(Outbox.id == item_id, Outbox.lease == token).values(parts_sent=parts)
    )


async def retry_later(
    *, session: AsyncSession, item_id: int, token: str, delay: dt.timedelta
) -> None:
    await session.exec(
        update(Outbox)
        .where(Outbox.id == item_id, Outbox.lease == token)
        .values(next_attempt_at=utcnow() + delay, lease=None)
    )


async def mark_failed(*, session: AsyncSession, item_id: int, token: str, error: str) -> bool:
    """For good: kept in the store for the record, never tried again."""
    done = (
        await session.exec(
            update(Outbox)
            .where(Outbox.id == item_id, Outbox.lease == token, _pending())
            .values(failed_at=utcnow(), error=error[:64], lease=None)
            .returning(Outbox.id)
        )
    ).first()
    return bool(done)


async def count_pending(*, session: AsyncSession, channel: str | None = None) -> int:
    query = select(func.count()).select_from(Outbox).where(_pending())
    if channel is not None:
        query = query.where(Outbox.channel == channel)
    return int((await session.exec(query)).one())


async def find_by_sent_message(
    *, session: AsyncSession, message_id: int, chat_id: str
) -> Outbox | None:
    """The outbox item that became this channel message (threads by reply)."""
    return (
        await session.exec(
            select(Outbox).where(Outbox.sent_message_id == message_id, Outbox.chat_id == chat_id)
        )
    ).first()
