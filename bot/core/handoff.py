"""The user's side of a handoff: asking for a person, waiting, talking, rating, reopening.

The decisions (when to open a ticket, what the user is told, when the bot stays quiet) are made
here; `bot.handoff` keeps the tickets and the outbox. Counselors see everything in Japanese: the
ticket's summary names the user's language and the topic's Japanese title.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from babel import Locale

from bot.content.loader import Content
from bot.core.turns import Button, Reply
from bot.handoff.hours import BusinessHours
from bot.handoff.outbox import OutboxQueue
from bot.handoff.tickets import TicketDesk
from bot.i18n import Catalogs, Translator
from bot.store.database import Database
from bot.store.tables import Message, Ticket

__all__ = ["Handoff", "HandoffConfig", "language_in_japanese"]

log = logging.getLogger(__name__)

REASONS = ("human", "urgent", "misses", "thumbs-down", "always")


@dataclass(frozen=True)
class HandoffConfig:
    hours: BusinessHours
    counselor_channel: str = "desk"  # "telegram" when MADOGUCHI_COUNSELOR_CHAT_ID is set
    counselor_chat: str = "desk"
    counselors: frozenset[str] = field(default_factory=frozenset)  # "telegram:123"
    sla: dt.timedelta = dt.timedelta(minutes=15)
    desk_language: str = "ja"


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
        self.tickets = TicketDesk(db)
        self.outbox = OutboxQueue(db)

    @property
    def desk(self) -> Translator:
        return self.catalogs(self.config.desk_language)

    # -- opening ----------------------------------------------------------------------------------

    async def request(
        self,
        user_id: int,
        lang: str,
        *,
        reason: str,
        topic: str | None = None,
        now: dt.datetime | None = None,
    ) -> Reply:
        priority = 0 if reason == "urgent" else 1
        topic = topic or await self.tickets.last_topic(user_id)
        ticket, created = await self.tickets.open(
            user_id, reason=reason, lang=lang, topic=topic, priority=priority
        )
        if created or (reason == "urgent" and ticket.status == "open"):
            await self.announce(ticket)
        return await self.queued_reply(ticket, lang, now=now)

    async def queued_reply(
        self, ticket: Ticket, lang: str, *, now: dt.datetime | None = None
    ) -> Reply:
        t = self.catalogs(lang)
        now = now or dt.datetime.now(dt.UTC)
        if ticket.status == "claimed":
            text = t.gettext("A counselor is already with you in this chat. Write your message.")
        else:
            position = await self.tickets.position(ticket)
            text = t.gettext(
                "I have asked a counselor to join. A person will answer you in this chat. "
                "You are number {position} in the queue.",
                position=position,
            )
            hours = self.config.hours
            if not hours.is_open(now):
                opening = hours.next_opening(now)
                text += "\n" + t.gettext(
                    "Our counselors are not at the desk now. The next opening is {when}; your "
                    "messages are kept until then.",
                    when=t.datetime(opening, "full"),
                )
        return Reply("intent", text, t.lang, "human", None, 1.0, handoff=True)

    async def announce(self, ticket: Ticket, *, again: bool = False) -> None:
        """Post the ticket to the counselors' chat with a summary they can act on."""
        d = self.desk
        view = await self.tickets.view(ticket.id, last=6)
        topic = self.content.entries.get(ticket.topic or "")
        gist = topic.title.get("ja") if topic else d.gettext("(no topic matched)")
        reason = {
            "human": d.gettext("asked for a person"),
            "urgent": d.gettext("URGENT"),
            "misses": d.gettext("the bot could not answer twice"),
            "thumbs-down": d.gettext("answer marked not helpful"),
            "always": d.gettext("topic always handled by a person"),
        }.get(ticket.reason, ticket.reason)
        head = d.gettext("Ticket #{id}", id=ticket.id)
        if again:
            head = d.gettext("Still waiting: ticket #{id}", id=ticket.id)
        if ticket.priority == 0:
            head = "🚨 " + head
        lines = [
            head,
            d.gettext("Language: {language}", language=language_in_japanese(ticket.lang)),
            d.gettext("Reason: {reason}", reason=reason),
            d.gettext("Topic: {topic}", topic=gist),
            d.gettext("Last messages:"),
        ]
        lines += [_line(m) for m in (view.transcript if view else [])]
        markup = {
            "inline_keyboard": [
                [{"text": d.gettext("Claim"), "callback_data": f"claim:{ticket.id}"}]
            ]
        }
        await self.outbox.put(
            channel=self.config.counselor_channel,
            chat_id=self.config.counselor_chat,
            text="\n".join(lines),
            ticket_id=ticket.id,
            purpose="announce",
            markup=markup,
        )
        await self.tickets.announced(ticket.id)

    async def reannounce_stale(self) -> int:
        """Unclaimed tickets older than the SLA are posted again (PTB JobQueue calls this)."""
        stale = await self.tickets.stale(self.config.sla)
        for ticket in stale:
            await self.announce(ticket, again=True)
        return len(stale)

    # -- while a ticket is active -----------------------------------------------------------------

    async def relay_to_counselor(self, ticket: Ticket, text: str) -> None:
        d = self.desk
        await self.outbox.put(
            channel=self.config.counselor_channel,
            chat_id=self.config.counselor_chat,
            text=d.gettext("#{id} user: {text}", id=ticket.id, text=text),
            ticket_id=ticket.id,
            purpose="relay",
        )

    async def rated(self, ticket_id: int, user_id: int, score: int, lang: str) -> Reply:
        t = self.catalogs(lang)
        ok = await self.tickets.rate(ticket_id, user_id, score)
        text = (
            t.gettext("Thank you for your rating.")
            if ok
            else t.gettext("That button is no longer valid. Here is the menu again.")
        )
        return Reply("notice", text, lang)

    def rating_buttons(self, ticket_id: int) -> tuple[Button, ...]:
        return tuple(Button("⭐" * n, f"rate:{ticket_id}:{n}") for n in range(1, 6))


def _line(message: Message) -> str:
    who = "👤" if message.direction == "in" else "🤖"
    text = message.text.replace("\n", " ")
    return f"{who} {text[:200]}"
