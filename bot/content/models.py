"""The shapes of knowledge entries and intents, validated when content loads.

Counselors and translators edit YAML; these models are the contract that turns a typo into one
readable line naming the file and the field instead of a wrong answer at run time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from bot.languages import ALL_CODES, fallbacks

__all__ = [
    "CATEGORIES",
    "INTENT_IDS",
    "Abroad",
    "AlarmPair",
    "Audience",
    "Choice",
    "Entry",
    "Escalate",
    "Fact",
    "FactAt",
    "FactKind",
    "Flow",
    "HelpLine",
    "Intent",
    "KeyPoint",
    "Period",
    "Programme",
    "ProgrammeStatus",
    "QuestionPair",
    "Review",
    "ScopeRule",
    "Source",
    "Step",
    "StepType",
    "Waiver",
]

CATEGORIES: tuple[str, ...] = (
    "staffing",
    "training",
    "workstyle",
    "telework",
    "subsidy",
    "foreign-employer",
    "foreign-employee",
)

INTENT_IDS: tuple[str, ...] = (
    "greeting",
    "thanks",
    "goodbye",
    "help",
    "change-language",
    "human",
    "urgent",
    "out-of-scope",
)

MAX_ANSWER_CHARS = 900  # hard limit; kb check warns above ~700


class Audience(StrEnum):
    employer = "employer"
    employee = "employee"
    both = "both"


class Escalate(StrEnum):
    never = "never"
    offer = "offer"
    always = "always"


class ProgrammeStatus(StrEnum):
    open = "open"  # a current round is confirmed on the official page
    unconfirmed = "unconfirmed"  # no current round found: the answer says so
    closed = "closed"  # ended: the answer says so and points to what replaced it


class Review(StrEnum):
    reviewed = "reviewed"
    machine = "machine"


def _check_codes(value: dict, allowed: tuple[str, ...]) -> dict:
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise ValueError(f"unknown language key(s) {', '.join(unknown)}")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    title: str = Field(min_length=3)
    url: HttpUrl
    as_of: dt.date  # the day someone read this page (or the dated copy its title names)
    confirms: str | None = None  # what that reading confirmed, for the next curator

    @field_validator("url")
    @classmethod
    def _https(cls, value: HttpUrl) -> HttpUrl:
        if value.scheme != "https":
            raise ValueError("official sources must use https")
        return value


class KeyPoint(_Strict):
    """One thing every language must say: written once in Japanese, its figures checked.

    `figures` are what `kb check` looks for in each language's answer, whatever the script:
    plain numbers ("1226", "14", "0.75"), fractions ("3/4") and dates ("2027-04-01").
    A point without figures (a condition, an exception) is there for translators and reviewers.
    """

    point: str = Field(min_length=3)
    figures: list[str] = Field(default_factory=list)

    @field_validator("figures")
    @classmethod
    def _figures(cls, value: list[str]) -> list[str]:
        for figure in value:
            if not re.fullmatch(r"\d+(\.\d+)?|\d+/\d+|\d{4}-\d{2}-\d{2}", figure):
                raise ValueError(
                    f"figure {figure!r}: write a number (1226, 0.75), a fraction (3/4) "
                    "or a date (2027-04-01)"
                )
        return value


class Programme(_Strict):
    """Where a programme stands, so no answer presents a closed or unconfirmed one as running."""

    status: ProgrammeStatus
    checked: dt.date  # the day the official page was searched for a current round


class FactKind(StrEnum):
    yen = "yen"
    yen_per_hour = "yen-per-hour"
    yen_per_month = "yen-per-month"
    count = "count"
    date = "date"


class Period(_Strict):
    """One value of a fact and the days it held, with the page that said so."""

    value: float | dt.date
    valid_from: dt.date
    valid_until: dt.date | None = None  # None: no end known (yet)
    source: Source


@dataclass(frozen=True, slots=True)
class FactAt:
    """A fact as of one day: the value in force, the next one if announced, and whether the
    value can still be stated as current (`stale` once the fact is past its review date)."""

    fact: Fact
    period: Period
    next: Period | None
    stale: bool


class Waiver(_Strict):
    """A curator's signed-off delay of a re-check that cannot be done yet (the official page
    does not show the new figure). Answers still show the value as past; only `kb check` lets it
    through, as a warning, and only until `until`."""

    until: dt.date
    reason: str = Field(min_length=10)


class Fact(_Strict):
    """A figure that changes by date, stated once and referred to as {fact:ID} in answers.

    `review_by` is the day someone must have re-read the official page: the next revision due
    (the minimum wage every October) or a yearly re-check. Past it, answers stop presenting the
    value as current and `kb check` fails until a curator records what the page says now.
    """

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    what: str = Field(min_length=3)  # in Japanese, for curators
    kind: FactKind
    review_by: dt.date
    periods: list[Period] = Field(min_length=1)
    waiver: Waiver | None = None

    @model_validator(mode="after")
    def _periods_in_order(self) -> Fact:
        for before, after in zip(self.periods, self.periods[1:], strict=False):
            if before.valid_until is None or before.valid_until >= after.valid_from:
                raise ValueError(
                    f"periods: the one from {before.valid_from} must end before "
                    f"{after.valid_from}, when the next one starts"
                )
        for period in self.periods:
            if period.valid_until is not None and period.valid_until < period.valid_from:
                raise ValueError(f"periods: {period.valid_from} ends before it starts")
            is_date = isinstance(period.value, dt.date)
            if is_date != (self.kind is FactKind.date):
                raise ValueError(f"periods: value {period.value!r} does not fit kind {self.kind}")
        return self

    def at(self, day: dt.date) -> FactAt:
        started = [p for p in self.periods if p.valid_from <= day]
        period = started[-1] if started else self.periods[0]
        later = [p for p in self.periods if p.valid_from > day]
        ended = period.valid_until is not None and period.valid_until < day
        return FactAt(self, period, later[0] if later else None, day > self.review_by or ended)


class StepType(StrEnum):
    date = "date"
    number = "number"
    choice = "choice"
    text = "text"  # free text a rule reads itself (a place, a postcode)


class Choice(_Strict):
    value: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,31}$")
    label: str  # an English msgid, translated in the catalogs


class Step(_Strict):
    """One question of a self-check. Texts are English msgids: translators see them in the same
    .po catalogs as every other line of the bot (`pybabel extract` reads these files)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")
    type: StepType
    ask: str = Field(min_length=3)
    invalid: str | None = None  # said before asking again; a default per type otherwise
    unsure: str | None = None  # said when the user does not know; a default otherwise
    min: float | None = None
    max: float | None = None
    integer: bool = False
    not_future: bool = False  # dates: no later than today
    optional: bool = False  # "I don't know" is an answer (None), and the flow goes on
    when: dict[str, str] = Field(default_factory=dict)  # asked only if earlier answers match
    choices: list[Choice] = Field(default_factory=list)

    @model_validator(mode="after")
    def _choices(self) -> Step:
        if (self.type is StepType.choice) != bool(self.choices):
            raise ValueError(f"step {self.id}: choices go with type choice, and only with it")
        return self


