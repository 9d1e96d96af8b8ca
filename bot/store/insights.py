"""The figures behind the insights page (#14): what the bot could not answer, what users found
unhelpful, how the desk keeps up, as rows the database has already grouped.

Managers and curators look at a month at a time, and a month can be 100,000 messages: every
figure is a GROUP BY or a correlated subquery on an indexed column, so what comes back is a few
hundred grouped rows, never the messages themselves. The two lists of texts (unanswered
questions, questions that got a 👎) are capped, newest first, because they are clustered in
Python afterwards.

The statements are the same on SQLite and PostgreSQL except two expressions, spelled per
dialect below: minutes between two times, and the calendar day in Tokyo (the desk's day, not
UTC's: a question at 08:00 in Tokyo belongs to that morning, not to the day before).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sqlalchemy import Float, and_, case, extract, func, literal
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.tables import Feedback, Message, Ticket, Unanswered

__all__ = [
    "Activity",
    "DayRatings",
    "DownvotedQuestion",
    "EntryAnswers",
    "EntryVotes",
    "ReasonCount",
    "TicketTimes",
    "UnansweredQuestion",
    "activity",
    "answers_by_entry",
    "handoffs_by_reason",
    "ratings_by_day",
    "thumbs_down_by_entry",
    "thumbs_down_questions",
    "ticket_times",
    "unanswered_questions",
]

TEXTS_CAP = 5_000  # questions handed to clustering: enough for a month, bounded for the page
TICKETS_CAP = 20_000
TOKYO = "Asia/Tokyo"
TOKYO_OFFSET = "+9 hours"  # Japan keeps no daylight saving time: the offset is the zone


class Activity(NamedTuple):
    """The period at a glance: what the other figures are a share of."""

    questions: int  # messages users typed (button presses carry no text)
    answers: int  # knowledge answers sent
    unanswered: int  # all of them, not only the capped list
    thumbs_up: int
    thumbs_down: int
    handoffs: int


class UnansweredQuestion(NamedTuple):
    text: str
    lang: str | None
    top_entry: str | None  # the matcher's best guess, below its threshold
    created_at: dt.datetime


class EntryVotes(NamedTuple):
    entry: str
    lang: str | None
    down: int
    up: int


class DownvotedQuestion(NamedTuple):
    entry: str
    lang: str | None
    text: str | None  # None: the question was purged, or never typed
    created_at: dt.datetime


class ReasonCount(NamedTuple):
    reason: str
    count: int


class TicketTimes(NamedTuple):
    ticket_id: int
    lang: str | None
    reason: str
    opened_at: dt.datetime
    minutes_to_claim: float | None  # None: nobody claimed it (yet)
    minutes_to_close: float | None


class DayRatings(NamedTuple):
    day: dt.date  # in Tokyo
    ratings: int
    satisfied: int  # rated 4 or 5
    total: int  # sum of the ratings, for the mean


class EntryAnswers(NamedTuple):
    entry: str
    lang: str | None
    count: int


# -- the two expressions that differ per dialect -------------------------------------------------


def _dialect(session: AsyncSession) -> str:
    bind = session.bind
    assert bind is not None, "insights need a session bound to an engine"
    return bind.dialect.name


def _minutes(session: AsyncSession, start, end) -> ColumnElement[float]:  # type: ignore[no-untyped-def]
    """`end - start` in minutes, NULL when either is NULL."""
    if _dialect(session) == "sqlite":
        # Times are stored as ISO text in UTC; julianday reads them, fractions of a second too.
        return ((func.julianday(end) - func.julianday(start)) * 1440.0).cast(Float)
    return (extract("epoch", end - start) / 60.0).cast(Float)


def _tokyo_day(session: AsyncSession, column) -> ColumnElement[str]:  # type: ignore[no-untyped-def]
    """The calendar day in Tokyo as 'YYYY-MM-DD' text, on both dialects alike."""
    if _dialect(session) == "sqlite":
        return func.date(column, TOKYO_OFFSET)
    return func.to_char(func.timezone(TOKYO, column), "YYYY-MM-DD")


def _period(column, since: dt.datetime, until: dt.datetime | None) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
    """since <= column < until: a half-open window, so adjacent periods never count twice."""
    if until is None:
        return col(column) >= since
    return and_(col(column) >= since, col(column) < until)


def _rounded(minutes: object) -> float | None:
    """Rounded: SQLite's julianday carries float noise in the last digits."""
    return None if minutes is None else round(float(minutes), 5)  # type: ignore[arg-type]


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


