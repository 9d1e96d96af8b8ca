"""Where an entry lacks the user's language, the answer comes in English and says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from bot.core.assistant import Assistant
from bot.core.factory import Engine, build_engine
from bot.core.turns import Incoming
from bot.store.conversations import MemoryConversations


async def test_missing_language_falls_back_to_english_with_a_notice(
    engine: Engine, tmp_path: Path
) -> None:
    root = engine.content.root
    for folder in ("knowledge", "intents", "locales"):
        shutil.copytree(root / folder, tmp_path / folder)
    path = tmp_path / "knowledge/foreign-employee/annual-paid-leave.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["answer"]["ko"], data["title"]["ko"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    local = build_engine(tmp_path)
    bot = Assistant(
        local.content, local.matcher, local.detector, local.catalogs, MemoryConversations()
    )
    await bot.handle(Incoming("t:kim", action="lang:ko"))
    (reply, *_) = await bot.handle(Incoming("t:kim", action="answer:annual-paid-leave"))
    assert reply.lang == "ko"
    assert data["answer"]["en"].strip() in reply.text
    notice = local.catalogs("ko").gettext(
        "This answer is not yet available in {language}; here it is in {fallback}.",
        language="한국어",
        fallback="English",
    )
    assert reply.text.startswith(notice)
    assert notice != "This answer is not yet available in 한국어; here it is in English."
