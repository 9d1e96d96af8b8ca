"""SME status against the SME Basic Act art. 2(1) and (5), row by row and at every line."""

from __future__ import annotations

import pytest

from bot.rules.sme import Industry, Size, Threshold, size

# 中小企業基本法 第2条第1項 (中小企業者の範囲)
# 業種                                   資本金の額又は出資の総額  常時使用する従業員の数
# 製造業、建設業、運輸業その他の業種     3億円以下                 300人以下
# 卸売業                                 1億円以下                 100人以下
# サービス業                             5,000万円以下             100人以下
# 小売業                                 5,000万円以下              50人以下
# 第2条第5項 (小規模企業者): 従業員20人以下 (商業又はサービス業は5人以下)
ROWS = [
    (Industry.OTHER, 300_000_000, 300, 20),
    (Industry.WHOLESALE, 100_000_000, 100, 5),
    (Industry.SERVICES, 50_000_000, 100, 5),
    (Industry.RETAIL, 50_000_000, 50, 5),
]


@pytest.mark.parametrize(("industry", "capital", "employees", "small"), ROWS)
def test_the_row_used_is_the_one_printed(
    industry: Industry, capital: int, employees: int, small: int
) -> None:
    assert size(industry, 0, 0).threshold == Threshold(industry, capital, employees, small)


@pytest.mark.parametrize(("industry", "capital", "employees", "small"), ROWS)
def test_exactly_at_both_lines_is_an_sme(
    industry: Industry, capital: int, employees: int, small: int
) -> None:
    result = size(industry, capital, employees)
    assert (result.is_sme, result.by_capital, result.by_employees) == (True, True, True)


@pytest.mark.parametrize(("industry", "capital", "employees", "small"), ROWS)
def test_one_yen_over_with_employees_under_is_still_an_sme(
    industry: Industry, capital: int, employees: int, small: int
) -> None:
    result = size(industry, capital + 1, employees)
    assert (result.is_sme, result.by_capital, result.by_employees) == (True, False, True)


@pytest.mark.parametrize(("industry", "capital", "employees", "small"), ROWS)
def test_one_employee_over_with_capital_under_is_still_an_sme(
    industry: Industry, capital: int, employees: int, small: int
) -> None:
    result = size(industry, capital, employees + 1)
    assert (result.is_sme, result.by_capital, result.by_employees) == (True, True, False)


@pytest.mark.parametrize(("industry", "capital", "employees", "small"), ROWS)
def test_over_both_lines_is_not_an_sme(
    industry: Industry, capital: int, employees: int, small: int
) -> None:
    assert size(industry, capital + 1, employees + 1) == Size(
        is_sme=False,
        is_small=False,
        threshold=Threshold(industry, capital, employees, small),
        by_capital=False,
        by_employees=False,
    )


@pytest.mark.parametrize(("industry", "capital", "employees", "small"), ROWS)
def test_small_enterprise_by_employees_alone(
    industry: Industry, capital: int, employees: int, small: int
) -> None:
    assert size(industry, capital, small).is_small
    assert not size(industry, capital, small + 1).is_small
    # capital plays no part in art. 2(5): a rich employer with few people is still small
    at_the_line = size(industry, capital * 10, small)
    assert (at_the_line.is_small, at_the_line.is_sme) == (True, True)


# Worked examples


def test_a_factory_of_250_with_1_billion_capital_is_an_sme() -> None:
    result = size(Industry.OTHER, 1_000_000_000, 250)
    assert (result.is_sme, result.is_small, result.by_capital, result.by_employees) == (
        True,
        False,
        False,
        True,
    )


def test_a_shop_of_60_with_60_million_capital_is_not_an_sme() -> None:
    assert not size(Industry.RETAIL, 60_000_000, 60).is_sme


def test_the_same_60_people_in_services_are_an_sme() -> None:
    assert size(Industry.SERVICES, 60_000_000, 60).is_sme


def test_a_restaurant_of_6_is_an_sme_but_not_small() -> None:
    result = size(Industry.SERVICES, 3_000_000, 6)
    assert (result.is_sme, result.is_small) == (True, False)


def test_a_workshop_of_6_is_small() -> None:
    assert size(Industry.OTHER, 3_000_000, 6).is_small


def test_without_capital_employees_decide() -> None:
    assert size(Industry.WHOLESALE, None, 100).is_sme
    result = size(Industry.WHOLESALE, None, 101)
    assert (result.is_sme, result.by_capital, result.by_employees) == (False, False, False)


def test_industry_may_be_given_as_its_value() -> None:
    assert size("retail", 0, 0).threshold.industry is Industry.RETAIL


# Every error path: a short English reason the dialogue translates.


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("mining", 0, 0), "industry"),
        (("", 0, 0), "industry"),
        ((Industry.OTHER, -1, 10), "capital"),
        ((Industry.OTHER, 0, -1), "employees"),
        ((Industry.RETAIL, None, -5), "employees"),
    ],
)
def test_invalid_input_says_why(args: tuple, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        size(*args)
