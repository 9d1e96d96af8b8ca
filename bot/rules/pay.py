"""Is my pay legal? The hourly rate against the minimum wage, and the premiums owed.

Minimum Wage Act arts. 4 and 5; Labour Standards Act art. 37 and the Cabinet Order on premium
rates. The self-check asks what the worker is paid and how long they work; this module turns that
into the hourly rate the minimum wage is compared with, and the premiums the law requires.

The minimum wage is a parameter, never a figure written here: it differs by prefecture and changes
every October, and another part of the system owns those dated facts.

Base pay only. The comparison with the minimum wage leaves out overtime, night and holiday pay,
bonuses, attendance, family and commuting allowances (Minimum Wage Act art. 4(3); Enforcement
Regulation art. 1); the premium base leaves out family, commuting, housing and similar allowances
(art. 37(5)). Which allowance is which is the caller's business: pass the base pay alone.

Monthly pay becomes an hourly rate by dividing by the scheduled hours of a month; given hours a
week, a month has weekly × 52 / 12 of them. Nothing is rounded: the dialogue rounds for display,
and the comparison is made on exact fractions so ¥1,226.0000001 is never read as ¥1,226.

Premiums add up, as the Enforcement Regulation (art. 20) adds them: every overtime hour is owed
×1.25, the part of a month's overtime over 60 hours ×1.50 instead (SMEs included since 1 April
2023), every statutory-holiday hour ×1.35, and every hour between 22:00 and 05:00 another +0.25,
whatever else it is. So overtime at night is ×1.50, over-60 overtime at night ×1.75, holiday work
at night ×1.60, and which of the overtime hours fell at night never changes the total: the caller
gives all night hours in one number. Statutory-holiday hours are not overtime and do not count
towards the 60. The amounts are what those hours are owed in full, the hour's own pay included
(overtime and holiday hours are outside the scheduled pay), except night hours, which are paid as
scheduled, overtime or holiday hours already and add only their +0.25. Premiums are owed on the
legal rate: when the pay is below the minimum wage, the contract is void on that point
(Minimum Wage Act art. 4(2)) and the minimum wage is the base.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

__all__ = ["Basis", "PayCheck", "Premium", "PremiumKind", "check_pay"]

WEEKS_A_YEAR = 52
MONTHS_A_YEAR = 12
HOURS_A_MONTH = 31 * 24  # no month holds more
HOURS_A_WEEK = 7 * 24
OVERTIME_STEP = 60  # hours of overtime a month after which the higher rate applies


class Basis(StrEnum):
    """How the hourly rate was worked out, so the dialogue can show the sum."""

    HOURLY = "hourly"  # paid by the hour: the rate as is
    MONTHLY = "monthly"  # monthly pay / scheduled hours a month
    MONTHLY_BY_WEEK = "monthly_by_week"  # monthly pay / (hours a week × 52 / 12)


class PremiumKind(StrEnum):
    """Which premium a line is, with the rule that sets its rate."""

    OVERTIME = "overtime"  # art. 37(1): ×1.25, the first 60 hours of a month
    OVERTIME_OVER_60 = "overtime_over_60"  # art. 37(1) proviso: ×1.50 beyond 60 hours
    HOLIDAY = "holiday"  # art. 37(1); Cabinet Order: ×1.35 on the statutory holiday
    NIGHT = "night"  # art. 37(4): +0.25 for every hour from 22:00 to 05:00


MULTIPLIERS = {
    PremiumKind.OVERTIME: Fraction(125, 100),
    PremiumKind.OVERTIME_OVER_60: Fraction(150, 100),
    PremiumKind.HOLIDAY: Fraction(135, 100),
    PremiumKind.NIGHT: Fraction(25, 100),
}


@dataclass(frozen=True, slots=True)
class Premium:
    """One line of the premiums owed: hours × base rate × multiplier."""

    kind: PremiumKind
    hours: float
    multiplier: float
    amount: float  # yen, unrounded


@dataclass(frozen=True, slots=True)
class PayCheck:
    hourly_rate: float  # yen an hour of base pay, unrounded
    basis: Basis
    hours_per_month: float | None  # the divisor for monthly pay; None for hourly pay
    minimum_wage: float
    below_minimum: bool
    shortfall_per_hour: float  # minimum wage - hourly rate; 0 when legal
    premium_base: float  # the rate premiums are owed on: the higher of the rate and the minimum
    premiums: tuple[Premium, ...]  # one line for each kind with hours; empty when none
    premiums_owed: float
    premiums_paid: float
    premium_shortfall: float  # owed - paid; 0 when paid in full or more


def check_pay(
    *,
    minimum_wage: float,
    hourly_pay: float | None = None,
    monthly_pay: float | None = None,
    hours_per_month: float | None = None,
    hours_per_week: float | None = None,
    overtime_hours: float = 0,
    night_hours: float = 0,
    holiday_hours: float = 0,
    premiums_paid: float = 0,
) -> PayCheck:
    """The hourly rate against `minimum_wage`, and the premiums owed for one month's hours.

    Give `hourly_pay`, or `monthly_pay` with the scheduled `hours_per_month` or `hours_per_week`.
    `overtime_hours` are the month's hours beyond 8 a day or 40 a week (not on the statutory
    holiday); `night_hours` every hour worked from 22:00 to 05:00, scheduled, overtime or holiday
    alike; `holiday_hours` those on the statutory holiday; `premiums_paid` the yen actually paid
    for them. Raises ValueError with a short English reason; the dialogue translates it.
    """
    minimum = amount(minimum_wage, "minimum wage")
    if minimum <= 0:
        raise ValueError("the minimum wage must be more than 0")
    rate, basis, divisor = hourly(hourly_pay, monthly_pay, hours_per_month, hours_per_week)
    overtime = hours(overtime_hours, "overtime hours")
    night = hours(night_hours, "night hours")
    holiday = hours(holiday_hours, "holiday hours")
    if overtime + holiday > HOURS_A_MONTH:
        raise ValueError("overtime and holiday hours together exceed the hours of a month")
    paid = amount(premiums_paid, "premiums paid")

    base = max(rate, minimum)
    worked = {
        PremiumKind.OVERTIME: min(overtime, Fraction(OVERTIME_STEP)),
        PremiumKind.OVERTIME_OVER_60: max(overtime - OVERTIME_STEP, Fraction(0)),
        PremiumKind.HOLIDAY: holiday,
        PremiumKind.NIGHT: night,
    }
    lines = [(kind, spent, base * spent * MULTIPLIERS[kind]) for kind, spent in worked.items()]
    owed = sum((money for _, _, money in lines), Fraction(0))
    return PayCheck(
        hourly_rate=float(rate),
        basis=basis,
        hours_per_month=None if divisor is None else float(divisor),
        minimum_wage=float(minimum),
        below_minimum=rate < minimum,
        shortfall_per_hour=float(max(minimum - rate, Fraction(0))),
        premium_base=float(base),
        premiums=tuple(
            Premium(kind, float(spent), float(MULTIPLIERS[kind]), float(money))
            for kind, spent, money in lines
            if spent
        ),
        premiums_owed=float(owed),
        premiums_paid=float(paid),
        premium_shortfall=float(max(owed - paid, Fraction(0))),
    )


def hourly(
    hourly_pay: float | None,
    monthly_pay: float | None,
    hours_per_month: float | None,
    hours_per_week: float | None,
) -> tuple[Fraction, Basis, Fraction | None]:
    """The hourly rate, how it was found, and the hours a month it was divided by."""
    if (hourly_pay is None) == (monthly_pay is None):
        raise ValueError("give the hourly pay or the monthly pay, not both")
    if hourly_pay is not None:
        if hours_per_month is not None or hours_per_week is not None:
            raise ValueError("scheduled hours are for monthly pay only")
        return amount(hourly_pay, "hourly pay"), Basis.HOURLY, None
    assert monthly_pay is not None  # one of the two is given, checked above
    pay = amount(monthly_pay, "monthly pay")
    if (hours_per_month is None) == (hours_per_week is None):
        raise ValueError("give the scheduled hours per month or per week, not both")
    if hours_per_month is not None:
        divisor, basis = scheduled(hours_per_month, HOURS_A_MONTH, "month"), Basis.MONTHLY
    else:
        assert hours_per_week is not None
        weekly = scheduled(hours_per_week, HOURS_A_WEEK, "week")
        divisor, basis = weekly * WEEKS_A_YEAR / MONTHS_A_YEAR, Basis.MONTHLY_BY_WEEK
    return pay / divisor, basis, divisor


def amount(value: float, name: str) -> Fraction:
    """Yen: finite and not negative."""
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(f"{name} must be a number of yen, 0 or more")
    return Fraction(value)


def hours(value: float, name: str) -> Fraction:
    """Hours in a month: 0 up to the hours of the longest month."""
    if not 0 <= value <= HOURS_A_MONTH:
        raise ValueError(f"{name} must be between 0 and {HOURS_A_MONTH}")
    return Fraction(value)


def scheduled(value: float, most: int, per: str) -> Fraction:
    """Scheduled hours: more than 0 (we divide by them), at most the hours of the period."""
    if not 0 < value <= most:
        raise ValueError(f"scheduled hours per {per} must be more than 0 and at most {most}")
    return Fraction(value)
