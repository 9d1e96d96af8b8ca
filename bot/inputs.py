"""What people type, cleaned once where it comes in (a channel's update, a counselor's line),
before anything stores or reads it."""

from __future__ import annotations

import re

__all__ = ["clean_text"]

# NUL and the other C0 and C1 control characters (DEL too), but not tab and line feed: nobody
# means them, PostgreSQL refuses NUL in text, and terminals and logs obey escape sequences.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Half a UTF-16 pair (undecodable bytes from a terminal, a \ud800 escape in JSON): no database
# can store it, so it becomes the replacement character.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text as a person wrote it: CR LF and lone CR become LF, control characters go, a lone
    surrogate becomes U+FFFD."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))
