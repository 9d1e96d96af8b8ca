"""The evaluation set holds a floor: a change that makes answers worse fails here."""

from __future__ import annotations

from bot.content.loader import default_content_dir
from bot.core.assistant import Assistant
from bot.core.evaluation import evaluate, load_items

EVAL = default_content_dir() / "tests" / "eval" / "questions.jsonl"


async def test_eval_floor(assistant: Assistant) -> None:
    items = load_items(EVAL)
    assert len({i.lang for i in items}) == 9
    report = await evaluate(assistant, items)
    assert report.accuracy >= 95.0, report.as_dict()
    assert report.lang_accuracy >= 97.0, report.as_dict()
    assert report.urgent_recall == 100.0, [m for m in report.misses if m[0].expect == "urgent"]
    assert report.oos_answer_rate <= 5.0
    for lang, pair in report.by_lang.items():
        assert report.rate(pair) >= 88.0, (lang, report.as_dict())
