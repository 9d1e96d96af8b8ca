"""Updates of different users run concurrently; one user's updates run in order.

A user's update first waits for that user's earlier updates, and only then takes one of the
processing slots. The other way round (PTB's `process_update` takes the slot, then calls
`do_process_update`), a user who sends 100 messages at once fills every slot with updates
that only wait for each other, and everybody else waits behind them.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

__all__ = ["PerUserOrder"]


class PerUserOrder(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    @staticmethod
    def _key(update: object) -> int:
        if isinstance(update, Update):
            user = update.effective_user or update.effective_chat
            return user.id if user else 0
        return 0

    # PTB marks `process_update` final (typing only): its contract, a bounded number of
    # updates at once through `do_process_update`, is kept; only the user's turn comes first.
    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:  # type: ignore[misc]
        key = self._key(update)
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:  # this user's turn, holding no slot while waiting for it
                await super().process_update(update, coroutine)  # then a slot
        finally:
            if inspect.iscoroutine(coroutine) and inspect.getcoroutinestate(coroutine) == (
                inspect.CORO_CREATED
            ):
                coroutine.close()  # cancelled while waiting (shutdown): it never ran
            self._waiting[key] -= 1
            if not self._waiting[key]:  # nobody queued: forget the lock
                del self._waiting[key]
                self._locks.pop(key, None)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        await coroutine

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass
