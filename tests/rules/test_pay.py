"""Pay against the minimum wage and the premiums of the Labour Standards Act art. 37.

The rates are quoted from the statutes, then checked on worked examples at ¥1,250 an hour. The
minimum wages below are test figures passed in, as the module requires, not anybody's real one.
"""

from __future__ import annotations

import math

import pytest

from bot.rules.pay import Basis, PayCheck, Premium, PremiumKind, check_pay

# 最低賃金法 第4条第1項: 使用者は、最低賃金の適用を受ける労働者に対し、その最低賃金額以上の
# 賃金を支払わなければならない。
# 第4条第2項: ...労働契約で最低賃金額に達しない賃金を定めるものは、その部分については無効
# とする。この場合において、無効となつた部分は、最低賃金と同様の定をしたものとみなす。

RATE = 1250.0  # ¥200,000 a month / 160 scheduled hours


def monthly(**kwargs: float) -> PayCheck:
    """¥200,000 a month for 160 scheduled hours, against a minimum wage of ¥1,226."""
    return check_pay(
        **{"minimum_wage": 1226, "monthly_pay": 200_000, "hours_per_month": 160, **kwargs}
    )


def owed(result: PayCheck) -> dict[PremiumKind, float]:
    return {line.kind: line.amount for line in result.premiums}


# The hourly rate and the minimum wage


def test_200000_a_month_for_160_hours_is_1250_and_legal_at_1226() -> None:
    result = monthly()
    assert result.hourly_rate == 1250
    assert (result.basis, result.hours_per_month) == (Basis.MONTHLY, 160)
    assert (result.below_minimum, result.shortfall_per_hour) == (False, 0)
    assert result.premium_base == 1250


def test_the_same_pay_is_50_short_against_1300() -> None:
    result = monthly(minimum_wage=1300)
    assert (result.below_minimum, result.shortfall_per_hour) == (True, 50)
    assert result.premium_base == 1300  # art. 4(2): the minimum wage replaces the rate


def test_exactly_the_minimum_is_legal() -> None:
    result = monthly(monthly_pay=196_160)  # 196,160 / 160 = 1,226
    assert (result.hourly_rate, result.below_minimum, result.shortfall_per_hour) == (1226, False, 0)


def test_one_yen_a_month_under_is_below() -> None:
    result = monthly(monthly_pay=196_159)
    assert result.below_minimum
    assert result.shortfall_per_hour == pytest.approx(1 / 160)


def test_hours_a_week_become_hours_a_month_by_52_over_12() -> None:
    # 40 h a week × 52 / 12 = 173.33 h a month; ¥200,000 / 173.33 = ¥1,153.85
    result = check_pay(minimum_wage=1226, monthly_pay=200_000, hours_per_week=40)
    assert result.basis is Basis.MONTHLY_BY_WEEK
    assert result.hours_per_month == pytest.approx(40 * 52 / 12)
    assert result.hourly_rate == pytest.approx(200_000 * 12 / (40 * 52))
    assert result.below_minimum
    assert result.shortfall_per_hour == pytest.approx(1226 - 200_000 * 12 / 2080)


def test_monthly_pay_exactly_at_the_minimum_by_the_week_is_legal() -> None:
    # exact fractions: 1,226 × 173.33... = 212,506.66..., so ¥212,507 is legal, ¥212,506 is not
    assert not check_pay(minimum_wage=1226, monthly_pay=212_507, hours_per_week=40).below_minimum
    assert check_pay(minimum_wage=1226, monthly_pay=212_506, hours_per_week=40).below_minimum


def test_hourly_pay_is_taken_as_is() -> None:
    result = check_pay(minimum_wage=1226, hourly_pay=1100)
    assert (result.hourly_rate, result.basis, result.hours_per_month) == (1100, Basis.HOURLY, None)
    assert (result.below_minimum, result.shortfall_per_hour) == (True, 126)


def test_no_hours_no_premiums() -> None:
    result = monthly()
    assert (result.premiums, result.premiums_owed, result.premium_shortfall) == ((), 0, 0)


# 労働基準法 第37条第1項: ...労働時間を延長し、又は休日に労働させた場合においては、...通常の
# 労働時間の賃金の計算額の二割五分以上五割以下の範囲内でそれぞれ政令で定める率以上の率で計算
# した割増賃金を支払わなければならない。ただし、当該延長して労働させた時間が一箇月について
# 六十時間を超えた場合においては、その超えた時間の労働については、通常の労働時間の賃金の
# 計算額の五割以上の率で計算した割増賃金を支払わなければならない。
# 割増賃金令: 延長した労働時間 二割五分、休日の労働 三割五分


def test_70_hours_of_overtime_at_1250() -> None:
    """60 × 1,562.5 + 10 × 1,875 = 93,750 + 18,750 = 112,500."""
    result = monthly(overtime_hours=70)
    assert result.premiums == (
        Premium(PremiumKind.OVERTIME, 60, 1.25, 93_750),
        Premium(PremiumKind.OVERTIME_OVER_60, 10, 1.5, 18_750),
    )
    assert result.premiums_owed == 112_500
    assert result.premium_shortfall == 112_500


def test_exactly_60_hours_is_all_at_125() -> None:
    assert owed(monthly(overtime_hours=60)) == {PremiumKind.OVERTIME: 60 * 1562.5}


def test_holiday_work_is_135() -> None:
    assert owed(monthly(holiday_hours=8)) == {PremiumKind.HOLIDAY: 8 * 1687.5}


def test_holiday_hours_do_not_count_towards_the_60() -> None:
    result = monthly(overtime_hours=60, holiday_hours=16)
    assert PremiumKind.OVERTIME_OVER_60 not in owed(result)
    assert result.premiums_owed == 60 * 1562.5 + 16 * 1687.5


