"""The database through the command line: chat remembers, bad input is one line."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from bot.core.assistant import Assistant
from bot.core.factory import Engine
from bot.core.turns import Incoming
from bot.store.conversations import SqlConversations
from bot.store.database import Database
from tests.test_cli import madoguchi


def test_chat_remembers_the_language_across_runs(tmp_path: Path) -> None:
    env = {"MADOGUCHI_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'chat.db'}"}
    first = madoguchi("chat", stdin="/language vi\n/quit\n", env=env)
    assert first.returncode == 0, first.stderr
    second = madoguchi("chat", stdin="ok\nhello\n/quit\n", env=env)
    assert second.returncode == 0, second.stderr
    assert "Traceback" not in second.stderr
    export = madoguchi("db", "export-user", "console:" + __import__("getpass").getuser(), env=env)
    data = json.loads(export.stdout)
    assert data["user"]["lang"] == "vi"
    assert [m["text"] for m in data["messages"] if m["direction"] == "in"][-2:] == ["ok", "hello"]


def test_the_default_database_needs_no_setup(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    result = madoguchi("chat", stdin="xin chào\n/quit\n", env=env)
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "data").rglob("madoguchi.db"))


def test_bad_database_urls_are_one_line(tmp_path: Path) -> None:
    for url, says in [
        ("::not a url", "does not parse"),
        ("mysql://localhost/x", "supports SQLite"),
        ("postgresql+psycopg://postgres@127.0.0.1:1/none", "cannot reach the database"),
    ]:
        result = madoguchi("db", "current", env={"MADOGUCHI_DATABASE_URL": url})
        assert result.returncode == 1, url
        assert says in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_schema_that_is_behind_says_what_to_do(postgres_url: str) -> None:
    env = {"MADOGUCHI_DATABASE_URL": postgres_url}
    result = madoguchi("db", "purge", "--older-than", "180d", env=env)
    assert result.returncode == 1
    assert "run `madoguchi db upgrade`" in result.stderr
    assert "Traceback" not in result.stderr
    assert madoguchi("db", "upgrade", env=env).returncode == 0
    current = madoguchi("db", "current", env=env)
    assert "up to date" in current.stdout
    purge = madoguchi("db", "purge", "--older-than", "180d", env=env)
    assert purge.returncode == 0 and "deleted 0 message(s)" in purge.stdout
    bad_age = madoguchi("db", "purge", "--older-than", "soon", env=env)
    assert bad_age.returncode == 1 and "180d" in bad_age.stderr


async def test_no_message_text_in_logs_at_info(engine: Engine, db: Database, caplog) -> None:
    bot = Assistant(
        engine.content, engine.matcher, engine.detector, engine.catalogs, SqlConversations(db)
    )
    secret = "my boss took my passport zzsecretzz"
    with caplog.at_level(logging.INFO):
        await bot.handle(Incoming("telegram:1", secret, update_id="1"))
        await bot.handle(Incoming("telegram:1", secret, update_id="1"))
    assert caplog.records, "the store logs ids at INFO"
    assert all("zzsecretzz" not in r.getMessage() for r in caplog.records)
