"""Rules: the arithmetic of the law, as pure functions tested against the official tables.

Nothing here talks to anyone, reads a file or knows a language: the self-check dialogues ask the
questions and phrase the answers; this package only computes them, so the numbers can be checked
line by line against the tables they come from.
"""

from bot.rules.dates import parse_date
from bot.rules.paid_leave import Entitlement, Grant, Row, Table, entitlement
from bot.rules.pay import Basis, PayCheck, Premium, PremiumKind, check_pay
from bot.rules.sme import Industry, Size, Threshold, size

__all__ = [
    "Basis",
    "Entitlement",
    "Grant",
    "Industry",
    "PayCheck",
    "Premium",
    "PremiumKind",
    "Row",
    "Size",
    "Table",
    "Threshold",
    "check_pay",
    "entitlement",
    "parse_date",
    "size",
]
