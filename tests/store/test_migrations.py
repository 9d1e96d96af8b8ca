"""The schema comes from the migrations, and a database that is behind says so in one line."""

from __future__ import annotations

import pytest

from bot.store.database import Database, StoreError
from bot.store.migrate import check_schema, current_revision, head_revision, upgrade


async def test_migrations_build_the_schema(db: Database) -> None:
    assert await current_revision(db) == head_revision()
    await upgrade(db)  # idempotent
    await check_schema(db, auto_upgrade=False)


async def test_an_empty_database_is_behind(database_url: str) -> None:
    db = Database(database_url)
    try:
        with pytest.raises(StoreError, match=r"schema is empty: run `madoguchi db upgrade`"):
            await check_schema(db, auto_upgrade=False)
        await check_schema(db, auto_upgrade=True)  # what SQLite does at start
        assert await current_revision(db) == head_revision()
    finally:
        await db.dispose()


def test_a_url_that_does_not_parse() -> None:
    with pytest.raises(StoreError, match="does not parse"):
        Database("not a url at all")
    with pytest.raises(StoreError, match="supports SQLite"):
        Database("mysql://localhost/x")


async def test_a_server_that_is_down() -> None:
    db = Database("postgresql+psycopg://postgres@127.0.0.1:1/none")
    try:
        with pytest.raises(StoreError, match=r"cannot reach the database .* is the server running"):
            await current_revision(db)
    finally:
        await db.dispose()
