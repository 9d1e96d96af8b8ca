"""The handoff's failure paths, each found by an experiment against the first wave's code.

Every test here failed on that code (noted in each docstring) and passes now. They run the real
PTB stack against the Bot API server on loopback, on SQLite and on PostgreSQL; where Telegram
misbehaves, the server misbehaves the way Telegram does (403, 400, 500, too long, too old).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import re
import time

from sqlalchemy import text, update
from sqlmodel import col, select

from bot.core.factory import Engine, build_assistant
from bot.core.turns import Incoming
from bot.handoff.desk import CounselorInput, Desk
from bot.settings import Settings
from bot.store.conversations import Inbound
from bot.store.database import Database
from bot.store.tables import Message, Outbox, Ticket, utcnow
from tests.e2e.conftest import COUNSELOR, COUNSELORS_CHAT, OTHER_COUNSELOR, Telegram

USER = 701
GROUP = {"id": COUNSELORS_CHAT, "type": "supergroup", "title": "counselors"}


def to(t: Telegram, chat: int) -> list[str]:
    return [c.params["text"] for c in t.api.sent(chat)]


async def until(t: Telegram, chat: int, needle: str, timeout: float = 20) -> str:
    await t.api.wait_for(lambda: any(needle in x for x in to(t, chat)), timeout=timeout)
    return next(x for x in to(t, chat) if needle in x)


def counselor_says(t: Telegram, words: str, who: int = COUNSELOR) -> int:
    return t.api.message(who, words, chat=GROUP)


async def claimed_ticket(t: Telegram, user: int = USER) -> None:
    """The user asks for a person; the counselor claims; the user is told."""
    t.api.message(user, "I want to talk to a counselor", language_code="en")
    await until(t, COUNSELORS_CHAT, "#1")
    counselor_says(t, "/claim 1")
    await until(t, user, "A counselor has joined")


async def eventually(check, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until the store shows what the bot did after its last call to the server."""
    deadline = time.monotonic() + timeout
    while not await check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def outbox(db: Database) -> list[Outbox]:
    async with db.session() as session:
        return list((await session.exec(select(Outbox).order_by(Outbox.id))).all())


# -- lost or silent ----------------------------------------------------------------------------


async def test_a_ticket_is_never_left_without_its_announcement(
    engine: Engine, db: Database
) -> None:
    """Before: the ticket committed, then announcing failed; the ticket was never announced,
    the stale sweep never saw it, and the user was told they were number 1."""
    bot = build_assistant(Settings(_env_file=None), engine=engine, db=db)
    await bot.handle(Incoming("telegram:5", "hello"))
    async with db.connection() as conn:  # the outbox refuses writes, as a full disk would
        if db.is_sqlite:
            await conn.execute(
                text(
                    "CREATE TRIGGER outbox_full BEFORE INSERT ON outbox "
                    "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
                )
            )
        else:
            await conn.execute(
                text(
                    "CREATE FUNCTION outbox_full() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql"
                )
            )
            await conn.execute(
                text(
                    "CREATE TRIGGER outbox_full BEFORE INSERT ON outbox "
                    "FOR EACH ROW EXECUTE FUNCTION outbox_full()"
                )
            )
    with contextlib.suppress(Exception):  # the channel tells the user "something went wrong"
        await bot.handle(Incoming("telegram:5", "/human", action="human"))
    async with db.session() as session:
        assert (await session.exec(select(Ticket))).all() == []  # all or nothing
    async with db.connection() as conn:
        await conn.execute(
            text("DROP TRIGGER outbox_full" + ("" if db.is_sqlite else " ON outbox"))
        )
    replies = await bot.handle(Incoming("telegram:5", "/human", action="human"))
    assert "number 1 in the queue" in replies[0].text
    assert [i.purpose for i in await outbox(db)] == ["announce"]