# -- the figures ---------------------------------------------------------------------------------


async def activity(
    *, session: AsyncSession, since: dt.datetime, until: dt.datetime | None = None
) -> Activity:
    """Six counts in one round trip."""

    def count(model, *where) -> ColumnElement[int]:  # type: ignore[no-untyped-def]
        return select(func.count()).select_from(model).where(*where).scalar_subquery()

    row = (
        await session.exec(
            select(
                count(
                    Message,
                    Message.direction == "in",
                    Message.text != "",
                    _period(Message.created_at, since, until),
                ),
                count(
                    Message,
                    Message.direction == "out",
                    col(Message.entry).is_not(None),
                    _period(Message.created_at, since, until),
                ),
                count(Unanswered, _period(Unanswered.created_at, since, until)),
                count(Feedback, Feedback.vote > 0, _period(Feedback.created_at, since, until)),
                count(Feedback, Feedback.vote < 0, _period(Feedback.created_at, since, until)),
                count(Ticket, _period(Ticket.opened_at, since, until)),
            )
        )
    ).one()
    return Activity(*(int(n or 0) for n in row))


async def unanswered_questions(
    *,
    session: AsyncSession,
    since: dt.datetime,
    until: dt.datetime | None = None,
    limit: int = TEXTS_CAP,
) -> list[UnansweredQuestion]:
    """The questions the bot could not match, newest first, with its best guess: the guess is
    taken out of the JSON list in SQL, so only four short columns travel."""
    top = Unanswered.__table__.c.candidates[(0, 0)].as_string()
    rows = await session.exec(
        select(Unanswered.text, Unanswered.lang, top, Unanswered.created_at)
        .where(_period(Unanswered.created_at, since, until))
        .order_by(col(Unanswered.created_at).desc(), col(Unanswered.id).desc())
        .limit(limit)
    )
    return [UnansweredQuestion(*row) for row in rows.all()]


async def thumbs_down_by_entry(
    *, session: AsyncSession, since: dt.datetime, until: dt.datetime | None = None
) -> list[EntryVotes]:
    """Per entry and language, the 👎 and, beside them, the 👍: ten 👎 out of ten votes and
    ten out of a thousand call for different work. Only entries with a 👎, most first."""
    down = func.sum(case((Feedback.vote < 0, 1), else_=0))
    up = func.sum(case((Feedback.vote > 0, 1), else_=0))
    rows = await session.exec(
        select(Feedback.entry, Feedback.lang, down, up)
        .where(_period(Feedback.created_at, since, until))
        .group_by(Feedback.entry, Feedback.lang)
        .having(down > 0)
        .order_by(down.desc(), Feedback.entry, Feedback.lang)
    )
    return [EntryVotes(entry, lang, int(d), int(u)) for entry, lang, d, u in rows.all()]


