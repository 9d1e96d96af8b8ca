"""LINE from the outside: the stand-in calls the real webhook with signed events, the real
line-bot-sdk client answers it; Telegram's counselors' group on its own loopback Bot API; the
store on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import pytest
from sqlmodel import func, select

from bot.channels.line.app import LineService
from bot.core.assistant import Assistant
from bot.core.factory import Engine, build_assistant
from bot.settings import Settings
from bot.store.database import Database
from bot.store.migrate import upgrade
from bot.store.tables import Message, Outbox, Ticket, User
from tests.e2e.conftest import COUNSELOR, COUNSELORS_CHAT, Telegram, running_bot
from tests.e2e.lineapi import SECRET, TOKEN, FakeLineAPI

VI, NE, JA, EN = "Uvi0001", "Une0002", "Uja0003", "Uen0004"


@dataclass
class Line:
    api: FakeLineAPI
    db: Database
    assistant: Assistant
    service: LineService
    settings: Settings

    def answers(self, user: str) -> list[str]:
        return [s.text for s in self.api.to(user)]

    async def until(self, user: str, needle: str, timeout: float = 15.0) -> str:
        await self.api.wait_for(lambda: any(needle in a for a in self.answers(user)), timeout)
        return next(a for a in self.answers(user) if needle in a)

    async def count(self, table) -> int:  # type: ignore[no-untyped-def]
        async with self.db.session() as session:
            return (await session.exec(select(func.count()).select_from(table))).one()


@asynccontextmanager
async def running_line(engine: Engine, url: str, **overrides: object) -> AsyncIterator[Line]:
    api = FakeLineAPI()
    base_url = await api.start()
    db = Database(url)
    await upgrade(db)
    fields: dict = {
        "line_channel_secret": SECRET,
        "line_channel_access_token": TOKEN,
        "line_api_base_url": base_url,
        "line_webhook_port": 0,
        "counselor_chat_id": COUNSELORS_CHAT,
        "counselor_ids": [COUNSELOR],
        "business_hours": "Mon-Sun 00:00-23:59 Asia/Tokyo",
        **overrides,
    }
    settings = Settings(**fields, _env_file=None)
    assistant = build_assistant(settings, engine=engine, db=db)
    service = LineService(settings, assistant, delivery_interval=0.2, timeout=2.0)
    await service.start()
    api.webhook_url = f"http://127.0.0.1:{service.port}/line/webhook"
    try:
        yield Line(api, db, assistant, service, settings)
    finally:
        await service.stop(drain=5.0)
        await api.stop()
        await db.dispose()


@pytest.fixture
async def line(engine: Engine, database_url: str) -> AsyncIterator[Line]:
    async with running_line(engine, database_url) as running:
        yield running


async def test_a_vietnamese_question_is_answered_by_reply_with_its_source_and_buttons(
    line: Line,
) -> None:
    assert (
        await line.api.call(line.api.text(VI, "tôi có bao nhiêu ngày nghỉ phép có lương?")) == 200
    )
    entry = line.assistant.content.entries["annual-paid-leave"]
    answer = await line.until(VI, entry.answer["vi"][:30])
    sent = next(s for s in line.api.to(VI) if s.text == answer)
    assert sent.kind == "reply"  # free: the event's reply token, not the push quota
    assert str(entry.sources[0].url) in answer
    # "How many days?" also starts the paid-leave self-check: the answer keeps its buttons in
    # a bubble, the check's first question gets quick replies (the next step).
    assert sent.quick_replies, "the last message carries quick replies"
    buttons = sent.bubble_buttons + sent.quick_replies
    assert all(b["type"] == "postback" for b in buttons)
    assert line.api.usage == 0

    # A button pressed comes back as a postback and is answered like a button.
    press = next(b for b in buttons if b["data"].startswith("feedback:up"))
    await line.api.call(line.api.postback(VI, press["data"]))
    vi = line.assistant.catalogs("vi")
    await line.until(VI, vi.gettext("Thank you for your feedback."))


async def test_a_nepali_urgent_message_gets_help_lines_and_a_ticket(line: Line) -> None:
    await line.api.call(line.api.text(NE, "मेरो साथी काममा लडेर धेरै रगत बगिरहेको छ, के गर्ने?"))
    urgent = await line.until(NE, "119")
    assert "110" in urgent
    sent = next(s for s in line.api.to(NE) if "119" in s.text)
    assert sent.kind == "reply"
    async with line.db.session() as session:
        ticket = (await session.exec(select(Ticket))).one()
    assert (ticket.reason, ticket.priority, ticket.lang) == ("urgent", 0, "ne")
    async with line.db.session() as session:
        announce = (await session.exec(select(Outbox).where(Outbox.purpose == "announce"))).one()
    assert announce.channel == "telegram" and "ネパール語" in announce.text
    assert "チャットアプリ：LINE" in announce.text  # pushes to LINE cost quota: say where


async def test_a_bad_signature_gets_401_and_nothing_is_stored(line: Line) -> None:
    event = line.api.text(VI, "tôi có bao nhiêu ngày nghỉ phép?")
    assert await line.api.call(event, signature="bm90IHRoZSBzaWduYXR1cmU=") == 401
    assert await line.api.call(event, signature="") == 401
    await asyncio.sleep(0.3)
    assert line.api.sent == []
    assert await line.count(Message) == 0
    assert await line.count(User) == 0


async def test_a_redelivered_event_is_answered_once(line: Line) -> None:
    event = line.api.text(EN, "How many days of paid leave do I get?")
    assert await line.api.call(event) == 200
    await line.api.wait_for(lambda: line.api.to(EN))
    assert await line.api.call(line.api.redelivered(event)) == 200
    await asyncio.sleep(0.5)
    assert len(line.api.to(EN)) == 1
    assert await line.count(Message) == 2  # the question once, its answer once


async def test_an_expired_reply_token_falls_back_to_push(line: Line) -> None:
    event = line.api.text(EN, "How many days of paid leave do I get?")
    line.api.expire(event)
    await line.api.call(event)
    entry = line.assistant.content.entries["annual-paid-leave"]
    await line.until(EN, entry.answer["en"][:30])
    assert [s.kind for s in line.api.to(EN)] == ["push"]
    assert line.api.usage == 1


async def test_stickers_and_places_get_a_polite_word_in_the_users_language(line: Line) -> None:
    line.api.profiles[VI] = "vi"
    polite = line.assistant.catalogs("vi").gettext(
        "I can only read text. Please write your question in words."
    )
    assert polite != "I can only read text. Please write your question in words."
    await line.api.call(line.api.sticker(VI))
    await line.until(VI, polite)
    await line.api.call(line.api.location(VI))
    await line.api.wait_for(lambda: line.answers(VI) == [polite, polite])


async def test_a_follow_greets_in_the_profile_language_with_the_language_picker(
    line: Line,
) -> None:
    line.api.profiles[VI] = "vi"
    await line.api.call(line.api.follow(VI))
    await line.api.wait_for(lambda: line.api.to(VI))
    greeting = line.api.to(VI)[0]
    assert greeting.kind == "reply"
    hello = line.assistant.replies.intent(line.assistant.catalogs("vi"), "greeting", 1.0)
    picker = [b["data"] for b in greeting.bubble_buttons]
    assert "lang:vi" in picker and "lang:ne" in picker  # stays in the chat: a Flex bubble
    assert any(q["data"].startswith("menu:") for q in greeting.quick_replies)  # the next step
    assert greeting.texts[0].startswith(hello.text), "Vietnamese, from the LINE profile"

    # A language picked from the bubble is kept.
    await line.api.call(line.api.postback(VI, "lang:ne"))
    await line.api.wait_for(lambda: len(line.api.to(VI)) == 2)
    assert not line.api.to(VI)[1].text.isascii()


async def test_typed_commands_work_as_on_telegram(line: Line) -> None:
    await line.api.call(line.api.text(EN, "/menu"))
    await line.api.wait_for(lambda: line.api.to(EN))
    menu = line.api.to(EN)[0]
    assert any(q["data"].startswith("menu:") for q in menu.quick_replies)


@pytest.fixture
async def both(engine: Engine, database_url: str) -> AsyncIterator[tuple[Line, Telegram]]:
    """Two processes on one store: the Telegram bot with the counselors' group, the LINE side."""
    async with (
        running_bot(engine, database_url) as telegram,
        running_line(engine, database_url) as line,
    ):
        yield line, telegram


