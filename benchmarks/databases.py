"""A fresh database per benchmark run: a temporary SQLite file, or a new PostgreSQL database
that is dropped afterwards, so runs never see each other's rows."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from typing import TypeVar

import psycopg

from bot.store.database import parse_url

T = TypeVar("T")


def with_database(store: str, postgres: str, fn: Callable[[str], T]) -> T:
    if store == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            return fn(f"sqlite+aiosqlite:///{tmp}/bench.db")
    base = parse_url(postgres)
    name = f"madoguchi_bench_{uuid.uuid4().hex[:8]}"
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        return fn(base.set(database=name).render_as_string(hide_password=False))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
