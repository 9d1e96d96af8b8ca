"""`madoguchi notice`: a supervisor sends a notice from a YAML file, follows it, lists them;
every mistake is one readable line."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.store.database import Database
from bot.store.migrate import upgrade
from bot.store.tables import User
from tests.test_cli import madoguchi


async def subscribers(url: str, langs: list[str]) -> None:
    db = Database(url)
    try:
        await upgrade(db)
        async with db.session() as session:
            session.add_all(
                User(channel="telegram", external_id=str(100 + n), lang=lang)
                for n, lang in enumerate(langs)
            )
    finally:
        await db.dispose()


def test_a_supervisor_sends_a_notice_and_follows_it(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'notice.db'}"
    env = {"MADOGUCHI_DATABASE_URL": url}
    asyncio.run(subscribers(url, ["vi", "vi", "ne"]))
    typhoon = tmp_path / "typhoon.yaml"
    typhoon.write_text("ja: 台風が接近しています。\nvi: Bão đang đến gần.\n", encoding="utf-8")

    sent = madoguchi("notice", "send", str(typhoon), "--lang", "vi", env=env)
    assert sent.returncode == 0, sent.stderr
    assert "notice #1 stored for lang vi: 2 subscriber(s) to reach" in sent.stdout
    everyone = madoguchi("notice", "send", str(typhoon), "--by", "supervisor:7", env=env)
    assert "notice #2 stored for everyone: 3 subscriber(s) to reach" in everyone.stdout

    status = madoguchi("notice", "status", "1", env=env)
    assert status.returncode == 0, status.stderr
    assert "notice #1: 0 recipient(s), 0 delivered, 0 failed, 0 pending; fan-out 2 still" in (
        status.stdout
    )
    listed = madoguchi("notice", "list", env=env)
    assert "supervisor:7" in listed.stdout and "lang vi" in listed.stdout

    tagged = madoguchi("notice", "company", "telegram:102", "sakura-kogyo", env=env)
    assert tagged.returncode == 0 and "tagged 'sakura-kogyo'" in tagged.stdout
    only = madoguchi("notice", "send", str(typhoon), "--company", "sakura-kogyo", env=env)
    assert "1 subscriber(s) to reach" in only.stdout


@pytest.mark.parametrize(
    ("content", "options", "says"),
    [
        ("vi: Bão\n", (), "the Japanese text (ja) is required"),
        ("ja: [unclosed\n", (), "not valid YAML at line 2"),
        ("ja: 台風\nxx: hello\n", (), "'xx' is not a language madoguchi speaks"),
        ("ja: 台風\n", ("--lang", "vi", "--company", "a"), "use --lang or --company, not both"),
        (None, (), "cannot read it"),
    ],
)
def test_a_notice_that_cannot_be_sent_is_one_line(
    tmp_path: Path, content: str | None, options: tuple[str, ...], says: str
) -> None:
    env = {"MADOGUCHI_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'notice.db'}"}
    path = tmp_path / "notice.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = madoguchi("notice", "send", str(path), *options, env=env)
    assert result.returncode == 1
    assert says in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_status_of_a_notice_that_does_not_exist(tmp_path: Path) -> None:
    env = {"MADOGUCHI_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'notice.db'}"}
    result = madoguchi("notice", "status", "9", env=env)
    assert result.returncode == 1 and "no notice #9" in result.stderr
