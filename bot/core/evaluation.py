"""`madoguchi eval`: how often the assistant picks the right target, per language and category.

Runs each question of the evaluation set through the real `Assistant.handle` as a new user with
no language hint, as `madoguchi ask --json -` would, and compares with the expected id.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.assistant import Assistant
from bot.core.turns import Incoming, Reply
from bot.nlu.calibrate import calibration_error

__all__ = ["EvalItem", "EvalReport", "evaluate", "load_items", "summarize"]


@dataclass(frozen=True, slots=True)
class EvalItem:
    text: str
    lang: str
    expect: str


@dataclass
class EvalReport:
    total: int = 0
    correct: int = 0
    lang_correct: int = 0
    urgent_total: int = 0
    urgent_found: int = 0
    oos_total: int = 0
    oos_answered: int = 0  # out-of-scope questions answered with a knowledge entry
    by_lang: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_category: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    confusions: Counter = field(default_factory=Counter)
    misses: list[tuple[EvalItem, str | None, float]] = field(default_factory=list)
    confidences: list[tuple[float, bool]] = field(default_factory=list)

    @staticmethod
    def rate(pair: list[int]) -> float:
        return 100.0 * pair[0] / pair[1] if pair[1] else 0.0

    @property
    def accuracy(self) -> float:
        return 100.0 * self.correct / self.total if self.total else 0.0

    @property
    def lang_accuracy(self) -> float:
        return 100.0 * self.lang_correct / self.total if self.total else 0.0

    @property
    def urgent_recall(self) -> float:
        return 100.0 * self.urgent_found / self.urgent_total if self.urgent_total else 100.0

    @property
    def oos_answer_rate(self) -> float:
        return 100.0 * self.oos_answered / self.oos_total if self.oos_total else 0.0

    @property
    def calibration_error(self) -> float:
        return calibration_error(self.confidences)

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "top1": round(self.accuracy, 2),
            "language": round(self.lang_accuracy, 2),
            "urgent_recall": round(self.urgent_recall, 2),
            "out_of_scope_answered": round(self.oos_answer_rate, 2),
            "by_language": {k: round(self.rate(v), 2) for k, v in sorted(self.by_lang.items())},
            "by_category": {k: round(self.rate(v), 2) for k, v in sorted(self.by_category.items())},
            "confusions": [[a, b, n] for (a, b), n in self.confusions.most_common(15)],
            "calibration_error": round(self.calibration_error, 4),
        }


def load_items(path: Path) -> list[EvalItem]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            items.append(EvalItem(data["text"], data["lang"], data["expect"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path.name}: line {n}: {exc}") from exc
    return items


def summarize(replies: list[Reply]) -> dict:
    """The machine contract of `madoguchi ask --json`: one line per input."""
    first = replies[0]
    return {
        "lang": first.lang,
        "intent": first.intent,
        "entry": first.entry,
        "confidence": round(first.confidence, 4),
        "handoff": any(r.handoff for r in replies),
        "text": "\n\n".join(r.text for r in replies),
    }


async def evaluate(
    assistant: Assistant, items: Iterable[EvalItem], progress: Callable[[], None] | None = None
) -> EvalReport:
    report = EvalReport()
    categories = {e.id: e.category for e in assistant.content.entries.values()}
    for n, item in enumerate(items):
        result = summarize(await assistant.handle(Incoming(f"eval:{n}", item.text)))
        got = result["intent"]
        ok = got == item.expect
        category = categories.get(item.expect, "intent")
        report.total += 1
        report.confidences.append((result["confidence"], ok))
        report.correct += ok
        report.lang_correct += result["lang"] == item.lang
        report.by_lang[item.lang][0] += ok
        report.by_lang[item.lang][1] += 1
        report.by_category[category][0] += ok
        report.by_category[category][1] += 1
        if item.expect == "urgent":
            report.urgent_total += 1
            report.urgent_found += bool(result["handoff"]) and got == "urgent"
        if item.expect == "out-of-scope":
            report.oos_total += 1
            report.oos_answered += result["entry"] is not None
        if not ok:
            report.confusions[(item.expect, got)] += 1
            report.misses.append((item, got, result["confidence"]))
        if progress:
            progress()
    return report
