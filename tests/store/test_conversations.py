"""The conversation store contract, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlalchemy import func, update
from sqlmodel import select

from bot.store.conversations import (
    ConversationState,
    Inbound,
    InProgress,
    MemoryConversations,
    Opened,
    Outbound,
    SqlConversations,
    Understanding,
)
from bot.store.database import Database
from bot.store.migrate import upgrade
from bot.store.privacy import export_user, purge
from bot.store.tables import Feedback, Message, Unanswered, User, utcnow


async def count(db: Database, model, *where) -> int:  # type: ignore[no-untyped-def]
    async with db.session() as session:
        query = select(func.count()).select_from(model)
        for clause in where:
            query = query.where(clause)
        return (await session.exec(query)).one()


async def test_the_message_is_stored_before_anything_is_decided(db: Database) -> None:
    store = SqlConversations(db)
    opened = await store.open(Inbound("telegram", "100", "tôi muốn hỏi", "u1"))
    assert opened is not None
    assert opened.state == ConversationState()
    assert await count(db, Message, Message.direction == "in") == 1  # before close()


async def test_state_and_messages_survive_a_new_engine(database_url: str, db: Database) -> None:
    store = SqlConversations(db)
    opened = await store.open(Inbound("telegram", "7", "hello"))
    state = ConversationState(lang="vi", chosen=True, pending=["annual-paid-leave"], misses=1)
    await store.close(
        opened,
        state,
        Understanding("vi", "annual-paid-leave", None, 0.4),
        [Outbound("Bạn muốn hỏi...", "did-you-mean", "vi", None, None, 0.4)],
    )

    again = Database(database_url)  # a restart: new engine, new store
    try:
        reopened = await SqlConversations(again).open(Inbound("telegram", "7", "1"))
        assert reopened.user_id == opened.user_id
        assert reopened.state == ConversationState(
            lang="vi", chosen=True, pending=["annual-paid-leave"], misses=1
        )
    finally:
        await again.dispose()


async def test_easy_japanese_is_stored_as_a_flag(db: Database) -> None:
    store = SqlConversations(db)
    opened = await store.open(Inbound("console", "hana", "こんにちは"))
    await store.close(opened, ConversationState(lang="ja-easy", chosen=True), None, [])
    async with db.session() as session:
        user = (await session.exec(select(User))).one()
        assert (user.lang, user.easy_japanese) == ("ja", True)
    assert (await store.open(Inbound("console", "hana", "x"))).state.lang == "ja-easy"


async def test_the_same_update_is_processed_once(db: Database) -> None:
    store = SqlConversations(db)
    first = await store.open(Inbound("telegram", "5", "hi", update_id="900"))
    await store.close(first, first.state, None, [])
    second = await store.open(Inbound("telegram", "5", "hi", update_id="900"))
    assert first is not None and second is None
    other_channel = await store.open(Inbound("console", "5", "hi", update_id="900"))
    assert other_channel is not None
    assert await count(db, Message) == 2


async def test_concurrent_duplicates_are_processed_once(db: Database) -> None:
    store = SqlConversations(db)
    results = await asyncio.gather(
        *(store.open(Inbound("telegram", "5", "hi", update_id="42")) for _ in range(8)),
        return_exceptions=True,
    )
    assert sum(isinstance(r, Opened) for r in results) == 1
    # the others: still in its turn, Telegram is to send them again later
    assert all(isinstance(r, InProgress) for r in results if not isinstance(r, Opened))


async def test_unanswered_and_feedback_are_kept_for_curators(db: Database) -> None:
    store = SqlConversations(db)
    opened = await store.open(Inbound("telegram", "9", "bitcoin price?"))
    await store.close(
        opened,
        ConversationState(lang="en", misses=1),
        Understanding(
            "en",
            "out-of-scope",
            None,
            0.05,
            unanswered=True,
            candidates=(("subsidy-overview", 0.2),),
        ),
        [],
    )
    await store.feedback(opened.user_id, "annual-paid-leave", -1, "en")
    async with db.session() as session:
        row = (await session.exec(select(Unanswered))).one()
        assert (row.text, row.candidates) == ("bitcoin price?", [["subsidy-overview", 0.2]])
    assert await count(db, Feedback, Feedback.vote == -1) == 1


async def test_forget_deletes_messages_and_profile(db: Database) -> None:
    store = SqlConversations(db)
    keep = await store.open(Inbound("telegram", "1", "stay"))
    gone = await store.open(Inbound("telegram", "2", "my secret"))
    await store.close(
        gone,
        ConversationState(lang="en"),
        None,
        [Outbound("answer", "answer", "en", None, None, 1.0)],
    )
    await store.forget(gone.user_id)
    assert await count(db, Message, Message.user_id == gone.user_id) == 0
    assert await count(db, User) == 1
    assert await count(db, Message, Message.user_id == keep.user_id) == 1
    # A reply recorded after the user left leaves nothing behind either.
    await store.close(
        gone, ConversationState(lang="en"), None, [Outbound("bye", "notice", "en", None, None, 1.0)]
    )
    assert await count(db, Message, Message.user_id == gone.user_id) == 0


async def test_purge_deletes_old_messages_only(db: Database) -> None:
    store = SqlConversations(db)
    for n in range(3):
        await store.open(Inbound("telegram", "3", f"message {n}"))
    async with db.session() as session:
        old = dt.datetime.now(dt.UTC) - dt.timedelta(days=200)
        await session.exec(
            update(Message).where(Message.text != "message 2").values(created_at=old)
        )
    counts = await purge(db, dt.timedelta(days=180))
    assert (counts["messages"], counts["unanswered"], counts["outbox"]) == (2, 0, 0)
    assert await count(db, Message) == 1


async def test_export_holds_everything_about_the_user(db: Database) -> None:
    store = SqlConversations(db)
    opened = await store.open(Inbound("telegram", "77", "xin chào"))
    await store.close(
        opened,
        ConversationState(lang="vi"),
        None,
        [Outbound("Chào bạn", "intent", "vi", "greeting", None, 0.9)],
    )
    data = await export_user(db, "telegram:77")
    assert data["user"]["lang"] == "vi"
    assert [m["text"] for m in data["messages"]] == ["xin chào", "Chào bạn"]
    assert data == await export_user(db, str(opened.user_id))


# -- several workers, and workers that die -------------------------------------------------------


async def test_one_users_messages_are_answered_in_order_across_workers(
    postgres_url: str,
) -> None:
    """Telegram may hand one user's next update to a second worker while the first is still
    answering the previous one: the second waits, then starts from the state the first left.
    (PostgreSQL: SQLite serves one process.)"""
    db, other = Database(postgres_url), Database(postgres_url)
    await upgrade(db)
    try:
        first, second = SqlConversations(db), SqlConversations(other)
        one = await first.open(Inbound("telegram", "31", "first question", "u1"))
        waiting = asyncio.create_task(second.open(Inbound("telegram", "31", "1", "u2")))
        await asyncio.sleep(0.5)
        assert not waiting.done()  # the first turn is not finished: the second waits
        await first.close(
            one, ConversationState(lang="vi", pending=["annual-paid-leave"]), None, []
        )
        two = await asyncio.wait_for(waiting, 5)
        assert two.state.pending == ["annual-paid-leave"] and two.state.lang == "vi"
    finally:
        await other.dispose()
        await db.dispose()


async def test_an_update_sent_again_while_its_turn_runs_is_refused_for_now(db: Database) -> None:
    """A redelivery (the first request timed out at the load balancer) must not start a
    second turn next to the first: the worker answers 'later' and Telegram tries again."""
    store = SqlConversations(db)
    await store.open(Inbound("telegram", "32", "hello", "u9"))
    with pytest.raises(InProgress):
        await store.open(Inbound("telegram", "32", "hello", "u9"))


async def test_a_turn_that_died_is_taken_over_by_the_redelivered_update(db: Database) -> None:
    """Before: the worker died mid-turn, Telegram sent the update again, and the store dropped
    it as a duplicate; the message waited for the resume job, behind the user's later ones."""
    store = SqlConversations(db)
    opened = await store.open(Inbound("telegram", "33", "my visa", "u7"))
    await store.close(opened, ConversationState(lang="en", misses=2), None, [])
    dead = await store.open(Inbound("telegram", "33", "and my card?", "u8"))
    async with db.session() as session:  # its worker died a while ago
        await session.exec(
            update(Message)
            .where(Message.id == dead.message_id)
            .values(created_at=utcnow() - dt.timedelta(seconds=30))
        )
    again = await store.open(Inbound("telegram", "33", "and my card?", "u8"))
    assert isinstance(again, Opened)
    assert again.message_id == dead.message_id and again.state.misses == 2
    with pytest.raises(InProgress):  # taken: a third delivery waits for this turn
        await store.open(Inbound("telegram", "33", "and my card?", "u8"))
    async with db.session() as session:  # and the worker that took it died too
        await session.exec(
            update(Message)
            .where(Message.id == dead.message_id)
            .values(claimed_at=utcnow() - dt.timedelta(seconds=30))
        )
    last = await store.open(Inbound("telegram", "33", "and my card?", "u8"))
    assert isinstance(last, Opened) and last.message_id == dead.message_id
    await store.close(last, last.state, None, [])
    assert await store.open(Inbound("telegram", "33", "and my card?", "u8")) is None


async def test_the_memory_store_never_reuses_a_forgotten_users_id() -> None:
    """Before: ids were `len(users) + 1`, so after a /forgetme the next new user got the id of
    someone still talking, and with it their state."""
    store = MemoryConversations()
    gone = await store.open(Inbound("console", "a", "hi"))
    stays = await store.open(Inbound("console", "b", "hi"))
    await store.forget(gone.user_id)
    new = await store.open(Inbound("console", "c", "hi"))
    assert new.user_id not in (gone.user_id, stays.user_id)
