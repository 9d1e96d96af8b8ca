"""Which of madoguchi's files one user message passes through, from Telegram to its reply.

    python benchmarks/path_of_a_message.py

The real bot polls the loopback Bot API server (tests/e2e/botapi.py) on a fresh SQLite store;
one question is sent, and a profiler lists every file of `bot/` whose code runs in the task that
processes that update (and the frames below its handler), until the reply reaches the server.
Background jobs (outbox delivery, sweeps) run in other tasks and are not counted; the store's
group-commit writer is, as part of `bot/store/conversations.py`.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bot  # noqa: E402
from bot.core.factory import build_engine  # noqa: E402
from tests.e2e.conftest import running_bot  # noqa: E402

PACKAGE = str(Path(bot.__file__).parent)


async def main() -> None:
    engine = build_engine()
    with tempfile.TemporaryDirectory() as tmp:
        async with running_bot(engine, f"sqlite+aiosqlite:///{tmp}/path.db") as t:
            t.api.message(5, "hello", language_code="en")  # the first message warms up
            await t.api.wait_for(lambda: t.api.sent(5))
            await asyncio.sleep(1)
            tracked: set[asyncio.Task] = set()
            files: dict[str, str] = {}

            def seen(code) -> None:  # type: ignore[no-untyped-def]
                if code.co_filename.startswith(PACKAGE):
                    name = os.path.relpath(code.co_filename, Path(PACKAGE).parent)
                    files.setdefault(name, code.co_name)

            def profile(frame, event, arg) -> None:  # type: ignore[no-untyped-def]
                if event != "call":
                    return
                try:
                    task = asyncio.current_task()
                except RuntimeError:
                    return
                code = frame.f_code
                if code.co_name == "on_text" and code.co_filename.endswith("handlers.py"):
                    tracked.add(task)
                    below = frame
                    while below is not None:  # what ran before the handler, in this task
                        seen(below.f_code)
                        below = below.f_back
                if task in tracked:
                    seen(code)

            before = len(t.api.sent(5))
            sys.setprofile(profile)
            t.api.message(5, "How many days of paid leave do I get?", language_code="en")
            await t.api.wait_for(lambda: len(t.api.sent(5)) > before)
            sys.setprofile(None)
    for name, first in sorted(files.items()):
        print(f"{name:42} {first}")
    print(f"{len(files)} files")


if __name__ == "__main__":
    asyncio.run(main())