# 第37条第4項: 使用者が、午後十時から午前五時まで...の間において労働させた場合においては、その
# 時間の労働については、通常の労働時間の賃金の計算額の二割五分以上の率で計算した割増賃金を
# 支払わなければならない。
# 施行規則 第20条: 時間外が深夜に及ぶ場合 五割以上 (六十時間を超える部分は七割五分以上)、
# 休日労働が深夜に及ぶ場合 六割以上


def test_scheduled_night_work_adds_a_quarter() -> None:
    assert owed(monthly(night_hours=4)) == {PremiumKind.NIGHT: 4 * 312.5}


def test_overtime_at_night_is_150() -> None:
    assert monthly(overtime_hours=1, night_hours=1).premiums_owed == 1.50 * RATE


def test_overtime_over_60_at_night_is_175() -> None:
    sixty = monthly(overtime_hours=60).premiums_owed
    assert monthly(overtime_hours=61, night_hours=1).premiums_owed - sixty == 1.75 * RATE


def test_holiday_work_at_night_is_160() -> None:
    assert monthly(holiday_hours=1, night_hours=1).premiums_owed == 1.60 * RATE


def test_a_month_of_everything_itemised() -> None:
    result = monthly(overtime_hours=65, night_hours=10, holiday_hours=8, premiums_paid=100_000)
    assert owed(result) == {
        PremiumKind.OVERTIME: 60 * 1562.5,
        PremiumKind.OVERTIME_OVER_60: 5 * 1875,
        PremiumKind.HOLIDAY: 8 * 1687.5,
        PremiumKind.NIGHT: 10 * 312.5,
    }
    assert result.premiums_owed == 93_750 + 9_375 + 13_500 + 3_125
    assert result.premiums_paid == 100_000
    assert result.premium_shortfall == 19_750


def test_paid_in_full_or_more_is_no_shortfall() -> None:
    assert monthly(overtime_hours=10, premiums_paid=15_625).premium_shortfall == 0
    assert monthly(overtime_hours=10, premiums_paid=20_000).premium_shortfall == 0


def test_premiums_below_the_minimum_are_owed_on_the_minimum() -> None:
    # paid ¥1,100 an hour where the minimum is ¥1,226: 10 h overtime is 10 × 1,226 × 1.25
    result = check_pay(minimum_wage=1226, hourly_pay=1100, overtime_hours=10, premiums_paid=13_750)
    assert result.premium_base == 1226
    assert result.premiums_owed == pytest.approx(15_325)
    assert result.premium_shortfall == pytest.approx(1_575)


def test_fractions_of_an_hour() -> None:
    assert monthly(overtime_hours=0.5).premiums_owed == 781.25


# Every error path: a short English reason the dialogue translates.


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"minimum_wage": 0, "hourly_pay": 1000}, "minimum wage must be more than 0"),
        ({"minimum_wage": -1, "hourly_pay": 1000}, "minimum wage"),
        ({"minimum_wage": math.nan, "hourly_pay": 1000}, "minimum wage"),
        ({"minimum_wage": math.inf, "hourly_pay": 1000}, "minimum wage"),
        ({"minimum_wage": 1000}, "hourly pay or the monthly pay"),
        (
            {"minimum_wage": 1000, "hourly_pay": 1000, "monthly_pay": 200_000},
            "hourly pay or the monthly pay",
        ),
        ({"minimum_wage": 1000, "hourly_pay": -1}, "hourly pay"),
        ({"minimum_wage": 1000, "hourly_pay": math.nan}, "hourly pay"),
        ({"minimum_wage": 1000, "hourly_pay": 1000, "hours_per_month": 160}, "monthly pay only"),
        ({"minimum_wage": 1000, "hourly_pay": 1000, "hours_per_week": 40}, "monthly pay only"),
        ({"minimum_wage": 1000, "monthly_pay": -1, "hours_per_month": 160}, "monthly pay"),
        ({"minimum_wage": 1000, "monthly_pay": 200_000}, "per month or per week"),
        (
            {
                "minimum_wage": 1000,
                "monthly_pay": 200_000,
                "hours_per_month": 160,
                "hours_per_week": 40,
            },
            "per month or per week",
        ),
        ({"minimum_wage": 1000, "monthly_pay": 200_000, "hours_per_month": 0}, "per month"),
        ({"minimum_wage": 1000, "monthly_pay": 200_000, "hours_per_month": 745}, "per month"),
        ({"minimum_wage": 1000, "monthly_pay": 200_000, "hours_per_week": 0}, "per week"),
        ({"minimum_wage": 1000, "monthly_pay": 200_000, "hours_per_week": 169}, "per week"),
        ({"minimum_wage": 1000, "monthly_pay": 200_000, "hours_per_week": math.nan}, "per week"),
        ({"minimum_wage": 1000, "hourly_pay": 1000, "overtime_hours": -1}, "overtime hours"),
        ({"minimum_wage": 1000, "hourly_pay": 1000, "overtime_hours": 745}, "overtime hours"),
        ({"minimum_wage": 1000, "hourly_pay": 1000, "night_hours": -0.5}, "night hours"),
        ({"minimum_wage": 1000, "hourly_pay": 1000, "night_hours": math.nan}, "night hours"),
        ({"minimum_wage": 1000, "hourly_pay": 1000, "holiday_hours": 745}, "holiday hours"),
        (
            {"minimum_wage": 1000, "hourly_pay": 1000, "overtime_hours": 400, "holiday_hours": 400},
            "exceed the hours of a month",
        ),
        ({"minimum_wage": 1000, "hourly_pay": 1000, "premiums_paid": -1}, "premiums paid"),
    ],
)
def test_invalid_input_says_why(kwargs: dict, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        check_pay(**kwargs)
