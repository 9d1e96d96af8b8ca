"""The web desk and Telegram on one store: a counselor on the web helps a Telegram user."""

from __future__ import annotations

import re

import httpx

from bot.handoff.desk import Desk
from bot.store import accounts
from bot.web.app import create_app, desk_web
from bot.web.auth import hash_password
from tests.e2e.conftest import COUNSELORS_CHAT, Telegram

VI = 701
PASSWORD = "correct horse battery"


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found
    return found.group(1)


async def test_a_reply_typed_in_the_web_desk_reaches_the_telegram_user(telegram: Telegram) -> None:
    t = telegram
    async with t.db.session() as session:
        await accounts.create_account(
            session=session, name="sato", role="counselor", password_hash=hash_password(PASSWORD)
        )
    web = desk_web(Desk(t.assistant.handoff, t.assistant.answer_text), t.assistant.answer_text)
    app = create_app(web, secret_key="e2e-web-key-" + "z" * 32)

    t.api.message(VI, "cho tôi nói chuyện với nhân viên tư vấn", language_code="vi")
    await t.api.wait_for(
        lambda: any("#1" in c.params["text"] for c in t.api.sent(COUNSELORS_CHAT)), timeout=20
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://desk.test", follow_redirects=True
    ) as client:
        login = await client.get("/login")
        await client.post(
            "/login", data={"name": "sato", "password": PASSWORD, "csrf": csrf_of(login.text)}
        )
        page = await client.get("/tickets/1")
        assert "ベトナム語" in page.text and "チャネル: telegram" in page.text
        await client.post("/tickets/1/claim", data={"csrf": csrf_of(page.text)})
        await client.post(
            "/tickets/1/reply",
            data={"csrf": csrf_of(page.text), "text": "どの会社で働いていますか？"},
        )
        await client.post(
            "/tickets/1/send", data={"csrf": csrf_of(page.text), "entry": "annual-paid-leave"}
        )
    vi = t.assistant.catalogs("vi")
    await t.api.wait_for(
        lambda: any(
            vi.gettext("A counselor has joined. You can write to them here.") in c.params["text"]
            for c in t.api.sent(VI)
        )
    )
    await t.api.wait_for(
        lambda: any("どの会社で働いていますか" in c.params["text"] for c in t.api.sent(VI))
    )
    entry = t.assistant.answer_text("annual-paid-leave", "vi")
    await t.api.wait_for(lambda: any(entry[:40] in c.params["text"] for c in t.api.sent(VI)))
