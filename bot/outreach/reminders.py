"""Reminders before a deadline of the user's: stored, sent once through the outbox, in the
user's language, at a sensible Tokyo hour.

The residence card: three reminders, 3 months, 1 month and 2 weeks before the card expires,
each at 10:00 Tokyo time; those already past when the user asks are skipped. Renewal can
usually be applied for from about three months before expiry (Immigration Services Agency,
在留期間更新許可申請: https://www.moj.go.jp/isa/applications/procedures/16-3.html), so the
first one comes when the window opens.

`fire_due` runs on a timer (PTB's JobQueue) in every worker: each due reminder is marked
queued in the same transaction that writes its outbox item, conditionally, so it is queued
once whatever the number of workers, and a restart simply finds it still due.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.i18n import Catalogs, Translator
from bot.languages import LANGUAGES
from bot.rules.residence import months_before
from bot.store import outbox as boxes
from bot.store import reminders as rows
from bot.store.database import Database
from bot.store.notices import user_language
from bot.store.tables import Reminder, User, utcnow

__all__ = [
    "REMIND_AT",
    "RESIDENCE_CARD",
    "TOKYO",
    "Reminders",
    "ScheduledReminder",
    "residence_card_dates",
]

log = logging.getLogger(__name__)

TOKYO = ZoneInfo("Asia/Tokyo")
REMIND_AT = dt.time(10, 0)  # Tokyo time: office hours, not the middle of the night
RESIDENCE_CARD = "residence-card"
REMINDER_PRIORITY = 1  # like an answer: a user's own deadline, not a bulk notice


def residence_card_dates(expiry: dt.date) -> list[tuple[str, dt.date]]:
    """(how long before, the day) of the three reminders, earliest first."""
    return [
        ("3 months", months_before(expiry, 3)),
        ("1 month", months_before(expiry, 1)),
        ("2 weeks", expiry - dt.timedelta(weeks=2)),
    ]


def _tokyo_morning(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, REMIND_AT, tzinfo=TOKYO).astimezone(dt.UTC)


@dataclass(frozen=True, slots=True)
class ScheduledReminder:
    """A reminder still to come, as a user's list shows it."""

    id: int
    kind: str
    due_at: dt.datetime  # aware UTC
    expiry: dt.date | None
    before: str  # "3 months" | "1 month" | "2 weeks"

    @property
    def due_local(self) -> dt.datetime:
        """When it comes, in Tokyo time."""
        return self.due_at.astimezone(TOKYO)

    @classmethod
    def of(cls, row: Reminder) -> ScheduledReminder:
        expiry = row.params.get("expiry")
        return cls(
            id=row.id,
            kind=row.kind,
            due_at=row.due_at,
            expiry=dt.date.fromisoformat(expiry) if expiry else None,
            before=row.params.get("before", ""),
        )


def _residence_card(t: Translator, params: dict) -> str:
    expiry = dt.date.fromisoformat(params["expiry"])
    return t.gettext(
        "Reminder: your residence card expires on {date}. You can usually apply to renew it "
        "from about three months before it expires, at the immigration office.",
        date=t.date(expiry),
    )


# What each kind of reminder says: one entry per kind.
TEXTS: dict[str, Callable[[Translator, dict], str]] = {RESIDENCE_CARD: _residence_card}


class Reminders:
    """Reminders over one database. `clock` is the time now (a test freezes it)."""

    def __init__(
        self,
        db: Database,
        catalogs: Catalogs,
        *,
        default_language: str = "en",
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.db = db
        self.catalogs = catalogs
        self.default_language = default_language
        self.clock = clock

    async def schedule(
        self, user_id: int, expiry: dt.date, lang: str | None = None
    ) -> list[ScheduledReminder]:
        """Remind the user before their residence card expires: the reminders still to come,
        soonest first (none when even the last would be past). Replaces the user's earlier
        residence-card reminders, so a corrected date never leaves the old ones behind."""
        now = self.clock()
        async with self.db.session() as session:
            await rows.cancel_reminders(session=session, user_id=user_id, kind=RESIDENCE_CARD)
            made = []
            for before, day in residence_card_dates(expiry):
                due = _tokyo_morning(day)
                if due <= now:
                    continue
                params = {"expiry": expiry.isoformat(), "before": before}
                if lang:
                    params["lang"] = lang
                made.append(
                    await rows.add_reminder(
                        session=session,
                        user_id=user_id,
                        kind=RESIDENCE_CARD,
                        due_at=due,
                        params=params,
                    )
                )
        log.info("reminders scheduled user=%s count=%d", user_id, len(made))
        return [ScheduledReminder.of(r) for r in made]

    async def list(self, user_id: int) -> list[ScheduledReminder]:
        """The user's reminders still to come, soonest first."""
        async with self.db.session() as session:
            found = await rows.reminders_of(session=session, user_id=user_id)
        return [ScheduledReminder.of(r) for r in found]

    async def cancel(self, user_id: int, reminder_id: int) -> bool:
        """Cancel one of the user's own reminders; False when it is not theirs, already sent
        or already cancelled."""
        async with self.db.session() as session:
            return await rows.cancel_reminder(
                session=session, user_id=user_id, reminder_id=reminder_id
            )

    async def cancel_all(self, user_id: int) -> int:
        async with self.db.session() as session:
            return await rows.cancel_reminders(session=session, user_id=user_id)

    def text(self, reminder: Reminder, user: User) -> str:
        """What the reminder says, in the user's language now (else the one they asked in)."""
        lang = user_language(user.lang, user.easy_japanese) or reminder.params.get("lang")
        if lang not in LANGUAGES:
            lang = self.default_language
        return TEXTS[reminder.kind](self.catalogs(lang), reminder.params)

    async def fire_due(self, now: dt.datetime | None = None, *, batch: int = 100) -> int:
        """Queue every reminder due by `now` in the outbox, each once; how many."""
        now = now or self.clock()
        queued = 0
        while True:
            async with self.db.session() as session:
                taken, more = await rows.take_due_reminders(
                    session=session, now=now, limit=batch, postgres=not self.db.is_sqlite
                )
                for reminder, user in taken:
                    if reminder.kind not in TEXTS:  # marked queued: never retried in a loop
                        log.error(
                            "reminder=%s of unknown kind %r dropped", reminder.id, reminder.kind
                        )
                        continue
                    await boxes.insert_item(
                        session=session,
                        channel=user.channel,
                        chat_id=user.external_id,
                        text=self.text(reminder, user),
                        purpose="reminder",
                        priority=REMINDER_PRIORITY,
                    )
            queued += len(taken)
            if not more:
                break
        if queued:
            log.info("reminders queued count=%d", queued)
        return queued
