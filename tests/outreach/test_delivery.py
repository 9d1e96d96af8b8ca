"""Notices and reminders leave through the real outbox courier: the bot (PTB, its JobQueue,
the rate limiter) against the loopback Bot API."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from bot.core.factory import Engine
from bot.outreach.notices import Notices
from bot.outreach.reminders import Reminders
from bot.store.tables import utcnow
from tests.e2e.conftest import running_bot
from tests.outreach.conftest import Clock, add_users

BLOCKED = 71003
RENEW = (
    "Reminder: your residence card expires on {date}. You can usually apply to renew it from "
    "about three months before it expires, at the immigration office."
)
JA_NOTE = "This notice is not available in your language. Here it is in Japanese."


async def test_a_notice_and_a_reminder_reach_their_chats(engine: Engine, tmp_path: Path) -> None:
    async with running_bot(engine, f"sqlite+aiosqlite:///{tmp_path / 'tg.db'}") as t:
        catalogs = t.assistant.catalogs
        users = await add_users(t.db, ["vi", "ne", "en", "ja", "pt"] * 4, start=71000)
        t.api.fail("sendMessage", "403", chat_id=BLOCKED)  # this one blocked the bot

        notice = await Notices(t.db, catalogs).send(
            {"ja": "台風が接近しています。", "vi": "Bão đang đến gần."}, by="supervisor:1"
        )
        # The expiry is two months away: the reminder three months before is already due.
        expiry = (utcnow() + dt.timedelta(days=60)).date()
        then = Clock(utcnow() - dt.timedelta(days=60))
        made = await Reminders(t.db, catalogs, clock=then).schedule(users[0], expiry, "vi")
        assert [r.before for r in made] == ["3 months", "1 month", "2 weeks"]

        def chats() -> set[int]:
            return {int(c.params["chat_id"]) for c in t.api.sent()}

        # Every subscriber but the one who blocked the bot; the Vietnamese worker twice.
        await t.api.wait_for(lambda: len(chats()) == 19 and len(t.api.sent(71000)) == 2, 30)
        v = catalogs("vi")
        stop = v.gettext("To stop notices from this desk, write /notices off.")
        assert sorted(c.params["text"] for c in t.api.sent(71000)) == sorted(
            [f"Bão đang đến gần.\n\n{stop}", v.gettext(RENEW, date=v.date(expiry))]
        )
        ne = catalogs("ne")
        assert [c.params["text"] for c in t.api.sent(71001)] == [
            ne.gettext(JA_NOTE)
            + "\n\n台風が接近しています。\n\n"
            + ne.gettext("To stop notices from this desk, write /notices off.")
        ]
        assert BLOCKED not in chats()

        notices = Notices(t.db, catalogs)
        for _ in range(100):  # the courier marks the last items just after sending them
            progress = await notices.progress(notice)
            if progress.pending == 0:
                break
            await asyncio.sleep(0.1)
        assert (progress.recipients, progress.delivered, progress.failed) == (20, 19, 1)
        assert len(await Reminders(t.db, catalogs).list(users[0])) == 2  # one sent, two to come
