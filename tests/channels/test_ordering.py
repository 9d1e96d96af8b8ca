"""The update processor on its own: a user's updates in order, and a user waiting for their
own turn holds none of the slots other users need (no clock involved: events decide)."""

from __future__ import annotations

import asyncio
import datetime as dt

from telegram import Chat, Message, Update, User

from bot.channels.telegram.ordering import PerUserOrder


def update(update_id: int, user_id: int) -> Update:
    user = User(user_id, "u", is_bot=False)
    chat = Chat(user_id, Chat.PRIVATE)
    message = Message(update_id, dt.datetime.now(dt.UTC), chat, from_user=user, text="hi")
    return Update(update_id, message=message)


async def test_a_waiting_user_holds_no_slot_and_each_user_keeps_order() -> None:
    processor = PerUserOrder(2)  # two slots
    release_first = asyncio.Event()
    order: list[tuple[int, int]] = []
    other_started = asyncio.Event()

    async def work(user_id: int, n: int) -> None:
        order.append((user_id, n))
        if (user_id, n) == (1, 0):
            await release_first.wait()  # the flooder's first update is slow
        if user_id == 2:
            other_started.set()

    tasks = [
        asyncio.create_task(processor.process_update(update(n, 1), work(1, n))) for n in range(10)
    ]
    await asyncio.sleep(0)
    tasks.append(asyncio.create_task(processor.process_update(update(99, 2), work(2, 0))))
    # Nine of the flooder's updates wait for its first; the other user still gets a slot.
    await asyncio.wait_for(other_started.wait(), 1.0)
    assert processor.current_concurrent_updates == 1  # only the flooder's first holds one
    release_first.set()
    await asyncio.gather(*tasks)
    assert [n for user, n in order if user == 1] == list(range(10))
