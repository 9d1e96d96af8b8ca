"""Text -> the normal forms matching compares: one place for width, case, accents and scripts.

Users type the same word many ways: full-width ＡＢＣ, "nghỉ phép" or "nghi phep", "Férias" or
"ferias". Everything is folded before indexing and before matching, so spelling variants meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

__all__ = ["fold", "normalize", "script_runs", "tokens"]

_SPACE = re.compile(r"\s+")
# Anything that is not a letter, mark or digit separates words (punctuation, symbols, emoji).
_SEPARATORS = re.compile(r"[^\w\u0900-\u0963\u0966-\u097F]+")  # not the danda ।


def normalize(text: str) -> str:
    """NFKC (full/half width), case-fold, control characters and punctuation to spaces."""
    # Control and format characters (\x00, zero-width space, BOM) are not word characters, so
    # the separator pattern turns them into spaces with the punctuation.
    text = _SEPARATORS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).replace("_", " ")
    return _SPACE.sub(" ", text).strip()


@cache
def _fold_table() -> dict[int, str]:
    """Latin letters with diacritics -> without (Latin-1 to Latin Extended Additional)."""
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for cp in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch and base.isascii():
            table[cp] = base
    return table


def fold(text: str) -> str:
    """Strip Latin diacritics (Vietnamese typed without them, "ferias"); other scripts unchanged."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text).translate(_fold_table())


_KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005"
_HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_DEVA = "\u0900-\u097f"
_RUNS = re.compile(
    f"(?P<cjk>[{_KANA}{_HAN}]+)|(?P<hangul>[{_HANGUL}]+)|(?P<deva>[{_DEVA}]+)"
    f"|(?P<digit>[0-9]+)|(?P<latin>[^\\W\\d_{_KANA}{_HAN}{_HANGUL}{_DEVA}]+)"
)


def script_runs(text: str) -> list[tuple[str, str]]:
    """Split text into (script, run) pairs; kana and han stay together as "cjk" runs."""
    return [(m.lastgroup or "other", m.group()) for m in _RUNS.finditer(text)]


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
            if len(run) >= 3:  # also spelling variants: मःम / मःमः
                out.append(run[:3] + "~")
        elif script == "digit":
            out.append(run)
    return out
