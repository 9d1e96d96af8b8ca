"""Telegram calls us: one update per request, answered 200 only once it has been processed.

PTB's own webhook (`run_webhook`) answers 200 as soon as an update is queued. Telegram forgets
an update at its 200, so a worker that dies between the 200 and the answer loses the message,
and behind a load balancer the user's next update goes to another worker while the first one
is still running. Here the request waits for the update's handlers (its answer stored and
sent), in the user's turn (`PerUserOrder`), and a failure answers 500: Telegram sends the
update again, and the store's update ids drop it if it was processed after all.

This is PTB's "custom webhook bot" example: an Application without an Updater, fed by our own
server (tornado, which PTB uses too). The cheapest checks come first: the secret (compared in
constant time) and the announced length before a byte of the body is read, then JSON, then an
Update. Nothing a caller sent is logged, only the status and why.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import re
import signal
import sys
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import Application, ContextTypes, ExtBot
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application as Routes
from tornado.web import RequestHandler, stream_request_body

from bot.core.assistant import InProgress

__all__ = ["MAX_BODY", "SECRET_HEADER", "TelegramWebhook", "run_webhook"]

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024  # Telegram's updates are a few kilobytes; 1 MiB is generous
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
DRAIN_SECONDS = 30.0  # on stop, how long the updates being processed may take to finish


@dataclass
class _Outcome:
    failed: bool = False
    busy: bool = False  # another worker has this update right now


# The update the current task is processing, so PTB's error handler can mark it failed.
_outcome: ContextVar[_Outcome | None] = ContextVar("webhook_outcome", default=None)


class TelegramWebhook:
    """Our webhook server for one Application: `start` listens and calls setWebhook, `stop`
    stops listening and lets the updates in progress finish."""

    def __init__(
        self,
        application: Application,
        *,
        url_path: str,
        webhook_url: str,
        secret_token: str | None,
        listen: str = "127.0.0.1",
        port: int = 8443,
        allowed_updates: list[str] | None = None,
        max_body: int = MAX_BODY,
        max_connections: int = 40,
    ) -> None:
        if not secret_token:
            raise ValueError(
                "the webhook needs a secret token: without it anybody who finds its URL can "
                "send the bot updates"
            )
        self.application = application
        self.url_path = url_path.strip("/")
        self.webhook_url = webhook_url
        self.listen, self.port = listen, port
        self.allowed_updates = allowed_updates
        self.max_body = max_body
        self.max_connections = max_connections
        self._secret = secret_token.encode()
        self._server: HTTPServer | None = None
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    # -- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen first, then tell Telegram the URL: its first call finds us listening."""
        routes = Routes(
            [(rf"/{re.escape(self.url_path)}/?", _UpdateHandler, {"hook": self})],
            default_handler_class=_Nowhere,
            log_function=_log_request,
        )
        sockets = bind_sockets(self.port, self.listen)
        self.port = sockets[0].getsockname()[1]
        # No server-wide body limit: every request is refused or given its cap in `prepare`,
        # before its body is read (a server-wide one would answer 400 after our own 413).
        self._server = HTTPServer(
            routes, max_body_size=sys.maxsize, idle_connection_timeout=120, body_timeout=30
        )
        self._server.add_sockets(sockets)
        self.application.add_error_handler(self._mark_failed)
        await self.application.bot.set_webhook(
            url=self.webhook_url,
            secret_token=self._secret.decode(),
            allowed_updates=self.allowed_updates,
            max_connections=self.max_connections,
        )
        log.info("webhook listening on %s:%d", self.listen, self.port)

    async def stop(self, drain: float = DRAIN_SECONDS) -> None:
        """Take no new calls; answer those in progress (their updates finish), then close.
        setWebhook stays: the next worker to start receives what Telegram holds meanwhile."""
        if self._server is None:
            return
        self._server.stop()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), drain)
        await self._server.close_all_connections()
        self._server = None
        self.application.remove_error_handler(self._mark_failed)

    # -- processing ----------------------------------------------------------------------------

    async def process(self, update: Update) -> int:
        """Run the update's handlers in the user's turn; the HTTP status for Telegram: 200
        done, 503 another worker is processing it (send it again later), 500 failed."""
        outcome = _Outcome()
        token = _outcome.set(outcome)
        self._in_flight += 1
        self._idle.clear()
        try:
            bot = self.application.bot
            if isinstance(bot, ExtBot):
                bot.insert_callback_data(update)
            await self.application.update_processor.process_update(
                update, self.application.process_update(update)
            )
        except Exception as exc:  # a bug outside the handlers; PTB's error handlers saw none
            log.error("update %s failed: %s", update.update_id, type(exc).__name__)
            return 500
        finally:
            _outcome.reset(token)
            self._in_flight -= 1
            if not self._in_flight:
                self._idle.set()
        return 503 if outcome.busy else 500 if outcome.failed else 200

    @staticmethod
    async def _mark_failed(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        outcome = _outcome.get()
        if outcome is not None:
            outcome.failed = True
            outcome.busy = isinstance(context.error, InProgress)

    def secret_matches(self, given: str | None) -> bool:
        return hmac.compare_digest((given or "").encode(), self._secret)


@stream_request_body
class _UpdateHandler(RequestHandler):
    SUPPORTED_METHODS = ("POST",)  # type: ignore[assignment]

    def initialize(self, hook: TelegramWebhook) -> None:
        self.hook = hook
        self.body = bytearray()
        self.why = ""
        self.refused = False

    def prepare(self) -> None:
        """Before the body: the secret, then the length it announces."""
        if not self.hook.secret_matches(self.request.headers.get(SECRET_HEADER)):
            return self._refuse(403, "no valid secret")
        length = self.request.headers.get("Content-Length")
        if length is not None and length.strip().isdecimal() and int(length) > self.hook.max_body:
            return self._refuse(413, "body over the cap")
        # A body without Content-Length (chunked) stops at the cap too: tornado answers 400.
        self.request.connection.set_max_body_size(self.hook.max_body)

    def data_received(self, chunk: bytes) -> None:
        if not self.refused:  # a refused body is dropped until the connection closes
            self.body.extend(chunk)

    async def post(self) -> None:
        update = self._update()
        if update is None:
            return self._refuse(400, self.why)
        status = await self.hook.process(update)
        if status == 503:
            self.why = f"update {update.update_id} is in progress elsewhere: send it again later"
        elif status != 200:
            self.why = f"update {update.update_id} failed: Telegram will send it again"
        self.set_status(status)
        self.finish()

    def _update(self) -> Update | None:
        try:
            data = json.loads(self.body)
        except ValueError:
            self.why = "body is not JSON"
            return None
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            self.why = "body is not an update"
            return None
        try:
            return Update.de_json(data, self.hook.application.bot)
        except Exception as exc:
            self.why = f"update {data['update_id']} does not parse: {type(exc).__name__}"
            return None

    def _refuse(self, status: int, why: str) -> None:
        self.why, self.refused = why, True
        self.set_status(status)
        self.finish()

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.finish()  # no body, no traceback: the status says it


@stream_request_body
class _Nowhere(RequestHandler):
    """Any other path: 404 before the body is read."""

    def prepare(self) -> None:
        self.set_status(404)
        self.finish()

    def data_received(self, chunk: bytes) -> None:
        pass


def _log_request(handler: RequestHandler) -> None:
    """One line per call, for operators: status, caller, why, time; never the body."""
    status = handler.get_status()
    level = logging.DEBUG if status < 400 else logging.INFO if status < 500 else logging.WARNING
    if log.isEnabledFor(level):
        log.log(
            level,
            "webhook %d %s from %s%s (%.0f ms)",
            status,
            handler.request.method,
            handler.request.remote_ip,
            f": {handler.why}" if getattr(handler, "why", "") else "",
            1000 * handler.request.request_time(),
        )


async def run_webhook(application: Application, **options: Any) -> None:
    """Run the bot on its webhook until SIGINT or SIGTERM: what PTB's `run_webhook` does, with
    our server. `options` are `webhook_options(settings)`."""
    hook = TelegramWebhook(application, **options)  # refuses before anything starts
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)
    for sig in signals:
        loop.add_signal_handler(sig, stopping.set)
    try:
        await application.initialize()
        try:
            if application.post_init:
                await application.post_init(application)
            await application.start()
            try:
                await hook.start()
                try:
                    await stopping.wait()
                finally:
                    await hook.stop()
            finally:
                await application.stop()
                if application.post_stop:
                    await application.post_stop(application)
        finally:
            await application.shutdown()
            if application.post_shutdown:
                await application.post_shutdown(application)
    finally:
        for sig in signals:
            loop.remove_signal_handler(sig)
