"""Updates per second end to end: LINE webhook -> assistant -> store -> reply to a loopback
Messaging API.

    python benchmarks/bench_line.py [--updates 2000] [--users 0] [--rate 50] [--repeats 3]
                                    [--store sqlite,postgresql] [--handoffs none|eval]

Measured as benchmarks/bench_telegram.py measures Telegram, so the two can be read side by side.
The Messaging API stand-in (tests/e2e/lineapi.py) runs in a process of its own, as LINE would,
so the bot's process is measured alone; it calls the bot's real webhook (aiohttp, signature
checked) with one text event per call, up to 64 calls in flight (LINE delivers concurrently),
and the bot answers with the real line-bot-sdk client. The push quota is off. Two runs per
store: a burst (every event offered at once: throughput) and a steady stream at --rate
events/s (latency from the moment an event is offered to the moment its answer reaches the
stand-in: p50/p99). With --users N the events come from N users in turn, so each user's
messages wait for the previous answer (per-user order); by default every event is from a
different user, whose first message also costs a profile call (the language set in LINE).

A reply is matched to its event by the reply token; an answer pushed instead (the token too
old, or refused) is matched to that user's oldest unanswered event, and counted in "pushed".
LINE wants the webhook's 200 at once (the bot stores the message, answers 200, then works out
the answer): the time to that 200 is printed too (webhook_p50_ms/webhook_p99_ms), and any
other status in "webhook_not_200". Events whose answer never came (nothing arrives for 90 s)
are counted in "lost", not waited for.

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
import statistics
import sys
import time
from pathlib import Path

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.databases import with_database  # noqa: E402
from benchmarks.traffic import QUESTIONS, TEXTS  # noqa: E402
from bot.channels.line.app import LineService  # noqa: E402
from bot.channels.line.webhook import PATH  # noqa: E402
from bot.core.factory import build_assistant, build_engine  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.store.database import Database  # noqa: E402
from bot.store.migrate import upgrade  # noqa: E402
from tests.e2e.lineapi import SECRET, TOKEN, FakeLineAPI  # noqa: E402

IN_FLIGHT = 64  # webhook calls at once, as LINE's concurrent deliveries
STALL = 90.0  # seconds without a new answer after which the missing ones count as lost


class TimedLineAPI(FakeLineAPI):
    """The stand-in, noting when each accepted reply and push arrived (and the reply's token,
    which names the event it answers)."""

    def __init__(self) -> None:
        super().__init__()
        self.quota_limit = None  # a benchmark must not run out of pushes
        self.arrivals: list[tuple[str, str | None, str | None, float]] = []

    async def _reply(self, request: web.Request) -> web.Response:
        at = time.monotonic()
        token = (await request.json()).get("replyToken")  # aiohttp keeps the body for super
        response = await super()._reply(request)
        if response.status == 200:
            self.arrivals.append(("reply", self.sent[-1].to, token, at))
        return response

    async def _push(self, request: web.Request) -> web.Response:
        at = time.monotonic()
        before = len(self.sent)
        response = await super()._push(request)
        if len(self.sent) > before:  # accepted (a retried copy's 409 is not a new answer)
            self.arrivals.append(("push", self.sent[-1].to, None, at))
        return response


def match(
    offered: list[tuple[str, str, float]], arrivals: list[tuple[str, str | None, str | None, float]]
) -> tuple[dict[int, tuple[str, float]], int]:
    """Each offered event (by index) -> (how it was answered, when); and how many pushes were
    left over (a turn whose answer took a reply and a push, or an urgent message's extra)."""
    replies = {token: at for kind, _, token, at in arrivals if kind == "reply"}
    pushes: dict[str | None, collections.deque[float]] = collections.defaultdict(collections.deque)
    for kind, user, _, at in arrivals:
        if kind == "push":
            pushes[user].append(at)
    answered: dict[int, tuple[str, float]] = {}
    for n, (user, token, _) in enumerate(offered):
        if token in replies:
            answered[n] = ("reply", replies[token])
        elif pushes[user]:
            answered[n] = ("push", pushes[user].popleft())
    return answered, sum(len(left) for left in pushes.values())


def api_process(  # type: ignore[no-untyped-def]
    url_q: mp.Queue,
    hook_q: mp.Queue,
    result_q: mp.Queue,
    updates: int,
    rate: float | None,
    texts: list[str],
    users: int,
) -> None:
    """The Messaging API stand-in: offers `updates` events (at once, or at `rate`/s) to the
    bot's webhook, one per call, and reports when each answer arrived."""

    async def main() -> None:
        api = TimedLineAPI()
        url_q.put(await api.start())
        loop = asyncio.get_running_loop()
        # The bot is started and listening: only then the clock starts.
        api.webhook_url = await loop.run_in_executor(None, hook_q.get)
        limit = asyncio.Semaphore(IN_FLIGHT)
        webhook_ms: list[float] = []
        statuses: collections.Counter[str] = collections.Counter()

        async def post(event: dict) -> None:
            async with limit:
                began = time.monotonic()
                try:
                    status = str(await api.call(event))
                except (aiohttp.ClientError, TimeoutError) as exc:
                    status = type(exc).__name__
                webhook_ms.append((time.monotonic() - began) * 1000)
                statuses[status] += 1

        offered: list[tuple[str, str, float]] = []  # (user, reply token, offered at)
        calls = []
        begin = time.monotonic()
        for n in range(updates):
            user = f"U{10_000 + (n % users if users else n):032d}"
            event = api.text(user, texts[n % len(texts)])
            offered.append((user, event["replyToken"], time.monotonic()))
            calls.append(asyncio.create_task(post(event)))
            if rate:  # on a schedule, so the sleeps' overshoot does not lower the rate
                await asyncio.sleep(max(0.0, begin + (n + 1) / rate - time.monotonic()))
        await asyncio.gather(*calls)

        # Poll gently: matching on every call would make the stand-in the bottleneck.
        seen, last_news = 0, time.monotonic()
        while True:
            answered, _ = match(offered, api.arrivals)
            if len(answered) == len(offered):
                break
            if len(api.arrivals) != seen:
                seen, last_news = len(api.arrivals), time.monotonic()
            elif time.monotonic() - last_news > STALL:
                break
            await asyncio.sleep(0.25)
        answered, extra = match(offered, api.arrivals)
        result_q.put(
            {
                "latencies_ms": [
                    (answered[n][1] - at) * 1000
                    for n, (_, _, at) in enumerate(offered)
                    if n in answered
                ],
                "wall": max((at for _, at in answered.values()), default=begin) - offered[0][2],
                "answered": len(answered),
                "pushed": sum(1 for kind, _ in answered.values() if kind == "push"),
                "extra_pushes": extra,
                "webhook_ms": webhook_ms,
                "statuses": dict(statuses),
            }
        )
        await asyncio.sleep(1.0)
        await api.stop()

    asyncio.run(main())


async def run_bot(url: str, base_url: str, hook_q, done: asyncio.Event, cpu: list[float]) -> None:  # type: ignore[no-untyped-def]
    engine = build_engine()
    db = Database(url)
    await upgrade(db)
    settings = Settings(
        line_channel_secret=SECRET,
        line_channel_access_token=TOKEN,
        line_api_base_url=base_url,
        line_webhook_port=0,
        _env_file=None,
    )
    service = LineService(settings, build_assistant(settings, engine=engine, db=db))
    await service.start()
    started = time.process_time()
    hook_q.put(f"http://127.0.0.1:{service.port}{PATH}")
    await done.wait()
    cpu.append(time.process_time() - started)
    await service.stop(drain=5.0)
    await db.dispose()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return round(ordered[max(0, int(len(ordered) * share) - 1)], 1) if ordered else float("nan")


def measure(
    url: str, updates: int, rate: float | None, texts: list[str] = TEXTS, users: int = 0
) -> dict:
    ctx = mp.get_context("spawn")
    url_q, hook_q, result_q = ctx.Queue(), ctx.Queue(), ctx.Queue()
    server = ctx.Process(
        target=api_process, args=(url_q, hook_q, result_q, updates, rate, texts, users)
    )
    server.start()
    base_url = url_q.get(timeout=60)

    async def main() -> dict:
        done = asyncio.Event()
        bot = asyncio.create_task(run_bot(url, base_url, hook_q, done, cpu))
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(None, result_q.get)
        done.set()
        await bot
        return result

    cpu: list[float] = []
    result = asyncio.run(main())
    server.join(timeout=30)
    latencies = result["latencies_ms"]
    not_200 = {k: v for k, v in result["statuses"].items() if k != "200"}
    return {
        "updates": updates,
        "users": users or updates,
        "offered_per_second": rate or "burst",
        "per_second": round(result["answered"] / result["wall"], 1) if result["wall"] else 0.0,
        "p50_ms": round(statistics.median(latencies), 1) if latencies else float("nan"),
        "p99_ms": percentile(latencies, 0.99),
        "webhook_p50_ms": round(statistics.median(result["webhook_ms"]), 1),
        "webhook_p99_ms": percentile(result["webhook_ms"], 0.99),
        "cpu_ms_per_update": round(cpu[0] * 1000 / updates, 2),
        "pushed": result["pushed"],
        "lost": updates - result["answered"],
        "webhook_not_200": sum(not_200.values()),
        **({"webhook_statuses": not_200} if not_200 else {}),
        **({"extra_pushes": result["extra_pushes"]} if result["extra_pushes"] else {}),
    }


def medians(runs: list[dict]) -> dict:
    """One line for repeated runs: medians, and the range of the throughput."""
    line = dict(runs[0])
    numbers = ("per_second", "p50_ms", "p99_ms", "webhook_p50_ms", "webhook_p99_ms")
    for key in (*numbers, "cpu_ms_per_update"):
        line[key] = round(statistics.median(r[key] for r in runs), 2)
    for key in ("pushed", "lost", "webhook_not_200", "extra_pushes"):
        if any(key in r for r in runs):
            line[key] = sum(r.get(key, 0) for r in runs)  # over all runs: any is worth a look
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
