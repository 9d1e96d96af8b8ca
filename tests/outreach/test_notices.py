"""A supervisor's notices on SQLite and PostgreSQL: fanned out in batches to many
subscribers, stopped midway and restarted, each opted-in subscriber reached exactly once, the
audience respected, and a language the notice lacks read in やさしい日本語 under a note."""

from __future__ import annotations

import asyncio
import collections
import re

import pytest
from sqlmodel import col, select

from bot.handoff.outbox import OutboxQueue
from bot.i18n import Catalogs
from bot.outreach.notices import NoticeError, Notices
from bot.store.database import Database
from bot.store.tables import Outbox
from tests.outreach.conftest import add_users

LANGS = ["vi", "ne", "en", "ja", "ja-easy", "pt", "zh", "ko", "id", "tl"]
TYPHOON = {
    "ja": "台風が接近しています。安全を確保してください。",
    "ja-easy": "たいふうが きます。あぶない ときは そとに でないで ください。",
    "vi": "Bão đang đến gần. Hãy giữ an toàn.",
}
EASY_NOTE = "This notice is not available in your language. Here it is in easy Japanese."
JA_NOTE = "This notice is not available in your language. Here it is in Japanese."
FOOTER = "To stop notices from this desk, write /notices off."


async def notices_by_chat(db: Database) -> dict[str, list[str]]:
    async with db.session() as session:
        items = (
            await session.exec(
                select(Outbox).where(Outbox.purpose == "notice").order_by(col(Outbox.id))
            )
        ).all()
    found: dict[str, list[str]] = collections.defaultdict(list)
    for item in items:
        body, _, footer = item.text.rpartition("\n\n")
        assert "/notices off" in footer  # every notice says how to stop them, in its language
        found[item.chat_id].append(body)
    return found


def noted(note: str, text: str) -> str:
    """A notice under the line saying it is not in the reader's language."""
    return f"{note}\n\n{text}"


async def everyone(notices: Notices, batch: int) -> int:
    reached = 0
    while added := await notices.fan_out(batch):
        reached += added
    return reached


async def test_a_notice_reaches_every_subscriber_once_across_a_restart(
    database_url: str, db: Database, catalogs: Catalogs
) -> None:
    users = await add_users(db, LANGS * 100)  # 1,000 subscribers, chats 1000..1999
    await add_users(db, ["vi"] * 5, start=5000, channel="console")  # no courier delivers these
    first = Notices(db, catalogs)
    opted_out = set(users[::7])
    for user in opted_out:
        assert await first.subscribe(user, False)
    assert await first.subscribed(users[0]) is False and await first.subscribed(users[1])

    notice = await first.send(TYPHOON, by="supervisor:1")
    assert (await first.progress(notice)).waiting == 1000 - len(opted_out)
    assert await first.fan_out(batch=150) == 150
    assert await first.fan_out(batch=150) == 150
    midway = await first.progress(notice)
    assert (midway.recipients, midway.pending, midway.fanned_out) == (300, 300, False)
    await db.dispose()  # stopped midway; a new process on the same database goes on

    again = Database(database_url)
    try:
        second = Notices(again, catalogs)
        assert await everyone(second, batch=150) == 1000 - len(opted_out) - 300
        got = await notices_by_chat(again)
        expected = {str(1000 + n) for n, user in enumerate(users) if user not in opted_out}
        assert set(got) == expected  # every opted-in subscriber, nobody else
        assert all(len(texts) == 1 for texts in got.values())  # each exactly once
        done = await second.progress(notice)
        assert (done.recipients, done.pending, done.waiting) == (len(expected), len(expected), 0)
        assert done.fanned_out and (done.delivered, done.failed) == (0, 0)
        assert await second.fan_out() == 0  # finished: a late subscriber is not sent it
        assert [n.id for n in await second.list()] == [notice]
    finally:
        await again.dispose()


async def test_two_workers_fanning_out_together_reach_each_subscriber_once(
    database_url: str, db: Database, catalogs: Catalogs
) -> None:
    await add_users(db, LANGS * 30)
    one = Notices(db, catalogs)
    other_db = Database(database_url)  # a second worker
    try:
        other = Notices(other_db, catalogs)
        await one.send({"ja": "最低賃金が変わります。"})
        await one.send({"ja": "年末年始の窓口のお知らせ", "vi": "Lịch nghỉ Tết"})
        while True:
            counts = await asyncio.gather(
                one.fan_out(batch=40), other.fan_out(batch=40), one.fan_out(batch=25)
            )
            if not any(counts):
                break
        got = await notices_by_chat(db)
        assert len(got) == 300 and all(len(texts) == 2 for texts in got.values())
        assert all(len(set(texts)) == 2 for texts in got.values())
    finally:
        await other_db.dispose()


