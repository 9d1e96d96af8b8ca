"""Three `serve --webhook` workers on one PostgreSQL, behind a splitter, one killed midway.

What production looks like when one process is not enough: a load balancer (here a loopback
splitter, round robin, the next worker when one refuses the connection) in front of several
workers that share the database. Telegram is played by this test: it delivers each chat's
updates in order, up to 40 at a time, and sends an update again until it gets a 200, as
Telegram does. 200 users write 2,000 messages; 100 of them ask for a person, and a counselor
claims each ticket and answers three times; the users then write to the counselor. One worker
is killed with SIGKILL in the middle and started again.

Afterwards every user message has been answered exactly once and in order, every counselor
line and every user line relayed reached the other side exactly once and in order, and each
ticket has one forum topic and one announcement.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application, RequestHandler

from bot.core.assistant import Assistant
from bot.core.factory import Engine
from bot.core.turns import Incoming
from bot.store.conversations import MemoryConversations
from tests.e2e.botapi import FakeBotAPI
from tests.e2e.conftest import COUNSELOR, COUNSELORS_CHAT
from tests.faults.test_webhook import (
    PATH,
    SECRET,
    _drain,
    _listening,
    environment,
    free_port,
    start_serve,
)

WORKERS = 3
# A smaller run while working on this test: MADOGUCHI_TEST_WORKERS_USERS=40
USERS = int(os.environ.get("MADOGUCHI_TEST_WORKERS_USERS", "200"))
TICKETS = USERS // 2  # the first half ask for a person
KILL_AT = USERS * 5  # updates delivered when the worker is killed: about half way
QUESTIONS = 10  # distinct questions, each answered by one message
FIRST_USER = 50_000
GROUP = {"id": COUNSELORS_CHAT, "type": "supergroup", "title": "counselors", "is_forum": True}
JOINED = "A counselor has joined"


# -- the conversation scripts, chosen from the content -----------------------------------------


async def single_answers(engine: Engine) -> list[tuple[str, str]]:
    """(question, title) pairs that one user can ask in a row, each answered by exactly one
    knowledge answer that shows its title: the title says which question a message answers."""
    assistant = Assistant(
        engine.content, engine.matcher, engine.detector, engine.catalogs, MemoryConversations()
    )
    chosen: list[tuple[str, str]] = []
    for entry in sorted(engine.content.entries.values(), key=lambda e: e.id):
        question, title = entry.questions["en"][0], entry.title["en"]
        if any(title in t or t in title for _, t in chosen):
            continue
        replies = await assistant.handle(Incoming("probe:1", question, lang_hint="en"))
        if len(replies) == 1 and replies[0].kind == "answer" and replies[0].title == title:
            chosen.append((question, title))
        if len(chosen) == QUESTIONS:
            return chosen
    raise AssertionError(f"only {len(chosen)} questions are answered by one message")


def answered(text: str, script: list[tuple[str, str]]) -> int | None:
    """Which of the script's questions a message answers (by its title)."""
    hits = [n for n, (_, title) in enumerate(script) if html.escape(title, quote=False) in text]
    return hits[0] if len(hits) == 1 else None


# -- the splitter and Telegram ------------------------------------------------------------------


