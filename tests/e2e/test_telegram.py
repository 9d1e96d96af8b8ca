"""Conversations through the real PTB stack and HTTP, against a Bot API on loopback."""

from __future__ import annotations

import asyncio
import html
import json
import time

from sqlalchemy import func
from sqlmodel import select

from bot.store.tables import Feedback, Message
from tests.e2e.conftest import Telegram

VI, JA, NE, PT = 501, 502, 503, 504


def texts(t: Telegram, chat: int) -> list[str]:
    return [c.params["text"] for c in t.api.sent(chat)]


async def replies(t: Telegram, chat: int, n: int = 1) -> list[str]:
    await t.api.wait_for(lambda: len(t.api.sent(chat)) >= n)
    return texts(t, chat)


async def test_a_vietnamese_worker_gets_an_answer_in_vietnamese(telegram: Telegram) -> None:
    telegram.api.message(VI, "cho em hỏi nghỉ phép năm được mấy ngày ạ", language_code="vi")
    (text, *_) = await replies(telegram, VI)
    vi = telegram.assistant.content.entries["annual-paid-leave"]
    assert f"<b>{vi.title['vi']}</b>" in text
    call = telegram.api.sent(VI)[0]
    assert call.params["parse_mode"] == "HTML"
    buttons = [b for row in call.json("reply_markup")["inline_keyboard"] for b in row]
    assert {"callback_data": "feedback:up:annual-paid-leave"}.items() <= buttons[0].items()
    assert any(b.get("url", "").startswith("https://") for b in buttons)


async def test_a_japanese_owner_and_a_nepali_worker(telegram: Telegram) -> None:
    telegram.api.message(
        JA, "テレワークを導入したい。相談できる窓口はありますか", language_code="ja"
    )
    telegram.api.message(NE, "मलाई वार्षिक बिदा कति दिन पाइन्छ?", language_code="ne")
    (ja, *_) = await replies(telegram, JA)
    (ne, *_) = await replies(telegram, NE)
    content = telegram.assistant.content
    assert any(e.title["ja"] in ja for e in content.entries.values() if e.category == "telework")
    assert content.entries["annual-paid-leave"].title["ne"] in ne


async def test_start_greets_in_telegrams_language_and_offers_languages(telegram: Telegram) -> None:
    telegram.api.message(PT, "/start", language_code="pt-br")
    greeting, menu = await replies(telegram, PT, 2)
    call = telegram.api.sent(PT)[0]
    labels = [b["text"] for row in call.json("reply_markup")["inline_keyboard"] for b in row]
    assert "Português (Brasil)" in labels and "やさしい にほんご" in labels and "नेपाली" in labels
    assert greeting != telegram.assistant.catalogs("en").gettext("Which language would you like?")
    assert "Tóquio" in greeting or "Olá" in greeting
    assert "madoguchi" in greeting
    assert menu


async def test_menu_buttons_answer_in_place(telegram: Telegram) -> None:
    telegram.api.message(VI, "/menu", language_code="vi")
    await replies(telegram, VI)
    menu = telegram.api.sent(VI)[0]
    shown = {
        "message_id": 77,
        "date": int(time.time()),
        "chat": {"id": VI, "type": "private"},
        "text": menu.params["text"],
        "reply_markup": menu.json("reply_markup"),
    }
    telegram.api.press(VI, "menu:foreign-employee", shown, language_code="vi")
    await telegram.api.wait_for(lambda: telegram.api.sent(method="editMessageText"))
    edit = telegram.api.sent(method="editMessageText")[0]
    assert edit.params["message_id"] == "77"
    assert telegram.api.sent(method="answerCallbackQuery")
    actions = [
        b["callback_data"] for row in edit.json("reply_markup")["inline_keyboard"] for b in row
    ]
    assert "answer:annual-paid-leave" in actions
    telegram.api.press(VI, "answer:annual-paid-leave", shown, language_code="vi")
    await telegram.api.wait_for(lambda: len(telegram.api.sent(method="editMessageText")) >= 2)
    answer = telegram.api.sent(method="editMessageText")[1].params["text"]
    assert telegram.assistant.content.entries["annual-paid-leave"].title["vi"] in answer


