"""The store's privacy functions on their own: what `forget_user` and `purge_before` delete, what
they keep, and that they run in the caller's transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, update
from sqlmodel import select

from bot.store.database import Database
from bot.store.privacy import forget_user, purge_before
from bot.store.tables import (
    Feedback,
    LoginFailure,
    Message,
    Outbox,
    StateRow,
    Ticket,
    TicketEvent,
    Unanswered,
    User,
    utcnow,
)


async def a_user_with_a_ticket(db: Database, external_id: str) -> tuple[int, int]:
    """A user who wrote, voted, was not understood and talked to a counselor: (user, ticket)."""
    async with db.session() as session:
        user = User(channel="telegram", external_id=external_id)
        session.add(user)
        await session.flush()
        ticket = Ticket(user_id=user.id, reason="human", note=f"note about {external_id}")
        session.add(ticket)
        await session.flush()
        session.add_all(
            [
                Message(user_id=user.id, direction="in", text=f"words of {external_id}"),
                StateRow(user_id=user.id),
                Feedback(user_id=user.id, entry="annual-paid-leave", vote=1),
                Unanswered(user_id=user.id, text=f"riddle of {external_id}"),
                TicketEvent(ticket_id=ticket.id, kind="opened", detail={"reason": "human"}),
                Outbox(chat_id="desk", text=f"#{ticket.id} user: hi", ticket_id=ticket.id),
                Outbox(chat_id=external_id, text="💬 Counselor: hello", ticket_id=ticket.id),
                Outbox(chat_id=external_id, text="a notice with no ticket"),
            ]
        )
        return user.id, ticket.id


async def rows(db: Database, model) -> int:  # type: ignore[no-untyped-def]
    async with db.session() as session:
        return (await session.exec(select(func.count()).select_from(model))).one()


async def test_forget_user_counts_what_it_deleted_and_spares_the_others(db: Database) -> None:
    gone, _ = await a_user_with_a_ticket(db, "111")
    await a_user_with_a_ticket(db, "222")

    async with db.session() as session:
        counts = await forget_user(session=session, user_id=gone)

    assert counts == {
        "outbox": 3,
        "ticket_events": 1,
        "tickets": 1,
        "feedback": 1,
        "unanswered": 1,
        "messages": 1,
        "conversation_state": 1,
        "reminders": 0,
        "notices_received": 0,
        "users": 1,
    }
    for model in (User, Message, StateRow, Feedback, Unanswered, Ticket, TicketEvent):
        assert await rows(db, model) == 1, model.__name__
    assert await rows(db, Outbox) == 3


async def test_forget_user_is_undone_with_the_callers_transaction(db: Database) -> None:
    """The caller decides the transaction: if what it does next fails, nothing was deleted."""
    user, _ = await a_user_with_a_ticket(db, "333")
    with pytest.raises(RuntimeError):
        async with db.session() as session:
            await forget_user(session=session, user_id=user)
            raise RuntimeError("telling the counselor failed")
    assert await rows(db, User) == 1 and await rows(db, Outbox) == 3


async def test_forgetting_someone_unknown_deletes_nothing(db: Database) -> None:
    await a_user_with_a_ticket(db, "444")
    async with db.session() as session:
        counts = await forget_user(session=session, user_id=9999)
    assert set(counts.values()) == {0}


async def test_purge_keeps_what_is_younger_than_the_cutoff(db: Database) -> None:
    """Retention of 180 days: last year's texts go, this week's stay; the tickets and events
    stay as figures, without the note and the details."""
    old_user, old_ticket = await a_user_with_a_ticket(db, "555")
    await a_user_with_a_ticket(db, "666")
    long_ago = utcnow() - dt.timedelta(days=400)
    async with db.session() as session:
        await session.exec(update(Ticket).where(Ticket.id == old_ticket).values(opened_at=long_ago))
        for whose, column in (
            (Message.user_id == old_user, Message.created_at),
            (Unanswered.user_id == old_user, Unanswered.created_at),
            (Outbox.ticket_id == old_ticket, Outbox.created_at),
            (TicketEvent.ticket_id == old_ticket, TicketEvent.at),
        ):
            await session.exec(update(column.class_).where(whose).values({column.key: long_ago}))

        session.add(LoginFailure(key="0" * 64, at=long_ago))
        session.add(LoginFailure(key="1" * 64))

    async with db.session() as session:
        counts = await purge_before(session=session, cutoff=utcnow() - dt.timedelta(days=180))

    assert counts["messages"] == 1 and counts["unanswered"] == 1
    assert counts["outbox"] == 2  # the ticket's two rows; the notice had no ticket and is new
    assert counts["ticket_notes"] == 1 and counts["ticket_events"] == 1
    assert counts["login_failures"] == 1 and await rows(db, LoginFailure) == 1
    async with db.session() as session:
        tickets = {t.id: t for t in (await session.exec(select(Ticket))).all()}
        events = {e.ticket_id: e.detail for e in (await session.exec(select(TicketEvent))).all()}
    assert tickets[old_ticket].note is None and events[old_ticket] == {}
    young = next(i for i in tickets if i != old_ticket)
    assert tickets[young].note == "note about 666" and events[young] == {"reason": "human"}
    assert await rows(db, Ticket) == 2 and await rows(db, Feedback) == 2
