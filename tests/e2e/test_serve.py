"""`madoguchi serve` as an operator runs it: its own process, settings from the environment,
the loopback Bot API in place of Telegram, and Ctrl-C to stop it."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.e2e.botapi import FakeBotAPI

QUESTION = "Tôi có được nghỉ phép có lương không?"


async def test_serve_answers_a_user_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    api = FakeBotAPI()
    base_url = await api.start()
    env = {
        **os.environ,
        "MADOGUCHI_TELEGRAM_TOKEN": "123456:SERVE",
        "MADOGUCHI_TELEGRAM_BASE_URL": base_url,
        "MADOGUCHI_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'serve.db'}",
        "MADOGUCHI_LOG_LEVEL": "INFO",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "serve",
        cwd=tmp_path,  # no .env of the developer's
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        # Started: the commands are registered in every language, then polling begins.
        await api.wait_for(lambda: len(api.sent(method="setMyCommands")) >= 10, timeout=120)
        api.message(501, QUESTION, language_code="vi")
        replies = await api.wait_for(lambda: api.sent(501), timeout=30)
        assert "phép" in replies[0].params["text"]
        assert replies[0].params["parse_mode"] == "HTML"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
        finally:
            if process.returncode is None:
                process.kill()
            await api.stop()
    assert process.returncode == 0, stderr.decode()[-2000:]
    log = stderr.decode()
    assert "Traceback" not in log
    assert QUESTION not in log and "nghỉ phép" not in log  # INFO carries ids, never text
