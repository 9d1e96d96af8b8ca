"""Text -> the normal forms matching compares: one place for width, case, accents and scripts.

Users type the same word many ways: full-width ＡＢＣ, "nghỉ phép" or "nghi phep", "Férias" or
"ferias". Everything is folded before indexing and before matching, so spelling variants meet.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "normalize", "script_runs", "tokens"]

_SPACE = re.compile(r"\s+")
# Anything that is not a letter, mark or digit separates words (punctuation, symbols, emoji).
_SEPARATORS = re.compile(r"[^\w\u0900-\u097F]+")


def normalize(text: str) -> str:
    """NFKC (full/half width), case-fold, control characters and punctuation to spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = _SEPARATORS.sub(" ", text).replace("_", " ")
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Strip Latin diacritics (Vietnamese typed without them, "ferias"); other scripts unchanged."""
    out = []
    for ch in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")):
        if unicodedata.category(ch) == "Mn" and out and out[-1].isascii():
            continue  # a combining accent on a Latin letter
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _script(ch: str) -> str:
    cp = ord(ch)
    if 0x3040 <= cp <= 0x30FF or 0x31F0 <= cp <= 0x31FF or 0xFF66 <= cp <= 0xFF9F:
        return "kana"
    if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF or cp == 0x3005:
        return "han"
    if 0xAC00 <= cp <= 0xD7AF or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F:
        return "hangul"
    if 0x0900 <= cp <= 0x097F:
        return "deva"
    if ch.isdigit():
        return "digit"
    if ch.isalpha():
        return "latin"
    return "other"


def script_runs(text: str) -> list[tuple[str, str]]:
    """Split text into (script, run) pairs; kana and han stay together as "cjk" words."""
    runs: list[tuple[str, str]] = []
    for word in text.split():
        current, buf = "", []
        for ch in word:
            script = _script(ch)
            if script in ("kana", "han"):
                script = "cjk"
            if script != current and buf:
                runs.append((current, "".join(buf)))
                buf = []
            current = script
            buf.append(ch)
        if buf:
            runs.append((current, "".join(buf)))
    return runs


def tokens(text: str) -> list[str]:
    """Index terms of already normalised text.

    CJK and Hangul: character bigrams (measured as good as word segmentation for matching, at
    none of the dictionary cost; see README). Latin: folded words plus a 5-letter prefix as a
    poor man's stemmer (férias/feriado, gaji/gajinya). Devanagari: words plus 3-letter prefixes,
    since Nepali glues postpositions to nouns (कम्पनीले, कम्पनीमा).
    """
    out: list[str] = []
    for script, run in script_runs(text):
        if script in ("cjk", "hangul"):
            if len(run) == 1:
                out.append(run)
            else:
                out.extend(run[i : i + 2] for i in range(len(run) - 1))
        elif script == "latin":
            word = fold(run)
            out.append(word)
            if len(word) >= 6:
                out.append(word[:5] + "~")
        elif script == "deva":
            out.append(run)
            if len(run) >= 4:
                out.append(run[:3] + "~")
        elif script == "digit":
            out.append(run)
    return out
