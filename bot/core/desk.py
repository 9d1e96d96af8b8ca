"""The counselor's side: queue, claim, talk to the user through the bot, push an answer, close.

Channels translate what a counselor types or presses into `CounselorInput`; the desk checks who
it is (only configured counselors, or users with the counselor role), acts on the ticket, and
answers in the desk's language (Japanese). Whatever goes to the user goes through the outbox.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlmodel import select

from bot.core.assistant import Assistant
from bot.core.handoff import Handoff, language_in_japanese
from bot.core.turns import Button
from bot.store.tables import Ticket, User

__all__ = ["CounselorInput", "Desk", "DeskReply"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CounselorInput:
    counselor: str  # "telegram:123", "console:alice"
    text: str = ""
    action: str | None = None  # a button: "claim:12"
    thread_id: int | None = None  # forum topic the message was written in
    reply_to: int | None = None  # the counselors'-chat message it replies to
    trusted: bool = False  # the terminal desk: whoever can open the store is staff


@dataclass(frozen=True, slots=True)
class DeskReply:
    text: str
    buttons: tuple[Button, ...] = ()
    ticket_id: int | None = None


class Desk:
    def __init__(self, handoff: Handoff, assistant: Assistant) -> None:
        self.handoff = handoff
        self.assistant = assistant
        self.tickets = handoff.tickets

    @property
    def d(self):  # type: ignore[no-untyped-def]
        return self.handoff.desk

    async def is_counselor(self, who: str) -> bool:
        if who in self.handoff.config.counselors:
            return True
        channel, _, external = who.partition(":")
        async with self.handoff.db.session() as session:
            role = (
                await session.exec(
                    select(User.role).where(User.channel == channel, User.external_id == external)
                )
            ).first()
        return role in ("counselor", "admin")

    async def handle(self, inp: CounselorInput) -> list[DeskReply]:
        if not inp.trusted and not await self.is_counselor(inp.counselor):
            log.info("desk refused counselor=%s", inp.counselor)
            return [DeskReply(self.d.gettext("Only counselors can do this."))]
        command, args = self._parse(inp)
        if command is None:
            ticket = await self.tickets.by_thread(message_id=inp.reply_to, thread_id=inp.thread_id)
            if ticket is None and inp.reply_to is not None:
                item = await self.handoff.outbox.by_message(
                    inp.reply_to, self.handoff.config.counselor_chat
                )
                ticket = await self.tickets.get(item.ticket_id) if item and item.ticket_id else None
            if ticket is None:
                return []  # ordinary chatter among counselors
            return await self._reply(inp.counselor, ticket.id, inp.text)
        handler = {
            "queue": self._queue,
            "claim": self._claim,
            "reply": self._reply_cmd,
            "send": self._send,
            "transcript": self._transcript,
            "release": self._release,
            "close": self._close,
        }.get(command)
        if handler is None:
            return [
                DeskReply(
                    self.d.gettext(
                        "Commands: /queue, /claim N, /reply N text, /send N entry-id, /transcript N, "
                        "/release N, /close N [note]"
                    )
                )
            ]
        return await handler(inp.counselor, args)

    @staticmethod
    def _parse(inp: CounselorInput) -> tuple[str | None, str]:
        if inp.action:
            name, _, rest = inp.action.partition(":")
            return name, rest
        text = inp.text.strip()
        if not text.startswith("/"):
            return None, text
        word, _, rest = text[1:].partition(" ")
        return word.split("@")[0].lower(), rest.strip()

    async def _ticket(self, args: str) -> tuple[Ticket | None, str]:
        number, _, rest = args.strip().lstrip("#").partition(" ")
        if not number.isdigit():
            return None, rest
        return await self.tickets.get(int(number)), rest

    def _missing(self, args: str) -> list[DeskReply]:
        return [DeskReply(self.d.gettext("No ticket {number}.", number=args.split(" ")[0] or "?"))]

    async def _queue(self, who: str, args: str) -> list[DeskReply]:
        queue = await self.tickets.queue()
        if not queue:
            return [DeskReply(self.d.gettext("The queue is empty."))]
        lines = [self.d.gettext("Open and claimed tickets, oldest first:")]
        for t in queue:
            topic = self.assistant.content.entries.get(t.topic or "")
            lines.append(
                " ".join(
                    filter(
                        None,
                        [
                            "🚨" if t.priority == 0 else "•",
                            f"#{t.id}",
                            t.status,
                            language_in_japanese(t.lang),
                            topic.title.get("ja") if topic else None,
                            t.claimed_by or None,
                        ],
                    )
                )
            )
        buttons = tuple(Button(f"#{t.id}", f"claim:{t.id}") for t in queue if t.status == "open")[
            :8
        ]
        return [DeskReply("\n".join(lines), buttons)]

    async def _claim(self, who: str, args: str) -> list[DeskReply]:
        ticket, _ = await self._ticket(args)
        if ticket is None:
            return self._missing(args)
        claim = await self.tickets.claim(ticket.id, who)
        if not claim.won:
            if claim.ticket and claim.ticket.status == "closed":
                return [DeskReply(self.d.gettext("Ticket #{id} is closed.", id=ticket.id))]
            return [
                DeskReply(
                    self.d.gettext(
                        "Ticket #{id} is already taken by {holder}.",
                        id=ticket.id,
                        holder=claim.holder or "?",
                    )
                )
            ]
        view = await self.tickets.view(ticket.id)
        if view and view.user:
            t = self.assistant.catalogs(ticket.lang or "en")
            await self._to_user(
                view.user,
                ticket.id,
                t.gettext("A counselor has joined. You can write to them here."),
            )
        return [
            DeskReply(
                self.d.gettext(
                    "You have ticket #{id}. Reply in this thread or with /reply {id} text.",
                    id=ticket.id,
                ),
                ticket_id=ticket.id,
            )
        ]

    async def _reply_cmd(self, who: str, args: str) -> list[DeskReply]:
        ticket, text = await self._ticket(args)
        if ticket is None:
            return self._missing(args)
        return await self._reply(who, ticket.id, text)

    async def _own(self, who: str, ticket_id: int) -> tuple[Ticket | None, list[DeskReply]]:
        ticket = await self.tickets.get(ticket_id)
        if ticket is None:
            return None, self._missing(str(ticket_id))
        if ticket.status != "claimed" or ticket.claimed_by != who:
            return None, [
                DeskReply(self.d.gettext("Claim ticket #{id} first (/claim {id}).", id=ticket_id))
            ]
        return ticket, []

    async def _reply(self, who: str, ticket_id: int, text: str) -> list[DeskReply]:
        ticket, refusal = await self._own(who, ticket_id)
        if ticket is None:
            return refusal
        if not text.strip():
            return [DeskReply(self.d.gettext("Write the message after the ticket number."))]
        view = await self.tickets.view(ticket.id, last=0)
        t = self.assistant.catalogs(ticket.lang or "en")
        await self._to_user(view.user, ticket.id, t.gettext("💬 Counselor: {text}", text=text))
        await self.tickets.responded(ticket.id, who)
        return []  # the relayed message itself is the record; no echo in the chat

    async def _send(self, who: str, args: str) -> list[DeskReply]:
        ticket, entry_id = await self._ticket(args)
        if ticket is None:
            return self._missing(args)
        ticket, refusal = await self._own(who, ticket.id)
        if ticket is None:
            return refusal
        entry_id = entry_id.strip()
        if entry_id not in self.assistant.content.entries:
            return [DeskReply(self.d.gettext("No knowledge entry {entry}.", entry=entry_id))]
        reply = self.assistant.answer_for(entry_id, ticket.lang or "en")
        view = await self.tickets.view(ticket.id, last=0)
        await self._to_user(view.user, ticket.id, reply.text, purpose="entry")
        await self.tickets.responded(ticket.id, who, "sent", entry=entry_id)
        title = self.assistant.content.entries[entry_id].title.get("ja", entry_id)
        return [
            DeskReply(
                self.d.gettext(
                    "Sent “{title}” to #{id} in {language}.",
                    title=title,
                    id=ticket.id,
                    language=language_in_japanese(ticket.lang),
                )
            )
        ]

    async def _transcript(self, who: str, args: str) -> list[DeskReply]:
        ticket, _ = await self._ticket(args)
        view = await self.tickets.view(ticket.id, last=30) if ticket else None
        if view is None:
            return self._missing(args)
        lines = [self.d.gettext("Ticket #{id}", id=ticket.id) + f" ({ticket.status})"]
        for m in view.transcript:
            who_said = "👤" if m.direction == "in" else "🤖"
            lines.append(f"{m.created_at:%m-%d %H:%M} {who_said} {m.text}")
        return [DeskReply("\n".join(lines))]

    async def _release(self, who: str, args: str) -> list[DeskReply]:
        ticket, _ = await self._ticket(args)
        if ticket is None:
            return self._missing(args)
        released = await self.tickets.release(ticket.id, who)
        if released is None:
            return [
                DeskReply(self.d.gettext("Claim ticket #{id} first (/claim {id}).", id=ticket.id))
            ]
        await self.handoff.announce(released, again=True)
        return [DeskReply(self.d.gettext("Ticket #{id} is back in the queue.", id=ticket.id))]

    async def _close(self, who: str, args: str) -> list[DeskReply]:
        ticket, note = await self._ticket(args)
        if ticket is None:
            return self._missing(args)
        if ticket.status == "claimed" and ticket.claimed_by != who:
            return [
                DeskReply(
                    self.d.gettext(
                        "Ticket #{id} is already taken by {holder}.",
                        id=ticket.id,
                        holder=ticket.claimed_by,
                    )
                )
            ]
        closed = await self.tickets.close(ticket.id, who, note or None)
        if closed is None:
            return [DeskReply(self.d.gettext("Ticket #{id} is closed.", id=ticket.id))]
        view = await self.tickets.view(ticket.id, last=0)
        if view and view.user:
            t = self.assistant.catalogs(ticket.lang or "en")
            text = "\n\n".join(
                [
                    t.gettext(
                        "The counselor has closed this conversation. How would you rate the help?"
                    ),
                    t.gettext(
                        "If you need more help with this, write here within a day and the "
                        "conversation opens again."
                    ),
                ]
            )
            markup = {
                "inline_keyboard": [
                    [
                        {"text": b.label, "callback_data": b.action}
                        for b in self.handoff.rating_buttons(ticket.id)
                    ]
                ]
            }
            await self._to_user(view.user, ticket.id, text, markup=markup, purpose="closed")
        return [DeskReply(self.d.gettext("Ticket #{id} is closed.", id=ticket.id))]

    async def _to_user(
        self,
        user: User | None,
        ticket_id: int,
        text: str,
        *,
        markup: dict | None = None,
        purpose: str = "relay",
    ) -> None:
        if user is None:
            return
        await self.handoff.outbox.put(
            channel=user.channel,
            chat_id=user.external_id,
            text=text,
            ticket_id=ticket_id,
            purpose=purpose,
            markup=markup,
        )
