"""Builds the python-telegram-bot Application: one readable place, like PTB's own examples."""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import Awaitable, Callable
from urllib.parse import urlparse

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
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
from bot.handoff.desk import Desk
from bot.outreach.notices import Notices
from bot.outreach.reminders import Reminders
from bot.settings import Settings
from bot.store.database import Database
from bot.store.updates import REDELIVERY_RETENTION, forget_processed_updates

__all__ = [
    "ALLOWED_UPDATES",
    "ServeError",
    "build_application",
    "serve",
    "start_polling",
    "stop_polling",
    "webhook_options",
]

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
# What Telegram accepts as setWebhook's secret_token.
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


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
    webhook: bool = False,
    database: Database | None = None,
    resume_after: float = 2.0,
    outreach_interval: float = 5.0,
) -> Application:
    """The bot's Application. `webhook`: no Updater, updates come from our own webhook server
    (webhook.py); `database`: the store whose old update ids an hourly job forgets;
    `outreach_interval`: how often due reminders are queued and notices fanned out."""
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
    )
    if webhook:
        builder = builder.updater(None)
    else:
        # Long polling: getUpdates waits up to its own `timeout` on top of this read timeout.
        builder = builder.get_updates_request(
            AiohttpRequest(connection_pool_size=1, read_timeout=timeout, connect_timeout=timeout)
        )
    if settings.telegram_base_url:
        builder = builder.base_url(settings.telegram_base_url)
    if rate_limit:
        # Telegram: ~30 messages/s per bot, 20/min per group; RetryAfter is retried.
        builder = builder.rate_limiter(
            AIORateLimiter(
                max_retries=3, group_max_rate=settings.telegram_group_rate, group_time_period=60
            )
        )

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
    # Messages confirmed to Telegram but never answered (a worker died mid-turn).
    # A run still going when the next is due: the next returns at once (the courier is busy,
    # the rows are taken) instead of APScheduler warning "maximum number of instances".
    overlap = {"max_instances": 2, "coalesce": True}
    application.job_queue.run_repeating(
        channel.resume_unanswered,
        interval=60.0,
        first=resume_after,
        name="resume",
        job_kwargs=overlap,
    )
    if assistant.handoff is not None:
        # Messages between users and counselors leave the outbox; unclaimed tickets come back.
        courier = Courier(assistant.handoff)
        application.job_queue.run_repeating(
            courier.deliver,
            interval=delivery_interval,
            first=delivery_interval,
            name="outbox",
            job_kwargs=overlap,
        )
        sla = assistant.handoff.config.sla.total_seconds()
        application.job_queue.run_repeating(
            courier.sweep,
            interval=max(5.0, sla / 4),
            first=max(5.0, sla / 4),
            name="sla",
            job_kwargs=overlap,
        )
        # Reminders that fell due and notices still being fanned out become outbox items
        # (each once, whatever the number of workers); the courier above delivers them after
        # everything more urgent, within the rate limiter.
        reminders = Reminders(
            assistant.handoff.db, assistant.catalogs, default_language=settings.default_language
        )
        notices = Notices(
            assistant.handoff.db,
            assistant.catalogs,
            channels=("telegram",),
            default_language=settings.default_language,
        )

        async def fire_reminders(context: ContextTypes.DEFAULT_TYPE) -> None:
            await reminders.fire_due()

        async def fan_out_notices(context: ContextTypes.DEFAULT_TYPE) -> None:
            await notices.fan_out()

        application.job_queue.run_repeating(
            fire_reminders,
            interval=outreach_interval,
            first=outreach_interval,
            name="reminders",
            job_kwargs=overlap,
        )
        application.job_queue.run_repeating(
            fan_out_notices,
            interval=outreach_interval,
            first=outreach_interval,
            name="notices",
            job_kwargs=overlap,
        )
    if database is not None:

        async def forget_updates(context: ContextTypes.DEFAULT_TYPE) -> None:
            async with database.session() as session:
                forgotten = await forget_processed_updates(session=session)
            log.info(
                "forgot %d processed update id(s) older than %s", forgotten, REDELIVERY_RETENTION
            )

        application.job_queue.run_repeating(
            forget_updates, interval=3600, first=60, name="forget-updates"
        )
    return application


def webhook_options(settings: Settings) -> dict:
    """What `TelegramWebhook` needs: the listener, the path of the public URL, and the secret
    Telegram must echo in every call. No secret, no webhook: without one, anybody who learns
    the URL can post updates that look like Telegram's."""
    if not settings.webhook_url:
        raise ValueError("MADOGUCHI_WEBHOOK_URL is not set")
    if not settings.webhook_secret:
        raise ValueError(
            "MADOGUCHI_WEBHOOK_SECRET is not set: without it anybody who finds the webhook URL "
            "can send the bot updates (use 1-256 letters, digits, _ or -, such as the output of "
            "`openssl rand -hex 32`)"
        )
    if not _SECRET.fullmatch(settings.webhook_secret):
        raise ValueError(
            "MADOGUCHI_WEBHOOK_SECRET may hold only letters, digits, _ and - (1 to 256 of "
            "them), as Telegram requires"
        )
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


class ServeError(Exception):
    """Why the bot could not start, in one sentence an operator can act on."""


def serve(application: Application, hook: dict | None = None) -> None:
    """Run until SIGINT/SIGTERM: by webhook (`hook` = `webhook_options(settings)`) or by long
    polling. Telegram's refusals become a `ServeError` so the CLI needs no Telegram types."""
    from bot.channels.telegram.webhook import run_webhook

    try:
        if hook is not None:
            asyncio.run(run_webhook(application, **hook))
        else:
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
    except InvalidToken:
        raise ServeError(
            "Telegram refused MADOGUCHI_TELEGRAM_TOKEN: check it with @BotFather"
        ) from None
    except TelegramError as exc:
        raise ServeError(f"Telegram refused the bot's start: {exc.message}") from None
    except OSError as exc:  # the port is taken, or the address is not this machine's
        where = f"{hook['listen']}:{hook['port']}" if hook else "Telegram"
        raise ServeError(
            f"cannot listen on {where} (MADOGUCHI_WEBHOOK_LISTEN, MADOGUCHI_WEBHOOK_PORT): "
            f"{exc.strerror or exc}"
        ) from None
