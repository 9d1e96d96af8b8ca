"""Names of places outside Japan, in every language we speak: a sign that a question may be about
another country's rules ("minimum wage in Malaysia") rather than Tokyo's.

The names are CLDR's, from babel's locale data (about 250 countries and regions in each of our
languages), so a country that no example question ever named is still recognised. The
out-of-scope intent's `abroad` field adds the everyday forms CLDR spells formally (アメリカ for
アメリカ合衆国, "USA") and drops names that are also everyday words (Vietnamese "Pháp", France, is
also the "pháp" of "pháp luật", law) and names that are a word only after some other word (Nepali
"kaam ra ghar dubai" is "both work and home"). The sign is one more feature of the learnt model
(`bot/nlu/classify.py`): how much it weighs is learnt from the examples, because a Nepali cook
asking about the pension refund on going home names Nepal too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.languages import LANGUAGES
from bot.nlu.normalize import fold, normalize

__all__ = ["Places"]

# Regions that are not abroad (the world, Asia, East Asia, Japan itself) or not places at all
# (the United Nations, the euro area, CLDR's unknown and pseudo regions).
_NOT_ABROAD = {"001", "142", "030", "JP", "UN", "EZ", "ZZ", "XA", "XB", "QO"}
# A name this short once its accents are gone is too often a word ("Mỹ" -> "my", "Úc" -> "uc");
# it still counts when typed with its accents.
_FOLDED_MIN = 5
# Right after a name in a dense script, these make it a language or a nationality, not a place:
# 韓国語, ベトナム人, 越南语, 베트남어, 네팔인, नेपाली.
_NOT_PLACE_AFTER = set("語语人어인말ी")
# Before a Latin name, these make it a language: "bahasa Indonesia", "tiếng Việt Nam".
_LANGUAGE_WORDS = {"bahasa", "tiếng", "tieng", "wikang", "língua", "lingua", "idioma"}
# How many words before a name the content's `word_after` words are looked for: Nepali "kaam ra
# ghar ko jimmewari dubai" (both the work and the home's duties) puts three between.
_WORD_AFTER_REACH = 4


def _is_latin(name: str) -> bool:
    return all(
        ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"
        for ch in name.replace(" ", "")
    )


_KATAKANA = range(0x30A0, 0x3100)
_HANGUL = range(0xAC00, 0xD7B0)
_DEVANAGARI = range(0x0900, 0x0980)


def _script(ch: str) -> range | None:
    """The scripts in which a name must stand as its own word: katakana (アルバ in アルバイト,
    タイ in ネクタイ), hangul (오만 in 오만원) and Devanagari (at a word's start; postpositions
    glue on at the end: नेपालमा)."""
    cp = ord(ch) if ch else -1
    for block in (_KATAKANA, _HANGUL, _DEVANAGARI):
        if cp in block:
            return block
    return None


class Places:
    """`mentions(text)`: does the message name a place outside Japan?"""

    def __init__(
        self, names: Iterable[str], word_after: Mapping[str, Iterable[str]] | None = None
    ) -> None:
        # Latin names: first word -> the names' words, matched as whole words in order; with
        # their accents against the message's words, without them against its folded words
        self._exact: dict[str, set[tuple[str, ...]]] = {}
        self._folded: dict[str, set[tuple[str, ...]]] = {}
        # other scripts: first character -> names (spaces kept), matched inside the text
        self._dense: dict[str, set[str]] = {}
        for raw in names:
            name = normalize(raw)
            if not name:
                continue
            if _is_latin(name):
                words = tuple(name.split())
                self._exact.setdefault(words[0], set()).add(words)
                folded = tuple(fold(name).split())
                if len("".join(folded)) >= _FOLDED_MIN:
                    self._folded.setdefault(folded[0], set()).add(folded)
            else:
                self._dense.setdefault(name[0], set()).add(name)
        # a Latin name's folded words -> the folded words that, just before it, make it a word
        self._word_after: dict[tuple[str, ...], set[str]] = {}
        for raw, before in (word_after or {}).items():
            key = tuple(fold(normalize(raw)).split())
            self._word_after.setdefault(key, set()).update(fold(normalize(w)) for w in before)

    @classmethod
    def from_cldr(
        cls,
        add: Mapping[str, Iterable[str]] | None = None,
        ignore: Mapping[str, Iterable[str]] | None = None,
        word_after: Mapping[str, Mapping[str, Iterable[str]]] | None = None,
    ) -> Places:
        """CLDR's country and region names in our languages (and pt_PT's spellings), plus the
        content's everyday forms, minus the content's everyday words; a name is a word where
        one of its `word_after` words (by language, then name) stands just before it."""
        from babel import Locale

        locales = {lang.locale for lang in LANGUAGES.values()} | {"pt_PT"}
        names: set[str] = set()
        for code in sorted(locales):
            for key, name in Locale.parse(code).territories.items():
                if key not in _NOT_ABROAD:
                    names.add(name)
        for items in (add or {}).values():
            names.update(items)
        dropped = {normalize(w) for items in (ignore or {}).values() for w in items}
        dropped |= {fold(w) for w in dropped}
        after: dict[str, list[str]] = {}
        for by_name in (word_after or {}).values():
            for name, words in by_name.items():
                after.setdefault(name, []).extend(words)
        return cls(
            (n for n in names if normalize(n) not in dropped and fold(normalize(n)) not in dropped),
            after,
        )

    def mentions(self, norm: str) -> bool:
        """`norm` is `normalize(text)` (not folded: "Mỹ" is a place, "my" a word)."""
        for words, names in ((norm.split(), self._exact), (fold(norm).split(), self._folded)):
            for i, word in enumerate(words):
                for name in names.get(word, ()):
                    language = i and words[i - 1] in _LANGUAGE_WORDS
                    here = tuple(words[i : i + len(name)]) == name and not language
                    if here and not self._a_word(name, words, i):
                        return True
        if norm.isascii():
            return False
        for i, ch in enumerate(norm):
            for name in self._dense.get(ch, ()):
                if not norm.startswith(name, i):
                    continue
                block = _script(ch)
                before = norm[i - 1] if i else ""
                after = norm[i + len(name) : i + len(name) + 1]
                if after in _NOT_PLACE_AFTER:
                    continue  # a language or a nationality
                if block is not None and before and ord(before) in block:
                    continue  # inside a longer word
                if block is _KATAKANA and after and ord(after) in block:
                    continue
                return True
        return False

    def _a_word(self, name: tuple[str, ...], words: list[str], at: int) -> bool:
        """Whether the name at `words[at]` is a word of the sentence by what stands before it
        (the content's `word_after`): "kaam ra ghar dubai" is "both work and home"."""
        before = self._word_after.get(tuple(fold(w) for w in name))
        if not before:
            return False
        return any(fold(w) in before for w in words[max(0, at - _WORD_AFTER_REACH) : at])

    def plain(self, norm: str) -> str:
        """`norm` without the place names that are words there by `word_after` ("kaam ra ghar
        dubai", both work and home): their letters carry what the model learnt from questions
        about the place (work in Dubai), not what the sentence says."""
        if not self._word_after:
            return norm
        words = norm.split()
        folded = [fold(w) for w in words]
        drop: set[int] = set()
        for name in self._word_after:
            for i in range(len(words) - len(name) + 1):
                if tuple(folded[i : i + len(name)]) == name and self._a_word(name, words, i):
                    drop.update(range(i, i + len(name)))
        if not drop:
            return norm
        return " ".join(w for i, w in enumerate(words) if i not in drop)
