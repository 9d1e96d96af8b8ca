"""`madoguchi chat`: the conversation in a terminal, a real channel like Telegram.

It translates what the user types into `Incoming` (slash commands and button numbers become
actions) and renders `Reply`s with rich; it decides nothing itself.
"""

from __future__ import annotations

import asyncio
import getpass
from collections.abc import Callable

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from bot.channels.typed import typed_command
from bot.core.assistant import Assistant
from bot.core.turns import Button, Incoming, Reply
from bot.handoff.desk import CounselorInput, Desk

__all__ = ["ConsoleChannel", "DeskConsole", "to_incoming"]


def to_incoming(user: str, line: str, buttons: tuple[Button, ...]) -> Incoming | None:
    """A typed line -> Incoming; None means quit."""
    text = line.strip()
    if text in ("/quit", "/exit", "/q"):
        return None
    action = typed_command(text)
    if action is not None:
        return Incoming(user, text, action=action)
    if text.isdecimal() and buttons and 1 <= int(text) <= len(buttons):
        return Incoming(user, text, action=buttons[int(text) - 1].action)
    return Incoming(user, line)


class _Terminal:
    """What both terminals share: rich output, a line reader, the person at the keyboard."""

    def __init__(
        self,
        console: Console | None = None,
        read: Callable[[str], str] | None = None,
        user: str | None = None,
    ) -> None:
        self.console = console or Console()
        self.read = read or (lambda prompt: self.console.input(prompt))
        self.user = user or f"console:{getpass.getuser()}"

    async def _line(self, prompt: str) -> str | None:
        """The next line, read off the event loop so deliveries keep printing; None at EOF."""
        try:
            return await asyncio.to_thread(self.read, prompt)
        except (EOFError, KeyboardInterrupt):
            self.console.print()
            return None


class ConsoleChannel(_Terminal):
    def __init__(
        self,
        assistant: Assistant,
        console: Console | None = None,
        read: Callable[[str], str] | None = None,
        user: str | None = None,
    ) -> None:
        super().__init__(console, read, user)
        self.assistant = assistant

    def render(self, reply: Reply) -> None:
        style = {"urgent": "bold red", "answer": "green", "did-you-mean": "yellow"}.get(
            reply.kind, "cyan"
        )
        body = escape(reply.text)
        if reply.kind == "answer" and reply.buttons:
            choices = "  ".join(f"[{i}] {escape(b.label)}" for i, b in enumerate(reply.buttons, 1))
            body += f"\n\n[dim]{choices}[/dim]"
        self.console.print(Panel(body, border_style=style, expand=False))

    async def _flush(self) -> None:
        """Counselors' messages for this user arrive through the outbox (store first). On a
        laptop nothing else runs to queue reminders that came due, so the chat does it (each is
        queued once, whoever fires it) and shows this user's at start and while it runs."""
        handoff = self.assistant.handoff
        if handoff is None:
            return
        if self.assistant.reminders is not None:
            await self.assistant.reminders.fire_due()
        channel, _, external = self.user.partition(":")
        while items := await handoff.outbox.take(channel, chat_id=external):
            for item in items:
                self.console.print(Panel(escape(item.text), border_style="magenta", expand=False))
                await handoff.outbox.delivered(item)

    async def _deliveries(self) -> None:
        while True:
            await asyncio.sleep(1.0)
            await self._flush()

    async def run(self, greeting: list[Reply] | None = None) -> None:
        self.console.print(
            "[bold]madoguchi[/bold] — type a question in any language. "
            "[dim]/menu, /check, /cancel, /reminders, /notices, /language xx, /human, /forgetme, /quit[/dim]"
        )
        buttons: tuple[Button, ...] = ()
        for reply in greeting or []:
            self.render(reply)
        await self._flush()
        poller = asyncio.create_task(self._deliveries())
        try:
            while True:
                line = await self._line("[bold]you>[/bold] ")
                if line is None:
                    return
                incoming = to_incoming(self.user, line, buttons)
                if incoming is None:
                    return
                replies = await self.assistant.handle(incoming)
                for reply in replies:
                    self.render(reply)
                shown = [r.buttons for r in replies if r.buttons]
                buttons = shown[0] if shown else ()
        finally:
            poller.cancel()


class DeskConsole(_Terminal):
    """`madoguchi desk`: the counselor desk in a terminal, against the same store."""

    def __init__(
        self,
        desk: Desk,
        console: Console | None = None,
        read: Callable[[str], str] | None = None,
        user: str | None = None,
    ) -> None:
        super().__init__(console, read, user)
        self.desk = desk

    async def _deliveries(self) -> None:
        handoff = self.desk.handoff
        while True:
            while items := await handoff.outbox.take("desk"):
                for item in items:
                    style = "bold red" if item.priority == 0 else "yellow"
                    self.console.print(Panel(escape(item.text), border_style=style, expand=False))
                    await handoff.outbox.delivered(item)
            await handoff.sweep()
            await asyncio.sleep(1.0)

    async def run(self) -> None:
        self.console.print(
            "[bold]madoguchi desk[/bold] [dim]/queue, /claim N, /reply N text, "
            "/send N entry-id, /transcript N, /release N, /close N \\[note], "
            "/quit[/dim]"
        )
        poller = asyncio.create_task(self._deliveries())
        try:
            while True:
                line = await self._line("[bold]desk>[/bold] ")
                if line is None:
                    return
                if line.strip() in ("/quit", "/exit", "/q"):
                    return
                if not line.strip():
                    continue
                for reply in await self.desk.handle(
                    CounselorInput(self.user, line.strip(), trusted=True)
                ):
                    self.console.print(Panel(escape(reply.text), border_style="cyan", expand=False))
        finally:
            poller.cancel()
