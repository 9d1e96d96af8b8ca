"""Dated facts: the value in force on the day, since when, the next one once announced, and
never a figure posing as current once nobody has re-read its page by the review date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.content.check import check_content, stale_list
from bot.content.loader import ContentError, default_content_dir, load_content
from bot.core.replies import Replies
from bot.i18n import Catalogs, load_catalogs
from tests.content.test_loader import write

ENTRY = """\
id: wage-sample
category: foreign-employee
audience: employee
title: {ja: 最低賃金, en: Minimum wage, vi: Lương tối thiểu}
answer:
  ja: 東京都の最低賃金は{fact:wage}です。
  en: "Tokyo's minimum wage is {fact:wage}."
  vi: Lương tối thiểu ở Tokyo là {fact:wage}.
questions: {en: [what is the minimum wage]}
sources:
  - {title: 東京労働局, url: "https://jsite.mhlw.go.jp/tokyo-roudoukyoku/", as_of: 2026-11-01}
"""

FACTS = """\
wage:
  what: 東京都最低賃金（時間額）
  kind: yen-per-hour
  review_by: 2026-10-01
  periods:
    - value: 1163
      valid_from: 2024-10-01
      valid_until: 2025-10-02
      source: {title: 東京労働局, url: "https://jsite.mhlw.go.jp/tokyo-roudoukyoku/", as_of: 2024-10-01}
    - value: 1226
      valid_from: 2025-10-03
      source: {title: 東京労働局, url: "https://jsite.mhlw.go.jp/tokyo-roudoukyoku/", as_of: 2025-10-03}
