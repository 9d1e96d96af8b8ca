"""The tables: users, messages, conversation state, processed updates, unanswered questions,
feedback, tickets, the outbox, reminders and notices. Changed only through Alembic migrations
(bot/store/migrations).

Times are aware UTC; SQLModel's UTCDateTime stores them so SQLite and PostgreSQL compare alike.
"""

import datetime as dt

from sqlalchemy import JSON, Column, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

__all__ = [
    "Feedback",
    "LoginFailure",
    "Message",
    "Notice",
    "NoticeRecipient",
    "Outbox",
    "ProcessedUpdate",
    "Reminder",
    "StateRow",
    "Ticket",
    "TicketEvent",
    "Unanswered",
    "User",
    "WebAccount",
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
    # Receives supervisors' notices: opted in until they opt out.
    notices: bool = Field(default=True, sa_column_kwargs={"server_default": "1"})
    company: str | None = Field(default=None, max_length=64)  # a company tag, for notices
    # The user blocked the bot (LINE: unfollow): nothing is sent until they follow again.
    blocked_at: dt.datetime | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    last_seen_at: dt.datetime = Field(default_factory=utcnow)


class Message(SQLModel, table=True):
    __tablename__ = "messages"
    __table_args__ = (
        Index("ix_messages_user_created", "user_id", "created_at"),
        Index("ix_messages_update_id", "update_id"),
    )

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
    # Inbound: when its turn was finished: the answer sent and stored. None after a crash
    # mid-turn: the redelivered update or the resume job answers it. Outbound rows are
    # answered by definition.
    answered_at: dt.datetime | None = None
    # Inbound: when a process last took over its unfinished turn (a redelivery, the resume
    # job); a taker that dies too leaves it to be taken again.
    claimed_at: dt.datetime | None = None


class StateRow(SQLModel, table=True):
    """What the assistant is waiting for: a "did you mean" pick, a miss count, a flow step."""

    __tablename__ = "conversation_state"

    user_id: int = Field(foreign_key="users.id", primary_key=True, ondelete="CASCADE")
    pending: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    misses: int = 0
    handoff: bool = False
    flow: str | None = Field(default=None, max_length=64)
    # The flow's typed answers so far. The server default fills rows written without it.
    flow_data: dict = Field(
        default_factory=dict,
        sa_column=Column(JSON, nullable=False, server_default="{}"),
    )
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


class Ticket(SQLModel, table=True):
    """A request for a person. One open (or claimed) ticket per user at a time, enforced by a
    partial unique index, so two processes cannot open two."""

    __tablename__ = "tickets"
    __table_args__ = (
        Index(
            "uq_tickets_one_active_per_user",
            "user_id",
            unique=True,
            sqlite_where=text("status IN ('open', 'claimed')"),
            postgresql_where=text("status IN ('open', 'claimed')"),
        ),
        Index("ix_tickets_status_priority", "status", "priority", "opened_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    status: str = Field(default="open", max_length=16)  # open | claimed | closed
    reason: str = Field(max_length=24)  # human | urgent | misses | thumbs-down | always
    priority: int = 1  # 0 = urgent, first in the queue
    lang: str | None = Field(default=None, max_length=16)
    topic: str | None = Field(default=None, max_length=64)  # knowledge id, if any
    claimed_by: str | None = Field(default=None, max_length=64)  # counselor "telegram:ID"
    counselor_message_id: int | None = None  # the announcement in the counselors' chat
    thread_id: int | None = None  # forum topic of the ticket, where the chat is a forum
    opened_at: dt.datetime = Field(default_factory=utcnow)
    claimed_at: dt.datetime | None = None
    first_response_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    announced_at: dt.datetime | None = None
    flagged_at: dt.datetime | None = None  # claimed, no reply past the SLA: told to counselors
    rating: int | None = None
    note: str | None = None


class TicketEvent(SQLModel, table=True):
    """The audit trail: every change of a ticket, who did it, when."""

    __tablename__ = "ticket_events"

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="tickets.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=24)  # opened | claimed | released | replied | sent | closed ...
    actor: str | None = Field(default=None, max_length=64)
    detail: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    at: dt.datetime = Field(default_factory=utcnow)


class Outbox(SQLModel, table=True):
    """Messages between user and counselor, kept until the channel confirms delivery or the
    send fails for good (`failed_at`, `error`). Buttons are channel-neutral rows of
    {label, action}; each channel renders them. One chat's rows leave in id order."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_pending", "delivered_at", "next_attempt_at"),
        Index("ix_outbox_chat", "channel", "chat_id", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int | None = Field(default=None, foreign_key="tickets.id", ondelete="SET NULL")
    channel: str = Field(default="telegram", max_length=32)
    chat_id: str = Field(max_length=64)
    thread_id: int | None = None
    text: str
    html: bool = False
    buttons: list | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    reply_to: int | None = None
    # relay | announce | notice | reminder | answer
    purpose: str = Field(default="relay", max_length=24)
    priority: int = 1  # 0 = urgent: leaves before everything else that is due
    attempts: int = 0
    next_attempt_at: dt.datetime = Field(default_factory=utcnow)
    lease: str | None = Field(default=None, max_length=32)  # the worker sending it now
    parts_sent: int = 0  # chunks of a long text already delivered
    delivered_at: dt.datetime | None = None
    failed_at: dt.datetime | None = None  # will never go through; the other side was told
    error: str | None = Field(default=None, max_length=64)
    sent_message_id: int | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class Reminder(SQLModel, table=True):
    """A message to a user at a time of theirs (a residence card about to expire). Queued once:
    `queued_at` is set in the transaction that puts it in the outbox, conditionally, so two
    processes never queue it twice."""

    __tablename__ = "reminders"
    __table_args__ = (Index("ix_reminders_due", "queued_at", "cancelled_at", "due_at"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=32)  # residence-card
    due_at: dt.datetime
    params: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: dt.datetime = Field(default_factory=utcnow)
    queued_at: dt.datetime | None = None  # put in the outbox
    cancelled_at: dt.datetime | None = None


class Notice(SQLModel, table=True):
    """A supervisor's message to many users, in Japanese and its translations."""

    __tablename__ = "notices"

    id: int | None = Field(default=None, primary_key=True)
    created_by: str = Field(max_length=64)
    created_at: dt.datetime = Field(default_factory=utcnow)
    # {} everyone, {"lang": "vi"} one language, {"company": "x"} one company
    audience: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    texts: dict = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False)
    )  # lang -> text
    fanned_out_at: dt.datetime | None = None  # every recipient has a row (and an outbox item)


class NoticeRecipient(SQLModel, table=True):
    """One user reached by one notice: the primary key makes the fan-out exactly-once and
    resumable, whatever stops it midway."""

    __tablename__ = "notice_recipients"

    notice_id: int = Field(foreign_key="notices.id", primary_key=True, ondelete="CASCADE")
    user_id: int = Field(foreign_key="users.id", primary_key=True, index=True, ondelete="CASCADE")
    # The notice's outbox item for this user; NULL once retention purged the item.
    outbox_id: int | None = Field(
        default=None, foreign_key="outbox.id", index=True, ondelete="SET NULL"
    )


class WebAccount(SQLModel, table=True):
    """A web desk login. Its person is a `users` row (channel "web", the name, the role), so
    the desk's one role check covers the web as it covers Telegram and the terminal."""

    __tablename__ = "web_accounts"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", unique=True, ondelete="CASCADE")
    name: str = Field(max_length=64, unique=True)
    password_hash: str = Field(max_length=256)  # argon2id, with its own salt and parameters
    created_at: dt.datetime = Field(default_factory=utcnow)
    last_login_at: dt.datetime | None = None


class LoginFailure(SQLModel, table=True):
    """A failed web desk login, counted against a login name and an address. Kept in the store,
    not in a process, so several `madoguchi web` workers share one count: N workers must not
    give a guesser N times the tries. The key is an HMAC under the desk's secret key: a password
    typed into the name field must not be kept, nor anyone's address."""

    __tablename__ = "login_failures"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=64, index=True)  # HMAC-SHA256 hex of "name:…" or "addr:…"
    at: dt.datetime = Field(default_factory=utcnow, index=True)
