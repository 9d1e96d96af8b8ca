"""`madoguchi report tickets`: how the desk is doing, per language."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from bot.store import tickets as rows
from bot.store.database import Database

__all__ = ["LanguageFigures", "ticket_report"]


@dataclass
class LanguageFigures:
    lang: str
    open: int = 0
    claimed: int = 0
    closed: int = 0
    to_claim: list[float] = field(default_factory=list)  # minutes
    to_close: list[float] = field(default_factory=list)
    ratings: list[int] = field(default_factory=list)

    @property
    def median_to_claim(self) -> float | None:
        return statistics.median(self.to_claim) if self.to_claim else None

    @property
    def median_to_close(self) -> float | None:
        return statistics.median(self.to_close) if self.to_close else None

    @property
    def mean_rating(self) -> float | None:
        return statistics.fmean(self.ratings) if self.ratings else None


async def ticket_report(db: Database) -> list[LanguageFigures]:
    """Per language, plus an "all" row last."""
    figures: dict[str, LanguageFigures] = {}
    total = LanguageFigures("all")
    async with db.session() as session:
        tickets = await rows.all_tickets(session=session)
    for t in tickets:
        row = figures.setdefault(t.lang or "?", LanguageFigures(t.lang or "?"))
        for target in (row, total):
            setattr(target, t.status, getattr(target, t.status) + 1)
            if t.claimed_at:
                target.to_claim.append((t.claimed_at - t.opened_at).total_seconds() / 60)
            if t.closed_at:
                target.to_close.append((t.closed_at - t.opened_at).total_seconds() / 60)
            if t.rating:
                target.ratings.append(t.rating)
    return [*sorted(figures.values(), key=lambda f: f.lang), total]
