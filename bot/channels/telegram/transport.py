"""How the bot's calls reach the Bot API: python-telegram-bot's `BaseRequest` over aiohttp.

PTB's default client is httpx. Measured against the same loopback server, one `send_message`
costs about 0.9 ms of CPU through httpx and a third of that through aiohttp
(benchmarks/bench_bot_api.py), and sending is most of what the bot does. PTB documents
`BaseRequest` as the place to plug in another asyncio HTTP library (aiogram uses aiohttp by
default). Status codes, JSON and Telegram's errors (429, 400, 403, ...) stay PTB's job:
`do_request` only moves bytes and turns transport failures into PTB's `TimedOut`/`NetworkError`,
so PTB's retries and our handlers see what they always see.
"""

from __future__ import annotations

import aiohttp
from aiohttp.helpers import get_env_proxy_for_url
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from yarl import URL

__all__ = ["AiohttpRequest"]


def _timeout(value: object, default: float | None) -> float | None:
    """PTB passes DEFAULT_NONE for 'whatever you were built with'."""
    return default if isinstance(value, type(BaseRequest.DEFAULT_NONE)) else value  # type: ignore[return-value]


class AiohttpRequest(BaseRequest):
    """One aiohttp session per request object, created inside the running loop.

    A proxy comes from the usual environment (HTTPS_PROXY, NO_PROXY, credentials in the URL or
    ~/.netrc), looked up once per host with aiohttp's own helper: its `trust_env` does the same
    lookup in a thread on every request, which measured as 40 % of the client's CPU.

    Timeouts map onto aiohttp's: `connect` and `pool` -> waiting for a connection (from the
    pool or a new one), `read` -> the longest silence while reading the answer. aiohttp has no
    write timeout; a stalled write is caught by the read timeout that follows it.
    """

    def __init__(
        self,
        *,
        connection_pool_size: int = 8,
        read_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[tuple[str, str], tuple[URL | None, dict[str, str] | None]] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    def _proxy(self, url: str) -> tuple[URL | None, dict[str, str] | None]:
        """The proxy for this host and the header that logs in to it, if any."""
        parsed = URL(url)
        key = (parsed.scheme, parsed.host or "")
        if key not in self._proxies:
            try:
                proxy, auth = get_env_proxy_for_url(parsed)
            except LookupError:  # no proxy for this host, or NO_PROXY names it
                proxy, auth = None, None
            login = {"Proxy-Authorization": auth.encode()} if auth else None
            self._proxies[key] = (proxy, login)
        return self._proxies[key]

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        files = request_data.multipart_data if request_data else None
        read = _timeout(read_timeout, self._read_timeout)
        if files:  # uploads may take a while to write, and there is no write timeout here
            read = max(read or 0.0, _timeout(write_timeout, self._media_write_timeout) or 0.0)
        connect = _timeout(connect_timeout, self._connect_timeout)
        pool = _timeout(pool_timeout, self._pool_timeout)
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            sock_read=read,
        )
        data: object = request_data.json_parameters if request_data else None
        if files:
            form = aiohttp.FormData()
            for name, value in (request_data.json_parameters if request_data else {}).items():
                form.add_field(name, value)
            for name, (filename, content, mimetype) in files.items():
                form.add_field(name, content, filename=filename, content_type=mimetype)
            data = form
        proxy, login = self._proxy(url)
        # To an https URL the login goes on the proxy's CONNECT only, never inside the tunnel;
        # to a plain http URL the proxy reads it from the request itself.
        tunnel = url.startswith("https:")
        try:
            async with self._session.request(
                method,
                url,
                data=data,
                timeout=timeout,
                proxy=proxy,
                proxy_headers=login if tunnel else None,
                headers=None if tunnel else login,
            ) as response:
                return response.status, await response.read()
        except TimeoutError as err:  # aiohttp's timeouts (read, connect, pool) are TimeoutErrors
            raise TimedOut from err
        except aiohttp.ClientError as err:
            raise NetworkError(f"aiohttp.{type(err).__name__}: {err}") from err
