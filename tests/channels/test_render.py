"""What Telegram is sent: escaped HTML, split where a reader expects, buttons that fit."""

from __future__ import annotations

from bot.channels.telegram.render import LIMIT, render, split_text
from bot.core.turns import Button, Reply


def test_everything_is_escaped() -> None:
    (out,) = render(Reply("answer", "<script>alert(1)</script> & <b>x</b>", "en"), title="<b>x")
    assert "<script>" not in out.html
    assert out.html.startswith("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ")


def test_the_title_is_bold_and_escaped() -> None:
    (out,) = render(Reply("answer", "Paid leave & you\n\nbody", "en"), title="Paid leave & you")
    assert out.html.startswith("<b>Paid leave &amp; you</b>")


def test_long_text_splits_on_paragraphs_within_the_limit() -> None:
    paragraphs = [f"paragraph {n} " + "x" * 900 for n in range(12)]
    chunks = split_text("\n\n".join(paragraphs))
    assert len(chunks) > 1
    assert all(len(c) <= LIMIT for c in chunks)
    assert all(c.startswith("paragraph") for c in chunks)  # never mid-paragraph
    assert "\n\n".join(chunks) == "\n\n".join(paragraphs)


def test_escaping_counts_against_the_limit() -> None:
    chunks = split_text("<" * 5000)
    assert all(len(c.replace("<", "&lt;")) <= LIMIT for c in chunks)
    assert "".join(chunks) == "<" * 5000


def test_keyboard_goes_under_the_last_chunk_and_skips_oversized_payloads() -> None:
    reply = Reply(
        "menu",
        "a\n\n" + "b" * 5000,
        "en",
        buttons=(Button("ok", "menu"), Button("too long", "x" * 80)),
    )
    first, *_, last = render(reply)
    assert first.markup is None
    assert [b.callback_data for row in last.markup.inline_keyboard for b in row] == ["menu"]
