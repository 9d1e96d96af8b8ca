"""The web desk's accounts: a login name, an argon2 hash, and the `users` row (channel "web")
whose role the desk checks like any other counselor's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import col, delete, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.tables import LoginFailure, User, WebAccount, utcnow

__all__ = [
    "Account",
    "account_named",
    "clear_login_failures",
    "create_account",
    "login_failures_since",
    "record_login",
    "record_login_failure",
    "set_password",
]

CHANNEL = "web"


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    role: str  # counselor | supervisor
    password_hash: str


async def create_account(
    *, session: AsyncSession, name: str, role: str, password_hash: str
) -> bool:
    """False when the name is taken (the caller says so; nothing changes)."""
    taken = (await session.exec(select(WebAccount.id).where(WebAccount.name == name))).first()
    if taken is not None:
        return False
    user = (
        await session.exec(select(User).where(User.channel == CHANNEL, User.external_id == name))
    ).first()
    if user is None:
        user = User(channel=CHANNEL, external_id=name, lang="ja", notices=False)
    user.role = role
    session.add(user)
    await session.flush()
    assert user.id is not None
    session.add(WebAccount(user_id=user.id, name=name, password_hash=password_hash))
    await session.flush()
    return True


async def set_password(*, session: AsyncSession, name: str, password_hash: str) -> bool:
    account = (await session.exec(select(WebAccount).where(WebAccount.name == name))).first()
    if account is None:
        return False
    account.password_hash = password_hash
    session.add(account)
    return True


async def account_named(*, session: AsyncSession, name: str) -> Account | None:
    row = (
        await session.exec(
            select(WebAccount.name, User.role, WebAccount.password_hash)
            .join(User, User.id == WebAccount.user_id)
            .where(WebAccount.name == name)
        )
    ).first()
    return Account(*row) if row is not None else None


async def record_login(*, session: AsyncSession, name: str, at: dt.datetime | None = None) -> None:
    account = (await session.exec(select(WebAccount).where(WebAccount.name == name))).first()
    if account is not None:
        account.last_login_at = at or utcnow()
        session.add(account)


async def record_login_failure(
    *, session: AsyncSession, keys: list[str], at: dt.datetime, forget_before: dt.datetime
) -> None:
    """One failure under each key; failures older than `forget_before` go (the window's past)."""
    await session.exec(delete(LoginFailure).where(col(LoginFailure.at) < forget_before))
    session.add_all(LoginFailure(key=key, at=at) for key in keys)
    await session.flush()


async def login_failures_since(
    *, session: AsyncSession, keys: list[str], since: dt.datetime
) -> dict[str, tuple[int, dt.datetime]]:
    """Per key with failures since `since`: how many, and the oldest of them."""
    rows = await session.exec(
        select(LoginFailure.key, func.count(), func.min(LoginFailure.at))
        .where(col(LoginFailure.key).in_(keys), col(LoginFailure.at) > since)
        .group_by(LoginFailure.key)
    )
    return {key: (count, oldest) for key, count, oldest in rows.all()}


async def clear_login_failures(*, session: AsyncSession, keys: list[str]) -> None:
    await session.exec(delete(LoginFailure).where(col(LoginFailure.key).in_(keys)))
