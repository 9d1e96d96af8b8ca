"""Telegram updates -> `Incoming`, `Reply`s -> Telegram messages. Nothing here decides what
to answer: that is the assistant's job. These handlers translate, retry and render."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Bot, BotCommand, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ContextTypes

from bot.channels.telegram.flood import FloodGate, Pace
from bot.channels.telegram.render import keyboard, render, split_text
from bot.core.assistant import Assistant, InProgress
from bot.core.turns import Incoming, Reply
from bot.handoff.desk import CounselorInput, Desk
from bot.languages import DETECTABLE, parse_language

__all__ = ["COMMANDS", "TelegramChannel"]

log = logging.getLogger(__name__)

# command -> action of the assistant; descriptions are the bot's own words (gettext).
COMMANDS: dict[str, str] = {
    "start": "start",
    "menu": "menu",
    "language": "language",
    "human": "human",
    "help": "help",
    "forgetme": "forget",
    "check": "check",
    "cancel": "cancel",
    "reminders": "reminders",
    "notices": "notices",
}


DESK_COMMANDS = {"queue", "claim", "reply", "send", "transcript", "release", "close"}


def _descriptions(gettext: Callable[[str], str]) -> list[BotCommand]:
    return [
        BotCommand("start", gettext("Start and choose your language")),
        BotCommand("menu", gettext("Topics I can help with")),
        BotCommand("language", gettext("Change the language")),
        BotCommand("human", gettext("Talk to a counselor")),
        BotCommand("help", gettext("What I can do")),
        BotCommand("check", gettext("Self-checks: paid leave, pay, residence card...")),
        BotCommand("cancel", gettext("Stop the current self-check")),
        BotCommand("reminders", gettext("My reminders")),
        BotCommand("notices", gettext("Notices from the desk: on or off")),
        BotCommand("forgetme", gettext("Delete my messages and profile")),
    ]


class TelegramChannel:
    """The handlers of one Application, sharing the assistant and the flood gate."""

    SEND_ATTEMPTS = 4

    def __init__(
        self,
        assistant: Assistant,
        *,
        counselor_chat_id: int | None = None,
        flood: FloodGate | None = None,
        desk: Desk | None = None,
    ) -> None:
        self.assistant = assistant
        self.counselor_chat_id = counselor_chat_id
        self.flood = flood or FloodGate()
        self.desk = desk

    # -- translating updates ------------------------------------------------------------------

    @staticmethod
    def _incoming(update: Update, text: str = "", action: str | None = None) -> Incoming:
        user = update.effective_user
        return Incoming(
            user=f"telegram:{user.id}" if user else f"telegram:chat{update.effective_chat.id}",
            text=text,
            lang_hint=user.language_code if user else None,
            action=action,
            update_id=str(update.update_id),
        )

    def _addressed_text(self, update: Update, bot_id: int, username: str | None) -> str | None:
        """The text meant for the bot, or None: in groups only what mentions or replies to it."""
        message = update.effective_message
        text = message.text or ""
        chat = update.effective_chat
        if chat.type == ChatType.PRIVATE:
            return text
        if chat.id == self.counselor_chat_id:
            return None  # the counselors' own chat: the handoff desk reads it
        mention = f"@{username}".lower() if username else None
        if mention and mention in text.lower():
            start = text.lower().index(mention)
            return (text[:start] + text[start + len(mention) :]).strip()
        replied = message.reply_to_message
        if replied and replied.from_user and replied.from_user.id == bot_id:
            return text
        return None

    def _in_counselor_chat(self, update: Update) -> bool:
        return (
            self.counselor_chat_id is not None
            and update.effective_chat is not None
            and update.effective_chat.id == self.counselor_chat_id
        )

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if self._in_counselor_chat(update):
            await self._desk(update, context.bot)
            return
        text = self._addressed_text(update, context.bot.id, context.bot.username)
        if text is None:
            return
        verdict = self.flood.check(str(update.effective_user.id))
        action = None if verdict is Pace.ok else f"throttled:{verdict.value}"
        if verdict is not Pace.ok:
            log.info("flood limit user=%s update=%s", update.effective_user.id, update.update_id)
        await self._answer(update, context.bot, self._incoming(update, text, action))

    async def on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        word, _, rest = (message.text or "").partition(" ")
        command, _, target = word[1:].partition("@")
        private = update.effective_chat.type == ChatType.PRIVATE
        if self._in_counselor_chat(update) or (private and command.lower() in DESK_COMMANDS):
            await self._desk(update, context.bot)
            return
        if not private and (
            update.effective_chat.id == self.counselor_chat_id
            or target.lower() != (context.bot.username or "").lower()
        ):
            return  # in groups only commands addressed to this bot, never the counselors' chat
        action = COMMANDS.get(command.lower(), f"unknown-command:{command[:20]}")
        if action == "language" and rest.strip():
            action = f"lang:{rest.strip()}"
        if action == "notices" and rest.strip().lower() in ("on", "off"):
            action = f"notices:{rest.strip().lower()}"
        await self._answer(update, context.bot, self._incoming(update, message.text or "", action))

    async def on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice, locations...: a short polite reply."""
        if update.effective_chat.type != ChatType.PRIVATE:
            return
        await self._answer(update, context.bot, self._incoming(update, "", "non-text"))

    async def on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        # Only stops the client's spinner: a query too old to answer must not cost the press.
        await self._quietly(query.answer())
        if (query.data or "").startswith("claim:"):
            await self._desk(update, context.bot, action=query.data)
            return
        incoming = self._incoming(update, "", query.data or "")

        async def show(replies: list[Reply]) -> None:
            await self._refusals_told(self._show_pressed(update, context.bot, replies))

        await self.assistant.handle(incoming, show)

    async def _show_pressed(self, update: Update, bot: Bot, replies: list[Reply]) -> None:
        """A button's answer replaces the message that carried it, where it can."""
        query = update.callback_query
        message = query.message if isinstance(query.message, Message) else None
        if not replies or message is None:
            await self._send(bot, update.effective_chat.id, replies)
            return
        if (query.data or "").startswith("feedback:"):
            # One vote per answer: the buttons go, the thanks comes as a new message.
            await self._quietly(message.edit_reply_markup(reply_markup=None))
            await self._send(bot, message.chat.id, replies)
            return
        first, *rest = render(replies[0], replies[0].title)
        try:
            await self._retry(lambda: message.edit_text(first.html, reply_markup=first.markup))
        except BadRequest:  # too old, deleted, or not modified: answer below instead
            await self._send_rendered(bot, message.chat.id, [first])
        await self._send_rendered(bot, message.chat.id, rest)
        await self._send(bot, message.chat.id, replies[1:])

    async def resume_unanswered(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Messages this bot (or a worker that died) confirmed to Telegram but never answered:
        answered now, from the store (PTB's JobQueue runs this at start and every minute)."""

        async def send(user: str, replies: list[Reply]) -> None:
            channel, _, external = user.partition(":")
            if channel != "telegram" or not external.lstrip("-").isdecimal():
                return
            try:
                await self._send(context.bot, int(external), replies)
            except TelegramError as exc:  # this was the last chance: say so in the log
                log.warning("resumed answer not delivered: %s", type(exc).__name__)

        await self.assistant.resume(deliver=send, channels=("telegram",))

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log for operators (ids, no text) and tell the user instead of going silent."""
        update_id = update.update_id if isinstance(update, Update) else None
        if isinstance(context.error, InProgress):
            log.info("update %s is being processed by another worker", update_id)
            return  # the webhook answers 503: Telegram sends it again later
        log.error(
            "update %s failed: %s", update_id, type(context.error).__name__, exc_info=context.error
        )
        if not isinstance(update, Update) or update.effective_chat is None:
            return
        lang = (
            parse_language(update.effective_user.language_code if update.effective_user else None)
            or "en"
        )
        text = self.assistant.catalogs(lang).gettext(
            "Sorry, something went wrong on my side. Please try again in a moment."
        )
        await self._quietly(context.bot.send_message(update.effective_chat.id, text))

    async def _desk(self, update: Update, bot: Bot, action: str | None = None) -> None:
        """A counselor's message, command or button: the desk decides, we deliver."""
        if self.desk is None:
            return
        message = update.effective_message
        thread = message.message_thread_id if message and message.is_topic_message else None
        replied = message.reply_to_message if message and not action else None
        replies = await self.desk.handle(
            CounselorInput(
                counselor=f"telegram:{update.effective_user.id}",
                text=(message.text or "") if message and not action else "",
                action=action,
                thread_id=thread,
                reply_to=replied.message_id if replied else None,
                update_id=str(update.update_id),
            )
        )
        for reply in replies:
            chunks = split_text(reply.text)  # a long transcript leaves in several messages
            for n, chunk in enumerate(chunks):
                markup = keyboard(reply.buttons) if n == len(chunks) - 1 else None
                await self._retry(
                    lambda chunk=chunk, markup=markup: bot.send_message(
                        update.effective_chat.id,
                        chunk,
                        parse_mode=None,
                        reply_markup=markup,
                        message_thread_id=thread,
                    )
                )

    # -- sending -------------------------------------------------------------------------------

    async def _answer(self, update: Update, bot: Bot, incoming: Incoming) -> None:
        async def send(replies: list[Reply]) -> None:
            await self._refusals_told(self._send(bot, update.effective_chat.id, replies))

        await self.assistant.handle(incoming, send)

    @staticmethod
    async def _refusals_told(sending: Awaitable[None]) -> None:
        """Sending is part of the turn. A network failure raises: the turn stays unfinished,
        the update fails, and Telegram's redelivery answers it. A refusal (the user blocked
        the bot, the chat is gone) will not pass by retrying: the turn ends here."""
        try:
            await sending
        except Forbidden as exc:
            log.info("answer not delivered: %s", type(exc).__name__)
        except BadRequest as exc:
            log.warning("answer refused by Telegram: %s", type(exc).__name__)

    async def _send(self, bot: Bot, chat_id: int, replies: list[Reply]) -> None:
        for reply in replies:
            await self._send_rendered(bot, chat_id, render(reply, reply.title))

    async def _send_rendered(self, bot: Bot, chat_id: int, messages: list) -> None:
        for out in messages:
            await self._retry(
                lambda out=out: bot.send_message(chat_id, out.html, reply_markup=out.markup)
            )

    async def _retry(self, call: Callable[[], Awaitable[Any]]) -> Any:
        """Telegram says wait (429): wait as told; the network fails: back off and retry."""
        for attempt in range(1, self.SEND_ATTEMPTS + 1):
            try:
                return await call()
            except (BadRequest, Forbidden):
                raise
            except RetryAfter as exc:
                if attempt == self.SEND_ATTEMPTS:
                    raise
                delay = exc.retry_after
                await asyncio.sleep(
                    delay.total_seconds() if hasattr(delay, "total_seconds") else float(delay)
                )
            except NetworkError:
                if attempt == self.SEND_ATTEMPTS:
                    raise
                await asyncio.sleep(0.25 * 2**attempt)
        return None

    @staticmethod
    async def _quietly(call: Awaitable[Any]) -> None:
        try:
            await call
        except (BadRequest, Forbidden, NetworkError) as exc:
            log.info("ignored telegram error: %s", type(exc).__name__)

    # -- set-up --------------------------------------------------------------------------------

    async def register_commands(self, bot: Bot) -> None:
        """The command list in every language Telegram can show (setMyCommands)."""
        catalogs = self.assistant.catalogs
        await bot.set_my_commands(_descriptions(catalogs("en").gettext))
        for code in DETECTABLE:
            await bot.set_my_commands(_descriptions(catalogs(code).gettext), language_code=code)
