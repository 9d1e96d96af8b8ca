"""An entry's own words beside a related neighbour's subject, and the near tie they settle.

Some neighbours share their subject and differ in one idea. Cutting overtime is the employers'
programme, and also the old Tokyo scheme in which a company *declared* its goals to cut it; a
family-friendly workplace is the hiring desk's advice, and also the Tokyo *award* for it; strategy
and the organisation are the HR-strategy course, and also the course for the owner's *right
hand*. On the read sets (2026-12-06) those three were the confusions the unseen sets met most
often (16 of dev44-dev49's 88 knowledge errors): the learnt models read the shared subject and
rank the neighbour a little ahead. More example questions moved them, but moved others with
them (a content round lost emergencies twice). The idea's words are content (`marks:` on the
entry), looked up like voices and alarms (`bot/nlu/phrases.py`): they train nothing and move no
score of another message, only which of two related entries near the top comes first. Where an
entry's marks also tell a neighbour's wider idea (women and seniors named with foreigners are the
hiring desk's diverse talent), `marks_unless` keeps them from holding, so the wider one can settle
the tie.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.nlu.neighbours import Neighbours
from bot.nlu.phrases import Phrases, holds, table

if TYPE_CHECKING:
    from bot.content.loader import Content
    from bot.nlu.match import Candidate

__all__ = ["Marks"]


@dataclass(frozen=True)
class Marks:
    """The entries' marks with their neighbours, built once with the matcher."""

    tables: dict[str, Phrases]  # entry id -> its marks, every language in one table
    neighbours: Neighbours
    # entry id -> the groups of its marks told together (`Entry.marks_together`)
    together: dict[str, tuple[Phrases, ...]] = field(default_factory=dict)
    # entry id -> what keeps its marks from holding (`Entry.marks_unless`)
    unless: dict[str, Phrases] = field(default_factory=dict)

    @classmethod
    def of(cls, content: Content) -> Marks:
        return cls(
            {e.id: table(e.marks) for e in content.entries.values() if e.marks},
            Neighbours.of(content),
            {
                e.id: tuple(table(group) for group in e.marks_together)
                for e in content.entries.values()
                if e.marks_together
            },
            {e.id: table(e.marks_unless) for e in content.entries.values() if e.marks_unless},
        )

    def marked(self, entry: str, words: list[str]) -> bool:
        """Whether the message holds one of the entry's marks, or a phrase of every group of
        its marks told together, and none of what keeps them from holding. A marked first
        candidate is never displaced, so a mark that also holds for a neighbour's wider idea
        would keep the narrower entry first where the wider one is meant."""
        phrases = self.tables.get(entry)
        groups = self.together.get(entry)
        unless = self.unless.get(entry)
        if unless is not None and holds(words, unless):
            return False
        return (phrases is not None and holds(words, phrases)) or (
            groups is not None and all(holds(words, group) for group in groups)
        )

    def settle(self, words: list[str], candidates: list[Candidate]) -> list[Candidate]:
        """Where the first candidate is an entry the message does not mark, the best related
        entry close behind that it marks (`Neighbours.MARKS_MARGIN`) takes first place."""
        if not (self.tables or self.together) or not candidates or candidates[0].kind != "entry":
            return candidates
        if self.marked(candidates[0].id, words):
            return candidates
        return self.neighbours.promote(
            candidates, lambda other: self.marked(other.id, words), Neighbours.MARKS_MARGIN
        )
