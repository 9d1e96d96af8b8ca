"""The outbox, delivered on Telegram by PTB's JobQueue; and the SLA re-announcement.

Counselor-bound items find their ticket's thread at delivery time: a forum topic of its own
where the counselors' chat is a forum (createForumTopic), otherwise a reply to the ticket's
announcement. A failed send stays in the outbox and is tried again later.
"""

from __future__ import annotations

import logging

from telegram import Bot, InlineKeyboardMarkup, ReplyParameters
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ContextTypes

from bot.core.handoff import Handoff, language_in_japanese
from bot.store.tables import Outbox

__all__ = ["Courier"]

log = logging.getLogger(__name__)


class Courier:
    def __init__(self, handoff: Handoff) -> None:
        self.handoff = handoff
        self._forum: bool | None = None
        self._busy = False

    async def _is_forum(self, bot: Bot) -> bool:
        if self._forum is None:
            try:
                chat = await bot.get_chat(int(self.handoff.config.counselor_chat))
            except TelegramError as exc:  # ask again next time; reply-threads meanwhile
                log.info("counselors' chat not inspected: %s", type(exc).__name__)
                return False
            self._forum = bool(getattr(chat, "is_forum", False))
        return self._forum

    async def deliver(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        if self._busy:  # the previous run is still sending
            return
        self._busy = True
        try:
            for item in await self.handoff.outbox.lease("telegram"):
                try:
                    await self._one(context.bot, item)
                except Exception:  # a bug must not stop the other deliveries
                    log.exception("outbox item=%s failed", item.id)
                    await self.handoff.outbox.failed(item)
        finally:
            self._busy = False

    async def reannounce(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        count = await self.handoff.reannounce_stale()
        if count:
            log.info("re-announced %s unclaimed ticket(s)", count)

    async def _one(self, bot: Bot, item: Outbox) -> None:
        kwargs: dict = {"parse_mode": "HTML" if item.html else None}
        if item.markup:
            kwargs["reply_markup"] = InlineKeyboardMarkup.de_json(item.markup, bot)
        ticket = None
        try:
            if item.ticket_id and item.chat_id == self.handoff.config.counselor_chat:
                ticket = await self.handoff.tickets.get(item.ticket_id)
                if ticket and await self._is_forum(bot):
                    if ticket.thread_id is None:
                        topic = await bot.create_forum_topic(
                            int(item.chat_id),
                            f"#{ticket.id} {language_in_japanese(ticket.lang)}"[:128],
                        )
                        ticket.thread_id = topic.message_thread_id
                        await self.handoff.tickets.announced(ticket.id, thread_id=ticket.thread_id)
                    kwargs["message_thread_id"] = ticket.thread_id
                elif ticket and ticket.counselor_message_id and item.purpose != "announce":
                    kwargs["reply_parameters"] = ReplyParameters(
                        ticket.counselor_message_id, allow_sending_without_reply=True
                    )
            sent = await bot.send_message(int(item.chat_id), item.text, **kwargs)
        except (BadRequest, Forbidden) as exc:
            # Will never go through (the user blocked the bot, the chat is gone): kept in the
            # store for the transcript, not retried forever.
            log.warning("outbox item=%s undeliverable: %s", item.id, type(exc).__name__)
            await self.handoff.outbox.delivered(item.id, None)
            return
        except (RetryAfter, NetworkError) as exc:
            log.info("outbox item=%s not delivered yet: %s", item.id, type(exc).__name__)
            await self.handoff.outbox.failed(item)
            return
        await self.handoff.outbox.delivered(item.id, sent.message_id)
        if item.purpose == "announce" and ticket is not None and ticket.thread_id is None:
            await self.handoff.tickets.announced(ticket.id, message_id=sent.message_id)
