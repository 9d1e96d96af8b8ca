"""The counselor's side: one command table for every desk (the Telegram group, the terminal,
the web desk): queue, claim, take over, reply, push an answer, transcript, release, close.

Desks translate what a counselor types or presses into `CounselorInput`; the desk checks who
it is (configured counselors and supervisors, or users with such a role in the store), acts on
the ticket, and answers in the desk's language (Japanese). Whatever goes to the user goes
through the outbox, in the same transaction as the ticket's event. Supervisors can take over,
release or close any ticket: a counselor who went home does not strand their users.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from bot import actions
from bot.actions import Button
from bot.handoff.requests import Handoff, language_in_japanese
from bot.inputs import clean_text
from bot.store import tickets as rows
from bot.store import updates
from bot.store.tables import Ticket

__all__ = ["COMMANDS", "CounselorInput", "Desk", "DeskReply"]

log = logging.getLogger(__name__)

# What a knowledge answer looks like in a language: handed in by the conversation, so the
# handoff never imports it.
Answers = Callable[[str, str], str]


@dataclass(frozen=True, slots=True)
class CounselorInput:
    counselor: str  # "telegram:123", "console:alice"
    text: str = ""
    action: str | None = None  # a button: "claim:12"
    thread_id: int | None = None  # forum topic the message was written in
    reply_to: int | None = None  # the counselors'-chat message it replies to
    trusted: bool = False  # the terminal desk: whoever can open the store is staff
    update_id: str | None = None  # the chat app's id: the same update twice acts once

    def __post_init__(self) -> None:
        # A counselor's NUL fails on PostgreSQL as a user's would: cleaned at the edge too.
        object.__setattr__(self, "text", clean_text(self.text))


@dataclass(frozen=True, slots=True)
class DeskReply:
    text: str
    buttons: tuple[Button, ...] = ()
    ticket_id: int | None = None


Handler = Callable[["Desk", str, str, bool], Awaitable[list[DeskReply]]]


class Desk:
    def __init__(self, handoff: Handoff, answers: Answers) -> None:
        self.handoff = handoff
        self.answers = answers
        self.tickets = handoff.tickets

    @property
    def d(self):  # type: ignore[no-untyped-def]
        return self.handoff.desk

    async def role(self, who: str, *, trusted: bool = False) -> str | None:
        """'supervisor', 'counselor' or None."""
        config = self.handoff.config
        if who in config.supervisors:
            return "supervisor"
        if trusted or who in config.counselors:
            return "counselor"
        channel, _, external = who.partition(":")
        async with self.handoff.db.session() as session:
            role = await rows.user_role(session=session, channel=channel, external_id=external)
        if role in ("supervisor", "admin"):
            return "supervisor"
        return "counselor" if role == "counselor" else None

    async def is_counselor(self, who: str) -> bool:
        return await self.role(who) is not None

    async def handle(self, inp: CounselorInput) -> list[DeskReply]:
        role = await self.role(inp.counselor, trusted=inp.trusted)
        if role is None:
            log.info("desk refused counselor=%s", inp.counselor)
            return [DeskReply(self.d.gettext("Only counselors can do this."))]
        if inp.update_id is not None and not await self._first_time(inp):
            log.info("duplicate counselor update skipped update=%s", inp.update_id)
            return []
        command, args = self._parse(inp)
        if command is None:
            ticket = await self.tickets.by_thread(
                message_id=inp.reply_to,
                thread_id=inp.thread_id,
                chat_id=self.handoff.config.counselor_chat,
            )
            if ticket is None:
                return []  # ordinary chatter among counselors
            return await self._reply(inp.counselor, ticket.id, inp.text)
        handler = COMMANDS.get(command)
        if handler is None:
            return [
                DeskReply(
                    self.d.gettext(
                        "Commands: /queue, /claim N, /reply N text, /send N entry-id, /transcript N, "
                        "/release N, /close N [note]"
                    )
                )
            ]
        if command == "takeover" and role != "supervisor":
            return [DeskReply(self.d.gettext("Only supervisors can do this."))]
        return await handler(self, inp.counselor, args, role == "supervisor")

    async def _first_time(self, inp: CounselorInput) -> bool:
        channel = inp.counselor.partition(":")[0] + "-desk"
        async with self.handoff.db.session() as session:
            return await updates.take_update(
                session=session, channel=channel, update_id=inp.update_id or ""
            )

    @staticmethod
    def _parse(inp: CounselorInput) -> tuple[str | None, str]:
        if inp.action:
            parsed = actions.parse(inp.action)
            if parsed is None or parsed.kind != "claim":
                return "?", ""
            return parsed.kind, parsed.arg
        text = inp.text.strip()
        if not text.startswith("/"):
            return None, text
        word, _, rest = text[1:].partition(" ")
        return word.split("@")[0].lower(), rest.strip()

    async def _ticket(self, args: str) -> tuple[Ticket | None, str]:
        number, _, rest = args.strip().lstrip("#").partition(" ")
        if not number.isdecimal() or len(number) > 12:
            return None, rest
        return await self.tickets.get(int(number)), rest

    def _missing(self, args: str) -> list[DeskReply]:
        number = (args.split(" ")[0] or "?")[:12]
        return [DeskReply(self.d.gettext("No ticket {number}.", number=number))]

    async def _queue(self, who: str, args: str, supervisor: bool = False) -> list[DeskReply]:
        queue = await self.tickets.queue()
        if not queue:
            return [DeskReply(self.d.gettext("The queue is empty."))]
        lines = [self.d.gettext("Open and claimed tickets, oldest first:")]
        for t in queue:
            topic = self.handoff.content.entries.get(t.topic or "")
            parts = [
                "🚨" if t.priority == 0 else "•",
                f"#{t.id}",
                t.status,
                language_in_japanese(t.lang),
                topic.title.get("ja") if topic else None,
                t.claimed_by or None,
            ]
            lines.append(" ".join(p for p in parts if p))
        buttons = tuple(
            Button(f"#{t.id}", actions.claim(t.id)) for t in queue if t.status == "open"
        )[:8]
        return [DeskReply("\n".join(lines), buttons)]

    async def _claim(
        self, who: str, args: str, supervisor: bool = False, *, take_over: bool = False
    ) -> list[DeskReply]:
        ticket, _ = await self._ticket(args)
        if ticket is None:
            return self._missing(args)
        claim = await self.tickets.claim(ticket.id, who, take_over=take_over)
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
        view = await self.tickets.view(ticket.id, last=0)
        if view and view.user:
            t = self.handoff.catalogs(ticket.lang or "en")
            await self.handoff.to_user(
                view.user,
                ticket.id,
                t.gettext("A counselor has joined. You can write to them here."),
            )
        if take_over and ticket.claimed_by and ticket.claimed_by != who:
            await self.handoff.to_counselors(
                self.d.gettext(
                    "Ticket #{id} was taken over from {holder}.",
                    id=ticket.id,
                    holder=ticket.claimed_by,
                ),
                ticket_id=ticket.id,
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

    async def _takeover(self, who: str, args: str, supervisor: bool = False) -> list[DeskReply]:
        return await self._claim(who, args, supervisor, take_over=True)

    async def _reply_cmd(self, who: str, args: str, supervisor: bool = False) -> list[DeskReply]:
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
        t = self.handoff.catalogs(ticket.lang or "en")
        line = t.gettext("💬 Counselor: {text}", text=text)

        async def relay(session: AsyncSession) -> None:
            await self.handoff.to_user(view.user, ticket.id, line, session=session)

        await self.tickets.responded(ticket.id, who, then=relay)
        return []  # the relayed message itself is the record; no echo in the chat

    async def _send(self, who: str, args: str, supervisor: bool = False) -> list[DeskReply]:
        ticket, entry_id = await self._ticket(args)
        if ticket is None:
            return self._missing(args)
        ticket, refusal = await self._own(who, ticket.id)
        if ticket is None:
            return refusal
        entry_id = entry_id.strip()
        if entry_id not in self.handoff.content.entries:
            return [DeskReply(self.d.gettext("No knowledge entry {entry}.", entry=entry_id[:64]))]
        text = self.answers(entry_id, ticket.lang or "en")
        view = await self.tickets.view(ticket.id, last=0)

        async def push(session: AsyncSession) -> None:
            await self.handoff.to_user(view.user, ticket.id, text, session=session, purpose="entry")

        await self.tickets.responded(ticket.id, who, "sent", then=push, entry=entry_id)
        title = self.handoff.content.entries[entry_id].title.get("ja", entry_id)
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

    async def _transcript(self, who: str, args: str, supervisor: bool = False) -> list[DeskReply]:
        """The whole recent conversation: channels split it at their own limits."""
        ticket, _ = await self._ticket(args)
        view = await self.tickets.view(ticket.id, last=30) if ticket else None
        if view is None:
            return self._missing(args)
        lines = [self.d.gettext("Ticket #{id}", id=view.ticket.id) + f" ({view.ticket.status})"]
        for m in view.transcript:
            who_said = "👤" if m.direction == "in" else "🤖"
            lines.append(f"{m.created_at:%m-%d %H:%M} {who_said} {m.text}")
        return [DeskReply("\n".join(lines))]

    async def _release(self, who: str, args: str, supervisor: bool = False) -> list[DeskReply]:
        ticket, _ = await self._ticket(args)
        if ticket is None:
            return self._missing(args)
        released = await self.tickets.release(
            ticket.id, who, anyone=supervisor, announce=self.handoff.announce
        )
        if released is None:
            return [
                DeskReply(self.d.gettext("Claim ticket #{id} first (/claim {id}).", id=ticket.id))
            ]
        return [DeskReply(self.d.gettext("Ticket #{id} is back in the queue.", id=ticket.id))]

    async def _close(self, who: str, args: str, supervisor: bool = False) -> list[DeskReply]:
        ticket, note = await self._ticket(args)
        if ticket is None:
            return self._missing(args)
        if ticket.status == "claimed" and ticket.claimed_by != who and not supervisor:
            return [
                DeskReply(
                    self.d.gettext(
                        "Ticket #{id} is already taken by {holder}.",
                        id=ticket.id,
                        holder=ticket.claimed_by,
                    )
                )
            ]
        view = await self.tickets.view(ticket.id, last=0)
        t = self.handoff.catalogs(ticket.lang or "en")
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

        async def goodbye(session: AsyncSession, closed: Ticket) -> None:
            await self.handoff.to_user(
                view.user if view else None,
                closed.id,
                text,
                session=session,
                buttons=self.handoff.rating_buttons(closed.id),
                purpose="closed",
            )

        closed = await self.tickets.close(ticket.id, who, note or None, then=goodbye)
        if closed is None:
            return [DeskReply(self.d.gettext("Ticket #{id} is closed.", id=ticket.id))]
        return [DeskReply(self.d.gettext("Ticket #{id} is closed.", id=ticket.id))]


COMMANDS: dict[str, Handler] = {
    "queue": Desk._queue,
    "claim": Desk._claim,
    "takeover": Desk._takeover,
    "reply": Desk._reply_cmd,
    "send": Desk._send,
    "transcript": Desk._transcript,
    "release": Desk._release,
    "close": Desk._close,
}
