"""Tickets per second through the handoff, on SQLite and PostgreSQL.

    python benchmarks/bench_handoff.py [--tickets 500] [--concurrency 20] [--repeats 3]
                                       [--store sqlite,postgresql] [--postgres URL]

The real assistant with its handoff (`build_assistant` on a migrated store, the counselors'
chat configured, the desk open around the clock), in three phases:

- open: N users each ask for a person (`/human`), C at a time. A ticket and its announcement
  are one transaction; tickets/s and the latency of each request (p50/p99).
- desk: a counselor claims, replies once and closes every ticket through the `Desk`, C tickets
  at a time; tickets/s and the latency of the three commands together (p50/p99).
- outbox: what those left in the outbox (an announcement, "a counselor has joined", the reply
  and the goodbye per ticket) taken and marked delivered as the Telegram courier does, with no
  network: the store side of delivery only, not what Telegram would allow.

Each run uses a fresh database (a temporary SQLite file, a new PostgreSQL database dropped
afterwards). CPU time is this process's (all its threads, so SQLite's work is in it and
PostgreSQL's server is not); 1000 / cpu_ms_per_ticket is what one core could sustain.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from sqlmodel import col, func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.assistant import Assistant  # noqa: E402
from bot.core.factory import Engine, build_assistant, build_engine  # noqa: E402
from bot.core.turns import Incoming  # noqa: E402
from bot.handoff.desk import CounselorInput, Desk  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.store.database import Database  # noqa: E402
from bot.store.migrate import upgrade  # noqa: E402
from bot.store.tables import Outbox, Ticket  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_telegram import medians, with_database  # noqa: E402

COUNSELOR = 9001
SETTINGS = {
    "counselor_chat_id": -100777,
    "counselor_ids": [COUNSELOR],
    "business_hours": "Mon-Sun 00:00-23:59 Asia/Tokyo",
}
WARM_UP_USER = 1_000_000


def percentiles(latencies: list[float]) -> dict:
    latencies = sorted(latencies)
    return {
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(latencies[max(0, int(len(latencies) * 0.99) - 1)], 2),
    }


async def limited(
    count: int, concurrency: int, one: Callable[[int], Awaitable[None]]
) -> list[float]:
    """Run `one(k)` for k in range(count), `concurrency` at a time; each one's latency (ms)."""
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []

    async def timed(k: int) -> None:
        async with gate:
            t0 = time.perf_counter()
            await one(k)
            latencies.append((time.perf_counter() - t0) * 1000)

    await asyncio.gather(*(timed(k) for k in range(count)))
    return latencies


async def drain(assistant: Assistant) -> tuple[int, int]:
    """Take and mark delivered until nothing is due, as the courier does: (items, takes)."""
    queue = assistant.handoff.outbox
    items = takes = 0
    while batch := await queue.take("telegram"):
        takes += 1
        items += len(batch)
        done = await asyncio.gather(*(queue.delivered(i, 1) for i in batch))
        assert all(done), "an item's lease ran out during the benchmark"
    return items, takes


async def ask(assistant: Assistant, user: int) -> None:
    await assistant.handle(Incoming(f"telegram:{user}", "/human", action="human"))


async def serve(desk: Desk, ticket_id: int) -> None:
    """Claim, one reply, close: what a counselor does with every ticket."""
    who = f"telegram:{COUNSELOR}"
    await desk.handle(CounselorInput(who, f"/claim {ticket_id}"))
    await desk.handle(CounselorInput(who, f"/reply {ticket_id} Thank you, I can help."))
    await desk.handle(CounselorInput(who, f"/close {ticket_id}"))


async def run(url: str, engine: Engine, tickets: int, concurrency: int) -> dict:
    db = Database(url)
    await upgrade(db)
    assistant = build_assistant(Settings(**SETTINGS, _env_file=None), engine=engine, db=db)
    desk = Desk(assistant.handoff, assistant.answer_text)
    await ask(assistant, WARM_UP_USER)  # caches, first connections, every statement: ticket #1
    await serve(desk, 1)
    await drain(assistant)

    cpu, began = time.process_time(), time.perf_counter()
    opened = await limited(
        tickets,
        concurrency,
        lambda k: ask(assistant, 10_000 + k),
    )
    open_wall, open_cpu = time.perf_counter() - began, time.process_time() - cpu
    async with db.session() as session:
        ids = sorted(
            (await session.exec(select(Ticket.id).where(col(Ticket.status) == "open"))).all()
        )
    assert len(ids) == tickets, f"{len(ids)} tickets opened of {tickets}"

    cpu, began = time.process_time(), time.perf_counter()
    served = await limited(tickets, concurrency, lambda k: serve(desk, ids[k]))
    desk_wall, desk_cpu = time.perf_counter() - began, time.process_time() - cpu
    async with db.session() as session:
        closed = (
            await session.exec(
                select(func.count()).select_from(Ticket).where(col(Ticket.status) == "closed")
            )
        ).one()
    assert closed == tickets + 1, f"{closed - 1} tickets closed of {tickets}"

    cpu, began = time.process_time(), time.perf_counter()
    items, takes = await drain(assistant)
    out_wall, out_cpu = time.perf_counter() - began, time.process_time() - cpu
    async with db.session() as session:
        left = (
            await session.exec(
                select(func.count()).select_from(Outbox).where(col(Outbox.delivered_at).is_(None))
            )
        ).one()
    assert left == 0, f"{left} outbox items left"
    await db.dispose()
    return {
        "open": {
            "tickets": tickets,
            "per_second": round(tickets / open_wall, 1),
            **percentiles(opened),
            "cpu_ms_per_ticket": round(open_cpu * 1000 / tickets, 2),
        },
        "desk": {
            "tickets": tickets,
            "per_second": round(tickets / desk_wall, 1),
            **percentiles(served),
            "cpu_ms_per_ticket": round(desk_cpu * 1000 / tickets, 2),
        },
        "outbox": {
            "what": "store side of delivery: take + mark delivered, no network",
            "items": items,
            "takes": takes,
            "per_second": round(items / out_wall, 1),
            "cpu_ms_per_item": round(out_cpu * 1000 / items, 2),
            "cpu_ms_per_ticket": round(out_cpu * 1000 / tickets, 2),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=20, help="requests at once")
    parser.add_argument("--store", default="sqlite,postgresql")
    parser.add_argument("--repeats", type=int, default=3, help="fresh databases")
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    engine = build_engine()
    for store in args.store.split(","):
        runs = [
            with_database(
                store,
                args.postgres,
                lambda url: asyncio.run(run(url, engine, args.tickets, args.concurrency)),
            )
            for _ in range(args.repeats)
        ]
        for phase in ("open", "desk", "outbox"):
            line = medians([r[phase] for r in runs])
            print(
                json.dumps(
                    {"store": store, "phase": phase, "concurrency": args.concurrency, **line}
                ),
                flush=True,
            )


if __name__ == "__main__":
    main()
