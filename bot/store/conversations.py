"""The conversation's memory: every message in and out, the state between messages, updates
already processed, questions nobody could answer, feedback.

One contract, two backends: `SqlConversations` (SQLite or PostgreSQL) and `MemoryConversations`
(tests of the conversation alone, benchmarks of the engine alone). `open` stores the inbound
message before anything else happens; `close` stores what was decided and answered.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field, replace
from typing import Protocol

from sqlalchemy import delete, update
from sqlmodel import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.database import Database
from bot.store.tables import Feedback, Message, ProcessedUpdate, StateRow, Unanswered, User, utcnow

__all__ = [
    "ConversationState",
    "Conversations",
    "Inbound",
    "MemoryConversations",
    "Opened",
    "Outbound",
    "SqlConversations",
    "Understanding",
]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ConversationState:
    lang: str | None = None  # None until something tells the user's language
    chosen: bool = False  # set by an explicit choice, which detection never overrides
    pending: list[str] = field(default_factory=list)  # "did you mean" ids awaiting a pick
    misses: int = 0  # consecutive messages the bot could not match
    handoff: bool = False  # a counselor has been asked for
    flow: str | None = None  # a guided step in progress, e.g. "forget:confirm"


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
class Outbound:
    text: str
    kind: str
    lang: str | None
    intent: str | None
    entry: str | None
    confidence: float


class Conversations(Protocol):
    async def open(self, inbound: Inbound) -> Opened | None:
        """Store the message; None when this channel update was already processed."""

    async def close(
        self,
        opened: Opened,
        state: ConversationState,
        understood: Understanding | None,
        replies: list[Outbound],
    ) -> None: ...

    async def feedback(self, user_id: int, entry: str, vote: int, lang: str | None) -> None: ...

    async def forget(self, user_id: int) -> None:
        """Delete a user's messages, state and profile (their /forgetme)."""


def _insert(session: AsyncSession):  # type: ignore[no-untyped-def]
    return pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert


class SqlConversations:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def _user(self, session: AsyncSession, channel: str, external_id: str) -> User:
        now = utcnow()
        insert = _insert(session)
        await session.exec(
            insert(User)
            .values(
                channel=channel,
                external_id=external_id,
                role="user",
                lang_chosen=False,
                easy_japanese=False,
                created_at=now,
                last_seen_at=now,
            )
            .on_conflict_do_nothing(index_elements=["channel", "external_id"])
        )
        user = (
            await session.exec(
                select(User).where(User.channel == channel, User.external_id == external_id)
            )
        ).one()
        user.last_seen_at = now
        return user

    async def open(self, inbound: Inbound) -> Opened | None:
        async with self.db.session() as session:
            if inbound.update_id is not None:
                insert = _insert(session)
                result = await session.exec(
                    insert(ProcessedUpdate)
                    .values(
                        channel=inbound.channel, update_id=inbound.update_id, processed_at=utcnow()
                    )
                    .on_conflict_do_nothing(index_elements=["channel", "update_id"])
                    .returning(ProcessedUpdate.update_id)
                )
                if result.first() is None:
                    log.info(
                        "duplicate update skipped channel=%s update=%s",
                        inbound.channel,
                        inbound.update_id,
                    )
                    return None
            user = await self._user(session, inbound.channel, inbound.external_id)
            message = Message(
                user_id=user.id, direction="in", text=inbound.text, update_id=inbound.update_id
            )
            session.add(message)
            row = await session.get(StateRow, user.id)
            await session.flush()
            state = ConversationState(
                lang=("ja-easy" if user.easy_japanese and user.lang == "ja" else user.lang),
                chosen=user.lang_chosen,
                pending=list(row.pending) if row else [],
                misses=row.misses if row else 0,
                handoff=row.handoff if row else False,
                flow=row.flow if row else None,
            )
            log.info("message in user=%s message=%s", user.id, message.id)
            return Opened(user.id, message.id, state, inbound.text, user.role)

    async def close(
        self,
        opened: Opened,
        state: ConversationState,
        understood: Understanding | None,
        replies: list[Outbound],
    ) -> None:
        async with self.db.session() as session:
            user = await session.get(User, opened.user_id)
            if user is None:  # forgotten in the meantime (their /forgetme): keep nothing
                return
            easy = state.lang == "ja-easy"
            user.lang = "ja" if easy else state.lang
            user.easy_japanese = easy
            user.lang_chosen = state.chosen
            row = await session.get(StateRow, opened.user_id)
            if row is None:
                row = StateRow(user_id=opened.user_id)
                session.add(row)
            row.pending, row.misses, row.handoff, row.flow = (
                list(state.pending),
                state.misses,
                state.handoff,
                state.flow,
            )
            row.updated_at = utcnow()
            if understood is not None:
                await session.exec(
                    update(Message)
                    .where(Message.id == opened.message_id)
                    .values(
                        lang=understood.lang,
                        intent=understood.intent,
                        entry=understood.entry,
                        confidence=understood.confidence,
                    )
                )
                if understood.unanswered:
                    session.add(
                        Unanswered(
                            user_id=opened.user_id,
                            text=opened.text,
                            lang=understood.lang,
                            candidates=[[c, round(s, 4)] for c, s in understood.candidates],
                        )
                    )
            for reply in replies:
                session.add(
                    Message(
                        user_id=opened.user_id,
                        direction="out",
                        text=reply.text,
                        kind=reply.kind,
                        lang=reply.lang,
                        intent=reply.intent,
                        entry=reply.entry,
                        confidence=reply.confidence,
                    )
                )

    async def feedback(self, user_id: int, entry: str, vote: int, lang: str | None) -> None:
        async with self.db.session() as session:
            session.add(Feedback(user_id=user_id, entry=entry, vote=vote, lang=lang))

    async def forget(self, user_id: int) -> None:
        async with self.db.session() as session:
            await session.exec(delete(Unanswered).where(Unanswered.user_id == user_id))
            await session.exec(delete(Message).where(Message.user_id == user_id))
            await session.exec(delete(StateRow).where(StateRow.user_id == user_id))
            await session.exec(delete(User).where(User.id == user_id))
        log.info("user forgotten user=%s", user_id)


class MemoryConversations:
    """The same contract in memory: for the engine's benchmarks and conversation-only tests."""

    def __init__(self) -> None:
        self.users: dict[tuple[str, str], int] = {}
        self.states: dict[int, ConversationState] = {}
        self.messages: list[dict] = []
        self.updates: set[tuple[str, str]] = set()
        self.feedbacks: list[tuple[int, str, int]] = []
        self.unanswered: list[tuple[int, str]] = []

    async def open(self, inbound: Inbound) -> Opened | None:
        if inbound.update_id is not None:
            key = (inbound.channel, inbound.update_id)
            if key in self.updates:
                return None
            self.updates.add(key)
        user_id = self.users.setdefault((inbound.channel, inbound.external_id), len(self.users) + 1)
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
            user_id, len(self.messages), replace(state, pending=list(state.pending)), inbound.text
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
        self.states[opened.user_id] = replace(state, pending=list(state.pending))
        if understood is not None and understood.unanswered:
            self.unanswered.append((opened.user_id, opened.text))
        for reply in replies:
            self.messages.append({"user": opened.user_id, "direction": "out", "text": reply.text})

    async def feedback(self, user_id: int, entry: str, vote: int, lang: str | None) -> None:
        self.feedbacks.append((user_id, entry, vote))

    async def forget(self, user_id: int) -> None:
        self.messages = [m for m in self.messages if m["user"] != user_id]
        self.states.pop(user_id, None)
        self.users = {k: v for k, v in self.users.items() if v != user_id}
