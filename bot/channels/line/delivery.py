"""The outbox, delivered on LINE by push: counselors' replies, knowledge entries they send,
reminders, notices, rating requests. And the watch on the month's push quota.

Each item's pushes carry a retry key made from the item (and its part), so a push that timed
out and is sent again, by this worker or another after the lease ran out, reaches the user
once: LINE answers 409 to the copy. A user who blocked the bot gets nothing: the item fails
for good and the counselor is told, as when LINE refuses a push for good.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from bot.channels.line.api import LineApi, Quota, Refused, TryLater
from bot.channels.line.handlers import refusal
from bot.channels.line.render import MESSAGES_PER_CALL, quick_reply, text_messages
from bot.handoff.requests import Handoff
from bot.store.tables import Outbox

__all__ = ["QUOTA_WARNINGS", "LineCourier", "QuotaWatch"]

log = logging.getLogger(__name__)

RUN_LIMIT = 500  # items per run
QUOTA_RETRY_CAP = 900.0  # seconds between tries while the month's quota is used up
# A namespace of our own: retry keys are UUIDs; the same item and part give the same key.
_KEYS = uuid.UUID("6d61646f-6775-6368-692d-6c696e650001")
QUOTA_WARNINGS = (0.8, 0.95, 1.0)  # shares of the month's quota at which counselors are told


def retry_key(item_id: int, part: int) -> str:
    return str(uuid.uuid5(_KEYS, f"outbox:{item_id}:{part}"))


class LineCourier:
    def __init__(self, handoff: Handoff, api: LineApi) -> None:
        self.handoff = handoff
        self.api = api
        self._busy = False

    async def deliver_due(self) -> int:
        """Send what is due until nothing is; returns how many items were handled."""
        if self._busy:
            return 0
        self._busy = True
        handled = 0
        try:
            while handled < RUN_LIMIT:
                items = await self.handoff.outbox.take("line")
                if not items:
                    break
                handled += len(items)
                await asyncio.gather(*(self._safely(item) for item in items))
        finally:
            self._busy = False
        return handled

    async def _safely(self, item: Outbox) -> None:
        try:
            await self._one(item)
        except Exception:  # a bug must not stop the other deliveries
            log.exception("outbox item=%s failed", item.id)
            await self.handoff.outbox.retry(item)

    async def _one(self, item: Outbox) -> None:
        if not await self.handoff.reachable("line", item.chat_id):
            await self.handoff.undeliverable(item, "blocked")
            return
        rows = [button for row in item.buttons or [] for button in row]
        messages = text_messages(item.text, quick_reply(rows))
        calls = [
            messages[n : n + MESSAGES_PER_CALL] for n in range(0, len(messages), MESSAGES_PER_CALL)
        ]
        try:
            for n in range(item.parts_sent, len(calls)):
                await self.api.push(item.chat_id, calls[n], retry_key=retry_key(item.id, n))
                if n < len(calls) - 1:
                    item.parts_sent = n + 1
                    await self.handoff.outbox.part_sent(item, n + 1)
        except TryLater as exc:
            monthly = "limit" in str(exc).lower()
            log.info("outbox item=%s not delivered yet: %s", item.id, "quota" if monthly else exc)
            await self.handoff.outbox.retry(item, cap=QUOTA_RETRY_CAP if monthly else 60.0)
            return
        except Refused as exc:
            await self.handoff.undeliverable(item, refusal(exc))
            return
        await self.handoff.outbox.delivered(item)


@dataclass
class QuotaWatch:
    """Tells the counselors once per month and threshold when pushes near the plan's limit:
    past it, their replies to LINE users wait until the next month or a bigger plan."""

    handoff: Handoff
    api: LineApi
    warned: tuple[str, float] = ("", 0.0)  # (month, highest share told)

    async def check(self, today: dt.date | None = None) -> Quota | None:
        try:
            quota = await self.api.quota()
        except (TryLater, Refused) as exc:
            log.info("LINE quota not read: %s", exc)
            return None
        month = (today or dt.date.today()).strftime("%Y-%m")
        share = quota.share
        if share is None:
            return quota
        reached = max((w for w in QUOTA_WARNINGS if share >= w), default=0.0)
        told_month, told = self.warned
        if reached and (told_month != month or reached > told):
            self.warned = (month, reached)
            d = self.handoff.desk
            await self.handoff.to_counselors(
                d.gettext(
                    "LINE: {used} of this month's {limit} push messages are used ({percent}%). "
                    "Replies to LINE users wait once the limit is reached: raise the plan in "
                    "LINE Official Account Manager if needed.",
                    used=quota.used,
                    limit=quota.limit,
                    percent=int(share * 100),
                ),
                priority=0 if reached >= 1.0 else 1,
            )
        return quota
