"""Phrase tables: content phrases looked up in a message's terms, in order and side by side.

The urgent intent's alarms (`bot/nlu/alarms.py`) and the out-of-scope intent's rules
(`bot/nlu/scope.py`) are phrases, not training text: a phrase moves no model and no score, only
the decision about the messages that contain it. Both are matched on the same terms the index
uses (`bot/nlu/normalize.tokens`, without the truncated prefixes), so "nghỉ phép" and "nghi phep",
全角 and half-width, meet as they do in ranking.
"""

from __future__ import annotations

from bot.nlu.normalize import normalize, tokens

__all__ = ["Phrases", "holds", "table", "terms"]

Phrases = dict[str, frozenset[tuple[str, ...]]]  # first term -> phrases' terms, in order


def terms(text: str) -> list[str]:
    """A text's whole terms, as phrases and messages are compared."""
    return [t for t in tokens(normalize(text)) if not t.endswith("~")]


def table(by_language: dict[str, list[str]]) -> Phrases:
    """The phrases of every language in one table: a message is looked up in all of them, since
    people mix languages and the language is not always known."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for words in by_language.values():
        for word in words:
            found = tuple(terms(word))
            if found:
                out.setdefault(found[0], set()).add(found)
    return {term: frozenset(found) for term, found in out.items()}


def holds(words: list[str], phrases: Phrases) -> bool:
    """Whether one of the phrases is among the message's terms, in order and side by side."""
    return any(
        words[start : start + len(found)] == list(found)
        for start, term in enumerate(words)
        for found in phrases.get(term, ())
    )
