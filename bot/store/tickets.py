"""Every statement about tickets and their audit trail, as keyword-only functions taking a
session: the caller decides the transaction, so "open the ticket and announce it" is one commit.

Changes of state are conditional UPDATEs (`... WHERE status = 'open' RETURNING id`): of any
number of counselors, or processes, doing the same thing at once, the database lets one through.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.tables import Message, Outbox, Ticket, TicketEvent, User, utcnow

__all__ = [
    "ACTIVE",
    "active_ticket",
    "active_tickets",
    "add_event",
    "all_tickets",
    "claim_ticket",
    "claimed_without_reply",
    "close_ticket",
    "escalate_ticket",
    "get_ticket",
    "insert_ticket",
    "last_entry",
    "mark_responded",
    "queue_position",
    "rate_ticket",
    "recently_closed",
    "release_ticket",
    "reopen_ticket",
    "set_announced",
    "set_counselor_message",
    "set_thread",
    "take_stale",
    "ticket_by_thread",
    "ticket_events",
    "transcript",
    "user_of",
    "user_role",
]

ACTIVE = ("open", "claimed")


async def add_event(
    *, session: AsyncSession, ticket_id: int, kind: str, actor: str | None, **detail: object
) -> None:
    session.add(TicketEvent(ticket_id=ticket_id, kind=kind, actor=actor, detail=detail))


async def get_ticket(*, session: AsyncSession, ticket_id: int) -> Ticket | None:
    return await session.get(Ticket, ticket_id)


async def active_ticket(*, session: AsyncSession, user_id: int) -> Ticket | None:
    return (
        await session.exec(
            select(Ticket).where(Ticket.user_id == user_id, col(Ticket.status).in_(ACTIVE))
        )
    ).first()


async def insert_ticket(
    *,
    session: AsyncSession,
    user_id: int,
    reason: str,
    priority: int,
    lang: str | None,
    topic: str | None,
) -> Ticket:
    """Raises IntegrityError when the user already has an active ticket (partial unique
    index): the caller's transaction then rolls back whole."""
    ticket = Ticket(user_id=user_id, reason=reason, priority=priority, lang=lang, topic=topic)
    session.add(ticket)
    await session.flush()
    await add_event(
        session=session,
        ticket_id=ticket.id,
        kind="opened",
        actor=f"user:{user_id}",
        reason=reason,
        priority=priority,
    )
    return ticket


async def escalate_ticket(
    *, session: AsyncSession, ticket_id: int, priority: int, reason: str, actor: str
) -> bool:
    done = (
        await session.exec(
            update(Ticket)
            .where(Ticket.id == ticket_id, Ticket.priority > priority)
            .values(priority=priority, reason=reason)
            .returning(Ticket.id)
        )
    ).first()
    if done:
        await add_event(
            session=session, ticket_id=ticket_id, kind="escalated", actor=actor, reason=reason
        )
    return bool(done)


async def claim_ticket(
    *, session: AsyncSession, ticket_id: int, counselor: str, take_over: bool = False
) -> bool:
    """Open -> claimed by `counselor`; with `take_over` (a supervisor) also from another."""
    allowed = ("open", "claimed") if take_over else ("open",)
    won = (
        await session.exec(
            update(Ticket)
            .where(
                Ticket.id == ticket_id,
                col(Ticket.status).in_(allowed),
                or_(col(Ticket.claimed_by).is_(None), Ticket.claimed_by != counselor),
            )
            .values(status="claimed", claimed_by=counselor, claimed_at=utcnow(), flagged_at=None)
            .returning(Ticket.id)
        )
    ).first()
    if won:
        await add_event(
            session=session,
            ticket_id=ticket_id,
            kind="taken-over" if take_over else "claimed",
            actor=counselor,
        )
    return bool(won)