async def test_a_notice_for_one_language_or_one_company(db: Database, catalogs: Catalogs) -> None:
    await add_users(db, ["vi", "ne", "vi", "ja-easy", "ja"], start=100)
    await add_users(db, ["vi", "ne"], start=200, company="sakura-kogyo")
    notices = Notices(db, catalogs)
    await notices.send(TYPHOON, {"lang": "vi"})
    await notices.send({"ja": "健康診断は来週です。"}, {"company": "sakura-kogyo"})
    await notices.send({"ja": "やさしい日本語の読者へ"}, {"lang": "ja-easy"})
    await everyone(notices, batch=2)
    got = {chat: sorted(texts) for chat, texts in (await notices_by_chat(db)).items()}
    checkup = "健康診断は来週です。"
    assert got == {
        "100": [TYPHOON["vi"]],
        "102": [TYPHOON["vi"]],
        "103": ["やさしい日本語の読者へ"],  # ja-easy, not ja (104)
        "200": sorted([TYPHOON["vi"], noted(catalogs("vi").gettext(JA_NOTE), checkup)]),
        "201": [noted(catalogs("ne").gettext(JA_NOTE), checkup)],
    }


async def test_a_language_the_notice_lacks_reads_easy_japanese_under_a_note(
    db: Database, catalogs: Catalogs
) -> None:
    await add_users(db, ["vi", "ne", "en", "ja", "ja-easy", None], start=300)
    notices = Notices(db, catalogs, default_language="en")
    await notices.send(TYPHOON)
    await notices.send({"ja": "台風が接近しています。"})  # Japanese only
    await everyone(notices, batch=500)
    got = await notices_by_chat(db)
    ne, en = catalogs("ne"), catalogs("en")
    assert ne.gettext(EASY_NOTE) != EASY_NOTE  # the note is in Nepali
    assert got["300"] == [
        TYPHOON["vi"],
        noted(catalogs("vi").gettext(JA_NOTE), "台風が接近しています。"),
    ]
    assert got["301"] == [
        noted(ne.gettext(EASY_NOTE), TYPHOON["ja-easy"]),
        noted(ne.gettext(JA_NOTE), "台風が接近しています。"),
    ]
    assert got["302"][0] == noted(en.gettext(EASY_NOTE), TYPHOON["ja-easy"])
    assert got["303"] == [TYPHOON["ja"], "台風が接近しています。"]  # no note in Japanese
    assert got["304"] == [TYPHOON["ja-easy"], "台風が接近しています。"]  # reads Japanese
    assert got["305"] == got["302"]  # language not known yet: the default, English


async def test_an_opt_out_takes_effect_from_the_next_batch(
    db: Database, catalogs: Catalogs
) -> None:
    users = await add_users(db, ["id"] * 10, start=400)
    notices = Notices(db, catalogs)
    await notices.send({"ja": "お知らせ", "id": "Pengumuman"})
    assert await notices.fan_out(batch=4) == 4
    await notices.subscribe(users[2], False)  # already written for: still leaves
    await notices.subscribe(users[7], False)  # not yet: never written
    await everyone(notices, batch=4)
    assert sorted(await notices_by_chat(db)) == [str(400 + n) for n in range(10) if n != 7]
    assert await notices.subscribe(users[7], True) and await notices.subscribed(users[7])
    assert await notices.subscribe(999_999, False) is False  # nobody


async def test_progress_counts_what_the_courier_delivered_and_what_failed(
    db: Database, catalogs: Catalogs
) -> None:
    await add_users(db, ["ko"] * 6, start=500)
    notices = Notices(db, catalogs)
    notice = await notices.send({"ja": "お知らせ", "ko": "공지"})
    await everyone(notices, batch=10)
    courier = OutboxQueue(db)  # what the Telegram courier does with each item
    items = await courier.take("telegram")
    assert len(items) == 6
    for item in items[:4]:
        assert await courier.delivered(item, 1)
    assert await courier.failed(items[4], "blocked")
    progress = await notices.progress(notice)
    assert (progress.recipients, progress.delivered, progress.failed, progress.pending) == (
        6,
        4,
        1,
        1,
    )
    assert await notices.progress(12345) is None


@pytest.mark.parametrize(
    ("texts", "audience", "why"),
    [
        ({"vi": "Bão"}, None, "the Japanese text (ja) is required"),
        ({"ja": "台風", "xx": "?"}, None, "'xx' is not a language madoguchi speaks"),
        ({"ja": "  "}, None, "'ja': the text is empty"),
        ({"ja": "台風", "pt-BR": "a", "pt": "b"}, None, "'pt': the text for pt is given twice"),
        ({"ja": "台風"}, {"team": "x"}, "audience: unknown key 'team'"),
        ({"ja": "台風"}, {"lang": "klingon"}, "'klingon' is not a language madoguchi speaks"),
        ("台風", None, "a notice is a mapping of language code to text"),
    ],
)
async def test_a_notice_that_cannot_be_sent_says_why_in_one_line(
    db: Database, catalogs: Catalogs, texts: object, audience: dict | None, why: str
) -> None:
    with pytest.raises(NoticeError, match=re.escape(why)) as caught:
        await Notices(db, catalogs).send(texts, audience)  # type: ignore[arg-type]
    assert "\n" not in str(caught.value)
    assert await Notices(db, catalogs).list() == []


async def test_language_codes_as_people_write_them(db: Database, catalogs: Catalogs) -> None:
    await add_users(db, ["pt", "tl"], start=600)
    notices = Notices(db, catalogs)
    await notices.send({"ja": "お知らせ", "pt-BR": "Aviso", "fil": "Abiso"})
    (summary,) = await notices.list()
    assert summary.languages == ("ja", "pt", "tl")
    await everyone(notices, batch=10)
    assert await notices_by_chat(db) == {"600": ["Aviso"], "601": ["Abiso"]}
