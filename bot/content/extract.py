"""Babel's extractor for the self-checks: their texts are msgids, so translators find them in
the same .po catalogs as the rest of the bot (`pybabel extract -F locales/babel.cfg`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import yaml

__all__ = ["extract_flows", "flow_texts"]


def flow_texts(data: dict[str, Any]) -> list[str]:
    """Every text of one flow file that a user reads, in file order."""
    texts = [data.get("title"), data.get("rule_name")]
    for step in data.get("steps") or []:
        texts += [step.get("ask"), step.get("invalid"), step.get("unsure")]
        texts += [choice.get("label") for choice in step.get("choices") or []]
    texts += list((data.get("results") or {}).values())
    return [t for t in texts if isinstance(t, str) and t]


def extract_flows(
    fileobj: IO[bytes], keywords: object, comment_tags: object, options: object
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """(line, function, message, comments) for babel; `_phrases.yaml` holds no msgids."""
    data = yaml.safe_load(fileobj.read().decode("utf-8"))
    if not isinstance(data, dict) or "steps" not in data:
        return
    for text in flow_texts(data):
        yield 0, None, text, ["a self-check (knowledge/flows)"]
