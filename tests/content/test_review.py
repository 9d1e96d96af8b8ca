"""A native speaker reviews Nepali in a spreadsheet; what they fix comes back, what they break
does not."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.content.loader import default_content_dir, load_content
from bot.content.review import ReviewError, export_rows, import_rows, write_csv


@pytest.fixture
def root(tmp_path: Path) -> Path:
    for part in ("knowledge", "intents", "locales"):
        shutil.copytree(default_content_dir() / part, tmp_path / part)
    return tmp_path


def sheet(root: Path, lang: str) -> list[dict[str, str]]:
    text = write_csv(export_rows(load_content(root), lang))
    assert text.startswith("\ufeff")  # spreadsheet programs then read it as UTF-8
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def back(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def test_the_sheet_has_the_japanese_beside_the_translation_and_the_figures(root: Path) -> None:
    rows = sheet(root, "ne")
    content = load_content(root)
    assert len(rows) == 2 * len(content.entries)
    leave = next(r for r in rows if r["entry"] == "annual-paid-leave" and r["field"] == "answer")
    entry = content.entries["annual-paid-leave"]
    assert leave["japanese"] == entry.answer["ja"]
    assert leave["translation"] == entry.answer["ne"]
    assert "10" in leave["figures"].split()


def test_a_reviewed_row_comes_back_and_marks_the_language_reviewed(root: Path) -> None:
    rows = sheet(root, "ne")
    title = next(r for r in rows if r["entry"] == "annual-paid-leave" and r["field"] == "title")
    title["translation"] = "वार्षिक सशुल्क बिदा (युक्यु)"
    title["reviewed"] = "yes"
    path = root / "knowledge" / "foreign-employee" / "annual-paid-leave.yaml"
    before = path.read_text(encoding="utf-8").splitlines()

    assert import_rows(load_content(root), "ne", back(rows)) == ["annual-paid-leave"]

    entry = load_content(root).entries["annual-paid-leave"]
    assert entry.title["ne"] == "वार्षिक सशुल्क बिदा (युक्यु)"
    assert entry.review["ne"] == "reviewed"
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [line for line in after if line not in before]
    assert len(changed) == 2, changed  # the title line and the review line: nothing else moved


def test_a_translation_that_loses_a_figure_is_refused_and_nothing_changes(root: Path) -> None:
    rows = sheet(root, "ne")
    answer = next(r for r in rows if r["entry"] == "annual-paid-leave" and r["field"] == "answer")
    answer["translation"] = "तलबी बिदा सबै कामदारको अधिकार हो। कम्पनीसँग सोध्नुहोस्। " * 3
    answer["reviewed"] = "yes"
    path = root / "knowledge" / "foreign-employee" / "annual-paid-leave.yaml"
    before = path.read_text(encoding="utf-8")
    with pytest.raises(ReviewError) as refused:
        import_rows(load_content(root), "ne", back(rows))
    assert any("annual-paid-leave answer: misses 10" in line for line in refused.value.lines)
    assert path.read_text(encoding="utf-8") == before


def test_the_commands_round_trip_and_explain_a_refusal(root: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "ne.csv"
    exported = runner.invoke(
        app,
        [
            "kb",
            "review",
            "export",
            "--lang",
            "ne",
            "--out",
            str(target),
            "--content-dir",
            str(root),
        ],
    )
    assert exported.exit_code == 0, exported.output
    rows = list(
        csv.DictReader(io.StringIO(target.read_text(encoding="utf-8").removeprefix("\ufeff")))
    )
    for row in rows:
        if row["field"] == "answer" and row["entry"] == "minimum-wage-payslip":
            row["translation"] = row["translation"].replace("{fact:tokyo-minimum-wage}", "१,२२६ येन")
    target.write_text(back(rows), encoding="utf-8")
    refused = runner.invoke(
        app, ["kb", "review", "import", str(target), "--lang", "ne", "--content-dir", str(root)]
    )
    assert refused.exit_code == 1
    assert (
        "{fact:tokyo-minimum-wage}" in refused.output and "nothing was imported" in refused.output
    )
