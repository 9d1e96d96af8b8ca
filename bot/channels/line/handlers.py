"""LINE events -> `Incoming`, `Reply`s -> LINE messages. Nothing here decides what to answer.

LINE wants its webhook's 200 at once and redelivers only what it did not get a 200 for, so a
request does the part that must not be lost (`receive`: each message stored, each unfollow
recorded) and the turns run after it, one user's in the order LINE sent them. A worker that
dies after the 200 leaves stored, unanswered messages: the resume job answers them by push.

Replies cost nothing and pushes cost the month's quota: a turn answers with its event's reply
token while it is fresh, and pushes only what the token cannot carry (more than 5 messages, a
token LINE no longer takes, a turn resumed later).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import replace

from linebot.v3.webhooks import (
    Event,
    FollowEvent,
    MessageEvent,
    PostbackEvent,
    TextMessageContent,
    UnfollowEvent,
    UserSource,
)

from bot.channels.line.api import BadReplyToken, LineApi, Refused, TryLater
from bot.channels.line.render import MESSAGES_PER_CALL, render
from bot.channels.typed import typed_command
from bot.core.assistant import Assistant, InProgress
from bot.core.turns import Incoming, Reply

__all__ = ["LineChannel", "refusal"]

log = logging.getLogger(__name__)

REPLY_WITHIN = 50.0  # seconds after the event during which its reply token is used
PUSH_ATTEMPTS = 3
LANGUAGES_KEPT = 10_000  # profile languages remembered per process

Turn = Callable[[], Awaitable[None]]


def refusal(exc: Refused) -> str:
    """LINE's refusal of a push -> the handoff's reason code (what the counselor is told)."""
    why = exc.why.lower()
    if "block" in why or "friend" in why or exc.status == 403:
        return "blocked"
    if exc.status == 404 or "not found" in why:
        return "chat-not-found"
    return "rejected"


class LineChannel:
    def __init__(
        self,
        assistant: Assistant,
        api: LineApi,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.assistant = assistant
        self.api = api
        self.clock = clock
        self._languages: OrderedDict[str, str | None] = OrderedDict()
        self._tails: dict[str, asyncio.Task] = {}
        self._tasks: set[asyncio.Task] = set()

    # -- in the webhook's request -------------------------------------------------------------

    async def receive(self, events: list[Event]) -> int:
        """Store every event's message before LINE gets its 200, then answer in the
        background; returns how many turns were started. A store failure raises: the request
        answers 500 and LINE delivers the events again."""
        started = 0
        for event in events:
            turn = await self._accept(event)
            if turn is not None:
                user, work = turn
                self._spawn(user, work)
                started += 1
        return started

    async def _accept(self, event: Event) -> tuple[str, Turn] | None:
        source = getattr(event, "source", None)
        if not isinstance(source, UserSource) or not source.user_id:
            return None  # groups and rooms: this desk talks to one person at a time
        if getattr(event, "mode", "active") == "standby":
            return None  # another channel of the account is answering
        user = f"line:{source.user_id}"
        event_id = getattr(event, "webhook_event_id", None)
        if isinstance(event, UnfollowEvent):
            await self.assistant.left(user)
            return None
        if isinstance(event, FollowEvent):
            await self.assistant.returned(user)
            incoming = Incoming(user, action="start", update_id=event_id)
        elif isinstance(event, MessageEvent):
            if isinstance(event.message, TextMessageContent):
                text = event.message.text or ""
                incoming = Incoming(user, text=text, action=typed_command(text), update_id=event_id)
            else:  # stickers, pictures, places, voice: a polite word in their language
                incoming = Incoming(user, action="non-text", update_id=event_id)
        elif isinstance(event, PostbackEvent):
            incoming = Incoming(user, action=event.postback.data or "", update_id=event_id)
        else:
            return None
        try:
            opened = await self.assistant.receive(incoming)
        except InProgress:
            log.info("line event %s is being answered by another worker", event_id)
            return None
        if opened is None:
            return None  # redelivered, and answered the first time
        token = getattr(event, "reply_token", None)
        sent_at = (event.timestamp or 0) / 1000 or self.clock()

        async def work() -> None:
            hint = None if opened.state.lang else await self._profile_language(source.user_id)
            await self.assistant.answer(
                replace(incoming, lang_hint=hint),
                opened,
                lambda replies: self.deliver(source.user_id, replies, token, sent_at),
            )

        return user, work

    def _spawn(self, user: str, work: Turn) -> None:
        """One user's turns one after another, in arrival order; users in parallel."""
        previous = self._tails.get(user)

        async def run() -> None:
            if previous is not None:
                await asyncio.wait([previous])
            try:
                await work()
            except Exception:  # the message stays unanswered: the resume job answers it
                log.exception("line turn failed user=%s", user.split(":", 1)[1][:8])
            finally:
                if self._tails.get(user) is task:
                    del self._tails[user]

        task = asyncio.create_task(run())
        self._tails[user] = task
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self, timeout: float = 30.0) -> None:
        """Let the turns in progress finish (on stop)."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)

    async def _profile_language(self, user_id: str) -> str | None:
        """The language set in the user's LINE app: the hint when the first message cannot
        tell (a word, a sticker, the follow)."""
        if user_id in self._languages:
            return self._languages[user_id]
        lang = await self.api.profile_language(user_id)
        self._languages[user_id] = lang
        if len(self._languages) > LANGUAGES_KEPT:
            self._languages.popitem(last=False)
        return lang

    # -- sending --------------------------------------------------------------------------------

    async def deliver(
        self, to: str, replies: list[Reply], token: str | None, sent_at: float | None
    ) -> None:
        """A turn's replies: by the reply token while it is fresh (free), the rest by push.
        A push that cannot get through raises, so the turn stays unanswered and is resumed;
        a refusal that will not pass (the user blocked the bot) ends the turn here."""
        messages = render(replies)
        if not messages:
            return
        rest = messages
        fresh = token and sent_at is not None and self.clock() - sent_at < REPLY_WITHIN
        if fresh:
            try:
                await self.api.reply(token, messages[:MESSAGES_PER_CALL])
                rest = messages[MESSAGES_PER_CALL:]
            except BadReplyToken:
                log.info("reply token no longer valid: pushing instead")
            except TryLater as exc:
                log.info("reply failed (%s): pushing instead", exc)
            except Refused as exc:
                log.warning("reply refused by LINE: %s", exc.status)
                return
        try:
            await self.push(to, rest)
        except Refused as exc:
            log.info("answer not delivered: %s", refusal(exc))

    async def push(self, to: str, messages: list) -> None:
        """Messages in calls of five, each call retried under one retry key (sent once)."""
        for start in range(0, len(messages), MESSAGES_PER_CALL):
            batch = messages[start : start + MESSAGES_PER_CALL]
            key = str(uuid.uuid4())
            for attempt in range(1, PUSH_ATTEMPTS + 1):
                try:
                    await self.api.push(to, batch, retry_key=key)
                    break
                except TryLater as exc:
                    if attempt == PUSH_ATTEMPTS:
                        raise
                    await asyncio.sleep(exc.retry_after or 0.25 * 2**attempt)

    async def resume_unanswered(self, older_than: dt.timedelta = dt.timedelta(minutes=1)) -> None:
        """Messages stored but never answered (a worker died after the 200): answered by push,
        their reply tokens long gone."""

        async def send(user: str, replies: list[Reply]) -> None:
            channel, _, external = user.partition(":")
            if channel != "line":
                return
            # LINE unreachable: raises, the message stays unanswered and the next run retries
            await self.deliver(external, replies, None, None)

        await self.assistant.resume(older_than, deliver=send, channels=("line",))
