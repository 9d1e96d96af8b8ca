"""The engine is built once per content change and loaded from a cache otherwise."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from bot.content.loader import default_content_dir
from bot.core.factory import build_engine, fingerprint


def test_a_second_start_loads_the_index_from_the_cache(tmp_path: Path) -> None:
    root = tmp_path / "content"
    for folder in ("knowledge", "intents", "locales"):
        shutil.copytree(default_content_dir() / folder, root / folder)
    cache = tmp_path / "cache"
    first = build_engine(root, cache=cache)
    (cached,) = cache.glob("engine-*.pickle")
    began = time.perf_counter()
    second = build_engine(root, cache=cache)
    assert time.perf_counter() - began < first.load_seconds + 5  # sanity, not a timing test
    question = "nghi phep nam duoc may ngay"
    assert second.matcher.rank(question, "vi") == first.matcher.rank(question, "vi")
    assert second.content.entries.keys() == first.content.entries.keys()
    # the second opinion by meaning comes back from the cache too (its model loads on first use)
    fallen = "my coworker fell from the scaffolding and is not moving"
    again, before = second.matcher.opinion(fallen), first.matcher.opinion(fallen)
    assert again is not None and again == before and again[1] > 0.5
    assert max(again[0], key=again[0].get) == "urgent"

    entry = root / "knowledge" / "foreign-employee" / "annual-paid-leave.yaml"
    entry.write_text(entry.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert fingerprint(root) not in cached.name
    build_engine(root, cache=cache)
    assert len(list(cache.glob("engine-*.pickle"))) == 2


def test_a_broken_cache_is_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"engine-{fingerprint(default_content_dir())}.pickle").write_bytes(b"not a pickle")
    engine = build_engine(cache=cache)
    assert engine.matcher.rank("有給休暇", "ja").top.id == "annual-paid-leave"
