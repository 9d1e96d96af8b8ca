"""The knowledge base is the product: every entry of the topic catalogue, whole and sourced."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.content.check import CATALOGUE, check_content, find_collisions
from bot.content.loader import default_content_dir, load_content
from bot.content.models import INTENT_IDS, MAX_ANSWER_CHARS
from bot.languages import ALL_CODES, DETECTABLE

CONTENT = load_content(default_content_dir())


def test_every_catalogue_id_has_an_entry() -> None:
    assert set(CATALOGUE) <= set(CONTENT.entries)
    assert set(INTENT_IDS) == set(CONTENT.intents)


@pytest.mark.parametrize("entry_id", CATALOGUE)
def test_entry_is_complete_sourced_and_chat_sized(entry_id: str) -> None:
    entry = CONTENT.entries[entry_id]
    assert set(entry.title) == set(ALL_CODES)
    assert set(entry.answer) == set(ALL_CODES)
    for lang in DETECTABLE:
        assert len(entry.questions.get(lang, [])) >= 8, lang
        assert entry.keywords.get(lang), lang
    # Chat-sized at the source: the Japanese answer, which every language translates in full
    # (issue #13: a shortened translation dropped caveats). Latin-script translations of it run
    # longer; they may use up to the hard limit rather than drop a key point.
    assert 120 <= len(entry.answer["ja"]) <= 720, len(entry.answer["ja"])
    for lang, text in entry.answer.items():
        assert 120 <= len(text) <= MAX_ANSWER_CHARS, (lang, len(text))
    assert entry.sources
    for source in entry.sources:
        assert source.url.scheme == "https"
        assert dt.date(2015, 1, 1) <= source.as_of <= dt.date(2026, 12, 31)
    for other in entry.related:
        assert other in CONTENT.entries
    assert set(entry.review) == set(ALL_CODES)


def test_harassment_always_offers_a_person() -> None:
    assert CONTENT.entries["harassment-consultation"].escalate.value == "always"


def test_urgent_gives_contacts_in_every_language() -> None:
    urgent = CONTENT.intents["urgent"]
    assert set(urgent.answer) == set(ALL_CODES)
    for lang, text in urgent.answer.items():
        assert "110" in text and "119" in text, lang
    assert urgent.sources


def test_no_near_duplicate_questions_between_entries() -> None:
    assert find_collisions(CONTENT) == []
    report = check_content(CONTENT)
    assert report.ok, report.errors
    assert all(c.percent == 100.0 for c in report.coverage)
