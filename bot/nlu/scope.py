"""The out-of-scope intent's rules: questions that are not ours, told by phrases together.

Some questions outside our world are asked every time in the words of one we answer: a
parent's tourist visa is a visa question, tax on one's own shares a tax-return question, and
the rules of a home country's labour law are paid leave or pensions. The n-gram model sees the
visa, the tax, the leave; examples that would teach it otherwise also teach it to refuse the
emergencies that share their words (a mother, money, home: the third and ninth content rounds).
A rule is looked up as phrases, like an alarm (`bot/nlu/alarms.py`), so it moves no score and no
other message: a message with a phrase of each of its groups is refused where an entry ranks
first. Urgency is decided before it (`bot/core/policy.py`): an emergency that happens to hold a
rule's words still escalates.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.content.models import Intent
from bot.nlu.phrases import Phrases, holds, table, terms

__all__ = ["Beyond"]


@dataclass(frozen=True)
class Beyond:
    """The rules' phrase tables, built once with the matcher."""

    rules: tuple[tuple[Phrases, ...], ...] = ()

    @classmethod
    def of(cls, scope: Intent | None) -> Beyond:
        """The out-of-scope intent's rules (none without the intent)."""
        if scope is None:
            return cls()
        return cls(tuple(tuple(table(group) for group in rule.together) for rule in scope.beyond))

    def found(self, words: list[str]) -> bool:
        """Whether the message's terms hold a phrase of every group of one rule."""
        return any(all(holds(words, group) for group in rule) for rule in self.rules)

    def within(self, text: str) -> bool:
        """`found` on a message as written."""
        return self.found(terms(text))
