"""Reply -> Telegram messages: HTML with everything escaped, split at Telegram's 4,096
characters on paragraph boundaries, buttons as inline keyboards, sources as link buttons."""

from __future__ import annotations

import html
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.channels.text import split_text as split_by
from bot.core.turns import Button, Reply

__all__ = ["LIMIT", "Outgoing", "keyboard", "render", "split_text"]

LIMIT = 4096
CALLBACK_LIMIT = 64  # bytes of callback_data Telegram accepts


@dataclass(frozen=True, slots=True)
class Outgoing:
    html: str
    markup: InlineKeyboardMarkup | None = None


def _escaped_length(text: str) -> int:
    return len(html.escape(text, quote=False))


def split_text(text: str, limit: int = LIMIT) -> list[str]:
    """Plain text -> chunks whose *escaped* form fits `limit`."""
    return split_by(text, limit, _escaped_length)


def keyboard(buttons: tuple[Button, ...], sources: tuple = ()) -> InlineKeyboardMarkup | None:
    rows: list[list[InlineKeyboardButton]] = []
    usable = [b for b in buttons if len(b.action.encode()) <= CALLBACK_LIMIT]
    short = all(len(b.label) <= 14 for b in usable)
    width = 3 if short and len(usable) > 3 else (2 if short else 1)
    for i in range(0, len(usable), width):
        rows.append(
            [InlineKeyboardButton(b.label, callback_data=b.action) for b in usable[i : i + width]]
        )
    for source in sources[:2]:
        rows.append([InlineKeyboardButton(f"🔗 {source.title[:60]}", url=str(source.url))])
    return InlineKeyboardMarkup(rows) if rows else None


def render(reply: Reply, title: str | None = None) -> list[Outgoing]:
    """The keyboard goes under the last chunk, where the reader's eyes end."""
    chunks = split_text(reply.text)
    messages = []
    for n, chunk in enumerate(chunks):
        body = html.escape(chunk, quote=False)
        if n == 0 and title:
            escaped = html.escape(title, quote=False)
            body = body.replace(escaped, f"<b>{escaped}</b>", 1)
        last = n == len(chunks) - 1
        markup = keyboard(reply.buttons, reply.sources) if last else None
        messages.append(Outgoing(body, markup))
    return messages