async def _claimed_by_telegram(line: Line, t: Telegram, user: str, question: str) -> int:
    await line.api.call(line.api.text(user, question))
    await line.api.wait_for(lambda: line.api.to(user))
    await line.api.call(line.api.postback(user, "human"))
    await t.api.wait_for(
        lambda: any("#1" in c.params["text"] for c in t.api.sent(COUNSELORS_CHAT)), timeout=20
    )
    announcement = next(c for c in t.api.sent(COUNSELORS_CHAT) if "#1" in c.params["text"])
    chat = {"id": COUNSELORS_CHAT, "type": "supergroup", "title": "counselors"}
    t.api.press(COUNSELOR, "claim:1", {**announcement.result, "chat": chat})
    return 1


async def test_a_counselor_in_the_telegram_group_helps_a_line_user(
    both: tuple[Line, Telegram],
) -> None:
    line, t = both
    vi = line.assistant.catalogs("vi")
    await _claimed_by_telegram(line, t, VI, "công ty không trả lương làm thêm giờ cho tôi")
    await line.until(VI, vi.gettext("A counselor has joined. You can write to them here."))
    assert "ベトナム語" in next(
        c.params["text"] for c in t.api.sent(COUNSELORS_CHAT) if "#1" in c.params["text"]
    )

    # The user writes on LINE: it reaches the group.
    await line.api.call(line.api.text(VI, "từ tháng trước, khoảng 20 giờ"))
    await t.api.wait_for(
        lambda: any("20 giờ" in c.params["text"] for c in t.api.sent(COUNSELORS_CHAT))
    )
    # The counselor answers in the group: it reaches LINE by push, once.
    t.api.message(
        COUNSELOR,
        "/reply 1 タイムカードの写しはありますか？",
        chat={"id": COUNSELORS_CHAT, "type": "supergroup", "title": "counselors"},
    )
    relayed = await line.until(VI, "タイムカード")
    assert [s.kind for s in line.api.to(VI) if s.text == relayed] == ["push"]


