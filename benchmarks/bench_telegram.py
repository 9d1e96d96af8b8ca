"""Updates per second end to end: PTB -> assistant -> store -> sendMessage to a loopback Bot API.

    python benchmarks/bench_telegram.py [--updates 2000] [--store sqlite|postgresql]

The rate limiter is off (Telegram's own limits would cap any figure at ~30/s). Every update
comes from a different user, pushed at once, as a busy moment would deliver them; latency is
from the moment the update is offered to the moment its reply reaches the server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.channels.telegram.app import build_application, start_polling, stop_polling  # noqa: E402
from bot.channels.telegram.flood import FloodGate  # noqa: E402
from bot.core.assistant import Assistant  # noqa: E402
from bot.core.factory import build_engine  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.store.conversations import SqlConversations  # noqa: E402
from bot.store.database import Database, parse_url  # noqa: E402
from bot.store.migrate import upgrade  # noqa: E402
from tests.e2e.botapi import FakeBotAPI  # noqa: E402

TEXTS = [
    json.loads(line)["text"]
    for line in (ROOT / "tests/eval/questions.jsonl").read_text(encoding="utf-8").splitlines()
    if line
]


async def run(url: str, updates: int) -> dict:
    engine = build_engine()
    api = FakeBotAPI()
    base = await api.start()
    db = Database(url)
    await upgrade(db)
    assistant = Assistant(
        engine.content, engine.matcher, engine.detector, engine.catalogs, SqlConversations(db)
    )
    settings = Settings(telegram_token="1:BENCH", telegram_base_url=base, _env_file=None)
    app = build_application(settings, assistant, rate_limit=False, flood=FloodGate(limit=10**6))
    await start_polling(app, timeout=1)
    pushed: dict[int, float] = {}
    for n in range(updates):
        user = 10_000 + n
        api.message(user, TEXTS[n % len(TEXTS)], language_code="en")
        pushed[user] = time.monotonic()
    began = min(pushed.values())
    await api.wait_for(
        lambda: len({c.params["chat_id"] for c in api.sent()}) >= updates, timeout=600
    )
    first_reply: dict[int, float] = {}
    for call in api.sent():
        first_reply.setdefault(int(call.params["chat_id"]), call.at)
    wall = max(first_reply.values()) - began
    latencies = sorted((first_reply[u] - pushed[u]) * 1000 for u in pushed)
    await stop_polling(app)
    await api.stop()
    await db.dispose()
    return {
        "updates": updates,
        "per_second": round(updates / wall, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--store", default="sqlite,postgresql")
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    for store in args.store.split(","):
        if store == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                result = asyncio.run(run(f"sqlite+aiosqlite:///{tmp}/tg.db", args.updates))
        else:
            base = parse_url(args.postgres)
            name = f"madoguchi_bench_{uuid.uuid4().hex[:8]}"
            admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            try:
                url = base.set(database=name).render_as_string(hide_password=False)
                result = asyncio.run(run(url, args.updates))
            finally:
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        print(json.dumps({"store": store, **result}))


if __name__ == "__main__":
    main()
