"""The bot's own words (menus, prompts, errors) through babel's gettext catalogs, and
locale-aware formatting.

Catalogs are read from `locales/<catalog>/LC_MESSAGES/messages.po` at startup and compiled in
memory, so a translator's edit needs no build step. A catalog that is missing or incomplete is an
error here, not a silent fall back to English (gettext's NullTranslations would hide it).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

from bot.languages import ALL_CODES, LANGUAGES

__all__ = ["CatalogError", "Catalogs", "Translator", "load_catalogs", "load_desk_catalogs"]

DOMAIN = "messages"


class CatalogError(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Translator:
    """One language's words and formats, handed down from the edge as a value."""

    lang: str
    locale: Locale
    translations: Translations

    def gettext(self, message: str, **values: object) -> str:
        text = self.translations.ugettext(message)
        return text.format(**values) if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        text = self.translations.ungettext(singular, plural, n)
        return text.format(n=n, **values)

    def date(self, value: dt.date, fmt: str = "long") -> str:
        return format_date(value, format=fmt, locale=self.locale)

    def datetime(self, value: dt.datetime, fmt: str = "medium") -> str:
        return format_datetime(value, format=fmt, locale=self.locale, tzinfo=value.tzinfo)

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale)

    def list(self, items: Sequence[str], style: str = "standard") -> str:
        return format_list(list(items), style=style, locale=self.locale)


class Catalogs:
    def __init__(self, translators: dict[str, Translator]) -> None:
        self._translators = translators

    def __call__(self, lang: str) -> Translator:
        return self._translators.get(lang) or self._translators["en"]


def _compile(
    po_path: Path, problems: list[str], root: Path, domain: str = DOMAIN
) -> Translations | None:
    rel = po_path.relative_to(root).as_posix()
    try:
        with po_path.open("rb") as fh:
            catalog = read_po(fh, abort_invalid=True)
    except Exception as exc:  # babel raises several types for broken files
        problems.append(f"{rel}: not a valid .po file: {exc}")
        return None
    missing = [
        m.id
        for m in catalog
        if m.id and (not m.string or m.fuzzy or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    if missing:
        first = missing[0] if isinstance(missing[0], str) else missing[0][0]
        problems.append(f"{rel}: {len(missing)} message(s) untranslated or fuzzy, e.g. {first!r}")
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=domain)


def _load(
    locales_dir: Path, codes: Sequence[str], domain: str
) -> tuple[dict[str, Translator], list[str]]:
    problems: list[str] = []
    translators: dict[str, Translator] = {}
    for code in codes:
        lang = LANGUAGES[code]
        po_path = locales_dir / lang.catalog / "LC_MESSAGES" / f"{domain}.po"
        if not po_path.exists():
            problems.append(f"locales/{lang.catalog}/LC_MESSAGES/{domain}.po: missing")
            continue
        translations = _compile(po_path, problems, locales_dir.parent, domain)
        if translations is not None:
            translators[code] = Translator(code, Locale.parse(lang.locale), translations)
    return translators, problems


def load_catalogs(locales_dir: Path, *, strict: bool = True) -> Catalogs:
    translators, problems = _load(locales_dir, ALL_CODES, DOMAIN)
    if "en" not in translators:
        problems.append("locales/en: the English catalog is required")
    if problems and strict:
        raise CatalogError(problems)
    return Catalogs(translators)


# The web desk's own words: counselors read Japanese (the default) or English, so its domain
# has those two catalogs only, strict like the bot's.
DESK_DOMAIN = "desk"
DESK_LANGUAGES = ("ja", "en")


def load_desk_catalogs(locales_dir: Path) -> Catalogs:
    translators, problems = _load(locales_dir, DESK_LANGUAGES, DESK_DOMAIN)
    if problems:
        raise CatalogError(problems)
    return Catalogs(translators)
