"""Whether a user can be reached: the chat app told us they blocked the bot (LINE's unfollow),
or that they came back (follow)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.tables import User, utcnow

__all__ = ["is_blocked", "set_blocked"]


async def set_blocked(
    *,
    session: AsyncSession,
    channel: str,
    external_id: str,
    blocked: bool,
    now: dt.datetime | None = None,
) -> int | None:
    """Mark (or clear) the block; the user's id, or None for someone who never wrote (nothing is
    stored about a person who only followed and left)."""
    user = (
        await session.exec(
            select(User).where(User.channel == channel, User.external_id == external_id)
        )
    ).first()
    if user is None:
        return None
    user.blocked_at = (now or utcnow()) if blocked else None
    session.add(user)
    await session.flush()
    return user.id


async def is_blocked(*, session: AsyncSession, channel: str, external_id: str) -> bool:
    found = (
        await session.exec(
            select(User.blocked_at).where(User.channel == channel, User.external_id == external_id)
        )
    ).first()
    return found is not None