async def thumbs_down_questions(
    *,
    session: AsyncSession,
    since: dt.datetime,
    until: dt.datetime | None = None,
    limit: int = TEXTS_CAP,
) -> list[DownvotedQuestion]:
    """What the user had asked when they pressed 👎: the answer is their last outbound message
    about that entry before the vote; the question is their last typed message before that
    answer. Typed means text that is not empty (a button press stores none) and not a command,
    so a "did you mean" pick leads back to the question that was asked. Two correlated
    subqueries per vote, each on the (user_id, created_at) index: the cost follows the votes,
    not the messages."""
    answer = aliased(Message)
    asked = aliased(Message)
    answer_id = (
        select(answer.id)
        .where(
            answer.user_id == Feedback.user_id,
            answer.direction == "out",
            answer.entry == Feedback.entry,
            answer.created_at <= Feedback.created_at,
        )
        .order_by(col(answer.created_at).desc(), col(answer.id).desc())
        .limit(1)
        .correlate(Feedback)  # two levels down: named, or it would read a feedback of its own
        .scalar_subquery()
    )
    question = (
        select(asked.text)
        .where(
            asked.user_id == Feedback.user_id,
            asked.direction == "in",
            asked.text != "",
            ~col(asked.text).startswith("/"),
            col(asked.id) < answer_id,
        )
        .order_by(col(asked.id).desc())
        .limit(1)
        .correlate(Feedback)
        .scalar_subquery()
    )
    rows = await session.exec(
        select(Feedback.entry, Feedback.lang, question, Feedback.created_at)
        .where(Feedback.vote < 0, _period(Feedback.created_at, since, until))
        .order_by(col(Feedback.created_at).desc(), col(Feedback.id).desc())
        .limit(limit)
    )
    return [DownvotedQuestion(*row) for row in rows.all()]


async def handoffs_by_reason(
    *, session: AsyncSession, since: dt.datetime, until: dt.datetime | None = None
) -> list[ReasonCount]:
    """Tickets opened in the period per reason (human | urgent | misses | thumbs-down |
    always), most first."""
    n = func.count()
    rows = await session.exec(
        select(Ticket.reason, n)
        .where(_period(Ticket.opened_at, since, until))
        .group_by(Ticket.reason)
        .order_by(n.desc(), Ticket.reason)
    )
    return [ReasonCount(reason, int(count)) for reason, count in rows.all()]


async def ticket_times(
    *,
    session: AsyncSession,
    since: dt.datetime,
    until: dt.datetime | None = None,
    limit: int = TICKETS_CAP,
) -> list[TicketTimes]:
    """Per ticket opened in the period: minutes until a counselor claimed it and until it was
    closed, subtracted by the database. Newest first."""
    rows = await session.exec(
        select(
            Ticket.id,
            Ticket.lang,
            Ticket.reason,
            Ticket.opened_at,
            _minutes(session, Ticket.opened_at, Ticket.claimed_at),
            _minutes(session, Ticket.opened_at, Ticket.closed_at),
        )
        .where(_period(Ticket.opened_at, since, until))
        .order_by(col(Ticket.opened_at).desc(), col(Ticket.id).desc())
        .limit(limit)
    )
    return [
        TicketTimes(
            int(tid),
            lang,
            reason,
            opened,
            _rounded(claim),
            _rounded(close),
        )
        for tid, lang, reason, opened, claim, close in rows.all()
    ]


async def ratings_by_day(
    *, session: AsyncSession, since: dt.datetime, until: dt.datetime | None = None
) -> list[DayRatings]:
    """Per Tokyo day of closing, the ratings users gave and how many were 4 or 5 (CSAT).
    Days without a rating are absent: a point over no ratings would be no point at all."""
    day = _tokyo_day(session, Ticket.closed_at).label("day")
    satisfied = func.sum(case((col(Ticket.rating) >= 4, 1), else_=0))
    rows = await session.exec(
        select(day, func.count(), satisfied, func.coalesce(func.sum(Ticket.rating), literal(0)))
        .where(col(Ticket.rating).is_not(None), _period(Ticket.closed_at, since, until))
        .group_by(day)
        .order_by(day)
    )
    return [
        DayRatings(_as_date(d), int(n), int(good or 0), int(total))
        for d, n, good, total in rows.all()
    ]


async def answers_by_entry(
    *, session: AsyncSession, since: dt.datetime, until: dt.datetime | None = None
) -> list[EntryAnswers]:
    """Knowledge answers sent per entry and language (outbound messages carry the entry's id
    only when they are a knowledge answer), most first."""
    n = func.count()
    rows = await session.exec(
        select(Message.entry, Message.lang, n)
        .where(
            Message.direction == "out",
            col(Message.entry).is_not(None),
            _period(Message.created_at, since, until),
        )
        .group_by(Message.entry, Message.lang)
        .order_by(n.desc(), Message.entry, Message.lang)
    )
    return [EntryAnswers(entry, lang, int(count)) for entry, lang, count in rows.all()]
