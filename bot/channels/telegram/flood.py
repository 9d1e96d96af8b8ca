"""A per-user flood gate: 30 messages in 10 seconds, then the user is slowed, others not.

Only users heard from within the window are remembered: the entries are kept in order of
last activity, and each check drops those from the front whose window has passed, so the gate
holds the users of the last 10 seconds, however many users the bot has met.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable
from enum import StrEnum

__all__ = ["FloodGate", "Pace"]


class Pace(StrEnum):
    ok = "ok"
    notice = "notice"  # first message over the limit: tell the user once
    quiet = "quiet"  # still over the limit: keep the message, say nothing


class FloodGate:
    def __init__(
        self, limit: int = 30, window: float = 10.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        # Oldest activity first: a user's entry moves to the end when they write (or are told).
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()
        self._warned: OrderedDict[str, float] = OrderedDict()

    def __len__(self) -> int:
        """How many users the gate remembers now."""
        return len(self._seen)

    def check(self, user: str) -> Pace:
        now = self.clock()
        self._forget_idle(now)
        times = self._seen.setdefault(user, deque())
        self._seen.move_to_end(user)
        while times and now - times[0] > self.window:
            times.popleft()
        times.append(now)
        if len(times) <= self.limit:
            return Pace.ok
        if now - self._warned.get(user, -self.window) > self.window:
            self._warned[user] = now
            self._warned.move_to_end(user)
            return Pace.notice
        return Pace.quiet

    def _forget_idle(self, now: float) -> None:
        """Drop users whose every message (and notice) is older than the window: for them
        the gate would decide exactly as for a user it has never seen."""
        while self._seen:
            user, times = next(iter(self._seen.items()))
            if now - times[-1] <= self.window:
                break
            del self._seen[user]
        while self._warned:
            user, at = next(iter(self._warned.items()))
            if now - at <= self.window:
                break
            del self._warned[user]