class Flow(_Strict):
    """A guided self-check: questions in order, then a result computed by a rule in code."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    order: int = 100  # place in the /check list
    rule: str  # which rule in code computes the result (bot.core.checks)
    title: str  # English msgid: the button and the list of checks
    entry: str | None = None  # the knowledge answer that offers this check as a button
    starts: dict[str, list[str]] = Field(default_factory=dict)  # requests that start it
    steps: list[Step] = Field(min_length=1)
    results: dict[str, str]  # outcome -> English msgid with {placeholders} the rule fills
    rule_name: str  # English msgid: the law or table the result applies
    offers: list[str] = Field(default_factory=list)  # entries a good outcome offers as buttons
    sources: list[Source] = Field(min_length=1)

    @field_validator("starts")
    @classmethod
    def _languages(cls, value: dict) -> dict:
        return _check_codes(value, ALL_CODES)

    @model_validator(mode="after")
    def _unique_steps(self) -> Flow:
        ids = [s.id for s in self.steps]
        if len(ids) != len(set(ids)):
            raise ValueError("steps: two steps have the same id")
        return self

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)


class HelpLine(_Strict):
    """A line a person can call, the languages it serves and when: the urgent reply lists the
    ones for the user's language, open now first."""

    id: str
    name: dict[str, str]  # ja and en at least; other languages fall back to English
    phone: str = Field(pattern=r"^(#?\d{3,4}|0\d{1,4}(-\d{1,4})?-\d{3,6})$")
    hours: list[str] | str  # "always", or ranges like "Mon-Fri 09:00-20:00" in Tokyo time
    holidays: str = Field(default="closed", pattern=r"^(open|closed)$")
    languages: list[str] = Field(min_length=1)
    topics: list[str] = Field(min_length=1)
    source: Source

    @field_validator("name")
    @classmethod
    def _names(cls, value: dict) -> dict:
        _check_codes(value, ALL_CODES)
        if not {"ja", "en"} <= set(value):
            raise ValueError("name needs ja and en")
        return value

    @field_validator("languages")
    @classmethod
    def _codes(cls, value: list[str]) -> list[str]:
        _check_codes(dict.fromkeys(value), ALL_CODES)
        return value

    @field_validator("hours")
    @classmethod
    def _hours(cls, value: list[str] | str) -> list[str] | str:
        if isinstance(value, str) and value != "always":
            raise ValueError("hours: 'always' or a list like ['Mon-Fri 09:00-17:00']")
        pattern = r"^[A-Z][a-z]{2}(-[A-Z][a-z]{2})? \d{2}:\d{2}-\d{2}:\d{2}$"
        for item in value if isinstance(value, list) else []:
            if not re.fullmatch(pattern, item):
                raise ValueError(f"hours: {item!r} is not like 'Mon-Fri 09:00-17:00'")
        return value

    @field_validator("topics")
    @classmethod
    def _topics(cls, value: list[str]) -> list[str]:
        unknown = set(value) - {"urgent", "consultation"}
        if unknown:
            raise ValueError(f"topics: unknown {sorted(unknown)} (urgent, consultation)")
        return value


