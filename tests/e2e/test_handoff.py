"""From bot to person and back, through the real PTB stack and the loopback Bot API."""

from __future__ import annotations

import time

from sqlmodel import select

from bot.store.tables import Ticket
from tests.e2e.conftest import COUNSELOR, COUNSELORS_CHAT, OTHER_COUNSELOR, Telegram

VI, NE, STRANGER = 601, 602, 603


def to(t: Telegram, chat: int) -> list[str]:
    return [c.params["text"] for c in t.api.sent(chat)]


async def until(t: Telegram, chat: int, needle: str) -> str:
    await t.api.wait_for(lambda: any(needle in x for x in to(t, chat)), timeout=20)
    return next(x for x in to(t, chat) if needle in x)


def counselor_says(t: Telegram, text: str, **extra: object) -> None:
    t.api.message(
        COUNSELOR,
        text,
        chat={"id": COUNSELORS_CHAT, "type": "supergroup", "title": "counselors"},
        **extra,
    )


async def ticket(t: Telegram, number: int = 1) -> Ticket:
    async with t.db.session() as session:
        return (await session.exec(select(Ticket).where(Ticket.id == number))).one()


async def test_a_vietnamese_worker_is_helped_by_a_counselor(telegram: Telegram) -> None:
    t = telegram
    vi = t.assistant.catalogs("vi")
    t.api.message(VI, "cho tôi nói chuyện với nhân viên tư vấn", language_code="vi")
    queued = await until(
        t,
        VI,
        vi.gettext(
            "I have asked a counselor to join. A person will answer you in this chat. You are "
            "number {position} in the queue.",
            position=1,
        ),
    )
    assert queued

    # The counselors' chat gets the ticket, in Japanese, with a Claim button.
    announcement = await until(t, COUNSELORS_CHAT, "#1")
    assert "ベトナム語" in announcement
    call = next(c for c in t.api.sent(COUNSELORS_CHAT) if "#1" in c.params["text"])
    assert call.json("reply_markup")["inline_keyboard"][0][0]["callback_data"] == "claim:1"
    shown = {
        "message_id": 1,
        "date": int(time.time()),
        "text": announcement,
        "chat": {"id": COUNSELORS_CHAT, "type": "supergroup", "title": "counselors"},
    }
    t.api.press(COUNSELOR, "claim:1", shown)
    await until(t, VI, vi.gettext("A counselor has joined. You can write to them here."))
    t.api.press(OTHER_COUNSELOR, "claim:1", shown)  # a moment too late
    taken = await until(t, COUNSELORS_CHAT, str(COUNSELOR))
    assert "telegram:9001" in taken  # the second counselor is told who has it
    assert (await ticket(t)).claimed_by == f"telegram:{COUNSELOR}"

    # The user writes; it reaches the counselor; the bot stays quiet.
    before = len(t.api.sent(VI))
    t.api.message(VI, "công ty không trả tiền làm thêm giờ cho tôi", language_code="vi")
    relayed = await until(t, COUNSELORS_CHAT, "công ty không trả tiền làm thêm giờ")
    assert relayed.startswith("#1")
    assert len(t.api.sent(VI)) == before

    # The counselor answers in the thread, then pushes an entry, then closes.
    counselor_says(
        t,
        "残業代の件、詳しく教えてください。",
        reply_to_message={**call.result, "chat": shown["chat"]},
    )
    await until(t, VI, "残業代の件")
    counselor_says(t, "/reply 1 いつからですか？")
    await until(t, VI, "いつからですか")
    counselor_says(t, "/send 1 working-hours-overtime-rules")
    entry = t.assistant.content.entries["working-hours-overtime-rules"]
    await until(t, VI, entry.answer["vi"][:40])
    counselor_says(t, "/close 1 explained overtime premiums")
    closing = await until(
        t,
        VI,
        vi.gettext("The counselor has closed this conversation. How would you rate the help?"),
    )
    rate = next(c for c in t.api.sent(VI) if c.params["text"] == closing)
    stars = rate.json("reply_markup")["inline_keyboard"][0]
    assert [b["callback_data"] for b in stars] == [f"rate:1:{n}" for n in range(1, 6)]

    t.api.press(
        VI,
        "rate:1:5",
        {
            "message_id": 50,
            "date": int(time.time()),
            "text": closing,
            "chat": {"id": VI, "type": "private"},
        },
        language_code="vi",
    )
    await t.api.wait_for(
        lambda: any(
            c.params.get("text") == vi.gettext("Thank you for your rating.")
            for c in t.api.sent(method="editMessageText")
        )
    )
    done = await ticket(t)
    assert (done.status, done.rating) == ("closed", 5)
    assert done.first_response_at is not None


async def test_an_urgent_message_in_nepali_escalates_at_once(telegram: Telegram) -> None:
    t = telegram
    t.api.message(
        NE, "कम्पनीले तीन महिनादेखि तलब दिएको छैन, मालिकले पासपोर्ट पनि लियो", language_code="ne"
    )
    contacts = t.assistant.content.intents["urgent"].answer["ne"].strip()
    await until(t, NE, contacts[:30])
    alert = await until(t, COUNSELORS_CHAT, "🚨")
    assert "ネパール語" in alert
    assert (await ticket(t)).priority == 0


async def test_a_non_counselor_cannot_claim(telegram: Telegram) -> None:
    t = telegram
    t.api.message(VI, "tôi muốn gặp nhân viên tư vấn", language_code="vi")
    await until(t, COUNSELORS_CHAT, "#1")
    t.api.message(STRANGER, "/claim 1", language_code="en")
    refusal = await until(
        t, STRANGER, t.assistant.catalogs("ja").gettext("Only counselors can do this.")
    )
    assert "#1" not in refusal
    assert (await ticket(t)).status == "open"


async def test_a_counselor_reply_survives_a_failing_api_and_a_restart(
    telegram: Telegram,
) -> None:
    t = telegram
    t.api.message(VI, "cho tôi gặp người thật", language_code="vi")
    await until(t, COUNSELORS_CHAT, "#1")
    counselor_says(t, "/claim 1")
    await until(
        t,
        VI,
        t.assistant.catalogs("vi").gettext("A counselor has joined. You can write to them here."),
    )

    t.api.fail("sendMessage", "500", count=2)
    t.api.fail("sendMessage", "slow", delay=2.5)
    counselor_says(t, "/reply 1 今から確認します")
    await until(t, VI, "今から確認します")
    assert sum("今から確認します" in x for x in to(t, VI)) == 1  # delivered exactly once

    await t.restart()  # mid-handoff
    t.api.message(VI, "cảm ơn, tôi chờ", language_code="vi")
    await until(t, COUNSELORS_CHAT, "cảm ơn, tôi chờ")
    counselor_says(t, "/reply 1 お待たせしました")
    await until(t, VI, "お待たせしました")


async def test_forum_chats_get_a_topic_per_ticket(telegram: Telegram) -> None:
    t = telegram
    t.api.forums.add(COUNSELORS_CHAT)
    t.api.message(VI, "cho tôi gặp người thật", language_code="vi")
    await t.api.wait_for(lambda: t.api.sent(method="createForumTopic"))
    await until(t, COUNSELORS_CHAT, "#1")
    thread = (await ticket(t)).thread_id
    assert thread is not None
    announce = next(c for c in t.api.sent(COUNSELORS_CHAT) if "#1" in c.params["text"])
    assert int(announce.params["message_thread_id"]) == thread
