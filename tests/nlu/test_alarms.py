"""The urgent intent's alarms: phrases that escalate by themselves and that no model learns from.

A keyword or an example of the urgent intent is also text the n-gram model and BM25 learn from,
so adding one moves other messages' scores, and emergencies held on a thin margin with them
(README, "How it understands a message"). An alarm must move nothing but the messages that
contain it: the same content with and without alarms ranks every other message identically.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.content.loader import Content, default_content_dir, load_content
from bot.nlu.match import Matcher
from bot.nlu.meaning import Vectors

MESSAGES = [
    "my daughter is having a seizure and her lips are blue",
    "anak saya pingsan, gimana ini",
    "祖母が倒れて意識がない",
    "how many days of paid leave do I get",
    "救急車は何番ですか",
    "boss hit me again today",
    "the warehouse is on fire and my coworker is trapped upstairs",
    "火事で同僚がまだ中に取り残されている",
    "gempa, teman saya terperangkap di gudang",
    "stuck in traffic, will I lose pay for being late?",
]


@pytest.fixture(scope="module")
def contents() -> tuple[Content, Content]:
    """Six entries and every intent (quick to fit), with the shipped alarms and without."""
    content = load_content(default_content_dir())
    small = replace(content, entries=dict(list(content.entries.items())[:6]))
    urgent = small.intents["urgent"]
    assert urgent.alarms, "the urgent intent ships alarms"
    quiet = urgent.model_copy(update={"alarms": {}})
    return small, replace(small, intents={**small.intents, "urgent": quiet})


@pytest.fixture(scope="module")
def matchers(contents, tmp_path_factory) -> tuple[Matcher, Matcher]:
    seed = default_content_dir() / "knowledge" / Vectors.FILE
    folder = tmp_path_factory.mktemp("vectors")
    return tuple(Matcher(c, vectors=Vectors(folder, seed=seed)) for c in contents)


def test_an_alarm_is_found_as_a_phrase_in_any_language(matchers) -> None:
    alarmed, quiet = matchers
    assert alarmed.rank(MESSAGES[0], None).alarm
    assert alarmed.rank(MESSAGES[1], None).alarm
    assert alarmed.rank(MESSAGES[2], None).alarm
    assert not any(quiet.rank(text, None).alarm for text in MESSAGES)
    # someone trapped right now, by fire or a collapse
    assert all(alarmed.rank(text, None).alarm for text in MESSAGES[6:9])
    # a phrase, not a bag of its words
    assert not alarmed.rank("the seizure of a ship, the sailors having lunch", None).alarm
    assert not alarmed.rank(MESSAGES[9], None).alarm  # stuck, but not trapped


def test_alarms_move_no_score_of_any_message(matchers) -> None:
    alarmed, quiet = matchers
    for text in MESSAGES:
        with_alarm, without = alarmed.rank(text, None), quiet.rank(text, None)
        assert replace(with_alarm, alarm=False) == without, text


def test_only_the_urgent_intent_has_alarms(contents) -> None:
    content, _ = contents
    greeting = content.intents["greeting"]
    with pytest.raises(ValueError, match="only the urgent intent"):
        type(greeting).model_validate({**greeting.model_dump(), "alarms": {"en": ["hello"]}})
