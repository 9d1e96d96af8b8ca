"""The shapes of knowledge entries and intents, validated when content loads.

Counselors and translators edit YAML; these models are the contract that turns a typo into one
readable line naming the file and the field instead of a wrong answer at run time.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from bot.languages import ALL_CODES, fallbacks

__all__ = [
    "CATEGORIES",
    "INTENT_IDS",
    "Audience",
    "Entry",
    "Escalate",
    "Intent",
    "Review",
    "Source",
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
    as_of: dt.date

    @field_validator("url")
    @classmethod
    def _https(cls, value: HttpUrl) -> HttpUrl:
        if value.scheme != "https":
            raise ValueError("official sources must use https")
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
    sources: list[Source] = Field(min_length=1)
    review: dict[str, Review] = Field(default_factory=dict)
    related: list[str] = Field(default_factory=list)

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        if value not in CATEGORIES:
            raise ValueError(f"unknown category {value!r} (one of {', '.join(CATEGORIES)})")
        return value

    @field_validator("title", "answer", "review", "questions", "keywords")
    @classmethod
    def _languages(cls, value: dict) -> dict:
        return _check_codes(value, ALL_CODES)

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


class Intent(_Strict):
    id: str
    examples: dict[str, list[str]]
    keywords: dict[str, list[str]] = Field(default_factory=dict)
    answer: dict[str, str] = Field(default_factory=dict)
    sources: list[Source] = Field(default_factory=list)
    review: dict[str, Review] = Field(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in INTENT_IDS:
            raise ValueError(f"unknown intent {value!r} (one of {', '.join(INTENT_IDS)})")
        return value

    @field_validator("examples", "keywords", "answer", "review")
    @classmethod
    def _languages(cls, value: dict) -> dict:
        return _check_codes(value, ALL_CODES)

    def text(self, lang: str) -> tuple[str, str] | None:
        for code in fallbacks(lang):
            if self.answer.get(code):
                return self.answer[code].strip(), code
        return None
