"""Residence-card reminders with a frozen clock, on SQLite and PostgreSQL: created, listed,
cancelled, fired once at 10:00 Tokyo time, still fired after a restart, never twice when two
workers race."""

from __future__ import annotations

import asyncio
import datetime as dt

from rich.console import Console
from sqlmodel import col, select

from bot.channels.console import ConsoleChannel
from bot.core.factory import Engine, build_assistant
from bot.i18n import Catalogs
from bot.outreach.reminders import TOKYO, Reminders, residence_card_dates
from bot.settings import Settings
from bot.store.database import Database
from bot.store.tables import Outbox
from tests.outreach.conftest import Clock, add_users

UTC = dt.UTC
EXPIRY = dt.date(2027, 3, 31)
RENEW = (
    "Reminder: your residence card expires on {date}. You can usually apply to renew it from "
    "about three months before it expires, at the immigration office."
)


def tokyo(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=TOKYO)


async def outbox(db: Database, purpose: str = "reminder") -> list[Outbox]:
    async with db.session() as session:
        return list(
            (
                await session.exec(
                    select(Outbox).where(Outbox.purpose == purpose).order_by(col(Outbox.id))
                )
            ).all()
        )


def test_three_reminders_before_the_card_expires() -> None:
    assert residence_card_dates(EXPIRY) == [
        ("3 months", dt.date(2026, 12, 31)),
        ("1 month", dt.date(2027, 2, 28)),  # 31 March less a month: February's last day
        ("2 weeks", dt.date(2027, 3, 17)),
    ]
    assert residence_card_dates(dt.date(2028, 5, 31))[0] == ("3 months", dt.date(2028, 2, 29))
    assert residence_card_dates(dt.date(2027, 1, 15))[0] == ("3 months", dt.date(2026, 10, 15))


async def test_a_worker_is_reminded_in_vietnamese_at_ten_in_tokyo(
    db: Database, catalogs: Catalogs
) -> None:
    clock = Clock(tokyo(2026, 12, 1, 9, 0))
    (user,) = await add_users(db, ["vi"], start=601)
    reminders = Reminders(db, catalogs, clock=clock)

    # The worker gives the card's expiry date and asks to be reminded.
    made = await reminders.schedule(user, EXPIRY, "vi")
    assert [(r.before, r.due_local) for r in made] == [
        ("3 months", tokyo(2026, 12, 31, 10, 0)),
        ("1 month", tokyo(2027, 2, 28, 10, 0)),
        ("2 weeks", tokyo(2027, 3, 17, 10, 0)),
    ]
    assert made[0].due_at == dt.datetime(2026, 12, 31, 1, 0, tzinfo=UTC)
    assert all(r.expiry == EXPIRY and r.kind == "residence-card" for r in made)
    assert await reminders.list(user) == made

    # Nothing before ten o'clock on the day, in Tokyo.
    assert await reminders.fire_due() == 0
    clock.now = tokyo(2026, 12, 31, 9, 59, 59)
    assert await reminders.fire_due() == 0
    clock.now = tokyo(2026, 12, 31, 10, 0)
    assert await reminders.fire_due() == 1
    assert await reminders.fire_due() == 0  # once
    clock.now = tokyo(2027, 1, 15, 10, 0)
    assert await reminders.fire_due() == 0

    (sent,) = await outbox(db)
    vi = catalogs("vi")
    assert sent.chat_id == "601" and sent.channel == "telegram"
    assert sent.text == vi.gettext(RENEW, date=vi.date(EXPIRY))
    assert sent.text != catalogs("en").gettext(RENEW, date=vi.date(EXPIRY))
    assert "2027" in sent.text
    assert [r.before for r in await reminders.list(user)] == ["1 month", "2 weeks"]


async def test_reminders_already_past_are_skipped(db: Database, catalogs: Catalogs) -> None:
    clock = Clock(tokyo(2027, 3, 1, 12, 0))
    (user,) = await add_users(db, ["ne"])
    reminders = Reminders(db, catalogs, clock=clock)
    assert [r.before for r in await reminders.schedule(user, EXPIRY, "ne")] == ["2 weeks"]
    clock.now = tokyo(2027, 3, 20, 12, 0)
    assert await reminders.schedule(user, EXPIRY, "ne") == []  # too late for any
    assert await reminders.list(user) == []  # and the earlier one was replaced


async def test_a_new_expiry_date_replaces_the_old_reminders(
    db: Database, catalogs: Catalogs
) -> None:
    reminders = Reminders(db, catalogs, clock=Clock(tokyo(2026, 6, 1, 9, 0)))
    (user,) = await add_users(db, ["en"])
    await reminders.schedule(user, dt.date(2027, 3, 13), "en")  # a typo, corrected:
    made = await reminders.schedule(user, EXPIRY, "en")
    assert await reminders.list(user) == made
    assert {r.expiry for r in made} == {EXPIRY}


