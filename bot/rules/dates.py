"""Dates as people type them, in the languages we speak, to a `date` (or None).

A self-check asks "when did you start?"; the worker answers the way they write dates at home or at
work, so we accept the common shapes rather than teach one:

- year first: 2024-04-01, 2024/4/1, 2024.4.1, 2024 4 1
- Japanese: 2024年4月1日, 令和6年4月1日, 令和元年5月1日, 平成31年4月1日, R6.4.1, H31/4/1
- English: 1 April 2024, April 1, 2024, 1st Apr 2024
- Vietnamese: 1 tháng 4 năm 2024, ngày 1 tháng 4 năm 2024, 1/4/2024
- any digits Unicode calls decimal (full-width ２０２４年４月１日, Devanagari २०२४-०४-०१)

Year last with numbers only (1/4/2024) is 1 April in Viet Nam and Nepal and 4 January in the United
States. We do not guess: when both readings are real dates and differ, the answer is None unless
the caller, who knows the user's locale, passes `day_first`. Unambiguous ones (13/4/2024) are read.

The whole text must be a date (surrounding spaces and a final full stop aside); anything else is
None and the dialogue asks again. A two-digit year is refused, and so is an era date outside its
era (令和元年4月1日 was still 平成). Nepali Bikram Sambat dates are not converted: 2081/1/1 would be
read as a Gregorian date, and the caller's checks (a start in the future) catch it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

__all__ = ["parse_date"]

# Era: (first day, last day or None); the era's year 1 is the year of its first day.
ERAS = {
    "令和": (date(2019, 5, 1), None),
    "平成": (date(1989, 1, 8), date(2019, 4, 30)),
    "昭和": (date(1926, 12, 25), date(1989, 1, 7)),
}
ERA_LETTERS = {"r": "令和", "h": "平成", "s": "昭和"}

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

D = r"(\d{1,2})"
YEAR = r"(\d{4})"
SEP = r"\s*[-/.]\s*|\s+"
MONTH = r"([a-z]+)\.?"
ORDINAL = r"(?:st|nd|rd|th)?"

YEAR_FIRST = re.compile(rf"{YEAR}(?:{SEP}){D}(?:{SEP}){D}")
YEAR_LAST = re.compile(rf"{D}(?:{SEP}){D}(?:{SEP}){YEAR}")
KANJI = re.compile(rf"{YEAR}\s*年\s*{D}\s*月\s*{D}\s*日")
ERA_KANJI = re.compile(r"(令和|平成|昭和)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ERA_SHORT = re.compile(rf"(令和|平成|昭和|[rhs])\s*(\d{{1,2}}|元)(?:{SEP}){D}(?:{SEP}){D}")
DAY_MONTH_YEAR = re.compile(rf"{D}{ORDINAL}\s+(?:of\s+)?{MONTH},?\s+{YEAR}")
MONTH_DAY_YEAR = re.compile(rf"{MONTH}\s+{D}{ORDINAL},?\s+{YEAR}")
VIETNAMESE = re.compile(rf"(?:ngày\s+)?{D}\s+tháng\s+{D}\s*,?\s+năm\s+{YEAR}")


def parse_date(text: str, *, day_first: bool | None = None) -> date | None:
    """The date `text` spells, or None when it spells none or could mean two.

    `day_first` settles 1/4/2024: True reads 1 April, False 4 January, None refuses to guess.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip().lower().removesuffix(".").strip()
    if match := YEAR_FIRST.fullmatch(cleaned) or KANJI.fullmatch(cleaned):
        return make(*match.groups())
    if match := ERA_KANJI.fullmatch(cleaned) or ERA_SHORT.fullmatch(cleaned):
        return era_date(*match.groups())
    if match := VIETNAMESE.fullmatch(cleaned):
        day, month, year = match.groups()
        return make(year, month, day)
    if match := DAY_MONTH_YEAR.fullmatch(cleaned):
        day, month, year = match.groups()
        return make(year, MONTHS.get(month), day)
    if match := MONTH_DAY_YEAR.fullmatch(cleaned):
        month, day, year = match.groups()
        return make(year, MONTHS.get(month), day)
    if match := YEAR_LAST.fullmatch(cleaned):
        return year_last(*match.groups(), day_first=day_first)
    return None


def year_last(first: str, second: str, year: str, *, day_first: bool | None) -> date | None:
    """1/4/2024: day first or month first; both real and different without a hint is None."""
    as_day_first = make(year, second, first)
    as_month_first = make(year, first, second)
    if day_first is True:
        return as_day_first
    if day_first is False:
        return as_month_first
    if as_day_first and as_month_first and as_day_first != as_month_first:
        return None
    return as_day_first or as_month_first


def era_date(era: str, year: str, month: str, day: str) -> date | None:
    era = ERA_LETTERS.get(era, era)
    first, last = ERAS[era]
    found = make(first.year + (1 if year == "元" else int(year)) - 1, month, day)
    if found is None or found < first or (last is not None and found > last):
        return None
    return found


def make(year: str | int, month: str | int | None, day: str | int) -> date | None:
    if month is None:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
