"""Ranks knowledge entries and intents for a message, with one calibrated confidence.

Matching ranks; it never decides. Four kinds of evidence are fused per target:
- learnt: a linear model over character n-grams fitted on every example question
  (`bot/nlu/classify.py`): it learns what tells neighbouring entries apart;
- lexical recall: BM25 over the target's pooled examples (finds paraphrases across examples);
- closeness: rapidfuzz between the message and the target's nearest example (typos, word order);
- keywords: curated words and official names that alone identify a topic ("有給", "36協定").
The fused score ranks; a logistic curve fitted on held-out folds of the content's own questions
(`benchmarks/tune_matcher.py --save`, with the weights and thresholds) turns the top score and
its margin over the runner-up into a confidence whose meaning is stable: "about this share of
answers at this confidence are right".

Safety and scope are not left to the ranking: the learnt model's probabilities of the urgent and
out-of-scope intents travel with every match (`Match.urgency`, `Match.outside`), so the policy sees
an emergency worded like a knowledge question even when an entry ranks first. Where that
probability is in its grey band (from lower down where the message holds one half of an alarm pair:
an injury, no money, a fire), or the urgent intent ranks close behind the first candidate, a second
opinion by meaning (`bot/nlu/meaning.py`) travels too (`Match.sense`). A question that opens with
"if", or holds one (or a residence card) and asks who pays or "will I be arrested?", and holds no
alarm ranks without the urgent intent (`Match.hypothetical`): what it asks about comes first. One
that holds a rule of the out-of-scope intent and no alarm says so (`Match.beyond`,
`bot/nlu/scope.py`): a parent's tourist visa is asked in a visa question's words. Where the match
is too unsure to answer, the same similarities re-order its entries, so a "did you mean" offers the
likeliest first; intents keep their places; and meaning's urgency, asked for anyway, travels with
it whatever the n-gram urgency.
"""

from __future__ import annotations

import json
import logging
import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from bot.content.loader import Content
from bot.languages import base_language
from bot.nlu.alarms import Alarms
from bot.nlu.classify import NgramModel
from bot.nlu.index import BM25Index
from bot.nlu.marks import Marks
from bot.nlu.meaning import Meaning, Opinion, Vectors, available
from bot.nlu.normalize import fold, normalize, tokens
from bot.nlu.phrases import holds, table
from bot.nlu.scope import Beyond
from bot.nlu.voices import Voices

__all__ = ["Calibration", "Candidate", "Match", "Matcher", "Target", "asked_questions"]

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Target:
    id: str
    kind: str  # "entry" | "intent"
    category: str | None


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    kind: str
    score: float  # fused, for ranking only
    fuzzy: float
    coverage: float
    keyword: float
    learnt: float = 0.0  # the n-gram model's probability
    meaning: float = 0.0  # similarity by meaning, where it was asked (`Matcher._by_meaning`)


