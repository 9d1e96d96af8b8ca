"""Whose side the asker speaks from settles a near tie between related entries.

An owner who asks how to bring the staff's overtime down asks the employers' programme, in the
words of the workers' overtime rules. The owner's own words for their side ("as the owner",
経営者として) are a phrase lookup (`knowledge/voices.yaml`): like an alarm, they must move no
score of a message that does not hold them, and where they do, only which of two related entries
comes first.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.content.loader import Content, default_content_dir, load_content
from bot.nlu.match import Candidate, Matcher
from bot.nlu.phrases import terms
from bot.nlu.voices import Voices
from tests.nlu.phrase_tables import matchers_of

TOPICS = [
    "working-hours-overtime-rules",
    "annual-paid-leave",
    "paid-leave-overtime-reduction",
    "health-checkup-safety",
    "telework-how-to-start",
    "hiring-consultation-desk",
    "consultation-centers-foreigners",
]

# owners who say so, asking how to bring overtime down: the workers' rules rank first without
# the voice, a few hundredths ahead
OWNERS = [
    "as the owner, how many overtime hours a month is too many for my kitchen staff and how do I"
    " fix it?",
    "mero staff haru dherai overtime garchan, kati ghanta samma thik ho, ghataune kasari?",
    "may-ari ako, overtime ng staff ko lagpas 60 oras kada buwan at walang nagli-leave, paano"
    " ayusin?",
    "tôi là chủ quán, nhân viên zangyo 80 tiếng một tháng có vượt giới hạn 36 kyotei không",
    # the voice as the read sets showed it later: "là chủ thì"
    "Là chủ thì tôi phải làm gì khi nhân viên bếp tăng ca 70 tiếng một tháng mà chẳng ai nghỉ phép?",
]
# the same subject asked by a worker, and an owner asking a worker's topic
UNMOVED = [
    "how many hours of overtime can the company make me do in a month?",
    "残業って月何時間まで大丈夫なの？",
    "I run a tiny pastry shop: are the weekend student helpers covered by rosai?",
    "hello, where is the nearest consultation centre for foreigners?",
]


@pytest.fixture(scope="module")
def contents() -> tuple[Content, Content]:
    """The overtime entries and their neighbours, every intent (quick to fit), with the shipped
    voices and without."""
    content = load_content(default_content_dir())
    small = replace(content, entries={k: content.entries[k] for k in TOPICS})
    assert small.voices, "the employer's voice ships"
    return small, replace(small, voices={})


@pytest.fixture(scope="module")
def matchers(contents, tmp_path_factory) -> tuple[Matcher, Matcher]:
    return matchers_of(contents, tmp_path_factory.mktemp("voices"))


@pytest.mark.parametrize("text", OWNERS)
def test_an_owner_gets_the_employers_entry(matchers, text: str) -> None:
    voiced, quiet = matchers
    before = quiet.rank(text, None).candidates
    heard = voiced.rank(text, None).candidates
    assert before[0].id == "working-hours-overtime-rules"
    assert heard[0].id == "paid-leave-overtime-reduction"
    # the two swapped places and scores; everything else stands
    assert [c.score for c in heard] == [c.score for c in before]
    assert heard[1:] == [
        c if c.id != heard[0].id else replace(before[0], score=c.score) for c in before[1:]
    ]


def test_a_voice_moves_no_score_of_any_other_message(matchers) -> None:
    voiced, quiet = matchers
    for text in UNMOVED:
        assert voiced.rank(text, None) == quiet.rank(text, None), text


def test_an_owner_asking_a_workers_topic_keeps_it(matchers) -> None:
    voiced, _ = matchers
    match = voiced.rank(UNMOVED[2], None)
    assert match.candidates[0].id == "health-checkup-safety"


def voices(**tables: list[str]) -> Voices:
    content = load_content(default_content_dir())
    return Voices.of(replace(content, voices={k: {"en": v} for k, v in tables.items()}))


def entry(id: str, score: float) -> Candidate:
    return Candidate(id, "entry", score, 0.0, 0.0, 0.0)


def test_the_intents_keep_their_places_between_the_two() -> None:
    ranked = [
        entry("working-hours-overtime-rules", 0.60),
        Candidate("urgent", "intent", 0.55, 0.0, 0.0, 0.0),
        entry("paid-leave-overtime-reduction", 0.50),
    ]
    out = voices(employer=["as the owner"]).settle(terms("as the owner, overtime"), ranked)
    assert [(c.id, c.score) for c in out] == [
        ("paid-leave-overtime-reduction", 0.60),
        ("urgent", 0.55),
        ("working-hours-overtime-rules", 0.50),
    ]


@pytest.mark.parametrize(
    ("words", "ranked"),
    [
        # no voice
        (
            "overtime",
            [
                entry("working-hours-overtime-rules", 0.6),
                entry("paid-leave-overtime-reduction", 0.5),
            ],
        ),
        # too far behind
        (
            "as the owner",
            [
                entry("working-hours-overtime-rules", 0.8),
                entry("paid-leave-overtime-reduction", 0.5),
            ],
        ),
        # not related: the hiring desk is no neighbour of the workers' overtime rules
        (
            "as the owner",
            [entry("working-hours-overtime-rules", 0.6), entry("hiring-consultation-desk", 0.5)],
        ),
        # an intent first
        (
            "as the owner",
            [
                Candidate("urgent", "intent", 0.6, 0.0, 0.0, 0.0),
                entry("paid-leave-overtime-reduction", 0.5),
            ],
        ),
        # both sides heard
        (
            "as the owner my boss",
            [
                entry("working-hours-overtime-rules", 0.6),
                entry("paid-leave-overtime-reduction", 0.5),
            ],
        ),
    ],
)
def test_nothing_else_is_settled(words: str, ranked: list[Candidate]) -> None:
    table = voices(employer=["as the owner"], employee=["my boss"])
    assert table.settle(terms(words), ranked) == ranked
