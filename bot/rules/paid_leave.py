"""Annual paid leave: how many days, and when (Labour Standards Act art. 39).

The self-check must answer for this worker, not recite the rule, and name the rule it used; so the
tables are written out here exactly as MHLW prints them, and the result carries the row it came
from. The 80 % attendance condition of art. 39(1) is assumed met: we cannot ask about every
absence in a chat, so the result says it assumed so and the dialogue tells the worker.

Grant dates. The first grant comes when six months of continuous service are complete, then one
each year on that anniversary. Service is counted with the Civil Code (art. 143): from a start on
1 April the six months end on 30 September and the leave is granted on 1 October, the day in the
later month with the start's day number. When that month has no such day (a start on 31 August:
there is no 31 February) the period ends on the month's last day and the grant falls on the 1st of
the next month (1 March). Every grant date is counted from the start, so it never drifts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

__all__ = ["Entitlement", "Grant", "Row", "Table", "entitlement"]

# Years of continuous service at which each column of the tables is granted; the last repeats.
SERVICE_YEARS = (0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5)

FULL_TIME = (10, 11, 12, 14, 16, 18, 20)

# Proportional grant (art. 39(3), Enforcement Regulation art. 24-3): days a week -> the row,
# and the days a year that stand for that row when the days vary from week to week.
PROPORTIONAL = {
    4: (7, 8, 9, 10, 12, 13, 15),
    3: (5, 6, 6, 8, 9, 10, 11),
    2: (3, 4, 4, 5, 6, 6, 7),
    1: (1, 2, 2, 2, 3, 3, 3),
}
DAYS_A_YEAR = {4: (169, 216), 3: (121, 168), 2: (73, 120), 1: (48, 72)}

FULL_TIME_HOURS = 30.0  # hours a week from which the full table applies, whatever the days
FULL_TIME_DAYS = 5  # days a week from which the full table applies, whatever the hours
FULL_TIME_DAYS_A_YEAR = 217  # the same, for days counted by the year


class Table(StrEnum):
    """Which table the answer comes from, so the dialogue can name the rule."""

    FULL_TIME = "full_time"  # art. 39(1)-(2)
    PROPORTIONAL = "proportional"  # art. 39(3); Enforcement Regulation art. 24-3
    NONE = "none"  # under 48 days a year: no statutory grant


@dataclass(frozen=True, slots=True)
class Row:
    """The row of the official table that applies, as printed (one entry per service step)."""

    table: Table
    days: tuple[int, ...]  # days granted at 0.5, 1.5, ... 6.5+ years; empty for Table.NONE
    days_per_week: int | None = None  # the proportional row (1-4); None for the other tables
    by_year: bool = False  # the row was chosen from days a year, because the days vary


@dataclass(frozen=True, slots=True)
class Grant:
    on: date
    days: int
    years_of_service: float  # service on that day: 0.5, 1.5, ...; from 6.5 the last column holds


@dataclass(frozen=True, slots=True)
class Entitlement:
    latest: Grant | None  # the most recent grant on or before today; None under six months
    next: Grant | None  # the first grant after today; None when the law grants nothing
    row: Row
    assumes_attendance: bool = True  # 80 % of scheduled days worked is assumed, not checked


def entitlement(
    start: date,
    days_per_week: int | None,
    hours_per_week: float,
    today: date,
    days_per_year: int | None = None,
) -> Entitlement:
    """The latest and next paid-leave grant for a worker who started on `start`.

    `days_per_week` are the scheduled working days; give None and `days_per_year` when the days
    vary from week to week (a given `days_per_week` wins). Raises ValueError with a short English
    reason on input the law cannot be applied to; the dialogue translates it.
    """
    if start > today:
        raise ValueError("the start date is in the future")
    if not 0 <= hours_per_week <= 7 * 24:
        raise ValueError("hours per week must be between 0 and 168")
    if days_per_week is not None and not 1 <= days_per_week <= 7:
        raise ValueError("days per week must be between 1 and 7")
    if days_per_week is None and days_per_year is None:
        raise ValueError("give the days worked per week or per year")
    if days_per_week is None and days_per_year is not None and not 0 <= days_per_year <= 366:
        raise ValueError("days per year must be between 0 and 366")

    row = table_row(days_per_week, hours_per_week, days_per_year)
    if row.table is Table.NONE:
        return Entitlement(latest=None, next=None, row=row)
    step = 0
    while grant_date(start, step) <= today:
        step += 1
    latest = grant(start, row, step - 1) if step else None
    return Entitlement(latest=latest, next=grant(start, row, step), row=row)


def table_row(days_per_week: int | None, hours_per_week: float, days_per_year: int | None) -> Row:
    """Full-time at 30 hours or 5 days a week (217 a year); otherwise the proportional row."""
    if hours_per_week >= FULL_TIME_HOURS:
        return Row(Table.FULL_TIME, FULL_TIME)
    if days_per_week is not None:
        if days_per_week >= FULL_TIME_DAYS:
            return Row(Table.FULL_TIME, FULL_TIME)
        return Row(Table.PROPORTIONAL, PROPORTIONAL[days_per_week], days_per_week)
    assert days_per_year is not None  # entitlement() checked that one of the two is given
    if days_per_year >= FULL_TIME_DAYS_A_YEAR:
        return Row(Table.FULL_TIME, FULL_TIME, by_year=True)
    for days, (low, high) in DAYS_A_YEAR.items():
        if low <= days_per_year <= high:
            return Row(Table.PROPORTIONAL, PROPORTIONAL[days], days, by_year=True)
    return Row(Table.NONE, (), by_year=True)


def grant(start: date, row: Row, step: int) -> Grant:
    column = min(step, len(SERVICE_YEARS) - 1)
    return Grant(on=grant_date(start, step), days=row.days[column], years_of_service=step + 0.5)


def grant_date(start: date, step: int) -> date:
    """The day of grant number `step` (0 = after six months), counted as the module says."""
    months = start.month - 1 + 6 + 12 * step
    year, month = start.year + months // 12, months % 12 + 1
    try:
        return start.replace(year=year, month=month)
    except ValueError:  # no such day in that month: the period ends on its last day
        return date(year + month // 12, month % 12 + 1, 1)