@dataclass(frozen=True, slots=True)
class Match:
    candidates: list[Candidate]  # best first
    confidence: float  # calibrated probability that candidates[0] is right
    urgency: float = 0.0  # the urgent model's probability, whatever ranks first
    outside: float = 0.0  # the out-of-scope model's probability, whatever ranks first
    one_word: bool = False  # the message is a single term ("no", "छैन", "3", two kanji)
    # the urgency by meaning (bot/nlu/meaning.py), asked when the n-gram model's is in its
    # grey band (lower for one half of an alarm pair), the urgent intent is close behind the
    # first candidate, or the match is too unsure to answer; None when not asked
    sense: float | None = None
    # the message contains one of the urgent intent's alarms, or a phrase of each half of one
    # of its alarm pairs (bot/nlu/alarms.py): escalates by itself, and no model learns from it
    alarm: bool = False
    # the message opens a conditional question ("if I get hurt at work, who pays?", also after
    # "just asking"), or holds both halves of a hypothetical pair (a conditional or a residence
    # card and who pays or "will I be arrested?"; a card and whether it must be carried; an
    # employer's staff kept at work; a future that has not happened, or mistreatment in words,
    # and where to ask) and none of its `unless`, and holds no alarm: the urgent intent is not
    # among its candidates, and no model's urgency escalates it
    hypothetical: bool = False
    # the message holds one of the out-of-scope intent's rules (bot/nlu/scope.py) and no alarm:
    # the question is not ours, and no model's urgency escalates it
    beyond: bool = False
    # the message holds one of the out-of-scope intent's `ours` rules (a business asking for a
    # grant or an award, an owner asking about their own staff or product), no rule of `beyond`
    # and names no place abroad (or the rule says `abroad_too`: the staff's country): the scope
    # model's probability does not refuse it, and the out-of-scope intent is not among its
    # candidates
    ours: bool = False

    @property
    def top(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


@dataclass(frozen=True)
class Calibration:
    """Fusion weights, urgency threshold and the confidence curve, fitted on held-out folds
    of the content (benchmarks/tune_matcher.py)."""

    w_fuzzy: float = 0.30
    w_coverage: float = 0.50
    w_keyword: float = 0.20
    w_learnt: float = 0.0
    urgent_at: float = 0.5  # urgency from which a message is treated as urgent
    outside_at: float = 1.0  # out-of-scope probability from which a message is refused
    # the second opinion by meaning (bot/nlu/meaning.py), asked from `urgent_low` up to even
    # urgency: the urgency by meaning mixed with the n-gram model's on the log-odds scale,
    # `w_sense` on meaning's, escalates from `urgent_mixed_at` (bot/core/policy.mixed)
    urgent_low: float = 1.0
    w_sense: float = 0.0
    urgent_mixed_at: float = 1.0
    # under this confidence, with an entry first, meaning re-orders the suggested entries:
    # each entry's fused score plus `w_meaning` times its similarity by meaning
    meaning_below: float = 0.0
    w_meaning: float = 0.0
    a_score: float = 9.0
    a_margin: float = 8.0
    bias: float = -4.5
    fitted_on: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = CALIBRATION_FILE) -> Calibration:
        if path.exists():
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        return cls()

    def save(self, path: Path = CALIBRATION_FILE) -> None:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__}
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def fuse(self, fuzzy: float, coverage: float, keyword: float, learnt: float = 0.0) -> float:
        return (
            self.w_fuzzy * fuzzy
            + self.w_coverage * coverage
            + self.w_keyword * keyword
            + self.w_learnt * learnt
        )

    def confidence(self, top: float, margin: float) -> float:
        z = self.a_score * top + self.a_margin * margin + self.bias
        return 1.0 / (1.0 + math.exp(-z))


def asked_questions(content: Content) -> list[tuple[str, str]]:
    """(example question, its entry or intent) for every entry and intent, no titles and no
    keywords: what the second opinion by meaning compares a message with."""
    pairs = [(q, e.id) for e in content.entries.values() for qs in e.questions.values() for q in qs]
    return pairs + [
        (q, i.id) for i in content.intents.values() for qs in i.examples.values() for q in qs
    ]


def _fuzzy_form(norm: str) -> str:
    return " ".join(t for t in tokens(norm) if not t.endswith("~"))