async def test_after_unfollow_nothing_is_sent_and_the_counselor_is_told(
    both: tuple[Line, Telegram],
) -> None:
    line, t = both
    ja = line.assistant.catalogs("ja")
    desk = line.assistant.catalogs("ja")
    await _claimed_by_telegram(line, t, JA, "有給休暇の取り方について相談したいです。")
    await line.until(JA, ja.gettext("A counselor has joined. You can write to them here."))
    before = len(line.api.to(JA))

    assert await line.api.call(line.api.unfollow(JA)) == 200
    left = desk.gettext(
        "#{id}: the user blocked the bot: nothing sent to them arrives until they add "
        "it again. Close the ticket with a note when you are done.",
        id=1,
    )
    await t.api.wait_for(lambda: any(c.params["text"] == left for c in t.api.sent(COUNSELORS_CHAT)))
    t.api.message(
        COUNSELOR,
        "/reply 1 まだいらっしゃいますか？",
        chat={"id": COUNSELORS_CHAT, "type": "supergroup", "title": "counselors"},
    )
    not_delivered = desk.gettext(
        "#{id}: not delivered: {why}", id=1, why=desk.gettext("the user has blocked the bot")
    )
    await t.api.wait_for(
        lambda: any(c.params["text"] == not_delivered for c in t.api.sent(COUNSELORS_CHAT))
    )
    await asyncio.sleep(0.5)
    assert len(line.api.to(JA)) == before
    async with line.db.session() as session:
        user = (await session.exec(select(User).where(User.external_id == JA))).one()
    assert user.blocked_at is not None

    # They add the bot again: it can write to them again.
    await line.api.call(line.api.follow(JA))
    await line.api.wait_for(lambda: len(line.api.to(JA)) > before)
    async with line.db.session() as session:
        user = (await session.exec(select(User).where(User.external_id == JA))).one()
    assert user.blocked_at is None


# -- when LINE fails ---------------------------------------------------------------------------


async def _relayed(line: Line, user: str, text: str) -> None:
    """A counselor's message queued for a LINE user, as the handoff queues it."""
    async with line.db.session() as session:
        found = (await session.exec(select(User).where(User.external_id == user))).one()
    assert line.assistant.handoff is not None
    await line.assistant.handoff.to_user(found, None, text)


async def test_a_push_that_fails_is_retried_and_arrives_once(line: Line) -> None:
    await line.api.call(line.api.text(EN, "hello"))
    await line.api.wait_for(lambda: line.api.to(EN))
    line.api.fail("push", 500)
    line.api.fail("push", 429)
    await _relayed(line, EN, "Counselor: could you send a photo of your payslip?")
    await line.until(EN, "photo of your payslip", timeout=20)
    assert sum("payslip" in a for a in line.answers(EN)) == 1
    assert line.api.calls.count("push") == 3


async def test_a_push_taken_by_line_whose_answer_was_lost_is_not_sent_twice(line: Line) -> None:
    """The connection drops after LINE took the push: the retry carries the same retry key,
    LINE answers 409, and the item counts as delivered."""
    await line.api.call(line.api.text(EN, "hello"))
    await line.api.wait_for(lambda: line.api.to(EN))
    line.api.fail("push", 500, accept=True)
    await _relayed(line, EN, "Counselor: I will call the labour office for you.")
    await line.until(EN, "labour office")
    async with line.db.session() as session:
        item = (await session.exec(select(Outbox).where(Outbox.channel == "line"))).one()
    await line.api.wait_for(lambda: line.api.calls.count("push") >= 2, timeout=10)
    await asyncio.sleep(0.5)
    async with line.db.session() as session:
        item = (await session.exec(select(Outbox).where(Outbox.id == item.id))).one()
    assert item.delivered_at is not None
    assert sum("labour office" in a for a in line.answers(EN)) == 1


