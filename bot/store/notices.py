"""Every statement about notices, as keyword-only functions taking a session.

A notice is fanned out in batches: each batch, in one transaction, picks users of the audience
who are opted in and not yet reached, and writes their outbox items and their recipient rows.
The recipients' primary key (notice_id, user_id) and the "not yet reached" condition make the
fan-out exactly-once and resumable: a process stopped between batches loses nothing, and a
batch that fails is rolled back whole (no item without its recipient row, nor the reverse).
Each batch first touches the notice's row, which locks it (PostgreSQL) or takes the write lock
(SQLite), so two processes fanning out the same notice take turns instead of racing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import exists, func, insert, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.tables import Notice, NoticeRecipient, Outbox, User, utcnow

__all__ = [
    "NOTICE_PRIORITY",
    "NoticeProgress",
    "create_notice",
    "fan_out_batch",
    "get_notice",
    "list_notices",
    "notice_progress",
    "notices_enabled",
    "set_company",
    "set_notices",
    "unfinished_notices",
    "user_language",
]

# Outbox priority of a notice's items: after everything else that is due (0 urgent, 1 the
# handoff's relays and answers), so ten thousand notices never hold up a counselor's reply.
NOTICE_PRIORITY = 2


@dataclass(frozen=True, slots=True)
class NoticeProgress:
    recipients: int  # outbox items written so far
    delivered: int
    failed: int  # refused for good (blocked the bot, chat gone)
    pending: int  # written, not yet delivered
    waiting: int  # in the audience, opted in, not yet fanned out to
    fanned_out: bool


def user_language(lang: str | None, easy_japanese: bool) -> str | None:
    """The language a user reads, as the conversation stores it (ja + easy -> ja-easy)."""
    return "ja-easy" if easy_japanese and lang == "ja" else lang


async def create_notice(
    *, session: AsyncSession, created_by: str, texts: dict[str, str], audience: dict
) -> Notice:
    notice = Notice(created_by=created_by[:64], texts=dict(texts), audience=dict(audience))
    session.add(notice)
    await session.flush()
    return notice


async def get_notice(*, session: AsyncSession, notice_id: int) -> Notice | None:
    return await session.get(Notice, notice_id)


async def list_notices(*, session: AsyncSession, limit: int = 20) -> list[Notice]:
    """The newest first."""
    query = select(Notice).order_by(col(Notice.id).desc()).limit(limit)
    return list((await session.exec(query)).all())


async def unfinished_notices(*, session: AsyncSession) -> list[int]:
    """Ids of the notices whose fan-out is not finished, oldest first."""
    query = select(Notice.id).where(col(Notice.fanned_out_at).is_(None)).order_by(Notice.id)
    return list((await session.exec(query)).all())


def _audience(notice_id: int, audience: dict, channels: Sequence[str]):  # type: ignore[no-untyped-def]
    """Users the notice is for and has not reached yet: of a channel that delivers, opted in,
    in the audience ({} everyone, "lang", "company"; both keys: both must hold)."""
    reached = exists().where(
        NoticeRecipient.notice_id == notice_id, NoticeRecipient.user_id == User.id
    )
    conditions = [
        col(User.channel).in_(list(channels)),
        col(User.notices).is_(True),
        col(User.blocked_at).is_(None),  # blocked the bot: a push would only cost quota
        ~reached,
    ]
    lang = audience.get("lang")
    if lang == "ja-easy":
        conditions += [User.lang == "ja", col(User.easy_japanese).is_(True)]
    elif lang == "ja":
        conditions += [User.lang == "ja", col(User.easy_japanese).is_(False)]
    elif lang is not None:
        conditions.append(User.lang == lang)
    if audience.get("company") is not None:
        conditions.append(User.company == audience["company"])
    return conditions


async def fan_out_batch(
    *,
    session: AsyncSession,
    notice_id: int,
    text_for: Callable[[str | None], str],
    channels: Sequence[str] = ("telegram",),
    limit: int = 500,
    now: dt.datetime | None = None,
) -> tuple[int, bool]:
    """Reach up to `limit` more users of the notice: (users reached now, fan-out finished).

    `text_for(lang)` is the notice's text for a reader of `lang` (None: language unknown).
    When no user is left the notice is marked fanned out; one that already is returns (0, True).
    """
    now = now or utcnow()
    held = (
        await session.exec(
            update(Notice)
            .where(Notice.id == notice_id, col(Notice.fanned_out_at).is_(None))
            .values(created_by=Notice.created_by)  # no change: the row lock is the point
            .returning(Notice.audience)
        )
    ).first()
    if held is None:
        return 0, True
    audience = held[0] or {}
    users = (
        await session.exec(
            select(User.id, User.channel, User.external_id, User.lang, User.easy_japanese)
            .where(*_audience(notice_id, audience, channels))
            .order_by(User.id)
            .limit(limit)
        )
    ).all()
    if not users:
        await session.exec(update(Notice).where(Notice.id == notice_id).values(fanned_out_at=now))
        return 0, True
    texts: dict[str | None, str] = {}
    items = []
    for _, channel, external_id, lang, easy in users:
        reader = user_language(lang, easy)
        if reader not in texts:
            texts[reader] = text_for(reader)
        items.append(
            {
                "channel": channel,
                "chat_id": external_id,
                "text": texts[reader],
                "html": False,
                "purpose": "notice",
                "priority": NOTICE_PRIORITY,
                "attempts": 0,
                "parts_sent": 0,
                "next_attempt_at": now,
                "created_at": now,
            }
        )
    # Multi-row INSERTs on the session's own connection: one transaction with the rest.
    conn = await session.connection()
    table = Outbox.__table__
    ids = (
        await conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), items)
    ).all()
    await conn.execute(
        insert(NoticeRecipient.__table__),
        [
            {"notice_id": notice_id, "user_id": user[0], "outbox_id": row[0]}
            for user, row in zip(users, ids, strict=True)
        ],
    )
    return len(users), False


async def notice_progress(
    *, session: AsyncSession, notice_id: int, channels: Sequence[str] = ("telegram",)
) -> NoticeProgress | None:
    notice = await session.get(Notice, notice_id)
    if notice is None:
        return None
    recipients, items, delivered, failed = (
        await session.exec(
            select(
                func.count(),
                func.count(Outbox.id),
                func.count(Outbox.delivered_at),
                func.count(Outbox.failed_at),
            )
            .select_from(NoticeRecipient)
            .outerjoin(Outbox, col(Outbox.id) == NoticeRecipient.outbox_id)
            .where(NoticeRecipient.notice_id == notice_id)
        )
    ).one()
    waiting = 0
    if notice.fanned_out_at is None:
        waiting = (
            await session.exec(
                select(func.count())
                .select_from(User)
                .where(*_audience(notice_id, notice.audience or {}, channels))
            )
        ).one()
    return NoticeProgress(
        recipients=recipients,
        delivered=delivered,
        failed=failed,
        # An item purged by retention is neither pending nor known delivered.
        pending=items - delivered - failed,
        waiting=waiting,
        fanned_out=notice.fanned_out_at is not None,
    )


async def set_notices(*, session: AsyncSession, user_id: int, on: bool) -> bool:
    """Opt the user in (on) or out of notices; False when there is no such user. Items already
    written for them still leave: an opt-out takes effect from the next batch."""
    done = (
        await session.exec(
            update(User).where(User.id == user_id).values(notices=on).returning(User.id)
        )
    ).first()
    return bool(done)


async def notices_enabled(*, session: AsyncSession, user_id: int) -> bool | None:
    """Whether the user receives notices; None when there is no such user."""
    user = await session.get(User, user_id)
    return None if user is None else user.notices


async def set_company(*, session: AsyncSession, user_id: int, company: str | None) -> bool:
    """Tag the user with a company (None: no company); False when there is no such user."""
    value = company.strip()[:64] if company else None
    done = (
        await session.exec(
            update(User).where(User.id == user_id).values(company=value).returning(User.id)
        )
    ).first()
    return bool(done)
