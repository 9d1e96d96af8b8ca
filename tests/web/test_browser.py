"""The web desk in a real browser: Playwright driving Debian's Chromium (installed by .ci/run;
nothing is downloaded at run time) against the app served by uvicorn on loopback, the store on
SQLite and PostgreSQL. Screenshots of the pages land in $MADOGUCHI_SCREENSHOTS (docs/ for the
README) or the test's temporary folder."""

from __future__ import annotations

import asyncio
import io
import os
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from rich.console import Console

from bot.channels.console import ConsoleChannel
from bot.core.assistant import Assistant
from bot.core.factory import Engine
from bot.core.turns import Incoming
from bot.store.database import Database
from bot.web.app import create_app
from tests.web.conftest import PASSWORD, staffed_desk

playwright = pytest.importorskip("playwright.async_api")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Chromium as this machine's network allows it: no background calls to the outside.
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if CHROMIUM is None:
    if os.environ.get("CI"):
        pytest.fail("Debian's chromium is not installed (.ci/run installs it)", pytrace=False)
    pytest.skip("chromium is not installed", allow_module_level=True)


@dataclass
class Served:
    url: str
    db: Database
    assistant: Assistant
    shots: Path


@pytest.fixture
async def served(engine: Engine, database_url: str, tmp_path: Path) -> AsyncIterator[Served]:
    db, assistant, web = await staffed_desk(engine, database_url)
    web.poll = 0.3
    app = create_app(web, secret_key="browser-test-key-" + "y" * 32)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    shots = Path(os.environ.get("MADOGUCHI_SCREENSHOTS") or tmp_path)
    yield Served(f"http://127.0.0.1:{port}", db, assistant, shots)
    server.should_exit = True
    await asyncio.wait_for(task, 10)
    await db.dispose()


@pytest.fixture
async def browser() -> AsyncIterator[object]:
    async with playwright.async_playwright() as p:
        chromium = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        await chromium.close()


async def logged_in(browser, served: Served, name: str):  # type: ignore[no-untyped-def]
    context = await browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 800})
    page = await context.new_page()
    await page.goto(f"{served.url}/queue")
    assert page.url.endswith("/login")  # anyone else gets the login page
    await page.fill("#name", name)
    await page.fill("#password", PASSWORD)
    await page.click("button[type=submit]")
    await page.wait_for_url(f"{served.url}/queue")
    return page


async def ticket_for(served: Served, user: str, *texts: str) -> int:
    for text in texts:
        await served.assistant.handle(Incoming(user, text))
    await served.assistant.handle(Incoming(user, action="human"))
    queue = await served.assistant.handoff.tickets.queue()
    return max(t.id for t in queue)


async def test_two_counselors_press_claim_and_the_loser_sees_who_has_it_without_reloading(
    served: Served, browser
) -> None:  # type: ignore[no-untyped-def]
    ticket = await ticket_for(
        served, "console:ne1", "मेरो तलब तीन महिनादेखि दिइएको छैन", "म मान्छेसँग कुरा गर्न चाहन्छु"
    )
    await ticket_for(served, "console:vi1", "tôi có bao nhiêu ngày nghỉ phép có lương?")
    sato = await logged_in(browser, served, "sato")
    tanaka = await logged_in(browser, served, "tanaka")
    await sato.screenshot(path=str(served.shots / "desk-queue.png"), full_page=True)
    # Both press at once. A real click waits for the button to be still and visible, and the
    # first claim's live update can take the button off the other page first: dispatched
    # clicks press both as two hands would.
    await asyncio.gather(
        sato.dispatch_event(f"[data-testid=claim-{ticket}]", "click"),
        tanaka.dispatch_event(f"[data-testid=claim-{ticket}]", "click"),
    )
    await asyncio.gather(*(p.wait_for_url(f"**/tickets/{ticket}*") for p in (sato, tanaka)))
    holder = (await served.assistant.handoff.tickets.get(ticket)).claimed_by
    assert holder in ("web:sato", "web:tanaka")
    loser, winner = (tanaka, sato) if holder == "web:sato" else (sato, tanaka)
    # Each pressed and landed on the ticket: the loser is told who has it.
    await loser.wait_for_selector(f"[data-testid=holder] >> text={holder}")
    assert "web:" in await loser.locator(".flash").first.inner_text()

    # The other way a claim shows: one counselor watches a ticket, another claims it; the
    # watcher's page changes within 2 s, without a reload.
    second = await ticket_for(served, "console:vi1b", "công ty không trả lương làm thêm giờ")
    await loser.goto(f"{served.url}/tickets/{second}")
    await loser.wait_for_selector("[data-testid=claim]")
    await winner.goto(f"{served.url}/queue")
    await winner.click(f"[data-testid=claim-{second}]")
    await loser.wait_for_selector(f"[data-testid=holder] >> text={holder}", timeout=2000)
    assert await loser.locator("[data-testid=claim]").count() == 0

    # A new ticket shows in an open queue without a reload, and so does a release made by
    # another process (a supervisor in Telegram, the terminal desk).
    await loser.goto(f"{served.url}/queue")
    third = await ticket_for(served, "console:ja1", "残業代が払われません")
    await loser.wait_for_selector(f"#ticket-{third}", timeout=2000)
    await served.assistant.handoff.tickets.release(second, holder, anyone=True)
    await loser.wait_for_selector(f"[data-testid=claim-{second}]", timeout=2000)


