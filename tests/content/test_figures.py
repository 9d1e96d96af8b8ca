"""A key point's figures are found however a language writes them, and missed when absent."""

from __future__ import annotations

import pytest

from bot.content.figures import missing_figures


@pytest.mark.parametrize(
    ("lang", "text", "figures"),
    [
        ("ja", "月額8.8万円以上、週20時間以上、従業員51人以上の会社", ["88000", "20", "51"]),
        ("ja", "時給１，２２６円", ["1226"]),  # full-width digits and comma
        ("pt", "Desde 3 de outubro de 2025 é ¥1.226 por hora", ["1226", "2025-10-03"]),
        ("id", "upah Rp 3,5 juta", ["3500000"]),
        ("ne", "प्रतिघण्टा १,२२६ येन, ८८ हजार येन", ["1226", "88000"]),
        ("ne", "५ लाख र २ करोड", ["500000", "20000000"]),
        ("vi", "3 triệu yên, từ ngày 1/4/2027", ["3000000", "2027-04-01"]),
        ("ko", "월 500만 엔", ["5000000"]),
        ("ja", "通常の労働者の4分の3以上働く人", ["3/4"]),
        ("ja-easy", "4ぶんの3 いじょう", ["3/4"]),
        ("en", "at least ¾ of the hours", ["3/4"]),
        ("id", "minimal 75% jam kerja", ["3/4"]),
        ("ja", "令和9年4月1日から育成就労が始まります", ["2027-04-01"]),
        ("en", "from 1 April 2027", ["2027-04-01"]),
        ("tl", "simula 1 Abril 2027", ["2027-04-01"]),
        ("ne", "१ अप्रिल २०२७ देखि", ["2027-04-01"]),
        ("zh", "2027年4月1日起", ["2027-04-01"]),
        ("en", "paid at 25 % extra, 50 % beyond 60 hours", ["25", "50", "60"]),
    ],
)
def test_figures_written_the_local_way_are_found(lang: str, text: str, figures: list[str]) -> None:
    assert missing_figures(figures, text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "figures", "missing"),
    [
        ("en", "Since 2025 the rules changed", ["5"], ["5"]),  # a digit inside a year is not a 5
        ("vi", "Bạn có thể xin nghỉ phép năm", ["10", "5"], ["10", "5"]),
        ("en", "from 2027, on 1 May", ["2027-04-01"], ["2027-04-01"]),
        ("pt", "a partir de 1º de abril de 2026", ["2027-04-01"], ["2027-04-01"]),
        ("ja", "4分の1以上", ["3/4"], ["3/4"]),
    ],
)
def test_a_dropped_figure_is_reported(
    lang: str, text: str, figures: list[str], missing: list[str]
) -> None:
    assert missing_figures(figures, text, lang) == missing
