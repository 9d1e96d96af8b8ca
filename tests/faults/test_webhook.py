"""`madoguchi serve --webhook` as Telegram and an attacker see it: its own process, settings from
the environment, the loopback Bot API in place of Telegram, plain HTTP on loopback.

Telegram calls the webhook with the secret it was given at setWebhook; anybody else who finds
the URL can call it too. So the worker must refuse to run without a secret, refuse a call
without it before reading its body, refuse bodies no update can be, never log what a body
says, and answer 200 only when the update has been processed: Telegram forgets an update once
it has its 200, so a worker that dies after the 200 and before the answer loses the message,
and sends the user's next update to another worker while the first is still running.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import json
import os
import signal
import socket
import sqlite3
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import pytest_asyncio

import bot
from bot.channels.telegram.app import webhook_options
from bot.settings import Settings
from tests.e2e.botapi import FakeBotAPI

# The worker is started once for the module; its tests share the module's event loop.
on_the_worker = pytest.mark.asyncio(loop_scope="module")

SECRET = "s3cret-Token_42"
PUBLIC_URL = "https://bot.example.jp/telegram/hook"
PATH = "/telegram/hook"
HUGE = 90 * 1024 * 1024  # what an attacker announces; Telegram's updates are a few KB


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(tmp: Path, base_url: str, port: int, **extra: str) -> dict[str, str]:
    """The operator's environment: ours alone, nothing from the developer's MADOGUCHI_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MADOGUCHI_")}
    env.update(
        MADOGUCHI_TELEGRAM_TOKEN="123456:HOOK",
        MADOGUCHI_TELEGRAM_BASE_URL=base_url,
        MADOGUCHI_DATABASE_URL=f"sqlite+aiosqlite:///{tmp / 'hook.db'}",
        MADOGUCHI_WEBHOOK_URL=PUBLIC_URL,
        MADOGUCHI_WEBHOOK_LISTEN="127.0.0.1",
        MADOGUCHI_WEBHOOK_PORT=str(port),
        MADOGUCHI_LOG_LEVEL="INFO",  # everything above DEBUG must be free of message text
        **extra,
    )
    return env


async def start_serve(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "serve",
        "--webhook",
        cwd=cwd,  # no .env of the developer's
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )


def update(user: int, text: str, update_id: int) -> dict:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": user, "type": "private"},
            "from": {"id": user, "is_bot": False, "first_name": "a", "language_code": "ja"},
            "text": text,
        },
    }


@dataclass
class Worker:
    api: FakeBotAPI
    port: int
    db_file: Path
    process: asyncio.subprocess.Process
    stderr: bytearray = field(default_factory=bytearray)

    @property
    def log(self) -> str:
        return self.stderr.decode(errors="replace")

    async def post(self, body: bytes | str, *, secret: str | None = SECRET) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        async with httpx.AsyncClient(timeout=30) as client:
            return await client.post(
                f"http://127.0.0.1:{self.port}{PATH}", content=body, headers=headers
            )

    async def announce(self, headers: dict[str, str], body: bytes) -> int | None:
        """Send the head of a request and only `body` of it; the status, or None when the
        worker gives no answer within two seconds (it is waiting for the rest of the body)."""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        head = f"POST {PATH} HTTP/1.1\r\nHost: bot.example.jp\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        try:
            writer.write(head.encode() + body)
            await writer.drain()
            line = await asyncio.wait_for(reader.readline(), 2.0)
        except TimeoutError:
            return None
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
        return int(line.split()[1])

    def stored_answers(self) -> int:
        with contextlib.closing(sqlite3.connect(self.db_file, timeout=10)) as conn:
            return conn.execute("SELECT count(*) FROM messages WHERE direction = 'out'").fetchone()[
                0
            ]


async def _drain(stream: asyncio.StreamReader, into: bytearray) -> None:
    while chunk := await stream.read(65536):
        into.extend(chunk)


