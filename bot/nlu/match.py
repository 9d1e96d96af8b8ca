"""Ranks knowledge entries and intents for a message, with one calibrated confidence.

Matching ranks; it never decides. Three kinds of evidence are fused per target:
- lexical recall: BM25 over the target's pooled examples (finds paraphrases across examples);
- closeness: rapidfuzz between the message and the target's nearest example (typos, word order);
- keywords: curated words and official names that alone identify a topic ("有給", "36協定").
The fused score ranks; a logistic curve fitted on the evaluation set (`madoguchi eval
--calibrate`) turns the top score and its margin over the runner-up into a confidence whose
meaning is stable: "about this share of answers at this confidence are right".
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from bot.content.loader import Content
from bot.nlu.index import BM25Index
from bot.nlu.normalize import fold, normalize, tokens

__all__ = ["Calibration", "Candidate", "Match", "Matcher", "Target"]

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")


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


@dataclass(frozen=True, slots=True)
class Match:
    candidates: list[Candidate]  # best first
    confidence: float  # calibrated probability that candidates[0] is right

    @property
    def top(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


@dataclass(frozen=True)
class Calibration:
    """Fusion weights and the logistic curve, fitted on the evaluation set."""

    w_fuzzy: float = 0.30
    w_coverage: float = 0.50
    w_keyword: float = 0.20
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

    def fuse(self, fuzzy: float, coverage: float, keyword: float) -> float:
        return self.w_fuzzy * fuzzy + self.w_coverage * coverage + self.w_keyword * keyword

    def confidence(self, top: float, margin: float) -> float:
        z = self.a_score * top + self.a_margin * margin + self.bias
        return 1.0 / (1.0 + math.exp(-z))


def _fuzzy_form(norm: str) -> str:
    return " ".join(t for t in tokens(norm) if not t.endswith("~"))


class Matcher:
    """Built once at startup from content; `rank` does no I/O."""

    SHORTLIST = 8

    def __init__(self, content: Content, calibration: Calibration | None = None) -> None:
        self.calibration = calibration or Calibration.load()
        self.targets: list[Target] = []
        documents: list[list[str]] = []
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
                    doc.extend(terms)
                    examples.append((lang, " ".join(terms)))
                    size = len(fold(normalize(word)).replace(" ", ""))
                    phrases = self._keywords.setdefault(terms[0], {})
                    phrases.setdefault(tuple(terms), []).append((index, size))
            documents.append(doc)
            by_lang: dict[str, list[str]] = defaultdict(list)
            for lang, form in examples:
                by_lang["ja" if lang == "ja-easy" else lang].append(form)
            self._examples.append(dict(by_lang))

        for entry in content.entries.values():
            texts = {lang: list(qs) for lang, qs in entry.questions.items()}
            for lang, title in entry.title.items():
                texts.setdefault(lang, []).append(title)
            add(Target(entry.id, "entry", entry.category), texts, entry.keywords)
        for intent in content.intents.values():
            add(Target(intent.id, "intent", None), intent.examples, intent.keywords)
        self.index = BM25Index(documents)
        self._ids = {t.id: i for i, t in enumerate(self.targets)}

    def rank(self, text: str, lang: str | None = None, *, limit: int = 5) -> Match:
        norm = normalize(text)
        query = tokens(norm)
        if not query:
            return Match([], 0.0)
        bm25, ceiling = self.index.scores(query)
        coverage = bm25 / ceiling if ceiling else bm25

        keyword_hits = self._keyword_hits([t for t in query if not t.endswith("~")], norm)
        # Only a few targets get the (costlier) fuzzy comparison: the best by the two cheap
        # signals together. At 10,000 entries a common word can be a keyword of thousands.
        cal = self.calibration
        cheap = np.minimum(1.0, coverage * 2.0) * cal.w_coverage
        if keyword_hits:
            hit_ids = np.fromiter(keyword_hits, dtype=np.int64, count=len(keyword_hits))
            cheap[hit_ids] += cal.w_keyword * np.fromiter(
                keyword_hits.values(), dtype=np.float64, count=len(keyword_hits)
            )
        candidates_mask = np.flatnonzero(cheap > 0)
        if candidates_mask.size == 0:
            return Match([], 0.0)
        if candidates_mask.size > self.SHORTLIST:
            best = np.argpartition(-cheap[candidates_mask], self.SHORTLIST)[: self.SHORTLIST]
            candidates_mask = candidates_mask[best]
        shortlist = candidates_mask.tolist()

        form = _fuzzy_form(norm)
        key = lang or ""
        candidates = []
        for i in shortlist:
            # Closeness to the nearest example in the message's own language: a tenth of the
            # comparisons of all languages, and other scripts could not be close anyway.
            by_lang = self._examples[i]
            examples = by_lang.get(key) if lang else None
            if not examples:  # no language, or none of this target's examples in it: all
                examples = [form for forms in by_lang.values() for form in forms]
            best = (
                process.extractOne(form, examples, scorer=fuzz.token_set_ratio)
                if form and examples
                else None
            )
            fuzzy = 0.0
            if best:
                fuzzy = 0.5 * best[1] / 100.0 + 0.5 * fuzz.ratio(form, best[0]) / 100.0
            kw = keyword_hits.get(i, 0.0)
            cov = float(min(1.0, coverage[i] * 2.0))
            candidates.append(
                Candidate(
                    self.targets[i].id,
                    self.targets[i].kind,
                    cal.fuse(fuzzy, cov, kw),
                    round(fuzzy, 4),
                    round(cov, 4),
                    round(kw, 4),
                )
            )
        candidates.sort(key=lambda c: c.score, reverse=True)
        top = candidates[0].score
        margin = top - candidates[1].score if len(candidates) > 1 else top
        return Match(candidates[:limit], round(cal.confidence(top, margin), 4))

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
