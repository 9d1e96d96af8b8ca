"""The conversation's memory: every message in and out, the state between messages, updates
already processed, questions nobody could answer, feedback.

One contract, two backends: `SqlConversations` (SQLite or PostgreSQL) and `MemoryConversations`
(tests of the conversation alone, benchmarks of the engine alone). `open` stores the inbound
message before anything else happens; `close` stores what was decided and answered.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import logging
from dataclasses import dataclass, field, replace
from typing import Protocol

from sqlalchemy import bindparam, func, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import select

from bot.store.database import Database
from bot.store.privacy import forget_user
from bot.store.tables import Feedback, Message, ProcessedUpdate, StateRow, Unanswered, User, utcnow

__all__ = [
    "TAKEOVER_AFTER",
    "ConversationState",
    "Conversations",
    "InProgress",
    "Inbound",
    "MemoryConversations",
    "Opened",
    "Outbound",
    "Resumed",
    "SqlConversations",
    "Understanding",
]

log = logging.getLogger(__name__)

# A redelivered update whose message is stored but unanswered: its first turn died (the chat
# app only redelivers after a failure) unless it is younger than this, when it may still run.
TAKEOVER_AFTER = dt.timedelta(seconds=3)
# One user's messages are answered in order across workers: a turn waits this long at most for
# the user's earlier message in another worker's turn (one that died is not waited for).
ORDER_WAIT = dt.timedelta(seconds=10)


class InProgress(Exception):
    """This update is being processed elsewhere right now: the chat app should send it again
    later (a webhook answers 503), never a second answer now."""


@dataclass(slots=True)
class ConversationState:
    lang: str | None = None  # None until something tells the user's language
    chosen: bool = False  # set by an explicit choice, which detection never overrides
    pending: list[str] = field(default_factory=list)  # "did you mean" ids awaiting a pick
    misses: int = 0  # consecutive messages the bot could not match
    handoff: bool = False  # a counselor has been asked for
    flow: str | None = None  # a guided step in progress, e.g. "forget:confirm"
    flow_data: dict = field(default_factory=dict)  # a self-check's answers so far, by step


@dataclass(frozen=True, slots=True)
class Inbound:
    channel: str
    external_id: str
    text: str
    update_id: str | None = None


@dataclass(frozen=True, slots=True)
class Opened:
    user_id: int
    message_id: int
    state: ConversationState
    text: str = ""
    role: str = "user"
    profile: tuple[str | None, bool] = (None, False)  # language and choice as loaded
    after: int | None = None  # an earlier message of this user still in its turn elsewhere


@dataclass(frozen=True, slots=True)
class Understanding:
    """What the assistant made of the inbound message, stored beside it."""

    lang: str | None
    intent: str | None
    entry: str | None
    confidence: float
    unanswered: bool = False
    candidates: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Resumed:
    """A stored message whose turn never finished, with where its answer goes."""

    channel: str
    external_id: str
    opened: Opened


@dataclass(frozen=True, slots=True)
class Outbound:
    text: str
    kind: str
    lang: str | None
    intent: str | None
    entry: str | None
    confidence: float


class Conversations(Protocol):
    async def open(self, inbound: Inbound) -> Opened | None:
        """Store the message; None when this channel update was already answered; the turn
        again when it was stored and its turn died; raises `InProgress` while another worker
        may still be in that turn."""

    async def close(
        self,
        opened: Opened,
        state: ConversationState,
        understood: Understanding | None,
        replies: list[Outbound],
    ) -> None:
        """Store what was decided and answered: the channel calls it once the answer reached
        the chat (or the chat refused it for good), so an answered message was delivered."""

    async def feedback(self, user_id: int, entry: str, vote: int, lang: str | None) -> None: ...

    async def unfinished(
        self,
        older_than: dt.timedelta,
        within: dt.timedelta,
        channels: tuple[str, ...] | None = None,
    ) -> list[Resumed]:
        """Stored messages whose turn never finished, taken for this process to answer."""

    async def forget(self, user_id: int) -> None:
        """Delete everything kept about a user: messages, state, profile, votes, unanswered
        questions, tickets and the outbox rows about them (their /forgetme)."""


class _Statements:
    """Core statements with bound parameters, built once per store: SQLAlchemy compiles each
    once and reuses it (building statements per message cost more than running them). The
    upserts exist twice: one row (compiled once) and, for a batch, multi-row VALUES (compiled
    per batch size, which the batch amortises)."""

    _UPSERTS = ("take_update", "upsert_user", "upsert_state")

    def __init__(self, insert) -> None:  # type: ignore[no-untyped-def]
        self._insert = insert
        users, messages, states = User.__table__, Message.__table__, StateRow.__table__
        self._single = {name: self._upsert(name, None) for name in self._UPSERTS}
        self.insert_inbound = insert(messages).returning(
            messages.c.id, sort_by_parameter_order=True
        )
        self.select_states = select(states).where(
            states.c.user_id.in_(bindparam("ids", expanding=True))
        )
        self.select_users = select(users.c.id).where(
            users.c.id.in_(bindparam("ids", expanding=True))
        )
        self.update_profile = (
            update(users)
            .where(users.c.id == bindparam("uid"))
            .values(
                lang=bindparam("lang"),
                easy_japanese=bindparam("easy"),
                lang_chosen=bindparam("chosen"),
            )
        )
        self.update_understanding = (
            update(messages)
            .where(messages.c.id == bindparam("mid"))
            .values(
                lang=bindparam("lang"),
                intent=bindparam("intent"),
                entry=bindparam("entry"),
                confidence=bindparam("confidence"),
            )
        )
        self.insert_unanswered = insert(Unanswered.__table__)
        self.insert_outbound = insert(messages)
        self.mark_answered = (
            update(messages)
            .where(messages.c.id.in_(bindparam("ids", expanding=True)))
            .values(answered_at=bindparam("now"))
        )

    def _upsert(self, name: str, rows: list[dict] | None):  # type: ignore[no-untyped-def]
        users, states, updates = User.__table__, StateRow.__table__, ProcessedUpdate.__table__
        table = {"take_update": updates, "upsert_user": users, "upsert_state": states}[name]
        stmt = self._insert(table)
        if rows is not None:
            stmt = stmt.values(rows)
        if name == "take_update":
            return stmt.on_conflict_do_nothing(index_elements=["channel", "update_id"]).returning(
                updates.c.channel, updates.c.update_id
            )
        if name == "upsert_user":
            return stmt.on_conflict_do_update(
                index_elements=["channel", "external_id"],
                set_={"last_seen_at": stmt.excluded.last_seen_at},
            ).returning(
                users.c.id,
                users.c.channel,
                users.c.external_id,
                users.c.lang,
                users.c.lang_chosen,
                users.c.easy_japanese,
                users.c.role,
            )
        return stmt.on_conflict_do_update(
            index_elements=["user_id"],
            set_={
                c: getattr(stmt.excluded, c)
                for c in ("pending", "misses", "handoff", "flow", "flow_data", "updated_at")
            },
        )

    async def run(self, conn: AsyncConnection, name: str, rows: list[dict]) -> list:
        # A list of rows is an "executemany", which SQLAlchemy's insertmanyvalues turns into
        # multi-row INSERTs of the statement compiled once, RETURNING included.
        result = await conn.execute(self._single[name], rows[0] if len(rows) == 1 else rows)
        return result.all() if result.returns_rows else []


@dataclass(slots=True)
class _Job:
    kind: str  # "open" | "close"
    payload: tuple
    future: asyncio.Future


class SqlConversations:
    """The store contract on SQLAlchemy (SQLite or PostgreSQL), with group commit.

    Calls that arrive while a transaction is running wait for the next one and share it: under
    load (many users at once, as on Telegram) one transaction and a handful of multi-row
    statements carry dozens of messages, instead of a transaction and eight statements each.
    A lone message still gets its own transaction at once. Each caller waits until its rows
    are committed, so nothing is acknowledged before it is stored.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._statements = _Statements(sqlite_insert if db.is_sqlite else pg_insert)
        self._queue: list[_Job] = []
        self._writer: asyncio.Task | None = None

    async def _submit(self, kind: str, payload: tuple):  # type: ignore[no-untyped-def]
        future = asyncio.get_running_loop().create_future()
        self._queue.append(_Job(kind, payload, future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        while self._queue:
            await asyncio.sleep(0)  # let callers of this very moment join the batch
            batch, self._queue = self._queue, []
            try:
                results = await self._run(batch)
            except Exception as exc:
                if len(batch) == 1:
                    _settle(batch[0].future, error=exc)
                    continue
                # One bad job must not fail its neighbours: retry them one by one.
                for job in batch:
                    try:
                        (result,) = await self._run([job])
                    except Exception as single:
                        _settle(job.future, error=single)
                    else:
                        _settle(job.future, result)
                continue
            for job, result in zip(batch, results, strict=True):
                _settle(job.future, result)

    async def _run(self, batch: list[_Job]) -> list:
        """One transaction for the batch; closes first, so state written is state read."""
        results: dict[int, object] = {}
        async with self.db.connection() as conn:
            closes = [(i, j) for i, j in enumerate(batch) if j.kind == "close"]
            opens = [(i, j) for i, j in enumerate(batch) if j.kind == "open"]
            if closes:
                await self._close_many(conn, [j.payload for _, j in closes])
                results.update((i, None) for i, _ in closes)
            if opens:
                opened = await self._open_many(conn, [j.payload[0] for _, j in opens])
                results.update((i, o) for (i, _), o in zip(opens, opened, strict=True))
        return [results[i] for i in range(len(batch))]

    async def open(self, inbound: Inbound) -> Opened | None:
        opened = await self._submit("open", (inbound,))
        if opened is None and inbound.update_id is not None:
            opened = await self._redelivered(inbound)
        if isinstance(opened, Opened) and opened.after is not None:
            opened = await self._after(opened)
        if opened is None:
            log.info(
                "duplicate update skipped channel=%s update=%s", inbound.channel, inbound.update_id
            )
        else:
            log.info("message in user=%s message=%s", opened.user_id, opened.message_id)
        return opened

    async def _redelivered(self, inbound: Inbound) -> Opened | None:
        """The chat app sent an update again: its first delivery failed somewhere. Whatever
        part of the turn did not happen, happens now, once."""
        messages, users = Message.__table__, User.__table__
        now = utcnow()
        async with self.db.connection() as conn:
            row = (
                await conn.execute(
                    select(
                        messages.c.id,
                        messages.c.user_id,
                        messages.c.text,
                        messages.c.created_at,
                        messages.c.claimed_at,
                        messages.c.answered_at,
                        users.c.role,
                    )
                    .join(users, users.c.id == messages.c.user_id)
                    .where(
                        messages.c.update_id == inbound.update_id,
                        messages.c.direction == "in",
                        users.c.channel == inbound.channel,
                        users.c.external_id == inbound.external_id,
                    )
                )
            ).first()
            if row is None or row.answered_at is not None:
                return None  # answered (or forgotten since): a plain duplicate
            if (row.claimed_at or row.created_at) > now - TAKEOVER_AFTER:
                raise InProgress(inbound.update_id)
            taken = await conn.execute(_claim(row.id, now, TAKEOVER_AFTER))
            if taken.rowcount != 1:
                raise InProgress(inbound.update_id)  # another process took it this very moment
            state = await self._state_of(conn, row.user_id)
        log.info("unfinished turn taken over message=%s", row.id)
        return Opened(row.user_id, row.id, state, row.text, row.role, (state.lang, state.chosen))

    @staticmethod
    async def _state_of(conn: AsyncConnection, user_id: int) -> ConversationState:
        """The conversation as stored, for a turn that did not start with `open`'s batch."""
        users, states = User.__table__, StateRow.__table__
        profile = (
            await conn.execute(
                select(users.c.lang, users.c.lang_chosen, users.c.easy_japanese).where(
                    users.c.id == user_id
                )
            )
        ).first()
        row = (await conn.execute(select(states).where(states.c.user_id == user_id))).first()
        return _conversation_state(profile, row)

    async def close(
        self,
        opened: Opened,
        state: ConversationState,
        understood: Understanding | None,
        replies: list[Outbound],
    ) -> None:
        payload = (
            opened,
            replace(state, pending=list(state.pending), flow_data=dict(state.flow_data)),
            understood,
            replies,
        )
        await self._submit("close", payload)

    async def _open_many(self, conn: AsyncConnection, inbounds: list[Inbound]) -> list:
        q = self._statements
        now = utcnow()
        fresh: list[bool] = []
        seen: set[tuple[str, str]] = set()
        wanted: list[dict] = []
        for inbound in inbounds:
            key = (inbound.channel, inbound.update_id or "")
            if inbound.update_id is None:
                fresh.append(True)
            elif key in seen:  # the same update twice in one batch: once
                fresh.append(False)
            else:
                seen.add(key)
                fresh.append(True)
                wanted.append(
                    {
                        "channel": inbound.channel,
                        "update_id": inbound.update_id,
                        "processed_at": now,
                    }
                )
        if wanted:
            taken = {(r.channel, r.update_id) for r in await q.run(conn, "take_update", wanted)}
            fresh = [
                ok and (i.update_id is None or (i.channel, i.update_id) in taken)
                for ok, i in zip(fresh, inbounds, strict=True)
            ]
        live = [i for ok, i in zip(fresh, inbounds, strict=True) if ok]
        if not live:
            return [None] * len(inbounds)

        keys = list(dict.fromkeys((i.channel, i.external_id) for i in live))
        profiles = [
            {
                "channel": c,
                "external_id": e,
                "role": "user",
                "lang_chosen": False,
                "easy_japanese": False,
                "created_at": now,
                "last_seen_at": now,
            }
            for c, e in keys
        ]
        users = {(r.channel, r.external_id): r for r in await q.run(conn, "upsert_user", profiles)}
        inserted = await conn.execute(
            q.insert_inbound,
            [
                {
                    "user_id": users[(i.channel, i.external_id)].id,
                    "direction": "in",
                    "text": i.text,
                    "update_id": i.update_id,
                    "created_at": now,
                }
                for i in live
            ],
        )
        new_ids = inserted.scalars().all()
        message_ids = iter(new_ids)
        user_ids = list({u.id for u in users.values()})
        found = await conn.execute(q.select_states, {"ids": user_ids})
        rows = {r.user_id: r for r in found.all()}
        earlier: dict[int, int] = {}
        if not self.db.is_sqlite:  # SQLite serves one process, whose users are in order already
            running = await conn.execute(
                select(Message.__table__.c.user_id, func.max(Message.__table__.c.id))
                .where(
                    Message.__table__.c.user_id.in_(user_ids),
                    Message.__table__.c.direction == "in",
                    Message.__table__.c.answered_at.is_(None),
                    Message.__table__.c.created_at > now - ORDER_WAIT,
                    Message.__table__.c.id.not_in(new_ids),
                )
                .group_by(Message.__table__.c.user_id)
            )
            earlier = {user: last for user, last in running.all()}

        out: list[Opened | None] = []
        for ok, inbound in zip(fresh, inbounds, strict=True):
            if not ok:
                out.append(None)
                continue
            user = users[(inbound.channel, inbound.external_id)]
            state = _conversation_state(user, rows.get(user.id))
            out.append(
                Opened(
                    user.id,
                    next(message_ids),
                    state,
                    inbound.text,
                    user.role,
                    (state.lang, state.chosen),
                    earlier.get(user.id),
                )
            )
        return out

    async def _after(self, opened: Opened) -> Opened:
        """Another worker is in a turn for this user's earlier message: this one waits for it
        (the chat app may deliver one user's updates to two workers at once), then starts from
        the state that turn left."""
        messages = Message.__table__
        deadline = asyncio.get_running_loop().time() + ORDER_WAIT.total_seconds()
        while asyncio.get_running_loop().time() < deadline:
            async with self.db.connection() as conn:
                done = await conn.execute(
                    select(messages.c.id).where(
                        messages.c.id == opened.after, messages.c.answered_at.is_(None)
                    )
                )
                if done.first() is None:
                    break
            await asyncio.sleep(0.05)
        async with self.db.connection() as conn:
            state = await self._state_of(conn, opened.user_id)
        log.info("turn waited for an earlier one message=%s", opened.message_id)
        return replace(opened, state=state, profile=(state.lang, state.chosen), after=None)

    async def _close_many(self, conn: AsyncConnection, jobs: list[tuple]) -> None:
        q = self._statements
        now = utcnow()
        ids = list({opened.user_id for opened, *_ in jobs})
        alive = set((await conn.execute(q.select_users, {"ids": ids})).scalars().all())
        jobs = [job for job in jobs if job[0].user_id in alive]  # forgotten meanwhile: keep none
        if not jobs:
            return
        changed, states, understood_rows, unanswered, outbound = [], {}, [], [], []
        for opened, state, understood, replies in jobs:
            # Only a profile that changed is written: most messages change none.
            if opened.profile != (state.lang, state.chosen):
                easy = state.lang == "ja-easy"
                changed.append(
                    {
                        "uid": opened.user_id,
                        "lang": "ja" if easy else state.lang,
                        "easy": easy,
                        "chosen": state.chosen,
                    }
                )
            states[opened.user_id] = {
                "user_id": opened.user_id,
                "pending": list(state.pending),
                "misses": state.misses,
                "handoff": state.handoff,
                "flow": state.flow,
                "flow_data": dict(state.flow_data),
                "updated_at": now,
            }
            if understood is not None:
                understood_rows.append(
                    {
                        "mid": opened.message_id,
                        "lang": understood.lang,
                        "intent": understood.intent,
                        "entry": understood.entry,
                        "confidence": understood.confidence,
                    }
                )
                if understood.unanswered:
                    unanswered.append(
                        {
                            "user_id": opened.user_id,
                            "text": opened.text,
                            "lang": understood.lang,
                            "created_at": now,
                            "candidates": [[c, round(s, 4)] for c, s in understood.candidates],
                        }
                    )
            outbound += [
                {
                    "user_id": opened.user_id,
                    "direction": "out",
                    "text": r.text,
                    "kind": r.kind,
                    "lang": r.lang,
                    "intent": r.intent,
                    "entry": r.entry,
                    "update_id": None,
                    "confidence": r.confidence,
                    "created_at": now,
                }
                for r in replies
            ]
        if changed:
            await conn.execute(q.update_profile, changed)
        await q.run(conn, "upsert_state", list(states.values()))
        if understood_rows:
            await conn.execute(q.update_understanding, understood_rows)
        if unanswered:
            await conn.execute(q.insert_unanswered, unanswered)
        if outbound:
            await conn.execute(q.insert_outbound, outbound)
        await conn.execute(q.mark_answered, {"ids": [j[0].message_id for j in jobs], "now": now})

    async def unfinished(
        self,
        older_than: dt.timedelta,
        within: dt.timedelta,
        channels: tuple[str, ...] | None = None,
    ) -> list[Resumed]:
        """Messages stored but never answered (the process died mid-turn), each taken by one
        process: their turn runs again. Older than `older_than`, so a live worker's turn in
        progress is not taken from it; younger than `within`, so a stale question is not
        answered days later; of users of `channels` only, when given."""
        now = utcnow()
        messages, users = Message.__table__, User.__table__
        conditions = [
            messages.c.answered_at.is_(None),
            messages.c.text != "",  # a button press: pressed again if it matters
            _started(messages) < now - older_than,
            messages.c.created_at > now - within,
        ]
        if channels is not None:
            conditions.append(
                messages.c.user_id.in_(
                    select(users.c.id).where(users.c.channel.in_(list(channels)))
                )
            )
        ids = await self._due(*conditions)
        resumed: list[Resumed] = []
        for message_id in ids:
            taken = await self._take(message_id, now, older_than)
            if taken is not None:
                row, user, state = taken
                opened = Opened(
                    row.user_id, message_id, state, row.text, "user", (state.lang, state.chosen)
                )
                resumed.append(Resumed(user.channel, user.external_id, opened))
        return resumed

    async def _take(self, message_id: int, now: dt.datetime, idle: dt.timedelta):  # type: ignore[no-untyped-def]
        """One unanswered message for this process alone (another process that claimed it
        first wins), with its user and state."""
        users = User.__table__
        async with self.db.connection() as conn:
            taken = await conn.execute(
                _claim(message_id, now, idle).returning(
                    Message.__table__.c.user_id, Message.__table__.c.text
                )
            )
            row = taken.first()
            if row is None:
                return None
            user = (
                await conn.execute(
                    select(users.c.channel, users.c.external_id).where(users.c.id == row.user_id)
                )
            ).first()
            if user is None:
                return None
            return row, user, await self._state_of(conn, row.user_id)

    async def _due(self, *conditions) -> list[int]:  # type: ignore[no-untyped-def]
        messages = Message.__table__
        async with self.db.connection() as conn:
            found = await conn.execute(
                select(messages.c.id)
                .where(messages.c.direction == "in", *conditions)
                .order_by(messages.c.id)
            )
            return list(found.scalars().all())

    async def feedback(self, user_id: int, entry: str, vote: int, lang: str | None) -> None:
        async with self.db.session() as session:
            session.add(Feedback(user_id=user_id, entry=entry, vote=vote, lang=lang))

    async def forget(self, user_id: int) -> None:
        async with self.db.session() as session:
            counts = await forget_user(session=session, user_id=user_id)
        log.info("user forgotten user=%s rows=%s", user_id, counts)


def _started(messages):  # type: ignore[no-untyped-def]
    """When the message's latest turn started: its arrival, or the last takeover of it."""
    return func.coalesce(messages.c.claimed_at, messages.c.created_at)


def _claim(message_id: int, now: dt.datetime, idle: dt.timedelta):  # type: ignore[no-untyped-def]
    """Take an unanswered message whose turn has been silent for `idle` (its process died):
    conditional, so of two processes only one gets it; a taker that dies too leaves it to be
    taken again, `idle` later."""
    messages = Message.__table__
    return (
        update(messages)
        .where(
            messages.c.id == message_id,
            messages.c.answered_at.is_(None),
            _started(messages) < now - idle,
        )
        .values(claimed_at=now)
    )


def _conversation_state(profile, row) -> ConversationState:  # type: ignore[no-untyped-def]
    """The state a turn starts from: the profile's language (easy Japanese is a flag on
    Japanese) and what the last turn left waiting."""
    if profile is None:
        return ConversationState()
    return ConversationState(
        lang="ja-easy" if profile.easy_japanese and profile.lang == "ja" else profile.lang,
        chosen=profile.lang_chosen,
        pending=list(row.pending) if row else [],
        misses=row.misses if row else 0,
        handoff=row.handoff if row else False,
        flow=row.flow if row else None,
        flow_data=dict(row.flow_data or {}) if row else {},
    )


def _settle(
    future: asyncio.Future, result: object = None, *, error: BaseException | None = None
) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


class MemoryConversations:
    """The same contract in memory: for the engine's benchmarks and conversation-only tests."""

    def __init__(self) -> None:
        self.users: dict[tuple[str, str], int] = {}
        self.states: dict[int, ConversationState] = {}
        self.messages: list[dict] = []
        self.updates: set[tuple[str, str]] = set()
        self.feedbacks: list[tuple[int, str, int]] = []
        self.unanswered: list[tuple[int, str]] = []
        self._ids = itertools.count(1)  # never reused, even after a user is forgotten

    async def open(self, inbound: Inbound) -> Opened | None:
        if inbound.update_id is not None:
            key = (inbound.channel, inbound.update_id)
            if key in self.updates:
                return None
            self.updates.add(key)
        key = (inbound.channel, inbound.external_id)
        if key not in self.users:
            self.users[key] = next(self._ids)
        user_id = self.users[key]
        self.messages.append(
            {
                "user": user_id,
                "direction": "in",
                "text": inbound.text,
                "at": dt.datetime.now(dt.UTC),
            }
        )
        state = self.states.get(user_id) or ConversationState()
        return Opened(
            user_id,
            len(self.messages),
            replace(state, pending=list(state.pending), flow_data=dict(state.flow_data)),
            inbound.text,
        )

    async def close(
        self,
        opened: Opened,
        state: ConversationState,
        understood: Understanding | None,
        replies: list[Outbound],
    ) -> None:
        if opened.user_id not in self.users.values():
            return
        self.states[opened.user_id] = replace(
            state, pending=list(state.pending), flow_data=dict(state.flow_data)
        )
        if understood is not None and understood.unanswered:
            self.unanswered.append((opened.user_id, opened.text))
        for reply in replies:
            self.messages.append({"user": opened.user_id, "direction": "out", "text": reply.text})

    async def feedback(self, user_id: int, entry: str, vote: int, lang: str | None) -> None:
        self.feedbacks.append((user_id, entry, vote))

    async def unfinished(
        self,
        older_than: dt.timedelta,
        within: dt.timedelta,
        channels: tuple[str, ...] | None = None,
    ) -> list[Resumed]:
        return []  # nothing survives the process here

    async def forget(self, user_id: int) -> None:
        self.messages = [m for m in self.messages if m["user"] != user_id]
        self.feedbacks = [f for f in self.feedbacks if f[0] != user_id]
        self.unanswered = [u for u in self.unanswered if u[0] != user_id]
        self.states.pop(user_id, None)
        self.users = {k: v for k, v in self.users.items() if v != user_id}
