"""The out-of-scope intent's rules: questions that are not ours, told by phrases together.

Some questions outside our world are asked every time in the words of one we answer: a
parent's tourist visa is a visa question, tax on one's own shares a tax-return question, and
the rules of a home country's labour law are paid leave or pensions. The n-gram model sees the
visa, the tax, the leave; examples that would teach it otherwise also teach it to refuse the
emergencies that share their words (a mother, money, home: the third and ninth content rounds).
A rule is looked up as phrases, like an alarm (`bot/nlu/alarms.py`), so it moves no score and no
other message: a message with a phrase of each of its groups is refused where an entry ranks
first. Only an alarm escalates such a message (`bot/core/policy.py`): on the read evaluation sets
every message that held a rule was a question not ours, and the models took forecasts for
emergencies. The intent's `ours` rules say the opposite the same way: a business asking for a
grant or an award is ours, whatever the scope model's probability (`Beyond.asks_ours`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.content.models import Intent
from bot.nlu.phrases import Phrases, holds, table, terms
from bot.nlu.places import Places

__all__ = ["Beyond"]


@dataclass(frozen=True)
class Beyond:
    """The rules' phrase tables, built once with the matcher."""

    rules: tuple[tuple[Phrases, ...], ...] = ()
    about: tuple[str, ...] = ()  # each rule's `about`, for the curator (`madoguchi kb check`)
    # the intent's `ours`: questions that are ours by their subject, told the same way
    ours: tuple[tuple[Phrases, ...], ...] = ()
    ours_abroad_too: tuple[bool, ...] = ()  # each `ours` rule's `abroad_too`
    # places outside Japan, CLDR's and the intent's `abroad` forms (also a feature of the model)
    places: Places = field(default_factory=Places.from_cldr)

    @classmethod
    def of(cls, scope: Intent | None) -> Beyond:
        """The out-of-scope intent's rules (none without the intent)."""
        if scope is None:
            return cls()
        abroad = scope.abroad
        return cls(
            tuple(tuple(table(group) for group in rule.together) for rule in scope.beyond),
            tuple(rule.about for rule in scope.beyond),
            tuple(tuple(table(group) for group in rule.together) for rule in scope.ours),
            tuple(rule.abroad_too for rule in scope.ours),
            Places.from_cldr(abroad.add, abroad.ignore, abroad.word_after)
            if abroad
            else Places.from_cldr(),
        )

    def found(self, words: list[str]) -> bool:
        """Whether the message's terms hold a phrase of every group of one rule."""
        return self.which(words) is not None

    def which(self, words: list[str]) -> str | None:
        """The `about` of the first rule the message's terms hold, if any."""
        for rule, about in zip(self.rules, self.about, strict=True):
            if all(holds(words, group) for group in rule):
                return about
        return None

    def asks_ours(self, words: list[str], norm: str) -> bool:
        """Whether the message (its terms, and `normalize`d) holds a phrase of every group of
        one `ours` rule, no rule of `beyond` and no place abroad (unless the rule says a country
        named is where the staff come from): a business asking for a grant at home. The scope
        model learnt "buying" from private purchases (a car, a phone, a house) and would refuse
        an owner buying a machine with a grant, and learnt countries from questions about life
        there, so it refused an owner's first Vietnamese hires; for such a question the
        out-of-scope intent is no candidate either (`Match.ours`)."""
        held = [
            abroad_too
            for rule, abroad_too in zip(self.ours, self.ours_abroad_too, strict=True)
            if all(holds(words, group) for group in rule)
        ]
        if not held or self.found(words):
            return False
        return any(held) or not self.places.mentions(norm)

    def within(self, text: str) -> bool:
        """`found` on a message as written."""
        return self.found(terms(text))
