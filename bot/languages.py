"""The languages madoguchi speaks, in one table (DESIGN.md, "Languages").

`ja-easy` is a variant of Japanese the user chooses; it is never detected. `en` is the fallback
when an entry lacks the user's language. What stands in for a variant is said once, here:
`base_language` and `fallbacks`, so no caller spells "ja-easy" out.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ALL_CODES",
    "DETECTABLE",
    "FALLBACK",
    "LANGUAGES",
    "Language",
    "base_language",
    "fallbacks",
    "parse_language",
]


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    name: str  # the language named in itself, for pickers
    english: str
    locale: str  # babel locale identifier
    catalog: str  # gettext catalog folder under locales/


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("ja", "日本語", "Japanese", "ja", "ja"),
        Language("ja-easy", "やさしい にほんご", "Easy Japanese", "ja", "ja_EASY"),
        Language("en", "English", "English", "en", "en"),
        Language("zh", "简体中文", "Chinese (Simplified)", "zh_Hans_CN", "zh_Hans_CN"),
        Language("vi", "Tiếng Việt", "Vietnamese", "vi", "vi"),
        Language("ko", "한국어", "Korean", "ko", "ko"),
        Language("ne", "नेपाली", "Nepali", "ne", "ne"),
        Language("id", "Bahasa Indonesia", "Indonesian", "id", "id"),
        Language("tl", "Tagalog", "Tagalog / Filipino", "fil", "fil"),
        Language("pt", "Português (Brasil)", "Portuguese (Brazil)", "pt_BR", "pt_BR"),
    )
}

ALL_CODES: tuple[str, ...] = tuple(LANGUAGES)
DETECTABLE: tuple[str, ...] = tuple(c for c in ALL_CODES if c != "ja-easy")
FALLBACK = "en"

_ALIASES = {
    "ja-easy": "ja-easy",
    "easy": "ja-easy",
    "yasashii": "ja-easy",
    "zh-hans": "zh",
    "zh-cn": "zh",
    "zh-sg": "zh",
    "fil": "tl",
    "pt-br": "pt",
    "pt-pt": "pt",
    "np": "ne",
    "in": "id",
}


def base_language(code: str) -> str:
    """The detectable language a variant belongs to (ja-easy -> ja): what detection, matching
    and "is this the same language?" compare."""
    return "ja" if code == "ja-easy" else code


def fallbacks(code: str) -> tuple[str, ...]:
    """The languages to try, in order, for text meant for `code`: itself, the language it is a
    variant of (a ja-easy reader reads Japanese better than English), then English."""
    return tuple(dict.fromkeys((code, base_language(code), FALLBACK)))


def parse_language(value: str | None) -> str | None:
    """Map a user's or Telegram's language code ("pt-br", "zh-hans", "VI") to ours, or None."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-")
    if code in LANGUAGES:
        return code
    if code in _ALIASES:
        return _ALIASES[code]
    head = code.split("-", 1)[0]
    if head in LANGUAGES:
        return head
    return _ALIASES.get(head)
