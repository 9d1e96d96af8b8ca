"""Places outside Japan: a sign the learnt model weighs when a question may be about another
country's rules. Names come from CLDR (babel) in every language, plus the out-of-scope intent's
everyday forms; words that only look like a country must not count."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.loader import load_content
from bot.nlu.normalize import normalize
from bot.nlu.places import Places

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def places() -> Places:
    abroad = load_content(ROOT).intents["out-of-scope"].abroad
    assert abroad is not None
    return Places.from_cldr(abroad.add, abroad.ignore, abroad.word_after)


@pytest.mark.parametrize(
    "text",
    [
        "ウルグアイの最低賃金はいくら",  # CLDR's name, in no example
        "gaji minimum di malaysia brp ringgit",
        "Làm sao để sang Mỹ làm nail?",  # everyday form, with its accent
        "lam sao de sang han quoc lam viec",  # CLDR's name without accents
        "दक्षिण कोरियामा न्यूनतम तलब कति छ?",  # postposition glued on
        "nepal ma PF ra gratuity kasari calculate huncha",
        "한국에서 주휴수당 받을 수 있어요?",
        "巴西现在的总统是谁",
        "férias na Alemanha são de quantos dias",
        "dubai ma driver ko salary kati huncha?",
        "Qatar ra Dubai ma kaam garna visa chahinchha?",  # "ra" before it, and Qatar named
    ],
)
def test_a_place_abroad_is_seen_in_every_script(places: Places, text: str) -> None:
    assert places.mentions(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "アルバイトの有給は何日？",  # アルバ (Aruba) inside a longer katakana word
        "ネクタイは必要ですか",  # タイ (Thailand) likewise
        "韓国語で話してください",  # a language, not a place
        "한국어로 해 주세요",
        "오만원 벌금 내래요",  # 오만 (Oman) is also fifty thousand
        "मेरो नेपाली साथीलाई तलब दिएन",  # a nationality
        "bisa pakai bahasa indonesia?",
        "my boss says my visa is fine",  # folded Mỹ is "my": only with its accent
        "bị ngã ở xưởng có được bảo hiểm không",  # ngã folds to Nga (Russia)
        "luật lao động Nhật Bản về nghỉ phép",  # Japan itself
        "mali po ba ang sahod ko",  # Tagalog "wrong", not the country
        "posso faltar na reunião?",  # Réunion
        "日本の最低賃金はいくら",
        # romanised Nepali "dubai" after "ra" (and) is "both" (`word_after`): work and home both
        "kaam ra ghar dubai sambhalna company le ke garna sakchha?",
        "class ra site ma practice dubai hune program chha?",
    ],
)
def test_words_that_only_look_like_places_do_not_count(places: Places, text: str) -> None:
    assert not places.mentions(normalize(text))


def test_a_name_that_is_a_word_there_is_left_out_of_what_the_words_read(places: Places) -> None:
    """The n-gram model learnt "dubai" from questions about work in Dubai: a Nepali owner's "kaam
    ra ghar dubai" (both work and home) is read without it, a question about Dubai with it."""
    both = normalize("Staff ko kaam ra ghar ko jimma dubai milauna company le k garna sakcha?")
    assert places.plain(both) == normalize(
        "Staff ko kaam ra ghar ko jimma milauna company le k garna sakcha?"
    )
    there = normalize("Dubai ma kaam garne daju ko annual leave kati?")
    assert places.plain(there) == there
    assert places.plain(normalize("ウルグアイの最低賃金")) == normalize("ウルグアイの最低賃金")


def test_word_after_is_checked_like_every_language_field() -> None:
    abroad = load_content(ROOT).intents["out-of-scope"].abroad
    assert abroad is not None and abroad.word_after["ne"]["dubai"] == ["ra"]
    with pytest.raises(ValueError, match="language"):
        type(abroad).model_validate({"word_after": {"xx": {"dubai": ["ra"]}}})
