"""Bad input always gets a polite reply and never an exception."""

from __future__ import annotations

import asyncio

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.assistant import Assistant
from bot.core.turns import Incoming

NASTY = [
    "",
    " ",
    "\n\t  ",
    "x" * 10_000,
    "有給" * 5_000,
    "😀😀😀",
    "👍",
    "\x00\x01\x02\x1b[31m",
    "<script>alert(1)</script>",
    "'; DROP TABLE messages; --",
    "<b>有給</b> & nghỉ phép",
    "Salário 給料 월급 तलब lương",
    "\u202eevil",
    "\ud7ff\ufeff",
    "/start",
    "1",
    "999",
    "5³",
    "②",
]

pieces = st.one_of(
    st.text(max_size=200),
    st.sampled_from(NASTY),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "So", "Zs", "Po"]), max_size=50),
)


def check(replies: list) -> None:
    assert replies, "silence is not an answer"
    for reply in replies:
        assert reply.text.strip()
        assert reply.lang
        assert 0.0 <= reply.confidence <= 1.0


async def test_known_nasty_inputs(assistant: Assistant) -> None:
    for n, text in enumerate(NASTY):
        check(await assistant.handle(Incoming(f"nasty:{n}", text)))
        check(await assistant.handle(Incoming("nasty:same-user", text)))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.lists(pieces, min_size=1, max_size=4).map("".join),
    hint=st.one_of(st.none(), st.sampled_from(["vi", "pt-BR", "zz", "", "ja-easy"])),
)
def test_any_text_gets_a_polite_reply(assistant: Assistant, text: str, hint: str | None) -> None:
    check(asyncio.run(assistant.handle(Incoming("fuzz:user", text, hint))))


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(action=st.text(max_size=40))
def test_any_button_payload_gets_a_reply(assistant: Assistant, action: str) -> None:
    check(asyncio.run(assistant.handle(Incoming("fuzz:buttons", action=action))))
