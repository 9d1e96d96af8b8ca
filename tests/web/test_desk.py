"""The web desk over HTTP: who gets in, what a form needs, what each role may do, and the
desk's work reaching users, on SQLite and PostgreSQL. (The browser suite drives the same app
in Chromium: tests/web/test_browser.py.)"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlmodel import select

from bot.core.assistant import Assistant
from bot.core.factory import Engine
from bot.core.turns import Incoming
from bot.store.database import Database
from bot.store.tables import LoginFailure, Outbox, Ticket
from bot.web.app import create_app
from bot.web.auth import LoginThrottle
from tests.web.conftest import PASSWORD, staffed_desk


@dataclass
class Web:
    db: Database
    assistant: Assistant
    app: object

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app),  # type: ignore[arg-type]
            base_url="http://desk.test",
            follow_redirects=True,
        )

    @asynccontextmanager
    async def logged_in(self, name: str) -> AsyncIterator[httpx.AsyncClient]:
        async with self.client() as client:
            form = await client.get("/login")
            response = await client.post(
                "/login", data={"name": name, "password": PASSWORD, "csrf": csrf_of(form.text)}
            )
            assert response.status_code == 200 and "/queue" in str(response.url)
            yield client

    async def ticket_for(self, user: str, text: str) -> int:
        """The user writes, then asks for a person (the button): a ticket opens."""
        await self.assistant.handle(Incoming(user, text))
        await self.assistant.handle(Incoming(user, action="human"))
        async with self.db.session() as session:
            tickets = (await session.exec(select(Ticket).order_by(Ticket.id))).all()
        return tickets[-1].id


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page carries a CSRF token"
    return found.group(1)


@pytest.fixture
async def web(engine: Engine, database_url: str) -> AsyncIterator[Web]:
    db, assistant, desk = await staffed_desk(engine, database_url)
    app = create_app(desk, secret_key="test-secret-key-" + "x" * 32, throttle=LoginThrottle())
    yield Web(db, assistant, app)
    await db.dispose()


async def test_anyone_not_logged_in_gets_the_login_page_for_every_page_and_fragment(
    web: Web,
) -> None:
    ticket = await web.ticket_for("console:vi1", "tôi muốn nói chuyện với nhân viên tư vấn")
    async with web.client() as client:
        for path in (
            "/",
            "/queue",
            "/queue/rows",
            f"/tickets/{ticket}",
            f"/tickets/{ticket}/head",
            f"/tickets/{ticket}/transcript",
            f"/tickets/{ticket}/entries?q=leave",
            "/events",
        ):
            response = await client.get(path)
            assert str(response.url).endswith("/login"), path
            assert 'name="password"' in response.text, path
        fragment = await client.get("/queue/rows", headers={"HX-Request": "true"})
        assert fragment.status_code == 401 and fragment.headers["HX-Redirect"] == "/login"
        claim = await client.post(f"/tickets/{ticket}/claim", data={"csrf": "forged"})
        assert str(claim.url).endswith("/login")
    async with web.db.session() as session:
        assert (await session.get(Ticket, ticket)).status == "open"


async def test_a_wrong_password_is_told_plainly_and_guessing_is_slowed(web: Web) -> None:
    async with web.client() as client:
        token = csrf_of((await client.get("/login")).text)
        for _ in range(5):
            wrong = await client.post(
                "/login", data={"name": "sato", "password": "wrong password!", "csrf": token}
            )
            assert wrong.status_code == 401
            assert "名前またはパスワードが違います。" in wrong.text
        blocked = await client.post(
            "/login", data={"name": "sato", "password": PASSWORD, "csrf": token}
        )
        assert blocked.status_code == 429
        assert "ログインの失敗が多すぎます" in blocked.text


async def test_every_worker_counts_the_same_failed_logins(
    engine: Engine, database_url: str
) -> None:
    """Two `madoguchi web` processes over one store: failures at either count at both, so two
    workers do not give a guesser twice the tries, and the store keeps no name as typed."""
    db, assistant, desk = await staffed_desk(engine, database_url)
    key = "test-secret-key-" + "x" * 32
    first, second = (Web(db, assistant, create_app(desk, secret_key=key)) for _ in range(2))
    try:
        async with first.client() as one, second.client() as two:
            tokens = {c: csrf_of((await c.get("/login")).text) for c in (one, two)}
            for client in (one, two, one, two, one):
                wrong = await client.post(
                    "/login",
                    data={
                        "name": "Sato",
                        "password": "my-secret-typed-here",
                        "csrf": tokens[client],
                    },
                )
                assert wrong.status_code == 401
            blocked = await two.post(
                "/login", data={"name": "sato", "password": PASSWORD, "csrf": tokens[two]}
            )
            assert blocked.status_code == 429
        async with db.session() as session:
            keys = (await session.exec(select(LoginFailure.key))).all()
        assert len(keys) == 10  # five failures, each under the name and the address
        assert not any("sato" in k.lower() or "secret" in k for k in keys)
        # keyed with the desk's secret: hashing a guessed name does not find it
        assert hashlib.sha256(b"name:sato").hexdigest() not in keys
    finally:
        await db.dispose()


async def test_the_throttle_forgets_after_its_window(db: Database) -> None:
    throttle = LoginThrottle(attempts=2, window=300)
    start = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)
    async with db.session() as session:
        for minute in (0, 1):
            await throttle.failed(session, "name:sato", now=start + dt.timedelta(minutes=minute))
        assert await throttle.wait(session, "name:sato", now=start + dt.timedelta(minutes=2)) == 180
        assert await throttle.wait(session, "name:tanaka", now=start + dt.timedelta(minutes=2)) == 0
        assert await throttle.wait(session, "name:sato", now=start + dt.timedelta(minutes=5)) == 0
        await throttle.failed(session, "name:sato", now=start + dt.timedelta(minutes=5))
        await throttle.failed(session, "name:sato", now=start + dt.timedelta(minutes=6))
        assert await throttle.wait(session, "name:sato", now=start + dt.timedelta(minutes=7)) > 0
        await throttle.succeeded(session, "name:sato")
        assert await throttle.wait(session, "name:sato", now=start + dt.timedelta(minutes=7)) == 0
        # the window's past was dropped when the later failures were recorded
        assert len((await session.exec(select(LoginFailure))).all()) == 0


async def test_a_form_without_the_sessions_csrf_token_is_refused(web: Web) -> None:
    ticket = await web.ticket_for("console:vi1", "tôi muốn nói chuyện với nhân viên tư vấn")
    async with web.logged_in("sato") as client:
        refused = await client.post(f"/tickets/{ticket}/claim", data={})
        assert refused.status_code == 403
        assert "有効期限" in refused.text
        forged = await client.post(f"/tickets/{ticket}/claim", data={"csrf": "x" * 43})
        assert forged.status_code == 403
        async with web.db.session() as session:
            assert (await session.get(Ticket, ticket)).status == "open"
        page = await client.get("/queue")
        done = await client.post(f"/tickets/{ticket}/claim", data={"csrf": csrf_of(page.text)})
        assert done.status_code == 200
    async with web.db.session() as session:
        assert (await session.get(Ticket, ticket)).claimed_by == "web:sato"


async def test_a_counselor_cannot_take_over_and_a_supervisor_can(web: Web) -> None:
    ticket = await web.ticket_for("console:vi1", "tôi muốn nói chuyện với nhân viên tư vấn")
    async with (
        web.logged_in("sato") as sato,
        web.logged_in("tanaka") as tanaka,
        web.logged_in("boss") as boss,
    ):
        page = await sato.get(f"/tickets/{ticket}")
        await sato.post(f"/tickets/{ticket}/claim", data={"csrf": csrf_of(page.text)})
        page = await tanaka.get(f"/tickets/{ticket}")
        assert "takeover" not in page.text  # not even offered
        refused = await tanaka.post(
            f"/tickets/{ticket}/takeover", data={"csrf": csrf_of(page.text)}
        )
        assert refused.status_code == 403
        page = await boss.get(f"/tickets/{ticket}")
        assert 'data-testid="takeover"' in page.text
        await boss.post(f"/tickets/{ticket}/takeover", data={"csrf": csrf_of(page.text)})
    async with web.db.session() as session:
        assert (await session.get(Ticket, ticket)).claimed_by == "web:boss"


async def test_two_counselors_claim_at_once_and_exactly_one_wins(web: Web) -> None:
    ticket = await web.ticket_for("console:ne1", "म मान्छेसँग कुरा गर्न चाहन्छु")
    async with web.logged_in("sato") as sato, web.logged_in("tanaka") as tanaka:
        tokens = [csrf_of((await c.get("/queue")).text) for c in (sato, tanaka)]
        await asyncio.gather(
            sato.post(f"/tickets/{ticket}/claim", data={"csrf": tokens[0]}),
            tanaka.post(f"/tickets/{ticket}/claim", data={"csrf": tokens[1]}),
        )
        async with web.db.session() as session:
            holder = (await session.get(Ticket, ticket)).claimed_by
        assert holder in ("web:sato", "web:tanaka")
        loser = tanaka if holder == "web:sato" else sato
        head = await loser.get(f"/tickets/{ticket}/head")
        assert f"担当：{holder}" in head.text


async def test_a_vietnamese_question_shows_with_its_japanese_gist(web: Web) -> None:
    user = "console:vi2"
    await web.assistant.handle(Incoming(user, "tôi có bao nhiêu ngày nghỉ phép có lương?"))
    ticket = await web.ticket_for(user, "tôi muốn nói chuyện với nhân viên tư vấn")
    async with web.logged_in("sato") as client:
        page = await client.get(f"/tickets/{ticket}")
    title = web.assistant.content.entries["annual-paid-leave"].title["ja"]
    assert "tôi có bao nhiêu ngày nghỉ phép có lương?" in page.text
    assert f"日本語の要旨: [ベトナム語] {title}" in page.text
    assert "ベトナム語" in page.text and "チャネル: console" in page.text


async def test_a_reply_and_an_entry_from_the_web_reach_the_user_in_their_language(
    web: Web,
) -> None:
    ticket = await web.ticket_for("console:vi3", "tôi muốn nói chuyện với nhân viên tư vấn")
    async with web.logged_in("sato") as client:
        page = await client.get(f"/tickets/{ticket}")
        await client.post(f"/tickets/{ticket}/claim", data={"csrf": csrf_of(page.text)})
        page = await client.get(f"/tickets/{ticket}")
        token = csrf_of(page.text)
        await client.post(
            f"/tickets/{ticket}/reply", data={"csrf": token, "text": "給与明細を見せてください。"}
        )
        picker = await client.get(f"/tickets/{ticket}/entries?q=有給")
        assert 'data-testid="send-annual-paid-leave"' in picker.text
        vi_answer = web.assistant.answer_text("annual-paid-leave", "vi")
        assert vi_answer[:40] in picker.text  # the preview in the user's language
        await client.post(
            f"/tickets/{ticket}/send", data={"csrf": token, "entry": "annual-paid-leave"}
        )
        shown = await client.get(f"/tickets/{ticket}")
        assert "給与明細を見せてください。" in shown.text  # the counselor's line in the transcript
    async with web.db.session() as session:
        sent = (
            await session.exec(select(Outbox).where(Outbox.chat_id == "vi3").order_by(Outbox.id))
        ).all()
    texts = [item.text for item in sent]
    assert any("給与明細を見せてください。" in text for text in texts)
    assert vi_answer in texts


async def test_pages_carry_strict_security_headers_and_logs_no_message_text(
    web: Web, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    secret = "tôi bị quấy rối ở nơi làm việc và muốn nói chuyện với người"
    ticket = await web.ticket_for("console:vi4", secret)
    async with web.logged_in("sato") as client:
        page = await client.get(f"/tickets/{ticket}")
        assert "default-src 'self'" in page.headers["Content-Security-Policy"]
        assert page.headers["X-Frame-Options"] == "DENY"
        assert page.headers["Cache-Control"] == "no-store"
        cookie = page.headers.get("set-cookie", "") or str(client.cookies)
        await client.post(f"/tickets/{ticket}/claim", data={"csrf": csrf_of(page.text)})
    assert "madoguchi_desk" in cookie or client.cookies.get("madoguchi_desk") is not None
    assert all(secret not in record.getMessage() for record in caplog.records)


async def test_the_queue_pages_and_filters(web: Web) -> None:
    for n in range(3):
        await web.ticket_for(f"console:q{n}", "tôi muốn nói chuyện với nhân viên tư vấn")
    await web.ticket_for("console:qja", "相談員と話したいです")
    async with web.logged_in("sato") as client:
        everything = await client.get("/queue")
        assert everything.text.count('data-testid="claim-') == 4
        vietnamese = await client.get("/queue?lang=vi")
        assert vietnamese.text.count('data-testid="claim-') == 3
        english = await client.post(
            "/language", data={"lang": "en", "csrf": csrf_of(everything.text)}
        )
        assert "Queue" in english.text and "Claim" in english.text


def test_the_shipped_htmx_is_served_from_the_package() -> None:
    static = Path(__file__).resolve().parents[2] / "bot" / "web" / "static"
    assert (static / "htmx.min.js").stat().st_size > 40_000
    assert (static / "htmx-sse.js").exists()


def test_accounts_are_made_from_the_command_line(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from bot.cli import app

    monkeypatch.setenv("MADOGUCHI_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'desk.db'}")
    runner = CliRunner()
    add = ["web", "user", "add", "suzuki", "--role", "supervisor", "--password-stdin"]
    made = runner.invoke(app, add, input=f"{PASSWORD}\n")
    assert made.exit_code == 0, made.output
    assert "suzuki (supervisor)" in made.output
    again = runner.invoke(app, add, input=f"{PASSWORD}\n")
    assert again.exit_code == 1 and "exists already" in again.output
    short = runner.invoke(app, [*add[:3], "kato", "--password-stdin"], input="short\n")
    assert short.exit_code == 1 and "at least 10 characters" in short.output
    role = runner.invoke(app, [*add[:3], "kato", "--role", "boss", "--password-stdin"], input="x\n")
    assert role.exit_code == 1 and "counselor or supervisor" in role.output


async def test_insights_are_for_supervisors_with_each_charts_data_as_csv(web: Web) -> None:
    await web.ticket_for("console:vi5", "làm sao để đổi bằng lái xe ở Nhật?")
    async with web.logged_in("sato") as counselor:
        refused = await counselor.get("/insights")
        assert refused.status_code == 403
        assert 'data-testid="insights"' not in (await counselor.get("/queue")).text
    async with web.logged_in("boss") as boss:
        assert 'data-testid="insights"' in (await boss.get("/queue")).text
        page = await boss.get("/insights?days=7")
        assert page.status_code == 200 and "<svg" in page.text
        assert "default-src 'self'" in page.headers["Content-Security-Policy"]
        csv = await boss.get("/insights/handoffs.csv")
        assert csv.headers["content-type"].startswith("text/csv")
        assert "attachment" in csv.headers["content-disposition"]
        assert csv.text.lstrip("\ufeff").splitlines()[0]
        assert (await boss.get("/insights/nothing.csv")).status_code == 404


def test_the_insights_page_is_written_for_offline_use(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from bot.cli import app

    monkeypatch.setenv("MADOGUCHI_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'r.db'}")
    target = tmp_path / "insights.html"
    result = CliRunner().invoke(app, ["report", "insights", "--html", str(target), "--days", "7"])
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    assert "<style>" in html and "data:text/csv" in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
