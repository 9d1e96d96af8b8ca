"""The ticket lifecycle: open (with its announcement, in one transaction), claim, take over,
release, close, rate, reopen; every change an event in the audit trail.

Each method is one transaction over `bot.store.tickets` and `bot.store.outbox`, so a ticket
never exists without its announcement, and a counselor's line never leaves without its event.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store import outbox as boxes
from bot.store import tickets as rows
from bot.store.database import Database
from bot.store.tables import Message, Ticket, TicketEvent, User

__all__ = ["REOPEN_WITHIN", "Claim", "TicketView", "Tickets"]

log = logging.getLogger(__name__)

# Work done inside a lifecycle change's own transaction: the announcement of a ticket (again:
# a re-announcement), or the message that goes with a change (the user's closing note).
Announce = Callable[[AsyncSession, Ticket, bool], Awaitable[None]]
Then = Callable[[AsyncSession, Ticket], Awaitable[None]]

REOPEN_WITHIN = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Claim:
    won: bool
    holder: str | None  # who has it (the winner, or whoever had it before)
    ticket: Ticket | None


@dataclass(frozen=True, slots=True)
class TicketView:
    ticket: Ticket
    user: User | None
    transcript: list[Message]


class Tickets:
    """Tickets over one database; `announce` composes the counselors' summary inside the
    transaction that opens (or reopens, or re-announces) the ticket."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, ticket_id: int) -> Ticket | None:
        async with self.db.session() as session:
            return await rows.get_ticket(session=session, ticket_id=ticket_id)

    async def active_for(self, user_id: int) -> Ticket | None:
        async with self.db.session() as session:
            return await rows.active_ticket(session=session, user_id=user_id)

    async def open(
        self,
        user_id: int,
        *,
        reason: str,
        lang: str | None,
        topic: str | None,
        priority: int = 1,
        announce: Announce | None = None,
    ) -> tuple[Ticket, bool]:
        """The user's active ticket, or a new one: (ticket, created). An urgent reason raises
        an existing ticket to the top of the queue (and announces it again)."""
        for _ in range(3):
            try:
                async with self.db.session() as session:
                    existing = await rows.active_ticket(session=session, user_id=user_id)
                    if existing is None:
                        ticket = await rows.insert_ticket(
                            session=session,
                            user_id=user_id,
                            reason=reason,
                            priority=priority,
                            lang=lang,
                            topic=topic or await rows.last_entry(session=session, user_id=user_id),
                        )
                        if announce is not None:
                            await announce(session, ticket, False)
                        created = True
                    else:
                        ticket, created = existing, False
                        raised = await rows.escalate_ticket(
                            session=session,
                            ticket_id=existing.id,
                            priority=priority,
                            reason=reason,
                            actor=f"user:{user_id}",
                        )
                        if raised:
                            await session.refresh(existing)
                            if existing.status == "open" and announce is not None:
                                await announce(session, existing, True)
            except IntegrityError:  # another process opened one a moment ago: take that one
                continue
            if created:
                log.info("ticket opened ticket=%s reason=%s", ticket.id, reason)
            return ticket, created
        raise RuntimeError("could not open or find the user's ticket")

    async def claim(self, ticket_id: int, counselor: str, *, take_over: bool = False) -> Claim:
        async with self.db.session() as session:
            won = await rows.claim_ticket(
                session=session, ticket_id=ticket_id, counselor=counselor, take_over=take_over
            )
            ticket = await rows.get_ticket(session=session, ticket_id=ticket_id)
            if ticket is not None:
                await session.refresh(ticket)
        if won:
            log.info("ticket claimed ticket=%s", ticket_id)
        return Claim(won, ticket.claimed_by if ticket else None, ticket)

    async def release(
        self,
        ticket_id: int,
        counselor: str,
        *,
        anyone: bool = False,
        announce: Announce | None = None,
    ) -> Ticket | None:
        async with self.db.session() as session:
            done = await rows.release_ticket(
                session=session, ticket_id=ticket_id, counselor=counselor, anyone=anyone
            )
            if not done:
                return None
            ticket = await rows.get_ticket(session=session, ticket_id=ticket_id)
            await session.refresh(ticket)
            if announce is not None:
                await announce(session, ticket, True)
            return ticket

    async def close(
        self, ticket_id: int, actor: str, note: str | None, *, then: Then | None = None
    ) -> Ticket | None:
        """`then(session, ticket)` runs in the same transaction (the user's closing message)."""
        async with self.db.session() as session:
            done = await rows.close_ticket(
                session=session, ticket_id=ticket_id, actor=actor, note=note
            )
            if not done:
                return None
            ticket = await rows.get_ticket(session=session, ticket_id=ticket_id)
            await session.refresh(ticket)
            if then is not None:
                await then(session, ticket)
            return ticket

    async def responded(
        self,
        ticket_id: int,
        counselor: str,
        kind: str = "replied",
        *,
        then: Then | None = None,
        **detail: object,
    ) -> None:
        async with self.db.session() as session:
            await rows.mark_responded(
                session=session, ticket_id=ticket_id, counselor=counselor, kind=kind, **detail
            )
            if then is not None:
                await then(session)

    async def rate(self, ticket_id: int, user_id: int, score: int) -> bool:
        if not 1 <= score <= 5:
            return False
        async with self.db.session() as session:
            return await rows.rate_ticket(
                session=session, ticket_id=ticket_id, user_id=user_id, score=score
            )

    async def reopenable(self, user_id: int) -> Ticket | None:
        """The user's ticket closed less than a day ago, if no other is active."""
        async with self.db.session() as session:
            return await rows.recently_closed(
                session=session, user_id=user_id, within=REOPEN_WITHIN
            )

    async def reopen(
        self, ticket_id: int, user_id: int, *, announce: Announce | None = None
    ) -> Ticket | None:
        try:
            async with self.db.session() as session:
                if not await rows.reopen_ticket(
                    session=session, ticket_id=ticket_id, user_id=user_id
                ):
                    return None
                ticket = await rows.get_ticket(session=session, ticket_id=ticket_id)
                await session.refresh(ticket)
                if announce is not None:
                    await announce(session, ticket, False)
                return ticket
        except IntegrityError:  # a newer ticket is active: that one carries on
            return None

    async def by_thread(
        self,
        *,
        message_id: int | None = None,
        thread_id: int | None = None,
        chat_id: str | None = None,
    ) -> Ticket | None:
        """The ticket a counselor's message belongs to: its forum topic, its announcement, or
        any message the bot posted about it in the counselors' chat that they replied to."""
        async with self.db.session() as session:
            found = await rows.ticket_by_thread(
                session=session, thread_id=thread_id, message_id=message_id
            )
            if found is None and message_id is not None and chat_id is not None:
                item = await boxes.find_by_sent_message(
                    session=session, message_id=message_id, chat_id=chat_id
                )
                if item is not None and item.ticket_id is not None:
                    found = await rows.get_ticket(session=session, ticket_id=item.ticket_id)
            return found

    async def queue(self) -> list[Ticket]:
        async with self.db.session() as session:
            return await rows.active_tickets(session=session)

    async def position(self, ticket: Ticket) -> int:
        async with self.db.session() as session:
            return await rows.queue_position(session=session, ticket=ticket)

    async def view(self, ticket_id: int, last: int = 10) -> TicketView | None:
        async with self.db.session() as session:
            ticket = await rows.get_ticket(session=session, ticket_id=ticket_id)
            if ticket is None:
                return None
            user = await rows.user_of(session=session, ticket=ticket)
            messages = (
                await rows.transcript(session=session, user_id=ticket.user_id, last=last)
                if ticket.user_id and last
                else []
            )
            return TicketView(ticket, user, messages)

    async def events(self, ticket_id: int) -> list[TicketEvent]:
        async with self.db.session() as session:
            return await rows.ticket_events(session=session, ticket_id=ticket_id)

    async def set_thread(self, ticket_id: int, thread_id: int) -> int | None:
        """Record the ticket's forum topic unless another process did first: the thread
        that holds."""
        async with self.db.session() as session:
            return await rows.set_thread(session=session, ticket_id=ticket_id, thread_id=thread_id)

    async def set_counselor_message(self, ticket_id: int, message_id: int) -> None:
        async with self.db.session() as session:
            await rows.set_counselor_message(
                session=session, ticket_id=ticket_id, message_id=message_id
            )
