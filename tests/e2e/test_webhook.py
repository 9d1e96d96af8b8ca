"""`madoguchi serve --webhook`: our webhook server, the secret token checked on every call."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx

from bot.channels.telegram.app import build_application, webhook_options
from bot.channels.telegram.webhook import TelegramWebhook
from bot.core.factory import Engine, build_assistant
from bot.settings import Settings
from bot.store.database import Database
from bot.store.migrate import upgrade
from tests.e2e.botapi import FakeBotAPI


async def test_updates_by_webhook_need_the_secret(engine: Engine, tmp_path: Path) -> None:
    api = FakeBotAPI()
    base = await api.start()
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'hook.db'}")
    await upgrade(db)
    settings = Settings(
        telegram_token="42:HOOK",
        telegram_base_url=base,
        webhook_url="https://bot.example.jp/telegram/hook",
        webhook_secret="s3cret-token",
        webhook_listen="127.0.0.1",
        webhook_port=0,  # any free port; the server says which
        _env_file=None,
    )
    app = build_application(settings, build_assistant(settings, engine=engine, db=db), webhook=True)
    server = TelegramWebhook(app, **webhook_options(settings))
    await app.initialize()
    await app.start()
    await server.start()
    try:
        (hook,) = api.sent(method="setWebhook")
        assert hook.params["url"] == "https://bot.example.jp/telegram/hook"
        assert hook.params["secret_token"] == "s3cret-token"
        assert hook.json("allowed_updates") == ["message", "callback_query"]
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": int(time.time()),
                "chat": {"id": 77, "type": "private"},
                "from": {"id": 77, "is_bot": False, "first_name": "a", "language_code": "ja"},
                "text": "有給休暇は何日？",
            },
        }
        url = f"http://127.0.0.1:{server.port}/telegram/hook"
        async with httpx.AsyncClient() as client:
            forged = await client.post(
                url, content=json.dumps(update), headers={"Content-Type": "application/json"}
            )
            assert forged.status_code == 403
            real = await client.post(
                url,
                content=json.dumps(update),
                headers={
                    "Content-Type": "application/json",
                    "X-Telegram-Bot-Api-Secret-Token": "s3cret-token",
                },
            )
            assert real.status_code == 200
        await api.wait_for(lambda: api.sent(77))
        assert len(api.sent(77)) == 1  # the forged call was not processed
    finally:
        await server.stop()
        await app.stop()
        await app.shutdown()
        await api.stop()
        await db.dispose()
