"""Related entries near the top of a ranking, and how one of them takes first place.

Content names each entry's neighbours (`Entry.related`): the topics a user asking one may mean
instead. Where a phrase in the message says which of two neighbours is meant (the asker's side,
`bot/nlu/voices.py`; the entry's own idea, `bot/nlu/marks.py`) and the ranking put the other a
little ahead, the meant one comes first. Both settle the same kind of tie, with the same margin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.content.loader import Content
    from bot.nlu.match import Candidate

__all__ = ["Neighbours"]


@dataclass(frozen=True)
class Neighbours:
    """Every related pair, in both orders, built once with the matcher."""

    related: frozenset[tuple[str, str]]
    # How far behind the first a meant neighbour may rank and still come first. On the read sets
    # (2026-12-06) all but one of the owners' questions whose own entry was related to the first
    # ranked it within 0.25 (0.002-0.242; the one more 0.50 behind); the nearest owner's question
    # that was right already (workers' accident insurance, before telework) had its runner-up
    # 0.39 behind. The marks took the same margin before any set was run with them.
    MARGIN = 0.25
    # An entry's own words (`bot/nlu/marks.py`) say more than the asker's side: they name the
    # entry's idea, not only who asks. On the read sets (2026-12-07), with the ranking of then,
    # 29 questions whose marked entry ranked 0.25-0.50 behind a related first were right with it,
    # 9 right without it; 0.25-0.35 held 24 of those and 3 of these. Measured before dev90 ran.
    MARKS_MARGIN = 0.35

    @classmethod
    def of(cls, content: Content) -> Neighbours:
        return cls(
            frozenset(
                pair
                for entry in content.entries.values()
                for other in entry.related
                for pair in ((entry.id, other), (other, entry.id))
            )
        )

    def promote(
        self,
        candidates: list[Candidate],
        meant: Callable[[Candidate], bool],
        margin: float = MARGIN,
    ) -> list[Candidate]:
        """The best entry related to the first, within `margin` of it, that is `meant`, takes
        first place. The two swap scores, so every other place, the intents' among them (urgent,
        out of scope), and the confidence stay as they were."""
        first = candidates[0]
        for n, other in enumerate(candidates[1:], 1):
            if first.score - other.score > margin:
                break
            if other.kind == "entry" and (first.id, other.id) in self.related and meant(other):
                out = list(candidates)
                out[0] = replace(other, score=first.score)
                out[n] = replace(first, score=other.score)
                return out
        return candidates
