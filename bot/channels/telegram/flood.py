"""A per-user flood gate: 30 messages in 10 seconds, then the user is slowed, others not."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import StrEnum

__all__ = ["FloodGate", "Verdict"]


class Verdict(StrEnum):
    ok = "ok"
    notice = "notice"  # first message over the limit: tell the user once
    quiet = "quiet"  # still over the limit: keep the message, say nothing


class FloodGate:
    def __init__(
        self, limit: int = 30, window: float = 10.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._seen: dict[str, deque[float]] = {}
        self._warned: dict[str, float] = {}

    def check(self, user: str) -> Verdict:
        now = self.clock()
        times = self._seen.setdefault(user, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        times.append(now)
        if len(times) <= self.limit:
            return Verdict.ok
        if now - self._warned.get(user, -self.window) > self.window:
            self._warned[user] = now
            return Verdict.notice
        return Verdict.quiet
