"""Reads knowledge/ and intents/ into validated models, or fails with readable lines.

Content is loaded once at startup by whoever builds the app; nothing here runs at import.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.content.models import CATEGORIES, Audience, Entry, Fact, Flow, HelpLine, Intent
from bot.languages import ALL_CODES, fallbacks

__all__ = ["FACT_REF", "Content", "ContentError", "default_content_dir", "load_content"]

FACT_REF = re.compile(r"\{fact:([a-z0-9-]+)\}")  # how an answer names a dated fact

try:  # the C loader is ~10x faster; fall back where libyaml is missing
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


class ContentError(Exception):
    """Broken content: each problem is one line naming the file and the field."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Content:
    entries: dict[str, Entry]
    intents: dict[str, Intent]
    categories: dict[str, dict[str, str]]
    root: Path
    digest: str = field(default="")  # of what matching reads (facts are not part of it)
    facts: dict[str, Fact] = field(default_factory=dict)
    flows: dict[str, Flow] = field(default_factory=dict)
    phrases: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # flows' shared words
    helplines: dict[str, HelpLine] = field(default_factory=dict)
    # an audience -> language -> the phrases askers of that side say it in (`bot/nlu/voices.py`)
    voices: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def category_title(self, category: str, lang: str) -> str:
        titles = self.categories.get(category, {})
        for code in fallbacks(lang):
            if titles.get(code):
                return titles[code]
        return category

    def in_category(self, category: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.category == category]


def default_content_dir() -> Path:
    """Content shipped inside the wheel, else the checkout's top folder (editable installs)."""
    package = Path(__file__).resolve().parent.parent
    shipped = package / "_data"
    if (shipped / "knowledge").is_dir():
        return shipped
    return package.parent


def _describe(error: ValidationError) -> list[str]:
    lines = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem["loc"]) or "(top)"
        lines.append(f"{where}: {problem['msg']}")
    return lines


def _read_yaml(path: Path, root: Path, problems: list[str]) -> object | None:
    rel = path.relative_to(root).as_posix()
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.append(f"{rel}:{where}: not valid YAML: {reason}")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{rel}: cannot be read: {exc}")
    return None


