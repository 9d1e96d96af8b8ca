"""The whole flow without Telegram: `madoguchi chat` asks, `madoguchi desk` answers."""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path

from bot.core.factory import Engine, build_assistant
from bot.core.turns import Incoming
from bot.settings import Settings
from bot.store.database import Database
from tests.test_cli import madoguchi


def test_chat_and_desk_in_two_terminals(tmp_path: Path) -> None:
    env = {
        "MADOGUCHI_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'desk.db'}",
        "MADOGUCHI_BUSINESS_HOURS": "Mon-Sun 00:00-23:59 Asia/Tokyo",
    }
    asked = madoguchi(
        "chat",
        stdin="/language vi\ntôi muốn nói chuyện với nhân viên tư vấn\n/quit\n",
        env=env,
        timeout=60,
    )
    assert asked.returncode == 0, asked.stderr
    desk = madoguchi(
        "desk",
        stdin="/queue\n/claim 1\n/reply 1 こんにちは、相談員です\n"
        "/send 1 annual-paid-leave\n/close 1 done\n/quit\n",
        env=env,
    )
    assert desk.returncode == 0, desk.stderr
    assert "#1" in desk.stdout and "ベトナム語" in desk.stdout
    later = madoguchi("chat", stdin="ok\n/quit\n", env=env, timeout=60)
    assert "こんにちは、相談員です" in later.stdout
    report = madoguchi("report", "tickets", env=env)
    assert report.returncode == 0, report.stderr
    row = next(line for line in report.stdout.splitlines() if line.strip("│ ").startswith("vi"))
    assert "1" in row
    export = madoguchi("db", "export-user", f"console:{getpass.getuser()}", env=env)
    assert export.returncode == 0


async def test_unclaimed_tickets_are_announced_again(engine: Engine, db: Database) -> None:
    settings = Settings(sla_minutes=0, _env_file=None)
    bot = build_assistant(settings, engine=engine, db=db)
    await bot.handle(Incoming("telegram:5", "cho tôi gặp nhân viên tư vấn"))
    assert await bot.handoff.outbox.pending() == 1  # the first announcement
    assert await bot.handoff.reannounce_stale() == 1
    (first,) = await bot.handoff.outbox.take("desk")  # one chat: one at a time, in order
    await bot.handoff.outbox.delivered(first)
    (again,) = await bot.handoff.outbox.take("desk")
    assert [first.purpose, again.purpose] == ["announce", "announce"]
    assert "#1" in again.text
    ticket = await bot.handoff.tickets.get(1)
    assert ticket.announced_at > dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
