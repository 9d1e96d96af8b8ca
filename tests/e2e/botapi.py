"""A small Telegram Bot API server of our own, on loopback, for the real PTB stack to talk to.

It speaks enough of the HTTP API for madoguchi (getMe, getUpdates with long polling,
sendMessage, editMessageText, editMessageReplyMarkup, answerCallbackQuery, setMyCommands,
deleteWebhook, ...), records every call, feeds the updates a test pushes, and can misbehave on
purpose: a 429 with retry_after, a 500, a response slower than the client's timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application, RequestHandler

BOT = {
    "id": 4242,
    "is_bot": True,
    "first_name": "madoguchi",
    "username": "madoguchi_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


@dataclass
class Call:
    method: str
    params: dict
    at: float = field(default_factory=time.monotonic)
    result: object = None

    def json(self, name: str) -> object:
        return json.loads(self.params[name])


@dataclass
class Fault:
    method: str
    kind: str  # "429" | "500" | "slow" | "400" | "403"
    count: int = 1
    retry_after: int = 1
    delay: float = 0.0
    chat_id: int | None = None  # only calls to this chat
    description: str = ""  # Telegram's words for a 400 or 403


class FakeBotAPI:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.updates: list[dict] = []
        self.faults: list[Fault] = []
        self._update_ids = itertools.count(1000)
        self._message_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._new_call = asyncio.Event()
        self._server: HTTPServer | None = None
        self.port = 0
        self.forums: set[int] = set()  # chats that are forums (topics)
        self._threads = itertools.count(700)

    # -- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> str:
        api = self

        class Handler(RequestHandler):
            async def post(self, token: str, method: str) -> None:
                await api._handle(self, method)

            async def get(self, token: str, method: str) -> None:
                await api._handle(self, method)

        app = Application([(r"/bot([^/]+)/(\w+)", Handler)])
        sockets = bind_sockets(0, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self._server = HTTPServer(app)
        self._server.add_sockets(sockets)
        return f"http://127.0.0.1:{self.port}/bot"

    async def stop(self) -> None:
        if self._server:
            self._server.stop()
            await self._server.close_all_connections()

    # -- what a test does ------------------------------------------------------------------------

    def push(self, **payload: object) -> int:
        update_id = next(self._update_ids)
        self.updates.append({"update_id": update_id, **payload})
        self._new_update.set()
        return update_id

    def push_raw(self, update: dict) -> None:
        self.updates.append(update)
        self._new_update.set()

    @staticmethod
    def user(user_id: int, language_code: str | None = None) -> dict:
        user = {"id": user_id, "is_bot": False, "first_name": f"user{user_id}"}
        if language_code:
            user["language_code"] = language_code
        return user

    def message(
        self,
        user_id: int,
        text: str,
        *,
        language_code: str | None = None,
        chat: dict | None = None,
        **extra: object,
    ) -> int:
        body = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat or {"id": user_id, "type": "private"},
            "from": self.user(user_id, language_code),
            **extra,
        }
        if text is not None:
            body["text"] = text
            if text.startswith("/"):
                body["entities"] = [
                    {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
                ]
        return self.push(message=body)

    def press(
        self, user_id: int, data: str, message: dict, *, language_code: str | None = None
    ) -> int:
        return self.push(
            callback_query={
                "id": str(next(self._message_ids)),
                "from": self.user(user_id, language_code),
                "chat_instance": "ci",
                "data": data,
                "message": message,
            }
        )

    def fail(
        self,
        method: str,
        kind: str,
        *,
        count: int = 1,
        retry_after: int = 1,
        delay: float = 0.0,
        chat_id: int | None = None,
        description: str = "",
    ) -> None:
        self.faults.append(Fault(method, kind, count, retry_after, delay, chat_id, description))

    def sent(self, chat_id: int | None = None, method: str = "sendMessage") -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == method
            and (chat_id is None or int(c.params.get("chat_id", 0)) == chat_id)
        ]

    async def wait_for(self, predicate, timeout: float = 15.0):  # type: ignore[no-untyped-def]
        """Wait until predicate() is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(
                    f"timed out; calls so far: "
                    f"{[(c.method, c.params.get('text', '')[:40]) for c in self.calls]}"
                )
            self._new_call.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_call.wait(), min(remaining, 0.5))

    # -- serving -------------------------------------------------------------------------------

    async def _handle(self, request: RequestHandler, method: str) -> None:
        params = self._params(request)
        fault = next(
            (
                f
                for f in self.faults
                if f.method == method
                and f.count > 0
                and (f.chat_id is None or str(f.chat_id) == params.get("chat_id"))
            ),
            None,
        )
        if fault:
            fault.count -= 1
            if fault.kind in ("400", "403"):
                self.calls.append(Call(f"refused:{method}", params))
                self._new_call.set()
                return self._reply(
                    request,
                    {
                        "ok": False,
                        "error_code": int(fault.kind),
                        "description": fault.description
                        or (
                            "Forbidden: bot was blocked by the user"
                            if fault.kind == "403"
                            else "Bad Request: chat not found"
                        ),
                    },
                    int(fault.kind),
                )
            if fault.kind == "429":
                return self._reply(
                    request,
                    {
                        "ok": False,
                        "error_code": 429,
                        "description": f"Too Many Requests: retry after {fault.retry_after}",
                        "parameters": {"retry_after": fault.retry_after},
                    },
                    429,
                )
            if fault.kind == "500":
                return self._reply(
                    request,
                    {"ok": False, "error_code": 500, "description": "Internal Server Error"},
                    500,
                )
            if fault.kind == "slow":  # the client gives up first; nothing is delivered
                await asyncio.sleep(fault.delay)
                return self._reply(
                    request, {"ok": False, "error_code": 504, "description": "Gateway Timeout"}, 504
                )
        result = await self._result(method, params)
        if result is None:
            self.calls.append(Call(f"refused:{method}", params))
            self._new_call.set()
            return self._reply(
                request,
                {"ok": False, "error_code": 400, "description": "Bad Request: message is too long"},
                400,
            )
        if method != "getUpdates":
            self.calls.append(Call(method, params, result=result))
            self._new_call.set()
        self._reply(request, {"ok": True, "result": result})

    @staticmethod
    def _params(request: RequestHandler) -> dict:
        body = request.request.body.decode() if request.request.body else ""
        ctype = request.request.headers.get("Content-Type", "")
        if "json" in ctype and body:
            return {
                k: v if isinstance(v, str) else json.dumps(v) for k, v in json.loads(body).items()
            }
        if "multipart" in ctype:
            return {k: v[0].decode() for k, v in request.request.body_arguments.items()}
        params = dict(parse_qsl(body, keep_blank_values=True))
        params.update({k: v[0].decode() for k, v in request.request.query_arguments.items()})
        return params

    @staticmethod
    def _reply(request: RequestHandler, payload: dict, status: int = 200) -> None:
        request.set_status(status)
        request.set_header("Content-Type", "application/json")
        request.finish(json.dumps(payload))

    async def _result(self, method: str, params: dict) -> object:
        if method == "getMe":
            return BOT
        if method == "getUpdates":
            offset = int(params.get("offset", 0) or 0)
            timeout = float(params.get("timeout", 0) or 0)
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            if not self.updates and timeout:
                self._new_update.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._new_update.wait(), min(timeout, 1.0))
            return self.updates[:100]
        if method in ("sendMessage", "editMessageText") and len(params.get("text", "")) > 4096:
            return None  # _handle answers 400, as Telegram does
        if method in ("sendMessage", "editMessageText"):
            chat_id = int(params["chat_id"]) if "chat_id" in params else 0
            message = {
                "message_id": int(params.get("message_id") or next(self._message_ids)),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "from": BOT,
                "text": params.get("text", ""),
            }
            if "reply_markup" in params:
                message["reply_markup"] = json.loads(params["reply_markup"])
            if params.get("message_thread_id"):
                message["message_thread_id"] = int(params["message_thread_id"])
                message["is_topic_message"] = True
            return message
        if method == "editMessageReplyMarkup":
            return True
        if method == "getMyCommands":
            return []
        if method == "getChat":
            chat_id = int(params["chat_id"])
            chat = {
                "id": chat_id,
                "type": "supergroup" if chat_id < 0 else "private",
                "title": "counselors",
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": {
                    "unlimited_gifts": False,
                    "limited_gifts": False,
                    "unique_gifts": False,
                    "gifts_from_channels": False,
                    "premium_subscription": False,
                },
            }
            if chat_id in self.forums:
                chat["is_forum"] = True
            return chat
        if method == "createForumTopic":
            return {
                "message_thread_id": next(self._threads),
                "name": params.get("name", ""),
                "icon_color": 7322096,
            }
        return True  # setMyCommands, deleteWebhook, answerCallbackQuery, sendChatAction...