async def test_a_thumbs_down_is_stored_and_offers_a_person(telegram: Telegram) -> None:
    shown = {
        "message_id": 5,
        "date": int(time.time()),
        "chat": {"id": VI, "type": "private"},
        "text": "...",
    }
    telegram.api.message(VI, "xin chào", language_code="vi")
    await replies(telegram, VI)
    telegram.api.press(VI, "feedback:down:annual-paid-leave", shown, language_code="vi")
    await telegram.api.wait_for(lambda: telegram.api.sent(method="editMessageReplyMarkup"))
    (*_, offer) = await replies(telegram, VI, 2)
    assert "human" in telegram.api.sent(VI)[-1].params["reply_markup"]
    async with telegram.db.session() as session:
        votes = (await session.exec(select(Feedback.vote))).all()
    assert votes == [-1]
    assert offer


async def test_stale_buttons_are_handled_gracefully(telegram: Telegram) -> None:
    shown = {
        "message_id": 9,
        "date": int(time.time()),
        "chat": {"id": VI, "type": "private"},
        "text": "old",
    }
    telegram.api.press(VI, "answer:an-entry-that-was-removed", shown, language_code="vi")
    await telegram.api.wait_for(lambda: telegram.api.sent(method="editMessageText"))
    assert telegram.api.sent(method="answerCallbackQuery")


async def test_commands_are_registered_in_every_language(telegram: Telegram) -> None:
    calls = telegram.api.sent(method="setMyCommands")
    codes = {c.params.get("language_code") for c in calls}
    assert codes == {None, "ja", "en", "zh", "vi", "ko", "ne", "id", "tl", "pt"}
    vi = next(c for c in calls if c.params.get("language_code") == "vi")
    names = [cmd["command"] for cmd in vi.json("commands")]
    assert names == [
        "start",
        "menu",
        "language",
        "human",
        "help",
        "check",
        "cancel",
        "reminders",
        "notices",
        "forgetme",
    ]


async def test_a_sticker_gets_a_polite_reply(telegram: Telegram) -> None:
    telegram.api.message(
        VI,
        None,
        language_code="vi",
        sticker={
            "file_id": "s",
            "file_unique_id": "u",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
            "type": "regular",
        },
    )
    (text,) = await replies(telegram, VI)
    assert text == telegram.assistant.catalogs("vi").gettext(
        "I can only read text. Please write your question in words."
    )


async def test_groups_only_when_addressed(telegram: Telegram) -> None:
    group = {"id": -200, "type": "group", "title": "shop"}
    telegram.api.message(VI, "nghỉ phép năm được mấy ngày", chat=group)
    telegram.api.message(VI, "@madoguchi_bot minimum wage in tokyo?", chat=group)
    await telegram.api.wait_for(lambda: telegram.api.sent(-200))
    await asyncio.sleep(0.3)
    assert len(telegram.api.sent(-200)) == 1


async def test_a_429_is_waited_out(telegram: Telegram) -> None:
    telegram.api.fail("sendMessage", "429", retry_after=1)
    began = time.monotonic()
    telegram.api.message(JA, "有給休暇は何日？", language_code="ja")
    await replies(telegram, JA)
    assert time.monotonic() - began >= 1.0


async def test_a_500_and_a_timeout_are_retried(telegram: Telegram) -> None:
    telegram.api.fail("sendMessage", "500")
    telegram.api.message(JA, "有給休暇は何日？", language_code="ja")
    await replies(telegram, JA)
    telegram.api.fail("sendMessage", "slow", delay=3.0)
    telegram.api.message(NE, "मलाई वार्षिक बिदा कति दिन पाइन्छ?", language_code="ne")
    assert len(await replies(telegram, NE)) == 1


