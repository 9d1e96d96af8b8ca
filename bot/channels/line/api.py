"""The Messaging API through the official SDK (line-bot-sdk v3, its aiohttp client), and LINE's
answers translated into what the channel acts on.

Every LINE call of madoguchi goes through `LineApi`, so the host (MADOGUCHI_LINE_API_BASE_URL,
for the Messaging API and the data API alike), the timeouts and the meaning of each refusal
live in one place. A push carries a retry key (X-Line-Retry-Key): sent again after a timeout,
LINE accepts it once and answers 409 to the copy, which we count as delivered.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

import aiohttp
from linebot.v3.messaging import (
    AsyncApiClient,
    AsyncMessagingApi,
    AsyncMessagingApiBlob,
    Configuration,
    PushMessageRequest,
    ReplyMessageRequest,
)
from linebot.v3.messaging.exceptions import ApiException

__all__ = [
    "DEFAULT_API_BASE_URL",
    "BadReplyToken",
    "LineApi",
    "Quota",
    "Refused",
    "TryLater",
]

log = logging.getLogger(__name__)

DEFAULT_API_BASE_URL = "https://api.line.me"


class TryLater(Exception):
    """429, 5xx, a timeout, the network: the same call may succeed later."""

    def __init__(self, why: str, retry_after: float | None = None) -> None:
        super().__init__(why)
        self.retry_after = retry_after


class Refused(Exception):
    """LINE will not take this call however often it is tried (400, 403, 404...)."""

    def __init__(self, status: int, why: str) -> None:
        super().__init__(f"{status} {why}")
        self.status = status
        self.why = why


class BadReplyToken(Refused):
    """The event's reply token was used or has expired: push instead."""


@dataclass(frozen=True, slots=True)
class Quota:
    """This month's push messages: used, and the plan's limit (None: no limit)."""

    used: int
    limit: int | None

    @property
    def share(self) -> float | None:
        return None if not self.limit else self.used / self.limit


def _message(exc: ApiException) -> str:
    try:
        body = json.loads(exc.body or b"{}")
    except (ValueError, TypeError):
        return exc.reason or ""
    return str(body.get("message") or exc.reason or "") if isinstance(body, dict) else ""


class LineApi:
    def __init__(self, access_token: str, *, base_url: str | None = None, timeout: float = 10.0):
        host = (base_url or DEFAULT_API_BASE_URL).rstrip("/")
        # One host for both: the data API (content, rich menu images) is a different host at
        # LINE, and the same stand-in in tests.
        self._client = AsyncApiClient(Configuration(host=host, access_token=access_token))
        self._blob_client = AsyncApiClient(Configuration(host=host, access_token=access_token))
        self.messaging = AsyncMessagingApi(self._client)
        self.blob = AsyncMessagingApiBlob(self._blob_client)
        self.timeout = aiohttp.ClientTimeout(total=timeout)

    async def close(self) -> None:
        await self._client.close()
        await self._blob_client.close()

    async def _call(self, what: str, call: Any) -> Any:
        try:
            return await call
        except ApiException as exc:
            status = int(exc.status or 0)
            why = _message(exc)
            if status == 429 or status >= 500:
                after = (exc.headers or {}).get("Retry-After")
                raise TryLater(f"{what}: {status} {why}", _seconds(after)) from None
            raise Refused(status, why) from None
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise TryLater(f"{what}: {type(exc).__name__}") from None

    async def reply(self, token: str, messages: list) -> None:
        try:
            await self._call(
                "reply",
                self.messaging.reply_message(
                    ReplyMessageRequest(reply_token=token, messages=messages),
                    _request_timeout=self.timeout,
                ),
            )
        except Refused as exc:
            if exc.status == 400 and "reply token" in exc.why.lower():
                raise BadReplyToken(exc.status, exc.why) from None
            raise

    async def push(self, to: str, messages: list, *, retry_key: str) -> None:
        """Sent once however often it is called with the same `retry_key` (a UUID)."""
        try:
            await self._call(
                "push",
                self.messaging.push_message(
                    PushMessageRequest(to=to, messages=messages),
                    x_line_retry_key=retry_key,
                    _request_timeout=self.timeout,
                ),
            )
        except Refused as exc:
            if exc.status == 409:  # this retry key was accepted before: it went out
                log.info("push already accepted under its retry key")
                return
            raise

    async def profile_language(self, user_id: str) -> str | None:
        """The language the user set in LINE, when LINE tells (it may not)."""
        try:
            profile = await self._call(
                "profile",
                self.messaging.get_profile(user_id, _request_timeout=self.timeout),
            )
        except (TryLater, Refused) as exc:
            log.info("LINE profile not read: %s", type(exc).__name__)
            return None
        return getattr(profile, "language", None)

    async def quota(self) -> Quota:
        limit = await self._call(
            "quota", self.messaging.get_message_quota(_request_timeout=self.timeout)
        )
        used = await self._call(
            "quota consumption",
            self.messaging.get_message_quota_consumption(_request_timeout=self.timeout),
        )
        capped = getattr(limit, "type", "none") == "limited"
        return Quota(int(used.total_usage or 0), int(limit.value) if capped else None)


def _seconds(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None
