"""Builds the python-telegram-bot Application: one readable place, like PTB's own examples."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from urllib.parse import urlparse

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    Defaults,
    MessageHandler,
    filters,
)

from bot.channels.telegram.delivery import Courier
from bot.channels.telegram.flood import FloodGate
from bot.channels.telegram.handlers import TelegramChannel
from bot.channels.telegram.ordering import PerUserOrder
from bot.channels.telegram.transport import AiohttpRequest
from bot.core.assistant import Assistant
from bot.core.desk import Desk
from bot.settings import Settings

__all__ = [
    "ALLOWED_UPDATES",
    "build_application",
    "start_polling",
    "stop_polling",
    "webhook_options",
]

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]


def build_application(
    settings: Settings,
    assistant: Assistant,
    *,
    rate_limit: bool = True,
    timeout: float = 10.0,
    flood: FloodGate | None = None,
    on_shutdown: Callable[[], Awaitable[None]] | None = None,
    desk: Desk | None = None,
    delivery_interval: float = 1.0,
    concurrency: int = 32,
    connection_pool_size: int = 8,
) -> Application:
    if not settings.telegram_token:
        raise ValueError("MADOGUCHI_TELEGRAM_TOKEN is not set")
    # PTB's documented opt-in to what v23 makes the default: time periods (RetryAfter's
    # retry_after) as timedelta. Our handlers read both; without it every 429 logs a warning.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    channel = TelegramChannel(
        assistant, counselor_chat_id=settings.counselor_chat_id, flood=flood, desk=desk
    )
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_token)
        .concurrent_updates(PerUserOrder(concurrency))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
            )
        )
        .request(
            AiohttpRequest(
                connection_pool_size=connection_pool_size,
                read_timeout=timeout,
                connect_timeout=timeout,
                pool_timeout=timeout,
            )
        )
        # Long polling: getUpdates waits up to its own `timeout` on top of this read timeout.
        .get_updates_request(
            AiohttpRequest(connection_pool_size=1, read_timeout=timeout, connect_timeout=timeout)
        )
    )
    if settings.telegram_base_url:
        builder = builder.base_url(settings.telegram_base_url)
    if rate_limit:
        # Telegram: ~30 messages/s per bot, 20/min per group; RetryAfter is retried.
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))

    async def post_init(application: Application) -> None:
        await channel.register_commands(application.bot)

    async def post_shutdown(application: Application) -> None:
        if on_shutdown:
            await on_shutdown()

    application = builder.post_init(post_init).post_shutdown(post_shutdown).build()
    application.bot_data["channel"] = channel
    application.add_handler(MessageHandler(filters.COMMAND, channel.on_command))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, channel.on_text))
    application.add_handler(CallbackQueryHandler(channel.on_callback))
    application.add_handler(
        MessageHandler(
            ~filters.TEXT & ~filters.COMMAND & ~filters.StatusUpdate.ALL, channel.on_other
        )
    )
    application.add_error_handler(channel.on_error)
    if assistant.handoff is not None:
        # Messages between users and counselors leave the outbox; unclaimed tickets come back.
        courier = Courier(assistant.handoff)
        application.job_queue.run_repeating(
            courier.deliver, interval=delivery_interval, first=delivery_interval, name="outbox"
        )
        sla = assistant.handoff.config.sla.total_seconds()
        application.job_queue.run_repeating(
            courier.reannounce, interval=max(5.0, sla / 4), first=max(5.0, sla / 4), name="sla"
        )
    return application


def webhook_options(settings: Settings) -> dict:
    """What `run_webhook`/`start_webhook` need: the listener, the path of the public URL, and
    the secret Telegram must echo in every call (PTB answers 403 without it)."""
    if not settings.webhook_url:
        raise ValueError("MADOGUCHI_WEBHOOK_URL is not set")
    return {
        "listen": settings.webhook_listen,
        "port": settings.webhook_port,
        "url_path": urlparse(settings.webhook_url).path.lstrip("/"),
        "webhook_url": settings.webhook_url,
        "secret_token": settings.webhook_secret,
        "allowed_updates": ALLOWED_UPDATES,
    }


async def start_polling(
    application: Application, *, poll_interval: float = 0.0, timeout: int = 10
) -> None:
    """Start an Application inside a running event loop (tests, benchmarks, other hosts):
    what `run_polling` does, without taking over the loop."""
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    await application.start()
    await application.updater.start_polling(
        poll_interval=poll_interval, timeout=timeout, allowed_updates=ALLOWED_UPDATES
    )


async def stop_polling(application: Application) -> None:
    if application.updater.running:
        await application.updater.stop()
    if application.running:
        await application.stop()
    await application.shutdown()
