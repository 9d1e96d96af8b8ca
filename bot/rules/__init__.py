"""Rules: the arithmetic of the law, as pure functions tested against the official tables.

Nothing here talks to anyone, reads a file or knows a language: the self-check dialogues ask the
questions and phrase the answers; this package only computes them, so the numbers can be checked
line by line against the tables they come from.
"""

from bot.rules.dates import parse_date
from bot.rules.paid_leave import Entitlement, Grant, Row, Table, entitlement

__all__ = ["Entitlement", "Grant", "Row", "Table", "entitlement", "parse_date"]
