"""`madoguchi kb check`: what a curator needs to know before content ships.

Coverage per language, near-duplicate example questions across entries (they make answers
ambiguous), the catalogue contract (every id of kb-topics.md present) and translation review status.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.content.figures import missing_figures
from bot.content.loader import FACT_REF, Content
from bot.content.models import INTENT_IDS, Entry
from bot.languages import ALL_CODES, DETECTABLE

__all__ = [
    "CATALOGUE",
    "Collision",
    "Coverage",
    "Due",
    "Report",
    "check_content",
    "key_point_misses",
    "review_list",
    "stale_list",
]

# The topic contract of kb-topics.md: these ids must exist and may never be renamed or dropped.
CATALOGUE: tuple[str, ...] = (
    "hiring-consultation-desk", "joint-job-fair", "hr-strategy-course", "outreach-visit-support",
    "hiring-women-seniors", "youth-attraction-company-tours", "municipal-model-projects",
    "vocational-training-courses", "custom-order-training", "management-talent-course",
    "manufacturing-productivity-program", "service-industry-productivity",
    "product-development-support", "skills-succession",
    "work-style-reform-declaration", "paid-leave-overtime-reduction",
    "life-work-balance-certification", "work-life-support-childcare-nursing",
    "telework-promotion-center", "telework-consulting-dispatch", "telework-equipment-trial",
    "satellite-office-subsidy", "telework-how-to-start",
    "subsidy-overview", "equipment-investment-subsidy", "sme-definition-eligibility",
    "certification-iso-support",
    "foreign-talent-employer-seminar", "foreign-worker-visa-status",
    "foreign-worker-hiring-notification",
    "residence-card-basics", "working-hours-overtime-rules", "annual-paid-leave",
    "minimum-wage-payslip", "social-insurance-pension", "health-checkup-safety",
    "harassment-consultation", "workplace-japanese-customs", "consultation-centers-foreigners",
    "disaster-emergency",
)  # fmt: skip

MIN_QUESTIONS = 6
SOFT_ANSWER_CHARS = 700
COLLISION_AT = 92.0  # rapidfuzz ratio of normalised questions; measured on real near-duplicates
# How long a page read once is trusted without a date of its own to re-check by: programme
# rounds are yearly (fiscal years start in April), so a source or a programme status read more
# than a year ago is due again.
RECHECK_AFTER = dt.timedelta(days=365)


@dataclass(frozen=True, slots=True)
class Collision:
    lang: str
    first: str
    second: str
    first_text: str
    second_text: str
    score: float


@dataclass
class Coverage:
    lang: str
    complete: int = 0  # entries with title, answer and enough questions in this language
    total: int = 0
    questions: int = 0
    machine: int = 0  # entries whose translation still awaits a reviewer

    @property
    def percent(self) -> float:
        return 100.0 * self.complete / self.total if self.total else 0.0


@dataclass
class Report:
    coverage: list[Coverage]
    collisions: list[Collision]
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.collisions


def _normal(text: str) -> str:
    """Width, case, accents and punctuation folded, so "Nghỉ phép?" meets "nghi phep"."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("đ", "d")
    kept = (ch for ch in unicodedata.normalize("NFKD", text) if unicodedata.category(ch) != "Mn")
    return " ".join("".join(ch if ch.isalnum() else " " for ch in kept).split())


def find_collisions(content: Content, threshold: float = COLLISION_AT) -> list[Collision]:
    found: list[Collision] = []
    for lang in DETECTABLE:
        owners: list[str] = []
        texts: list[str] = []
        originals: list[str] = []
        for entry in content.entries.values():
            for q in entry.questions.get(lang, []):
                owners.append(entry.id)
                texts.append(_normal(q))
                originals.append(q)
        if len(texts) < 2:
            continue
        matrix = process.cdist(
            texts, texts, scorer=fuzz.ratio, score_cutoff=threshold, dtype="uint8", workers=-1
        )
        rows, cols = matrix.nonzero()
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            if i < j and owners[i] != owners[j]:
                found.append(
                    Collision(
                        lang, owners[i], owners[j], originals[i], originals[j], float(matrix[i, j])
                    )
                )
    return found


def key_point_misses(entry: Entry, lang: str, answer: str) -> list[str]:
    """One line per key point figure `answer` (in `lang`) does not state; facts are filled in
    by code, so their placeholders count for nothing."""
    text = FACT_REF.sub(" ", answer)
    return [
        f"misses {figure} of the key point {point.point!r}"
        for point in entry.key_points
        for figure in missing_figures(point.figures, text, lang)
    ]


def _key_point_errors(content: Content) -> list[str]:
    """Every language variant states every key point's figures."""
    return [
        f"knowledge/{entry.category}/{entry.id}.yaml: answer.{code}: {miss} (write it in digits)"
        for entry in content.entries.values()
        for code, text in entry.answer.items()
        for miss in key_point_misses(entry, code, text)
    ]


