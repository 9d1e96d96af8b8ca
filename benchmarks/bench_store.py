"""Messages per second through `Assistant.handle` with the store, on SQLite and PostgreSQL.

    python benchmarks/bench_store.py [--users 1,20] [--messages 1000]
    MADOGUCHI_BENCH_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test  (default)

Each setting uses a fresh database (a temporary SQLite file, a new PostgreSQL database that is
dropped afterwards). `--users N` runs N conversations at once, as Telegram delivers them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
# The checkout this script is in, not whichever one is installed (as bench_assistant.py).
sys.path.insert(0, str(ROOT))

from bot.core.assistant import Assistant  # noqa: E402
from bot.core.factory import build_engine  # noqa: E402
from bot.core.turns import Incoming  # noqa: E402
from bot.store.conversations import SqlConversations  # noqa: E402
from bot.store.database import Database, parse_url  # noqa: E402
from bot.store.migrate import upgrade  # noqa: E402

TEXTS = [
    json.loads(line)["text"]
    for line in (ROOT / "tests/eval/questions.jsonl").read_text(encoding="utf-8").splitlines()
    if line
]


async def run(url: str, engine, users: int, messages: int) -> dict:  # type: ignore[no-untyped-def]
    db = Database(url)
    await upgrade(db)
    bot = Assistant(
        engine.content, engine.matcher, engine.detector, engine.catalogs, SqlConversations(db)
    )
    latencies: list[float] = []
    per_user = messages // users

    async def conversation(u: int) -> None:
        for n in range(per_user):
            t0 = time.perf_counter()
            await bot.handle(
                Incoming(f"telegram:{u}", TEXTS[(u * 31 + n) % len(TEXTS)], update_id=f"{u}-{n}")
            )
            latencies.append((time.perf_counter() - t0) * 1000)

    await conversation(10_000)  # warm up: caches, first connection
    latencies.clear()
    began = time.perf_counter()
    await asyncio.gather(*(conversation(u) for u in range(users)))
    wall = time.perf_counter() - began
    await db.dispose()
    latencies.sort()
    return {
        "users": users,
        "messages": len(latencies),
        "per_second": round(len(latencies) / wall, 1),
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 2),
    }


def postgres_database(base: str) -> tuple[str, str, str]:
    url = parse_url(base)
    name = f"madoguchi_bench_{uuid.uuid4().hex[:8]}"
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False), admin, name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", default="1,20")
    parser.add_argument("--messages", type=int, default=1000)
    args = parser.parse_args()
    engine = build_engine()
    pg_base = os.environ.get(
        "MADOGUCHI_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )
    for users in (int(u) for u in args.users.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            result = asyncio.run(
                run(f"sqlite+aiosqlite:///{tmp}/bench.db", engine, users, args.messages)
            )
            print(json.dumps({"store": "sqlite", **result}))
        url, admin, name = postgres_database(pg_base)
        try:
            result = asyncio.run(run(url, engine, users, args.messages))
            print(json.dumps({"store": "postgresql", **result}))
        finally:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
