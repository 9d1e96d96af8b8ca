"""A user's side of a handoff: asking for a person, being relayed, rating, reopening,
forgetting; and the sweeps that keep the queue honest (unclaimed tickets announced again,
claimed tickets without a reply flagged).

The handoff answers in data (`Queued`), never in a chat app's words: the conversation (`core`)
turns it into the user's reply. Counselors see everything in Japanese: the ticket's summary
names the user's language and the topic's Japanese title.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from babel import Locale
from sqlmodel.ext.asyncio.session import AsyncSession

from bot import actions
from bot.actions import HUMAN_REASONS, Button
from bot.content.loader import Content
from bot.handoff.hours import BusinessHours
from bot.handoff.outbox import OutboxQueue
from bot.handoff.tickets import Tickets
from bot.i18n import Catalogs, Translator
from bot.store import tickets as rows
from bot.store import users
from bot.store.database import Database
from bot.store.tables import Message, Outbox, Ticket, User

__all__ = ["Handoff", "HandoffConfig", "Queued", "language_in_japanese"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HandoffConfig:
    hours: BusinessHours
    counselor_channel: str = "desk"  # "telegram" when MADOGUCHI_COUNSELOR_CHAT_ID is set
    counselor_chat: str = "desk"
    counselors: frozenset[str] = field(default_factory=frozenset)  # "telegram:123"
    supervisors: frozenset[str] = field(default_factory=frozenset)
    sla: dt.timedelta = dt.timedelta(minutes=15)
    desk_language: str = "ja"
    # False when no counselor can read what the handoff posts (a Telegram bot with no
    # counselors' chat and no terminal desk): users are told so instead of being queued.
    reachable: bool = True


@dataclass(frozen=True, slots=True)
class Queued:
    """What the user is told after asking for a person."""

    ticket_id: int | None
    claimed: bool = False
    position: int = 0
    next_opening: dt.datetime | None = None  # the desk is closed until then
    reachable: bool = True


def language_in_japanese(code: str | None) -> str:
    if code == "ja-easy":
        return "やさしい日本語"
    if not code:
        return "不明"
    names = Locale("ja").languages
    return names.get({"tl": "fil", "zh": "zh_Hans"}.get(code, code)) or names.get(code, code)


class Handoff:
    def __init__(
        self, db: Database, content: Content, catalogs: Catalogs, config: HandoffConfig
    ) -> None:
        self.db = db
        self.content = content
        self.catalogs = catalogs
        self.config = config
        self.tickets = Tickets(db)
        self.outbox = OutboxQueue(db)

    @property
    def desk(self) -> Translator:
        return self.catalogs(self.config.desk_language)

    # -- asking for a person ----------------------------------------------------------------------

    async def request(
        self,
        user_id: int,
        lang: str,
        *,
        reason: str,
        topic: str | None = None,
        now: dt.datetime | None = None,
    ) -> Queued:
        if not self.config.reachable:
            log.warning("a person was asked for but no counselor can be reached user=%s", user_id)
            return Queued(None, reachable=False)
        reason = reason if reason in HUMAN_REASONS else "human"
        ticket, _ = await self.tickets.open(
            user_id,
            reason=reason,
            lang=lang,
            topic=topic,
            priority=0 if reason == "urgent" else 1,
            announce=self.announce,
        )
        return await self.queued(ticket, now=now)

    async def queued(self, ticket: Ticket, *, now: dt.datetime | None = None) -> Queued:
        now = now or dt.datetime.now(dt.UTC)
        hours = self.config.hours
        opening = None if hours.is_open(now) else hours.next_opening(now)
        if ticket.status == "claimed":
            return Queued(ticket.id, claimed=True, next_opening=opening)
        return Queued(ticket.id, position=await self.tickets.position(ticket), next_opening=opening)

    async def announce(self, session: AsyncSession, ticket: Ticket, again: bool = False) -> None:
        """Post the ticket to the counselors' chat with a summary they can act on, in the
        caller's transaction."""
        d = self.desk
        transcript = (
            await rows.transcript(session=session, user_id=ticket.user_id, last=6)
            if ticket.user_id
            else []
        )
        topic = self.content.entries.get(ticket.topic or "")
        gist = topic.title.get("ja") if topic else d.gettext("(no topic matched)")
        reason = {
            "human": d.gettext("asked for a person"),
            "urgent": d.gettext("URGENT"),
            "misses": d.gettext("the bot could not answer twice"),
            "thumbs-down": d.gettext("answer marked not helpful"),
            "always": d.gettext("topic always handled by a person"),
        }.get(ticket.reason, d.gettext("asked for a person"))
        head = d.gettext("Ticket #{id}", id=ticket.id)
        if again:
            head = d.gettext("Still waiting: ticket #{id}", id=ticket.id)
        if ticket.priority == 0:
            head = "🚨 " + head
        user = await rows.user_of(session=session, ticket=ticket)
        lines = [
            head,
            d.gettext("Language: {language}", language=language_in_japanese(ticket.lang)),
            # LINE users cost a push per message: counselors see where the user is.
            d.gettext("Chat app: {channel}", channel=_CHANNELS.get(user.channel, user.channel))
            if user is not None
            else "",
            d.gettext("Reason: {reason}", reason=reason),
            d.gettext("Topic: {topic}", topic=gist),
            d.gettext("Last messages:"),
        ]
        lines = [line for line in lines if line] + [_line(m) for m in transcript]
        await self.outbox.put(
            session=session,
            channel=self.config.counselor_channel,
            chat_id=self.config.counselor_chat,
            text="\n".join(lines),
            ticket_id=ticket.id,
            purpose="announce",
            buttons=(Button(d.gettext("Claim"), actions.claim(ticket.id)),),
            priority=ticket.priority,
        )
        await rows.set_announced(session=session, ticket_id=ticket.id)

    # -- while a ticket is active -------------------------------------------------------------------

    async def active_for(self, user_id: int) -> Ticket | None:
        return await self.tickets.active_for(user_id)

    async def relay_from_user(self, ticket: Ticket, text: str) -> None:
        """The user's whole message (never cut) to the counselors, in the ticket's thread."""
        await self.outbox.put(
            channel=self.config.counselor_channel,
            chat_id=self.config.counselor_chat,
            text=self.desk.gettext("#{id} user: {text}", id=ticket.id, text=text),
            ticket_id=ticket.id,
            purpose="relay",
            priority=ticket.priority,
        )

    async def reopen_recent(self, user_id: int) -> Ticket | None:
        """The user wrote again within a day of a close: the same ticket opens again."""
        old = await self.tickets.reopenable(user_id)
        if old is None:
            return None
        return await self.tickets.reopen(old.id, user_id, announce=self.announce)

    async def rate(self, ticket_id: int, user_id: int, score: int) -> bool:
        return await self.tickets.rate(ticket_id, user_id, score)

    def rating_buttons(self, ticket_id: int) -> tuple[Button, ...]:
        return tuple(Button("⭐" * n, actions.rate(ticket_id, n)) for n in range(1, 6))

    async def to_user(
        self,
        user: User | None,
        ticket_id: int | None,
        text: str,
        *,
        session: AsyncSession | None = None,
        buttons: tuple[Button, ...] = (),
        purpose: str = "relay",
    ) -> None:
        if user is None:
            return
        await self.outbox.put(
            session=session,
            channel=user.channel,
            chat_id=user.external_id,
            text=text,
            ticket_id=ticket_id,
            purpose=purpose,
            buttons=buttons,
        )

    async def to_counselors(
        self,
        text: str,
        *,
        ticket_id: int | None = None,
        session: AsyncSession | None = None,
        priority: int = 1,
        purpose: str = "notice",
    ) -> None:
        await self.outbox.put(
            session=session,
            channel=self.config.counselor_channel,
            chat_id=self.config.counselor_chat,
            text=text,
            ticket_id=ticket_id,
            purpose=purpose,
            priority=priority,
        )

    # -- a user who blocks the bot --------------------------------------------------------------

    async def user_left(self, channel: str, external_id: str) -> None:
        """The chat app says the user blocked the bot (LINE's unfollow): nothing more is sent
        to them, and a counselor with their ticket is told now, not at their next reply."""
        async with self.db.session() as session:
            user_id = await users.set_blocked(
                session=session, channel=channel, external_id=external_id, blocked=True
            )
        if user_id is None:
            return
        ticket = await self.tickets.active_for(user_id)
        log.info("user blocked the bot user=%s ticket=%s", user_id, ticket.id if ticket else None)
        if ticket is None:
            return
        await self.to_counselors(
            self.desk.gettext(
                "#{id}: the user blocked the bot: nothing sent to them arrives until they add "
                "it again. Close the ticket with a note when you are done.",
                id=ticket.id,
            ),
            ticket_id=ticket.id,
            priority=ticket.priority,
        )

    async def user_returned(self, channel: str, external_id: str) -> None:
        async with self.db.session() as session:
            await users.set_blocked(
                session=session, channel=channel, external_id=external_id, blocked=False
            )

    async def reachable(self, channel: str, external_id: str) -> bool:
        async with self.db.session() as session:
            return not await users.is_blocked(
                session=session, channel=channel, external_id=external_id
            )

    # -- when a send fails for good ---------------------------------------------------------------

    async def undeliverable(self, item: Outbox, error: str) -> None:
        """Mark the item failed and tell the other side, in their language."""
        if not await self.outbox.failed(item, error):
            return
        if item.ticket_id is None or item.chat_id == self.config.counselor_chat:
            return
        d = self.desk
        why = {
            "blocked": d.gettext("the user has blocked the bot"),
            "not-started": d.gettext("the user has not started a private chat with the bot"),
            "chat-not-found": d.gettext("the user's chat no longer exists"),
        }.get(error, d.gettext("the chat app refused the message"))
        await self.to_counselors(
            d.gettext("#{id}: not delivered: {why}", id=item.ticket_id, why=why),
            ticket_id=item.ticket_id,
            priority=0,
        )

    # -- sweeps (PTB's JobQueue, or the terminal desk, calls these) -------------------------------

    async def reannounce_stale(self) -> int:
        """Open tickets nobody claimed within the SLA (or never announced) are posted again,
        each by one process only."""
        async with self.db.session() as session:
            stale = await rows.take_stale(session=session, older_than=self.config.sla)
            for ticket in stale:
                await self.announce(session, ticket, again=True)
        return len(stale)

    async def flag_silent(self) -> int:
        """Claimed tickets whose counselor has not written within the SLA: the counselors'
        chat is told, once, so a colleague or a supervisor can take over."""
        d = self.desk
        async with self.db.session() as session:
            silent = await rows.claimed_without_reply(session=session, older_than=self.config.sla)
            minutes = int(self.config.sla.total_seconds() // 60)
            for ticket in silent:
                await self.to_counselors(
                    d.gettext(
                        "⏰ Ticket #{id}: claimed by {holder}, no reply for {minutes} minutes. "
                        "A supervisor can take it over with /takeover {id}.",
                        id=ticket.id,
                        holder=ticket.claimed_by or "?",
                        minutes=minutes,
                    ),
                    ticket_id=ticket.id,
                    session=session,
                    priority=ticket.priority,
                )
        return len(silent)

    async def sweep(self) -> tuple[int, int]:
        return await self.reannounce_stale(), await self.flag_silent()

    # -- the user's right to be forgotten ---------------------------------------------------------

    async def close_for_forget(self, user_id: int) -> Ticket | None:
        """Before a user's data goes: their active ticket is closed and the counselors are
        told (without a word of what the user wrote)."""
        ticket = await self.tickets.active_for(user_id)
        if ticket is None:
            return None
        d = self.desk

        async def tell(session: AsyncSession, closed: Ticket) -> None:
            await self.to_counselors(
                d.gettext(
                    "Ticket #{id} is closed: the user deleted their data (/forgetme).",
                    id=closed.id,
                ),
                session=session,
            )

        return await self.tickets.close(ticket.id, f"user:{user_id}", None, then=tell)


_CHANNELS = {"telegram": "Telegram", "line": "LINE", "console": "terminal", "web": "web"}


def _line(message: Message) -> str:
    who = "👤" if message.direction == "in" else "🤖"
    text = message.text.replace("\n", " ")
    return f"{who} {text[:200]}"
