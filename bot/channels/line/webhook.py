"""LINE calls us: POST /line/webhook, signed with the channel secret.

The cheapest checks come first: the announced length, then the X-Line-Signature (an HMAC-SHA256
of the raw body, compared in constant time) before a byte is parsed or stored; a bad one gets
401 and nothing else happens. Then the SDK's parser builds the events, the channel stores them
(`LineChannel.receive`), and LINE gets its 200 while the answers are worked out. A store that
fails answers 500, so LINE (with redelivery on) sends the events again; redelivered events are
recognised by their webhookEventId and answered once. Nothing a caller sent is logged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging

from aiohttp import web
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.webhook import WebhookParser

from bot.channels.line.handlers import LineChannel

__all__ = ["MAX_BODY", "PATH", "SIGNATURE_HEADER", "routes", "signature"]

log = logging.getLogger(__name__)

PATH = "/line/webhook"
SIGNATURE_HEADER = "X-Line-Signature"
MAX_BODY = 1024 * 1024  # LINE's calls carry a few events; 1 MiB is generous


def signature(secret: str, body: bytes) -> str:
    """What LINE puts in X-Line-Signature for `body`."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def routes(channel: LineChannel, secret: str, *, max_body: int = MAX_BODY) -> web.Application:
    if not secret:
        raise ValueError("the LINE webhook needs the channel secret to check LINE's signature")
    parser = WebhookParser(secret)
    expected_key = secret.encode()

    async def webhook(request: web.Request) -> web.Response:
        if request.content_length is not None and request.content_length > max_body:
            log.warning("line webhook refused: body too large")
            return web.json_response({"error": "too large"}, status=413)
        given = request.headers.get(SIGNATURE_HEADER, "")
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            log.warning("line webhook refused: body too large")
            return web.json_response({"error": "too large"}, status=413)
        wanted = base64.b64encode(hmac.new(expected_key, body, hashlib.sha256).digest())
        if not given or not hmac.compare_digest(wanted, given.encode("utf-8", "replace")):
            log.warning("line webhook refused: bad signature")
            return web.json_response({"error": "bad signature"}, status=401)
        try:
            events = parser.parse(body.decode("utf-8"), given)
        except (InvalidSignatureError, ValueError, KeyError, TypeError) as exc:
            log.warning("line webhook refused: unreadable body (%s)", type(exc).__name__)
            return web.json_response({"error": "bad request"}, status=400)
        try:
            started = await channel.receive(events)
        except Exception as exc:
            log.error(
                "line webhook: events not stored (%s); LINE may send them again",
                type(exc).__name__,
            )
            return web.json_response({"error": "not stored"}, status=500)
        log.info("line webhook events=%d turns=%d", len(events), started)
        return web.json_response({})

    app = web.Application(client_max_size=max_body)
    app.router.add_post(PATH, webhook)
    return app
