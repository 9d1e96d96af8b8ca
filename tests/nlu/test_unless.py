"""A conversation intent that is not a candidate where the message asks something else in its
words (`Intent.unless`).

A worker asking where to get advice in Tagalog names a language, and the change-language intent,
learnt from "Tagalog please", ranked first: the reply was the language picker. The words of a
question where to get advice or help are a phrase lookup: with them the intent is not among the
candidates, and no other message's scores move.
"""

from __future__ import annotations

import pytest

from bot.content.loader import Content
from bot.nlu.match import Matcher
from tests.nlu.phrase_tables import matchers_of, with_and_without

# where to get advice, in a language named: an office that speaks it
WHERE_IN_A_LANGUAGE = [
    "ada yg bisa bahasa Indonesia? lapor ke mana kalau gaji telat",
    "may Tagalog ba? saan pwedeng lumapit",
    "ネパール語で聞いてもらえる所ある？",
    "mình nói tiếng Việt thôi, đi đâu hỏi được?",
]
# asking for this chat's language, and where to change it: still the picker
SWITCH = [
    "can you answer in Tagalog please",
    "bahasa Indonesia aja ya",
    "saan ko papalitan ang language dito?",
    "日本語で話してください",
]


@pytest.fixture(scope="module")
def contents() -> tuple[Content, Content]:
    """Six entries and every intent (quick to fit), with the shipped `unless` and without."""
    return with_and_without("change-language", unless={})


@pytest.fixture(scope="module")
def matchers(contents, tmp_path_factory) -> tuple[Matcher, Matcher]:
    return matchers_of(contents, tmp_path_factory.mktemp("unless"))


@pytest.mark.parametrize("text", WHERE_IN_A_LANGUAGE)
def test_where_to_get_advice_in_a_language_is_not_a_language_switch(matchers, text) -> None:
    ruled, quiet = matchers
    assert quiet.rank(text, None).candidates[0].id == "change-language"  # the picker, before
    ids = [c.id for c in ruled.rank(text, None, limit=12).candidates]
    assert "change-language" not in ids
    assert ids[0] == "consultation-centers-foreigners"


@pytest.mark.parametrize("text", SWITCH)
def test_asking_for_the_chats_language_still_switches(matchers, text) -> None:
    ruled, quiet = matchers
    assert ruled.rank(text, None).candidates[0].id == "change-language"
    assert ruled.rank(text, None) == quiet.rank(text, None)


def test_safety_and_scope_are_never_dropped_by_a_phrase(contents) -> None:
    content, _ = contents
    for intent in ("urgent", "out-of-scope"):
        model = content.intents[intent]
        with pytest.raises(ValueError, match="cannot be dropped"):
            type(model).model_validate({**model.model_dump(), "unless": {"en": ["where"]}})
