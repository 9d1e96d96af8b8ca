"""The LINE side of madoguchi in one process: the webhook server (aiohttp), the courier that
pushes the outbox's LINE items, and the periodic jobs (APScheduler, as PTB's JobQueue on the
Telegram side): unanswered messages resumed, the handoff's sweeps, reminders and notices, the
push quota watched.

`madoguchi serve --line` runs this; Telegram runs as its own process (`madoguchi serve`) on
the same store, and each process's courier delivers its own channel's items, so a LINE user's
ticket is announced in the counselors' Telegram group and the counselor's reply reaches LINE.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import signal
from collections.abc import Awaitable, Callable

from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.channels.line.api import LineApi
from bot.channels.line.delivery import LineCourier, QuotaWatch
from bot.channels.line.handlers import LineChannel
from bot.channels.line.webhook import PATH, routes
from bot.core.assistant import Assistant
from bot.outreach.notices import Notices
from bot.outreach.reminders import Reminders
from bot.settings import Settings

__all__ = ["LineService", "ServeError", "run_line"]

log = logging.getLogger(__name__)


class ServeError(Exception):
    """Why the LINE service could not start, in one sentence an operator can act on."""


class LineService:
    def __init__(
        self,
        settings: Settings,
        assistant: Assistant,
        *,
        api: LineApi | None = None,
        delivery_interval: float = 1.0,
        resume_after: float = 2.0,
        outreach_interval: float = 5.0,
        quota_interval: float = 3600.0,
        timeout: float = 10.0,
    ) -> None:
        if not settings.line_channel_secret:
            raise ValueError("MADOGUCHI_LINE_CHANNEL_SECRET is not set")
        if not settings.line_channel_access_token:
            raise ValueError("MADOGUCHI_LINE_CHANNEL_ACCESS_TOKEN is not set")
        self.settings = settings
        self.assistant = assistant
        self.api = api or LineApi(
            settings.line_channel_access_token,
            base_url=settings.line_api_base_url,
            timeout=timeout,
        )
        self.channel = LineChannel(assistant, self.api)
        self.app = routes(self.channel, settings.line_channel_secret)
        self.intervals = (delivery_interval, resume_after, outreach_interval, quota_interval)
        self.scheduler: AsyncIOScheduler | None = None
        self.courier: LineCourier | None = None
        self.quota: QuotaWatch | None = None
        self._runner: web.AppRunner | None = None
        self._running: set[asyncio.Task] = set()  # jobs in progress, awaited on stop
        self.port: int | None = None

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=10.0)
        await self._runner.setup()
        site = web.TCPSite(
            self._runner, self.settings.line_webhook_listen, self.settings.line_webhook_port
        )
        await site.start()
        server = getattr(site, "_server", None)
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1] if sockets else self.settings.line_webhook_port
        self.scheduler = self._jobs()
        self.scheduler.start()
        log.info(
            "LINE webhook listening on %s:%s%s", self.settings.line_webhook_listen, self.port, PATH
        )

    def _jobs(self) -> AsyncIOScheduler:
        delivery, resume_after, outreach, quota_every = self.intervals
        scheduler = AsyncIOScheduler(
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
        )

        def every(
            seconds: float,
            job: Callable[[], Awaitable[object]],
            name: str,
            first: float | None = None,
        ) -> None:
            start = dt.datetime.now().astimezone() + dt.timedelta(
                seconds=seconds if first is None else first
            )
            scheduler.add_job(
                self._logged(job, name),
                "interval",
                seconds=seconds,
                next_run_time=start,
                id=name,
            )

        every(60.0, self.channel.resume_unanswered, "resume", first=resume_after)
        handoff = self.assistant.handoff
        if handoff is not None:
            self.courier = LineCourier(handoff, self.api)
            self.quota = QuotaWatch(handoff, self.api)
            every(delivery, self.courier.deliver_due, "outbox")
            sla = handoff.config.sla.total_seconds()
            every(max(5.0, sla / 4), handoff.sweep, "sla")
            reminders = Reminders(
                handoff.db,
                self.assistant.catalogs,
                default_language=self.settings.default_language,
            )
            notices = Notices(
                handoff.db,
                self.assistant.catalogs,
                channels=("line",),
                default_language=self.settings.default_language,
            )
            every(outreach, reminders.fire_due, "reminders")
            every(outreach, notices.fan_out, "notices")
            every(quota_every, self.quota.check, "quota", first=min(quota_every, 30.0))
        return scheduler

    async def stop(self, drain: float = 30.0) -> None:
        """Stop listening, let the turns in progress finish, then the jobs (those running are
        awaited, not cancelled mid-query: a cancelled query can leave the store's connection
        pool hanging at dispose), then the client."""
        if self._runner is not None:
            await self._runner.cleanup()  # stops accepting; requests in flight finish
            self._runner = None
        await self.channel.drain(drain)
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.pause()  # no new runs
            if self._running:
                await asyncio.wait(set(self._running), timeout=drain)
            self.scheduler.shutdown(wait=False)
        await self.api.close()

    def _logged(
        self, job: Callable[[], Awaitable[object]], name: str
    ) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            task = asyncio.current_task()
            if task is not None:
                self._running.add(task)
            try:
                await job()
            except Exception:  # a failing job must not stop the others, nor itself next time
                log.exception("line job %s failed", name)
            finally:
                if task is not None:
                    self._running.discard(task)

        return run


async def run_line(
    settings: Settings,
    assistant: Assistant,
    *,
    on_shutdown: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """Serve until SIGINT/SIGTERM."""
    service = LineService(settings, assistant)
    try:
        await service.start()
    except OSError as exc:
        await service.api.close()
        raise ServeError(
            f"cannot listen on {settings.line_webhook_listen}:{settings.line_webhook_port} "
            f"(MADOGUCHI_LINE_WEBHOOK_LISTEN, MADOGUCHI_LINE_WEBHOOK_PORT): {exc.strerror or exc}"
        ) from None
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows
            loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await service.stop()
        if on_shutdown is not None:
            await on_shutdown()
