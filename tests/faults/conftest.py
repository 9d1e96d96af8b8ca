"""The Telegram harness of tests/e2e on every backend: a fault must be fixed on both."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.core.factory import Engine
from tests.e2e.conftest import Telegram, running_bot


@pytest.fixture
async def telegram(engine: Engine, database_url: str) -> AsyncIterator[Telegram]:
    async with running_bot(engine, database_url) as bot:
        yield bot
