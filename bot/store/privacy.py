"""Retention and the rights of the people in the store: purge, export, forget.

Every table that holds a person's words or ids is named here, and each of the three covers all of
them: messages, conversation state, unanswered questions, feedback, tickets (their notes), ticket
events (their details), the outbox (relays both ways, announcements quoting the user, notices,
reminders), the updates already processed, reminders (a card's expiry date) and the notices a
user was sent.

- `purge_before` keeps nobody's words past the retention period: what aggregates need (votes,
  ticket counts and times, who did what to a ticket and when) stays, without any text.
- `user_record` is everything kept about one user: their export.
- `forget_user` deletes everything kept about one user, their votes and tickets included: the
  confirmation says "delete everything", and a vote or a ticket time is theirs too.

The SQL is written as keyword-only functions on the caller's session, so that closing a ticket,
forgetting its user and telling the counselor can be one transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from sqlalchemy import String, cast, delete, func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.database import Database, StoreError
from bot.store.tables import (
    Feedback,
    LoginFailure,
    Message,
    NoticeRecipient,
    Outbox,
    ProcessedUpdate,
    Reminder,
    StateRow,
    Ticket,
    TicketEvent,
    Unanswered,
    User,
    utcnow,
)

__all__ = [
    "count_messages",
    "export_user",
    "find_user",
    "forget_user",
    "parse_age",
    "purge",
    "purge_before",
    "user_record",
]

log = logging.getLogger(__name__)

_AGE = re.compile(r"^\s*(\d+)\s*(d|day|days|w|week|weeks|h|hour|hours)\s*$", re.IGNORECASE)


def parse_age(text: str) -> dt.timedelta:
    """'180d', '4w', '12h' -> a timedelta; anything else is a one-line error."""
    match = _AGE.match(text)
    if not match:
        raise StoreError(f"cannot read the age {text!r}: use e.g. 180d, 4w or 12h")
    n, unit = int(match.group(1)), match.group(2)[0].lower()
    return {"d": dt.timedelta(days=n), "w": dt.timedelta(weeks=n), "h": dt.timedelta(hours=n)}[unit]


# -- retention --------------------------------------------------------------------------------


async def purge_before(*, session: AsyncSession, cutoff: dt.datetime) -> dict[str, int]:
    """Remove every text written up to `cutoff`; rows per table touched.

    Outbox rows go whether delivered, failed or still waiting: a message not delivered within
    the retention period will not be, and the retention period is a promise about text.
    Tickets lose the notes written before the cutoff and ticket events their details; the
    tickets and events themselves stay (who claimed what and when, and the ratings, are the
    desk's figures, not anyone's words). Feedback rows hold no text and stay. Processed update
    ids go: a redelivery older than the retention period does not happen. Reminders sent or
    cancelled before the cutoff go (one still to come stays: the user asked for it). Failed
    web desk logins go too (they count only for minutes, and say who tried from where).
    """

    async def run(statement) -> int:  # type: ignore[no-untyped-def]
        return (await session.exec(statement)).rowcount

    # A note is written when a ticket is closed, and a ticket reopened since keeps it: a note
    # is old when its ticket has not been closed after the cutoff, whatever its status now.
    closed_since = select(TicketEvent.id).where(
        TicketEvent.ticket_id == Ticket.id,
        TicketEvent.kind == "closed",
        col(TicketEvent.at) > cutoff,
    )
    return {
        "messages": await run(delete(Message).where(col(Message.created_at) <= cutoff)),
        "unanswered": await run(delete(Unanswered).where(col(Unanswered.created_at) <= cutoff)),
        "outbox": await run(delete(Outbox).where(col(Outbox.created_at) <= cutoff)),
        "ticket_notes": await run(
            update(Ticket)
            .where(
                col(Ticket.note).is_not(None),
                col(Ticket.opened_at) <= cutoff,
                ~closed_since.exists(),
            )
            .values(note=None)
        ),
        "ticket_events": await run(
            update(TicketEvent)
            .where(col(TicketEvent.at) <= cutoff, cast(TicketEvent.detail, String) != "{}")
            .values(detail={})
        ),
        "processed_updates": await run(
            delete(ProcessedUpdate).where(col(ProcessedUpdate.processed_at) <= cutoff)
        ),
        "reminders": await run(
            delete(Reminder).where(
                (col(Reminder.queued_at) <= cutoff) | (col(Reminder.cancelled_at) <= cutoff)
            )
        ),
        "login_failures": await run(delete(LoginFailure).where(col(LoginFailure.at) <= cutoff)),
    }


async def purge(db: Database, older_than: dt.timedelta) -> dict[str, int]:
    """`madoguchi db purge`: one transaction, so a purge is all done or not at all."""
    cutoff = utcnow() - older_than
    async with db.session() as session:
        counts = await purge_before(session=session, cutoff=cutoff)
    log.info("purged before %s: %s", cutoff.isoformat(timespec="seconds"), counts)
    return counts


# -- a user's rights --------------------------------------------------------------------------


async def find_user(db: Database, ident: str) -> User | None:
    """By store id ("42") or channel id ("telegram:12345")."""
    async with db.session() as session:
        if ident.isdecimal():
            return await session.get(User, int(ident))
        channel, _, external = ident.partition(":")
        return (
            await session.exec(
                select(User).where(User.channel == channel, User.external_id == external)
            )
        ).first()


def _outbox_of(user: User, tickets: list[int]):  # type: ignore[no-untyped-def]
    """Outbox rows about the user: those of their tickets (announcements quoting them, relays
    both ways, notices) and anything addressed to their chat."""
    return col(Outbox.ticket_id).in_(tickets) | (
        (Outbox.channel == user.channel) & (Outbox.chat_id == user.external_id)
    )


async def user_record(*, session: AsyncSession, user: User) -> dict:
    """Everything kept about one user, as JSON-ready data."""

    async def rows(query) -> list[dict]:  # type: ignore[no-untyped-def]
        return [row.model_dump(mode="json") for row in (await session.exec(query)).all()]

    state = await session.get(StateRow, user.id)
    tickets = await rows(select(Ticket).where(Ticket.user_id == user.id).order_by(Ticket.id))
    ids = [t["id"] for t in tickets]
    return {
        "user": user.model_dump(mode="json"),
        "state": state.model_dump(mode="json") if state else None,
        "messages": await rows(
            select(Message)
            .where(Message.user_id == user.id)
            .order_by(Message.created_at, Message.id)
        ),
        "feedback": await rows(
            select(Feedback).where(Feedback.user_id == user.id).order_by(Feedback.id)
        ),
        "unanswered": await rows(
            select(Unanswered).where(Unanswered.user_id == user.id).order_by(Unanswered.id)
        ),
        "tickets": tickets,
        "ticket_events": await rows(
            select(TicketEvent).where(col(TicketEvent.ticket_id).in_(ids)).order_by(TicketEvent.id)
        ),
        "outbox": await rows(select(Outbox).where(_outbox_of(user, ids)).order_by(Outbox.id)),
        "reminders": await rows(
            select(Reminder).where(Reminder.user_id == user.id).order_by(Reminder.id)
        ),
        "notices_received": await rows(
            select(NoticeRecipient)
            .where(NoticeRecipient.user_id == user.id)
            .order_by(NoticeRecipient.notice_id)
        ),
    }


async def export_user(db: Database, ident: str) -> dict:
    """`madoguchi db export-user`: by store id or channel:external_id."""
    user = await find_user(db, ident)
    if user is None:
        raise StoreError(f"no user {ident!r} in the store (use the id or channel:external_id)")
    async with db.session() as session:
        return await user_record(session=session, user=user)


async def forget_user(*, session: AsyncSession, user_id: int) -> dict[str, int]:
    """Delete every row that holds the user's words or ids; rows deleted per table.

    Runs in the caller's transaction. Closing an active ticket and telling its counselor is the
    caller's: do it first, and write the counselor's notice after this call, in the same
    transaction, without a ticket id (the ticket is gone) and without the user's words; a notice
    written before would be deleted with the rest.

    The user's row and tickets are locked first (PostgreSQL), so a message, vote, ticket event or
    relay written at this moment by another process waits for the deletion and then fails on the
    missing row instead of leaving something behind.
    """
    user = (await session.exec(select(User).where(User.id == user_id).with_for_update())).first()
    tickets = list(
        (
            await session.exec(select(Ticket.id).where(Ticket.user_id == user_id).with_for_update())
        ).all()
    )

    async def run(statement) -> int:  # type: ignore[no-untyped-def]
        return (await session.exec(statement)).rowcount

    outbox = _outbox_of(user, tickets) if user else col(Outbox.ticket_id).in_(tickets)
    return {
        "outbox": await run(delete(Outbox).where(outbox)),
        "ticket_events": await run(
            delete(TicketEvent).where(col(TicketEvent.ticket_id).in_(tickets))
        ),
        "tickets": await run(delete(Ticket).where(col(Ticket.id).in_(tickets))),
        "feedback": await run(delete(Feedback).where(Feedback.user_id == user_id)),
        "unanswered": await run(delete(Unanswered).where(Unanswered.user_id == user_id)),
        "messages": await run(delete(Message).where(Message.user_id == user_id)),
        "conversation_state": await run(delete(StateRow).where(StateRow.user_id == user_id)),
        "reminders": await run(delete(Reminder).where(Reminder.user_id == user_id)),
        "notices_received": await run(
            delete(NoticeRecipient).where(NoticeRecipient.user_id == user_id)
        ),
        "users": await run(delete(User).where(User.id == user_id)),
    }


async def count_messages(db: Database) -> int:
    async with db.session() as session:
        return (await session.exec(select(func.count()).select_from(Message))).one()
