"""The assistant on a real store: restarts, concurrency, duplicates, privacy."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap

from sqlalchemy import func
from sqlmodel import select

from bot.core.assistant import Assistant
from bot.core.factory import Engine
from bot.core.policy import Policy
from bot.core.turns import Incoming
from bot.store.conversations import SqlConversations
from bot.store.database import Database
from bot.store.migrate import upgrade
from bot.store.tables import Message, User

ALWAYS_ASK = Policy(answer_at=1.01, suggest_at=0.0)  # every match becomes "did you mean"


def assistant_on(engine: Engine, db: Database, policy: Policy | None = None) -> Assistant:
    return Assistant(
        engine.content,
        engine.matcher,
        engine.detector,
        engine.catalogs,
        SqlConversations(db),
        policy=policy,
    )


async def test_a_restart_mid_conversation_keeps_language_and_pending_choice(
    engine: Engine, database_url: str, db: Database
) -> None:
    before = assistant_on(engine, db, ALWAYS_ASK)
    (reply,) = await before.handle(Incoming("telegram:31", "nghỉ phép năm được mấy ngày vậy"))
    assert reply.kind == "did-you-mean" and reply.lang == "vi"
    first_choice = reply.buttons[0].action.removeprefix("answer:")
    await db.dispose()

    restarted_db = Database(database_url)  # new engine, new Assistant
    try:
        after = assistant_on(engine, restarted_db, ALWAYS_ASK)
        (answer, *_) = await after.handle(Incoming("telegram:31", "1"))
        assert (answer.kind, answer.entry, answer.lang) == ("answer", first_choice, "vi")
        (short, *_) = await after.handle(Incoming("telegram:31", "ok"))
        assert short.lang == "vi"
    finally:
        await restarted_db.dispose()


async def test_every_message_in_and_out_is_stored(engine: Engine, db: Database) -> None:
    bot = assistant_on(engine, db)
    replies = await bot.handle(Incoming("telegram:8", "有給休暇は何日もらえますか", update_id="1"))
    async with db.session() as session:
        rows = (await session.exec(select(Message).order_by(Message.id))).all()
    assert [r.direction for r in rows] == ["in"] + ["out"] * len(replies)
    assert (rows[0].lang, rows[0].entry) == ("ja", "annual-paid-leave")
    assert rows[0].confidence and rows[0].confidence > 0.5


async def test_two_concurrent_writers_lose_nothing(engine: Engine, db: Database) -> None:
    bot = assistant_on(engine, db)
    texts = ["hello", "有給", "nghi phep", "salário mínimo", "연차", "help"]

    async def writer(name: str) -> None:
        for n in range(1000):
            await bot.handle(
                Incoming(f"telegram:{name}", texts[n % len(texts)], update_id=f"{name}-{n}")
            )

    await asyncio.gather(writer("a"), writer("b"))
    await bot.handle(Incoming("telegram:a", "hello", update_id="a-5"))  # a duplicate
    async with db.session() as session:
        inbound = (
            await session.exec(select(Message.update_id).where(Message.direction == "in"))
        ).all()
        users = (await session.exec(select(func.count()).select_from(User))).one()
    assert len(inbound) == 2000
    assert len(set(inbound)) == 2000
    assert users == 2


WRITER = textwrap.dedent("""
    import asyncio, sys
    from bot.store.conversations import (ConversationState, Inbound, Outbound,
                                          SqlConversations)
    from bot.store.database import Database

    async def main(url, name):
        db = Database(url)
        store = SqlConversations(db)
        for n in range(1000):
            opened = await store.open(Inbound("telegram", name, f"m{n}", f"{name}-{n}"))
            await store.close(opened, ConversationState(lang="en"), None,
                              [Outbound(f"r{n}", "answer", "en", None, None, 1.0)])
        await db.dispose()

    asyncio.run(main(sys.argv[1], sys.argv[2]))
