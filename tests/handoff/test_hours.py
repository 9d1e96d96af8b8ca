"""Business hours with Japan's public holidays, and the next opening in the user's locale."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.handoff.hours import BusinessHours, HoursError

TOKYO_HOURS = "Mon-Fri 09:00-17:00 Asia/Tokyo"


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def test_open_on_a_weekday_afternoon() -> None:
    hours = BusinessHours.parse(TOKYO_HOURS)
    assert hours.is_open(utc(2026, 11, 25, 2, 0))  # Wed 11:00 in Tokyo
    assert not hours.is_open(utc(2026, 11, 25, 9, 0))  # Wed 18:00


def test_a_public_holiday_is_closed_and_skipped() -> None:
    hours = BusinessHours.parse(TOKYO_HOURS)
    friday_evening = utc(2026, 11, 20, 10, 0)  # Fri 19:00; Mon 23 Nov is Labour Thanksgiving
    assert not hours.is_open(utc(2026, 11, 23, 2, 0))
    assert hours.next_opening(friday_evening) == dt.datetime(2026, 11, 24, 9, 0, tzinfo=hours.zone)


def test_new_year_holiday() -> None:
    hours = BusinessHours.parse(TOKYO_HOURS)
    assert hours.next_opening(utc(2026, 12, 31, 12, 0)).date() == dt.date(2027, 1, 4)


@pytest.mark.parametrize("text", ["weekdays 9-5", "Mon-Fri 09:00-17:00 Mars/Olympus", ""])
def test_bad_settings_are_one_line(text: str) -> None:
    with pytest.raises(HoursError, match="MADOGUCHI_BUSINESS_HOURS"):
        BusinessHours.parse(text)
