"""Phrase tables: content phrases looked up in a message's terms, in order and side by side.

The urgent intent's alarms (`bot/nlu/alarms.py`) and the out-of-scope intent's rules
(`bot/nlu/scope.py`) are phrases, not training text: a phrase moves no model and no score, only
the decision about the messages that contain it. Both are matched on the same terms the index
uses (`bot/nlu/normalize.tokens`, without the truncated prefixes), so "nghỉ phép" and "nghi phep",
全角 and half-width, meet as they do in ranking.

Korean glues its endings to the stem, and a table writes the stem: "월급 못 받" for 받았어요,
받아요, 받지; "의식이 없" for 없어요. A syllable alone is never typed, so a phrase whose last term
is one Hangul syllable meets any term of the message that begins with it ("받았"). Only the last
term, where the ending goes, and never a one-term phrase, which would be a syllable anywhere.
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
        _at(words, start, found)
        for start, term in enumerate(words)
        for found in phrases.get(term, ())
    )


def _at(words: list[str], start: int, found: tuple[str, ...]) -> bool:
    """Whether the phrase's terms are the message's from `start` (a Hangul stem at its end meets
    the term that carries its ending)."""
    end = start + len(found)
    if end > len(words) or words[start : end - 1] != list(found[:-1]):
        return False
    last, word = found[-1], words[end - 1]
    return word == last or (len(found) > 1 and _stem(last) and word.startswith(last))


def _stem(term: str) -> bool:
    """One Hangul syllable: a stem waiting for its ending."""
    return len(term) == 1 and "\uac00" <= term <= "\ud7a3"
