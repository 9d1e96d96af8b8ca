"""Which language is this message in? Script first, then a statistical detector, then markers.

Short chat messages are hard ("ok", "👍", "salamat po"). The rule that matters most for users is
that such text never flips the conversation into another language: detection only overrides the
user's language when it is sure, and it says how sure it is.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from bot.languages import base_language
from bot.nlu.normalize import fold, normalize, script_runs

__all__ = ["Detection", "Detector", "LatinModel", "Lexicon", "load_langid"]

_LATIN = ("en", "vi", "id", "tl", "pt")

# Letters that only Vietnamese uses among our Latin-script languages.
_VI_LETTERS = set("ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ")  # not â ê ô: pt has them

# Han characters of Chinese grammar that Japanese written without kana practically never uses.
_ZH_HAN = set("的了是我你他她们吗呢吧呀啊没这那么怎什谁哪想要会能给被很还就都说让过个")

# Chat words the statistical model misses in short or unaccented text, each typical of one of our
# Latin-script languages; romanised Nepali has no packaged detector at all. The content's own
# example questions add many more through `Lexicon` below.
_MARKERS: dict[str, frozenset[str]] = {
    "vi": frozenset(
        "toi ban khong duoc cua nhung nguoi viec lam luong ngay thang bao nhieu nao sao "
        "phai chua roi minh oi nhe nha vay gi dau cong nghi phep xin chao cam tam biet giup "
        "voi khi dang tro cap xuong doi sang tieng nhat muon hoi".split()
    ),
    "tl": frozenset(
        "ang ng mga po opo ako ka mo siya kami kayo sila natin namin ba naman lang kasi "
        "paano pano saan bakit ilan magkano hindi wala meron salamat kumusta kamusta pwede "
        "puwede gusto ano yung yun dito doon sahod trabaho amo araw mag nag sa sige ito".split()
    ),
    "id": frozenset(
        "saya aku anda kamu tidak bisa yang dengan untuk apa bagaimana berapa kapan dimana "
        "gaji kerja perusahaan apakah sudah belum terima kasih selamat pagi tolong karena "
        "juga ingin mau boleh harus atau dari ke ini itu cuti lembur halo".split()
    ),
    "pt": frozenset(
        "eu voce nao meu minha como quanto quantos quantas onde quando empresa trabalho "
        "obrigado obrigada bom dia oi tudo bem salario ferias posso preciso para por que do "
        "da dos das uma um com tchau".split()
    ),
    "en": frozenset(
        "i my me you the is are how what where when can do does much many company work "
        "job thanks thank hello hi please need want get leave pay bye menu".split()
    ),
    "ne": frozenset(
        "malai mero hamro timi tapai tapaile cha chha chaina chhaina ho hoina kati kasari "
        "kaha kahile garnu garne gareko paisa talab tala chahiyo chaiyo bida chhutti chutti "
        "kam kaam dherai ramro namaste dhanyabad dhanyawad huncha hunchha garchu lagyo "
        "sakina mann marna dai bhai didi ko ma le lai".split()
    ),
}


class Lexicon:
    """Word frequencies per language from the content's own example questions: a naive Bayes
    prior that knows "luong", "sahod" and "chutti" because users of this desk write them."""

    def __init__(self, texts: dict[str, list[str]]) -> None:
        self.counts: dict[str, dict[str, int]] = {}
        self.totals: dict[str, int] = {}
        vocab: set[str] = set()
        for lang, items in texts.items():
            counts: dict[str, int] = {}
            for text in items:
                for word in fold(normalize(text)).split():
                    if word.isascii() and word.isalpha():
                        counts[word] = counts.get(word, 0) + 1
            self.counts[lang] = counts
            self.totals[lang] = sum(counts.values())
            vocab.update(counts)
        self.size = max(1, len(vocab))

    def log_likelihood(self, words: list[str], lang: str) -> float:
        counts = self.counts.get(lang, {})
        denominator = self.totals.get(lang, 0) + 0.5 * self.size
        return sum(math.log((counts.get(w, 0) + 0.5) / denominator) for w in words)


class LatinModel(Protocol):
    def rank(self, text: str) -> list[tuple[str, float]]: ...


def load_langid() -> LatinModel:
    """py3langid's packaged model restricted to our Latin-script languages (no download)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    model.set_languages(list(_LATIN))
    return model


