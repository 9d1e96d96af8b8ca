"""What the conversation remembers about a user between messages.

The assistant reads and writes this through a small async protocol so the same conversation runs
on memory (tests, benchmarks) and on the database (the store issue) without knowing which.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

__all__ = ["ConversationState", "MemoryStateStore", "StateStore"]


@dataclass(slots=True)
class ConversationState:
    lang: str | None = None  # the user's language; None until known
    chosen: bool = False  # set by an explicit choice, which detection never overrides
    pending: list[str] = field(default_factory=list)  # "did you mean" choices awaiting a pick
    misses: int = 0  # consecutive messages the bot could not match
    handoff: bool = False  # a counselor has been asked for


class StateStore(Protocol):
    async def load(self, user: str) -> ConversationState: ...
    async def save(self, user: str, state: ConversationState) -> None: ...


class MemoryStateStore:
    def __init__(self) -> None:
        self._states: dict[str, ConversationState] = {}

    async def load(self, user: str) -> ConversationState:
        state = self._states.get(user)
        if state is None:
            return ConversationState()
        return ConversationState(
            state.lang, state.chosen, list(state.pending), state.misses, state.handoff
        )

    async def save(self, user: str, state: ConversationState) -> None:
        self._states[user] = state
