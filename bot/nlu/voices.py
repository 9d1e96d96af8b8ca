"""Whose side the asker speaks from, and the near tie it settles.

The same overtime is two questions: a worker asks what the rules allow, an owner how to bring it
down; the same "where can I get advice?" is the foreigners' centre for one and the hiring desk
for the other. Every entry says whom it is written for (`Entry.audience`), and content names its
neighbours (`Entry.related`), but the ranking reads the subject, not the voice: on the read sets
20 owners who said so ("as the owner", 経営者として, 作为老板, "tôi là chủ", "mero staff",
"como patrão") got the workers' overtime rules or annual leave, a few hundredths ahead of the
employers' entry on cutting overtime. The phrases a side speaks in are content
(`knowledge/voices.yaml`), looked up like alarms (`bot/nlu/phrases.py`): they move no model and
no score of another message, only which of two related entries near the top comes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.content.models import Audience
from bot.nlu.neighbours import Neighbours
from bot.nlu.phrases import Phrases, holds, table

if TYPE_CHECKING:
    from bot.content.loader import Content
    from bot.nlu.match import Candidate

__all__ = ["Voices"]


@dataclass(frozen=True)
class Voices:
    """The sides' phrase tables with the entries' audiences and neighbours, built once with the
    matcher."""

    tables: dict[str, Phrases]  # an audience -> the phrases its askers say it in
    audience: dict[str, str]  # entry id -> whom it is written for
    neighbours: Neighbours

    @classmethod
    def of(cls, content: Content) -> Voices:
        return cls(
            {side: table(by_lang) for side, by_lang in content.voices.items()},
            {e.id: str(e.audience) for e in content.entries.values()},
            Neighbours.of(content),
        )

    def heard(self, words: list[str]) -> str | None:
        """The one side whose words the message holds, if exactly one."""
        sides = [side for side, phrases in self.tables.items() if holds(words, phrases)]
        return sides[0] if len(sides) == 1 else None

    def settle(self, words: list[str], candidates: list[Candidate]) -> list[Candidate]:
        """Where the asker speaks from one side and the first candidate is an entry written for
        the other, the best entry for the asker's side (or both) related to it, close behind,
        takes first place (`Neighbours.promote`)."""
        if not candidates or candidates[0].kind != "entry":
            return candidates
        side = self.heard(words)
        if side is None or self.audience.get(candidates[0].id) in (side, Audience.both):
            return candidates
        return self.neighbours.promote(
            candidates, lambda other: self.audience.get(other.id) in (side, Audience.both)
        )