@dataclass(frozen=True, slots=True)
class Detection:
    lang: str
    confidence: float  # 0..1; below Detector.SURE the caller keeps the user's language
    reason: str


def _fits_cp932(text: str) -> bool:
    try:
        text.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True


class Detector:
    SURE = 0.8  # switch a user's language only above this
    UNSURE = 0.3  # below this, not even a new user's first guess

    def __init__(
        self, latin: LatinModel | Callable[[], LatinModel], lexicon: Lexicon | None = None
    ) -> None:
        self.lexicon = lexicon
        self._latin_or_factory = latin
        self._latin: LatinModel | None = None if callable(latin) else latin

    @property
    def latin(self) -> LatinModel:
        if self._latin is None:
            self._latin = self._latin_or_factory()  # type: ignore[operator]
        return self._latin

    def detect(self, text: str, current: str | None = None) -> Detection:
        """The language of `text`; `current` is the user's language, kept when unsure."""
        current = current or "en"
        base_current = base_language(current)
        norm = normalize(text)
        counts: dict[str, int] = {}
        for script, run in script_runs(norm):
            counts[script] = counts.get(script, 0) + len(run)
        letters = sum(v for k, v in counts.items() if k not in ("digit", "other"))
        if letters == 0:
            return Detection(current, 0.0, "no letters")

        kana = sum(1 for ch in norm if "\u3040" <= ch <= "\u30ff")
        if counts.get("hangul", 0) >= max(1, letters * 0.3):
            return Detection("ko", 1.0, "hangul")
        if kana:
            return Detection("ja", 1.0, "kana")
        if counts.get("deva", 0) >= max(1, letters * 0.3):
            return Detection("ne", 1.0, "devanagari")
        cjk = counts.get("cjk", 0)
        if cjk and cjk >= letters * 0.5:
            han = "".join(ch for ch in norm if unicodedata.name(ch, "").startswith("CJK"))
            if not _fits_cp932(han):
                return Detection("zh", 1.0, "simplified han")
            if "，" in text or sum(ch in _ZH_HAN for ch in han) >= (1 if len(han) <= 4 else 2):
                return Detection("zh", 0.9, "chinese grammar")
            if base_current in ("ja", "zh"):
                return Detection(current, 0.9, "han, keeps current")
            # Han-only text that Shift_JIS can spell: Japanese kanji words (有給, 助成金) far
            # more often than Chinese in this desk's traffic; not sure enough to switch a user.
            return Detection("ja", 0.75 if len(han) <= 3 else 0.85, "han in cp932")

        if any(ch in _VI_LETTERS for ch in norm):
            return Detection("vi", 1.0, "vietnamese letters")
        return self._latin_text(norm, current)

    def _latin_text(self, norm: str, current: str) -> Detection:
        words = fold(norm).split()
        ranked = dict(self.latin.rank(norm))
        # Three kinds of evidence, added as log-odds: the packaged model, marker words, and the
        # content's own vocabulary. Romanised Nepali has no model score, only the last two.
        scores: dict[str, float] = {}
        for lang in (*_LATIN, "ne"):
            prob = ranked.get(lang, 0.0) if lang != "ne" else 0.02
            hits = sum(1 for w in words if w in _MARKERS[lang])
            scores[lang] = math.log(prob + 1e-3) + 1.5 * hits
            if self.lexicon is not None:
                scores[lang] += self.lexicon.log_likelihood(words, lang)
        best = max(scores, key=scores.__getitem__)
        total = sum(math.exp(s - scores[best]) for s in scores.values())
        confidence = 1.0 / total
        if len(words) <= 2 and len(norm) < 16:
            confidence = min(confidence, 0.6)  # "ok", "hi", "salamat po": keep the user's
        return Detection(best, round(confidence, 3), "latin")
