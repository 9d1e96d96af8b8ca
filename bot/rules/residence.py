"""The residence card: what to do by when (Immigration Control Act arts. 19-9 to 19-12, 21).

Extension of the period of stay can be applied for from three months before it ends (for a stay
of six months or more; Immigration Services Agency, "在留期間更新許可申請"). A permanent resident's
card is renewed, not the status, from two months before the card's expiry (art. 19-11). A move
is notified to the new city or ward office within 14 days (art. 19-9); a lost or stolen card is
replaced within 14 days of learning of it (art. 19-12). Months are counted on the calendar: three
months before 31 May is 28 February (29 in a leap year).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

__all__ = ["Checklist", "Stage", "checklist", "months_before", "reminder_days"]

MOVE_OR_LOSS_DAYS = 14


class Stage(StrEnum):
    EXPIRED = "expired"  # the date has passed: act today
    WINDOW_OPEN = "window_open"  # the application can be made now
    BEFORE_WINDOW = "before_window"  # not yet: the window opens on `opens`


@dataclass(frozen=True, slots=True)
class Checklist:
    expiry: date
    opens: date  # the first day an application is accepted
    stage: Stage
    days_left: int  # days from today to the expiry date (negative once past)
    permanent: bool  # card renewal (permanent resident), not an extension of stay


def months_before(day: date, months: int) -> date:
    """The same day number `months` calendar months earlier, clamped to the month's end."""
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def checklist(expiry: date, today: date, *, permanent: bool) -> Checklist:
    opens = months_before(expiry, 2 if permanent else 3)
    if expiry < today:
        stage = Stage.EXPIRED
    elif opens <= today:
        stage = Stage.WINDOW_OPEN
    else:
        stage = Stage.BEFORE_WINDOW
    return Checklist(expiry, opens, stage, (expiry - today).days, permanent)


def reminder_days(expiry: date, today: date) -> list[date]:
    """3 months, 1 month and 2 weeks before expiry, those still ahead of `today`."""
    days = [months_before(expiry, 3), months_before(expiry, 1), expiry - timedelta(days=14)]
    return [d for d in days if d > today]
