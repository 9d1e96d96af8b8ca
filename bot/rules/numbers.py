"""A number as people type it in a chat: "20", "２０", "२०", "1,226", "1.226 yen", "20万円",
"160 hours", "¥200,000". One number or none: "5 or 6" is a question back, not a guess.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["parse_number"]

_MULTIPLIERS = {
    "千": 1_000,
    "万": 10_000,
    "萬": 10_000,
    "만": 10_000,
    "천": 1_000,
    "億": 100_000_000,
}
_WORDS = {"k": 1_000, "lakh": 100_000, "लाख": 100_000, "हजार": 1_000, "ribu": 1_000, "juta": 1_000_000,
          "nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "mil": 1_000, "million": 1_000_000}  # fmt: skip
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:([,.])\d{3})(?:\2\d{3})*|\d+)([.,]\d+)?(?![\d])")


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def parse_number(text: str) -> float | None:
    """The one number `text` states, with its multiplier (万, lakh, k...), else None.

    Groups of three after a comma or a dot are thousands (1,226 and 1.226 are both 1226, as
    Japanese, English, Vietnamese and Portuguese speakers write them); any other dot or comma
    is a decimal mark (7.5, 7,5).
    """
    plain = _plain(text).casefold()
    matches = list(_NUMBER.finditer(plain))
    if len(matches) != 1:
        return None
    match = matches[0]
    whole, separator, decimals = match.group(1), match.group(2), match.group(3)
    value = float(whole.replace(separator, "") if separator else whole)
    if decimals:
        value += float("0." + decimals[1:])
    rest = plain[match.end() :].lstrip()
    if rest[:1] in _MULTIPLIERS:
        value *= _MULTIPLIERS[rest[:1]]
    else:
        word = re.match(r"[^\s\d.,;:!?()]+", rest)
        if word and word.group().rstrip("s") in _WORDS:
            value *= _WORDS[word.group().rstrip("s")]
    return value
