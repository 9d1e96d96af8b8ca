"""The Bot API client under PTB: what arrives at a real HTTP server on loopback, and what a
slow, closed or failing server turns into for PTB (its own errors, never aiohttp's)."""

from __future__ import annotations

import asyncio
import base64
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from aiohttp import web
from telegram import Bot, InputFile
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from bot.channels.telegram.transport import AiohttpRequest

pytestmark = pytest.mark.asyncio


@pytest.fixture(autouse=True)
def timedelta_periods(monkeypatch: pytest.MonkeyPatch) -> None:
    """As build_application sets it: PTB's opt-in to timedelta periods."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


ME = {"id": 1, "is_bot": True, "first_name": "madoguchi", "username": "madoguchi_bot"}


@dataclass
class Server:
    url: str
    seen: list[dict] = field(default_factory=list)
    delay: float = 0.0
    status: int = 200


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    state = Server(url="")

    async def handle(request: web.Request) -> web.Response:
        method = request.match_info["method"]
        post = await request.post()
        fields = {
            k: (v.file.read().decode(), v.filename) if isinstance(v, web.FileField) else v
            for k, v in post.items()
        }
        state.seen.append(
            {
                "method": method,
                "fields": fields,
                "agent": request.headers.get("User-Agent", ""),
                "proxy_auth": request.headers.get("Proxy-Authorization"),
            }
        )
        if state.delay:
            await asyncio.sleep(state.delay)
        if state.status == 429:
            body = {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests: retry after 3",
                "parameters": {"retry_after": 3},
            }
            return web.json_response(body, status=429)
        if state.status == 400:
            body = {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
            return web.json_response(body, status=400)
        if method == "getMe":
            return web.json_response({"ok": True, "result": ME})
        if method == "getUpdates":
            return web.json_response({"ok": True, "result": []})
        message = {
            "message_id": 7,
            "date": 0,
            "chat": {"id": int(fields["chat_id"]), "type": "private"},
        }
        if method == "sendMessage":
            message["text"] = fields["text"]
        return web.json_response({"ok": True, "result": message})

    app = web.Application()
    app.router.add_post("/bot{token}/{method}", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    state.url = f"http://127.0.0.1:{port}/bot"
    yield state
    await runner.cleanup()


def bot_at(url: str, **timeouts: float) -> Bot:
    return Bot("1:TEST", base_url=url, request=AiohttpRequest(**timeouts))


async def test_a_message_arrives_as_telegram_expects_it(server: Server) -> None:
    async with bot_at(server.url) as bot:
        sent = await bot.send_message(42, "Xin chào <b>&</b> 🙂", parse_mode="HTML")
    assert sent.text == "Xin chào <b>&</b> 🙂" and sent.chat.id == 42
    call = server.seen[-1]
    assert call["method"] == "sendMessage"
    assert call["fields"]["text"] == "Xin chào <b>&</b> 🙂"
    assert call["fields"]["parse_mode"] == "HTML"
    assert "python-telegram-bot" in call["agent"]


async def test_a_file_goes_as_multipart(server: Server) -> None:
    async with bot_at(server.url) as bot:
        await bot.send_document(42, InputFile(b"transcript\n", filename="t.txt"), caption="№1")
    call = server.seen[-1]
    assert call["method"] == "sendDocument"
    assert call["fields"]["document"] == ("transcript\n", "t.txt")
    assert call["fields"]["caption"] == "№1"


async def test_telegram_errors_stay_telegram_errors(server: Server) -> None:
    async with bot_at(server.url) as bot:
        server.status = 429
        with pytest.raises(RetryAfter) as waited:
            await bot.send_message(42, "hi")
        assert waited.value.retry_after.total_seconds() == 3
        server.status = 400
        with pytest.raises(BadRequest, match=r"(?i)chat not found"):
            await bot.send_message(42, "hi")


async def test_a_server_slower_than_the_read_timeout_is_a_timeout(server: Server) -> None:
    async with bot_at(server.url, read_timeout=0.3) as bot:
        server.delay = 2.0
        with pytest.raises(TimedOut):
            await bot.send_message(42, "hi")


async def test_nobody_listening_is_a_network_error() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as failed:
            await request.post(f"http://127.0.0.1:{port}/bot1:TEST/getMe")
        assert not isinstance(failed.value, TimedOut)
        assert "aiohttp" in str(failed.value)
    finally:
        await request.shutdown()


async def test_long_polling_waits_longer_than_a_send(server: Server) -> None:
    """getUpdates asks the server to hold the request `timeout` s: PTB adds that to the read
    timeout, so a poll that the server holds for 0.5 s is not a timeout at 0.2 s."""
    async with bot_at(server.url, read_timeout=0.2) as bot:
        server.delay = 0.5
        assert await bot.get_updates(timeout=1) == ()
        with pytest.raises(TimedOut):
            await bot.send_message(42, "hi")


async def test_a_proxy_from_the_environment_is_used(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Offices behind a proxy set HTTPS_PROXY/HTTP_PROXY; here the loopback server plays it."""
    proxy = server.url.removesuffix("/bot").replace("http://", "http://office:s3cret@")
    monkeypatch.setenv("HTTP_PROXY", proxy)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    async with bot_at("http://api.telegram.invalid/bot") as bot:
        assert (await bot.get_me()).username == "madoguchi_bot"
    credentials = base64.b64encode(b"office:s3cret").decode()
    assert server.seen[-1]["proxy_auth"] == f"Basic {credentials}"
    monkeypatch.setenv("NO_PROXY", "api.telegram.invalid")
    with pytest.raises(
        NetworkError, match=r"api\.telegram\.invalid"
    ):  # straight there: no such host
        async with bot_at("http://api.telegram.invalid/bot"):
            pass


async def test_to_https_the_proxy_login_goes_on_connect_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Telegram is https: the office proxy sees CONNECT with the login; Telegram never would."""
    heads: list[bytes] = []

    async def proxy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        heads.append(await reader.readuntil(b"\r\n\r\n"))
        writer.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")  # no tunnel today
        await writer.drain()
        writer.close()

    listener = await asyncio.start_server(proxy, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    monkeypatch.setenv("HTTPS_PROXY", f"http://office:s3cret@127.0.0.1:{port}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError):
            await request.post("https://api.telegram.invalid/bot1:TEST/getMe")
    finally:
        await request.shutdown()
        listener.close()
        await listener.wait_closed()
    head = heads[0].decode()
    assert head.startswith("CONNECT api.telegram.invalid:443 ")
    credentials = base64.b64encode(b"office:s3cret").decode()
    assert f"Proxy-Authorization: Basic {credentials}" in head
