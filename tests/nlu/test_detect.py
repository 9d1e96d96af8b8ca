"""Language detection: script first, then the statistical model; unsure text keeps the user's."""

from __future__ import annotations

import pytest

from bot.core.factory import Engine
from bot.nlu.detect import Detector


@pytest.fixture(scope="module")
def detector(engine: Engine) -> Detector:
    return engine.detector


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("有給休暇は何日もらえますか", "ja"),
        ("연차 휴가는 며칠인가요?", "ko"),
        ("मेरो कम्पनीले तलब दिएन", "ne"),
        ("我的工资没有发", "zh"),
        ("Tôi được nghỉ phép bao nhiêu ngày", "vi"),
        ("cong ty khong tra luong cho toi", "vi"),
        ("nghi phep nam duoc may ngay vay", "vi"),
        ("gaji saya belum dibayar perusahaan", "id"),
        ("magkano ang minimum wage sa tokyo po", "tl"),
        ("quantos dias de férias eu tenho direito", "pt"),
        ("how many days of paid leave do I get", "en"),
        ("malai kati din ko bida chha", "ne"),
    ],
)
def test_clear_messages(detector: Detector, text: str, lang: str) -> None:
    result = detector.detect(text, current="en")
    assert result.lang == lang, result


@pytest.mark.parametrize("text", ["ok", "👍", "123", "hi", "salamat po", "!!!"])
def test_short_or_letterless_text_is_not_sure(detector: Detector, text: str) -> None:
    assert detector.detect(text, current="vi").confidence < Detector.SURE


def test_han_only_text_keeps_a_chinese_or_japanese_user(detector: Detector) -> None:
    assert detector.detect("有給", current="zh").lang == "zh"
    assert detector.detect("有給", current="ja").lang == "ja"
    assert detector.detect("有給休暇", current="en").lang == "ja"


def test_simplified_han_is_chinese_even_for_a_japanese_user(detector: Detector) -> None:
    assert detector.detect("怎么申请补贴", current="ja").lang == "zh"
