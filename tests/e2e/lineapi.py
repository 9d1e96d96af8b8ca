"""A LINE Messaging API on loopback (aiohttp), for the real line-bot-sdk client in the bot.

It signs webhook calls like LINE (X-Line-Signature: base64 HMAC-SHA256 of the body with the
channel secret), issues reply tokens that work once and expire, records replies and pushes,
honours X-Line-Retry-Key (a retried push is accepted once, the copy gets 409), counts the
month's pushes against a quota, and on request answers 429/500 or does not answer at all.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import itertools
import json
import time
import uuid
from dataclasses import dataclass, field

import aiohttp
from aiohttp import web

TOKEN = "test-channel-access-token"
SECRET = "test-channel-secret"


@dataclass
class Sent:
    kind: str  # reply | push
    to: str | None  # push: the user; reply: the user the token was issued for
    messages: list[dict]
    retry_key: str | None = None

    @property
    def texts(self) -> list[str]:
        return [_text_of(m) for m in self.messages]

    @property
    def bubble_buttons(self) -> list[dict]:
        """The postback actions of the Flex bubbles (buttons that stay in the chat)."""
        return [
            button["action"]
            for m in self.messages
            if m.get("type") == "flex"
            for button in m["contents"].get("footer", {}).get("contents", [])
        ]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def quick_replies(self) -> list[dict]:
        last = self.messages[-1] if self.messages else {}
        return [item["action"] for item in (last.get("quickReply") or {}).get("items", [])]


def _text_of(message: dict) -> str:
    if message.get("type") == "flex":
        body = message["contents"].get("body", {}).get("contents", [])
        return "\n".join(part.get("text", "") for part in body)
    return message.get("text", "")


@dataclass
class Fault:
    status: int | None  # None: hang (no answer until the client gives up)
    times: int
    body: dict = field(default_factory=dict)
    accept: bool = False  # the call is carried out, and the answer is lost anyway


class FakeLineAPI:
    def __init__(self, *, secret: str = SECRET, token: str = TOKEN) -> None:
        self.secret = secret
        self.token = token
        self.sent: list[Sent] = []
        self.calls: list[str] = []
        self.profiles: dict[str, str] = {}
        self.quota_limit: int | None = 1000
        self.usage = 0
        self.token_ttl = 60.0
        self._tokens: dict[str, tuple[str, float]] = {}  # token -> (user, issued at)
        self._retry_keys: set[str] = set()
        self._faults: dict[str, list[Fault]] = {}
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.base_url = ""
        self.webhook_url = ""
        self._client: aiohttp.ClientSession | None = None

    # -- the server ---------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/v2/bot/message/reply", self._reply)
        app.router.add_post("/v2/bot/message/push", self._push)
        app.router.add_get("/v2/bot/profile/{user}", self._profile)
        app.router.add_get("/v2/bot/message/quota", self._quota)
        app.router.add_get("/v2/bot/message/quota/consumption", self._consumption)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        self._client = aiohttp.ClientSession()
        return self.base_url

    async def stop(self) -> None:
        if self._client is not None:
            await self._client.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def fail(
        self, path: str, status: int | None, times: int = 1, *, accept: bool = False, **body: object
    ) -> None:
        """The next `times` calls to `path` ("push", "reply", "profile") answer `status`
        (None: never answer); `accept`: the call is carried out all the same (the answer is
        what gets lost, as when a connection drops after LINE took the message)."""
        self._faults.setdefault(path, []).append(Fault(status, times, dict(body), accept))

    async def _fault(self, path: str, request: web.Request) -> web.Response | None:
        self.calls.append(path)
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return web.json_response({"message": "Authentication failed"}, status=401)
        return await self._answer_fault(path, accepted=False)

    async def _answer_fault(self, path: str, *, accepted: bool) -> web.Response | None:
        """The next fault of `path`, if it is of this kind (before or after the call is
        carried out): answered, or hung."""
        faults = self._faults.get(path) or []
        if not faults or faults[0].accept != accepted:
            return None
        fault = faults[0]
        fault.times -= 1
        if fault.times <= 0:
            faults.pop(0)
        if fault.status is None:
            await asyncio.sleep(3600)
        return web.json_response(fault.body or {"message": "stand-in fault"}, status=fault.status)

    async def _reply(self, request: web.Request) -> web.Response:
        if (faulty := await self._fault("reply", request)) is not None:
            return faulty
        body = await request.json()
        issued = self._tokens.pop(body.get("replyToken", ""), None)
        if issued is None or time.monotonic() - issued[1] > self.token_ttl:
            return web.json_response({"message": "Invalid reply token"}, status=400)
        messages = body.get("messages") or []
        if not 1 <= len(messages) <= 5:
            return web.json_response({"message": "Size must be between 1 and 5"}, status=400)
        self._check(messages)
        self.sent.append(Sent("reply", issued[0], messages))
        return web.json_response({"sentMessages": [{"id": str(next(self._ids))}]})

    async def _push(self, request: web.Request) -> web.Response:
        if (faulty := await self._fault("push", request)) is not None:
            return faulty
        key = request.headers.get("X-Line-Retry-Key")
        if key is not None and key in self._retry_keys:
            return web.json_response(
                {"message": "The retry key is already accepted"},
                status=409,
                headers={"X-Line-Accepted-Request-Id": "stand-in"},
            )
        if self.quota_limit is not None and self.usage >= self.quota_limit:
            return web.json_response(
                {"message": "You have reached your monthly limit."}, status=429
            )
        body = await request.json()
        messages = body.get("messages") or []
        if not 1 <= len(messages) <= 5:
            return web.json_response({"message": "Size must be between 1 and 5"}, status=400)
        self._check(messages)
        if key is not None:
            self._retry_keys.add(key)
        self.usage += 1
        self.sent.append(Sent("push", body.get("to"), messages, key))
        if (lost := await self._answer_fault("push", accepted=True)) is not None:
            return lost  # taken, and then the answer is lost
        return web.json_response({"sentMessages": [{"id": str(next(self._ids))}]})

    @staticmethod
    def _check(messages: list[dict]) -> None:
        """LINE's limits, asserted so a test fails where the bot would be refused."""
        for message in messages:
            assert message["type"] in ("text", "flex"), message["type"]
            assert len(message.get("text", "")) <= 5000, "text longer than 5,000"
            items = (message.get("quickReply") or {}).get("items", [])
            assert len(items) <= 13, "more than 13 quick replies"
            actions = [item["action"] for item in items]
            if message["type"] == "flex":
                assert 1 <= len(message["altText"]) <= 400, "altText"
                footer = message["contents"].get("footer", {}).get("contents", [])
                actions += [button["action"] for button in footer]
            for action in actions:
                assert len(action["label"]) <= 20, action["label"]
                assert len(action["data"]) <= 300, action["data"]

    async def _profile(self, request: web.Request) -> web.Response:
        if (faulty := await self._fault("profile", request)) is not None:
            return faulty
        user = request.match_info["user"]
        profile = {"displayName": "user", "userId": user}
        if user in self.profiles:
            profile["language"] = self.profiles[user]
        return web.json_response(profile)

    async def _quota(self, request: web.Request) -> web.Response:
        if (faulty := await self._fault("quota", request)) is not None:
            return faulty
        if self.quota_limit is None:
            return web.json_response({"type": "none"})
        return web.json_response({"type": "limited", "value": self.quota_limit})

    async def _consumption(self, request: web.Request) -> web.Response:
        if (faulty := await self._fault("quota", request)) is not None:
            return faulty
        return web.json_response({"totalUsage": self.usage})

    # -- LINE calling the bot ------------------------------------------------------------------

    def _event(self, kind: str, user: str, **fields: object) -> dict:
        event = {
            "type": kind,
            "mode": "active",
            "timestamp": int(time.time() * 1000),
            "source": {"type": "user", "userId": user},
            "webhookEventId": uuid.uuid4().hex.upper()[:26],
            "deliveryContext": {"isRedelivery": False},
            **fields,
        }
        if kind not in ("unfollow",):
            token = uuid.uuid4().hex
            self._tokens[token] = (user, time.monotonic())
            event["replyToken"] = token
        return event

    def text(self, user: str, text: str) -> dict:
        message = {"type": "text", "id": str(next(self._ids)), "quoteToken": "q", "text": text}
        return self._event("message", user, message=message)

    def sticker(self, user: str) -> dict:
        message = {
            "type": "sticker",
            "id": str(next(self._ids)),
            "quoteToken": "q",
            "packageId": "446",
            "stickerId": "1988",
            "stickerResourceType": "STATIC",
        }
        return self._event("message", user, message=message)

    def location(self, user: str) -> dict:
        message = {
            "type": "location",
            "id": str(next(self._ids)),
            "latitude": 35.68,
            "longitude": 139.76,
            "address": "Tokyo",
        }
        return self._event("message", user, message=message)

    def postback(self, user: str, data: str) -> dict:
        return self._event("postback", user, postback={"data": data})

    def follow(self, user: str) -> dict:
        return self._event("follow", user, follow={"isUnblocked": False})

    def unfollow(self, user: str) -> dict:
        return self._event("unfollow", user)

    def expire(self, event: dict) -> None:
        """The event's reply token stops working (too old, as LINE's do)."""
        self._tokens.pop(event.get("replyToken", ""), None)

    @staticmethod
    def redelivered(event: dict) -> dict:
        return {**event, "deliveryContext": {"isRedelivery": True}}

    def sign(self, body: bytes) -> str:
        digest = hmac.new(self.secret.encode(), body, hashlib.sha256).digest()
        return base64.b64encode(digest).decode()

    async def call(self, *events: dict, signature: str | None = None) -> int:
        """POST the events to the bot's webhook, signed like LINE (or with `signature`)."""
        assert self._client is not None and self.webhook_url
        body = json.dumps({"destination": "Ubot", "events": list(events)}).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Line-Signature": self.sign(body) if signature is None else signature,
        }
        async with self._client.post(self.webhook_url, data=body, headers=headers) as response:
            await response.read()
            return response.status

    # -- reading what was sent -----------------------------------------------------------------

    def to(self, user: str) -> list[Sent]:
        return [s for s in self.sent if s.to == user]

    async def wait_for(self, predicate, timeout: float = 15.0):  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = predicate()
            if found:
                return found
            await asyncio.sleep(0.02)
        raise AssertionError("timed out waiting for the LINE stand-in")
