"""Updates per second end to end: PTB -> assistant -> store -> sendMessage to a loopback Bot API.

    python benchmarks/bench_telegram.py [--updates 2000] [--users 0] [--rate 50] [--repeats 3]
                                        [--store sqlite,postgresql] [--handoffs none|eval]

The Bot API server (tests/e2e/botapi.py) runs in a process of its own, as a real one would, so
the bot's process is measured alone. The rate limiter is off (Telegram's own limits would cap
any figure at ~30/s). Two runs per store: a burst (every update offered at once: throughput)
and a steady stream at --rate updates/s (latency from the moment an update is offered to the
moment its reply reaches the server: p50/p99). With --users N the updates come from N users in
turn, so each user's messages wait for the previous answer (per-user order); by default every
update is from a different user.

Wall-clock figures move with whatever else the machine runs; the bot's CPU time per update
(process time of the bot, all its threads, over the updates) moves much less, so it is printed
too: 1000 / cpu_ms_per_update is what one core could sustain.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import functools
import json
import multiprocessing as mp
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.databases import with_database  # noqa: E402
from benchmarks.traffic import QUESTIONS, TEXTS  # noqa: E402
from bot.channels.telegram.app import build_application, start_polling, stop_polling  # noqa: E402
from bot.channels.telegram.flood import FloodGate  # noqa: E402
from bot.core.factory import build_assistant, build_engine  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.store.database import Database  # noqa: E402
from bot.store.migrate import upgrade  # noqa: E402
from tests.e2e.botapi import FakeBotAPI  # noqa: E402


def api_process(  # type: ignore[no-untyped-def]
    port_q: mp.Queue,
    result_q: mp.Queue,
    go,
    updates: int,
    rate: float | None,
    texts: list[str],
    users: int,
) -> None:
    """The Bot API server: offers `updates` (at once, or at `rate`/s), reports reply times.

    The k-th reply in a chat answers the k-th message of that user: with questions only, each
    message gets exactly one reply. (An urgent message gets two, so with --handoffs eval and
    --users the later latencies of that user are approximate; throughput is not.)"""

    async def main() -> None:
        api = FakeBotAPI()
        await api.start()
        port_q.put(api.port)
        while not go.is_set():  # the bot is started and polling: only then the clock starts
            await asyncio.sleep(0.05)
        offered: dict[tuple[int, int], float] = {}
        begin = time.monotonic()
        for n in range(updates):
            user = 10_000 + (n % users if users else n)
            api.message(user, texts[n % len(texts)], language_code="en")
            offered[(user, n // users if users else 0)] = time.monotonic()
            if rate:  # on a schedule, so the sleeps' overshoot does not lower the rate
                await asyncio.sleep(max(0.0, begin + (n + 1) / rate - time.monotonic()))
        expected = collections.Counter(user for user, _ in offered)

        def answered() -> bool:
            got = collections.Counter(int(c.params["chat_id"]) for c in api.sent())
            return all(got[chat] >= n for chat, n in expected.items())

        # Poll gently: recounting on every call would make the server the bottleneck.
        while not answered():
            await asyncio.sleep(0.25)
        replied: dict[tuple[int, int], float] = {}
        seen: dict[int, int] = {}
        for call in api.sent():
            chat = int(call.params["chat_id"])
            replied[(chat, seen.get(chat, 0))] = call.at
            seen[chat] = seen.get(chat, 0) + 1
        result_q.put((offered, replied))
        await asyncio.sleep(1.0)
        await api.stop()

    asyncio.run(main())


async def run_bot(url: str, port: int, done: asyncio.Event, go, cpu: list[float]) -> None:  # type: ignore[no-untyped-def]
    engine = build_engine()
    db = Database(url)
    await upgrade(db)
    settings = Settings(
        telegram_token="1:BENCH", telegram_base_url=f"http://127.0.0.1:{port}/bot", _env_file=None
    )
    app = build_application(
        settings,
        build_assistant(settings, engine=engine, db=db),
        rate_limit=False,
        flood=FloodGate(limit=10**6),
        concurrency=int(os.environ.get("BENCH_CONCURRENCY", "32")),
        connection_pool_size=int(os.environ.get("BENCH_POOL", "8")),
    )
    await start_polling(app, timeout=1)
    started = time.process_time()
    go.set()
    await done.wait()
    cpu.append(time.process_time() - started)
    await stop_polling(app)
    await db.dispose()


def measure(
    url: str, updates: int, rate: float | None, texts: list[str] = TEXTS, users: int = 0
) -> dict:
    ctx = mp.get_context("spawn")
    port_q, result_q, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    server = ctx.Process(
        target=api_process, args=(port_q, result_q, go, updates, rate, texts, users)
    )
    server.start()
    port = port_q.get(timeout=60)

    async def main() -> tuple[dict, dict]:
        done = asyncio.Event()
        bot = asyncio.create_task(run_bot(url, port, done, go, cpu))
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(None, result_q.get)
        done.set()
        await bot
        return result

    cpu: list[float] = []
    offered, replied = asyncio.run(main())
    server.join(timeout=30)
    latencies = sorted((replied[k] - offered[k]) * 1000 for k in offered)
    wall = max(replied.values()) - min(offered.values())
    return {
        "updates": updates,
        "users": users or updates,
        "offered_per_second": rate or "burst",
        "per_second": round(updates / wall, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 1),
        "cpu_ms_per_update": round(cpu[0] * 1000 / updates, 2),
    }


def medians(runs: list[dict]) -> dict:
    """One line for repeated runs: medians, and the range of the throughput."""
    line = dict(runs[0])
    numbers = ("per_second", "p50_ms", "p99_ms", "cpu_ms_per_update", "cpu_ms_per_ticket")
    for key in (*numbers, "cpu_ms_per_item"):
        if key in line:
            line[key] = round(statistics.median(r[key] for r in runs), 2)
    line["runs"] = len(runs)
    line["per_second_range"] = [
        min(r["per_second"] for r in runs),
        max(r["per_second"] for r in runs),
    ]
    return line


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--store", default="sqlite,postgresql")
    parser.add_argument("--users", type=int, default=0, help="0: every update a new user")
    parser.add_argument("--repeats", type=int, default=3, help="fresh databases and processes")
    parser.add_argument("--handoffs", choices=("none", "eval"), default="none")
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    texts = QUESTIONS if args.handoffs == "none" else TEXTS
    for store in args.store.split(","):
        for updates, rate in ((args.updates, None), (int(args.rate * 20), args.rate)):
            runs = [
                with_database(
                    store,
                    args.postgres,
                    functools.partial(
                        measure, updates=updates, rate=rate, texts=texts, users=args.users
                    ),
                )
                for _ in range(args.repeats)
            ]
            print(json.dumps({"store": store, **medians(runs)}), flush=True)


if __name__ == "__main__":
    main()
