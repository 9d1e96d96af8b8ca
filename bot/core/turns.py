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

    def shown(self) -> dict:
        """What a channel needs to show this reply again, as JSON: stored with the turn, so a
        worker that dies between storing and sending leaves an answer another can send."""
        return {
            "kind": self.kind,
            "text": self.text,
            "lang": self.lang,
            "intent": self.intent,
            "entry": self.entry,
            "confidence": self.confidence,
            "handoff": self.handoff,
            "sources": [s.model_dump(mode="json") for s in self.sources],
            "buttons": [[b.label, b.action] for b in self.buttons],
            "title": self.title,
        }

    @classmethod
    def from_shown(cls, shown: dict) -> Reply:
        return cls(
            shown["kind"],
            shown["text"],
            shown["lang"],
            shown.get("intent"),
            shown.get("entry"),
            shown.get("confidence", 0.0),
            shown.get("handoff", False),
            tuple(Source.model_validate(s) for s in shown.get("sources", ())),
            tuple(Button(label, action) for label, action in shown.get("buttons", ())),
            shown.get("title"),
        )
