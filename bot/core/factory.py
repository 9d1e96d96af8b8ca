"""Builds the assistant at startup from settings: content, matcher, detector, catalogs.

Nothing is built at import. The language model loads in a thread while the content is parsed
and indexed, since the two are independent and the model's decompression releases the GIL.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bot.content.loader import Content, default_content_dir, load_content
from bot.core.assistant import Assistant
from bot.i18n import Catalogs, load_catalogs
from bot.nlu.detect import Detector, Lexicon, load_langid
from bot.nlu.match import Matcher
from bot.settings import Settings
from bot.store.conversations import Conversations, MemoryConversations

__all__ = ["Engine", "build_assistant", "build_engine"]


@dataclass(frozen=True)
class Engine:
    """The loaded, immutable parts one process shares between all conversations."""

    content: Content
    matcher: Matcher
    detector: Detector
    catalogs: Catalogs
    load_seconds: float


def lexicon_of(content: Content) -> Lexicon:
    """The words users of this desk write, per language, from the content's own examples."""
    texts: dict[str, list[str]] = {}
    for entry in content.entries.values():
        for lang, items in [*entry.questions.items(), *entry.keywords.items()]:
            texts.setdefault(lang, []).extend(items)
    for intent in content.intents.values():
        for lang, items in [*intent.examples.items(), *intent.keywords.items()]:
            texts.setdefault(lang, []).extend(items)
    return Lexicon({lang: texts.get(lang, []) for lang in ("en", "vi", "id", "tl", "pt", "ne")})


def build_engine(content_dir: Path | None = None) -> Engine:
    started = time.perf_counter()
    root = Path(content_dir) if content_dir else default_content_dir()
    with ThreadPoolExecutor(max_workers=1) as pool:
        langid = pool.submit(load_langid)
        content = load_content(root)
        matcher = Matcher(content)
        catalogs = load_catalogs(root / "locales")
        detector = Detector(langid.result(), lexicon_of(content))
    return Engine(content, matcher, detector, catalogs, time.perf_counter() - started)


def build_assistant(
    settings: Settings,
    *,
    engine: Engine | None = None,
    conversations: Conversations | None = None,
) -> Assistant:
    engine = engine or build_engine(settings.content_dir)
    return Assistant(
        engine.content,
        engine.matcher,
        engine.detector,
        engine.catalogs,
        conversations or MemoryConversations(),
        default_language=settings.default_language,
    )