def load_content(root: Path | None = None) -> Content:
    """Load and validate all content under `root` (with knowledge/ and intents/ inside)."""
    root = Path(root) if root else default_content_dir()
    problems: list[str] = []
    digest = hashlib.sha256()
    entries: dict[str, Entry] = {}
    intents: dict[str, Intent] = {}

    knowledge = root / "knowledge"
    if not knowledge.is_dir():
        raise ContentError([f"{knowledge}: no knowledge folder here"])
    for path in sorted(knowledge.glob("*/*.yaml")):
        if path.parent.name == "flows":
            continue
        rel = path.relative_to(root).as_posix()
        data = _read_yaml(path, root, problems)
        if data is None:
            continue
        digest.update(rel.encode() + path.read_bytes())
        if not isinstance(data, dict):
            problems.append(f"{rel}: expected a mapping of fields at the top")
            continue
        try:
            entry = Entry.model_validate(data)
        except ValidationError as exc:
            problems.extend(f"{rel}: {line}" for line in _describe(exc))
            continue
        if entry.id != path.stem:
            problems.append(f"{rel}: id: {entry.id!r} differs from the file name {path.stem!r}")
        elif entry.category != path.parent.name:
            problems.append(
                f"{rel}: category: {entry.category!r} but the file is in {path.parent.name}/"
            )
        elif entry.id in entries:
            problems.append(f"{rel}: id: {entry.id!r} is used twice")
        else:
            entries[entry.id] = entry

    for entry in entries.values():
        for other in entry.related:
            if other not in entries:
                problems.append(
                    f"knowledge/{entry.category}/{entry.id}.yaml: related: unknown id {other!r}"
                )
        for key, marked in (("marks", entry.marks), ("marks_together", entry.marks_together)):
            if marked and not any(
                entry.id in o.related or o.id in entry.related for o in entries.values()
            ):
                problems.append(
                    f"knowledge/{entry.category}/{entry.id}.yaml: {key}: settle a tie with a"
                    " related entry only, and this entry has none"
                )
        if entry.marks_unless and not (entry.marks or entry.marks_together):
            problems.append(
                f"knowledge/{entry.category}/{entry.id}.yaml: marks_unless: keeps the entry's"
                " marks from holding, and this entry has none"
            )

    for path in sorted((root / "intents").glob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        data = _read_yaml(path, root, problems)
        if data is None:
            continue
        digest.update(rel.encode() + path.read_bytes())
        try:
            intent = Intent.model_validate(data)
        except ValidationError as exc:
            problems.extend(f"{rel}: {line}" for line in _describe(exc))
            continue
        if intent.abroad is not None and intent.id != "out-of-scope":
            problems.append(f"{rel}: abroad: only the out-of-scope intent lists places abroad")
        intents[intent.id] = intent

    categories: dict[str, dict[str, str]] = {}
    cat_path = knowledge / "categories.yaml"
    if cat_path.exists():
        data = _read_yaml(cat_path, root, problems)
        digest.update(cat_path.read_bytes())
        if isinstance(data, dict):
            for key, titles in data.items():
                if key not in CATEGORIES:
                    problems.append(f"knowledge/categories.yaml: {key}: unknown category")
                elif not isinstance(titles, dict) or set(titles) - set(ALL_CODES):
                    problems.append(
                        f"knowledge/categories.yaml: {key}: expected titles by language"
                    )
                else:
                    categories[key] = {k: str(v) for k, v in titles.items()}
        elif data is not None:
            problems.append("knowledge/categories.yaml: expected a mapping of categories")

    voices = _load_voices(knowledge / "voices.yaml", root, problems)
    if voices:
        digest.update((knowledge / "voices.yaml").read_bytes())

    facts = _load_keyed(knowledge / "facts.yaml", root, problems, Fact)
    for entry in entries.values():
        for code, text in entry.answer.items():
            for name in FACT_REF.findall(text):
                if name not in facts:
                    problems.append(
                        f"knowledge/{entry.category}/{entry.id}.yaml: answer.{code}: "
                        f"{{fact:{name}}} is not in knowledge/facts.yaml"
                    )

    flows, phrases = _load_flows(knowledge / "flows", root, problems)
    helplines = _load_keyed(knowledge / "helplines.yaml", root, problems, HelpLine)
    for flow in flows.values():
        if flow.entry is not None and flow.entry not in entries:
            problems.append(f"knowledge/flows/{flow.id}.yaml: entry: unknown id {flow.entry!r}")

    if problems:
        raise ContentError(problems)
    if not entries:
        raise ContentError([f"{knowledge}: no knowledge entries found"])
    return Content(
        entries,
        intents,
        categories,
        root,
        digest.hexdigest()[:16],
        facts,
        flows,
        phrases,
        helplines,
        voices,
    )


def _load_voices(path: Path, root: Path, problems: list[str]) -> dict[str, dict[str, list[str]]]:
    """`knowledge/voices.yaml`: for an audience, the phrases by language in which an asker says
    they speak from that side (optional)."""
    if not path.exists():
        return {}
    data = _read_yaml(path, root, problems)
    if data is None:
        return {}
    rel = path.relative_to(root).as_posix()
    if not isinstance(data, dict):
        problems.append(f"{rel}: expected a mapping of audiences")
        return {}
    out: dict[str, dict[str, list[str]]] = {}
    sides = {a.value for a in Audience if a is not Audience.both}
    for side, by_lang in data.items():
        if side not in sides:
            problems.append(
                f"{rel}: {side}: not an audience of one side ({', '.join(sorted(sides))})"
            )
        elif not isinstance(by_lang, dict) or set(by_lang) - set(ALL_CODES):
            problems.append(f"{rel}: {side}: expected phrases by language")
        elif not all(
            isinstance(words, list) and all(isinstance(w, str) and w.strip() for w in words)
            for words in by_lang.values()
        ):
            problems.append(f"{rel}: {side}: every language needs a list of phrases")
        else:
            out[side] = {lang: list(words) for lang, words in by_lang.items()}
    return out


def _load_flows(
    folder: Path, root: Path, problems: list[str]
) -> tuple[dict[str, Flow], dict[str, dict[str, list[str]]]]:
    """knowledge/flows/*.yaml, one self-check each; `_phrases.yaml` holds the words every
    check understands ("I don't know", per language)."""
    flows: dict[str, Flow] = {}
    phrases: dict[str, dict[str, list[str]]] = {}
    if not folder.is_dir():
        return dict(sorted(flows.items(), key=lambda item: (item[1].order, item[0]))), phrases
    for path in sorted(folder.glob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        data = _read_yaml(path, root, problems)
        if data is None:
            continue
        if path.stem == "_phrases":
            if isinstance(data, dict) and all(isinstance(v, dict) for v in data.values()):
                phrases = {
                    str(k): {c: [str(w) for w in ws] for c, ws in v.items()}
                    for k, v in data.items()
                }
            else:
                problems.append(f"{rel}: expected phrase kinds, each with words by language")
            continue
        try:
            flow = Flow.model_validate(data)
        except ValidationError as exc:
            problems.extend(f"{rel}: {line}" for line in _describe(exc))
            continue
        if flow.id != path.stem:
            problems.append(f"{rel}: id: {flow.id!r} differs from the file name {path.stem!r}")
        else:
            flows[flow.id] = flow
    return dict(sorted(flows.items(), key=lambda item: (item[1].order, item[0]))), phrases


M = TypeVar("M", bound=BaseModel)


def _load_keyed(path: Path, root: Path, problems: list[str], model: type[M]) -> dict[str, M]:
    """An optional file of id -> fields (knowledge/facts.yaml, knowledge/helplines.yaml), each
    validated by `model`; every problem is one line naming the file and the id."""
    if not path.exists():
        return {}
    rel = path.relative_to(root).as_posix()
    data = _read_yaml(path, root, problems)
    if not isinstance(data, dict):
        if data is not None:
            problems.append(f"{rel}: expected a mapping of ids to their fields")
        return {}
    found: dict[str, M] = {}
    for key, value in data.items():
        try:
            found[str(key)] = model.model_validate({"id": key, **(value or {})})
        except ValidationError as exc:
            problems.extend(f"{rel}: {key}: {line}" for line in _describe(exc))
        except TypeError:
            problems.append(f"{rel}: {key}: expected its fields")
    return found
