"""Paid leave against MHLW's tables (Labour Standards Act art. 39; Enforcement Regulation 24-3).

Each table row is quoted as printed, then checked column by column: a worker who started on
1 April 2024 reaches each column on 1 October of the year the service step falls in.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.rules.paid_leave import Entitlement, Grant, Table, entitlement, grant_date

START = date(2024, 4, 1)
STEPS = (0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5)


def on_grant_day(years: float) -> date:
    """The day a worker hired on START reaches `years` of service: 1 October."""
    return date(START.year + int(years), 10, 1)


def check_row(row: tuple[int, ...], **worker: object) -> None:
    for years, days in zip(STEPS, row, strict=True):
        result = entitlement(START, today=on_grant_day(years), **worker)  # type: ignore[arg-type]
        assert result.latest == Grant(on=on_grant_day(years), days=days, years_of_service=years)


# 通常の労働者の付与日数 (週30時間以上、または週5日以上)
# 継続勤務年数 0.5 1.5 2.5 3.5 4.5 5.5 6.5以上
# 付与日数     10  11  12  14  16  18  20
FULL_TIME_ROW = (10, 11, 12, 14, 16, 18, 20)


@pytest.mark.parametrize(
    ("days_per_week", "hours_per_week"),
    [(5, 40.0), (5, 20.0), (4, 30.0), (1, 32.0), (6, 48.0), (7, 0.0)],
    ids=["5d-40h", "5d-20h", "4d-30h", "1d-32h", "6d-48h", "7d-0h"],
)
def test_full_time_row(days_per_week: int, hours_per_week: float) -> None:
    check_row(FULL_TIME_ROW, days_per_week=days_per_week, hours_per_week=hours_per_week)
    assert entitlement(START, days_per_week, hours_per_week, START).row.table is Table.FULL_TIME


# 週所定労働時間が30時間未満、かつ週所定労働日数が4日以下 (または年216日以下) の労働者
# 週所定  1年間の所定     継続勤務年数 0.5 1.5 2.5 3.5 4.5 5.5 6.5以上
# 4日     169日〜216日                  7   8   9  10  12  13  15
# 3日     121日〜168日                  5   6   6   8   9  10  11
# 2日      73日〜120日                  3   4   4   5   6   6   7
# 1日      48日〜 72日                  1   2   2   2   3   3   3
PROPORTIONAL_ROWS = [
    (4, (169, 216), (7, 8, 9, 10, 12, 13, 15)),
    (3, (121, 168), (5, 6, 6, 8, 9, 10, 11)),
    (2, (73, 120), (3, 4, 4, 5, 6, 6, 7)),
    (1, (48, 72), (1, 2, 2, 2, 3, 3, 3)),
]


@pytest.mark.parametrize(("days_per_week", "days_a_year", "row"), PROPORTIONAL_ROWS)
def test_proportional_row_by_days_a_week(
    days_per_week: int, days_a_year: tuple[int, int], row: tuple[int, ...]
) -> None:
    check_row(row, days_per_week=days_per_week, hours_per_week=29.5)
    used = entitlement(START, days_per_week, 29.5, START).row
    assert (used.table, used.days_per_week, used.by_year) == (
        Table.PROPORTIONAL,
        days_per_week,
        False,
    )


@pytest.mark.parametrize(("days_per_week", "days_a_year", "row"), PROPORTIONAL_ROWS)
def test_proportional_row_by_days_a_year(
    days_per_week: int, days_a_year: tuple[int, int], row: tuple[int, ...]
) -> None:
    for days_per_year in days_a_year:  # both ends of the printed range
        check_row(row, days_per_week=None, hours_per_week=20.0, days_per_year=days_per_year)
        used = entitlement(START, None, 20.0, START, days_per_year=days_per_year).row
        assert (used.days_per_week, used.by_year) == (days_per_week, True)


def test_217_days_a_year_is_full_time() -> None:
    check_row(FULL_TIME_ROW, days_per_week=None, hours_per_week=25.0, days_per_year=217)


def test_under_48_days_a_year_has_no_statutory_grant() -> None:
    result = entitlement(START, None, 10.0, date(2030, 1, 1), days_per_year=47)
    assert result == Entitlement(latest=None, next=None, row=result.row)
    assert result.row.table is Table.NONE


def test_days_a_week_wins_over_days_a_year() -> None:
    assert entitlement(START, 3, 20.0, START, days_per_year=200).row.days_per_week == 3


# Worked examples


def test_hired_1_april_2024_full_time() -> None:
    """Hired 1 April 2024 full-time: 10 days on 1 Oct 2024, 11 on 1 Oct 2025, next 12 in 2026."""
    assert entitlement(START, 5, 40.0, date(2024, 10, 1)).latest == Grant(
        date(2024, 10, 1), 10, 0.5
    )
    result = entitlement(START, 5, 40.0, today=date(2026, 3, 15))
    assert result.latest == Grant(on=date(2025, 10, 1), days=11, years_of_service=1.5)
    assert result.next == Grant(on=date(2026, 10, 1), days=12, years_of_service=2.5)
    assert result.row.table is Table.FULL_TIME
    assert result.assumes_attendance


def test_under_six_months_has_no_grant_yet() -> None:
    result = entitlement(START, 5, 40.0, today=date(2024, 9, 30))
    assert result.latest is None
    assert result.next == Grant(on=date(2024, 10, 1), days=10, years_of_service=0.5)


def test_started_today() -> None:
    assert entitlement(START, 5, 40.0, today=START).next == Grant(date(2024, 10, 1), 10, 0.5)


def test_three_days_a_week_at_two_and_a_half_years_gets_6() -> None:
    result = entitlement(START, 3, 18.0, today=date(2026, 12, 1))
    assert result.latest == Grant(on=date(2026, 10, 1), days=6, years_of_service=2.5)
    assert result.next == Grant(on=date(2027, 10, 1), days=8, years_of_service=3.5)


def test_six_and_a_half_years_and_after_stays_at_20() -> None:
    for years in (6.5, 7.5, 10.5, 30.5):
        result = entitlement(START, 5, 40.0, today=on_grant_day(years))
        assert result.latest == Grant(on=on_grant_day(years), days=20, years_of_service=years)
        assert result.next is not None and result.next.days == 20


def test_a_grant_is_given_on_the_day_itself() -> None:
    assert entitlement(START, 5, 40.0, today=date(2025, 9, 30)).latest == Grant(
        date(2024, 10, 1), 10, 0.5
    )
    assert entitlement(START, 5, 40.0, today=date(2025, 10, 1)).latest == Grant(
        date(2025, 10, 1), 11, 1.5
    )


# Grant dates: six calendar months, then yearly; no such day -> the 1st of the next month.


@pytest.mark.parametrize(
    ("start", "first", "second"),
    [
        (date(2024, 4, 1), date(2024, 10, 1), date(2025, 10, 1)),
        (date(2024, 4, 15), date(2024, 10, 15), date(2025, 10, 15)),
        (date(2024, 8, 31), date(2025, 3, 1), date(2026, 3, 1)),
        (date(2023, 8, 29), date(2024, 2, 29), date(2025, 3, 1)),
        (date(2024, 3, 31), date(2024, 10, 1), date(2025, 10, 1)),
        (date(2024, 12, 31), date(2025, 7, 1), date(2026, 7, 1)),
        (date(2024, 2, 29), date(2024, 8, 29), date(2025, 8, 29)),
        (date(2024, 7, 1), date(2025, 1, 1), date(2026, 1, 1)),
    ],
)
def test_grant_dates(start: date, first: date, second: date) -> None:
    assert (grant_date(start, 0), grant_date(start, 1)) == (first, second)


# Every error path: a short English reason the dialogue translates.


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        ((date(2024, 4, 2), 5, 40.0, date(2024, 4, 1)), "future"),
        ((START, 5, -1.0, date(2025, 1, 1)), "hours"),
        ((START, 5, 169.0, date(2025, 1, 1)), "hours"),
        ((START, 0, 20.0, date(2025, 1, 1)), "days per week"),
        ((START, 8, 20.0, date(2025, 1, 1)), "days per week"),
        ((START, -3, 20.0, date(2025, 1, 1)), "days per week"),
        ((START, None, 20.0, date(2025, 1, 1)), "per week or per year"),
        ((START, None, 20.0, date(2025, 1, 1), -1), "days per year"),
        ((START, None, 20.0, date(2025, 1, 1), 367), "days per year"),
    ],
)
def test_invalid_input_says_why(args: tuple, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        entitlement(*args)