class Splitter:
    """Round robin over the workers; a refused connection tries the next one; a worker that
    dies mid-request is a 502 (Telegram then sends the update again)."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.turn = 0
        self.client = httpx.AsyncClient(timeout=120, limits=httpx.Limits(max_connections=200))
        self.server: HTTPServer | None = None
        self.port = 0

    async def start(self) -> None:
        splitter = self

        class Forward(RequestHandler):
            async def post(self) -> None:
                status = await splitter.forward(self.request.body, dict(self.request.headers))
                self.set_status(status)
                self.finish()

        sockets = bind_sockets(0, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self.server = HTTPServer(Application([(PATH, Forward)]))
        self.server.add_sockets(sockets)

    async def forward(self, body: bytes, headers: dict[str, str]) -> int:
        wanted = {k: v for k, v in headers.items() if k.lower().startswith(("content-t", "x-"))}
        for _ in self.ports:
            port = self.ports[self.turn % len(self.ports)]
            self.turn += 1
            try:
                answer = await self.client.post(
                    f"http://127.0.0.1:{port}{PATH}", content=body, headers=wanted
                )
            except httpx.ConnectError:
                continue  # that worker is down: the next one
            except httpx.TransportError:
                return 502  # it died while processing
            return answer.status_code
        return 502

    async def stop(self) -> None:
        if self.server:
            self.server.stop()
            await self.server.close_all_connections()
        await self.client.aclose()


class Telegram:
    """Delivers updates as Telegram does: a chat's updates one after another, up to 40
    requests at a time, each until it gets a 200."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.slots = asyncio.Semaphore(40)
        self.client = httpx.AsyncClient(timeout=180, limits=httpx.Limits(max_connections=100))
        self.update_ids = itertools.count(1)
        self.message_ids = itertools.count(1)
        self.delivered = 0
        self.statuses: Counter = Counter()

    async def deliver(self, update: dict) -> None:
        body = json.dumps({"update_id": next(self.update_ids), **update}).encode()
        headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}
        for attempt in range(200):
            async with self.slots:
                try:
                    status = (
                        await self.client.post(self.url, content=body, headers=headers)
                    ).status_code
                except httpx.TransportError:
                    status = 599
            self.statuses[status] += 1
            if status == 200:
                self.delivered += 1
                return
            await asyncio.sleep(min(2.0, 0.2 * (attempt + 1)))
        raise AssertionError("Telegram gave up on an update")

    def message(self, sender: int, text: str, chat: dict | None = None) -> dict:
        body: dict = {
            "message_id": next(self.message_ids),
            "date": int(time.time()),
            "chat": chat or {"id": sender, "type": "private"},
            "from": {"id": sender, "is_bot": False, "first_name": "a", "language_code": "en"},
            "text": text,
        }
        if text.startswith("/"):
            body["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
            ]
        return {"message": body}


# -- the workers ---------------------------------------------------------------------------------


@dataclass
class Fleet:
    api: FakeBotAPI
    env_base: dict[str, str]
    tmp: Path
    ports: list[int]
    processes: list[asyncio.subprocess.Process] = field(default_factory=list)
    logs: list[bytearray] = field(default_factory=list)
    readers: list[asyncio.Task] = field(default_factory=list)

    async def start(self, n: int) -> None:
        env = environment(self.tmp, self.env_base["MADOGUCHI_TELEGRAM_BASE_URL"], self.ports[n])
        env.update(self.env_base)
        process = await start_serve(env, self.tmp)
        self.processes[n] = process
        self.readers.append(asyncio.create_task(_drain(process.stderr, self.logs[n])))
        await _listening(self.ports[n], timeout=60)

    def kill(self, n: int) -> None:
        self.processes[n].send_signal(signal.SIGKILL)

    async def stop(self) -> None:
        for process in self.processes:
            if process is not None and process.returncode is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            if process is None:
                continue
            try:
                await asyncio.wait_for(process.wait(), 40)
            except TimeoutError:
                process.kill()
                await process.wait()
        await asyncio.gather(*self.readers, return_exceptions=True)

    @property
    def log(self) -> str:
        return "\n".join(b.decode(errors="replace") for b in self.logs)