async def release_ticket(
    *, session: AsyncSession, ticket_id: int, counselor: str, anyone: bool = False
) -> bool:
    """Claimed -> open; only by its holder, or by a supervisor (`anyone`)."""
    query = update(Ticket).where(Ticket.id == ticket_id, Ticket.status == "claimed")
    if not anyone:
        query = query.where(Ticket.claimed_by == counselor)
    done = (
        await session.exec(
            query.values(
                status="open", claimed_by=None, claimed_at=None, announced_at=None, flagged_at=None
            ).returning(Ticket.id)
        )
    ).first()
    if done:
        await add_event(session=session, ticket_id=ticket_id, kind="released", actor=counselor)
    return bool(done)


async def close_ticket(
    *, session: AsyncSession, ticket_id: int, actor: str, note: str | None
) -> bool:
    done = (
        await session.exec(
            update(Ticket)
            .where(Ticket.id == ticket_id, col(Ticket.status).in_(ACTIVE))
            .values(status="closed", closed_at=utcnow(), note=note)
            .returning(Ticket.id)
        )
    ).first()
    if done:
        await add_event(session=session, ticket_id=ticket_id, kind="closed", actor=actor)
    return bool(done)


async def mark_responded(
    *, session: AsyncSession, ticket_id: int, counselor: str, kind: str, **detail: object
) -> None:
    await session.exec(
        update(Ticket)
        .where(Ticket.id == ticket_id, col(Ticket.first_response_at).is_(None))
        .values(first_response_at=utcnow())
    )
    await session.exec(update(Ticket).where(Ticket.id == ticket_id).values(flagged_at=None))
    await add_event(session=session, ticket_id=ticket_id, kind=kind, actor=counselor, **detail)


async def rate_ticket(*, session: AsyncSession, ticket_id: int, user_id: int, score: int) -> bool:
    done = (
        await session.exec(
            update(Ticket)
            .where(Ticket.id == ticket_id, Ticket.user_id == user_id, Ticket.status == "closed")
            .values(rating=score)
            .returning(Ticket.id)
        )
    ).first()
    if done:
        await add_event(
            session=session, ticket_id=ticket_id, kind="rated", actor=f"user:{user_id}", score=score
        )
    return bool(done)


async def recently_closed(
    *, session: AsyncSession, user_id: int, within: dt.timedelta
) -> Ticket | None:
    return (
        await session.exec(
            select(Ticket)
            .where(
                Ticket.user_id == user_id,
                Ticket.status == "closed",
                col(Ticket.closed_at) > utcnow() - within,
            )
            .order_by(col(Ticket.closed_at).desc())
        )
    ).first()


async def reopen_ticket(*, session: AsyncSession, ticket_id: int, user_id: int) -> bool:
    """Raises IntegrityError when a newer ticket of the user is active."""
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
                flagged_at=None,
            )
            .returning(Ticket.id)
        )
    ).first()
    if done:
        await add_event(
            session=session, ticket_id=ticket_id, kind="reopened", actor=f"user:{user_id}"
        )
    return bool(done)


async def set_announced(
    *, session: AsyncSession, ticket_id: int, at: dt.datetime | None = None
) -> None:
    await session.exec(
        update(Ticket).where(Ticket.id == ticket_id).values(announced_at=at or utcnow())
    )


async def set_counselor_message(*, session: AsyncSession, ticket_id: int, message_id: int) -> None:
    """The first announcement's message is the one replies thread under."""
    await session.exec(
        update(Ticket)
        .where(Ticket.id == ticket_id, col(Ticket.counselor_message_id).is_(None))
        .values(counselor_message_id=message_id)
    )


async def set_thread(*, session: AsyncSession, ticket_id: int, thread_id: int) -> int | None:
    """Record the ticket's forum topic unless one is already recorded; returns the thread that
    holds (ours, or the one another process recorded first)."""
    await session.exec(
        update(Ticket)
        .where(Ticket.id == ticket_id, col(Ticket.thread_id).is_(None))
        .values(thread_id=thread_id)
    )
    return (await session.exec(select(Ticket.thread_id).where(Ticket.id == ticket_id))).first()


