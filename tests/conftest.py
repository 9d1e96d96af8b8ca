"""Shared fixtures: the real content, catalogs and language model, loaded once per session."""

from __future__ import annotations

import pytest

from bot.core.assistant import Assistant
from bot.core.factory import Engine, build_engine
from bot.core.state import MemoryStateStore


@pytest.fixture(scope="session")
def engine() -> Engine:
    return build_engine()


@pytest.fixture
def assistant(engine: Engine) -> Assistant:
    return Assistant(
        engine.content, engine.matcher, engine.detector, engine.catalogs, MemoryStateStore()
    )
