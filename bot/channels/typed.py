"""Commands typed as text ("/menu", "/language vi", "/notices off"): the channels where a
command is just a message (the terminal, LINE) read them here, so each means the same
everywhere. Telegram sends commands as commands and maps them in its own handlers.
"""

from __future__ import annotations

__all__ = ["typed_command"]

_PLAIN = {
    "menu": "menu",
    "start": "menu",
    "human": "human",
    "forgetme": "forget",
    "help": "help",
    "cancel": "cancel",
    "reminders": "reminders",
}


def typed_command(text: str) -> str | None:
    """The action of a typed command; None when `text` is not one (a question that happens
    to start with a slash is still a question only if it has no command word)."""
    text = text.strip()
    if not text.startswith("/") or len(text) < 2:
        return None
    command, _, arg = text[1:].partition(" ")
    command, arg = command.lower(), arg.strip()
    if command == "language":
        return f"lang:{arg}" if arg else "language"
    if command == "check":
        return f"check:{arg}" if arg else "check"
    if command == "notices":
        return f"notices:{arg.lower()}" if arg.lower() in ("on", "off") else "notices"
    if command in _PLAIN:
        return _PLAIN[command]
    return f"unknown-command:{command[:20]}"
