"""Help in the user's language: the lines with an interpreter for it, open now first."""

from __future__ import annotations

import datetime as dt

from bot.core.factory import Engine
from bot.core.replies import Replies

SATURDAY_10 = dt.datetime(2026, 12, 5, 1, 0, tzinfo=dt.UTC)  # 10:00 in Tokyo
MONDAY_10 = dt.datetime(2026, 12, 7, 1, 0, tzinfo=dt.UTC)
MONDAY_15 = dt.datetime(2026, 12, 7, 6, 0, tzinfo=dt.UTC)


def urgent_text(engine: Engine, lang: str, now: dt.datetime) -> str:
    replies = Replies(engine.content, lambda: now.date(), lambda: now)
    return replies.urgent(engine.catalogs(lang), 1.0).text


def listed(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("• ") and "(" in line]


def test_a_vietnamese_user_gets_the_lines_that_speak_vietnamese(engine: Engine) -> None:
    t = engine.catalogs("vi")
    on_saturday = urgent_text(engine, "vi", SATURDAY_10)
    assert (
        t.gettext("Lines that answer in {language}, open now first:", language="Tiếng Việt")
        in on_saturday
    )
    (immigration,) = [line for line in listed(on_saturday) if "0570-013904" in line]
    opens = t.datetime(
        dt.datetime(2026, 12, 7, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=9))), "short"
    )
    assert t.gettext("closed now, opens {when}", when=opens) in immigration
    assert "119" not in "".join(listed(on_saturday))  # 119's interpreters do not cover Vietnamese

    on_monday = urgent_text(engine, "vi", MONDAY_10)
    (immigration,) = [line for line in listed(on_monday) if "0570-013904" in line]
    assert t.gettext("open now") in immigration


def test_open_lines_come_before_closed_ones(engine: Engine) -> None:
    lines = listed(urgent_text(engine, "en", SATURDAY_10))
    numbers = [line.split(": ")[1].split(" ")[0] for line in lines]
    assert numbers.index("119") < numbers.index("0570-013904")
    assert numbers.index("03-5285-8181") < numbers.index("03-3265-6110")  # Himawari opens daily
    monday_afternoon = [line for line in listed(urgent_text(engine, "en", MONDAY_15))]
    english_line = next(line for line in monday_afternoon if "03-3265-6110" in line)
    assert "open now" in english_line


def test_the_consultation_centres_answer_lists_them_too(engine: Engine) -> None:
    replies = Replies(engine.content, lambda: MONDAY_10.date(), lambda: MONDAY_10)
    entry = engine.content.entries["consultation-centers-foreigners"]
    text = replies.answer(engine.catalogs("ne"), entry, 1.0).text
    assert "0570-013904" in text
