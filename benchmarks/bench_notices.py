"""A notice to 10,000 subscribers through the real bot, stopped and restarted midway.

    python benchmarks/bench_notices.py [--subscribers 10000] [--repeats 1]
                                       [--mode limited,unlimited] [--store sqlite,postgresql]
                                       [--postgres URL]

The bot is the real Application (`build_application`: PTB's JobQueue runs the notices' fan-out
and the outbox courier) talking to the loopback Bot API server (tests/e2e/botapi.py) in a
process of its own. A supervisor's notice (Japanese, やさしい日本語, Vietnamese; the subscribers
read ten languages) is stored; the bot fans it out in batches and delivers it. When about half
the subscribers have it (in the middle of a courier run), the bot is stopped as a deploy stops
it (running jobs finish) and a new one is started on the same database, which goes on where the
first stopped.

- limited: PTB's AIORateLimiter at Telegram's 30 messages/s, as in production: the time it
  takes to reach everyone is what a real notice would take (~10,000 / 30 s).
- unlimited: no rate limiter, the fan-out every 0.5 s: the machine's own ceiling (store,
  courier and HTTP), to show how far below it the limit keeps us.

Each run checks, at the server, that every subscriber got the notice exactly once, and in the
store that every recipient's outbox item is marked delivered. Printed per store and mode: the
medians over --repeats fresh databases of messages/s, seconds to reach everyone and seconds
the stop took.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import multiprocessing as mp
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_telegram import with_database  # noqa: E402  # the same throwaway databases

from bot.channels.telegram.app import build_application, start_polling, stop_polling  # noqa: E402
from bot.core.factory import Engine, build_assistant, build_engine  # noqa: E402
from bot.outreach.notices import Notices  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.store.database import Database  # noqa: E402
from bot.store.migrate import upgrade  # noqa: E402
from bot.store.tables import User  # noqa: E402
from tests.e2e.botapi import FakeBotAPI  # noqa: E402

FIRST_CHAT = 100_000
LANGS = ["vi", "ne", "en", "ja", "ja-easy", "pt", "zh", "ko", "id", "tl"]
NOTICE = {
    "ja": "台風が接近しています。外出を控え、安全を確保してください。",
    "ja-easy": "たいふうが きます。そとに でないで ください。",
    "vi": "Bão đang đến gần. Hãy hạn chế ra ngoài và giữ an toàn.",
}


def api_process(port_q, result_q, reached, finished, subscribers: int) -> None:  # type: ignore[no-untyped-def]
    """The Bot API server: counts the notices per chat until every subscriber has one, waits
    a little for duplicates, then reports (first time per chat, messages per chat)."""

    async def main() -> None:
        api = FakeBotAPI()
        await api.start()
        port_q.put(api.port)
        first: dict[int, float] = {}
        seen = 0
        while len(first) < subscribers:
            await asyncio.sleep(0.1)
            calls = api.sent()
            for call in calls[seen:]:
                first.setdefault(int(call.params["chat_id"]), call.at)
            seen = len(calls)
            reached.value = len(first)
        await asyncio.sleep(3.0)  # anything sent twice would arrive now
        counts = collections.Counter(int(c.params["chat_id"]) for c in api.sent())
        result_q.put((time.monotonic(), first, dict(counts)))
        while not finished.is_set():  # the bot stops first: no errors from a server gone
            await asyncio.sleep(0.05)
        await api.stop()

    asyncio.run(main())


async def subscribe(db: Database, subscribers: int) -> None:
    rows = [
        User(
            channel="telegram",
            external_id=str(FIRST_CHAT + n),
            lang="ja" if LANGS[n % 10] == "ja-easy" else LANGS[n % 10],
            easy_japanese=LANGS[n % 10] == "ja-easy",
        )
        for n in range(subscribers)
    ]
    for start in range(0, len(rows), 1000):
        async with db.session() as session:
            session.add_all(rows[start : start + 1000])


def make_bot(engine: Engine, db: Database, port: int, limited: bool):  # type: ignore[no-untyped-def]
    settings = Settings(
        telegram_token="1:BENCH", telegram_base_url=f"http://127.0.0.1:{port}/bot", _env_file=None
    )
    assistant = build_assistant(settings, engine=engine, db=db)
    return build_application(
        settings,
        assistant,
        rate_limit=limited,
        delivery_interval=0.5,
        outreach_interval=5.0 if limited else 0.5,
    )


async def run_bots(
    engine: Engine, url: str, port: int, channels: tuple, subscribers: int, limited: bool
) -> dict:
    """`channels`: the server's (reached count, result queue, finished event)."""
    reached, result_q, finished = channels
    db = Database(url)
    await upgrade(db)
    await subscribe(db, subscribers)
    app = make_bot(engine, db, port, limited)
    await start_polling(app, timeout=1)
    sent_at = time.monotonic()
    notice = await Notices(db, engine.catalogs).send(NOTICE, by="bench")

    # Midway, and in the middle of a courier run (a run is up to 500 items), so the stop has
    # sends in flight: they finish before the process ends.
    while reached.value < subscribers // 2 + min(237, subscribers // 4):
        await asyncio.sleep(0.05)
    stopping = time.monotonic()
    await stop_polling(app)  # a deploy: the running jobs finish, nothing new starts
    await db.dispose()
    stopped = time.monotonic()
    at_stop = reached.value

    db = Database(url)  # a new process on the same database
    app = make_bot(engine, db, port, limited)
    await start_polling(app, timeout=1)
    loop = asyncio.get_running_loop()
    _, first, counts = await loop.run_in_executor(None, result_q.get)
    await asyncio.sleep(1.0)
    progress = await Notices(db, engine.catalogs).progress(notice)
    await stop_polling(app)
    await db.dispose()
    finished.set()

    expected = {FIRST_CHAT + n for n in range(subscribers)}
    twice = sum(1 for n in counts.values() if n > 1)
    missing = len(expected - set(first))
    assert not twice and not missing, f"{twice} subscriber(s) reached twice, {missing} missed"
    assert progress.recipients == progress.delivered == subscribers, progress
    last = max(first.values())
    wall = last - sent_at
    return {
        "subscribers": subscribers,
        "per_second": round(subscribers / wall, 1),
        "seconds_to_everyone": round(wall, 1),
        "stop_seconds": round(stopped - stopping, 2),
        "reached_at_stop": at_stop,
        "reached_twice": twice,
        "missed": missing,
    }