def _fact_errors(content: Content, today: dt.date) -> tuple[list[str], list[str]]:
    errors, warnings = [], []
    used = {
        name
        for e in content.entries.values()
        for t in e.answer.values()
        for name in FACT_REF.findall(t)
    }
    for fact in sorted(content.facts.values(), key=lambda f: f.review_by):
        if today > fact.review_by:
            latest = fact.periods[-1]
            problem = (
                f"knowledge/facts.yaml: {fact.id}: past its review date {fact.review_by}: read "
                f"{latest.source.url} again, then add the new period or move review_by"
            )
            if fact.waiver is not None and today <= fact.waiver.until:
                warnings.append(
                    f"{problem} (waived until {fact.waiver.until}: {fact.waiver.reason})"
                )
            else:
                errors.append(problem)
        if fact.id not in used:
            warnings.append(f"knowledge/facts.yaml: {fact.id}: no answer uses it")
    return errors, warnings


def check_content(
    content: Content, *, catalogue: Iterable[str] = CATALOGUE, today: dt.date | None = None
) -> Report:
    """Everything a curator must fix before content ships; `today` decides which facts are due."""
    errors: list[str] = []
    warnings: list[str] = []
    errors += _key_point_errors(content)
    fact_errors, fact_warnings = _fact_errors(content, today or dt.date.today())
    errors += fact_errors
    warnings += fact_warnings
    for missing in sorted(set(catalogue) - set(content.entries)):
        errors.append(f"knowledge: {missing}: id of the topic catalogue has no entry")
    for missing in sorted(set(INTENT_IDS) - set(content.intents)):
        errors.append(f"intents/{missing}.yaml: intent missing")
    coverage = []
    for lang in ALL_CODES:
        cov = Coverage(lang, total=len(content.entries))
        for entry in content.entries.values():
            n = len(entry.questions.get(lang, []))
            cov.questions += n
            needs_questions = lang != "ja-easy"
            if (
                lang in entry.title
                and lang in entry.answer
                and (not needs_questions or n >= MIN_QUESTIONS)
            ):
                cov.complete += 1
            if entry.review.get(lang, "machine") != "reviewed":
                cov.machine += 1
            if lang in entry.answer and len(entry.answer[lang]) > SOFT_ANSWER_CHARS:
                warnings.append(
                    f"knowledge/{entry.category}/{entry.id}.yaml: answer.{lang}: "
                    f"{len(entry.answer[lang])} characters (aim for <= 700)"
                )
        coverage.append(cov)
    for intent in content.intents.values():
        for lang in DETECTABLE:
            if len(intent.examples.get(lang, [])) < MIN_QUESTIONS:
                errors.append(
                    f"intents/{intent.id}.yaml: examples.{lang}: fewer than "
                    f"{MIN_QUESTIONS} examples"
                )
    urgent = content.intents.get("urgent")
    if urgent:
        for lang in ALL_CODES:
            if not urgent.answer.get(lang):
                errors.append(f"intents/urgent.yaml: answer.{lang}: emergency contacts missing")
    return Report(coverage, find_collisions(content), errors, warnings)


def review_list(content: Content) -> list[tuple[str, str, str]]:
    """(entry or intent, language, status) still waiting for a fluent reviewer."""
    rows = []
    for entry in sorted(content.entries.values(), key=lambda e: (e.category, e.id)):
        for lang in ALL_CODES:
            status = entry.review.get(lang)
            if status is None or status.value != "reviewed":
                rows.append((entry.id, lang, status.value if status else "missing"))
    for intent in sorted(content.intents.values(), key=lambda i: i.id):
        for lang in DETECTABLE:
            status = intent.review.get(lang)
            if status is None or status.value != "reviewed":
                rows.append((f"intent:{intent.id}", lang, status.value if status else "missing"))
    return rows


@dataclass(frozen=True, slots=True)
class Due:
    """One thing a curator must re-read on an official page, and by when."""

    due: dt.date
    what: str  # "fact", "programme" or "source"
    where: str  # the fact id, or the entry
    detail: str  # the page to read


def stale_list(content: Content) -> list[Due]:
    """Every dated fact, programme status and source, soonest re-check first."""
    rows = [
        Due(fact.review_by, "fact", fact.id, str(fact.periods[-1].source.url))
        for fact in content.facts.values()
    ]
    for entry in content.entries.values():
        if entry.programme is not None:
            rows.append(
                Due(
                    entry.programme.checked + RECHECK_AFTER,
                    f"programme ({entry.programme.status})",
                    entry.id,
                    str(entry.sources[0].url),
                )
            )
        for source in entry.sources:
            rows.append(Due(source.as_of + RECHECK_AFTER, "source", entry.id, str(source.url)))
    for line in content.helplines.values():
        rows.append(
            Due(line.source.as_of + RECHECK_AFTER, "help line", line.id, str(line.source.url))
        )
    for flow in content.flows.values():
        for source in flow.sources:
            rows.append(Due(source.as_of + RECHECK_AFTER, "self-check", flow.id, str(source.url)))
    for intent in content.intents.values():
        for source in intent.sources:
            rows.append(
                Due(source.as_of + RECHECK_AFTER, "source", f"intent:{intent.id}", str(source.url))
            )
    return sorted(rows, key=lambda row: (row.due, row.where))