async def test_the_counselors_chat_refusing_keeps_the_announcement(telegram: Telegram) -> None:
    """Before: a send the counselors' chat refused (bot removed, no rights) was marked
    delivered, and the ticket was never seen."""
    t = telegram
    t.api.fail(
        "sendMessage",
        "403",
        count=2,
        chat_id=COUNSELORS_CHAT,
        description="Forbidden: bot was kicked from the supergroup chat",
    )
    t.api.message(USER, "I want to talk to a counselor", language_code="en")
    await t.api.wait_for(lambda: len(t.api.sent(COUNSELORS_CHAT, "refused:sendMessage")) >= 1)
    (item,) = await outbox(t.db)
    assert item.delivered_at is None  # kept, not marked delivered
    announcement = await until(t, COUNSELORS_CHAT, "#1")  # once the rights are back
    assert "英語" in announcement

    async def delivered() -> bool:
        return (await outbox(t.db))[0].delivered_at is not None

    await eventually(delivered)


async def test_a_relay_to_a_user_who_blocked_the_bot_is_reported(telegram: Telegram) -> None:
    """Before: the relay was marked delivered and the counselor never knew."""
    t = telegram
    await claimed_ticket(t)
    t.api.fail("sendMessage", "403", count=10, chat_id=USER)  # "bot was blocked by the user"
    counselor_says(t, "/reply 1 Are you still there?")
    notice = await until(t, COUNSELORS_CHAT, "#1:")
    desk = t.assistant.catalogs("ja")
    assert desk.gettext("the user has blocked the bot") in notice

    async def failed() -> bool:
        return any(i.failed_at for i in await outbox(t.db) if "still there" in i.text)

    await eventually(failed)
    relay = next(i for i in await outbox(t.db) if "still there" in i.text)
    assert relay.delivered_at is None and relay.failed_at is not None and relay.error == "blocked"


async def test_long_messages_are_relayed_whole_in_parts(telegram: Telegram) -> None:
    """Before: a user's relay was cut at 2,000 characters, and a counselor's line over
    Telegram's 4,096 failed and was marked delivered."""
    t = telegram
    await claimed_ticket(t)
    story = " ".join(f"word{n}" for n in range(900))  # about 6,000 characters
    t.api.message(USER, story, language_code="en")
    await until(t, COUNSELORS_CHAT, "word899")
    relayed = re.findall(r"word\d+", " ".join(to(t, COUNSELORS_CHAT)))
    assert relayed == story.split()
    answer = " ".join(f"reply{n}" for n in range(900))
    counselor_says(t, f"/reply 1 {answer}")
    await until(t, USER, "reply899")
    parts = [x for x in to(t, USER) if "reply" in x]
    assert len(parts) >= 2 and all(len(p) <= 4096 for p in parts)
    assert "reply0 " in parts[0] and "reply899" in parts[-1]


async def test_a_long_transcript_arrives_in_parts(telegram: Telegram) -> None:
    """Before: /transcript of a long conversation answered "something went wrong"."""
    t = telegram
    await claimed_ticket(t)
    for n in range(12):
        t.api.message(USER, f"line{n} " + "x" * 600, language_code="en")
    await until(t, COUNSELORS_CHAT, "line11")
    counselor_says(t, "/transcript 1")
    await t.api.wait_for(
        lambda: sum(1 for x in to(t, COUNSELORS_CHAT) if "👤 line" in x and "\n" in x) >= 1
    )
    await t.api.wait_for(lambda: any("line11 x" in x and "👤" in x for x in to(t, COUNSELORS_CHAT)))
    assert not t.api.sent(COUNSELORS_CHAT, "refused:sendMessage")
    assert not any("went wrong" in x for x in to(t, COUNSELORS_CHAT))


async def test_a_button_pressed_too_long_ago_still_reaches_a_person(telegram: Telegram) -> None:
    """Before: answerCallbackQuery failing ("query is too old") turned "Talk to a counselor"
    into an error and no ticket."""
    t = telegram
    t.api.fail(
        "answerCallbackQuery",
        "400",
        description="Bad Request: query is too old and response timeout expired or query ID is invalid",
    )
    shown = {
        "message_id": 77,
        "date": int(time.time()),
        "chat": {"id": USER, "type": "private"},
        "text": "menu",
    }
    t.api.press(USER, "human", shown, language_code="en")
    await t.api.wait_for(
        lambda: any(
            "number 1 in the queue" in c.params.get("text", "")
            for c in t.api.sent(USER, "editMessageText")
        )
    )
    await until(t, COUNSELORS_CHAT, "#1")


