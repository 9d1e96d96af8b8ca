"""A native speaker's review, as a spreadsheet: `kb review export` / `kb review import`.

Translators of Nepali or Tagalog rarely work in YAML. They get one row per entry and field with
the Japanese (the source of meaning), the English, the current translation and the figures it
must carry; they correct the translation and write "yes" in `reviewed`. Import writes the rows
back into the entries (comments and layout kept: ruamel.yaml's round trip) and marks the language
reviewed, but refuses the whole file when a translation lost a key point's figure: a review must
not undo what `kb check` guarantees.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from bot.content.check import key_point_misses
from bot.content.loader import FACT_REF, Content

__all__ = ["COLUMNS", "ReviewError", "Row", "export_rows", "import_rows", "write_csv"]

COLUMNS = ("entry", "field", "japanese", "english", "translation", "figures", "reviewed", "note")
FIELDS = ("title", "answer")
_YES = {"yes", "y", "x", "ok", "✓", "はい", "reviewed"}


class ReviewError(ValueError):
    """The file cannot be imported; each line names the row and what is wrong."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True, slots=True)
class Row:
    entry: str
    field: str
    japanese: str
    english: str
    translation: str
    figures: str  # the key points' figures this field must state, for the reviewer's eye
    reviewed: str = ""
    note: str = ""


def export_rows(content: Content, lang: str) -> list[Row]:
    """Every entry's title and answer in `lang`, beside the Japanese and the English."""
    rows = []
    for entry in sorted(content.entries.values(), key=lambda e: (e.category, e.id)):
        figures = " ".join(f for point in entry.key_points for f in point.figures)
        for name in FIELDS:
            values: dict[str, str] = getattr(entry, name)
            rows.append(
                Row(
                    entry.id,
                    name,
                    values.get("ja", ""),
                    values.get("en", ""),
                    values.get(lang, ""),
                    figures if name == "answer" else "",
                    "yes" if entry.review.get(lang) == "reviewed" else "",
                )
            )
    return rows


def write_csv(rows: list[Row]) -> str:
    """CSV with a byte-order mark, so spreadsheet programs open it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([getattr(row, column) for column in COLUMNS])
    return "\ufeff" + buffer.getvalue()


def _read(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    missing = {"entry", "field", "translation", "reviewed"} - set(reader.fieldnames or ())
    if missing:
        raise ReviewError([f"header: missing column(s) {', '.join(sorted(missing))}"])
    return list(reader)


def import_rows(content: Content, lang: str, text: str) -> list[str]:
    """Apply a reviewed spreadsheet: translations written back, reviewed languages marked.

    Returns the entries changed. Raises ReviewError, changing nothing, on an unknown entry or
    field, an empty translation, or a translation missing a key point's figure.
    """
    problems: list[str] = []
    changes: dict[str, dict[str, str]] = {}
    reviewed: set[str] = set()
    for number, row in enumerate(_read(text), start=2):
        where = f"row {number}"
        entry = content.entries.get((row.get("entry") or "").strip())
        name = (row.get("field") or "").strip()
        if entry is None or name not in FIELDS:
            problems.append(f"{where}: unknown entry or field {row.get('entry')!r}/{name!r}")
            continue
        translation = (row.get("translation") or "").strip()
        if not translation:
            problems.append(f"{where}: {entry.id} {name}: the translation is empty")
            continue
        if name == "answer":
            for miss in key_point_misses(entry, lang, translation):
                problems.append(f"{where}: {entry.id} answer: {miss}")
            kept = set(FACT_REF.findall(entry.answer.get("ja", "")))
            if kept - set(FACT_REF.findall(translation)):
                problems.append(
                    f"{where}: {entry.id} answer: keep the placeholder(s) "
                    + ", ".join(f"{{fact:{k}}}" for k in sorted(kept))
                )
        if translation != getattr(entry, name).get(lang, "").strip():
            changes.setdefault(entry.id, {})[name] = translation
        if (row.get("reviewed") or "").strip().casefold() in _YES:
            reviewed.add(entry.id)
    if problems:
        raise ReviewError(problems)
    touched = sorted(set(changes) | reviewed)
    for entry_id in touched:
        entry = content.entries[entry_id]
        path = content.root / "knowledge" / entry.category / f"{entry.id}.yaml"
        _write(path, lang, changes.get(entry_id, {}), mark=entry_id in reviewed)
    return touched


def _write(path: Path, lang: str, fields: dict[str, str], *, mark: bool) -> None:
    """Round-trip the entry's YAML: only the changed values move, comments stay."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout of knowledge/: a dump changes nothing
    data = yaml.load(path.read_text(encoding="utf-8"))
    for name, value in fields.items():
        data[name][lang] = LiteralScalarString(value + "\n") if name == "answer" else value
    if mark:
        if "review" not in data or data["review"] is None:
            data["review"] = {}
        data["review"][lang] = "reviewed"
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")
