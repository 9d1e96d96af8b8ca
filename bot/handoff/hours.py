"""When a person is at the desk: `MADOGUCHI_BUSINESS_HOURS` plus Japan's public holidays.

"Mon-Fri 09:00-17:00 Asia/Tokyo" -> open on those weekdays between those times in that zone,
except on national holidays (the `holidays` package's calendar for Japan, which knows
substitute holidays and the rest). The next opening is what an out-of-hours user is told.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["BusinessHours", "HoursError"]

_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_PATTERN = re.compile(
    r"^\s*(?P<d1>[a-z]{3})(?:\s*-\s*(?P<d2>[a-z]{3}))?\s+(?P<t1>\d{1,2}:\d{2})\s*-\s*"
    r"(?P<t2>\d{1,2}:\d{2})\s+(?P<tz>[\w/+-]+)\s*$",
    re.IGNORECASE,
)


class HoursError(ValueError):
    pass


@functools.cache
def _japan_holidays(year: int) -> frozenset[dt.date]:
    """A year's calendar, computed once: building it costs ~0.5 ms, and every handoff asks."""
    import holidays  # imports every country's calendar: only when hours are first asked

    return frozenset(holidays.Japan(years=year))


@dataclass(frozen=True)
class BusinessHours:
    days: frozenset[int]  # 0 = Monday
    opens: dt.time
    closes: dt.time
    zone: ZoneInfo
    observe_holidays: bool = True

    @classmethod
    def parse(cls, text: str) -> BusinessHours:
        match = _PATTERN.match(text)
        if not match:
            raise HoursError(
                f"MADOGUCHI_BUSINESS_HOURS {text!r}: expected e.g. 'Mon-Fri 09:00-17:00 Asia/Tokyo'"
            )
        try:
            first = _DAYS.index(match["d1"].lower())
            last = _DAYS.index((match["d2"] or match["d1"]).lower())
            zone = ZoneInfo(match["tz"])
            opens = dt.time.fromisoformat(match["t1"].zfill(5))
            closes = dt.time.fromisoformat(match["t2"].zfill(5))
        except (ValueError, ZoneInfoNotFoundError) as exc:
            raise HoursError(f"MADOGUCHI_BUSINESS_HOURS {text!r}: {exc}") from None
        days = range(first, last + 1) if first <= last else [*range(first, 7), *range(last + 1)]
        return cls(frozenset(days), opens, closes, zone)

    def _holiday(self, day: dt.date) -> bool:
        return self.observe_holidays and day in _japan_holidays(day.year)

    def is_open(self, at: dt.datetime) -> bool:
        local = at.astimezone(self.zone)
        return (
            local.weekday() in self.days
            and not self._holiday(local.date())
            and self.opens <= local.time() < self.closes
        )

    def next_opening(self, at: dt.datetime) -> dt.datetime:
        """The next moment the desk opens (now, if it is open)."""
        if self.is_open(at):
            return at
        local = at.astimezone(self.zone)
        day = local.date()
        for _ in range(30):
            start = dt.datetime.combine(day, self.opens, self.zone)
            if day.weekday() in self.days and not self._holiday(day) and start > local:
                return start
            day += dt.timedelta(days=1)
        raise HoursError("no opening in the next 30 days")  # pragma: no cover
