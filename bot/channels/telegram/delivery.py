"""The outbox, delivered on Telegram by PTB's JobQueue; and the handoff's sweeps.

Each run takes due items (one per chat at a time, urgent first, each leased by this process
only), sends them concurrently across chats, and loops while more are due. Long texts leave in
chunks of Telegram's 4,096 characters; a retry goes on from the first chunk not yet sent.
Counselor-bound items find their ticket's thread at delivery time: a forum topic of its own
where the counselors' chat is a forum (createForumTopic; reply threads when the bot may not
create topics), otherwise a reply to the ticket's announcement.

A failure that may pass (429, network) is retried with a growing delay. A refusal that will not
pass: to a user (blocked bot, never started, chat gone) the item fails for good and the
counselor is told; to the counselors' chat (wrong id, bot removed, no rights) it is kept and
retried every few minutes with an error in the log, because only an operator can fix it and
the message must not be lost meanwhile.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ContextTypes

from bot.channels.telegram.render import split_text
from bot.handoff.requests import Handoff, language_in_japanese
from bot.store.tables import Outbox

__all__ = ["Courier", "refusal"]

log = logging.getLogger(__name__)

COUNSELOR_CHAT_RETRY_CAP = 300.0  # seconds between tries while the counselors' chat refuses
RUN_LIMIT = 500  # items per run, so one run cannot hold the job queue for ever


def refusal(exc: TelegramError) -> str:
    """Telegram's refusal -> the handoff's reason code (what the counselor is told)."""
    text = str(exc).lower()
    if "blocked" in text:
        return "blocked"
    if "initiate" in text or "can't write" in text:
        return "not-started"
    if "chat not found" in text or "user is deactivated" in text:
        return "chat-not-found"
    return "rejected"


def _markup(rows: list | None) -> InlineKeyboardMarkup | None:
    if not rows:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b["label"], callback_data=b["action"]) for b in row] for row in rows]
    )


class Courier:
    def __init__(self, handoff: Handoff) -> None:
        self.handoff = handoff
        self._forum: bool | None = None
        self._topics_allowed = True
        self._busy = False

    @property
    def counselor_chat(self) -> str:
        return self.handoff.config.counselor_chat

    async def _is_forum(self, bot: Bot) -> bool:
        if not self._topics_allowed:
            return False
        if self._forum is None:
            try:
                chat = await bot.get_chat(int(self.counselor_chat))
            except TelegramError as exc:  # ask again next time; reply-threads meanwhile
                log.info("counselors' chat not inspected: %s", type(exc).__name__)
                return False
            self._forum = bool(getattr(chat, "is_forum", False))
        return self._forum

    async def deliver(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self.deliver_due(context.bot)

    async def deliver_due(self, bot: Bot) -> int:
        """Send what is due until nothing is; returns how many items were handled."""
        if self._busy:  # the previous run is still sending
            return 0
        self._busy = True
        handled = 0
        try:
            while handled < RUN_LIMIT:
                items = await self.handoff.outbox.take("telegram")
                if not items:
                    break
                handled += len(items)
                await asyncio.gather(*(self._safely(bot, item) for item in items))
        finally:
            self._busy = False
        return handled

    async def sweep(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        again, flagged = await self.handoff.sweep()
        if again or flagged:
            log.info("sweep: re-announced %s ticket(s), flagged %s", again, flagged)

    async def _safely(self, bot: Bot, item: Outbox) -> None:
        try:
            await self._one(bot, item)
        except Exception:  # a bug must not stop the other deliveries
            log.exception("outbox item=%s failed", item.id)
            await self.handoff.outbox.retry(item)

    async def _thread(self, bot: Bot, item: Outbox) -> dict:
        """Where in the counselors' chat this item goes."""
        if not item.ticket_id or item.chat_id != self.counselor_chat:
            return {}
        ticket = await self.handoff.tickets.get(item.ticket_id)
        if ticket is None:
            return {}
        if await self._is_forum(bot):
            if ticket.thread_id is None:
                try:
                    topic = await bot.create_forum_topic(
                        int(item.chat_id),
                        f"#{ticket.id} {language_in_japanese(ticket.lang)}"[:128],
                    )
                except (BadRequest, Forbidden) as exc:
                    # No right to manage topics: reply threads in the general topic instead.
                    log.warning("forum topics not allowed (%s): reply threads", type(exc).__name__)
                    self._topics_allowed = False
                    return await self._thread(bot, item)
                held = await self.handoff.tickets.set_thread(ticket.id, topic.message_thread_id)
                if held != topic.message_thread_id:  # another process made one first
                    await self._quietly(
                        bot.delete_forum_topic(int(item.chat_id), topic.message_thread_id)
                    )
                ticket.thread_id = held
            return {"message_thread_id": ticket.thread_id}
        if ticket.counselor_message_id and item.purpose != "announce":
            return {
                "reply_parameters": ReplyParameters(
                    ticket.counselor_message_id, allow_sending_without_reply=True
                )
            }
        return {}

    async def _one(self, bot: Bot, item: Outbox) -> None:
        chunks = split_text(item.text)
        sent = None
        try:
            where = await self._thread(bot, item)
            for n in range(item.parts_sent, len(chunks)):
                last = n == len(chunks) - 1
                sent = await bot.send_message(
                    int(item.chat_id),
                    chunks[n],
                    parse_mode=None,
                    reply_markup=_markup(item.buttons) if last else None,
                    **where,
                )
                if not last:
                    item.parts_sent = n + 1
                    await self.handoff.outbox.part_sent(item, n + 1)
        except (RetryAfter, NetworkError) as exc:
            log.info("outbox item=%s not delivered yet: %s", item.id, type(exc).__name__)
            await self.handoff.outbox.retry(item)
            return
        except (BadRequest, Forbidden) as exc:
            if item.chat_id == self.counselor_chat:
                log.error(
                    "the counselors' chat refuses messages (%s): check MADOGUCHI_COUNSELOR_CHAT_ID "
                    "and the bot's rights there; item=%s kept",
                    type(exc).__name__,
                    item.id,
                )
                await self.handoff.outbox.retry(item, cap=COUNSELOR_CHAT_RETRY_CAP)
                return
            await self.handoff.undeliverable(item, refusal(exc))
            return
        await self.handoff.outbox.delivered(item, sent.message_id if sent else None)
        if item.purpose == "announce" and item.ticket_id and sent is not None:
            await self.handoff.tickets.set_counselor_message(item.ticket_id, sent.message_id)

    @staticmethod
    async def _quietly(call) -> None:  # type: ignore[no-untyped-def]
        try:
            await call
        except TelegramError as exc:
            log.info("ignored telegram error: %s", type(exc).__name__)
