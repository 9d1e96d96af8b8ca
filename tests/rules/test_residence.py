"""What to do by when with a residence card, counted on the calendar as the Agency does."""

from __future__ import annotations

from datetime import date

from bot.rules.residence import Stage, checklist, months_before, reminder_days


def test_the_extension_window_opens_three_months_before_expiry() -> None:
    found = checklist(date(2027, 6, 30), date(2027, 3, 29), permanent=False)
    assert found.opens == date(2027, 3, 30)
    assert found.stage is Stage.BEFORE_WINDOW
    assert checklist(date(2027, 6, 30), date(2027, 3, 30), permanent=False).stage is (
        Stage.WINDOW_OPEN
    )


def test_a_permanent_residents_card_is_renewed_from_two_months_before() -> None:
    assert checklist(date(2027, 6, 30), date(2027, 5, 1), permanent=True).opens == date(2027, 4, 30)


def test_a_past_date_is_expired_with_negative_days_left() -> None:
    found = checklist(date(2026, 12, 1), date(2026, 12, 4), permanent=False)
    assert found.stage is Stage.EXPIRED and found.days_left == -3


def test_months_are_calendar_months_clamped_to_the_end_of_the_month() -> None:
    assert months_before(date(2027, 5, 31), 3) == date(2027, 2, 28)
    assert months_before(date(2028, 5, 31), 3) == date(2028, 2, 29)
    assert months_before(date(2027, 1, 15), 1) == date(2026, 12, 15)


def test_reminders_fall_three_months_one_month_and_two_weeks_before_and_only_ahead() -> None:
    expiry = date(2027, 6, 30)
    assert reminder_days(expiry, date(2026, 12, 4)) == [
        date(2027, 3, 30),
        date(2027, 5, 30),
        date(2027, 6, 16),
    ]
    assert reminder_days(expiry, date(2027, 5, 30)) == [date(2027, 6, 16)]
