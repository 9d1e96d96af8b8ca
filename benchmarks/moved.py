"""Which messages a change moves: madoguchi at a base revision beside the working tree, message
by message, on the sets that judge changes.

    python benchmarks/moved.py                          # HEAD against the working tree
    python benchmarks/moved.py --base 6febd6e --sets dev3,urgency

A change to the matching, the content or the calibration is judged by a rule written before it
is measured (README, "How it understands a message"); the rules read how many questions a change
gains and loses on each set, not only the net figure, and one message is a large step on sets of
a few hundred. Each side runs in a process of its own, the base from a temporary git worktree
(its code, content and calibration), both on the working tree's copy of the sets, so the change
is the only difference. The blind set is refused: it is looked at once, after a change is
decided, with `peers.py`. `dev109` is kept unseen for the next change (`tests/eval/dev109/README.md`):
it is run only when asked for by name, once the rule that reads it is written.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = (*(f"dev{n}" for n in range(2, 110)), "stress", "urgency", "dev", "own")
# the read sets: the referee sets but the unseen dev109, the stress and the urgency sets
JUDGES = ",".join([*(f"dev{n}" for n in range(2, 109)), "stress", "urgency"])
# message, language, expected id, first guess, entry answered, escalated, knowledge question
Row = tuple[str, str, str, str | None, str | None, bool, bool]


def _folder(name: str) -> Path:
    if name == "own":
        return ROOT / "tests" / "eval" / "questions.jsonl"
    return ROOT / "tests" / "eval" / name


def child(code: Path, names: list[str]) -> None:
    """Runs in the checkout `code` (its bot, content and calibration) and prints its rows."""
    import asyncio

    sys.path.insert(0, str(code))
    from bot.core.assistant import Assistant
    from bot.core.evaluation import load_set, predict
    from bot.core.factory import build_engine
    from bot.core.turns import Incoming
    from bot.store.conversations import MemoryConversations

    engine = build_engine(code)
    entries = set(engine.content.entries)

    async def rows(name: str) -> list[Row]:
        assistant = Assistant(
            engine.content, engine.matcher, engine.detector, engine.catalogs, MemoryConversations()
        )
        out = []
        for n, item in enumerate(load_set(_folder(name))):
            got = predict(await assistant.handle(Incoming(f"{name}:{n}", item.text)))
            out.append(
                (
                    item.text,
                    item.lang,
                    item.expect,
                    got.intent,
                    got.entry,
                    got.urgent,
                    item.expect in entries,
                )
            )
        return out

    print(json.dumps({name: asyncio.run(rows(name)) for name in names}, ensure_ascii=False))


def _run(code: Path, names: list[str]) -> dict[str, list[Row]]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(code), "--sets", ",".join(names)],
        capture_output=True,
        text=True,
        cwd=code,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def figures(rows: list[Row]) -> dict[str, int]:
    """The counts a rule reads, out of the set's own totals."""
    knowledge = [r for r in rows if r[6]]
    near = [r for r in rows if r[2] == "out-of-scope"]
    return {
        "knowledge": len(knowledge),
        "knowledge_right": sum(r[3] == r[2] for r in knowledge),
        "answered_right": sum(r[4] == r[2] for r in knowledge),
        "answered_wrong": sum(r[4] is not None and r[4] != r[2] for r in knowledge),
        "urgent": sum(r[2] == "urgent" for r in rows),
        "urgent_caught": sum(r[5] for r in rows if r[2] == "urgent"),
        "flagged": sum(r[5] for r in rows),
        "near_misses": len(near),
        "near_misses_answered": sum(r[4] is not None for r in near),
    }


def _mark(old: Row, new: Row) -> str:
    """+ the first guess became right, - it stopped being right, ~ anything else (the answer
    or the urgent decision moved, or one wrong guess became another)."""
    if old[3] != new[3] and new[3] == new[2]:
        return "+"
    if old[3] != new[3] and old[3] == old[2]:
        return "-"
    return "~"


def compare(before: list[Row], after: list[Row]) -> tuple[dict, list[str]]:
    """(the set's counts before and after, with knowledge questions gained and lost; a line for
    every message whose first guess, answer or urgent decision moved)."""
    lines, gained, lost = [], 0, 0
    for old, new in zip(before, after, strict=True):
        if (old[3], old[4], old[5]) == (new[3], new[4], new[5]):
            continue
        if new[6]:
            gained += new[3] == new[2] and old[3] != old[2]
            lost += old[3] == old[2] and new[3] != new[2]
        mark = _mark(old, new)
        urgent = f" urgent {old[5]}→{new[5]}" if old[5] != new[5] else ""
        answer = f" answered {old[4]}→{new[4]}" if old[4] != new[4] else ""
        lines.append(
            f"  {mark} [{new[1]}] {new[2]}: {old[3]} → {new[3]}{urgent}{answer}  {new[0][:80]}"
        )
    counts = {"before": figures(before), "after": figures(after), "gained": gained, "lost": lost}
    return counts, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="HEAD", help="the revision to compare against")
    parser.add_argument("--sets", default=JUDGES, help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="also write the counts here")
    args = parser.parse_args()
    names = args.sets.split(",")
    if args.child:
        child(Path(args.child), names)
        return
    unknown = [n for n in names if n not in SETS]
    if unknown:
        parser.error(
            f"not a set that judges changes: {', '.join(unknown)} (the blind set is read by peers.py, once)"
        )
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "--quiet", str(base), args.base],
            cwd=ROOT,
            check=True,
        )
        try:
            before = _run(base, names)
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=True
            )
    after = _run(ROOT, names)
    report = {}
    for name in names:
        counts, lines = compare(before[name], after[name])
        report[name] = counts
        b, a = counts["before"], counts["after"]
        print(
            f"{name}: knowledge {b['knowledge_right']} → {a['knowledge_right']} of {a['knowledge']}"
            f" (+{counts['gained']} −{counts['lost']}), answered right {b['answered_right']} →"
            f" {a['answered_right']}, answered wrong {b['answered_wrong']} →"
            f" {a['answered_wrong']}, urgent {b['urgent_caught']} → {a['urgent_caught']} of"
            f" {a['urgent']} ({b['flagged']} → {a['flagged']} flagged), near misses answered"
            f" {b['near_misses_answered']} → {a['near_misses_answered']} of {a['near_misses']}"
        )
        print("\n".join(lines) if lines else "  nothing moved")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