class Matcher:
    """Built once at startup from content; `rank` does no I/O."""

    SHORTLIST = 5  # 8 gave the same answers on the tuning sets at 0.5 ms more per message
    MAX_LEARNT_TARGETS = 2000
    SURE_URGENCY = 0.5  # the policy escalates from here whatever else is known: no need to ask
    # Meaning is asked, whatever the n-gram urgency, when the urgent intent ranks behind the first
    # candidate by less than this (fused score): the order of two near-equal scores would decide
    # an emergency, and any content change can turn it. The margin is the largest of 0.05-0.2
    # that adds meaning's 20 ms to at most 0.1 % of the read sets' calm messages (0.15: 4 of 5,132).
    NEAR_TIE = 0.15
    # Meaning is asked, too, from this n-gram urgency up to the grey band where the message holds
    # one half of an alarm pair (an injury, no money, wages unpaid, a fire): it speaks of an
    # emergency's subject, and its urgency is low when its other words are calm content's. A
    # content change moves such an urgency across the band's edge (a stress emergency at 0.041).
    HALF_FLOOR = 0.01

    def __init__(
        self,
        content: Content,
        calibration: Calibration | None = None,
        *,
        vectors: Vectors | None = None,
    ) -> None:
        self.calibration = calibration or Calibration.load()
        self.targets: list[Target] = []
        documents: list[list[str]] = []
        # every example text with its target's index, for the learnt models
        labelled: list[tuple[str, int]] = []
        # per target: fuzzy forms of its examples, titles and keywords, by language
        self._examples: list[dict[str, list[str]]] = []
        # first term -> (target, the keyword's terms in order, its length in characters)
        # first term -> {a keyword's terms, in order -> [(target, its length in characters)]}
        self._keywords: dict[str, dict[tuple[str, ...], list[tuple[int, int]]]] = {}

        def add(target: Target, texts: dict[str, list[str]], keywords: dict[str, list[str]]):
            index = len(self.targets)
            self.targets.append(target)
            doc: list[str] = []
            examples: list[tuple[str, str]] = []
            for lang, items in texts.items():
                for text in items:
                    labelled.append((text, index))
                    terms = tokens(normalize(text))
                    doc.extend(terms)
                    form = " ".join(t for t in terms if not t.endswith("~"))
                    if form:
                        examples.append((lang, form))
            for lang, items in keywords.items():
                for word in items:
                    terms = [t for t in tokens(normalize(word)) if not t.endswith("~")]
                    if not terms:
                        continue
                    labelled.append((word, index))
                    doc.extend(terms)
                    examples.append((lang, " ".join(terms)))
                    size = len(fold(normalize(word)).replace(" ", ""))
                    phrases = self._keywords.setdefault(terms[0], {})
                    phrases.setdefault(tuple(terms), []).append((index, size))
            documents.append(doc)
            by_lang: dict[str, list[str]] = defaultdict(list)
            for lang, form in examples:
                by_lang[base_language(lang)].append(form)
            self._examples.append(dict(by_lang))

        for entry in content.entries.values():
            texts = {lang: list(qs) for lang, qs in entry.questions.items()}
            for lang, title in entry.title.items():
                texts.setdefault(lang, []).append(title)
            add(Target(entry.id, "entry", entry.category), texts, entry.keywords)
        for intent in content.intents.values():
            add(Target(intent.id, "intent", None), intent.examples, intent.keywords)
        # Alarms (and alarm pairs) are matched as phrases, like keywords, but are neither
        # documents nor training text: adding one moves no score of any other message (a keyword
        # or an example would move the n-gram model, and emergencies it holds on a thin margin).
        self.alarms = Alarms.of(content.intents.get("urgent"))
        self.beyond = Beyond.of(content.intents.get("out-of-scope"))
        self.voices = Voices.of(content)
        self.marks = Marks.of(content)
        self.index = BM25Index(documents)
        self._ids = {t.id: i for i, t in enumerate(self.targets)}
        # a conversation intent's `unless`: in their presence it is not a candidate
        self._unless = {
            self._ids[i.id]: table(i.unless) for i in content.intents.values() if i.unless
        }
        texts = [text for text, _ in labelled]
        # The multiclass model grows with targets x n-grams: past a few thousand targets (the
        # 10,000-entry benchmark) it would not fit in memory, and the lexical voices rank alone.
        self.model: NgramModel | None = None
        self._order = np.zeros(0, dtype=np.int64)
        if len(self.targets) <= self.MAX_LEARNT_TARGETS:
            self.model = NgramModel.fit(
                texts, [self.targets[i].id for _, i in labelled], places=self.beyond.places
            )
            # the model's labels (sorted ids) -> target indices
            self._order = np.array([self._ids[x] for x in self.model.labels], dtype=np.int64)
        self.meaning: Meaning | None = None
        if self.model is not None and "urgent" in self._ids and available():
            asked = asked_questions(content)
            try:
                self.meaning = Meaning.build(
                    [q for q, _ in asked],
                    [self._ids[t] for _, t in asked],
                    self._ids["urgent"],
                    vectors or Vectors(None),
                )
            except Exception as exc:  # the lexical path works alone
                log.warning("no second opinion by meaning (%s): lexical evidence only", exc)

    def rank(self, text: str, lang: str | None = None, *, limit: int = 5) -> Match:
        # the lexical parts read the message without a place name that is a word there ("kaam
        # ra ghar dubai", both work and home); meaning reads it as written
        norm = self.beyond.places.plain(normalize(text))
        query = tokens(norm)
        if not query:
            return Match([], 0.0)
        one_word = sum(1 for t in query if not t.endswith("~")) == 1
        bm25, ceiling = self.index.scores(query)
        coverage = bm25 / ceiling if ceiling else bm25
        learnt = np.zeros(len(self.targets), dtype=np.float32)
        if self.model is not None:
            learnt[self._order] = self.model.probabilities(norm)
        # The two decisions that are not rankings read the model's probability of their
        # intent directly, whatever ranks first: is it urgent, and is it ours at all.
        urgency = float(learnt[self._ids["urgent"]]) if "urgent" in self._ids else 0.0
        outside = float(learnt[self._ids["out-of-scope"]]) if "out-of-scope" in self._ids else 0.0
        cal = self.calibration

        words = [t for t in query if not t.endswith("~")]
        alarm = self.alarms.found(words)
        hypothetical = not alarm and self.alarms.hypothetical(words)
        beyond = not alarm and self.beyond.found(words)
        ours = not alarm and self.beyond.asks_ours(words, norm)
        half = not alarm and urgency >= self.HALF_FLOOR and self.alarms.half(words)
        keyword_hits = self._keyword_hits(words, norm)
        # Only a few targets get the (costlier) fuzzy comparison: the best by the two cheap
        # signals together. At 10,000 entries a common word can be a keyword of thousands.
        cheap = np.minimum(1.0, coverage * 2.0) * cal.w_coverage + learnt * cal.w_learnt
        if keyword_hits:
            hit_ids = np.fromiter(keyword_hits, dtype=np.int64, count=len(keyword_hits))
            cheap[hit_ids] += cal.w_keyword * np.fromiter(
                keyword_hits.values(), dtype=np.float64, count=len(keyword_hits)
            )
        if hypothetical and "urgent" in self._ids:
            # what it asks about ranks first, with a confidence of its own
            cheap[self._ids["urgent"]] = 0.0
        if ours and "out-of-scope" in self._ids:
            # a business asking for a grant or an award at home: the entries rank, not refusal
            cheap[self._ids["out-of-scope"]] = 0.0
        for target, phrases in self._unless.items():
            if holds(words, phrases):  # the message asks something else in the intent's words
                cheap[target] = 0.0
        candidates_mask = np.flatnonzero(cheap > 0)
        if candidates_mask.size == 0:
            grey = not hypothetical and self._grey(urgency, one_word, None, half)
            opinion = self._opinion(text) if grey else None
            sense = round(opinion.urgency, 4) if opinion is not None else None
            return Match(
                [],
                0.0,
                round(urgency, 4),
                round(outside, 4),
                one_word,
                sense,
                alarm,
                hypothetical,
                beyond,
                ours,
            )
        if candidates_mask.size > self.SHORTLIST:
            best = np.argpartition(-cheap[candidates_mask], self.SHORTLIST)[: self.SHORTLIST]
            candidates_mask = candidates_mask[best]
        shortlist = candidates_mask.tolist()

        # Closeness (rapidfuzz against the nearest example) is computed only while its fitted
        # weight is above zero: with the examples as varied as they now are, the held-out folds
        # give it none, and it was the costliest voice.
        form = _fuzzy_form(norm) if cal.w_fuzzy else ""
        candidates = []
        for i in shortlist:
            fuzzy = self._closeness(i, form, lang) if form else 0.0
            kw = keyword_hits.get(i, 0.0)
            cov = float(min(1.0, coverage[i] * 2.0))
            prob = float(learnt[i])
            candidates.append(
                Candidate(
                    self.targets[i].id,
                    self.targets[i].kind,
                    cal.fuse(fuzzy, cov, kw, prob),
                    round(fuzzy, 4),
                    round(cov, 4),
                    round(kw, 4),
                    round(prob, 4),
                )
            )
        candidates.sort(key=lambda c: c.score, reverse=True)
        top = candidates[0].score
        margin = top - candidates[1].score if len(candidates) > 1 else top
        confidence = cal.confidence(top, margin)
        grey = not hypothetical and (
            self._grey(urgency, one_word, candidates[0].id, half)
            or self._near_tie(candidates, one_word)
        )
        unsure = candidates[0].kind == "entry" and confidence < cal.meaning_below
        opinion = self._opinion(text) if grey or (unsure and cal.w_meaning) else None
        if unsure and opinion is not None:
            candidates = self._by_meaning(candidates, opinion.nearest)
        # an owner's words settle a near tie between related entries for the two sides
        candidates = self.voices.settle(words, candidates)
        # and an entry's own words (a pledge, an award) one between two related entries
        candidates = self.marks.settle(words, candidates)
        # Meaning's urgency goes with every match it was asked about, the unsure ones under the
        # grey band included: there the n-gram urgency is low because no example shares the
        # message's words, which is when meaning reads an emergency best. On the held-out folds
        # (2026-12-05) one more emergency of 809 escalates (three calm questions more, of
        # 13,521), on the urgency set two more of 302 (no calm one); the tuning sets do not move.
        return Match(
            candidates[:limit],
            round(confidence, 4),
            round(urgency, 4),
            round(outside, 4),
            one_word,
            round(opinion.urgency, 4) if opinion is not None else None,
            alarm,
            hypothetical,
            beyond,
            ours,
        )

    def _grey(self, urgency: float, one_word: bool, top: str | None, half: bool) -> bool:
        """Whether the urgency is in the band where the second opinion by meaning is asked
        (lower, from `HALF_FLOOR`, for a message that holds one half of an alarm pair): not for
        a single word, nor when the urgent intent already ranks first."""
        cal = self.calibration
        if self.meaning is None or one_word or top == "urgent":
            return False
        low = self.HALF_FLOOR if half else min(cal.urgent_low, cal.urgent_at)
        return low <= urgency < self.SURE_URGENCY

    def _near_tie(self, candidates: list[Candidate], one_word: bool) -> bool:
        """Whether the urgent intent ranks after the first candidate by less than `NEAR_TIE`:
        meaning's urgency, mixed with the n-gram model's, then decides instead of that order."""
        if self.meaning is None or one_word:
            return False
        top = candidates[0].score
        return any(c.id == "urgent" and top - c.score < self.NEAR_TIE for c in candidates[1:])

    def _opinion(self, text: str) -> Opinion | None:
        """What meaning says of the message (15-30 ms), or None without the model."""
        if self.meaning is None:
            return None
        try:
            return self.meaning.judge(text)
        except Exception as exc:  # a broken model never costs the user an answer: lexical only
            log.warning("meaning failed (%s): deciding on lexical evidence alone", exc)
            return None

    def _by_meaning(
        self, candidates: list[Candidate], nearest: dict[int, float]
    ) -> list[Candidate]:
        """An unsure match's entries re-ordered with their similarity by meaning, in the places
        entries held: an intent (urgent, out of scope, a person) keeps its place, so meaning
        never moves a safety or scope decision. Fitted on the held-out folds (2026-12-04): top-1
        87.5 → 87.9 %, the tuning sets unchanged (`benchmarks/tune_matcher.py`)."""
        w = self.calibration.w_meaning
        slots = [n for n, c in enumerate(candidates) if c.kind == "entry"]
        entries = [
            replace(
                c,
                score=c.score + w * nearest.get(self._ids[c.id], 0.0),
                meaning=round(nearest.get(self._ids[c.id], 0.0), 4),
            )
            for c in candidates
            if c.kind == "entry"
        ]
        entries.sort(key=lambda c: c.score, reverse=True)
        out = list(candidates)
        for n, c in zip(slots, entries, strict=True):
            out[n] = c
        return out

    def nearest(self, text: str) -> dict[str, float] | None:
        """Every target's similarity by meaning to any message (for fitting the second opinion
        and the order of suggestions), None without the model."""
        opinion = self.opinion(text)
        return opinion[0] if opinion is not None else None

    def opinion(self, text: str) -> tuple[dict[str, float], float] | None:
        """Meaning's opinion of any message, by target id (for fitting), None without the model."""
        if self.meaning is None:
            return None
        found = self.meaning.judge(text)
        return {self.targets[i].id: v for i, v in found.nearest.items()}, found.urgency

    def _closeness(self, i: int, form: str, lang: str | None) -> float:
        """Closeness to target i's nearest example in the message's own language: a tenth of
        the comparisons of all languages, and other scripts could not be close anyway."""
        by_lang = self._examples[i]
        examples = by_lang.get(lang) if lang else None
        if not examples:  # no language, or none of this target's examples in it: all
            examples = [form for forms in by_lang.values() for form in forms]
        best = process.extractOne(form, examples, scorer=fuzz.token_set_ratio) if examples else None
        if not best:
            return 0.0
        return 0.5 * best[1] / 100.0 + 0.5 * fuzz.ratio(form, best[0]) / 100.0

    def _keyword_hits(self, query: list[str], norm: str) -> dict[int, float]:
        """Targets with a curated keyword in the message as a phrase (its terms in order),
        weighted by how much of the message it explains: an official name counts more than a
        two-letter word. Phrases, not bags: folded "tu tu" must not fire on "tu van"."""
        length = max(1, len(fold(norm).replace(" ", "")))
        hits: dict[int, float] = {}
        for start, term in enumerate(query):
            for terms, owners in self._keywords.get(term, {}).items():
                if len(terms) > 1 and tuple(query[start : start + len(terms)]) != terms:
                    continue
                for target, size in owners:
                    weight = min(1.0, 0.6 + 0.4 * size / length)
                    if weight > hits.get(target, 0.0):
                        hits[target] = weight
        return hits

    def target(self, target_id: str) -> Target:
        return self.targets[self._ids[target_id]]
