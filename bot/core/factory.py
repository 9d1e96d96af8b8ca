"""Builds the assistant at startup from settings: content, matcher, detector, catalogs.

Nothing is built at import. The language model loads in a thread while the content is parsed
and indexed, since the two are independent and the model's decompression releases the GIL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import pickle
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_dir

from bot.content.loader import Content, default_content_dir, load_content
from bot.core.assistant import Assistant
from bot.handoff.hours import BusinessHours
from bot.handoff.requests import Handoff, HandoffConfig
from bot.i18n import Catalogs, load_catalogs
from bot.nlu.detect import Detector, Lexicon, load_langid
from bot.nlu.match import Matcher, asked_questions
from bot.nlu.meaning import Vectors
from bot.outreach.notices import Notices
from bot.outreach.reminders import Reminders
from bot.settings import Settings
from bot.store.conversations import Conversations, MemoryConversations, SqlConversations
from bot.store.database import Database

__all__ = [
    "Engine",
    "build_assistant",
    "build_engine",
    "fingerprint",
    "handoff_config",
    "ship_vectors",
]

log = logging.getLogger(__name__)


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


def fingerprint(root: Path) -> str:
    """Changes whenever the content or the code that indexes it changes: the cache key."""
    digest = hashlib.sha256()
    code = Path(__file__).resolve().parent.parent
    sources = sorted((code / "nlu").glob("*.py")) + sorted((code / "content").glob("*.py"))
    sources += [code / "nlu" / "calibration.json"]
    files = sorted((root / "knowledge").rglob("*.yaml")) + sorted((root / "intents").glob("*.yaml"))
    for path in [*sources, *files]:
        if path.exists():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:24]


def _indexed(
    root: Path, cache_dir: Path | None, vectors_dir: Path | None
) -> tuple[Content, Matcher, Lexicon]:
    """Content, its index and lexicon: from the cache when nothing changed, else built (and
    cached). At 10,000 entries building takes a minute; loading the cache takes seconds."""
    path = cache_dir / f"engine-{fingerprint(root)}.pickle" if cache_dir else None
    if path is not None and path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except Exception as exc:  # a stale or broken cache is rebuilt, never fatal
            log.info("engine cache unreadable (%s): rebuilding", type(exc).__name__)
    content = load_content(root)
    vectors = Vectors(vectors_dir, seed=root / "knowledge" / Vectors.FILE)
    built = (content, Matcher(content, vectors=vectors), lexicon_of(content))
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            with partial.open("wb") as fh:
                pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(path)
        except OSError as exc:
            log.info("engine cache not written: %s", exc)
    return built


def ship_vectors(root: Path) -> int:
    """Rewrite the example questions' vectors shipped with the content (`madoguchi kb
    vectors`): exactly today's examples, so a fresh machine embeds none of them at start."""
    content = load_content(root)
    vectors = Vectors(Path(user_cache_dir("madoguchi")), seed=root / "knowledge" / Vectors.FILE)
    texts = [q for q, _ in asked_questions(content)]
    return vectors.ship(texts, root / "knowledge" / Vectors.FILE)


def build_engine(content_dir: Path | None = None, *, cache: bool | Path = True) -> Engine:
    """Everything one process shares; `cache` is a folder, True (the user cache dir) or False."""
    started = time.perf_counter()
    root = Path(content_dir) if content_dir else default_content_dir()
    cache_dir = (
        Path(user_cache_dir("madoguchi")) if cache is True else Path(cache) if cache else None
    )
    with ThreadPoolExecutor(max_workers=1) as pool:
        langid = pool.submit(load_langid)
        # The example questions' vectors are kept per text in the user's cache folder whatever
        # folder holds the engine: a test's fresh engine cache need not embed them all again.
        vectors_dir = Path(user_cache_dir("madoguchi")) if cache else None
        content, matcher, lexicon = _indexed(root, cache_dir, vectors_dir)
        catalogs = load_catalogs(root / "locales")
        detector = Detector(langid.result(), lexicon)
    return Engine(content, matcher, detector, catalogs, time.perf_counter() - started)


def handoff_config(settings: Settings, *, terminal_desk: bool = True) -> HandoffConfig:
    """Counselors on Telegram when a counselors' chat is configured, else the terminal desk
    (`madoguchi desk` on the same store). A Telegram bot with neither cannot reach a person,
    and says so instead of queueing users nobody will see."""
    telegram = settings.counselor_chat_id is not None
    return HandoffConfig(
        hours=BusinessHours.parse(settings.business_hours),
        counselor_channel="telegram" if telegram else "desk",
        counselor_chat=str(settings.counselor_chat_id) if telegram else "desk",
        counselors=frozenset(f"telegram:{i}" for i in settings.counselor_ids),
        supervisors=frozenset(f"telegram:{i}" for i in settings.supervisor_ids),
        sla=dt.timedelta(minutes=settings.sla_minutes),
        reachable=telegram or terminal_desk or settings.terminal_desk,
    )


def build_assistant(
    settings: Settings,
    *,
    engine: Engine | None = None,
    conversations: Conversations | None = None,
    db: Database | None = None,
    terminal_desk: bool = True,
) -> Assistant:
    """With a database, the assistant hands off to counselors; without, it answers alone."""
    engine = engine or build_engine(settings.content_dir)
    handoff = None
    if db is not None:
        handoff = Handoff(
            db,
            engine.content,
            engine.catalogs,
            handoff_config(settings, terminal_desk=terminal_desk),
        )
    reminders = notices = None
    if db is not None:
        reminders = Reminders(db, engine.catalogs, default_language=settings.default_language)
        notices = Notices(db, engine.catalogs, default_language=settings.default_language)
    return Assistant(
        engine.content,
        engine.matcher,
        engine.detector,
        engine.catalogs,
        conversations or (SqlConversations(db) if db is not None else MemoryConversations()),
        default_language=settings.default_language,
        handoff=handoff,
        reminders=reminders,
        notices=notices,
    )
