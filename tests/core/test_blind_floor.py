"""The frozen sets hold the floors of what users get: phrasing nobody tuned for.

The blind set (tests/eval/blind/) and the emergency stress set (tests/eval/stress/) are never
tuned on; these tests only read their figures. A change to their files fails here first, so a
figure can never come from an edited set.
"""

from __future__ import annotations

import hashlib

import pytest

from bot.content.loader import default_content_dir
from bot.core.assistant import Assistant
from bot.core.evaluation import evaluate, load_set

EVAL = default_content_dir() / "tests" / "eval"
BLIND = EVAL / "blind"
STRESS = EVAL / "stress"
LANGUAGES = {"ja", "en", "zh", "vi", "ko", "ne", "id", "tl", "pt"}


@pytest.mark.parametrize("folder", [BLIND, STRESS], ids=["blind", "stress"])
def test_the_frozen_sets_are_unchanged(folder) -> None:
    pinned = {}
    for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split()
        pinned[name] = digest
    files = sorted(p.name for p in folder.glob("*.jsonl"))
    assert files == sorted(pinned)
    for name in files:
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == pinned[name], name


# The targets of issue #11, held as they are met (README, "Figures", measured 2026-12-04:
# knowledge top-1 97.8 %, lowest language 93.3 %, answered right 97.4 %, answered with a wrong
# entry 0.0 %, out-of-scope answered 3.0 %, urgent 98.9 % at 93 % precision, language 99.6 %).
# Urgent recall is the one target not met (100 %): the floor holds what is reached, one miss in 90.
FLOORS = {
    "knowledge_top1": 97.0,
    "every_language": 93.0,
    "answered_right": 93.0,
    "answered_wrong_at_most": 1.5,
    "out_of_scope_answered_at_most": 3.0,
    "urgent_recall": 98.8,
    "urgent_precision": 90.0,
    "language": 98.0,
}


async def test_blind_floors(assistant: Assistant) -> None:
    items = load_set(BLIND)
    assert {i.lang for i in items} == LANGUAGES and len(items) >= 50 * len(LANGUAGES)
    report = await evaluate(assistant, items)
    figures = report.as_dict()
    assert report.knowledge_accuracy >= FLOORS["knowledge_top1"], figures
    for lang, rate in report.knowledge_by_lang().items():
        assert rate >= FLOORS["every_language"], (lang, figures)
    assert report.answered_right_rate >= FLOORS["answered_right"], figures
    assert report.answered_wrong_rate <= FLOORS["answered_wrong_at_most"], figures
    assert report.oos_answer_rate <= FLOORS["out_of_scope_answered_at_most"], figures
    assert report.urgent_recall >= FLOORS["urgent_recall"], figures
    assert report.urgent_precision >= FLOORS["urgent_precision"], figures
    assert report.lang_accuracy >= FLOORS["language"], figures


# The emergency stress set (measured 2026-12-04: 472 of 495 emergencies escalated, 95.4 %, at
# 92 % precision; with the second opinion by meaning, 477, 96.4 %, at 92.8 %; the plain peers
# 77-89 %). Its calm neighbours are hard on purpose and loosely labelled
# (tests/eval/stress/README.md), so only the urgent figures hold floors here.
STRESS_FLOORS = {"urgent_recall": 96.0, "urgent_precision": 92.0}


async def test_stress_floors(assistant: Assistant) -> None:
    items = load_set(STRESS)
    assert {i.lang for i in items} == LANGUAGES
    assert sum(i.expect == "urgent" for i in items) >= 55 * len(LANGUAGES)
    report = await evaluate(assistant, items)
    figures = report.as_dict()
    assert report.urgent_recall >= STRESS_FLOORS["urgent_recall"], figures
    assert report.urgent_precision >= STRESS_FLOORS["urgent_precision"], figures