async def take_stale(*, session: AsyncSession, older_than: dt.timedelta) -> list[Ticket]:
    """Open tickets nobody claimed since they were last announced (or never announced), each
    taken by one process only: the same conditional UPDATE moves their announced_at."""
    now = utcnow()
    cutoff = now - older_than
    candidates = (
        await session.exec(
            select(Ticket.id).where(
                Ticket.status == "open",
                or_(col(Ticket.announced_at).is_(None), col(Ticket.announced_at) < cutoff),
            )
        )
    ).all()
    taken = []
    for ticket_id in candidates:
        got = (
            await session.exec(
                update(Ticket)
                .where(
                    Ticket.id == ticket_id,
                    Ticket.status == "open",
                    or_(col(Ticket.announced_at).is_(None), col(Ticket.announced_at) < cutoff),
                )
                .values(announced_at=now)
                .returning(Ticket.id)
            )
        ).first()
        if got:
            taken.append(await session.get(Ticket, ticket_id))
    return [t for t in taken if t is not None]


async def claimed_without_reply(*, session: AsyncSession, older_than: dt.timedelta) -> list[Ticket]:
    """Claimed tickets whose counselor has not written for `older_than` since claiming (or
    since their last reply), not yet flagged; each flagged by one process only."""
    now = utcnow()
    cutoff = now - older_than
    last_reply = (
        select(func.max(TicketEvent.at))
        .where(
            TicketEvent.ticket_id == Ticket.id,
            col(TicketEvent.kind).in_(("replied", "sent", "claimed", "taken-over")),
        )
        .scalar_subquery()
    )
    ids = (
        await session.exec(
            select(Ticket.id).where(
                Ticket.status == "claimed",
                col(Ticket.flagged_at).is_(None),
                last_reply < cutoff,
            )
        )
    ).all()
    flagged = []
    for ticket_id in ids:
        got = (
            await session.exec(
                update(Ticket)
                .where(
                    Ticket.id == ticket_id,
                    Ticket.status == "claimed",
                    col(Ticket.flagged_at).is_(None),
                )
                .values(flagged_at=now)
                .returning(Ticket.id)
            )
        ).first()
        if got:
            ticket = await session.get(Ticket, ticket_id)
            if ticket is not None:
                flagged.append(ticket)
                await add_event(session=session, ticket_id=ticket_id, kind="flagged", actor="sla")
    return flagged


async def ticket_by_thread(
    *, session: AsyncSession, thread_id: int | None = None, message_id: int | None = None
) -> Ticket | None:
    """The ticket a counselor's message belongs to: its forum topic or its announcement."""
    if thread_id is not None:
        found = (
            await session.exec(
                select(Ticket).where(Ticket.thread_id == thread_id).order_by(col(Ticket.id).desc())
            )
        ).first()
        if found:
            return found
    if message_id is not None:
        return (
            await session.exec(select(Ticket).where(Ticket.counselor_message_id == message_id))
        ).first()
    return None


async def active_tickets(*, session: AsyncSession) -> list[Ticket]:
    """Open and claimed tickets, urgent first, then oldest first."""
    return list(
        (
            await session.exec(
                select(Ticket)
                .where(col(Ticket.status).in_(ACTIVE))
                .order_by(Ticket.priority, Ticket.opened_at, Ticket.id)
            )
        ).all()
    )


async def queue_position(*, session: AsyncSession, ticket: Ticket) -> int:
    """1 = next to be picked up."""
    ahead = (
        await session.exec(
            select(func.count())
            .select_from(Ticket)
            .where(
                Ticket.status == "open",
                (Ticket.priority < ticket.priority)
                | ((Ticket.priority == ticket.priority) & (Ticket.opened_at < ticket.opened_at))
                | (
                    (Ticket.priority == ticket.priority)
                    & (Ticket.opened_at == ticket.opened_at)
                    & (col(Ticket.id) < ticket.id)
                ),
            )
        )
    ).one()
    return int(ahead) + 1


async def user_of(*, session: AsyncSession, ticket: Ticket) -> User | None:
    return await session.get(User, ticket.user_id) if ticket.user_id else None


async def user_role(*, session: AsyncSession, channel: str, external_id: str) -> str | None:
    return (
        await session.exec(
            select(User.role).where(User.channel == channel, User.external_id == external_id)
        )
    ).first()