@contextlib.asynccontextmanager
async def fleet(postgres_url: str, tmp: Path) -> AsyncIterator[Fleet]:
    api = FakeBotAPI()
    api.forums.add(COUNSELORS_CHAT)
    base_url = await api.start()
    settings = {
        "MADOGUCHI_TELEGRAM_BASE_URL": base_url,
        "MADOGUCHI_DATABASE_URL": postgres_url,
        "MADOGUCHI_WEBHOOK_SECRET": SECRET,
        "MADOGUCHI_COUNSELOR_CHAT_ID": str(COUNSELORS_CHAT),
        "MADOGUCHI_COUNSELOR_IDS": str(COUNSELOR),
        # The loopback Bot API has no group limit; Telegram's 20 a minute would make the
        # counselors' chat, not the workers, what this test measures.
        "MADOGUCHI_TELEGRAM_GROUP_RATE": "6000",
    }
    env = environment(tmp, base_url, 0)
    env.update(settings)
    # The schema once, before any worker: workers on PostgreSQL never migrate by themselves.
    subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], cwd=tmp, env=env, check=True)
    f = Fleet(api, settings, tmp, [free_port() for _ in range(WORKERS)])
    f.processes = [None] * WORKERS  # type: ignore[list-item]
    f.logs = [bytearray() for _ in range(WORKERS)]
    try:
        await asyncio.gather(*(f.start(n) for n in range(WORKERS)))
        yield f
    finally:
        await f.stop()
        await api.stop()


# -- the test ------------------------------------------------------------------------------------


def texts_to(api: FakeBotAPI, chat: int) -> list[str]:
    return [c.params.get("text", "") for c in api.sent(chat)]


# A send in flight when its worker is killed reaches Telegram, but the worker dies before it
# hears so: nothing can tell whether it arrived (the Bot API has no idempotency key), so it is
# sent again. Such a copy is the only duplicate allowed: the first send reached the API within
# this window around the kill, and the copy is the same message.
IN_FLIGHT = (-0.25, 0.75)


def once(api: FakeBotAPI, chat: int, killed: float, repeats: Counter) -> list[str]:
    """The chat's messages with copies of in-flight sends removed (and counted)."""
    kept: list[str] = []
    first_seen: dict[str, float] = {}
    for call in api.sent(chat):
        text = call.params.get("text", "")
        if text in first_seen and IN_FLIGHT[0] <= first_seen[text] - killed <= IN_FLIGHT[1]:
            repeats[chat] += 1
            continue
        first_seen.setdefault(text, call.at)
        kept.append(text)
    return kept