async def test_a_vietnamese_users_ticket_reply_and_entry_in_the_browser(
    served: Served, browser
) -> None:  # type: ignore[no-untyped-def]
    user = "console:vi2"
    ticket = await ticket_for(
        served,
        user,
        "tôi có bao nhiêu ngày nghỉ phép có lương?",
        "công ty không cho tôi nghỉ phép",
    )
    page = await logged_in(browser, served, "sato")
    await page.goto(f"{served.url}/tickets/{ticket}")
    title = served.assistant.content.entries["annual-paid-leave"].title["ja"]
    transcript = page.locator("[data-testid=transcript]")
    await transcript.get_by_text("tôi có bao nhiêu ngày nghỉ phép có lương?").wait_for()
    await transcript.get_by_text(f"日本語の要旨: [ベトナム語] {title}").first.wait_for()
    await page.click("[data-testid=claim]")
    await page.fill("[data-testid=reply-text]", "いつから休めていませんか？")
    await page.click("[data-testid=reply]")
    await page.fill("[data-testid=entry-search]", "有給")
    await page.wait_for_selector("[data-testid=send-annual-paid-leave]")
    assert await page.locator("[data-testid=choices] li").count() <= 3  # what matches, only
    vi = served.assistant.answer_text("annual-paid-leave", "vi")
    assert vi[:30] in await page.locator("[data-testid=choices]").inner_text()
    await page.screenshot(path=str(served.shots / "desk-ticket.png"), full_page=True)
    await page.click("[data-testid=send-annual-paid-leave]")
    await page.wait_for_load_state()

    # The user of the terminal chat receives both, the entry in Vietnamese.
    out = io.StringIO()
    terminal = ConsoleChannel(
        served.assistant, Console(file=out, width=200, force_terminal=False), user=user
    )
    for _ in range(50):
        await terminal._flush()
        if "いつから休めていませんか" in out.getvalue() and vi[:20] in out.getvalue():
            break
        await asyncio.sleep(0.1)
    shown = out.getvalue()
    assert "いつから休めていませんか" in shown
    assert vi[:20] in shown


async def test_a_counselor_sees_no_supervisor_actions_and_the_supervisor_takes_over(
    served: Served, browser
) -> None:  # type: ignore[no-untyped-def]
    ticket = await ticket_for(served, "console:vi3", "tôi bị quấy rối ở nơi làm việc")
    sato = await logged_in(browser, served, "sato")
    await sato.goto(f"{served.url}/tickets/{ticket}")
    await sato.click("[data-testid=claim]")
    tanaka = await logged_in(browser, served, "tanaka")
    await tanaka.goto(f"{served.url}/tickets/{ticket}")
    await tanaka.wait_for_selector("[data-testid=holder]")
    assert await tanaka.locator("[data-testid=takeover]").count() == 0
    refused = await tanaka.request.post(f"{served.url}/tickets/{ticket}/takeover")
    assert refused.status == 403  # no token, and no role: refused either way
    boss = await logged_in(browser, served, "boss")
    await boss.goto(f"{served.url}/tickets/{ticket}")
    await boss.click("[data-testid=takeover]")
    await boss.wait_for_selector("[data-testid=holder] >> text=web:boss")


async def test_the_insights_page_in_the_browser(served: Served, browser) -> None:  # type: ignore[no-untyped-def]
    for n, text in enumerate(
        [
            "làm sao để đổi bằng lái xe ở Nhật?",
            "lam sao doi bang lai xe o Nhat",
            "đổi bằng lái xe Nhật thế nào?",
            "運転免許の切り替えはどうすればいいですか",
        ]
    ):
        await served.assistant.handle(Incoming(f"console:i{n}", text))
    tickets = served.assistant.handoff.tickets
    for n, (user, text, score) in enumerate(
        [
            ("console:i9", "tôi bị đau lưng khi làm việc", 5),
            ("console:i10", "残業代が払われていません", 4),
            ("console:i11", "मेरो तलब आएन", 2),
        ]
    ):
        number = await ticket_for(served, user, text)
        await tickets.claim(number, "web:sato")
        closed = await tickets.close(number, "web:sato", "explained")
        assert closed is not None and closed.user_id is not None
        await tickets.rate(number, closed.user_id, score)
        await served.assistant.handle(Incoming(user, action="feedback:down:annual-paid-leave"))
        assert n >= 0
    boss = await logged_in(browser, served, "boss")
    await boss.click("[data-testid=insights]")
    await boss.wait_for_url(f"{served.url}/insights")
    assert await boss.locator("svg").count() >= 3
    await boss.goto(f"{served.url}/tickets/{number}")  # a closed ticket shows its rating
    assert await boss.locator("[data-testid=rating]").inner_text() == "★★☆☆☆"
    await boss.goto(f"{served.url}/insights")
    await boss.screenshot(path=str(served.shots / "insights.png"), full_page=True)