class Entry(_Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    category: str
    audience: Audience
    escalate: Escalate = Escalate.offer
    title: dict[str, str]
    answer: dict[str, str]
    questions: dict[str, list[str]]
    keywords: dict[str, list[str]] = Field(default_factory=dict)
    # phrases only this entry's askers use beside a related neighbour's subject (a pledge, an
    # award, a right hand): they settle a near tie with it (`bot/nlu/marks.py`), train nothing
    marks: dict[str, list[str]] = Field(default_factory=dict)
    # an idea told by two sides named together (older people and mothers, each common alone in
    # the neighbours' questions): a message holds it when it holds a phrase of every group
    marks_together: list[dict[str, list[str]]] = Field(default_factory=list)
    # phrases that, anywhere in the message, keep the marks above from holding: the idea they
    # name is a neighbour's wider one (women and seniors named with foreigners are the hiring
    # desk's "diverse talent", not the programme for women and seniors)
    marks_unless: dict[str, list[str]] = Field(default_factory=dict)
    sources: list[Source] = Field(min_length=1)
    review: dict[str, Review] = Field(default_factory=dict)
    related: list[str] = Field(default_factory=list)
    key_points: list[KeyPoint] = Field(default_factory=list)
    programme: Programme | None = None

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        if value not in CATEGORIES:
            raise ValueError(f"unknown category {value!r} (one of {', '.join(CATEGORIES)})")
        return value

    @field_validator("title", "answer", "review", "questions", "keywords", "marks", "marks_unless")
    @classmethod
    def _languages(cls, value: dict) -> dict:
        return _check_codes(value, ALL_CODES)

    @field_validator("marks_together")
    @classmethod
    def _groups(cls, value: list[dict]) -> list[dict]:
        if len(value) == 1:
            raise ValueError("marks_together needs two groups or more (one group is `marks`)")
        return [_check_codes(group, ALL_CODES) for group in value]

    @field_validator("answer")
    @classmethod
    def _answer_size(cls, value: dict[str, str]) -> dict[str, str]:
        for code, text in value.items():
            if not text.strip():
                raise ValueError(f"answer in {code} is empty")
            if len(text.strip()) > MAX_ANSWER_CHARS:
                raise ValueError(
                    f"answer in {code} has {len(text.strip())} characters (at most {MAX_ANSWER_CHARS})"
                )
        return {code: text.strip() for code, text in value.items()}

    @model_validator(mode="after")
    def _must_have_english(self) -> Entry:
        for field in ("title", "answer"):
            if "en" not in getattr(self, field):
                raise ValueError(f"{field} needs at least English (en), the fallback")
        return self

    def text(self, field: str, lang: str) -> tuple[str, str]:
        """The field in `lang`, else Japanese for easy Japanese, else English: (text, lang used)."""
        values: dict[str, str] = getattr(self, field)
        for code in fallbacks(lang):
            if values.get(code):
                return values[code], code
        code, value = next(iter(values.items()))
        return value, code


class Abroad(_Strict):
    """Names of places outside Japan beyond CLDR's formal country names (`bot/nlu/places.py`):
    everyday forms to add, formal names that are also everyday words, to ignore, and names
    that are a word only after some other word: romanised Nepali "kaam ra ghar dubai" is "both
    work and home" ("ra" is "and"), where "dubai ma kaam" is work in Dubai."""

    add: dict[str, list[str]] = Field(default_factory=dict)
    ignore: dict[str, list[str]] = Field(default_factory=dict)
    # language -> name -> the words that, among the few words before the name, make it a word
    word_after: dict[str, dict[str, list[str]]] = Field(default_factory=dict)

    @field_validator("add", "ignore", "word_after")
    @classmethod
    def _languages(cls, value: dict) -> dict:
        return _check_codes(value, ALL_CODES)


class AlarmPair(_Strict):
    """An emergency no single phrase names but two together do: an injury at work and being
    told to hide it, no money left and nothing to eat, wages unpaid and a threat. Either half
    alone is a calm question's words ("I hurt my back", "no money for a new phone"); a message
    with a phrase of `first` and one of `second` escalates like an alarm. Phrases by language,
    matched in any language. `unless` names what makes the same words someone else's calm
    question: "a penalty if a foreign worker quits" is an owner's question about reporting to
    Hello Work, not a worker told to pay to leave. A phrase of `unless` anywhere in the
    message, and the pair does not hold."""

    about: str
    first: dict[str, list[str]]
    second: dict[str, list[str]]
    unless: dict[str, list[str]] = Field(default_factory=dict)
    # Either half alone speaks of an emergency's subject (an injury, no money left), so a message
    # with one half asks the second opinion by meaning from a lower urgency
    # (`Matcher.HALF_FLOOR`). Not where a half is everyday words (a residence card, the boss):
    # such a pair moves only the messages that hold both halves.
    either_half: bool = True

    @field_validator("first", "second", "unless")
    @classmethod
    def _languages(cls, value: dict) -> dict:
        return _check_codes(value, ALL_CODES)


class GuardedAlarm(_Strict):
    """An emergency's words that escalate by themselves, unless the message tells them of the
    past, of a rule asked about or of a condition: "a coworker passed out" is someone down now,
    while "a coworker passed out last week, what are the legal hours?" and "what's the number if
    someone has fainted?" are calm questions in the same words, and the read sets held 27 of them
    flagged. The alarm does not hold with a phrase of `unless` anywhere in the message, nor in a
    message that opens with a conditional (the hypothetical openers: no emergency on the read
    sets opened that way). Never "nearly": a worker who nearly passed out, chest tight right now,
    is an emergency. Phrases by language, matched in any language."""

    about: str
    alarms: dict[str, list[str]]
    unless: dict[str, list[str]]

    @field_validator("alarms", "unless")
    @classmethod
    def _languages(cls, value: dict) -> dict:
        return _check_codes(value, ALL_CODES)


class QuestionPair(AlarmPair):
    """A question about the rules told by two phrases together (`Intent.hypothetical_pairs`): a
    conditional and who pays, a residence card and "will I be arrested?". Its `unless` names
    what makes the same words an emergency's: a card the boss keeps is no question about the
    card's rules, whatever else the message asks ("he took my zairyu card, will I be
    arrested?")."""


class ScopeRule(_Strict):
    """A kind of question that is not ours, told by phrases together: a parent's visit to Japan
    as a tourist (a parent, a visit, a visa), tax on one's own shares (shares, a tax return).
    Each group alone is a question we answer ("can I take leave when my mother visits?", "does
    a tourist visa allow work?"); a message with a phrase of every group is refused where an
    entry would have answered it (`bot/nlu/scope.py`). Phrases by language, matched in any."""

    about: str
    together: list[dict[str, list[str]]] = Field(min_length=1, max_length=4)
    # an `ours` rule whose question names a country by nature (an employer's first Vietnamese
    # hires, telling Hello Work a Nepali cook has left): the country is where the staff come
    # from, not where the question is, so a place abroad named does not undo the rule
    abroad_too: bool = False

    @field_validator("together")
    @classmethod
    def _languages(cls, value: list) -> list:
        return [_check_codes(group, ALL_CODES) for group in value]


class Intent(_Strict):
    id: str
    examples: dict[str, list[str]]
    keywords: dict[str, list[str]] = Field(default_factory=dict)
    # the urgent intent's phrases that escalate by themselves and that no model learns from
    # (bot/nlu/match.py): a new one cannot move any other message's scores
    alarms: dict[str, list[str]] = Field(default_factory=dict)
    # and its emergencies that take two phrases together (bot/nlu/alarms.py)
    alarm_pairs: list[AlarmPair] = Field(default_factory=list)
    # and the alarms that a message tells of the past or asks about as a rule (bot/nlu/alarms.py)
    guarded_alarms: list[GuardedAlarm] = Field(default_factory=list)
    # and the words that open a hypothetical question ("if I get hurt at work, who pays?"):
    # such a question is not escalated on the models' evidence, only by an alarm
    hypothetical: dict[str, list[str]] = Field(default_factory=dict)
    # and the few words people put before such a question ("just asking, if…", "先问一下，万一…",
    # "tanong lang po, kung…"): the opener still opens the message after one of them
    hypothetical_preambles: dict[str, list[str]] = Field(default_factory=dict)
    # and the question that says so wherever its "if" stands: a conditional and a question about
    # who pays or about being arrested ("后厨切菜万一把手切了，去医院的钱谁出？"); or a residence card and
    # the asker's own "will I be arrested?"; or an employer's staff and keeping them at work; or
    # a card and whether it must be carried; or a future that has not happened and where to ask;
    # none of them with their `unless` (the card held by someone else; a threat, now or again)
    hypothetical_pairs: list[QuestionPair] = Field(default_factory=list)
    abroad: Abroad | None = None  # the out-of-scope intent's place names
    # and the questions it refuses by their phrases, whatever ranks first (bot/nlu/scope.py)
    beyond: list[ScopeRule] = Field(default_factory=list)
    # and the questions that are ours by their subject (a business asking for a grant): the
    # scope model's probability alone does not refuse them (bot/nlu/scope.py)
    ours: list[ScopeRule] = Field(default_factory=list)
    # a conversation intent's phrases in whose presence it is never a candidate: the message
    # asks something else in its words (a worker asking where to get advice in Tagalog asks for
    # an office that speaks it, not for this chat's language picker; bot/nlu/match.py)
    unless: dict[str, list[str]] = Field(default_factory=dict)
    answer: dict[str, str] = Field(default_factory=dict)
    sources: list[Source] = Field(default_factory=list)
    review: dict[str, Review] = Field(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in INTENT_IDS:
            raise ValueError(f"unknown intent {value!r} (one of {', '.join(INTENT_IDS)})")
        return value

    @field_validator(
        "examples",
        "keywords",
        "alarms",
        "hypothetical",
        "hypothetical_preambles",
        "unless",
        "answer",
        "review",
    )
    @classmethod
    def _languages(cls, value: dict) -> dict:
        return _check_codes(value, ALL_CODES)

    @model_validator(mode="after")
    def _alarms_are_urgent(self) -> Intent:
        hypothetical = self.hypothetical or self.hypothetical_pairs or self.hypothetical_preambles
        alarms = self.alarms or self.alarm_pairs or self.guarded_alarms
        if (alarms or hypothetical) and self.id != "urgent":
            raise ValueError("only the urgent intent has alarms and hypothetical openers")
        if (self.beyond or self.ours) and self.id != "out-of-scope":
            raise ValueError("only the out-of-scope intent has rules of its own (beyond, ours)")
        if self.unless and self.id in ("urgent", "out-of-scope"):
            # safety and scope are decisions of their own, never dropped by a phrase
            raise ValueError("the urgent and out-of-scope intents cannot be dropped by `unless`")
        return self

    def text(self, lang: str) -> tuple[str, str] | None:
        for code in fallbacks(lang):
            if self.answer.get(code):
                return self.answer[code].strip(), code
        return None
