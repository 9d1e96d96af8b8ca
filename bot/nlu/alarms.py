"""The urgent intent's alarms: phrases that escalate by themselves and that no model learns from.

A keyword or an example of the urgent intent is also text the n-gram model and BM25 learn from,
so adding one moves other messages' scores, and emergencies held on a thin margin with them. An
alarm is looked up as a phrase and moves nothing but the messages that contain it. Some
emergencies no single phrase names: an injury at work is a calm question's words, and so is
"don't report it"; together they are a worker pressed to hide an injury ("no money" and "not
eaten for two days" likewise). An alarm pair escalates a message with a phrase of each half.

The same tables say when a message is a hypothetical question: it opens with "if", "もし",
"如果", "nếu"… ("if I cut my hand at work, who pays the hospital?"), by itself or after words
that announce a question ("just asking, if…", "先问一下，万一…"). Such a question borrows an
emergency's words to ask about the rules; on the read evaluation sets no emergency opened that
way, while a sixth of the calm questions taken as urgent did. An "if" further in ("仕事中にケガ
したら病院代って誰が払うの？", a Nepali "...भने") says the same only with the question it asks:
a hypothetical pair holds a conditional and a question about who pays or about being arrested,
which people ask of the rules, while "if" alone also carries threats ("if I complain they will
send me home"). A residence card with the asker's own "will I be arrested?" asks about the card's
rules without any "if" ("zairyu card lost, will I be arrested?"): a second pair. An employer's
staff with a phrase of keeping them at work through care or treatment ("my staff is in chemo:
how can we help her keep working?") asks about the support a company can give: a third. A
residence card with the asker's own "do I have to carry it?" asks about the card's rules: a
fourth. A future that has not happened with a question where to ask ("if my company ever stopped
paying me, where could I get advice?") asks where to turn in advance: a fifth. Mistreatment
in words with the same question ("my boss yells at me every day, who can I talk to?") asks
where harassment is heard, the calm question most often taken for an emergency: a sixth, unless
hands, a threat, fear or wages unpaid come with the words. A pair may name
what turns the same words into an emergency's (`unless`): a card or a passport the boss keeps
("he took my zairyu card, if I go out will I be arrested?") is never a question about the rules,
whatever it asks. An alarm pair may name the reverse: a worker told to
pay a penalty to quit is an emergency, an owner asking whether a fine follows a worker who quit
unreported to Hello Work is not. One half of an alarm pair speaks of an emergency's subject (an
injury, no money) and lowers the urgency from which meaning is asked (`half`), unless the pair's
halves are everyday words (a residence card and the employer keeping it, a deportation and the
boss: `AlarmPair.either_half`), which move only the messages that hold both. A few alarms are
guarded (`GuardedAlarm`): someone fainting is down now, unless the message says it was last week,
asks a rule ("what's the legal max?") or puts it in a condition ("if someone has fainted"), or
opens with "if".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.content.models import AlarmPair, Intent
from bot.nlu.phrases import Phrases, holds, table, terms

__all__ = ["Alarms"]


@dataclass(frozen=True)
class Alarms:
    """Phrase tables built once with the matcher; a lookup per word of the message."""

    single: Phrases = field(default_factory=dict)
    pairs: tuple[tuple[Phrases, Phrases, Phrases], ...] = ()  # first, second, unless
    openers: Phrases = field(default_factory=dict)
    preambles: Phrases = field(default_factory=dict)  # "just asking", 先问一下, before an opener
    asking: tuple[tuple[Phrases, Phrases, Phrases], ...] = ()  # first, second, unless
    halves: tuple[tuple[Phrases, Phrases, Phrases], ...] = ()  # the pairs `half` reads
    guarded: tuple[tuple[Phrases, Phrases], ...] = ()  # alarms, unless

    @classmethod
    def of(cls, urgent: Intent | None) -> Alarms:
        """The phrase tables of the urgent intent's alarms and pairs (none without the intent)."""
        if urgent is None:
            return cls()

        def tables(pairs: Sequence[AlarmPair]) -> tuple[tuple[Phrases, Phrases, Phrases], ...]:
            return tuple((table(p.first), table(p.second), table(p.unless)) for p in pairs)

        pairs, asking = tables(urgent.alarm_pairs), tables(urgent.hypothetical_pairs)
        halves = tuple(p for p, a in zip(pairs, urgent.alarm_pairs, strict=True) if a.either_half)
        return cls(
            table(urgent.alarms),
            pairs,
            table(urgent.hypothetical),
            table(urgent.hypothetical_preambles),
            asking,
            halves,
            tuple((table(g.alarms), table(g.unless)) for g in urgent.guarded_alarms),
        )

    def found(self, words: list[str]) -> bool:
        """Whether the message's terms (`tokens` without the truncated ones) hold an alarm, or a
        phrase of each half of a pair and none of its `unless`, or a guarded alarm without its
        `unless` in a message that does not open with a conditional."""
        if holds(words, self.single) or any(_both(words, pair) for pair in self.pairs):
            return True
        guarded = [unless for alarm, unless in self.guarded if holds(words, alarm)]
        return (
            bool(guarded)
            and not self.opens_hypothetical(words)
            and any(not holds(words, unless) for unless in guarded)
        )

    def half(self, words: list[str]) -> bool:
        """Whether the message's terms hold a phrase of either half of a pair: it speaks of an
        emergency's subject (an injury, no money, wages unpaid, a fire) without being one by
        these words alone (only pairs whose halves are not everyday words: `either_half`)."""
        return any(holds(words, first) or holds(words, second) for first, second, _ in self.halves)

    def opens_hypothetical(self, words: list[str]) -> bool:
        """Whether the message's terms begin with a word that opens a conditional question, by
        itself or after one of the words people put before a question ("just asking, if…")."""
        if not words:
            return False
        starts = [0] + [
            len(phrase)
            for phrase in self.preambles.get(words[0], ())
            if words[: len(phrase)] == list(phrase)
        ]
        return any(
            words[at : at + len(phrase)] == list(phrase)
            for at in starts
            if at < len(words)
            for phrase in self.openers.get(words[at], ())
        )

    def hypothetical(self, words: list[str]) -> bool:
        """Whether the message asks about the rules: it opens with a conditional, or holds a
        phrase of each half of a hypothetical pair (a conditional or a residence card and a
        question about who pays or about being arrested; an employer's staff and keeping them at
        work; a card and whether one must carry it; a future that has not happened, or
        mistreatment in words, and where to ask) anywhere, and none of the pair's `unless`."""
        return self.opens_hypothetical(words) or any(_both(words, pair) for pair in self.asking)

    def within(self, text: str) -> bool:
        """`found` on a message as written."""
        return self.found(terms(text))


def _both(words: list[str], pair: tuple[Phrases, Phrases, Phrases]) -> bool:
    """A phrase of each half of the pair among the terms, and none of its `unless`."""
    first, second, unless = pair
    return holds(words, first) and holds(words, second) and not holds(words, unless)