async def test_counselor_lines_keep_their_order_after_a_network_error(telegram: Telegram) -> None:
    """Before: three counselor messages arrived 2, 3, 1 after one failed send."""
    t = telegram
    await claimed_ticket(t)
    t.api.fail("sendMessage", "500", chat_id=USER)
    for n in (1, 2, 3):
        counselor_says(t, f"/reply 1 step {n}")
    await until(t, USER, "step 3")
    steps = [x for x in to(t, USER) if "step" in x]
    assert [s[-1] for s in steps] == ["1", "2", "3"]


async def test_a_counselor_update_delivered_twice_acts_once(telegram: Telegram) -> None:
    """Before: the same counselor update twice gave the user two copies."""
    t = telegram
    await claimed_ticket(t)
    update = {
        "update_id": 99_001,
        "message": {
            "message_id": 5001,
            "date": int(time.time()),
            "chat": GROUP,
            "from": t.api.user(COUNSELOR),
            "text": "/reply 1 only once please",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }
    t.api.push_raw(update)
    await until(t, USER, "only once")
    t.api.push_raw(dict(update))  # Telegram redelivers it
    counselor_says(t, "/reply 1 and then this")
    await until(t, USER, "and then this")
    assert sum("only once" in x for x in to(t, USER)) == 1


# -- counselors' safety net --------------------------------------------------------------------


async def test_a_supervisor_frees_a_ticket_whose_counselor_went_home(
    engine: Engine, db: Database
) -> None:
    """Before: a ticket claimed by a counselor who went home could be neither released nor
    closed by anyone else."""
    settings = Settings(counselor_ids=[1, 2], supervisor_ids=[3], _env_file=None)
    bot = build_assistant(settings, engine=engine, db=db)
    desk = Desk(bot.handoff, bot.answer_text)
    await bot.handle(Incoming("telegram:5", "/human", action="human"))
    await desk.handle(CounselorInput("telegram:1", "/claim 1"))
    (refused,) = await desk.handle(CounselorInput("telegram:2", "/close 1"))
    assert "telegram:1" in refused.text  # already taken by the one who went home
    (not_allowed,) = await desk.handle(CounselorInput("telegram:2", "/takeover 1"))
    assert not_allowed.text == bot.catalogs("ja").gettext("Only supervisors can do this.")
    (took,) = await desk.handle(CounselorInput("telegram:3", "/takeover 1"))
    assert "#1" in took.text
    ticket = await bot.handoff.tickets.get(1)
    assert ticket.claimed_by == "telegram:3"
    await desk.handle(CounselorInput("telegram:3", "/release 1"))
    assert (await bot.handoff.tickets.get(1)).status == "open"
    await desk.handle(CounselorInput("telegram:2", "/claim 1"))
    await desk.handle(CounselorInput("telegram:3", "/close 1 handled by phone"))
    assert (await bot.handoff.tickets.get(1)).status == "closed"
    kinds = [e.kind for e in await bot.handoff.tickets.events(1)]
    assert kinds == ["opened", "claimed", "taken-over", "released", "claimed", "closed"]


async def test_a_claimed_ticket_left_without_a_reply_is_flagged_once(
    engine: Engine, db: Database
) -> None:
    """Before: claimed tickets had no SLA at all."""
    settings = Settings(counselor_ids=[1], sla_minutes=0, _env_file=None)
    bot = build_assistant(settings, engine=engine, db=db)
    desk = Desk(bot.handoff, bot.answer_text)
    await bot.handle(Incoming("telegram:5", "/human", action="human"))
    await desk.handle(CounselorInput("telegram:1", "/claim 1"))
    assert await bot.handoff.flag_silent() == 1
    assert await bot.handoff.flag_silent() == 0  # once, not every sweep
    flags = [i for i in await outbox(db) if "⏰" in i.text]
    assert len(flags) == 1 and "#1" in flags[0].text and flags[0].chat_id == "desk"
    await desk.handle(CounselorInput("telegram:1", "/reply 1 sorry for the wait"))
    assert await bot.handoff.flag_silent() == 1  # silent again past the SLA after the reply


async def test_an_urgent_announcement_does_not_wait_behind_chatter(
    engine: Engine, db: Database
) -> None:
    """Before: the outbox ignored priority; an urgent ticket waited behind other messages."""
    bot = build_assistant(Settings(_env_file=None), engine=engine, db=db)
    for n in range(5):
        await bot.handoff.to_counselors(f"chatter {n}")
    await bot.handle(Incoming("telegram:9", "my boss hit me and I am bleeding, help"))
    (first,) = await bot.handoff.outbox.take("desk", limit=1)
    assert first.priority == 0 and "🚨" in first.text


async def test_without_a_counselors_chat_users_are_told_the_truth(
    engine: Engine, db: Database
) -> None:
    """Before: with no counselors' chat, users were told a counselor was asked, and nothing
    happened."""
    settings = Settings(telegram_token="1:x", _env_file=None)  # no counselors' chat
    bot = build_assistant(settings, engine=engine, db=db, terminal_desk=False)
    (reply,) = await bot.handle(Incoming("telegram:5", "/human", action="human"))
    assert "No counselor can be reached" in reply.text
    assert "110" in reply.text and "queue" not in reply.text
    async with db.session() as session:
        assert (await session.exec(select(Ticket))).all() == []


async def test_a_forged_button_cannot_write_to_the_counselors(engine: Engine, db: Database) -> None:
    """Before: a forged `human:<anything>` button showed its text to counselors as the reason,
    logged it at INFO, and raised on PostgreSQL past 24 characters."""
    bot = build_assistant(Settings(_env_file=None), engine=engine, db=db)
    forged = "human:<b>CALL +81-90-0000-0000 NOW</b> free money"
    (reply,) = await bot.handle(Incoming("telegram:5", "", action=forged))
    assert reply.text.startswith("That button is no longer valid.")
    async with db.session() as session:
        assert (await session.exec(select(Ticket))).all() == []
    await bot.handle(Incoming("telegram:5", "", action="human:misses"))
    async with db.session() as session:
        (ticket,) = (await session.exec(select(Ticket))).all()
    assert ticket.reason == "misses"
    assert not any("CALL" in i.text for i in await outbox(db))


# -- several workers on one PostgreSQL -------------------------------------------------------------


async def test_two_workers_send_each_message_once_and_in_order(
    engine: Engine, postgres_url: str
) -> None:
    """Before: the lease (60 s) ran out while a slow batch to the counselors' chat was still
    being sent, and a second process sent the same rows again."""
    from telegram import Bot

    from bot.channels.telegram.delivery import Courier
    from bot.channels.telegram.transport import AiohttpRequest
    from bot.store.migrate import upgrade
    from tests.e2e.botapi import FakeBotAPI

    api = FakeBotAPI()
    base = await api.start()
    settings = Settings(counselor_chat_id=COUNSELORS_CHAT, _env_file=None)
    dbs = [Database(postgres_url), Database(postgres_url)]
    await upgrade(dbs[0])
    workers = [build_assistant(settings, engine=engine, db=d) for d in dbs]
    bots = [Bot("1:T", base_url=base, request=AiohttpRequest(connection_pool_size=8)) for _ in dbs]
    try:
        for chat in (11, 12, 13):
            for n in range(20):
                await workers[0].handoff.outbox.put(
                    channel="telegram", chat_id=str(chat), text=f"{chat}:{n:02d}"
                )
        for n in range(20):
            await workers[0].handoff.to_counselors(f"c:{n:02d}")
        for bot in bots:
            await bot.initialize()
        couriers = [Courier(w.handoff) for w in workers]
        await asyncio.gather(*(c.deliver_due(b) for c, b in zip(couriers, bots, strict=True)))
        await asyncio.gather(*(c.deliver_due(b) for c, b in zip(couriers, bots, strict=True)))
        for chat, prefix in ((11, "11:"), (12, "12:"), (13, "13:"), (COUNSELORS_CHAT, "c:")):
            texts = to_chat(api, chat)
            assert texts == sorted(texts) and len(texts) == 20, (chat, texts)
            assert all(x.startswith(prefix) for x in texts)
        async with dbs[0].session() as session:
            left = (
                await session.exec(select(Outbox).where(col(Outbox.delivered_at).is_(None)))
            ).all()
        assert left == []
    finally:
        for bot in bots:
            await bot.shutdown()
        await api.stop()
        for d in dbs:
            await d.dispose()


def to_chat(api, chat: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.params["text"] for c in api.sent(chat)]


async def test_one_topic_and_one_reannouncement_per_ticket_with_two_workers(
    engine: Engine, postgres_url: str
) -> None:
    """Before: two processes created two forum topics for one ticket (replies in the first
    matched nothing) and re-announced the same stale ticket twice."""
    from telegram import Bot

    from bot.channels.telegram.delivery import Courier
    from bot.channels.telegram.transport import AiohttpRequest
    from bot.store.migrate import upgrade
    from tests.e2e.botapi import FakeBotAPI

    api = FakeBotAPI()
    api.forums.add(COUNSELORS_CHAT)
    base = await api.start()
    settings = Settings(counselor_chat_id=COUNSELORS_CHAT, sla_minutes=0, _env_file=None)
    dbs = [Database(postgres_url), Database(postgres_url)]
    await upgrade(dbs[0])
    workers = [build_assistant(settings, engine=engine, db=d) for d in dbs]
    bots = [Bot("1:T", base_url=base, request=AiohttpRequest(connection_pool_size=8)) for _ in dbs]
    try:
        await workers[0].handle(Incoming("telegram:5", "/human", action="human"))
        counts = await asyncio.gather(*(w.handoff.reannounce_stale() for w in workers))
        assert sorted(counts) == [0, 1]  # one of the two workers re-announced it
        await workers[0].handoff.to_counselors("urgent note", ticket_id=1, priority=0)
        for bot in bots:
            await bot.initialize()
        couriers = [Courier(w.handoff) for w in workers]
        for _ in range(3):
            await asyncio.gather(*(c.deliver_due(b) for c, b in zip(couriers, bots, strict=True)))
        sends = api.sent(COUNSELORS_CHAT)
        assert len(sends) == 3
        threads = {c.params.get("message_thread_id") for c in sends}
        created = len(api.sent(method="createForumTopic"))
        deleted = len(api.sent(method="deleteForumTopic"))
        assert created - deleted == 1 and len(threads) == 1
        ticket = await workers[1].handoff.tickets.get(1)
        assert {str(ticket.thread_id)} == threads
    finally:
        for bot in bots:
            await bot.shutdown()
        await api.stop()
        for d in dbs:
            await d.dispose()


async def test_the_same_user_is_not_claimed_twice(telegram: Telegram) -> None:
    """Two counselors press Claim together: one wins, the other is told who has it."""
    t = telegram
    t.api.message(USER, "I want to talk to a counselor", language_code="en")
    await until(t, COUNSELORS_CHAT, "#1")
    counselor_says(t, "/claim 1")
    counselor_says(t, "/claim 1", who=OTHER_COUNSELOR)
    taken = await until(t, COUNSELORS_CHAT, "telegram:")  # the loser is told who has it
    async with t.db.session() as session:
        winner = (await session.get(Ticket, 1)).claimed_by
    assert winner in taken and winner in (f"telegram:{COUNSELOR}", f"telegram:{OTHER_COUNSELOR}")


async def test_a_message_stored_when_the_process_died_is_answered_after_restart(
    telegram: Telegram,
) -> None:
    """Before: the polling offset was confirmed before the reply, and a message stored but not
    answered when the process died was never answered (its redelivery is a duplicate)."""
    t = telegram
    # What a worker killed mid-turn leaves: the message stored, the update confirmed, no answer.
    opened = await t.assistant.conversations.open(
        Inbound("telegram", str(USER), "How many days of paid leave do I get per year?", "555")
    )
    async with t.db.connection() as conn:
        await conn.execute(
            update(Message)
            .where(Message.id == opened.message_id)
            .values(created_at=utcnow() - dt.timedelta(minutes=2))
        )
    await t.restart()
    answer = await until(t, USER, "paid leave")
    assert "http" in answer or "Source" in answer or len(answer) > 100

    async def answered() -> bool:  # stored once the answer has left
        async with t.db.session() as session:
            stored = await session.get(Message, opened.message_id)
            return stored.answered_at is not None

    await eventually(answered)