async def test_a_user_cancels_a_reminder_and_only_their_own(
    db: Database, catalogs: Catalogs
) -> None:
    clock = Clock(tokyo(2026, 12, 1, 9, 0))
    me, other = await add_users(db, ["pt", "pt"])
    reminders = Reminders(db, catalogs, clock=clock)
    mine = await reminders.schedule(me, EXPIRY, "pt")
    theirs = await reminders.schedule(other, EXPIRY, "pt")

    assert await reminders.cancel(me, theirs[0].id) is False  # not mine
    assert await reminders.cancel(me, mine[0].id) is True
    assert await reminders.cancel(me, mine[0].id) is False  # already cancelled
    assert [r.id for r in await reminders.list(me)] == [r.id for r in mine[1:]]
    assert len(await reminders.list(other)) == 3

    clock.now = tokyo(2027, 4, 1, 0, 0)  # every reminder is due
    assert await reminders.fire_due() == 5  # mine less the cancelled one, and theirs
    assert await reminders.cancel(other, theirs[1].id) is False  # already sent
    assert await reminders.cancel_all(me) == 0
    assert len(await outbox(db)) == 5


async def test_a_reminder_still_fires_after_a_restart(
    database_url: str, db: Database, catalogs: Catalogs
) -> None:
    clock = Clock(tokyo(2026, 12, 1, 9, 0))
    (user,) = await add_users(db, ["ja-easy"], start=700)
    await Reminders(db, catalogs, clock=clock).schedule(user, EXPIRY, "ja-easy")
    await db.dispose()  # the process stops; a new one starts on the same database

    again = Database(database_url)
    try:
        clock.now = tokyo(2026, 12, 31, 10, 0, 30)
        assert await Reminders(again, catalogs, clock=clock).fire_due() == 1
        (sent,) = await outbox(again)
        easy = catalogs("ja-easy")
        assert sent.chat_id == "700"
        assert sent.text == easy.gettext(RENEW, date=easy.date(EXPIRY))
    finally:
        await again.dispose()


async def test_two_workers_racing_queue_each_reminder_once(
    database_url: str, db: Database, catalogs: Catalogs
) -> None:
    clock = Clock(tokyo(2026, 12, 1, 9, 0))
    users = await add_users(db, ["vi", "ne", "id", "tl", "ko", "zh", "en", "ja"] * 5)
    one = Reminders(db, catalogs, clock=clock)
    for user in users:
        await one.schedule(user, EXPIRY, None)
    other_db = Database(database_url)  # a second process
    try:
        other = Reminders(other_db, catalogs, clock=clock)
        clock.now = tokyo(2027, 4, 1, 0, 0)
        counts = await asyncio.gather(
            one.fire_due(batch=7), other.fire_due(batch=7), one.fire_due(), other.fire_due()
        )
        assert sum(counts) == 3 * len(users)
        items = await outbox(db)
        assert len(items) == 3 * len(users)
        assert sorted(i.chat_id for i in items) == sorted(
            str(1000 + n) for n in range(len(users)) for _ in range(3)
        )
    finally:
        await other_db.dispose()


async def test_the_language_is_the_user_s_when_it_fires(db: Database, catalogs: Catalogs) -> None:
    clock = Clock(tokyo(2026, 12, 1, 9, 0))
    (user,) = await add_users(db, [None], start=800)  # language not known yet
    reminders = Reminders(db, catalogs, clock=clock)
    await reminders.schedule(user, EXPIRY, "ko")  # asked in Korean
    clock.now = tokyo(2026, 12, 31, 10, 0)
    await reminders.fire_due()
    (sent,) = await outbox(db)
    ko = catalogs("ko")
    assert sent.text == ko.gettext(RENEW, date=ko.date(EXPIRY))


async def test_the_terminal_chat_shows_a_reminder_that_came_due(
    engine: Engine, db: Database, catalogs: Catalogs
) -> None:
    """On a laptop only `madoguchi chat` runs: started after the day, it shows the reminder."""
    assistant = build_assistant(Settings(_env_file=None), engine=engine, db=db)
    (user,) = await add_users(db, ["en"], start=702, channel="console")
    asked_in_january = Reminders(db, catalogs, clock=Clock(tokyo(2026, 1, 5, 9, 0)))
    assert len(await asked_in_january.schedule(user, dt.date(2026, 6, 30), "en")) == 3
    screen = Console(record=True, width=200)
    chat = ConsoleChannel(assistant, console=screen, read=lambda _: "/quit", user="console:702")
    await chat.run()
    shown = " ".join(screen.export_text().split())
    en = catalogs("en")
    assert shown.count(" ".join(en.gettext(RENEW, date=en.date(dt.date(2026, 6, 30))).split())) == 3
    assert [r.delivered_at is not None for r in await outbox(db)] == [True] * 3
    assert await assistant.reminders.list(user) == []