"""


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return load_catalogs(default_content_dir() / "locales")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    write(tmp_path, "knowledge/foreign-employee/wage-sample.yaml", ENTRY)
    write(tmp_path, "knowledge/facts.yaml", FACTS)
    (tmp_path / "intents").mkdir()
    return tmp_path


def seen(root: Path, catalogs: Catalogs, lang: str, day: dt.date) -> str:
    content = load_content(root)
    entry = content.entries["wage-sample"]
    return Replies(content, lambda: day).answer(catalogs(lang), entry, 1.0).text


def test_the_day_before_a_revision_states_the_old_rate_and_announces_the_new(
    root: Path, catalogs: Catalogs
) -> None:
    day = dt.date(2025, 10, 2)
    assert "1,163円" in seen(root, catalogs, "ja", day)
    assert "2024年10月1日から" in seen(root, catalogs, "ja", day)
    assert "2025年10月3日から時給1,226円" in seen(root, catalogs, "ja", day)
    english = seen(root, catalogs, "en", day)
    assert (
        "1,163 yen an hour (since October 1, 2024; 1,226 yen an hour from October 3, 2025)"
        in english
    )
    assert "1.163 yên/giờ" in seen(root, catalogs, "vi", day)


def test_on_the_day_of_a_revision_the_new_rate_is_in_force(root: Path, catalogs: Catalogs) -> None:
    day = dt.date(2025, 10, 3)
    japanese = seen(root, catalogs, "ja", day)
    assert "時給1,226円（2025年10月3日から）" in japanese
    assert "1,163" not in japanese
    assert "1,226 yen an hour (since October 3, 2025)" in seen(root, catalogs, "en", day)
    vietnamese = seen(root, catalogs, "vi", day)
    assert "1.226 yên/giờ" in vietnamese and "1.163" not in vietnamese


def test_past_its_review_date_a_rate_shows_its_period_not_a_present(
    root: Path, catalogs: Catalogs
) -> None:
    day = dt.date(2026, 10, 2)
    english = seen(root, catalogs, "en", day)
    assert "1,226 yen an hour (the figure since October 3, 2025, last confirmed on" in english
    assert "check the current figure on the official page" in english
    assert "(since" not in english
    assert "確認" in seen(root, catalogs, "ja", day)


def test_kb_check_fails_once_a_fact_is_past_its_review_date(root: Path) -> None:
    content = load_content(root)
    on_time = check_content(content, catalogue=["wage-sample"], today=dt.date(2026, 10, 1))
    assert not [e for e in on_time.errors if "facts.yaml" in e]
    late = check_content(content, catalogue=["wage-sample"], today=dt.date(2026, 10, 2))
    (error,) = [e for e in late.errors if "facts.yaml" in e]
    assert "wage: past its review date 2026-10-01" in error


def test_kb_stale_lists_the_fact_first(root: Path) -> None:
    rows = stale_list(load_content(root))
    assert [(r.due, r.what, r.where) for r in rows][:1] == [(dt.date(2026, 10, 1), "fact", "wage")]


def test_an_answer_naming_an_unknown_fact_does_not_load(root: Path) -> None:
    write(root, "knowledge/facts.yaml", FACTS.replace("wage:", "wages:", 1))
    with pytest.raises(ContentError) as caught:
        load_content(root)
    assert any("{fact:wage} is not in knowledge/facts.yaml" in p for p in caught.value.problems)


def test_overlapping_periods_do_not_load(root: Path) -> None:
    write(root, "knowledge/facts.yaml", FACTS.replace("2025-10-02", "2025-10-03"))
    with pytest.raises(ContentError) as caught:
        load_content(root)
    assert any("must end before 2025-10-03" in p for p in caught.value.problems)


def test_a_translation_missing_a_key_points_figure_fails_kb_check(root: Path) -> None:
    planted = (
        ENTRY.replace(
            "questions:",
            "key_points:\n  - point: 14日以内に届け出る\n    figures: ['14']\nquestions:",
        )
        .replace(
            "ja: 東京都の最低賃金は{fact:wage}です。",
            "ja: 東京都の最低賃金は{fact:wage}です。転居は14日以内に届け出ます。",
        )
        .replace(
            'en: "Tokyo\'s minimum wage is {fact:wage}."',
            'en: "{fact:wage}. Report a move within 14 days."',
        )
    )
    write(root, "knowledge/foreign-employee/wage-sample.yaml", planted)
    report = check_content(load_content(root), catalogue=["wage-sample"], today=dt.date(2026, 1, 1))
    misses = [e for e in report.errors if "misses" in e]
    assert len(misses) == 1
    assert "answer.vi: misses 14 of the key point '14日以内に届け出る'" in misses[0]


def test_a_waiver_lets_an_overdue_fact_through_as_a_warning_until_it_ends(root: Path) -> None:
    waived = FACTS.replace(
        "  periods:",
        "  waiver: {until: 2026-11-30, reason: the new rate is not on the official page yet}\n"
        "  periods:",
    )
    write(root, "knowledge/facts.yaml", waived)
    content = load_content(root)
    during = check_content(content, catalogue=["wage-sample"], today=dt.date(2026, 11, 30))
    assert not [e for e in during.errors if "facts.yaml" in e]
    assert any("waived until 2026-11-30" in w for w in during.warnings)
    after = check_content(content, catalogue=["wage-sample"], today=dt.date(2026, 12, 1))
    assert [e for e in after.errors if "wage: past its review date" in e]


def test_the_real_minimum_wage_before_and_on_its_2025_revision(catalogs: Catalogs) -> None:
    """The shipped catalogue, in three languages, the day before and the day of 3 Oct 2025."""
    content = load_content(default_content_dir())
    entry = content.entries["minimum-wage-payslip"]

    def text(lang: str, day: dt.date) -> str:
        return Replies(content, lambda: day).answer(catalogs(lang), entry, 1.0).text

    before, on = dt.date(2025, 10, 2), dt.date(2025, 10, 3)
    assert "時給1,163円（2024年10月1日から。2025年10月3日から時給1,226円）" in text("ja", before)
    assert "時給1,226円（2025年10月3日から）" in text("ja", on)
    assert "1.163 yên/giờ (từ 1 tháng 10, 2024; từ 3 tháng 10, 2025 là 1.226 yên/giờ)" in text(
        "vi", before
    )
    assert "1.226 yên/giờ (từ 3 tháng 10, 2025)" in text("vi", on)
    assert "प्रतिघण्टा 1,163 येन" in text("ne", before)
    assert "प्रतिघण्टा 1,226 येन" in text("ne", on) and "1,163" not in text("ne", on)