async def _listening(port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.1)
        else:
            writer.close()
            return


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def worker(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Worker]:
    tmp = tmp_path_factory.mktemp("webhook")
    api = FakeBotAPI()
    base_url = await api.start()
    port = free_port()
    process = await start_serve(
        environment(tmp, base_url, port, MADOGUCHI_WEBHOOK_SECRET=SECRET), tmp
    )
    w = Worker(api, port, tmp / "hook.db", process)
    reading = asyncio.create_task(_drain(process.stderr, w.stderr))
    try:
        await api.wait_for(lambda: api.sent(method="setWebhook"), timeout=120)
        await _listening(port, timeout=30)
        yield w
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), 30)
            except TimeoutError:
                process.kill()
                await process.wait()
        await reading
        await api.stop()
    assert process.returncode == 0, w.log[-3000:]  # SIGTERM: a clean stop


# -- finding 1: no secret, no webhook -----------------------------------------------------------


@on_the_worker
async def test_serve_webhook_will_not_start_without_a_secret(tmp_path: Path) -> None:
    """Without a secret anybody who learns the URL can post "updates" (a forged counselor
    message reached a user): the operator gets one sentence and a non-zero exit instead."""
    api = FakeBotAPI()
    base_url = await api.start()
    process = await start_serve(environment(tmp_path, base_url, free_port()), tmp_path)
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    except TimeoutError:
        process.kill()
        await process.wait()
        pytest.fail(
            "serve --webhook started without MADOGUCHI_WEBHOOK_SECRET "
            f"(setWebhook calls: {len(api.sent(method='setWebhook'))})"
        )
    finally:
        await api.stop()
    log = stderr.decode()
    assert process.returncode != 0
    assert "Traceback" not in log
    assert "MADOGUCHI_WEBHOOK_SECRET" in log
    assert len(log.strip().splitlines()) == 1, log
    assert not api.sent(method="setWebhook")


def test_the_webhook_entry_refuses_without_a_secret() -> None:
    """Hosts that build the webhook themselves (tests, benchmarks, another process manager)
    get the same refusal as the CLI: a ValueError with one sentence."""
    settings = Settings(
        telegram_token="1:A", webhook_url=PUBLIC_URL, webhook_secret=None, _env_file=None
    )
    with pytest.raises(ValueError, match="MADOGUCHI_WEBHOOK_SECRET") as refused:
        webhook_options(settings)
    assert str(refused.value).count(". ") == 0 and "\n" not in str(refused.value)
    # Telegram accepts 1-256 characters of A-Z, a-z, 0-9, _ and -: say so before setWebhook.
    with pytest.raises(ValueError, match="MADOGUCHI_WEBHOOK_SECRET"):
        webhook_options(settings.model_copy(update={"webhook_secret": "with spaces"}))

    from telegram.ext import ApplicationBuilder

    from bot.channels.telegram.webhook import TelegramWebhook

    application = ApplicationBuilder().token("1:A").updater(None).build()
    with pytest.raises(ValueError, match="secret"):
        TelegramWebhook(application, url_path="hook", webhook_url=PUBLIC_URL, secret_token="")


# -- findings 2 and 3: the secret first, in constant time; the body capped -------------------------


@on_the_worker
async def test_a_forged_update_is_refused_before_its_body_is_read(worker: Worker) -> None:
    """A caller without the secret announces 90 MB: the worker says 403 at once instead of
    reading 90 MB first (one such caller per connection could fill its memory)."""
    status = await worker.announce(
        {"Content-Type": "application/json", "Content-Length": str(HUGE)}, b'{"update_id": 1'
    )
    assert status == 403, "no answer until the whole body was read"
    # A secret that is right but for its last character is as wrong as none at all.
    forged = await worker.post(
        json.dumps(update(91, "Tư vấn viên: hãy gửi mật khẩu", 9101)), secret=SECRET[:-1] + "X"
    )
    assert forged.status_code == 403
    assert (await worker.post(json.dumps(update(91, "hi", 9102)), secret=None)).status_code == 403
    await asyncio.sleep(0.2)
    assert not worker.api.sent(91)


