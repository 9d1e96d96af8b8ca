"""Finding a key point's figures in a translation, however the language writes them.

A reviewer's complaint about machine-checked translations is that a figure can be "there" in a
form a checker does not read (8.8万円, ८८ हजार, 1.226, 令和9年, 1 de abril) and "missing" in a form it
does (the 5 of 2025). So numbers are read as a person reads them: digits of any script, thousands
separators both ways, the multipliers of each language (万, 億, lakh, crore, juta, triệu, mil...),
era years, fractions in words, month names from babel's calendars; and only whole numbers count.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from fractions import Fraction
from functools import cache

from babel import Locale
from babel.dates import get_month_names

from bot.languages import LANGUAGES

__all__ = ["missing_figures", "numbers_in"]

# Multipliers written after a number, in the languages we serve. Keys are matched casefolded.
_MULTIPLIERS: dict[str, int] = {
    "千": 1_000,
    "万": 10_000,
    "萬": 10_000,
    "億": 100_000_000,
    "亿": 100_000_000,
    "천": 1_000,
    "만": 10_000,
    "억": 100_000_000,
    "thousand": 1_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "हजार": 1_000,
    "लाख": 100_000,
    "करोड": 10_000_000,
    "करोड़": 10_000_000,
    "ribu": 1_000,
    "juta": 1_000_000,
    "nghìn": 1_000,
    "ngàn": 1_000,
    "triệu": 1_000_000,
    "libo": 1_000,
    "milyon": 1_000_000,
    "mil": 1_000,
    "milhão": 1_000_000,
    "milhões": 1_000_000,
}
_ERAS = {"令和": 2018, "平成": 1988, "れいわ": 2018, "へいせい": 1988}

_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
_WORD = re.compile(r"\s*([^\s\d]+)")  # letters and the marks of Devanagari vowels
_FRACTION = re.compile(
    r"(\d+)\s*[/\u2044]\s*(\d+)"  # 3/4, 3⁄4 (what NFKC makes of ¾)
    r"|(\d+)\s*(?:分の|ぶんの|분의|分之)\s*(\d+)"  # 4分の3, 4분의 3, 4分之3: denominator first
)
_ERA_YEAR = re.compile(r"(令和|平成|れいわ|へいせい)\s*(\d+|元|がん)\s*(?:年|ねん)")


def _ascii_digits(text: str) -> str:
    """Full-width and Devanagari (any Unicode decimal) digits as ASCII, ¾ as 3⁄4."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def _readings(token: str) -> set[Fraction]:
    """What a run of digits and separators can mean: "1.226" is 1226 in Portuguese and 1.226 in
    English; both readings are kept, since the check only asks whether the figure is there."""
    parts = re.split(r"[.,\u00a0\u202f ]", token)
    values = {Fraction(int("".join(parts)))}
    if len(parts) == 2:
        values.add(Fraction(f"{parts[0]}.{parts[1]}"))
    elif len(parts) > 2:  # 1.234,5 or 1,234.5
        values.add(Fraction(f"{''.join(parts[:-1])}.{parts[-1]}"))
    return values


def numbers_in(text: str) -> set[Fraction]:
    """Every value the text states, multipliers, fractions, percentages and era years applied."""
    text = _ascii_digits(text)
    found: set[Fraction] = set()
    for match in _NUMBER.finditer(text):
        token = match.group().rstrip(" \u00a0\u202f.,")
        readings = _readings(token)
        found |= readings
        after = text[match.start() + len(token) :]
        word = _WORD.match(after)
        unit = after[:1] if after[:1] in _MULTIPLIERS else (word.group(1) if word else "")
        unit = unit.rstrip(".,;:!?)）、。")
        multiplier = _MULTIPLIERS.get(unit.casefold())
        if multiplier:
            found |= {value * multiplier for value in readings}
        if after.lstrip()[:1] == "%":
            found |= {value / 100 for value in readings}
    for match in _FRACTION.finditer(text):
        if match.group(1):
            top, bottom = int(match.group(1)), int(match.group(2))
        else:
            top, bottom = int(match.group(4)), int(match.group(3))
        if bottom:
            found.add(Fraction(top, bottom))
    for match in _ERA_YEAR.finditer(text):
        year = 1 if match.group(2) in ("元", "がん") else int(match.group(2))
        found.add(Fraction(_ERAS[match.group(1)] + year))
    return found


@cache
def _month_names(locale: str) -> dict[str, int]:
    """Month names as babel's calendars write them, every width and context, casefolded."""
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, context, Locale.parse(locale)).items():
                names[name.casefold().rstrip(".")] = number
    return names


def _has_date(text: str, lang: str, date: dt.date) -> bool:
    """The year, the day and the month (as a number or a name) within one short stretch."""
    plain = _ascii_digits(text)
    era = _ERA_YEAR.sub(
        lambda m: (
            f"{_ERAS[m.group(1)] + (1 if m.group(2) in ('元', 'がん') else int(m.group(2)))}年"
        ),
        plain,
    )
    names = _month_names(LANGUAGES[lang].locale)
    for year in re.finditer(rf"(?<!\d){date.year}(?!\d)", era):
        window = era[max(0, year.start() - 40) : year.end() + 40]
        numbers = {int(n) for n in re.findall(r"\d+", window)}
        folded = window.casefold()
        month = date.month in numbers or any(
            number == date.month and name in folded for name, number in names.items()
        )
        if month and date.day in numbers:
            return True
    return False


def missing_figures(figures: list[str], text: str, lang: str) -> list[str]:
    """The figures of `figures` (as written in key points) that `text` does not state."""
    numbers = numbers_in(text)
    missing = []
    for figure in figures:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", figure):
            if not _has_date(text, lang, dt.date.fromisoformat(figure)):
                missing.append(figure)
        elif Fraction(figure) not in numbers:
            missing.append(figure)
    return missing
