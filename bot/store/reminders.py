"""Every statement about reminders, as keyword-only functions taking a session.

Queuing is a conditional UPDATE (`... WHERE id = :id AND queued_at IS NULL AND cancelled_at IS
NULL RETURNING id`) in the caller's transaction, which also writes the outbox item: of any
number of processes exactly one queues a reminder, and a reminder is never marked queued
without its message (nor the message written without the mark). On PostgreSQL the candidates
are also read `FOR UPDATE SKIP LOCKED`, so workers do not wait for each other.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.tables import Reminder, User, utcnow

__all__ = [
    "add_reminder",
    "cancel_reminder",
    "cancel_reminders",
    "reminders_of",
    "take_due_reminders",
]


def _pending():  # type: ignore[no-untyped-def]
    return col(Reminder.queued_at).is_(None) & col(Reminder.cancelled_at).is_(None)


async def add_reminder(
    *,
    session: AsyncSession,
    user_id: int,
    kind: str,
    due_at: dt.datetime,
    params: dict | None = None,
) -> Reminder:
    reminder = Reminder(user_id=user_id, kind=kind, due_at=due_at, params=params or {})
    session.add(reminder)
    await session.flush()
    return reminder


async def reminders_of(
    *, session: AsyncSession, user_id: int, kind: str | None = None, pending: bool = True
) -> list[Reminder]:
    """The user's reminders, soonest first: only those still to come unless `pending=False`."""
    query = select(Reminder).where(Reminder.user_id == user_id)
    if kind is not None:
        query = query.where(Reminder.kind == kind)
    if pending:
        query = query.where(_pending())
    return list((await session.exec(query.order_by(Reminder.due_at, Reminder.id))).all())


async def cancel_reminder(*, session: AsyncSession, user_id: int, reminder_id: int) -> bool:
    """Cancel one reminder, only the user's own and only while it is still to come."""
    done = (
        await session.exec(
            update(Reminder)
            .where(Reminder.id == reminder_id, Reminder.user_id == user_id, _pending())
            .values(cancelled_at=utcnow())
            .returning(Reminder.id)
        )
    ).first()
    return bool(done)


async def cancel_reminders(*, session: AsyncSession, user_id: int, kind: str | None = None) -> int:
    """Cancel all the user's reminders still to come (of one kind); how many."""
    statement = update(Reminder).where(Reminder.user_id == user_id, _pending())
    if kind is not None:
        statement = statement.where(Reminder.kind == kind)
    return (await session.exec(statement.values(cancelled_at=utcnow()))).rowcount


async def take_due_reminders(
    *, session: AsyncSession, now: dt.datetime, limit: int = 100, postgres: bool = False
) -> tuple[list[tuple[Reminder, User]], bool]:
    """Mark up to `limit` reminders due by `now` as queued, each by this transaction only, with
    their users (where the message goes, in which language), and whether more may be due (a
    full batch of candidates, some perhaps taken by another process). The caller writes their
    outbox items in the same transaction: if it fails, nothing is marked."""
    query = (
        select(Reminder.id)
        .where(_pending(), Reminder.due_at <= now)
        .order_by(Reminder.due_at, Reminder.id)
        .limit(limit)
    )
    if postgres:
        query = query.with_for_update(skip_locked=True)
    ids = list((await session.exec(query)).all())
    taken: list[tuple[Reminder, User]] = []
    for reminder_id in ids:
        got = (
            await session.exec(
                update(Reminder)
                .where(Reminder.id == reminder_id, _pending(), Reminder.due_at <= now)
                .values(queued_at=now)
                .returning(Reminder.id)
            )
        ).first()
        if not got:  # another process queued it (or the user cancelled it) meanwhile
            continue
        row = (
            await session.exec(
                select(Reminder, User)
                .join(User, col(User.id) == Reminder.user_id)
                .where(Reminder.id == reminder_id)
                .execution_options(populate_existing=True)
            )
        ).first()
        if row is not None:
            taken.append((row[0], row[1]))
    return taken, len(ids) == limit
