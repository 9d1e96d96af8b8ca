"""What crosses the boundary between a channel and the conversation: plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.actions import Button
from bot.content.models import Source
from bot.inputs import clean_text

__all__ = ["Button", "Incoming", "Reply"]


@dataclass(frozen=True, slots=True)
class Incoming:
    """A message or button press, already translated from the channel's own update.

    `user` is channel-qualified ("console:alice", "telegram:12345"). `lang_hint` is what the
    channel knows (Telegram's language_code, a --lang flag); `action` is a button press or
    command ("menu", "menu:telework", "answer:annual-paid-leave", "lang:vi", "human").
    """

    user: str
    text: str = ""
    lang_hint: str | None = None
    action: str | None = None
    update_id: str | None = None

    def __post_init__(self) -> None:
        # The edge: every channel builds an Incoming, so what a person sent is cleaned here,
        # once, before anything stores or reads it.
        for name in ("user", "text", "lang_hint", "action"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, clean_text(value))


@dataclass(frozen=True, slots=True)
class Reply:
    kind: str  # answer | did-you-mean | menu | intent | urgent | notice
    text: str
    lang: str
    intent: str | None = None  # knowledge id or conversation intent id this reply is about
    entry: str | None = None  # knowledge id when the reply is a knowledge answer
    confidence: float = 0.0
    handoff: bool = False
    sources: tuple[Source, ...] = ()
    buttons: tuple[Button, ...] = field(default_factory=tuple)
    title: str | None = None  # the topic's title inside `text`, which channels may emphasise
