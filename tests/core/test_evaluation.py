"""The evaluation counts what a user gets: an emergency missed but one tap from help is still a
miss, and it is counted apart."""

from __future__ import annotations

from dataclasses import replace

from bot.core.evaluation import EvalItem, EvalReport, predict, score
from bot.core.turns import Button, Reply

EMERGENCY = EvalItem("my hand was crushed, the boss says go home", "en", "urgent")
ANSWER = Reply("answer", "Workers' accident insurance...", "en", "rosai", "rosai", 0.9)
ONE_TAP = Button("It is urgent", "human:urgent")


def test_a_missed_emergency_with_the_safety_line_is_a_miss_one_tap_from_help() -> None:
    report = EvalReport()
    got = predict([replace(ANSWER, buttons=(ONE_TAP,))])
    score(report, EMERGENCY, got, "foreign-employee")
    assert report.urgent_recall == 0.0 and report.urgent_one_tap == 1
    assert report.as_dict()["urgent_missed"] == 1


def test_a_missed_emergency_without_it_is_a_plain_miss() -> None:
    report = EvalReport()
    score(report, EMERGENCY, predict([ANSWER]), "foreign-employee")
    assert report.urgent_one_tap == 0 and report.as_dict()["urgent_missed_one_tap"] == 0


def test_an_escalated_emergency_is_caught_not_one_tap() -> None:
    report = EvalReport()
    urgent = Reply("urgent", "This sounds urgent.", "en", "urgent", None, 0.9, handoff=True)
    score(report, EMERGENCY, predict([urgent]), None)
    assert report.urgent_recall == 100.0 and report.urgent_one_tap == 0