async def test_a_push_that_times_out_is_retried_under_the_same_key(line: Line) -> None:
    await line.api.call(line.api.text(EN, "hello"))
    await line.api.wait_for(lambda: line.api.to(EN))
    line.api.fail("push", None, accept=True)  # LINE takes it, the answer never comes
    await _relayed(line, EN, "Counselor: your employer has agreed to pay.")
    await line.api.wait_for(lambda: line.api.calls.count("push") >= 2, timeout=20)
    await asyncio.sleep(0.5)
    pushes = [s for s in line.api.to(EN) if "agreed to pay" in s.text]
    assert len(pushes) == 1


async def test_a_message_stored_but_never_answered_is_answered_by_push(line: Line) -> None:
    """A worker died after LINE's 200: the message is in the store, unanswered."""
    from bot.core.turns import Incoming

    opened = await line.assistant.receive(
        Incoming(f"line:{EN}", "How many days of paid leave do I get?", update_id="dead-1")
    )
    assert opened is not None
    await line.service.channel.resume_unanswered(older_than=dt.timedelta(0))
    entry = line.assistant.content.entries["annual-paid-leave"]
    await line.until(EN, entry.answer["en"][:30])
    assert line.api.to(EN)[0].kind == "push"


async def test_counselors_are_told_when_pushes_near_the_months_quota(line: Line) -> None:
    line.api.quota_limit, line.api.usage = 100, 85
    assert line.service.quota is not None
    quota = await line.service.quota.check()
    assert quota is not None and (quota.used, quota.limit) == (85, 100)
    await line.service.quota.check()  # told once per threshold
    async with line.db.session() as session:
        told = (await session.exec(select(Outbox).where(Outbox.purpose == "notice"))).all()
    assert len(told) == 1 and "85" in told[0].text and "100" in told[0].text
    line.api.usage = 100
    await line.service.quota.check()
    async with line.db.session() as session:
        told = (await session.exec(select(Outbox).where(Outbox.purpose == "notice"))).all()
    assert len(told) == 2 and told[1].priority == 0


async def test_madoguchi_report_line_shows_the_months_pushes(line: Line, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from bot.cli import app

    line.api.quota_limit, line.api.usage = 200, 150
    monkeypatch.setenv("MADOGUCHI_LINE_CHANNEL_ACCESS_TOKEN", TOKEN)
    monkeypatch.setenv("MADOGUCHI_LINE_API_BASE_URL", line.api.base_url)
    result = await asyncio.to_thread(CliRunner().invoke, app, ["report", "line"])
    assert result.exit_code == 0, result.output
    assert "150" in result.output and "200" in result.output and "75%" in result.output
    assert "near the limit" not in result.output


# -- the webhook's own contract ------------------------------------------------------------------


async def test_the_200_comes_once_the_message_is_stored_and_before_the_answer(line: Line) -> None:
    line.api.fail("reply", None)  # LINE's reply endpoint hangs: the webhook must not wait
    event = line.api.text(EN, "How many days of paid leave do I get?")
    assert await line.api.call(event) == 200
    assert line.api.to(EN) == []  # nothing sent yet...
    assert await line.count(Message) >= 1  # ...but the question is stored
    entry = line.assistant.content.entries["annual-paid-leave"]
    await line.until(EN, entry.answer["en"][:30])  # the hung reply gave way to a push
    assert line.api.to(EN)[0].kind == "push"


async def test_what_is_not_lines_is_refused_before_it_is_read(line: Line) -> None:
    import aiohttp

    async with aiohttp.ClientSession() as client:
        huge = b'{"events": [' + b" " * (2 * 1024 * 1024) + b"]}"
        async with client.post(
            line.api.webhook_url, data=huge, headers={"X-Line-Signature": line.api.sign(huge)}
        ) as response:
            assert response.status == 413
        garbled = b"{not json"
        async with client.post(
            line.api.webhook_url, data=garbled, headers={"X-Line-Signature": line.api.sign(garbled)}
        ) as response:
            assert response.status == 400
        async with client.get(line.api.webhook_url) as response:
            assert response.status == 405
    assert await line.count(Message) == 0


async def test_lines_verify_call_and_group_chats_get_200_and_no_answer(line: Line) -> None:
    assert await line.api.call() == 200  # "Verify" in the LINE Developers console: no events
    in_group = line.api.text(EN, "How many days of paid leave do I get?")
    in_group["source"] = {"type": "group", "groupId": "Cgroup", "userId": EN}
    assert await line.api.call(in_group) == 200
    await asyncio.sleep(0.3)
    assert line.api.sent == []
    assert await line.count(Message) == 0
