"""Choose the matcher's fusion weights on held-out example questions (5 folds), not on the
evaluation set, so `madoguchi eval` stays an honest test.

    python benchmarks/tune_matcher.py          # prints the grid's best weights and top-1

Each fold removes every fifth example question of every entry and intent, builds the matcher
on the rest, and ranks the removed ones; the grid then re-ranks the recorded candidates.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from bot.content.loader import load_content
from bot.nlu.calibrate import held_out
from bot.nlu.match import Calibration, Matcher

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    content = load_content(ROOT)
    records = []  # (expected, [(id, fuzzy, coverage, keyword)])
    for sub, held in held_out(content):
        matcher = Matcher(sub, Calibration())
        for text, expect, lang in held:
            match = matcher.rank(text, lang, limit=12)
            records.append(
                (expect, [(c.id, c.fuzzy, c.coverage, c.keyword) for c in match.candidates])
            )
    print(f"{len(records)} held-out questions")
    results = []
    grid = [x / 20 for x in range(0, 21)]
    for wf, wc in itertools.product(grid, grid):
        wk = 1.0 - wf - wc
        if wk < -1e-9:
            continue
        hits = 0
        for expect, cands in records:
            if cands:
                best = max(cands, key=lambda c: wf * c[1] + wc * c[2] + wk * c[3])
                hits += best[0] == expect
        results.append((hits / len(records), wf, wc, round(wk, 2)))
    results.sort(reverse=True)
    for acc, wf, wc, wk in results[:8]:
        print(f"top-1 {acc:.4f}  w_fuzzy={wf} w_coverage={wc} w_keyword={wk}")
    base = Calibration()
    current = next(
        r for r in results if abs(r[1] - base.w_fuzzy) < 1e-9 and abs(r[2] - base.w_coverage) < 1e-9
    )
    print(f"current weights: top-1 {current[0]:.4f}")


if __name__ == "__main__":
    main()
