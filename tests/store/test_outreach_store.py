"""The store's side of reminders and notices on SQLite and PostgreSQL: the migration on a
database with users in it, the conditional statements, and privacy (export, forget, purge)."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import func, text
from sqlmodel import select

from bot.store import notices as notice_rows
from bot.store import reminders as reminder_rows
from bot.store.database import Database
from bot.store.migrate import _config, current_revision, upgrade
from bot.store.privacy import forget_user, purge_before, user_record
from bot.store.tables import NoticeRecipient, Reminder, StateRow, User, utcnow


async def downgrade(db: Database, revision: str) -> None:
    config = _config()

    def run(connection) -> None:  # type: ignore[no-untyped-def]
        config.attributes["connection"] = connection
        command.downgrade(config, revision)

    async with db.engine.begin() as connection:
        await connection.run_sync(run)


async def a_user(db: Database, external_id: str, lang: str = "vi") -> int:
    async with db.session() as session:
        user = User(channel="telegram", external_id=external_id, lang=lang)
        session.add(user)
        await session.flush()
        return user.id


async def test_users_already_stored_are_opted_in_and_keep_their_state(
    database_url: str,
) -> None:
    db = Database(database_url)
    try:
        await upgrade(db, "0004")
        async with db.connection() as conn:
            await conn.execute(
                text(
                    "INSERT INTO users (id, channel, external_id, lang, lang_chosen, "
                    "easy_japanese, role, created_at, last_seen_at) VALUES (1, 'telegram', "
                    "'42', 'ne', false, false, 'user', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                )
            )
            await conn.execute(
                text(
                    "INSERT INTO conversation_state (user_id, pending, misses, handoff, flow, "
                    "updated_at) VALUES (1, '[]', 2, false, NULL, CURRENT_TIMESTAMP)"
                )
            )
        await upgrade(db)
        async with db.session() as session:
            user = await session.get(User, 1)
            state = await session.get(StateRow, 1)
        assert user.notices is True and user.company is None
        assert state.flow_data == {} and state.misses == 2
        # A row written without flow_data (as the conversation's Core statements may) gets {}.
        async with db.connection() as conn:
            await conn.execute(text("DELETE FROM conversation_state"))
            await conn.execute(
                StateRow.__table__.insert().values(
                    user_id=1, pending=[], misses=0, handoff=False, updated_at=utcnow()
                )
            )
        async with db.session() as session:
            assert (await session.get(StateRow, 1)).flow_data == {}

        # Down and up again: the columns go and come back; nobody's rows go with them (on
        # SQLite, copying and dropping `users` would cascade to every row about a user).
        await downgrade(db, "0004")
        assert await current_revision(db) == "0004"
        async with db.connection() as conn:
            for table in ("users", "conversation_state"):
                count = select(func.count()).select_from(text(table))
                assert (await conn.execute(count)).scalar_one() == 1, table
        await upgrade(db)
        async with db.session() as session:
            assert (await session.get(User, 1)).notices is True
    finally:
        await db.dispose()


async def test_a_reminder_is_taken_once_and_a_cancelled_one_never(db: Database) -> None:
    user = await a_user(db, "1")
    now = utcnow()
    async with db.session() as session:
        due = await reminder_rows.add_reminder(
            session=session, user_id=user, kind="residence-card", due_at=now, params={"x": 1}
        )
        cancelled = await reminder_rows.add_reminder(
            session=session, user_id=user, kind="residence-card", due_at=now
        )
        await reminder_rows.add_reminder(
            session=session,
            user_id=user,
            kind="residence-card",
            due_at=now + dt.timedelta(days=1),
        )
    async with db.session() as session:
        assert await reminder_rows.cancel_reminder(
            session=session, user_id=user, reminder_id=cancelled.id
        )
    async with db.session() as session:
        taken, more = await reminder_rows.take_due_reminders(session=session, now=now)
    assert [(r.id, u.external_id) for r, u in taken] == [(due.id, "1")] and not more
    assert taken[0][0].queued_at is not None and taken[0][0].params == {"x": 1}
    async with db.session() as session:
        assert await reminder_rows.take_due_reminders(session=session, now=now) == ([], False)
        left = await reminder_rows.reminders_of(session=session, user_id=user)
        every = await reminder_rows.reminders_of(session=session, user_id=user, pending=False)
    assert len(left) == 1 and len(every) == 3


async def test_a_finished_or_unknown_notice_fans_out_to_nobody(db: Database) -> None:
    await a_user(db, "1")
    async with db.session() as session:
        notice = await notice_rows.create_notice(
            session=session, created_by="cli", texts={"ja": "お知らせ"}, audience={}
        )
    for expected in ((1, False), (0, True), (0, True)):
        async with db.session() as session:
            got = await notice_rows.fan_out_batch(
                session=session, notice_id=notice.id, text_for=lambda lang: f"[{lang}]"
            )
        assert got == expected
    async with db.session() as session:
        assert await notice_rows.fan_out_batch(session=session, notice_id=999, text_for=str) == (
            0,
            True,
        )
        assert await notice_rows.unfinished_notices(session=session) == []
        (recipient,) = (await session.exec(select(NoticeRecipient))).all()
    assert recipient.outbox_id is not None


async def test_export_forget_and_purge_cover_reminders_and_notices(db: Database) -> None:
    me, other = await a_user(db, "1"), await a_user(db, "2")
    long_ago = utcnow() - dt.timedelta(days=400)
    async with db.session() as session:
        for user in (me, other):
            await reminder_rows.add_reminder(
                session=session,
                user_id=user,
                kind="residence-card",
                due_at=utcnow() + dt.timedelta(days=30),
                params={"expiry": "2027-03-31"},
            )
        sent = await reminder_rows.add_reminder(
            session=session, user_id=other, kind="residence-card", due_at=long_ago
        )
        sent.queued_at = long_ago
        notice = await notice_rows.create_notice(
            session=session, created_by="cli", texts={"ja": "お知らせ"}, audience={}
        )
    async with db.session() as session:
        await notice_rows.fan_out_batch(session=session, notice_id=notice.id, text_for=str)

    async with db.session() as session:
        record = await user_record(session=session, user=await session.get(User, me))
    assert [r["params"] for r in record["reminders"]] == [{"expiry": "2027-03-31"}]
    assert [n["notice_id"] for n in record["notices_received"]] == [notice.id]

    async with db.session() as session:
        counts = await forget_user(session=session, user_id=me)
    assert (counts["reminders"], counts["notices_received"], counts["outbox"]) == (1, 1, 1)

    async with db.session() as session:
        purged = await purge_before(session=session, cutoff=utcnow() - dt.timedelta(days=180))
        left = (await session.exec(select(Reminder))).all()
    assert purged["reminders"] == 1  # sent long ago; the one still to come stays
    assert [r.user_id for r in left] == [other]
