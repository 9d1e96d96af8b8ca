"""The layout is the architecture: imports point one way (DESIGN.md).

{channels, web} -> core -> {nlu, handoff, outreach} -> {content, store}; i18n, settings and
languages are leaves anyone may use; nothing imports channels or web but the CLI; core never
imports telegram.
"""

from __future__ import annotations

import ast
from pathlib import Path

import bot

PACKAGE = Path(bot.__file__).parent
LAYER = {
    "channels": 4,
    "web": 4,  # the web desk, a sibling of the channels (DESIGN.md)
    "core": 3,
    "nlu": 2,
    "handoff": 2,
    "outreach": 2,
    "content": 1,
    "store": 1,
    "rules": 1,
}
LEAVES = {"i18n", "settings", "languages", "actions", "inputs"}


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules() -> list[tuple[str, Path]]:
    return [
        (p.relative_to(PACKAGE).parts[0].removesuffix(".py"), p)
        for p in PACKAGE.rglob("*.py")
        if "migrations" not in p.parts
    ]


def test_imports_point_one_way() -> None:
    wrong = []
    for part, path in modules():
        for name in imports(path):
            if not name.startswith("bot."):
                continue
            target = name.split(".")[1]
            if part in ("cli", "__main__") or target in LEAVES or target == part:
                continue
            if part in LEAVES:
                wrong.append(f"{path.name}: leaf module imports {name}")
            elif target == "cli" or LAYER.get(target, 0) >= LAYER.get(part, 0):
                wrong.append(f"{part}/{path.name} imports {name}")
    assert not wrong, wrong


def test_core_and_below_never_import_telegram() -> None:
    for part, path in modules():
        if part in ("core", "nlu", "handoff", "outreach", "content", "store"):
            assert not any(n.split(".")[0] == "telegram" for n in imports(path)), path


# Building or running a statement; the session type and the exceptions may travel.
SQL_NAMES = {"select", "update", "delete", "insert", "text", "exists", "func", "bindparam"}


def test_no_sql_outside_the_store() -> None:
    wrong = []
    for part, path in modules():
        if part == "store":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in (
                "sqlalchemy",
                "sqlmodel",
            ):
                names = {alias.name for alias in node.names}
                if names & SQL_NAMES or node.module.startswith("sqlalchemy.dialects"):
                    wrong.append(f"{path.relative_to(PACKAGE)}: {node.module} {sorted(names)}")
    assert not wrong, wrong


def test_telegram_types_stay_in_the_telegram_channel() -> None:
    for _part, path in modules():
        inside = path.relative_to(PACKAGE).parts[:2] == ("channels", "telegram")
        if not inside:
            found = {n for n in imports(path) if n.split(".")[0] == "telegram"}
            assert not found, f"{path.relative_to(PACKAGE)} imports {sorted(found)}"


def test_no_grab_bag_modules() -> None:
    names = {p.stem for p in PACKAGE.rglob("*.py")}
    assert not names & {"utils", "helpers", "manager", "misc", "common"}
