"""Engines and sessions from one URL, and the errors a person can cause, as one line each.

`MADOGUCHI_DATABASE_URL` chooses: `sqlite+aiosqlite:///path` (the default, a file in the user's
data directory) or `postgresql+psycopg://...`. Plain `sqlite:///` and `postgresql://` URLs are
accepted and given their async driver.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    async_sessionmaker,
    create_async_engine,
)
from sqlmodel.ext.asyncio.session import AsyncSession

__all__ = ["Database", "StoreError", "parse_url", "redacted"]

_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
    "postgresql+psycopg_async": "postgresql+psycopg",
}


class StoreError(Exception):
    """A database problem a person can fix; the message is one line telling what to do."""


def redacted(url: URL | str) -> str:
    try:
        return make_url(str(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


def parse_url(raw: str) -> URL:
    try:
        url = make_url(raw.strip())
    except ArgumentError:
        raise StoreError(
            "MADOGUCHI_DATABASE_URL does not parse as a database URL; use e.g. "
            "sqlite+aiosqlite:///path/to/madoguchi.db or postgresql+psycopg://user@host/db"
        ) from None
    driver = _DRIVERS.get(url.drivername)
    if driver is None:
        raise StoreError(
            f"MADOGUCHI_DATABASE_URL uses {url.drivername!r}; madoguchi supports SQLite "
            "(sqlite+aiosqlite://) and PostgreSQL (postgresql+psycopg://)"
        )
    url = url.set(drivername=driver)
    if driver.startswith("sqlite") and url.database in (None, ""):
        raise StoreError("MADOGUCHI_DATABASE_URL names no SQLite file (sqlite+aiosqlite:///path)")
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class Database:
    """One engine and its session factory; built at startup, disposed at shutdown."""

    def __init__(self, raw_url: str, *, echo: bool = False) -> None:
        self.url = parse_url(raw_url)
        self.is_sqlite = self.url.drivername.startswith("sqlite")
        # Statement parameters are what people wrote: errors and echo never show them.
        kwargs: dict = {"echo": echo, "hide_parameters": True}
        if self.is_sqlite:
            if self.url.database != ":memory:":
                Path(self.url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": 30}
        else:
            kwargs.update(
                pool_size=10,
                max_overflow=10,
                pool_pre_ping=True,
                connect_args={"connect_timeout": 5},
            )
        self.engine: AsyncEngine = create_async_engine(self.url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self.sessions = async_sessionmaker(self.engine, class_=AsyncSession, expire_on_commit=False)

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session in a transaction: committed on success, rolled back on error."""
        try:
            async with self.sessions() as session, session.begin():
                yield session
        except (OperationalError, DBAPIError, OSError) as exc:
            raise self.explain(exc) from exc

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[AsyncConnection]:
        """A Core connection in a transaction, for the store's hot path (no ORM session)."""
        try:
            async with self.engine.begin() as conn:
                yield conn
        except (OperationalError, DBAPIError, OSError) as exc:
            raise self.explain(exc) from exc

    def explain(self, exc: BaseException) -> StoreError | BaseException:
        """Turn a driver error a person can fix into one line; leave bugs as they are."""
        text = str(exc).lower()
        where = redacted(self.url)
        if any(
            s in text
            for s in (
                "connection refused",
                "could not connect",
                "connection failed",
                "timeout expired",
                "name or service not known",
                "could not translate host",
            )
        ):
            return StoreError(f"cannot reach the database at {where}: is the server running?")
        if "does not exist" in text and "database" in text:
            return StoreError(f"the database in {where} does not exist; create it first")
        if "unable to open database file" in text or "readonly" in text:
            return StoreError(
                f"cannot open the SQLite file of {where}: check the folder exists and is writable"
            )
        if "no such table" in text or ("relation" in text and "does not exist" in text):
            return StoreError(
                "the database schema is missing or behind: run `madoguchi db upgrade`"
            )
        return exc

    async def dispose(self) -> None:
        await self.engine.dispose()