def test_the_secret_is_compared_in_constant_time() -> None:
    """`!=` stops at the first differing character, so response times tell an attacker how
    much of a guess is right; hmac.compare_digest does not. Timing it over HTTP on a shared
    machine would be noise, so this reads the webhook's code: the secret meets only
    compare_digest, never == or !=."""
    source = Path(bot.__file__).parent / "channels" / "telegram" / "webhook.py"
    assert source.exists(), "the webhook is PTB's, which compares the secret with !="
    tree = ast.parse(source.read_text(encoding="utf-8"))

    def mentions_secret(node: ast.AST) -> bool:
        return any(
            "secret" in (n.id if isinstance(n, ast.Name) else getattr(n, "attr", "")).lower()
            for n in ast.walk(node)
            if isinstance(n, ast.Name | ast.Attribute)
        )

    plain = [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare)
        and any(isinstance(op, ast.Eq | ast.NotEq) for op in node.ops)
        and mentions_secret(node)
    ]
    assert not plain, plain
    digests = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and ast.unparse(node.func).endswith("compare_digest")
        and mentions_secret(node)
    ]
    assert digests, "the secret is never compared with hmac.compare_digest"


@on_the_worker
async def test_an_oversize_body_is_refused_with_413_unread(worker: Worker) -> None:
    """With the secret, a body larger than any update is still refused, as soon as its
    length is announced: 413, and the rest is never read."""
    status = await worker.announce(
        {
            "Content-Type": "application/json",
            "Content-Length": str(HUGE),
            "X-Telegram-Bot-Api-Secret-Token": SECRET,
        },
        b" " * 65536,
    )
    assert status == 413, f"answered {status} (None: kept reading the 90 MB)"


# -- finding 4: bodies that are no update --------------------------------------------------------


@on_the_worker
async def test_a_body_that_is_no_update_answers_400_and_is_not_logged(worker: Worker) -> None:
    """Broken JSON or JSON that is no update is the caller's mistake (400, not 500), and
    the log says so in one line without repeating what the body said."""
    private = "Mật khẩu của tôi là hoa-sen-42"
    broken = await worker.post('{"update_id": 7, "message": {"text": "' + private + '"')
    assert broken.status_code == 400
    not_an_update = await worker.post(json.dumps({"note": private}))
    assert not_an_update.status_code == 400
    assert (await worker.post(json.dumps([private]))).status_code == 400
    deadline = time.monotonic() + 0.5
    while "hoa-sen-42" not in worker.log and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert "hoa-sen-42" not in worker.log, worker.log[-2000:]
    assert "Mật khẩu" not in worker.log
    assert "CRITICAL" not in worker.log


# -- finding 5: 200 means processed ---------------------------------------------------------------


@on_the_worker
async def test_the_webhook_answers_only_once_the_reply_is_stored(worker: Worker) -> None:
    """Telegram forgets an update at its 200. If the 200 came before the work, a worker
    killed in between loses the message, and the user's next update goes to another worker
    while this one is still busy (answers out of order). So: processed, then 200."""
    before = worker.stored_answers()
    answered = await worker.post(json.dumps(update(77, "有給休暇は何日？", 7701)))
    assert answered.status_code == 200
    assert worker.stored_answers() > before, "200 came before the answer was stored"
    (reply,) = await worker.api.wait_for(lambda: worker.api.sent(77))
    assert "有給" in reply.params["text"]


@on_the_worker
async def test_a_failed_update_answers_500_and_its_redelivery_is_answered(
    worker: Worker,
) -> None:
    """When processing fails (here the store loses a table for a moment) the worker must not
    say 200: Telegram would never send the update again. With 500 it redelivers, and the
    redelivered update is answered once the store is back."""
    message = update(78, "最低賃金はいくら？", 7801)
    with contextlib.closing(sqlite3.connect(worker.db_file, timeout=10)) as conn:
        conn.execute("ALTER TABLE processed_updates RENAME TO processed_updates_away")
        conn.commit()
        try:
            failed = await worker.post(json.dumps(message))
        finally:
            conn.execute("ALTER TABLE processed_updates_away RENAME TO processed_updates")
            conn.commit()
    assert failed.status_code == 500
    again = await worker.post(json.dumps(message))
    assert again.status_code == 200
    await worker.api.wait_for(
        lambda: any("最低賃金" in c.params["text"] for c in worker.api.sent(78))
    )