""")


async def test_two_processes_write_to_postgresql(postgres_url: str) -> None:
    db = Database(postgres_url)
    await upgrade(db)
    database_url = postgres_url
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, database_url, name],
            env={**os.environ},
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("p1", "p2")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    async with db.session() as session:
        inbound = (
            await session.exec(select(Message.update_id).where(Message.direction == "in"))
        ).all()
        outbound = (
            await session.exec(
                select(func.count()).select_from(Message).where(Message.direction == "out")
            )
        ).one()
    await db.dispose()
    assert len(inbound) == len(set(inbound)) == 2000
    assert outbound == 2000


async def test_forgetme_asks_first_then_deletes(engine: Engine, db: Database) -> None:
    bot = assistant_on(engine, db)
    await bot.handle(Incoming("telegram:66", "xin chào"))
    (ask,) = await bot.handle(Incoming("telegram:66", action="forget"))
    assert [b.action for b in ask.buttons] == ["forget:yes", "forget:no"]
    await bot.handle(Incoming("telegram:66", "tôi đổi ý"))  # anything else cancels
    (kept,) = await bot.handle(Incoming("telegram:66", action="forget:yes"))
    async with db.session() as session:
        assert (await session.exec(select(func.count()).select_from(User))).one() == 1
    await bot.handle(Incoming("telegram:66", action="forget"))
    (done,) = await bot.handle(Incoming("telegram:66", action="forget:yes"))
    assert done.lang == "vi" and done.text != kept.text
    async with db.session() as session:
        assert (await session.exec(select(func.count()).select_from(User))).one() == 0
        assert (await session.exec(select(func.count()).select_from(Message))).one() == 0


async def test_a_self_check_survives_a_restart_between_two_answers(
    engine: Engine, database_url: str, db: Database
) -> None:
    before = assistant_on(engine, db)
    (question,) = await before.handle(Incoming("telegram:77", "", action="check:paid-leave"))
    assert question.kind == "flow"
    (next_question,) = await before.handle(Incoming("telegram:77", "2024-04-01"))
    assert next_question.kind == "flow"
    await db.dispose()

    restarted_db = Database(database_url)  # a new process: the answers so far are in the store
    try:
        after = assistant_on(engine, restarted_db)
        (hours,) = await after.handle(Incoming("telegram:77", "5"))
        assert hours.kind == "flow"
        (result,) = await after.handle(Incoming("telegram:77", "40"))
        assert result.kind == "flow-result" and result.entry == "annual-paid-leave"
    finally:
        await restarted_db.dispose()


async def test_a_user_asks_for_reminders_lists_them_and_cancels_one(
    engine: Engine, db: Database
) -> None:
    from bot.outreach.notices import Notices
    from bot.outreach.reminders import Reminders

    bot = Assistant(
        engine.content,
        engine.matcher,
        engine.detector,
        engine.catalogs,
        SqlConversations(db),
        reminders=Reminders(db, engine.catalogs),
        notices=Notices(db, engine.catalogs),
    )
    user = "telegram:88"
    await bot.handle(Incoming(user, "", action="check:residence-card", lang_hint="en"))
    await bot.handle(Incoming(user, "2030-06-30"))
    (result,) = await bot.handle(Incoming(user, "", action="pick:other"))
    assert result.buttons[0].action == "remind:2030-06-30"

    (told,) = await bot.handle(Incoming(user, "", action=result.buttons[0].action))
    assert "March 30, 2030, May 30, 2030, and June 16, 2030" in told.text
    assert "10:00 Tokyo time" in told.text

    (listed,) = await bot.handle(Incoming(user, "", action="reminders"))
    assert listed.text.count("\n") == 3 and len(listed.buttons) == 3
    (cancelled,) = await bot.handle(Incoming(user, "", action=listed.buttons[0].action))
    assert cancelled.text == "Reminder cancelled."
    (again,) = await bot.handle(Incoming(user, "", action="reminders"))
    assert len(again.buttons) == 2
    # Another user's reminder cannot be cancelled with a forged button.
    (forged,) = await bot.handle(
        Incoming("telegram:89", "", action=again.buttons[0].action, lang_hint="en")
    )
    assert forged.text == "That button is no longer valid. Here is the menu again."

    (impossible,) = await bot.handle(Incoming(user, "", action="remind:2030-02-30"))
    assert impossible.text == "That button is no longer valid. Here is the menu again."

    (off,) = await bot.handle(Incoming(user, "", action="notices:off"))
    assert off.text == "You do not receive notices from this desk."
    assert off.buttons[0].action == "notices:on"
