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

__all__ = [
    "EvalItem",
    "EvalReport",
    "Prediction",
    "evaluate",
    "load_items",
    "load_set",
    "predict",
    "score",
    "summarize",
]


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
    knowledge_total: int = 0  # questions a knowledge entry should answer
    knowledge_top1: int = 0  # ... whose first guess is that entry (answer or first suggestion)
    answered_right: int = 0  # ... answered outright with that entry
    answered_wrong: int = 0  # ... answered outright with another entry
    urgent_flagged: int = 0  # messages of any kind treated as urgent
    urgent_one_tap: int = 0  # urgent messages missed whose reply still offered "It is urgent"
    by_lang: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_category: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    knowledge_lang: dict[str, list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
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
    def knowledge_accuracy(self) -> float:
        return self.rate([self.knowledge_top1, self.knowledge_total])

    @property
    def answered_right_rate(self) -> float:
        return self.rate([self.answered_right, self.knowledge_total])

    @property
    def answered_wrong_rate(self) -> float:
        return self.rate([self.answered_wrong, self.knowledge_total])

    @property
    def urgent_precision(self) -> float:
        return 100.0 * self.urgent_found / self.urgent_flagged if self.urgent_flagged else 100.0

    def knowledge_by_lang(self) -> dict[str, float]:
        return {k: self.rate(v) for k, v in sorted(self.knowledge_lang.items())}

    @property
    def calibration_error(self) -> float:
        return calibration_error(self.confidences)

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "top1": round(self.accuracy, 2),
            "language": round(self.lang_accuracy, 2),
            "knowledge_top1": round(self.knowledge_accuracy, 2),
            "knowledge_by_language": {k: round(v, 2) for k, v in self.knowledge_by_lang().items()},
            "answered_right": round(self.answered_right_rate, 2),
            "answered_wrong": round(self.answered_wrong_rate, 2),
            "urgent_recall": round(self.urgent_recall, 2),
            "urgent_precision": round(self.urgent_precision, 2),
            "urgent_missed": self.urgent_total - self.urgent_found,
            "urgent_missed_one_tap": self.urgent_one_tap,
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


def load_set(path: Path) -> list[EvalItem]:
    """A file of JSON lines, or a folder of them (one file per language)."""
    if path.is_dir():
        return [item for f in sorted(path.glob("*.jsonl")) for item in load_items(f)]
    return load_items(path)


def summarize(replies: list[Reply]) -> dict:
    """The machine contract of `madoguchi ask --json`: one line per input. `intent` is the
    first reply's (the decision), `entry` the knowledge entry answered, if any: the first
    reply's, or the one answered beside an escalation (`Decision.beside`)."""
    first = replies[0]
    return {
        "lang": first.lang,
        "intent": first.intent,
        "entry": next((r.entry for r in replies if r.entry), None),
        "confidence": round(first.confidence, 4),
        "handoff": any(r.handoff for r in replies),
        "text": "\n\n".join(r.text for r in replies),
    }


@dataclass(frozen=True, slots=True)
class Prediction:
    """What a system did with one message: its first guess, the entry it answered with (None
    for a suggestion, a menu or an intent), and whether it treated the message as urgent."""

    lang: str | None
    intent: str | None
    entry: str | None
    urgent: bool
    confidence: float = 0.0
    one_tap: bool = False  # the reply carries the safety line's "It is urgent" (policy.py)


def predict(replies: list[Reply]) -> Prediction:
    """madoguchi's replies to one message as a `Prediction`, read from the `ask --json`
    summary (the contract) plus the safety line's button."""
    result = summarize(replies)
    return Prediction(
        result["lang"],
        result["intent"],
        result["entry"],
        bool(result["handoff"]) and result["intent"] == "urgent",
        result["confidence"],
        one_tap=any(b.action == "human:urgent" for b in replies[0].buttons),
    )


def score(report: EvalReport, item: EvalItem, got: Prediction, category: str | None) -> None:
    """Adds one message to the report: the same measures for madoguchi and for its peers."""
    ok = got.intent == item.expect
    report.total += 1
    report.confidences.append((got.confidence, ok))
    report.correct += ok
    report.lang_correct += got.lang == item.lang
    report.by_lang[item.lang][0] += ok
    report.by_lang[item.lang][1] += 1
    report.by_category[category or "intent"][0] += ok
    report.by_category[category or "intent"][1] += 1
    report.urgent_flagged += got.urgent
    if category is not None:
        report.knowledge_total += 1
        report.knowledge_top1 += ok
        report.knowledge_lang[item.lang][0] += ok
        report.knowledge_lang[item.lang][1] += 1
        report.answered_right += got.entry == item.expect
        report.answered_wrong += got.entry is not None and got.entry != item.expect
    if item.expect == "urgent":
        report.urgent_total += 1
        report.urgent_found += got.urgent
        report.urgent_one_tap += not got.urgent and got.one_tap
    if item.expect == "out-of-scope":
        report.oos_total += 1
        report.oos_answered += got.entry is not None
    if not ok:
        report.confusions[(item.expect, got.intent)] += 1
        report.misses.append((item, got.intent, got.confidence))


async def evaluate(
    assistant: Assistant, items: Iterable[EvalItem], progress: Callable[[], None] | None = None
) -> EvalReport:
    report = EvalReport()
    categories = {e.id: e.category for e in assistant.content.entries.values()}
    for n, item in enumerate(items):
        got = predict(await assistant.handle(Incoming(f"eval:{n}", item.text)))
        score(report, item, got, categories.get(item.expect))
        if progress:
            progress()
    return report
