"""Alembic from code: `madoguchi db upgrade` / `db current`, and the start-up schema check.

Tests build their schema through these migrations (never `create_all`), so the migrations are
what is tested. Alembic runs on the async engine's connection through `run_sync`.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from bot.store.database import Database, StoreError

__all__ = ["check_schema", "current_revision", "head_revision", "upgrade"]

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


async def upgrade(db: Database, revision: str = "head") -> None:
    config = _config()

    def run(connection) -> None:  # type: ignore[no-untyped-def]
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    try:
        async with db.engine.begin() as connection:
            await connection.run_sync(run)
    except Exception as exc:
        raise db.explain(exc) from exc


async def current_revision(db: Database) -> str | None:
    try:
        async with db.engine.connect() as connection:
            return await connection.run_sync(
                lambda c: MigrationContext.configure(c).get_current_revision()
            )
    except Exception as exc:
        raise db.explain(exc) from exc


async def check_schema(db: Database, *, auto_upgrade: bool) -> None:
    """At start: SQLite upgrades itself; PostgreSQL must be upgraded by an operator."""
    current = await current_revision(db)
    if current == head_revision():
        return
    if auto_upgrade:
        await upgrade(db)
        return
    state = "empty" if current is None else f"at {current}, behind {head_revision()}"
    raise StoreError(f"the database schema is {state}: run `madoguchi db upgrade`")
