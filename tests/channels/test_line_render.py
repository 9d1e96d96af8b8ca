"""What a LINE user sees of a reply: LINE's limits hold whatever the content."""

from __future__ import annotations

from bot.channels.line.render import (
    LABEL_LIMIT,
    QUICK_REPLY_LIMIT,
    TEXT_LIMIT,
    quick_reply,
    render,
)
from bot.channels.text import split_text
from bot.content.models import Source
from bot.core.turns import Button, Reply


def test_a_long_answer_is_cut_at_paragraphs_within_lines_limit() -> None:
    paragraph = "Paid leave is a right of every worker. " * 40
    messages = render([Reply("answer", "\n\n".join([paragraph] * 8), "en")])
    assert len(messages) > 1
    assert all(len(m.text) <= TEXT_LIMIT for m in messages)
    assert all(m.text.rstrip().endswith("worker.") for m in messages)


def test_sources_are_links_under_the_answer() -> None:
    source = Source(
        title="MHLW: annual paid leave", url="https://www.mhlw.go.jp/leave", as_of="2026-12-01"
    )
    (message,) = render([Reply("answer", "Ten days after six months.", "en", sources=(source,))])
    assert message.text.endswith("🔗 MHLW: annual paid leave\nhttps://www.mhlw.go.jp/leave")


def test_quick_replies_keep_lines_limits() -> None:
    buttons = tuple(
        Button(f"A rather long topic title number {n}", f"menu:t{n}") for n in range(20)
    )
    quick = quick_reply(buttons)
    assert quick is not None
    assert len(quick.items) == QUICK_REPLY_LIMIT
    labels = [item.action.label for item in quick.items]
    assert all(len(label) <= LABEL_LIMIT for label in labels)
    assert labels[0].endswith("…")
    # The whole title shows in the chat when pressed.
    assert quick.items[0].action.display_text == "A rather long topic title number 0"
    assert quick.items[0].action.data == "menu:t0"


def test_the_last_replys_buttons_are_quick_replies_and_earlier_ones_stay_as_a_bubble() -> None:
    hello = Reply(
        "intent", "Hello! Choose your language.", "en", buttons=(Button("Tiếng Việt", "lang:vi"),)
    )
    menu = Reply("menu", "Topics:", "en", buttons=(Button("Paid leave", "menu:leave"),))
    first, last = render([hello, menu])
    assert first.type == "flex"
    assert first.alt_text.startswith("Hello!")
    footer = first.contents.footer.contents
    assert [b.action.data for b in footer] == ["lang:vi"]
    assert last.type == "text" and last.text == "Topics:"
    assert [i.action.data for i in last.quick_reply.items] == ["menu:leave"]


def test_buttons_of_the_outbox_rows_become_quick_replies() -> None:
    rows = [{"label": "⭐" * n, "action": f"rate:1:{n}"} for n in range(1, 6)]
    quick = quick_reply(rows)
    assert quick is not None
    assert [i.action.data for i in quick.items] == [f"rate:1:{n}" for n in range(1, 6)]


def test_one_splitter_serves_both_channels_with_their_own_measure() -> None:
    text = "<b>" * 2000
    assert all(len(c) <= 100 for c in split_text(text, 100))
    escaped = split_text(text, 100, lambda t: len(t.replace("<", "&lt;")))
    assert all(len(c.replace("<", "&lt;")) <= 100 for c in escaped)
