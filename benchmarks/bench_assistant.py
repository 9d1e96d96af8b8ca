"""Latency, throughput, load time and peak memory of `Assistant.handle`.

Not a timed test: run it, read the figures, put them in the README.

    python benchmarks/bench_assistant.py            # real content + 10,000 synthetic entries
    python benchmarks/bench_assistant.py --entries 0  # real content only

Each measurement of load time and memory runs in a fresh process, so imports and caches of one
do not flatter the next.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# The checkout this script is in, not whichever one is installed: an older checkout measured
# beside the current one must run its own code (its child processes too).
sys.path.insert(0, str(ROOT))
EVAL = ROOT / "tests" / "eval" / "questions.jsonl"


def make_synthetic(target: Path, count: int, seed: int = 7) -> None:
    """`count` entries built from the real ones: same languages, shapes and vocabulary, but each
    with its own mix of words, so the index and the matcher face a realistic 10k-entry load."""
    from bot.content.loader import load_content

    real = load_content(ROOT)
    rng = random.Random(seed)
    vocab: dict[str, list[str]] = {}
    for entry in real.entries.values():
        for lang, qs in entry.questions.items():
            for q in qs:
                vocab.setdefault(lang, []).extend(
                    q.split()
                    if lang not in ("ja", "zh")
                    else [q[i : i + 2] for i in range(0, len(q), 2)]
                )
    for folder in ("intents", "locales"):
        shutil.copytree(ROOT / folder, target / folder)
    (target / "knowledge").mkdir()
    # what entries refer to (facts, help lines, offices, self-checks) comes along unchanged
    for path in (ROOT / "knowledge").glob("*.yaml"):
        shutil.copy(path, target / "knowledge" / path.name)
    shutil.copytree(ROOT / "knowledge" / "flows", target / "knowledge" / "flows")
    bases = list(real.entries.values())
    for entry in bases:  # the real entries stay, so real questions still have their answers
        dest = target / "knowledge" / entry.category
        dest.mkdir(exist_ok=True)
        shutil.copy(ROOT / "knowledge" / entry.category / f"{entry.id}.yaml", dest)
    for n in range(count - len(bases)):
        base = bases[n % len(bases)]
        data = json.loads(base.model_dump_json())
        data["id"] = f"{base.id}-syn{n}"
        data["related"] = []
        data["marks"] = {}  # a mark settles a tie with a related entry, and a copy has none
        data["marks_together"] = []
        data["marks_unless"] = {}  # and what keeps marks from holding needs marks
        joiner = {"ja": "", "zh": ""}
        for lang, qs in data["questions"].items():
            sep = joiner.get(lang, " ")
            data["questions"][lang] = [
                sep.join(rng.sample(vocab[lang], k=min(len(vocab[lang]), rng.randint(3, 7))))
                for _ in qs
            ]
        for lang, kws in data["keywords"].items():
            data["keywords"][lang] = [rng.choice(vocab.get(lang, kws)) for _ in kws[:3]]
        path = target / "knowledge" / base.category / f"{data['id']}.yaml"
        path.write_text(
            yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )


def child(content_dir: str, rounds: int) -> None:
    """Runs in a fresh process: load, then time `handle` on the evaluation questions."""
    started = time.perf_counter()
    from bot.core.assistant import Assistant
    from bot.core.factory import build_engine
    from bot.core.turns import Incoming
    from bot.store.conversations import MemoryConversations

    imported = time.perf_counter()
    engine = build_engine(Path(content_dir))
    loaded = time.perf_counter()
    assistant = Assistant(
        engine.content, engine.matcher, engine.detector, engine.catalogs, MemoryConversations()
    )
    texts = [
        json.loads(line)["text"]
        for line in EVAL.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]

    async def run() -> tuple[list[float], float]:
        times = []
        for text in texts[:50]:  # warm up
            await assistant.handle(Incoming("bench:warm", text))
        begin = time.perf_counter()
        for r in range(rounds):
            for n, text in enumerate(texts):
                t0 = time.perf_counter_ns()
                await assistant.handle(Incoming(f"bench:{r}:{n % 97}", text))
                times.append((time.perf_counter_ns() - t0) / 1e6)
        return times, time.perf_counter() - begin

    times, wall = asyncio.run(run())
    times.sort()
    print(
        json.dumps(
            {
                "entries": len(engine.content.entries),
                "import_s": round(imported - started, 3),
                "load_s": round(loaded - imported, 3),
                "p50_ms": round(statistics.median(times), 3),
                "p99_ms": round(times[int(len(times) * 0.99) - 1], 3),
                "per_second": round(len(times) / wall, 1),
                "messages": len(times),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
        )
    )


def measure(content_dir: Path, rounds: int, repeats: int) -> dict:
    runs = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(content_dir), "--rounds", str(rounds)],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    keys = [k for k in runs[0] if k not in ("entries", "messages")]
    summary = {k: statistics.median(r[k] for r in runs) for k in keys}
    summary["entries"] = runs[0]["entries"]
    summary["messages"] = runs[0]["messages"]
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3, help="fresh processes per setting")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.rounds)
        return
    print(f"real content ({args.repeats} processes, medians):")
    real = measure(ROOT, args.rounds, args.repeats)
    print(json.dumps(real))
    if args.entries:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            make_synthetic(Path(tmp), args.entries)
            print(f"synthetic content written in {time.perf_counter() - t0:.1f} s")
            big = measure(Path(tmp), 1, args.repeats)
        print(f"{args.entries} synthetic entries:")
        print(json.dumps(big))
        print(f"p50 ratio 10k/real: {big['p50_ms'] / real['p50_ms']:.1f}x")


if __name__ == "__main__":
    main()