async def test_three_workers_one_killed_every_message_once_and_in_order(
    engine: Engine, postgres_url: str, tmp_path: Path
) -> None:
    script = await single_answers(engine)
    questions = [q for q, _ in script]
    async with fleet(postgres_url, tmp_path) as f:
        api = f.api
        splitter = Splitter(f.ports)
        await splitter.start()
        telegram = Telegram(f"http://127.0.0.1:{splitter.port}{PATH}")

        async def user(n: int) -> None:
            uid = FIRST_USER + n
            if n < TICKETS:
                for q in questions[:8]:
                    await telegram.deliver(telegram.message(uid, q))
                await telegram.deliver(telegram.message(uid, "/human"))
                await api.wait_for(lambda: any(JOINED in t for t in texts_to(api, uid)), 240)
                for line in ("u1", "u2"):
                    await telegram.deliver(telegram.message(uid, f"{line} from {uid}"))
            else:
                for q in questions:
                    await telegram.deliver(telegram.message(uid, q))

        async def counselor() -> None:
            """Claims each announced ticket and answers it three times, in order."""
            handled: set[int] = set()
            working: list[asyncio.Task] = []

            async def one(ticket: int) -> None:
                await telegram.deliver(telegram.message(COUNSELOR, f"/claim {ticket}", GROUP))
                for line in ("c1", "c2", "c3"):
                    await telegram.deliver(
                        telegram.message(COUNSELOR, f"/reply {ticket} {line}-t{ticket}", GROUP)
                    )

            while len(handled) < TICKETS:
                for call in api.sent(COUNSELORS_CHAT):
                    markup = call.params.get("reply_markup", "")
                    for ticket in map(int, re.findall(r'"claim:(\d+)"', markup)):
                        if ticket not in handled:
                            handled.add(ticket)
                            working.append(asyncio.create_task(one(ticket)))
                await asyncio.sleep(0.2)
            await asyncio.gather(*working)

        async def killer() -> None:
            while telegram.delivered < KILL_AT:
                await asyncio.sleep(0.05)
            killed_at.append(time.monotonic())
            f.kill(1)
            await f.processes[1].wait()
            await asyncio.sleep(2)
            await f.start(1)

        started = time.monotonic()
        killed_at: list[float] = []

        async def progress() -> None:
            while True:
                await asyncio.sleep(10)
                print(
                    f"{time.monotonic() - started:.0f}s delivered={telegram.delivered} "
                    f"statuses={dict(telegram.statuses)} calls={len(api.calls)}",
                    flush=True,
                )

        watching = asyncio.create_task(progress())
        try:
            await asyncio.wait_for(
                asyncio.gather(killer(), counselor(), *(user(n) for n in range(USERS))), 600
            )
        finally:
            watching.cancel()
        users_done = time.monotonic() - started

        # The last relays may wait for a lease the killed worker held (60 s).
        def settled() -> bool:
            for n in range(TICKETS):
                uid = FIRST_USER + n
                if not any("c3-t" in t for t in texts_to(api, uid)):
                    return False
            sent = "\n".join(texts_to(api, COUNSELORS_CHAT))
            return all(f"u2 from {FIRST_USER + n}" in sent for n in range(TICKETS))

        await api.wait_for(settled, 180)
        await asyncio.sleep(2)  # anything sent twice would arrive now
        await splitter.stop()

        # Every user message answered once, in order.
        repeats: Counter = Counter()
        killed = killed_at[0]
        for n in range(USERS):
            uid = FIRST_USER + n
            got = once(api, uid, killed, repeats)
            answers = [answered(t, script) for t in got]
            asked = list(range(8)) if n < TICKETS else list(range(QUESTIONS))
            when = [round(c.at - killed, 3) for c in api.sent(uid)]
            assert [a for a in answers if a is not None] == asked, f"{uid} {answers} {when}"
            if n < TICKETS:
                rest = [t for t, a in zip(got, answers, strict=True) if a is None]
                joined = [t for t in rest if JOINED in t]
                lines = [m.group(1) for t in rest for m in re.finditer(r"(c[123])-t\d+", t)]
                assert len(joined) == 1, (uid, rest)
                assert lines == ["c1", "c2", "c3"], (uid, rest)
                assert len({m for t in rest for m in re.findall(r"-t(\d+)", t)}) == 1
                # the queue notice, the counselor joined, three lines: nothing else
                assert len(rest) == 5, (uid, rest)
        # Every user line reached the counselors once, in order.
        relayed = "\n".join(once(api, COUNSELORS_CHAT, killed, repeats))
        for n in range(TICKETS):
            uid = FIRST_USER + n
            assert relayed.count(f"u1 from {uid}") == 1 and relayed.count(f"u2 from {uid}") == 1
            assert relayed.index(f"u1 from {uid}") < relayed.index(f"u2 from {uid}")
        # One topic and one announcement per ticket; each ticket's messages in its topic.
        announcements = Counter(
            int(t)
            for c in api.sent(COUNSELORS_CHAT)
            for t in re.findall(r'"claim:(\d+)"', c.params.get("reply_markup", ""))
        )
        assert sorted(announcements) == list(range(1, TICKETS + 1))
        assert set(announcements.values()) == {1}
        created = len(api.sent(method="createForumTopic"))
        deleted = len(api.sent(method="deleteForumTopic"))
        assert created - deleted == TICKETS
        # The store agrees: every message answered, every outbox row delivered.
        plain = postgres_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain) as conn:
            open_turns = conn.execute(
                "SELECT count(*) FROM messages WHERE direction = 'in' AND answered_at IS NULL"
            ).fetchone()[0]
            pending = conn.execute(
                "SELECT count(*) FROM outbox WHERE delivered_at IS NULL"
            ).fetchone()[0]
        assert open_turns == 0 and pending == 0
        assert "Traceback" not in f.log, f.log[-5000:]
        print(
            f"\n{telegram.delivered} updates, {USERS} users, {TICKETS} tickets through "
            f"{WORKERS} workers in {users_done:.1f} s; statuses {dict(telegram.statuses)}; "
            f"sent again after the kill (in flight when it came): {sum(repeats.values())}"
        )
        assert sum(repeats.values()) <= 40  # at most what was in flight