async def transcript(*, session: AsyncSession, user_id: int, last: int) -> list[Message]:
    """The user's last `last` messages, oldest first."""
    messages = (
        await session.exec(
            select(Message)
            .where(Message.user_id == user_id)
            .order_by(col(Message.id).desc())
            .limit(last)
        )
    ).all()
    return list(reversed(messages))


async def last_entry(*, session: AsyncSession, user_id: int) -> str | None:
    """The knowledge entry the user was last answered with: the gist of their question."""
    return (
        await session.exec(
            select(Message.entry)
            .where(Message.user_id == user_id, col(Message.entry).is_not(None))
            .order_by(col(Message.id).desc())
            .limit(1)
        )
    ).first()


async def ticket_events(*, session: AsyncSession, ticket_id: int) -> list[TicketEvent]:
    return list(
        (
            await session.exec(
                select(TicketEvent)
                .where(TicketEvent.ticket_id == ticket_id)
                .order_by(TicketEvent.id)
            )
        ).all()
    )


async def all_tickets(*, session: AsyncSession) -> list[Ticket]:
    """For the desk's report: figures, never text."""
    return list((await session.exec(select(Ticket))).all())


async def queue_page(
    *,
    session: AsyncSession,
    statuses: tuple[str, ...] = ACTIVE,
    lang: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[Ticket], int]:
    """One page of the web desk's queue (urgent first, then oldest) and how many in all."""
    conditions = [col(Ticket.status).in_(list(statuses))]
    if lang:
        conditions.append(Ticket.lang == lang)
    total = (await session.exec(select(func.count()).select_from(Ticket).where(*conditions))).one()
    page = (
        await session.exec(
            select(Ticket)
            .where(*conditions)
            .order_by(Ticket.priority, Ticket.opened_at, Ticket.id)
            .offset(offset)
            .limit(limit)
        )
    ).all()
    return list(page), int(total)


async def queue_version(*, session: AsyncSession) -> tuple[int, int]:
    """Changes whenever any ticket does (a new event, a new ticket): what the web desk's live
    queue watches, the same in every process."""
    events = (await session.exec(select(func.max(TicketEvent.id)))).one()
    tickets = (await session.exec(select(func.max(Ticket.id)))).one()
    return int(events or 0), int(tickets or 0)


async def transcript_page(
    *, session: AsyncSession, user_id: int, before: int | None = None, limit: int = 100
) -> list[Message]:
    """Up to `limit` messages older than message id `before` (the newest when None), oldest
    first: a transcript of thousands of messages is read a page at a time."""
    query = select(Message).where(Message.user_id == user_id)
    if before is not None:
        query = query.where(col(Message.id) < before)
    rows = (await session.exec(query.order_by(col(Message.id).desc()).limit(limit))).all()
    return list(reversed(rows))


async def relays_to_user(
    *, session: AsyncSession, ticket_id: int, chat_id: str, limit: int = 200
) -> list[Outbox]:
    """What counselors sent the ticket's user (replies, entries, the goodbye): the other half
    of the transcript, which lives in the outbox."""
    rows = (
        await session.exec(
            select(Outbox)
            .where(Outbox.ticket_id == ticket_id, Outbox.chat_id == chat_id)
            .order_by(col(Outbox.id).desc())
            .limit(limit)
        )
    ).all()
    return list(reversed(rows))


async def ticket_version(*, session: AsyncSession, ticket_id: int) -> tuple[int, int, int]:
    """Changes whenever the ticket's conversation does: a message of its user, an event of
    the ticket, something queued to the user."""
    ticket = await session.get(Ticket, ticket_id)
    if ticket is None:
        return 0, 0, 0
    said = (
        await session.exec(select(func.max(Message.id)).where(Message.user_id == ticket.user_id))
    ).one()
    events = (
        await session.exec(
            select(func.max(TicketEvent.id)).where(TicketEvent.ticket_id == ticket_id)
        )
    ).one()
    queued = (
        await session.exec(select(func.max(Outbox.id)).where(Outbox.ticket_id == ticket_id))
    ).one()
    return int(said or 0), int(events or 0), int(queued or 0)
