"""Server time of the web desk's pages at a real desk's scale, on SQLite and PostgreSQL.

    python benchmarks/bench_web.py [--tickets 5000] [--transcript 2000] [--messages 100000]
                                   [--repeats 20] [--store sqlite,postgresql]

A fresh database per store is filled in bulk: `--tickets` open tickets (a tenth urgent, nine
languages, topics from the content), one user with a `--transcript`-message conversation and a
ticket, and `--messages` messages in all (questions and answers, unanswered questions, 👎 votes)
for the insights page. Each page is then requested `--repeats` times in process (the app behind
httpx's ASGI transport: the server's time, no network) after one warm-up; medians and p95 in ms.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.databases import with_database  # noqa: E402
from bot.core.factory import build_assistant, build_engine  # noqa: E402
from bot.handoff.desk import Desk  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.store import accounts  # noqa: E402
from bot.store.database import Database  # noqa: E402
from bot.store.migrate import upgrade  # noqa: E402
from bot.store.tables import Feedback, Message, Ticket, Unanswered, User  # noqa: E402
from bot.web.app import create_app, desk_web  # noqa: E402
from bot.web.auth import hash_password  # noqa: E402

LANGS = ["vi", "ne", "en", "zh", "ko", "id", "tl", "pt", "ja"]
PASSWORD = "bench password 1"


async def fill(
    db: Database, entries: list[str], tickets: int, transcript: int, messages: int
) -> int:
    """Bulk rows; returns the ticket id of the long conversation."""
    rng = random.Random(7)
    now = dt.datetime.now(dt.UTC)
    users, tickets_t = User.__table__, Ticket.__table__
    async with db.connection() as conn:
        await conn.execute(
            users.insert(),
            [
                {
                    "channel": "telegram",
                    "external_id": str(10_000 + n),
                    "lang": LANGS[n % 9],
                    "lang_chosen": False,
                    "easy_japanese": False,
                    "role": "user",
                    "notices": True,
                    "created_at": now,
                    "last_seen_at": now,
                }
                for n in range(tickets + 1)
            ],
        )
        ids = [
            row[0]
            for row in (
                await conn.execute(
                    users.select().with_only_columns(users.c.id).order_by(users.c.id)
                )
            ).all()
        ]
        await conn.execute(
            tickets_t.insert(),
            [
                {
                    "user_id": uid,
                    "status": "open",
                    "reason": "urgent" if n % 10 == 0 else "human",
                    "priority": 0 if n % 10 == 0 else 1,
                    "lang": LANGS[n % 9],
                    "topic": entries[n % len(entries)],
                    "opened_at": now - dt.timedelta(minutes=rng.randint(0, 600)),
                }
                for n, uid in enumerate(ids)
            ],
        )
        long_user = ids[-1]
        long_ticket = (
            await conn.execute(
                tickets_t.select()
                .with_only_columns(tickets_t.c.id)
                .where(tickets_t.c.user_id == long_user)
            )
        ).scalar_one()
        rows, start = [], now - dt.timedelta(days=25)
        for n in range(messages):
            uid = long_user if n < transcript else ids[rng.randrange(len(ids) - 1)]
            inbound = n % 2 == 0
            rows.append(
                {
                    "user_id": uid,
                    "direction": "in" if inbound else "out",
                    "text": f"question {n} about paid leave and overtime pay"
                    if inbound
                    else f"answer {n}",
                    "kind": None if inbound else "answer",
                    "lang": LANGS[n % 9],
                    "intent": None,
                    "entry": None if inbound else entries[n % len(entries)],
                    "confidence": 0.8,
                    "created_at": start + dt.timedelta(seconds=n * 20),
                    "answered_at": start + dt.timedelta(seconds=n * 20),
                }
            )
            if len(rows) == 5000:
                await conn.execute(Message.__table__.insert(), rows)
                rows = []
        if rows:
            await conn.execute(Message.__table__.insert(), rows)
        await conn.execute(
            Unanswered.__table__.insert(),
            [
                {
                    "user_id": ids[n % len(ids)],
                    "text": f"where can I renew my {['visa', 'card', 'pension'][n % 3]} {n % 50}",
                    "lang": LANGS[n % 9],
                    "candidates": [[entries[n % len(entries)], 0.3]],
                    "created_at": now - dt.timedelta(hours=n % 500),
                }
                for n in range(messages // 20)
            ],
        )
        await conn.execute(
            Feedback.__table__.insert(),
            [
                {
                    "user_id": ids[n % len(ids)],
                    "entry": entries[n % len(entries)],
                    "vote": -1 if n % 4 == 0 else 1,
                    "lang": LANGS[n % 9],
                    "created_at": now - dt.timedelta(hours=n % 500),
                }
                for n in range(messages // 20)
            ],
        )
    async with db.session() as session:
        await accounts.create_account(
            session=session, name="bench", role="supervisor", password_hash=hash_password(PASSWORD)
        )
    return int(long_ticket)


async def measure(url: str, args: argparse.Namespace, engine) -> dict:  # type: ignore[no-untyped-def]
    db = Database(url)
    await upgrade(db)
    started = time.perf_counter()
    long_ticket = await fill(
        db, sorted(engine.content.entries), args.tickets, args.transcript, args.messages
    )
    filled = time.perf_counter() - started
    settings = Settings(_env_file=None)
    assistant = build_assistant(settings, engine=engine, db=db)
    web = desk_web(Desk(assistant.handoff, assistant.answer_text), assistant.answer_text)
    app = create_app(web, secret_key="bench-" + "k" * 40)
    pages = {
        "queue, page 1": "/queue",
        "queue, last page": f"/queue?page={args.tickets // 50}",
        "queue, Vietnamese only": "/queue?lang=vi",
        "live queue fragment": "/queue/rows",
        f"ticket with {args.transcript} messages": f"/tickets/{long_ticket}",
        "older transcript page": f"/tickets/{long_ticket}/transcript?before={args.transcript // 2}",
    }
    try:
        import bot.web.insights  # noqa: F401

        pages[f"insights over {args.messages:,} messages"] = "/insights"
    except ImportError:
        pass
    out: dict = {"fill_s": round(filled, 1)}
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://desk", follow_redirects=True
    ) as client:
        login = await client.get("/login")
        token = login.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
        await client.post("/login", data={"name": "bench", "password": PASSWORD, "csrf": token})
        for name, path in pages.items():
            response = await client.get(path)  # warm-up
            if response.status_code != 200 or "/login" in str(response.url):
                out[name] = f"HTTP {response.status_code}"
                continue
            times = []
            for _ in range(args.repeats):
                begin = time.perf_counter()
                await client.get(path)
                times.append((time.perf_counter() - begin) * 1000)
            times.sort()
            out[name] = (
                statistics.median(times),
                times[int(0.95 * (len(times) - 1))],
                len(response.text),
            )
    await db.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=5000)
    parser.add_argument("--transcript", type=int, default=2000)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--store", default="sqlite,postgresql")
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    engine = build_engine()
    results = {
        store: with_database(
            store, args.postgres, lambda url: asyncio.run(measure(url, args, engine))
        )
        for store in args.store.split(",")
    }
    stores = list(results)
    print(f"\n| page | {' | '.join(f'{s} p50 / p95 ms' for s in stores)} | size |")
    print(f"|---|{'---|' * len(stores)}---|")
    names = [n for n in results[stores[0]] if n != "fill_s"]
    for name in names:
        cells = []
        size = ""
        for s in stores:
            value = results[s].get(name)
            if isinstance(value, tuple):
                cells.append(f"{value[0]:.1f} / {value[1]:.1f}")
                size = f"{value[2] // 1024} KiB"
            else:
                cells.append(str(value))
        print(f"| {name} | {' | '.join(cells)} | {size} |")
    filled = ", ".join(f"{s} {results[s]['fill_s']} s" for s in stores)
    print(f"\n(filling the database: {filled})")


if __name__ == "__main__":
    main()
