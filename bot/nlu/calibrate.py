"""Fitting the confidence curve: on questions the matcher has not seen.

The knowledge base's own example questions are split in five folds; each fold is held out, the
matcher is built on the rest and ranks the held-out ones. Those (top score, margin, right or
wrong) triples are realistic paraphrases in every language and every entry, thousands of them,
so the fitted curve means "this share of answers at this confidence are right". The evaluation
sets then check the curve (expected calibration error) without having shaped it.
`benchmarks/tune_matcher.py --save` records the folds, fits the weights and thresholds, and
calls `fit` for the curve.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace

import numpy as np

from bot.content.loader import Content
from bot.nlu.match import Calibration

__all__ = ["calibration_error", "fit", "held_out"]


def held_out(content: Content, k: int = 5) -> Iterator[tuple[Content, list[tuple[str, str, str]]]]:
    """(content without fold f, [(question, expected id, language)] of fold f) per fold."""

    def split(items: dict[str, list[str]], owner: str, fold: int, held: list) -> dict:
        keep = {}
        for lang, questions in items.items():
            keep[lang] = [q for i, q in enumerate(questions) if i % k != fold]
            held += [(q, owner, lang) for i, q in enumerate(questions) if i % k == fold]
        return keep

    for fold in range(k):
        held: list[tuple[str, str, str]] = []
        entries = {
            e.id: e.model_copy(update={"questions": split(e.questions, e.id, fold, held)})
            for e in content.entries.values()
        }
        intents = {
            i.id: i.model_copy(update={"examples": split(i.examples, i.id, fold, held)})
            for i in content.intents.values()
        }
        yield replace(content, entries=entries, intents=intents), held


def fit(rows: list[tuple[float, float, bool]], base: Calibration) -> Calibration:
    """Logistic regression on (top score, margin) by gradient descent: three parameters."""
    x = np.array([(r[0], r[1], 1.0) for r in rows], dtype=np.float64)
    y = np.array([1.0 if r[2] else 0.0 for r in rows], dtype=np.float64)
    w = np.zeros(3)
    for _ in range(20000):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        w -= 4.0 * (x.T @ (p - y) / len(y))
    p = 1.0 / (1.0 + np.exp(-(x @ w)))
    loss = float(-np.mean(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9)))
    return replace(
        base,
        a_score=round(float(w[0]), 4),
        a_margin=round(float(w[1]), 4),
        bias=round(float(w[2]), 4),
        fitted_on={
            "held_out_questions": len(y),
            "top1": round(float(y.mean()), 4),
            "log_loss": round(loss if math.isfinite(loss) else 0.0, 4),
        },
    )


def calibration_error(pairs: list[tuple[float, bool]], bins: int = 10) -> float:
    """Expected calibration error: how far confidence is from accuracy, weighted by bin size."""
    if not pairs:
        return 0.0
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if inside:
            conf = sum(c for c, _ in inside) / len(inside)
            acc = sum(ok for _, ok in inside) / len(inside)
            total += len(inside) * abs(conf - acc)
    return total / len(pairs)
