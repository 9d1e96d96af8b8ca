from __future__ import annotations

from bot.nlu.normalize import fold, normalize, tokens


def test_width_case_and_punctuation_are_folded() -> None:
    assert normalize("ＡＢＣ　ｱｲｳ！！ Hello,World?") == "abc アイウ hello world"


def test_vietnamese_with_and_without_diacritics_meet() -> None:
    assert tokens(normalize("Nghỉ phép")) == tokens(normalize("nghi phep"))
    assert fold("đi làm") == "di lam"


def test_control_characters_become_spaces() -> None:
    assert normalize("a\x00b\u200bc\td") == "a b c d"


def test_cjk_and_hangul_become_bigrams() -> None:
    assert tokens("有給休暇") == ["有給", "給休", "休暇"]
    assert tokens("휴가") == ["휴가"]


def test_nepali_keeps_vowel_signs_inside_words() -> None:
    assert normalize("तलब दिएन।") == "तलब दिएन"
