"""The one place that turns ranked candidates into a decision. Thresholds live here only.

Confidences are calibrated on held-out folds of the content (see bot/nlu/match.py), so ANSWER
means "at least this likely to be right". Safety and scope are decisions of their own, taken
before the ranking is looked at: an urgent message (by the urgency model, the urgent intent
ranking first on words of its own, or a strong urgent keyword) always escalates and never gets
a menu or a suggestion, and a knowledge answer only after the help, where the urgency model
decided alone and the entry is near certain (`Decision.beside`). A question that opens with
"if" (`Match.hypothetical`) asks about the rules: only an alarm escalates it, and where it
borrows an emergency's words its answer keeps the emergency numbers one tap away. A message whose
best match is the out-of-scope intent, or whose out-of-scope probability passes its threshold
over a knowledge entry, or that holds one of the out-of-scope intent's rules (`Match.beyond`: a
parent's tourist visa, tax on one's own shares), is refused politely with the menu.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TypeVar

import numpy as np

from bot.nlu.match import Calibration, Match

__all__ = ["Decision", "Policy", "Verdict", "mixed"]

Urgency = TypeVar("Urgency", float, np.ndarray)


class Verdict(StrEnum):
    urgent = "urgent"
    intent = "intent"
    answer = "answer"
    did_you_mean = "did-you-mean"
    unknown = "unknown"


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    target: str | None
    choices: tuple[str, ...] = ()
    # a reply that is not urgent, to a message the urgent intent ranks close behind: it carries
    # the emergency numbers and a one-tap "It is urgent" (`Policy.urgent_hint_rank`)
    safety: bool = False
    # an urgent decision the urgency model took alone, on a question a knowledge entry answers
    # with near certainty: that entry's answer goes beside the escalation (`Policy.beside_at`)
    beside: str | None = None


@dataclass(frozen=True, slots=True)
class Policy:
    answer_at: float = 0.5
    suggest_at: float = 0.2
    max_choices: int = 3
    urgent_keyword_at: float = 0.6  # an urgent keyword this strong escalates even if not top
    urgent_at: float = 0.5  # urgency (the urgent model's probability) that escalates; fitted
    sure_urgency: float = 0.5  # urgency that escalates a single word or a reply within a check
    outside_at: float = 1.0  # the scope model's probability that refuses; fitted
    # the second opinion by meaning (Match.sense), asked from `urgent_low`: its urgency mixed
    # with the n-gram model's, `w_sense` on meaning's, escalates from `urgent_mixed_at`; fitted,
    # see bot/nlu/match.Calibration
    urgent_low: float = 1.0
    w_sense: float = 0.0
    urgent_mixed_at: float = 1.0
    misses_before_offer: int = 2
    # An answer, a "did you mean" or a menu carries the safety line when the urgent intent is
    # among this many first candidates. On the held-out folds (2026-12-05) the urgency decision
    # missed 6 of 809 emergencies; at 2 the line reached 3 of the 6 and is on 4.8 % of the calm
    # replies (7.6 % on the tuning sets), nearly all about injuries, harassment, residence cards
    # and disasters, where the numbers belong anyway; at 3 it reached 4 on 9.0 %, spreading to
    # wages and overtime (on 12-04: 4 and 5 of 7 missed, on 4.4 and 8.3 %). Since meaning's
    # urgency is read wherever meaning is asked, that fourth one escalates: 5 missed, 3 reached
    # at rank 2 and none more at 3.
    urgent_hint_rank: int = 2
    # The urgency model is tuned for recall (0.06 on the folds), so it also flags calm questions
    # that borrow an emergency's words ("my hand got caught in a machine at work, do I pay the
    # hospital myself?"; one that opens with "if" is a hypothetical, never escalated by it).
    # Escalated alone, they get the emergency numbers and a wait for a person, not the answer
    # they asked for. Where the model decided alone (no alarm, keyword or urgent first) and an
    # entry ranks first at this calibrated confidence, its answer goes beside the escalation.
    # Next to what may be an emergency a wrong article costs more than none, so the bar is
    # "nine in ten right", not `answer_at`; read-set emergencies reached it only with their
    # own topic (an injury kept off the books and work-injury insurance, a card kept and the
    # residence card, a quake and disasters), while below it stood a hungry, hopeless worker
    # offered paid leave.
    beside_at: float = 0.9
    # Two fused scores this close are a dead heat, and between equals the emergency wins: the
    # urgent intent then counts as first. Content about other topics moves a message's scores by
    # a few thousandths (an unaccented Vietnamese "a month unpaid, ask again and I call the
    # police" went from a tie at 0.410 to 0.408 behind 0.412 with the sixth content round), so
    # the order of equals would decide an emergency by chance. Chosen on calm messages only: of
    # 0.01-0.05, the largest that flags at most 0.1 % of the read sets' 5,833 calm messages and
    # no knowledge question (0.03: three near misses; 0.04 adds a knowledge question).
    dead_heat: float = 0.03

    @classmethod
    def fitted(cls, calibration: Calibration) -> Policy:
        """The policy with the thresholds fitted with the matcher's calibration, the rest as set
        here."""
        return cls(
            urgent_at=calibration.urgent_at,
            outside_at=calibration.outside_at,
            urgent_low=calibration.urgent_low,
            w_sense=calibration.w_sense,
            urgent_mixed_at=calibration.urgent_mixed_at,
        )

    def surely_urgent(self, match: Match) -> bool:
        """Urgent by a signal that does not rest on the low, recall-tuned threshold alone: the
        urgent intent ranks first on evidence of its own, one of its keywords or alarms matches,
        or the urgency is at least even; of a hypothetical question, or one that holds a rule of
        the out-of-scope intent ("will it rain tomorrow?"), only an alarm. A short
        reply to a self-check's question ("पाँच दिन", five days) can cross the threshold on its
        priors; it is then the check's answer, unless one of these says otherwise."""
        if match.alarm:
            return True
        if match.hypothetical or match.beyond:  # only an alarm makes these an emergency
            return False
        if match.urgency >= self.sure_urgency:
            return True
        return self.urgent_first(match) or any(
            c.id == "urgent" and c.keyword >= self.urgent_keyword_at for c in match.candidates
        )

    def urgent_first(self, match: Match) -> bool:
        """The urgent intent ranks first on evidence of its own, or in a dead heat with the first
        (`dead_heat`). A single word does not count ("no", "wala", "help" can rank urgent first
        on nothing but words every emergency shares; a one-word emergency escalates by its
        keyword or an urgency at least even), nor does a message none of whose words is in any
        urgent example ("zzq": urgent is then first on the class's prior alone). On the held-out
        folds (2026-12-05) this takes nine greetings and replies ("help", "wala", "没有",
        "sanchai hunuhunchha?") out of the urgent ones and loses no emergency."""
        if not match.candidates or match.one_word:
            return False
        first = match.candidates[0].score
        return any(
            c.id == "urgent"
            and first - c.score <= self.dead_heat
            and (c.coverage > 0 or c.keyword > 0)
            for c in match.candidates
        )

    def urgent_by_model(self, match: Match) -> bool:
        """The urgency model's verdict. Its threshold is low, for recall; a single word ("no",
        "छैन", "hindi") carries too little to read an emergency from it there, so it needs the
        urgency at least even (or the urgent intent first, or an urgent keyword: `decide`).
        Where the matcher asked for a second opinion by meaning (the urgency from
        `urgent_low` up to even, or from `Matcher.HALF_FLOOR` for a message that holds one half
        of an alarm pair, the urgent intent close behind the first candidate, or a match too
        unsure to answer), the two urgencies mixed decide instead: an emergency in words the
        n-grams do not know escalates under the threshold, and a calm question that borrows an
        emergency's words does not over it. A hypothetical question is never urgent by model,
        nor one that holds a rule of the out-of-scope intent: on the read sets 378 messages held
        one, every one a question not ours, and the models took weather questions for emergencies.
        Without it (the model is not installed, or failed) the n-gram model's threshold decides
        alone."""
        if match.hypothetical or match.beyond:
            return False
        if match.urgency >= self.sure_urgency:
            return True
        if match.one_word:
            return False
        if match.sense is not None and self.w_sense > 0:
            return mixed(match.urgency, match.sense, self.w_sense) >= self.urgent_mixed_at
        return match.urgency >= self.urgent_at

    def decide(self, match: Match) -> Decision:
        """The verdict, and whether a reply that is not urgent still offers the way to a
        person as an emergency: the urgency decision is tuned for recall, but what it misses
        should be one tap from help, not a dead end."""
        decision = self._verdict(match)
        if decision.verdict is Verdict.urgent:
            return replace(decision, beside=self._beside(match))
        if decision.verdict is Verdict.intent and decision.target != "out-of-scope":
            return decision  # small talk, help, a person asked for: nothing to add
        close = [c.id for c in match.candidates[: self.urgent_hint_rank]]
        # a hypothetical question in an emergency's words: the numbers stay one tap away
        borrowed = match.hypothetical and match.urgency >= self.urgent_low
        return replace(decision, safety=True) if "urgent" in close or borrowed else decision

    def _beside(self, match: Match) -> str | None:
        """The entry answered beside an escalation, if any: only where the urgency model
        decided alone, so a message any sure signal calls an emergency gets nothing but help."""
        if not match.candidates or self.surely_urgent(match):
            return None
        top = match.candidates[0]
        if top.kind == "entry" and match.confidence >= self.beside_at:
            return top.id
        return None

    def _verdict(self, match: Match) -> Decision:
        if self.urgent_by_model(match):
            return Decision(Verdict.urgent, "urgent")
        if not match.candidates:
            return Decision(Verdict.unknown, None)
        top = match.candidates[0]
        # Safety first: urgent is never out-ranked into a knowledge answer when its keywords hit.
        if self.surely_urgent(match):
            return Decision(Verdict.urgent, "urgent")
        # a business asking for a grant is ours whatever the scope model says (`Match.ours`)
        beyond = match.beyond or (match.outside >= self.outside_at and not match.ours)
        # a rule's message is not urgent by the ranking either: the urgent intent first is refused
        refusable = top.kind == "entry" or (match.beyond and top.id == "urgent")
        if top.id == "out-of-scope" or (beyond and refusable):
            # Scope: a question about another country, private life or news is refused,
            # whatever the runner-up; a suggestion of a Tokyo topic would be an answer in disguise.
            # So is one that holds a rule of the out-of-scope intent (a parent's tourist visa):
            # its words are a question we answer, which no ranking tells apart.
            return Decision(Verdict.intent, "out-of-scope")
        if match.confidence >= self.answer_at:
            if top.kind == "intent":
                return Decision(Verdict.intent, top.id)
            return Decision(Verdict.answer, top.id)
        if match.confidence >= self.suggest_at:
            choices = tuple(c.id for c in match.candidates if c.kind == "entry")
            if choices:
                return Decision(Verdict.did_you_mean, top.id, choices[: self.max_choices])
            if top.kind == "intent":
                return Decision(Verdict.intent, top.id)
        return Decision(Verdict.unknown, top.id)


def mixed(lexical: Urgency, meaning: Urgency, weight: float) -> Urgency:
    """The two urgencies mixed on the log-odds scale, `weight` on meaning's; of one message, or
    of many at once (numpy arrays, as `benchmarks/tune_matcher.py` fits it)."""
    lex = np.clip(lexical, 1e-6, 1 - 1e-6)
    sense = np.clip(meaning, 1e-6, 1 - 1e-6)
    z = (1 - weight) * np.log(lex / (1 - lex)) + weight * np.log(sense / (1 - sense))
    return 1.0 / (1.0 + np.exp(-z))