async def test_a_duplicate_update_is_processed_once(telegram: Telegram) -> None:
    update = {
        "update_id": 555,
        "message": {
            "message_id": 1,
            "date": int(time.time()),
            "chat": {"id": VI, "type": "private"},
            "from": {"id": VI, "is_bot": False, "first_name": "a", "language_code": "vi"},
            "text": "lương tối thiểu ở tokyo là bao nhiêu",
        },
    }
    telegram.api.push_raw(update)
    telegram.api.push_raw(json.loads(json.dumps(update)))
    await replies(telegram, VI)
    await asyncio.sleep(0.5)
    assert len(telegram.api.sent(VI)) == 1
    async with telegram.db.session() as session:
        inbound = (
            await session.exec(
                select(func.count()).select_from(Message).where(Message.direction == "in")
            )
        ).one()
    assert inbound == 1


async def test_a_flooding_user_is_slowed_and_others_are_not(telegram: Telegram) -> None:
    for n in range(34):
        telegram.api.message(VI, f"nghỉ phép năm được mấy ngày ({n})", language_code="vi")
    telegram.api.message(PT, "quanto é o salário mínimo em Tóquio?", language_code="pt")
    await replies(telegram, PT)
    await telegram.api.wait_for(lambda: len(telegram.api.sent(VI)) >= 31)
    await asyncio.sleep(0.5)
    vi = texts(telegram, VI)
    notice = telegram.assistant.catalogs("vi").gettext(
        "You are sending messages very quickly. I have kept them; please wait a few seconds "
        "before writing again."
    )
    assert vi.count(notice) == 1, vi
    assert len(vi) == 31, vi  # 30 answers, one notice; the rest kept quietly

    async def kept() -> int:
        async with telegram.db.session() as session:
            query = select(func.count()).select_from(Message).where(Message.direction == "in")
            return (await session.exec(query)).one()

    for _ in range(50):  # the quiet ones are stored as they come through, in order
        if await kept() == 35:
            break
        await asyncio.sleep(0.1)
    assert await kept() == 35


async def test_an_error_is_told_to_the_user(telegram: Telegram) -> None:
    telegram.api.fail("sendMessage", "500", count=4)  # more than the retries
    telegram.api.message(PT, "férias: quantos dias?", language_code="pt")
    (text,) = await replies(telegram, PT)
    assert text == telegram.assistant.catalogs("pt").gettext(
        "Sorry, something went wrong on my side. Please try again in a moment."
    )


async def test_a_self_check_over_telegram_buttons_and_typed_answers(telegram: Telegram) -> None:
    """The pay check from its button: a choice pressed, a number typed, HTML-escaped texts."""
    t = telegram.assistant.catalogs("vi")
    flow = telegram.assistant.content.flows["pay"]
    shown = {
        "message_id": 91,
        "date": int(time.time()),
        "chat": {"id": VI, "type": "private"},
        "text": "...",
    }

    def seen() -> str:
        calls = telegram.api.sent(method="sendMessage") + telegram.api.sent(
            method="editMessageText"
        )
        return "\n".join(c.params["text"] for c in calls if c.params.get("chat_id") == str(VI))

    def asked(step: str) -> str:
        found = flow.step(step)
        assert found is not None
        return html.escape(t.gettext(found.ask), quote=False)

    telegram.api.press(VI, "check:pay", shown, language_code="vi")
    await telegram.api.wait_for(lambda: asked("basis") in seen())
    telegram.api.press(VI, "pick:monthly", shown, language_code="vi")
    await telegram.api.wait_for(lambda: asked("pay") in seen())
    telegram.api.message(VI, "200.000 yên", language_code="vi")
    await telegram.api.wait_for(lambda: asked("hours_per_month") in seen())
