"""Tickets: open, claim (atomically), release, close, rate, reopen; every change an event.

Claiming is one conditional UPDATE (`... WHERE status = 'open'`): of any number of counselors
pressing Claim at once, on any number of processes, the database lets exactly one through.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from bot.store.database import Database
from bot.store.tables import Message, Ticket, TicketEvent, User, utcnow

__all__ = ["Claim", "TicketDesk", "TicketView"]

log = logging.getLogger(__name__)

ACTIVE = ("open", "claimed")
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


class TicketDesk:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def _event(
        self,
        session,
        ticket_id: int,
        kind: str,
        actor: str | None,  # type: ignore[no-untyped-def]
        **detail: object,
    ) -> None:
        session.add(TicketEvent(ticket_id=ticket_id, kind=kind, actor=actor, detail=detail))

    async def active_for(self, user_id: int) -> Ticket | None:
        async with self.db.session() as session:
            return (
                await session.exec(
                    select(Ticket).where(Ticket.user_id == user_id, col(Ticket.status).in_(ACTIVE))
                )
            ).first()

    async def open(
        self, user_id: int, *, reason: str, lang: str | None, topic: str | None, priority: int = 1
    ) -> tuple[Ticket, bool]:
        """The user's active ticket, or a new one: (ticket, created). An urgent reason raises
        an existing ticket to the top of the queue."""
        existing = await self.active_for(user_id)
        if existing is None:
            try:
                async with self.db.session() as session:
                    ticket = Ticket(
                        user_id=user_id, reason=reason, priority=priority, lang=lang, topic=topic
                    )
                    session.add(ticket)
                    await session.flush()
                    await self._event(
                        session,
                        ticket.id,
                        "opened",
                        f"user:{user_id}",
                        reason=reason,
                        priority=priority,
                    )
                log.info("ticket opened ticket=%s reason=%s", ticket.id, reason)
                return ticket, True
            except IntegrityError:  # another process opened it a moment ago
                existing = await self.active_for(user_id)
                if existing is None:
                    raise
        if priority < existing.priority:
            async with self.db.session() as session:
                await session.exec(
                    update(Ticket)
                    .where(Ticket.id == existing.id)
                    .values(priority=priority, reason=reason)
                )
                await self._event(
                    session, existing.id, "escalated", f"user:{user_id}", reason=reason
                )
            existing.priority, existing.reason = priority, reason
        return existing, False

    async def claim(self, ticket_id: int, counselor: str) -> Claim:
        now = utcnow()
        async with self.db.session() as session:
            won = (
                await session.exec(
                    update(Ticket)
                    .where(Ticket.id == ticket_id, Ticket.status == "open")
                    .values(status="claimed", claimed_by=counselor, claimed_at=now)
                    .returning(Ticket.id)
                )
            ).first()
            if won:
                await self._event(session, ticket_id, "claimed", counselor)
            ticket = await session.get(Ticket, ticket_id)
        if won:
            log.info("ticket claimed ticket=%s", ticket_id)
        return Claim(bool(won), ticket.claimed_by if ticket else None, ticket)

    async def release(self, ticket_id: int, counselor: str) -> Ticket | None:
        async with self.db.session() as session:
            done = (
                await session.exec(
                    update(Ticket)
                    .where(
                        Ticket.id == ticket_id,
                        Ticket.status == "claimed",
                        Ticket.claimed_by == counselor,
                    )
                    .values(status="open", claimed_by=None, claimed_at=None, announced_at=None)
                    .returning(Ticket.id)
                )
            ).first()
            if done:
                await self._event(session, ticket_id, "released", counselor)
            return await session.get(Ticket, ticket_id) if done else None

    async def close(self, ticket_id: int, counselor: str, note: str | None) -> Ticket | None:
        async with self.db.session() as session:
            done = (
                await session.exec(
                    update(Ticket)
                    .where(Ticket.id == ticket_id, col(Ticket.status).in_(ACTIVE))
                    .values(status="closed", closed_at=utcnow(), note=note)
                    .returning(Ticket.id)
                )
            ).first()
            if done:
                await self._event(session, ticket_id, "closed", counselor)
            return await session.get(Ticket, ticket_id) if done else None

    async def responded(
        self, ticket_id: int, counselor: str, kind: str = "replied", **detail: object
    ) -> None:
        async with self.db.session() as session:
            await session.exec(
                update(Ticket)
                .where(Ticket.id == ticket_id, col(Ticket.first_response_at).is_(None))
                .values(first_response_at=utcnow())
            )
            await self._event(session, ticket_id, kind, counselor, **detail)

    async def rate(self, ticket_id: int, user_id: int, score: int) -> bool:
        if not 1 <= score <= 5:
            return False
        async with self.db.session() as session:
            done = (
                await session.exec(
                    update(Ticket)
                    .where(
                        Ticket.id == ticket_id, Ticket.user_id == user_id, Ticket.status == "closed"
                    )
                    .values(rating=score)
                    .returning(Ticket.id)
                )
            ).first()
            if done:
                await self._event(session, ticket_id, "rated", f"user:{user_id}", score=score)
        return bool(done)

    async def reopenable(self, user_id: int) -> Ticket | None:
        """The user's ticket closed less than a day ago, if no other is active."""
        async with self.db.session() as session:
            return (
                await session.exec(
                    select(Ticket)
                    .where(
                        Ticket.user_id == user_id,
                        Ticket.status == "closed",
                        col(Ticket.closed_at) > utcnow() - REOPEN_WITHIN,
                    )
                    .order_by(col(Ticket.closed_at).desc())
                )
            ).first()

    async def reopen(self, ticket_id: int, user_id: int) -> Ticket | None:
        try:
            async with self.db.session() as session:
                done = (
                    await session.exec(
                        update(Ticket)
                        .where(Ticket.id == ticket_id, Ticket.status == "closed")
                        .values(
                            status="open",
                            claimed_by=None,
                            claimed_at=None,
                            closed_at=None,
                            announced_at=None,
                        )
                        .returning(Ticket.id)
                    )
                ).first()
                if done:
                    await self._event(session, ticket_id, "reopened", f"user:{user_id}")
                return await session.get(Ticket, ticket_id) if done else None
        except IntegrityError:  # a newer ticket is active: that one carries on
            return None

    async def announced(
        self, ticket_id: int, *, message_id: int | None = None, thread_id: int | None = None
    ) -> None:
        values: dict = {"announced_at": utcnow()}
        if message_id is not None:
            values["counselor_message_id"] = message_id
        if thread_id is not None:
            values["thread_id"] = thread_id
        async with self.db.session() as session:
            await session.exec(update(Ticket).where(Ticket.id == ticket_id).values(**values))

    async def get(self, ticket_id: int) -> Ticket | None:
        async with self.db.session() as session:
            return await session.get(Ticket, ticket_id)

    async def by_thread(
        self, *, message_id: int | None = None, thread_id: int | None = None
    ) -> Ticket | None:
        """The ticket a counselor's message belongs to: its forum topic or announcement."""
        async with self.db.session() as session:
            if thread_id is not None:
                found = (
                    await session.exec(
                        select(Ticket)
                        .where(Ticket.thread_id == thread_id)
                        .order_by(col(Ticket.id).desc())
                    )
                ).first()
                if found:
                    return found
            if message_id is not None:
                return (
                    await session.exec(
                        select(Ticket).where(Ticket.counselor_message_id == message_id)
                    )
                ).first()
        return None

    async def queue(self) -> list[Ticket]:
        """Open and claimed tickets, urgent first, then oldest first."""
        async with self.db.session() as session:
            return list(
                (
                    await session.exec(
                        select(Ticket)
                        .where(col(Ticket.status).in_(ACTIVE))
                        .order_by(Ticket.priority, Ticket.opened_at, Ticket.id)
                    )
                ).all()
            )

    async def position(self, ticket: Ticket) -> int:
        """1 = next to be picked up."""
        async with self.db.session() as session:
            ahead = (
                await session.exec(
                    select(func.count())
                    .select_from(Ticket)
                    .where(
                        Ticket.status == "open",
                        (Ticket.priority < ticket.priority)
                        | (
                            (Ticket.priority == ticket.priority)
                            & (Ticket.opened_at < ticket.opened_at)
                        )
                        | (
                            (Ticket.priority == ticket.priority)
                            & (Ticket.opened_at == ticket.opened_at)
                            & (col(Ticket.id) < ticket.id)
                        ),
                    )
                )
            ).one()
        return int(ahead) + 1

    async def stale(self, older_than: dt.timedelta) -> list[Ticket]:
        """Open tickets nobody has claimed since they were last announced."""
        cutoff = utcnow() - older_than
        async with self.db.session() as session:
            return list(
                (
                    await session.exec(
                        select(Ticket).where(
                            Ticket.status == "open", col(Ticket.announced_at) < cutoff
                        )
                    )
                ).all()
            )

    async def view(self, ticket_id: int, last: int = 10) -> TicketView | None:
        async with self.db.session() as session:
            ticket = await session.get(Ticket, ticket_id)
            if ticket is None:
                return None
            user = await session.get(User, ticket.user_id) if ticket.user_id else None
            messages = []
            if ticket.user_id:
                messages = list(
                    (
                        await session.exec(
                            select(Message)
                            .where(Message.user_id == ticket.user_id)
                            .order_by(col(Message.id).desc())
                            .limit(last)
                        )
                    ).all()
                )
            return TicketView(ticket, user, list(reversed(messages)))

    async def last_topic(self, user_id: int) -> str | None:
        """The knowledge entry the user was last answered with: the gist of their question."""
        async with self.db.session() as session:
            return (
                await session.exec(
                    select(Message.entry)
                    .where(Message.user_id == user_id, col(Message.entry).is_not(None))
                    .order_by(col(Message.id).desc())
                    .limit(1)
                )
            ).first()

    async def events(self, ticket_id: int) -> list[TicketEvent]:
        async with self.db.session() as session:
            return list(
                (
                    await session.exec(
                        select(TicketEvent)
                        .where(TicketEvent.ticket_id == ticket_id)
                        .order_by(TicketEvent.id)
                    )
                ).all()
            )
