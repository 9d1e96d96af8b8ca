"""Retention and the rights of the people in the store: purge, export, forget.

Old messages go after a retention period; what aggregates need (feedback votes, unanswered
question counts) stays without the text. A user's export holds everything kept about them.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import delete, func
from sqlmodel import select

from bot.store.database import Database, StoreError
from bot.store.tables import Feedback, Message, StateRow, Unanswered, User, utcnow

__all__ = ["count_messages", "export_user", "find_user", "parse_age", "purge"]

_AGE = re.compile(r"^\s*(\d+)\s*(d|day|days|w|week|weeks|h|hour|hours)\s*$", re.IGNORECASE)


def parse_age(text: str) -> dt.timedelta:
    """'180d', '4w', '12h' -> a timedelta; anything else is a one-line error."""
    match = _AGE.match(text)
    if not match:
        raise StoreError(f"cannot read the age {text!r}: use e.g. 180d, 4w or 12h")
    n, unit = int(match.group(1)), match.group(2)[0].lower()
    return {"d": dt.timedelta(days=n), "w": dt.timedelta(weeks=n), "h": dt.timedelta(hours=n)}[unit]


async def purge(db: Database, older_than: dt.timedelta) -> dict[str, int]:
    cutoff = utcnow() - older_than
    async with db.session() as session:
        messages = await session.exec(delete(Message).where(Message.created_at < cutoff))
        unanswered = await session.exec(delete(Unanswered).where(Unanswered.created_at < cutoff))
    return {"messages": messages.rowcount, "unanswered": unanswered.rowcount}


async def find_user(db: Database, ident: str) -> User | None:
    """By store id ("42") or channel id ("telegram:12345")."""
    async with db.session() as session:
        if ident.isdigit():
            return await session.get(User, int(ident))
        channel, _, external = ident.partition(":")
        return (
            await session.exec(
                select(User).where(User.channel == channel, User.external_id == external)
            )
        ).first()


async def export_user(db: Database, ident: str) -> dict:
    user = await find_user(db, ident)
    if user is None:
        raise StoreError(f"no user {ident!r} in the store (use the id or channel:external_id)")
    async with db.session() as session:
        messages = (
            await session.exec(
                select(Message)
                .where(Message.user_id == user.id)
                .order_by(Message.created_at, Message.id)
            )
        ).all()
        state = await session.get(StateRow, user.id)
        feedback = (await session.exec(select(Feedback).where(Feedback.user_id == user.id))).all()
        unanswered = (
            await session.exec(select(Unanswered).where(Unanswered.user_id == user.id))
        ).all()
        return {
            "user": user.model_dump(mode="json"),
            "state": state.model_dump(mode="json") if state else None,
            "messages": [m.model_dump(mode="json") for m in messages],
            "feedback": [f.model_dump(mode="json") for f in feedback],
            "unanswered": [u.model_dump(mode="json") for u in unanswered],
        }


async def count_messages(db: Database) -> int:
    async with db.session() as session:
        return (await session.exec(select(func.count()).select_from(Message))).one()
