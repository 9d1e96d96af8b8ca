"""Tickets on SQLite and PostgreSQL: one active per user, atomic claims, the whole life."""

from __future__ import annotations

import asyncio
import random

from bot.handoff.outbox import OutboxQueue
from bot.handoff.tickets import Tickets
from bot.store.conversations import Inbound, SqlConversations
from bot.store.database import Database


async def users(db: Database, n: int) -> list[int]:
    store = SqlConversations(db)
    opened = await asyncio.gather(
        *(store.open(Inbound("telegram", str(i), "hi")) for i in range(n))
    )
    return [o.user_id for o in opened]


async def test_one_active_ticket_per_user_and_urgent_goes_first(db: Database) -> None:
    desk = Tickets(db)
    a, b = await users(db, 2)
    first, created = await desk.open(a, reason="human", lang="vi", topic=None)
    again, created_again = await desk.open(a, reason="misses", lang="vi", topic=None)
    assert created and not created_again and again.id == first.id
    other, _ = await desk.open(b, reason="human", lang="ne", topic=None)
    assert await desk.position(first) == 1 and await desk.position(other) == 2
    raised, _ = await desk.open(b, reason="urgent", lang="ne", topic=None, priority=0)
    assert raised.id == other.id and raised.priority == 0
    assert [t.id for t in await desk.queue()] == [other.id, first.id]
    assert await desk.position(raised) == 1


async def test_two_processes_cannot_open_two_tickets(db: Database) -> None:
    desk = Tickets(db)
    (user,) = await users(db, 1)
    results = await asyncio.gather(
        *(desk.open(user, reason="human", lang="en", topic=None) for _ in range(10))
    )
    assert len({t.id for t, _ in results}) == 1
    assert sum(created for _, created in results) == 1


async def test_twenty_counselors_claim_one_ticket(db: Database) -> None:
    desk = Tickets(db)
    (user,) = await users(db, 1)
    ticket, _ = await desk.open(user, reason="human", lang="vi", topic=None)
    claims = await asyncio.gather(*(desk.claim(ticket.id, f"telegram:{c}") for c in range(20)))
    winners = [c for c in claims if c.won]
    assert len(winners) == 1
    assert {c.holder for c in claims} == {winners[0].holder}  # the losers are told who has it
    kinds = [e.kind for e in await desk.events(ticket.id)]
    assert kinds == ["opened", "claimed"]


async def test_ten_counselors_share_five_hundred_tickets(db: Database) -> None:
    desk = Tickets(db)
    ids = []
    for user in await users(db, 500):
        ticket, _ = await desk.open(user, reason="human", lang="en", topic=None)
        ids.append(ticket.id)

    async def counselor(name: str) -> list[int]:
        order = ids[:]
        random.Random(name).shuffle(order)
        return [t for t in order if (await desk.claim(t, name)).won]

    won = await asyncio.gather(*(counselor(f"telegram:{c}") for c in range(10)))
    flat = [t for ts in won for t in ts]
    assert sorted(flat) == sorted(ids)  # every ticket claimed, none twice


async def test_release_close_rate_and_reopen(db: Database) -> None:
    desk = Tickets(db)
    (user,) = await users(db, 1)
    ticket, _ = await desk.open(user, reason="human", lang="pt", topic="annual-paid-leave")
    assert (await desk.claim(ticket.id, "telegram:1")).won
    assert await desk.release(ticket.id, "telegram:2") is None  # not theirs
    assert (await desk.release(ticket.id, "telegram:1")).status == "open"
    assert (await desk.claim(ticket.id, "telegram:2")).won
    await desk.responded(ticket.id, "telegram:2")
    closed = await desk.close(ticket.id, "telegram:2", "explained paid leave")
    assert closed.status == "closed" and closed.first_response_at is not None
    assert await desk.rate(ticket.id, user, 6) is False
    assert await desk.rate(ticket.id, user, 5) is True
    assert (await desk.reopenable(user)).id == ticket.id
    reopened = await desk.reopen(ticket.id, user)
    assert reopened.status == "open" and reopened.claimed_by is None
    kinds = [e.kind for e in await desk.events(ticket.id)]
    assert kinds == [
        "opened",
        "claimed",
        "released",
        "claimed",
        "replied",
        "closed",
        "rated",
        "reopened",
    ]


async def test_the_outbox_hands_each_item_to_one_worker(db: Database) -> None:
    workers = [OutboxQueue(db) for _ in range(4)]  # four processes, four lease tokens
    for n in range(40):
        await workers[0].put(channel="telegram", chat_id=str(n), text=f"m{n}")
    leases = await asyncio.gather(*(w.take("telegram") for w in workers))
    taken = [item.id for lease in leases for item in lease]
    assert len(taken) == len(set(taken)) == 40
    assert await workers[0].take("telegram") == []  # leased, not yet due again
    holder = next(w for w, lease in zip(workers, leases, strict=True) if lease)
    mine = leases[workers.index(holder)][0]
    other = next(w for w in workers if w is not holder)
    assert await other.delivered(mine, 99) is False  # not its lease: cannot mark it
    assert await holder.delivered(mine, 99) is True
    assert await holder.pending() == 39


async def test_one_chat_s_messages_leave_in_order_and_urgent_first(db: Database) -> None:
    outbox = OutboxQueue(db)
    for n in range(3):
        await outbox.put(channel="telegram", chat_id="7", text=f"m{n}")
    await outbox.put(channel="telegram", chat_id="7", text="urgent", priority=0)
    first = await outbox.take("telegram")
    assert [i.text for i in first] == ["urgent", "m0"]  # one per chat and priority class
    await outbox.retry(first[1])  # m0 failed: nothing after it may overtake it
    await outbox.delivered(first[0])
    assert await outbox.take("telegram") == []
