"""Buttons and the payloads they carry: one definition of every protocol string.

A payload comes back from a chat app as whatever the client sends, so it is untrusted input:
`parse` accepts only the closed set below (kind, and an argument of the right shape) and
returns None for anything else, which the conversation answers with "that button is no longer
valid". Channels, the conversation and the handoff format payloads with these functions only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "HUMAN_REASONS",
    "Action",
    "Button",
    "claim",
    "neutral_rows",
    "parse",
    "rate",
]

# Why a person was asked for; the button "Talk to a counselor" carries one of these.
HUMAN_REASONS = ("human", "urgent", "misses", "thumbs-down", "always")

_ID = r"[a-z0-9][a-z0-9-]{0,63}"
_ARG = {
    "answer": _ID,
    "menu": rf"(?:{_ID})?",
    "lang": r"[A-Za-z_-]{1,16}",
    "language": r"",
    "human": rf"(?:{'|'.join(HUMAN_REASONS)})?",
    "rate": r"\d{1,12}:[1-5]",
    "feedback": rf"(?:up|down):{_ID}",
    "forget": r"(?:yes|no)?",
    "help": r"",
    "start": r"",
    "claim": r"\d{1,12}",
    "check": rf"(?:{_ID})?",  # start a self-check; empty: the list of them
    "pick": r"[a-z0-9][a-z0-9-]{0,31}",  # a choice in a self-check's step
    "cancel": r"",
    "remind": r"\d{4}-\d{2}-\d{2}",  # remind me before this expiry date
    "reminders": r"(?:cancel:\d{1,12})?",
    "notices": r"(?:on|off)?",
    # made by channels, never by a button, but parsed the same way
    "non-text": r"",
    "throttled": r"notice|quiet",
    "unknown-command": r"[^\x00-\x1f]{0,32}",
}
_PATTERNS = {kind: re.compile(arg) for kind, arg in _ARG.items()}


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    action: str


@dataclass(frozen=True, slots=True)
class Action:
    kind: str
    arg: str = ""


def parse(payload: str | None) -> Action | None:
    """A button's payload -> Action, or None when it is not one we could have sent."""
    if not payload or len(payload.encode()) > 64:
        return None
    kind, _, arg = payload.partition(":")
    pattern = _PATTERNS.get(kind)
    if pattern is None or not pattern.fullmatch(arg):
        return None
    return Action(kind, arg)


def claim(ticket_id: int) -> str:
    return f"claim:{ticket_id}"


def rate(ticket_id: int, score: int) -> str:
    return f"rate:{ticket_id}:{score}"


def neutral_rows(buttons: tuple[Button, ...] | list[Button], width: int = 5) -> list[list[dict]]:
    """Buttons as the outbox stores them: rows of {label, action}, no chat app's format."""
    rows = [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]
    return [[{"label": b.label, "action": b.action} for b in row] for row in rows]
