"""The tables: users, messages, conversation state, processed updates, unanswered questions,
feedback. Changed only through Alembic migrations (bot/store/migrations).

Times are aware UTC; SQLModel's UTCDateTime stores them so SQLite and PostgreSQL compare alike.
"""

import datetime as dt

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

__all__ = [
    "Feedback",
    "Message",
    "ProcessedUpdate",
    "StateRow",
    "Unanswered",
    "User",
    "utcnow",
]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class User(SQLModel, table=True):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("channel", "external_id", name="uq_users_channel_ext"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=32)
    external_id: str = Field(max_length=128)
    lang: str | None = Field(default=None, max_length=16)
    lang_chosen: bool = False  # an explicit choice, which detection never overrides
    easy_japanese: bool = False
    role: str = Field(default="user", max_length=16)  # user | counselor | admin
    created_at: dt.datetime = Field(default_factory=utcnow)
    last_seen_at: dt.datetime = Field(default_factory=utcnow)


class Message(SQLModel, table=True):
    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_user_created", "user_id", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    direction: str = Field(max_length=8)  # in | out
    text: str
    kind: str | None = Field(default=None, max_length=24)  # reply kind for outbound
    lang: str | None = Field(default=None, max_length=16)
    intent: str | None = Field(default=None, max_length=64)
    entry: str | None = Field(default=None, max_length=64)
    confidence: float | None = None
    update_id: str | None = Field(default=None, max_length=64)
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)


class StateRow(SQLModel, table=True):
    """What the assistant is waiting for: a "did you mean" pick, a miss count, a flow step."""

    __tablename__ = "conversation_state"

    user_id: int = Field(foreign_key="users.id", primary_key=True, ondelete="CASCADE")
    pending: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    misses: int = 0
    handoff: bool = False
    flow: str | None = Field(default=None, max_length=64)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class ProcessedUpdate(SQLModel, table=True):
    """Channel update ids already taken in: the same update delivered twice is processed once."""

    __tablename__ = "processed_updates"

    channel: str = Field(primary_key=True, max_length=32)
    update_id: str = Field(primary_key=True, max_length=64)
    processed_at: dt.datetime = Field(default_factory=utcnow, index=True)


class Unanswered(SQLModel, table=True):
    """Questions the bot could not match, with its best guesses, for curators."""

    __tablename__ = "unanswered"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    text: str
    lang: str | None = Field(default=None, max_length=16)
    candidates: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)


class Feedback(SQLModel, table=True):
    __tablename__ = "feedback"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    entry: str = Field(max_length=64)
    vote: int  # +1 or -1
    lang: str | None = Field(default=None, max_length=16)
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)
