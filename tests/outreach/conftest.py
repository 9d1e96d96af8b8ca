"""Users, a frozen clock and the real catalogs, for reminders and notices."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.content.loader import default_content_dir
from bot.i18n import Catalogs, load_catalogs
from bot.store.database import Database
from bot.store.tables import User


class Clock:
    """The time now, frozen until a test moves it."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(scope="session")
def catalogs() -> Catalogs:
    # Completeness is tests/test_i18n.py's to check: these tests need the words of their own.
    return load_catalogs(default_content_dir() / "locales", strict=False)


async def add_users(
    db: Database,
    langs: list[str | None],
    *,
    start: int = 1000,
    channel: str = "telegram",
    company: str | None = None,
) -> list[int]:
    """One user per language given ("ja-easy" is stored as the conversation stores it: ja,
    easy). Their chat ids are start, start + 1, ..."""
    users = [
        User(
            channel=channel,
            external_id=str(start + n),
            lang="ja" if lang == "ja-easy" else lang,
            easy_japanese=lang == "ja-easy",
            company=company,
        )
        for n, lang in enumerate(langs)
    ]
    async with db.session() as session:
        session.add_all(users)
        await session.flush()
        return [u.id for u in users]
