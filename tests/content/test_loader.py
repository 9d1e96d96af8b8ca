"""A broken file stops loading with one readable line naming the file and the field."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from bot.content.loader import ContentError, default_content_dir, load_content

GOOD = """\
id: sample-topic
category: telework
audience: employer
escalate: offer
title: {en: Sample topic, ja: サンプル}
answer: {en: "An answer that is long enough.", ja: "十分な長さの答え。"}
questions:
  en: [how does the sample work, sample question two]
  ja: [サンプルについて教えて]
keywords: {en: [sample]}
sources:
  - {title: Tokyo Metropolitan Government, url: "https://www.metro.tokyo.lg.jp/", as_of: 2026-11-01}
review: {en: reviewed, ja: machine}
"""


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    write(tmp_path, "knowledge/telework/sample-topic.yaml", GOOD)
    (tmp_path / "intents").mkdir()
    return tmp_path


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return caught.value.problems


def test_a_good_entry_loads(root: Path) -> None:
    content = load_content(root)
    entry = content.entries["sample-topic"]
    assert entry.text("answer", "vi") == ("An answer that is long enough.", "en")
    assert entry.text("title", "ja-easy") == ("サンプル", "ja")
    assert len(content.digest) == 16


def test_invalid_yaml_names_the_file_and_line(root: Path) -> None:
    write(root, "knowledge/telework/sample-topic.yaml", GOOD.replace("title: {", "title: {{"))
    (line,) = problems(root)
    assert line.startswith("knowledge/telework/sample-topic.yaml: line ")
    assert "not valid YAML" in line


def test_a_wrong_field_names_the_field(root: Path) -> None:
    write(
        root,
        "knowledge/telework/sample-topic.yaml",
        GOOD.replace("audience: employer", "audience: boss"),
    )
    (line,) = problems(root)
    assert line.startswith("knowledge/telework/sample-topic.yaml: audience: ")
    assert "\n" not in line


def test_http_sources_and_unknown_languages_are_refused(root: Path) -> None:
    text = GOOD.replace("https://www.metro", "http://www.metro").replace("ja: [サンプル", "xx: [")
    write(root, "knowledge/telework/sample-topic.yaml", text)
    found = problems(root)
    assert any("sources.0.url" in p and "https" in p for p in found)
    assert any("questions" in p and "unknown language key(s) xx" in p for p in found)


def test_id_must_match_file_and_folder(root: Path) -> None:
    write(root, "knowledge/subsidy/sample-topic.yaml", GOOD)
    shutil.move(
        root / "knowledge/telework/sample-topic.yaml", root / "knowledge/telework/other.yaml"
    )
    found = problems(root)
    assert any("differs from the file name 'other'" in p for p in found)
    assert any("but the file is in subsidy/" in p for p in found)


def test_related_ids_must_exist(root: Path) -> None:
    write(root, "knowledge/telework/sample-topic.yaml", GOOD + "related: [no-such-topic]\n")
    assert problems(root) == [
        "knowledge/telework/sample-topic.yaml: related: unknown id 'no-such-topic'"
    ]


def test_the_shipped_content_loads() -> None:
    content = load_content(default_content_dir())
    assert len(content.entries) >= 8
    assert {e.category for e in content.entries.values()} >= {
        "staffing",
        "training",
        "workstyle",
        "telework",
        "subsidy",
        "foreign-employer",
        "foreign-employee",
    }


def test_places_abroad_belong_to_the_out_of_scope_intent_only(root: Path) -> None:
    write(
        root,
        "intents/help.yaml",
        "id: help\nexamples: {en: [what can you do]}\nabroad: {add: {en: [Narnia]}}\n",
    )
    (line,) = problems(root)
    assert line == "intents/help.yaml: abroad: only the out-of-scope intent lists places abroad"


def test_voices_name_one_side_and_languages_we_speak(root: Path) -> None:
    write(root, "knowledge/voices.yaml", "both: {en: [as the owner]}\nemployer: {xx: [patron]}\n")
    assert problems(root) == [
        "knowledge/voices.yaml: both: not an audience of one side (employee, employer)",
        "knowledge/voices.yaml: employer: expected phrases by language",
    ]
    write(root, "knowledge/voices.yaml", "employer: {en: as the owner}\n")
    assert problems(root) == [
        "knowledge/voices.yaml: employer: every language needs a list of phrases"
    ]


def test_the_shipped_voices_are_the_employers() -> None:
    content = load_content(default_content_dir())
    assert set(content.voices) == {"employer"}
    assert len(content.voices["employer"]) == 9


@pytest.mark.parametrize(
    ("field", "marks", "broken", "why"),
    [
        (
            "marks",
            "marks: {en: [pledge]}\n",
            ("{en: [pledge]}", "{xx: [pledge]}"),
            "unknown language key(s) xx",
        ),
        (
            "marks_together",
            "marks_together:\n  - {en: [retirees]}\n  - {en: [housewives]}\n",
            ("  - {en: [housewives]}\n", ""),
            "needs two groups or more",
        ),
    ],
)
def test_marks_need_a_related_entry_and_a_valid_form(
    root: Path, field: str, marks: str, broken: tuple[str, str], why: str
) -> None:
    """Marks, alone or told together, settle a tie with a related entry only; a language we do
    not speak, or a single group told "together", is refused."""
    marked = GOOD.replace("keywords: {en: [sample]}\n", "keywords: {en: [sample]}\n" + marks)
    write(root, "knowledge/telework/sample-topic.yaml", marked)
    assert problems(root) == [
        f"knowledge/telework/sample-topic.yaml: {field}: settle a tie with a related entry only,"
        " and this entry has none"
    ]
    write(root, "knowledge/telework/sample-topic.yaml", marked.replace(*broken))
    (line,) = problems(root)
    assert line.startswith(f"knowledge/telework/sample-topic.yaml: {field}:")
    assert why in line


def test_what_keeps_marks_from_holding_needs_marks(root: Path) -> None:
    """`marks_unless` alone would keep nothing from holding: it is refused, and so is a language
    we do not speak."""
    unless = "keywords: {en: [sample]}\nmarks_unless: {en: [foreigners]}\n"
    alone = GOOD.replace("keywords: {en: [sample]}\n", unless)
    write(root, "knowledge/telework/sample-topic.yaml", alone)
    assert problems(root) == [
        "knowledge/telework/sample-topic.yaml: marks_unless: keeps the entry's marks from"
        " holding, and this entry has none"
    ]
    unknown = alone.replace("{en: [foreigners]}", "{xx: [foreigners]}")
    write(root, "knowledge/telework/sample-topic.yaml", unknown)
    assert [line.split(":")[1] for line in problems(root)] == [" marks_unless"]
    assert "unknown language key(s) xx" in problems(root)[0]


def test_the_benchmarks_synthetic_content_loads(tmp_path: Path) -> None:
    """`benchmarks/bench_assistant.py` measures 10,000 entries copied from the real ones; a new
    field of an entry that refers to its neighbours must be cleared there too, or the benchmark
    stops at the loader (`marks_unless`, 2026-12-08)."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_assistant.py"
    spec = importlib.util.spec_from_file_location("bench_assistant", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.make_synthetic(tmp_path, 60)
    assert len(load_content(tmp_path).entries) == 60
