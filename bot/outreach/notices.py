"""Supervisors' notices (a typhoon warning, a new minimum wage) to everyone, one language or
one company, each user reached once, in their language where the notice has it.

A notice is written in Japanese, with the translations its author has. Each user reads their
language's text; else the やさしい日本語 text, under one line in their language saying the notice
is not available in it; else the Japanese text, under the same kind of line. Users can opt out
(`subscribe(user, False)`); new users are opted in.

`send` only stores the notice. `fan_out`, on a timer in every worker, writes the outbox items
in batches, one transaction each, exactly once per user (bot.store.notices); each channel's
courier delivers them within the channel's rate limit, after everything more urgent.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.i18n import Catalogs, Translator
from bot.languages import LANGUAGES, parse_language
from bot.store import notices as rows
from bot.store.database import Database
from bot.store.notices import NoticeProgress
from bot.store.tables import utcnow

__all__ = ["NoticeError", "NoticeProgress", "NoticeSummary", "Notices", "notice_texts"]

log = logging.getLogger(__name__)

AUDIENCE_KEYS = ("lang", "company")
MAX_TEXT = 4000  # one Telegram message (4,096) with the language note above it


class NoticeError(ValueError):
    """A notice that cannot be sent as written; the message is one line saying why."""


@dataclass(frozen=True, slots=True)
class NoticeSummary:
    id: int
    created_by: str
    created_at: dt.datetime
    audience: dict
    languages: tuple[str, ...]
    fanned_out: bool


def notice_texts(raw: object) -> dict[str, str]:
    """{language: text} as a supervisor writes it (codes like "vi", "pt-BR", "ja-easy") ->
    our codes; raises NoticeError naming the first problem."""
    if not isinstance(raw, dict) or not raw:
        raise NoticeError("a notice is a mapping of language code to text, e.g. ja: ...")
    texts: dict[str, str] = {}
    for key, value in raw.items():
        code = parse_language(str(key))
        if code is None:
            known = ", ".join(LANGUAGES)
            raise NoticeError(f"{key!r} is not a language madoguchi speaks (one of {known})")
        if code in texts:
            raise NoticeError(f"{key!r}: the text for {code} is given twice")
        if not isinstance(value, str) or not value.strip():
            raise NoticeError(f"{key!r}: the text is empty or not text")
        if len(value.strip()) > MAX_TEXT:
            raise NoticeError(f"{key!r}: {len(value.strip())} characters, at most {MAX_TEXT}")
        texts[code] = value.strip()
    if "ja" not in texts:
        raise NoticeError("the Japanese text (ja) is required: every notice is written in it")
    return texts


def _audience(audience: dict | None) -> dict:
    audience = dict(audience or {})
    unknown = [k for k in audience if k not in AUDIENCE_KEYS]
    if unknown:
        raise NoticeError(f"audience: unknown key {unknown[0]!r} (lang or company)")
    if "lang" in audience:
        code = parse_language(str(audience["lang"]))
        if code is None:
            raise NoticeError(f"audience: {audience['lang']!r} is not a language madoguchi speaks")
        audience["lang"] = code
    if "company" in audience:
        company = str(audience["company"] or "").strip()
        if not company or len(company) > 64:
            raise NoticeError("audience: a company tag is 1 to 64 characters")
        audience["company"] = company
    return audience


class Notices:
    """Notices over one database, for the users of `channels` (those a courier delivers)."""

    def __init__(
        self,
        db: Database,
        catalogs: Catalogs,
        *,
        channels: Sequence[str] = ("telegram",),
        default_language: str = "en",
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.db = db
        self.catalogs = catalogs
        self.channels = tuple(channels)
        self.default_language = default_language
        self.clock = clock

    # -- what a reader reads ----------------------------------------------------------------------

    def text_for(self, texts: dict[str, str], lang: str | None) -> str:
        """The notice for a reader of `lang` (None: not known yet, read as the default), with
        how to stop notices in the reader's language."""
        lang = lang if lang in LANGUAGES else self.default_language
        t = self.catalogs(lang)
        footer = t.gettext("To stop notices from this desk, write /notices off.")
        return f"{self._body(t, texts, lang)}\n\n{footer}"

    @staticmethod
    def _body(t: Translator, texts: dict[str, str], lang: str) -> str:
        if lang in texts:
            return texts[lang]
        if lang == "ja-easy":  # reads Japanese
            return texts["ja"]
        if "ja-easy" in texts:
            note = t.gettext(
                "This notice is not available in your language. Here it is in easy Japanese."
            )
            return f"{note}\n\n{texts['ja-easy']}"
        note = t.gettext("This notice is not available in your language. Here it is in Japanese.")
        return f"{note}\n\n{texts['ja']}"

    # -- a supervisor's side ----------------------------------------------------------------------

    async def send(self, texts: dict[str, str], audience: dict | None = None, by: str = "") -> int:
        """Store a notice for the audience ({} everyone, {"lang": "vi"}, {"company": "x"});
        the workers' fan-out delivers it. Its id; NoticeError when it cannot be sent."""
        texts = notice_texts(texts)
        audience = _audience(audience)
        async with self.db.session() as session:
            notice = await rows.create_notice(
                session=session, created_by=by or "supervisor", texts=texts, audience=audience
            )
        log.info("notice=%s created by=%s audience=%s", notice.id, notice.created_by, audience)
        return notice.id

    async def fan_out(self, batch: int = 500) -> int:
        """One batch of every notice still being fanned out; users reached."""
        async with self.db.session() as session:
            unfinished = await rows.unfinished_notices(session=session)
        reached = 0
        for notice_id in unfinished:
            async with self.db.session() as session:
                notice = await rows.get_notice(session=session, notice_id=notice_id)
                if notice is None:
                    continue
                texts = dict(notice.texts)
                added, finished = await rows.fan_out_batch(
                    session=session,
                    notice_id=notice_id,
                    text_for=lambda lang, texts=texts: self.text_for(texts, lang),
                    channels=self.channels,
                    limit=batch,
                    now=self.clock(),
                )
            reached += added
            if added:
                log.info("notice=%s fanned out to %d more user(s)", notice_id, added)
            if finished and not added:
                log.info("notice=%s fan-out finished", notice_id)
        return reached

    async def progress(self, notice_id: int) -> NoticeProgress | None:
        async with self.db.session() as session:
            return await rows.notice_progress(
                session=session, notice_id=notice_id, channels=self.channels
            )

    async def list(self, limit: int = 20) -> list[NoticeSummary]:
        """The newest notices first."""
        async with self.db.session() as session:
            found = await rows.list_notices(session=session, limit=limit)
        return [
            NoticeSummary(
                id=n.id,
                created_by=n.created_by,
                created_at=n.created_at,
                audience=dict(n.audience or {}),
                languages=tuple(n.texts),
                fanned_out=n.fanned_out_at is not None,
            )
            for n in found
        ]

    # -- a user's side ----------------------------------------------------------------------------

    async def subscribe(self, user_id: int, on: bool = True) -> bool:
        """Opt the user in (True) or out (False); False when there is no such user."""
        async with self.db.session() as session:
            return await rows.set_notices(session=session, user_id=user_id, on=on)

    async def subscribed(self, user_id: int) -> bool | None:
        """Whether the user receives notices; None when there is no such user."""
        async with self.db.session() as session:
            return await rows.notices_enabled(session=session, user_id=user_id)

    async def set_company(self, user_id: int, company: str | None) -> bool:
        async with self.db.session() as session:
            return await rows.set_company(session=session, user_id=user_id, company=company)
