"""Safety and scope are decisions of their own, taken before the ranking is read."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.policy import Policy, Verdict, mixed
from bot.nlu.match import Candidate, Match

POLICY = Policy(answer_at=0.5, suggest_at=0.2, urgent_at=0.4, outside_at=0.5)


def entry(target: str, score: float = 0.8) -> Candidate:
    return Candidate(target, "entry", score, 0.5, 0.5, 0.0, 0.5)


def intent(target: str, score: float = 0.8) -> Candidate:
    return Candidate(target, "intent", score, 0.5, 0.5, 0.0, 0.5)


def test_urgency_escalates_even_when_a_knowledge_entry_ranks_first() -> None:
    match = Match([entry("health-checkup-safety")], confidence=0.9, urgency=0.45)
    assert POLICY.decide(match).verdict is Verdict.urgent


def test_urgency_below_the_threshold_leaves_the_answer() -> None:
    match = Match([entry("health-checkup-safety")], confidence=0.9, urgency=0.1)
    assert POLICY.decide(match).verdict is Verdict.answer


def test_a_single_word_needs_even_urgency_to_escalate() -> None:
    # "no" or "छैन" can cross the low, recall-tuned threshold on the urgent class's prior alone
    word = Match([intent("help")], confidence=0.6, urgency=0.45, one_word=True)
    assert POLICY.decide(word).verdict is Verdict.intent
    assert POLICY.decide(replace(word, urgency=0.6)).verdict is Verdict.urgent
    assert POLICY.decide(replace(word, one_word=False)).verdict is Verdict.urgent


def test_urgent_first_escalates_on_words_of_its_own() -> None:
    first = Match([intent("urgent", 0.6), entry("harassment-consultation")], 0.4, urgency=0.1)
    assert POLICY.decide(first).verdict is Verdict.urgent
    assert POLICY.surely_urgent(first)  # a check's reply too


def test_urgent_in_a_dead_heat_with_the_first_escalates_and_a_step_behind_does_not() -> None:
    # "a month unpaid, ask again and I call the police", unaccented: the order of two equal
    # scores moves with any content change, so between equals the emergency wins
    heat = Match([entry("out-of-scope", 0.412), intent("urgent", 0.408)], 0.3, urgency=0.01)
    assert POLICY.urgent_first(heat)
    assert POLICY.decide(heat).verdict is Verdict.urgent
    behind = replace(heat, candidates=[entry("annual-paid-leave", 0.45), intent("urgent", 0.408)])
    assert not POLICY.urgent_first(behind)
    assert POLICY.decide(behind).verdict is not Verdict.urgent
    # a dead heat on no word of its own, or of a single word, is not one
    prior = Candidate("urgent", "intent", 0.408, 0.0, 0.0, 0.0, 0.1)
    assert not POLICY.urgent_first(replace(heat, candidates=[entry("out-of-scope", 0.412), prior]))
    assert not POLICY.urgent_first(replace(heat, one_word=True))
    # nor does it outweigh a question that opens with "if"
    assert POLICY.decide(replace(heat, hypothetical=True)).verdict is not Verdict.urgent


def test_urgent_first_on_the_prior_alone_or_on_one_word_does_not() -> None:
    # "zzq": no word of it in any urgent example, urgent first only as the largest class;
    # "no": a word every language's emergencies share
    nothing = Candidate("urgent", "intent", 0.06, 0.0, 0.0, 0.0, 0.1)
    gibberish = Match([nothing, intent("thanks", 0.05)], 0.1, urgency=0.1)
    assert POLICY.decide(gibberish).verdict is not Verdict.urgent
    assert not POLICY.surely_urgent(gibberish)
    word = Match([intent("urgent", 0.6), intent("help", 0.55)], 0.5, urgency=0.3, one_word=True)
    assert POLICY.decide(word).verdict is not Verdict.urgent
    keyword = Candidate("urgent", "intent", 0.6, 0.0, 1.0, 0.8, 0.3)
    assert POLICY.decide(replace(word, candidates=[keyword])).verdict is Verdict.urgent


def test_an_alarm_escalates_whatever_ranks_first_and_whatever_the_urgency() -> None:
    # "my son is having a seizure, which number?": the disaster entry first, sure, a low urgency
    calm = Match([entry("disaster-emergency")], confidence=0.9, urgency=0.01)
    assert POLICY.decide(calm).verdict is Verdict.answer
    alarmed = replace(calm, alarm=True)
    assert POLICY.decide(alarmed).verdict is Verdict.urgent
    assert POLICY.surely_urgent(alarmed)  # a check's reply too
    assert POLICY.decide(replace(alarmed, one_word=True)).verdict is Verdict.urgent  # "pingsan"


def test_a_sure_entry_goes_beside_an_escalation_the_model_took_alone() -> None:
    # "my hand got caught at work, do I pay?": the recall-tuned urgency flags it, the entry is sure
    flagged = Match([entry("health-checkup-safety")], confidence=0.95, urgency=0.45)
    decision = POLICY.decide(flagged)
    assert decision.verdict is Verdict.urgent and decision.beside == "health-checkup-safety"
    unsure = POLICY.decide(replace(flagged, confidence=POLICY.beside_at - 0.01))
    assert unsure.verdict is Verdict.urgent and unsure.beside is None
    calm = POLICY.decide(replace(flagged, urgency=0.1))
    assert calm.verdict is Verdict.answer and calm.beside is None  # an answer needs no "beside"


def test_a_surely_urgent_message_gets_nothing_beside_the_help() -> None:
    flagged = Match([entry("health-checkup-safety")], confidence=0.95, urgency=0.45)
    keyword = Candidate("urgent", "intent", 0.5, 0.0, 1.0, 0.8, 0.3)
    for sure in (
        replace(flagged, alarm=True),
        replace(flagged, urgency=0.6),
        replace(flagged, candidates=[entry("health-checkup-safety"), keyword]),
        replace(flagged, candidates=[intent("urgent", 0.9), entry("health-checkup-safety")]),
    ):
        decision = POLICY.decide(sure)
        assert decision.verdict is Verdict.urgent and decision.beside is None, sure
    refused = replace(flagged, candidates=[intent("out-of-scope"), entry("disaster-emergency")])
    assert POLICY.decide(refused).beside is None  # only an entry is answered beside


def test_an_urgent_message_never_gets_a_menu_or_a_suggestion() -> None:
    match = Match([entry("harassment-consultation"), intent("urgent")], 0.3, urgency=0.9)
    decision = POLICY.decide(match)
    assert decision.verdict is Verdict.urgent and not decision.choices


def test_out_of_scope_is_refused_over_a_confident_entry() -> None:
    match = Match([entry("minimum-wage-payslip")], confidence=0.95, outside=0.6)
    assert POLICY.decide(match) == POLICY.decide(Match([intent("out-of-scope")], 0.9))
    assert POLICY.decide(match).target == "out-of-scope"


def test_a_business_asking_for_a_grant_is_not_refused_by_the_scope_model_alone() -> None:
    # "định mua máy CNC mới, Tokyo có hỗ trợ một phần không": the model learnt "buying" from cars
    asked = Match([entry("equipment-investment-subsidy")], confidence=0.95, outside=0.6, ours=True)
    assert POLICY.decide(asked).verdict is Verdict.answer
    assert POLICY.decide(asked).target == "equipment-investment-subsidy"
    # the out-of-scope intent ranking first, or a rule, still refuses it
    first = Match([intent("out-of-scope"), entry("subsidy-overview")], 0.9, ours=True)
    assert POLICY.decide(first).target == "out-of-scope"
    ruled = replace(asked, beyond=True)
    assert POLICY.decide(ruled).target == "out-of-scope"


def test_out_of_scope_never_becomes_a_did_you_mean() -> None:
    match = Match([intent("out-of-scope"), entry("subsidy-overview")], confidence=0.3)
    assert POLICY.decide(match).verdict is Verdict.intent


def test_scope_does_not_override_a_request_for_a_person() -> None:
    match = Match([intent("human")], confidence=0.9, outside=0.7)
    assert POLICY.decide(match).target == "human"


def test_a_rule_of_the_out_of_scope_intent_refuses_over_an_entry() -> None:
    # "my mum wants to come sightseeing, which visa?": the visa entry ranks first, sure of it
    ruled = Match([entry("foreign-worker-visa-status")], confidence=0.95, beyond=True)
    assert POLICY.decide(ruled) == POLICY.decide(Match([intent("out-of-scope")], 0.9))
    unsure = replace(
        ruled, candidates=[entry("foreign-worker-visa-status"), entry("x")], confidence=0.3
    )
    assert POLICY.decide(unsure).target == "out-of-scope"  # not a "did you mean" either


def test_a_rule_is_not_an_emergency_by_the_models_only_by_an_alarm() -> None:
    # "will it rain in Saitama tomorrow?" can score urgent on its words; a rule's message is
    # escalated only by an alarm (the matcher never marks a message with an alarm as beyond)
    forecast = Match([entry("disaster-emergency")], 0.9, urgency=0.9, sense=0.9, beyond=True)
    assert not POLICY.surely_urgent(forecast)
    assert POLICY.decide(forecast).target == "out-of-scope"
    first = replace(forecast, candidates=[intent("urgent", 0.7), entry("disaster-emergency")])
    decision = POLICY.decide(first)
    assert decision.target == "out-of-scope" and decision.safety  # the numbers one tap away
    assert POLICY.decide(replace(forecast, alarm=True)).verdict is Verdict.urgent


def test_a_rule_does_not_override_a_request_for_a_person() -> None:
    person = Match([intent("human")], confidence=0.9, beyond=True)
    assert POLICY.decide(person).target == "human"


# -- the second opinion by meaning (Match.sense, bot/nlu/meaning.py) ------------------------------

SECOND = replace(POLICY, urgent_low=0.2, w_sense=0.6, urgent_mixed_at=0.3)


def test_just_under_the_threshold_an_emergency_by_meaning_escalates() -> None:
    match = Match([entry("workers-comp-injury")], 0.7, urgency=0.3, sense=0.9)
    assert mixed(0.3, 0.9, 0.6) >= 0.3 and SECOND.decide(match).verdict is Verdict.urgent
    # calm by meaning: the answer stands
    assert SECOND.decide(replace(match, sense=0.05)).verdict is Verdict.answer


def test_an_unsure_match_under_the_band_escalates_when_meaning_reads_an_emergency() -> None:
    # The matcher asked meaning for the order of an unsure "did you mean"; its urgency came
    # along (a flooded basement and a coworker who cannot climb the stairs: no example's words)
    unsure = Match([entry("disaster-emergency")], 0.3, urgency=0.01, sense=0.995)
    assert mixed(0.01, 0.995, 0.6) >= 0.3 and SECOND.decide(unsure).verdict is Verdict.urgent
    # calm by meaning, or not asked: the suggestion stands
    assert SECOND.decide(replace(unsure, sense=0.2)).verdict is Verdict.did_you_mean
    assert SECOND.decide(replace(unsure, sense=None)).verdict is Verdict.did_you_mean


def test_weak_urgency_that_reads_calm_by_meaning_is_not_escalated() -> None:
    calm = Match([entry("workers-comp-injury")], 0.7, urgency=0.45, sense=0.02)
    assert SECOND.decide(calm).verdict is Verdict.answer
    assert SECOND.decide(replace(calm, sense=0.5)).verdict is Verdict.urgent
    # no second opinion (the model is not installed, or failed): the threshold alone decides
    assert SECOND.decide(replace(calm, sense=None)).verdict is Verdict.urgent
    assert SECOND.decide(replace(calm, urgency=0.3, sense=None)).verdict is Verdict.answer


def test_meaning_never_overrides_strong_evidence() -> None:
    far = Match([intent("urgent"), entry("workers-comp-injury")], 0.7, urgency=0.45, sense=0.0)
    assert SECOND.decide(far).verdict is Verdict.urgent  # the urgent intent ranks first
    sure = Match([entry("workers-comp-injury")], 0.7, urgency=0.55, sense=0.0)
    assert SECOND.decide(sure).verdict is Verdict.urgent  # even urgency
    keyword = Candidate("urgent", "intent", 0.3, 0.0, 0.0, 0.8, 0.1)
    hit = Match([entry("workers-comp-injury"), keyword], 0.7, urgency=0.45, sense=0.0)
    assert SECOND.decide(hit).verdict is Verdict.urgent  # an urgent keyword


def test_a_single_word_is_not_confirmed_by_meaning() -> None:
    word = Match([intent("help")], 0.6, urgency=0.3, one_word=True, sense=0.99)
    assert SECOND.decide(word).verdict is Verdict.intent


def test_the_mix_weighs_the_two_urgencies_on_the_log_odds_scale() -> None:
    assert mixed(0.2, 0.2, 0.6) == pytest.approx(0.2)
    assert mixed(0.1, 0.9, 0.5) == pytest.approx(0.5)
    assert mixed(0.1, 0.9, 0.0) == pytest.approx(0.1) and mixed(0.1, 0.9, 1.0) == pytest.approx(0.9)
    assert mixed(0.0, 1.0, 0.5) == pytest.approx(0.5)  # the ends are clipped, never infinite


# -- the safety line: what the urgency decision misses is one tap from help -----------------------


def test_an_answer_with_urgent_close_behind_carries_the_safety_line() -> None:
    match = Match([entry("health-checkup-safety"), intent("urgent", 0.7)], 0.9, urgency=0.1)
    decision = POLICY.decide(match)
    assert decision.verdict is Verdict.answer and decision.safety


def test_a_suggestion_or_a_refusal_with_urgent_close_behind_carries_it_too() -> None:
    unsure = Match([entry("harassment-consultation"), intent("urgent", 0.7)], 0.3)
    assert POLICY.decide(unsure).verdict is Verdict.did_you_mean and POLICY.decide(unsure).safety
    refused = Match([intent("out-of-scope"), intent("urgent", 0.7)], 0.9)
    assert POLICY.decide(refused).target == "out-of-scope" and POLICY.decide(refused).safety


def test_urgent_far_down_or_absent_adds_nothing() -> None:
    far = Match(
        [entry("annual-paid-leave"), entry("minimum-wage-payslip"), intent("urgent", 0.3)], 0.9
    )
    assert not POLICY.decide(far).safety
    assert not POLICY.decide(Match([entry("annual-paid-leave")], 0.9)).safety


def test_urgent_or_small_talk_never_carries_the_line() -> None:
    urgent = Match([entry("health-checkup-safety"), intent("urgent")], 0.9, urgency=0.9)
    assert POLICY.decide(urgent).verdict is Verdict.urgent and not POLICY.decide(urgent).safety
    thanks = Match([intent("thanks"), intent("urgent", 0.7)], 0.9)
    assert POLICY.decide(thanks).target == "thanks" and not POLICY.decide(thanks).safety


def test_a_hypothetical_question_is_not_escalated_by_the_models() -> None:
    # "if I cut my hand at work, who pays the hospital?": the urgent intent is not among its
    # candidates, and neither an urgency at even nor meaning's makes it an emergency
    asks = Match([entry("health-checkup-safety")], 0.9, urgency=0.7, hypothetical=True)
    assert not POLICY.surely_urgent(asks)
    decision = POLICY.decide(replace(asks, sense=0.9))
    assert decision.verdict is Verdict.answer and decision.target == "health-checkup-safety"


def test_a_hypothetical_in_an_emergencys_words_keeps_the_numbers_one_tap_away() -> None:
    policy = replace(POLICY, urgent_low=0.04)
    borrowed = Match([entry("health-checkup-safety")], 0.9, urgency=0.2, hypothetical=True)
    assert policy.decide(borrowed).safety
    calm = replace(borrowed, candidates=[entry("foreign-worker-visa-status")], urgency=0.01)
    assert not policy.decide(calm).safety


def test_an_alarm_escalates_a_hypothetical_too() -> None:
    # the matcher never marks a message with an alarm hypothetical; the policy holds it anyway
    both = Match([entry("health-checkup-safety")], 0.9, alarm=True, hypothetical=True)
    assert POLICY.decide(both).verdict is Verdict.urgent
