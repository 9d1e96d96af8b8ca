"""Long texts cut where a reader expects: shared by every channel, each with its own limit.

Telegram counts a message after HTML escaping (4,096), LINE counts characters (5,000): the
channel passes its limit and how it measures.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["split_text"]


def split_text(text: str, limit: int, measure: Callable[[str], int] = len) -> list[str]:
    """Text -> chunks that each measure at most `limit`: paragraphs, then lines, then words,
    then characters, so a long answer breaks at the largest boundary that fits."""
    if measure(text) <= limit:
        return [text]
    for separator in ("\n\n", "\n", " ", ""):
        parts = text.split(separator) if separator else list(text)
        if len(parts) == 1:
            continue
        chunks: list[str] = []
        current = ""
        for part in parts:
            candidate = f"{current}{separator}{part}" if current else part
            if measure(candidate) <= limit:
                current = candidate
                continue
            if current:
                chunks.append(current)
            if measure(part) > limit:
                chunks.extend(split_text(part, limit, measure))
                current = ""
            else:
                current = part
        if current:
            chunks.append(current)
        return [c for c in chunks if c.strip()]
    return [text[:limit]]