def measure(engine: Engine, url: str, subscribers: int, limited: bool) -> dict:
    ctx = mp.get_context("spawn")
    port_q, result_q, reached = ctx.Queue(), ctx.Queue(), ctx.Value("i", 0)
    finished = ctx.Event()
    server = ctx.Process(
        target=api_process, args=(port_q, result_q, reached, finished, subscribers)
    )
    server.start()
    port = port_q.get(timeout=60)
    try:
        return asyncio.run(
            run_bots(engine, url, port, (reached, result_q, finished), subscribers, limited)
        )
    finally:
        finished.set()
        server.join(timeout=30)
        if server.is_alive():
            server.terminate()


def medians(runs: list[dict]) -> dict:
    line = dict(runs[0])
    for key in ("per_second", "seconds_to_everyone", "stop_seconds", "reached_at_stop"):
        line[key] = round(statistics.median(r[key] for r in runs), 2)
    line["reached_twice"] = sum(r["reached_twice"] for r in runs)
    line["missed"] = sum(r["missed"] for r in runs)
    line["runs"] = len(runs)
    line["per_second_range"] = [
        min(r["per_second"] for r in runs),
        max(r["per_second"] for r in runs),
    ]
    return line


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=1, help="fresh databases per line")
    parser.add_argument("--mode", default="limited,unlimited")
    parser.add_argument("--store", default="sqlite,postgresql")
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    engine = build_engine()
    for mode in args.mode.split(","):
        for store in args.store.split(","):
            runs = [
                with_database(
                    store,
                    args.postgres,
                    lambda url, mode=mode: measure(
                        engine, url, args.subscribers, limited=mode == "limited"
                    ),
                )
                for _ in range(args.repeats)
            ]
            print(json.dumps({"store": store, "mode": mode, **medians(runs)}), flush=True)


if __name__ == "__main__":
    main()
