"""The real python-telegram-bot Application against our Bot API server on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.channels.telegram.app import build_application, start_polling, stop_polling
from bot.channels.telegram.flood import FloodGate
from bot.core.assistant import Assistant
from bot.core.factory import Engine, build_assistant
from bot.handoff.desk import Desk
from bot.settings import Settings
from bot.store.database import Database
from bot.store.migrate import upgrade
from tests.e2e.botapi import FakeBotAPI

COUNSELORS_CHAT = -100777
COUNSELOR, OTHER_COUNSELOR = 9001, 9002


@dataclass
class Telegram:
    api: FakeBotAPI
    db: Database
    assistant: Assistant
    engine: Engine
    settings: Settings
    app: Application

    async def restart(self) -> None:
        """Stop the bot and start a new one on the same store (a deploy, a crash)."""
        await stop_polling(self.app)
        url = self.db.url.render_as_string(hide_password=False)
        await self.db.dispose()
        self.db = Database(url)
        self.assistant, self.app = _bot(self.engine, self.settings, self.db)
        await start_polling(self.app, timeout=1)


def _bot(engine: Engine, settings: Settings, db: Database) -> tuple[Assistant, Application]:
    assistant = build_assistant(settings, engine=engine, db=db)
    app = build_application(
        settings,
        assistant,
        timeout=1.5,
        flood=FloodGate(limit=30, window=10.0),
        desk=Desk(assistant.handoff, assistant.answer_text),
        delivery_interval=0.2,
    )
    return assistant, app


@asynccontextmanager
async def running_bot(engine: Engine, url: str, **overrides: object) -> AsyncIterator[Telegram]:
    """The bot polling our Bot API server, on the store at `url` (SQLite or PostgreSQL)."""
    api = FakeBotAPI()
    base_url = await api.start()
    db = Database(url)
    await upgrade(db)
    fields: dict = {
        "telegram_token": "123456:TEST-TOKEN",
        "telegram_base_url": base_url,
        "counselor_chat_id": COUNSELORS_CHAT,
        "counselor_ids": [COUNSELOR, OTHER_COUNSELOR],
        "business_hours": "Mon-Sun 00:00-23:59 Asia/Tokyo",
        **overrides,
    }
    settings = Settings(**fields, _env_file=None)
    assistant, app = _bot(engine, settings, db)
    await start_polling(app, timeout=1)
    bot = Telegram(api, db, assistant, engine, settings, app)
    try:
        yield bot
    finally:
        await stop_polling(bot.app)
        await api.stop()
        await bot.db.dispose()


@pytest.fixture
async def telegram(engine: Engine, tmp_path: Path) -> AsyncIterator[Telegram]:
    async with running_bot(engine, f"sqlite+aiosqlite:///{tmp_path / 'tg.db'}") as bot:
        yield bot
