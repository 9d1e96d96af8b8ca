"""Every catalog loads from locales/ through babel, complete, with its placeholders intact."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.content.loader import default_content_dir
from bot.i18n import CatalogError, load_catalogs
from bot.languages import ALL_CODES, LANGUAGES

LOCALES = default_content_dir() / "locales"
PLACEHOLDER = re.compile(r"{\w+}")


def test_every_language_has_a_complete_catalog() -> None:
    catalogs = load_catalogs(LOCALES)  # strict: raises on anything missing or untranslated
    english = catalogs("en").gettext("Talk to a counselor")
    for code in ALL_CODES:
        if code != "en":
            assert catalogs(code).gettext("Talk to a counselor") != english, code


@pytest.mark.parametrize("code", ALL_CODES)
def test_placeholders_survive_translation(code: str) -> None:
    path = LOCALES / LANGUAGES[code].catalog / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fh:
        catalog = read_po(fh)
    template = {m.id for m in read_po((LOCALES / "messages.pot").open("rb")) if m.id}
    assert {m.id for m in catalog if m.id} == template, "run pybabel update"
    for message in catalog:
        if message.id:
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = {p for text in ids for p in PLACEHOLDER.findall(text)}
            for text in strings:  # every plural form keeps the placeholders
                assert set(PLACEHOLDER.findall(text)) == wanted, message.id


def test_a_missing_catalog_is_an_error_not_silent_english(tmp_path: Path) -> None:
    (tmp_path / "locales" / "en" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "locales" / "en" / "LC_MESSAGES" / "messages.po").write_bytes(
        (LOCALES / "en" / "LC_MESSAGES" / "messages.po").read_bytes()
    )
    with pytest.raises(CatalogError) as caught:
        load_catalogs(tmp_path / "locales")
    assert "locales/vi/LC_MESSAGES/messages.po: missing" in caught.value.problems


def test_dates_and_lists_follow_the_locale() -> None:
    catalogs = load_catalogs(LOCALES)
    day = dt.date(2026, 11, 1)
    assert catalogs("ja").date(day) == "2026年11月1日"
    assert catalogs("vi").date(day, "medium") != catalogs("en").date(day, "medium")
    assert catalogs("pt").list(["a", "b", "c"]) == "a, b e c"
    assert catalogs("tl").locale.language == "fil"


def test_every_self_check_text_is_in_the_template() -> None:
    """A flow edited in knowledge/flows/ without `pybabel extract -F locales/babel.cfg` would
    show English to everyone: the template must hold every text a check shows."""
    import yaml

    from bot.content.extract import flow_texts

    template = {m.id for m in read_po((LOCALES / "messages.pot").open("rb")) if m.id}
    for path in sorted((default_content_dir() / "knowledge" / "flows").glob("*.yaml")):
        if path.stem != "_phrases":
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            missing = [text for text in flow_texts(data) if text not in template]
            assert not missing, (path.name, missing[:3])


def test_the_web_desk_speaks_japanese_and_english_completely() -> None:
    from bot.i18n import load_desk_catalogs

    words = load_desk_catalogs(LOCALES)  # strict: raises on anything untranslated
    assert words("ja").gettext("Queue") == "待ち行列"
    assert words("en").gettext("Queue") == "Queue"
    assert words("ja").gettext("{minutes} min", minutes=5) == "5 分"
