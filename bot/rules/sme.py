"""Is my employer an SME? (SME Basic Act art. 2(1) and (5).)

Some rules depend on the employer's size (the grace period of the 60-hour overtime premium, the
overtime cap's start, subsidies the worker may hear of), and the worker knows the industry, the
capital and roughly how many people work there, so the self-check asks those and this module
applies the Act's table:

| industry                                      | capital ≤     | or employees ≤ | small: ≤ |
|-----------------------------------------------|---------------|----------------|----------|
| manufacturing, construction, transport, other | ¥300,000,000  | 300            | 20       |
| wholesale                                     | ¥100,000,000  | 100            | 5        |
| services                                      | ¥50,000,000   | 100            | 5        |
| retail                                        | ¥50,000,000   | 50             | 5        |

Either condition is enough: one yen over the capital line with few employees is still an SME. A
small enterprise (小規模企業者) is counted by employees alone, 5 for commerce (wholesale, retail)
and services, 20 for the rest. An employer without capital (a sole proprietor, or a capital the
worker does not know) is judged by employees alone. The Cabinet Order's exceptions for rubber
products, software and hotels apply to other laws, not the Basic Act, and are not applied here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Industry", "Size", "Threshold", "size"]


class Industry(StrEnum):
    """The rows of art. 2(1); every industry not named in items 2 to 4 is OTHER."""

    OTHER = "other"  # item 1: manufacturing, construction, transport and the rest
    WHOLESALE = "wholesale"  # item 2
    SERVICES = "services"  # item 3
    RETAIL = "retail"  # item 4


@dataclass(frozen=True, slots=True)
class Threshold:
    """One row of the table, as the Act prints it."""

    industry: Industry
    capital: int  # yen: at most this is an SME
    employees: int  # regular employees: at most this is an SME
    small_employees: int  # regular employees: at most this is a small enterprise


THRESHOLDS = {
    Industry.OTHER: Threshold(Industry.OTHER, 300_000_000, 300, 20),
    Industry.WHOLESALE: Threshold(Industry.WHOLESALE, 100_000_000, 100, 5),
    Industry.SERVICES: Threshold(Industry.SERVICES, 50_000_000, 100, 5),
    Industry.RETAIL: Threshold(Industry.RETAIL, 50_000_000, 50, 5),
}


@dataclass(frozen=True, slots=True)
class Size:
    is_sme: bool
    is_small: bool  # a small enterprise; always an SME too
    threshold: Threshold  # the row that was used
    by_capital: bool  # the capital is within the row's line (False when no capital was given)
    by_employees: bool  # the employees are within the row's line


def size(industry: Industry | str, capital: int | None, employees: int) -> Size:
    """Whether an employer in `industry` with `capital` yen and `employees` is an SME or small.

    `capital` None judges by employees alone. Raises ValueError with a short English reason on
    input the Act cannot be applied to; the dialogue translates it.
    """
    try:
        row = THRESHOLDS[Industry(industry)]
    except ValueError:
        raise ValueError("unknown industry") from None
    if capital is not None and capital < 0:
        raise ValueError("capital must be 0 yen or more")
    if employees < 0:
        raise ValueError("employees must be 0 or more")
    by_capital = capital is not None and capital <= row.capital
    by_employees = employees <= row.employees
    return Size(
        is_sme=by_capital or by_employees,
        is_small=employees <= row.small_employees,
        threshold=row,
        by_capital=by_capital,
        by_employees=by_employees,
    )
