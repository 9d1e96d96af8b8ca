"""Phrase tables as Korean is typed: a table writes the stem, people type the stem and its ending."""

from __future__ import annotations

from bot.nlu.phrases import holds, table, terms


def test_a_hangul_stem_at_a_phrases_end_meets_the_ending_typed_after_it() -> None:
    stems = table({"ko": ["월급 못 받", "신고하지 말", "2층"]})
    assert holds(terms("석 달째 월급 못 받았어요"), stems)
    assert holds(terms("팀장이 절대 신고하지 말래요"), stems)
    assert holds(terms("불이 났는데 동료가 2층에 있어요"), stems)
    # spaced as the table writes it, it still meets
    assert holds(terms("월급 못 받"), stems)


def test_only_the_last_term_is_a_stem_and_a_lone_syllable_is_no_phrase() -> None:
    # the other terms stay whole: "못한" is not "못"
    assert not holds(terms("그건 못한 채로 받았어요"), table({"ko": ["못 받"]}))
    # a one-term phrase would be that syllable at the start of any word
    assert not holds(terms("방재 앱을 깔았어요"), table({"ko": ["앱"]}))
    # the stem rule is Korean's: other scripts' last words stay whole
    assert not holds(terms("does he hit many people"), table({"en": ["hit m"]}))
    assert not holds(terms("月給がない"), table({"ja": ["月 給"]}))
