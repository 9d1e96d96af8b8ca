"""The conversation store contract, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import asyncio
import datetime as dt

from sqlalchemy import func, update
from sqlmodel import select

from bot.store.conversations import (
    ConversationState,
    Inbound,
    Outbound,
    SqlConversations,
    Understanding,
)
from bot.store.database import Database
from bot.store.privacy import export_user, purge
from bot.store.tables import Feedback, Message, Unanswered, User


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
    second = await store.open(Inbound("telegram", "5", "hi", update_id="900"))
    assert first is not None and second is None
    other_channel = await store.open(Inbound("console", "5", "hi", update_id="900"))
    assert other_channel is not None
    assert await count(db, Message) == 2


async def test_concurrent_duplicates_are_processed_once(db: Database) -> None:
    store = SqlConversations(db)
    results = await asyncio.gather(
        *(store.open(Inbound("telegram", "5", "hi", update_id="42")) for _ in range(8))
    )
    assert sum(r is not None for r in results) == 1


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
