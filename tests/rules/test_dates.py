"""Dates as people type them: the shapes of issue #16 and the languages we speak."""

from __future__ import annotations

from datetime import date

import pytest

from bot.rules.dates import parse_date

APRIL_1 = date(2024, 4, 1)


@pytest.mark.parametrize(
    "text",
    [
        "2024-04-01",
        "2024/4/1",
        "2024.4.1",
        "2024 4 1",
        " 2024 / 04 / 01 ",
        "2024-4-1.",
        "1 April 2024",
        "1st April 2024",
        "1 Apr 2024",
        "1 apr. 2024",
        "1 of April, 2024",
        "April 1, 2024",
        "APRIL 1 2024",
        "Apr 1st, 2024",
        "2024年4月1日",
        "2024 年 4 月 1 日",
        "令和6年4月1日",
        "令和６年４月１日",
        "R6.4.1",
        "r6/4/1",
        "令和6.4.1",
        "1 tháng 4 năm 2024",
        "ngày 1 tháng 4 năm 2024",
        "Ngày 01 tháng 04 năm 2024",
        "２０２４年４月１日",
        "２０２４／４／１",
        "२०२४-०४-०१",
    ],
)
def test_first_of_april_2024(text: str) -> None:
    assert parse_date(text) == APRIL_1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和元年5月1日", date(2019, 5, 1)),  # the first day of Reiwa
        ("令和1年5月1日", date(2019, 5, 1)),
        ("平成31年4月30日", date(2019, 4, 30)),  # the last day of Heisei
        ("平成元年1月8日", date(1989, 1, 8)),
        ("H30.10.1", date(2018, 10, 1)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("2024年2月29日", date(2024, 2, 29)),
        ("31 December 2023", date(2023, 12, 31)),
        ("sept 3, 2024", date(2024, 9, 3)),
    ],
)
def test_eras_and_edges(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "令和元年4月30日",  # still Heisei
        "平成31年5月1日",  # already Reiwa
        "平成元年1月7日",  # still Showa
        "2023年2月29日",  # not a leap year
        "2024-13-01",
        "2024-04-31",
        "31 Foo 2024",
        "24/4/1",  # two-digit year
        "4/1",  # no year
        "2024-04",
        "",
        "   ",
        "I don't know",
        "わかりません",
        "2024-04-01 and 2024-05-01",
        "12345",
    ],
)
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None


# Year last with numbers only: 1/4/2024 is 1 April in Hanoi and 4 January in Chicago.


def test_ambiguous_year_last_is_refused_without_a_hint() -> None:
    assert parse_date("1/4/2024") is None
    assert parse_date("01.04.2024") is None


def test_ambiguous_year_last_follows_the_hint() -> None:
    assert parse_date("1/4/2024", day_first=True) == APRIL_1
    assert parse_date("1/4/2024", day_first=False) == date(2024, 1, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13/4/2024", date(2024, 4, 13)),  # only day first is a date
        ("4/13/2024", date(2024, 4, 13)),  # only month first is a date
        ("4/4/2024", date(2024, 4, 4)),  # both readings agree
        ("１３/４/２０２４", date(2024, 4, 13)),
    ],
)
def test_unambiguous_year_last_is_read(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_a_hint_never_invents_an_impossible_date() -> None:
    assert parse_date("13/4/2024", day_first=False) is None
