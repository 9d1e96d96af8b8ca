"""What the throughput benchmarks send: the own evaluation set's messages, as the bot's channels
would receive them. The set over-represents what needs a person (a tenth is urgent); real traffic
is mostly questions, so --handoffs chooses: "none" (QUESTIONS) or "eval" (TEXTS, the set as is)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

EVAL = [
    json.loads(line)
    for line in (ROOT / "tests/eval/questions.jsonl").read_text(encoding="utf-8").splitlines()
    if line
]
TEXTS = [q["text"] for q in EVAL]
QUESTIONS = [q["text"] for q in EVAL if q["expect"] not in ("urgent", "human")]
