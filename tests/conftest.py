"""Shared fixtures: the real content, catalogs and language model, loaded once per session."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

from bot.core.assistant import Assistant
from bot.core.factory import Engine, build_engine
from bot.store.conversations import MemoryConversations
from bot.store.database import Database, parse_url, redacted
from bot.store.migrate import upgrade


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return build_engine(cache=tmp_path_factory.mktemp("engine-cache"))


@pytest.fixture
def assistant(engine: Engine) -> Assistant:
    return Assistant(
        engine.content, engine.matcher, engine.detector, engine.catalogs, MemoryConversations()
    )


# -- databases: one suite, every backend ---------------------------------------------------------

POSTGRES_ENV = "MADOGUCHI_TEST_POSTGRES_URL"
REQUIRE_POSTGRES = os.environ.get("MADOGUCHI_REQUIRE_POSTGRES") == "1"


def _postgres_base() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        reason = f"{POSTGRES_ENV} is not set: PostgreSQL tests skipped"
        if REQUIRE_POSTGRES:
            pytest.fail(reason)
        pytest.skip(reason)
    return url


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A database of its own for one test, dropped afterwards: runs never collide."""
    base = parse_url(_postgres_base())
    name = f"madoguchi_t{os.getpid()}_{uuid.uuid4().hex[:10]}"
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL at {redacted(base)} is not reachable: {exc}")
        pytest.skip(f"PostgreSQL at {redacted(base)} is not reachable")
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'madoguchi.db'}"
        return
    with fresh_postgres_database() as url:
        yield url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """PostgreSQL only: for what is specific to the multi-process deployment."""
    with fresh_postgres_database() as url:
        yield url


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    """A migrated database (the schema is built by the migrations, never create_all)."""
    database = Database(database_url)
    await upgrade(database)
    yield database
    await database.dispose()
