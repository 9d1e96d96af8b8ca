"""The conversation, channel-free: `Assistant.handle(Incoming) -> list[Reply]`.

Channels translate updates into `Incoming` and render `Reply`s; everything a user experiences as
"what the bot decided" happens here, in the user's language, chosen once per message. This module
is the turn: store the message, work out the language, rank, decide, keep the conversation's
state, hand over to a person when one is asked for or already there. How a reply is worded lives
in `bot.core.replies`; what a button or command does, in `bot.core.commands`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.content.loader import Content
from bot.core.commands import Commands
from bot.core.flows import Flows
from bot.core.policy import Decision, Policy, Verdict
from bot.core.replies import Replies, notice, tokyo_today
from bot.core.turns import Incoming, Reply
from bot.handoff.requests import Handoff
from bot.i18n import Catalogs
from bot.languages import base_language, parse_language
from bot.nlu.detect import Detector
from bot.nlu.match import Match, Matcher
from bot.outreach.notices import Notices
from bot.outreach.reminders import Reminders
from bot.store.conversations import (
    Conversations,
    ConversationState,
    Inbound,
    InProgress,
    Opened,
    Outbound,
    Understanding,
)

__all__ = ["MAX_TEXT", "Assistant", "InProgress", "Late"]

log = logging.getLogger(__name__)

MAX_TEXT = 2000  # characters matched; longer messages are read up to here

_SOCIAL = ("greeting", "thanks", "goodbye")  # say nothing of a topic: never reopen a ticket
_A_QUESTION = 10  # characters from which a message in a self-check may be another question
_IN_A_CHECK = (
    "pick",
    "cancel",
    "check",
    "remind",
    "reminders",
    "throttled",
)  # buttons a check goes on with


# The channel's way to put replies in front of the user. Part of the turn: a message counts as
# answered once this returned, so an answer that never left (the process died, the network
# failed) leaves the message unanswered, and its redelivery or the resume job answers it.
Deliver = Callable[[list[Reply]], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Late:
    """A turn a dead process left unfinished, answered by the resume job."""

    user: str
    replies: list[Reply]


class Assistant:
    def __init__(
        self,
        content: Content,
        matcher: Matcher,
        detector: Detector,
        catalogs: Catalogs,
        conversations: Conversations,
        *,
        policy: Policy | None = None,
        default_language: str = "en",
        handoff: Handoff | None = None,
        today: Callable[[], dt.date] = tokyo_today,
        reminders: Reminders | None = None,
        notices: Notices | None = None,
    ) -> None:
        self.content = content
        self.matcher = matcher
        self.detector = detector
        self.catalogs = catalogs
        self.conversations = conversations
        self.policy = policy or Policy.fitted(matcher.calibration)
        self.default_language = default_language
        self.handoff = handoff
        self.reminders = reminders
        self.replies = Replies(content, today)
        self.flows = Flows(content, today)
        self.commands = Commands(
            content, catalogs, conversations, self.replies, handoff, self.flows, reminders, notices
        )

    # -- the one entry point ------------------------------------------------------------------

    async def handle(self, incoming: Incoming, deliver: Deliver | None = None) -> list[Reply]:
        """Store the message, decide, `deliver` the replies, store them; a repeated update
        gets no reply (unless its first turn died: then this is its turn). Raises
        `InProgress` when another worker may be answering this very update."""
        opened = await self.receive(incoming)
        if opened is None:
            return []
        return await self.answer(incoming, opened, deliver)

    async def receive(self, incoming: Incoming) -> Opened | None:
        """The first half of `handle`: the message stored, nothing decided yet. A channel that
        must acknowledge quickly (LINE wants its webhook's 200 at once) stores here, answers,
        then runs `answer` after; None: an update already answered."""
        channel, _, external = incoming.user.partition(":")
        return await self.conversations.open(
            Inbound(channel, external or channel, incoming.text or "", incoming.update_id)
        )

    async def resume(
        self,
        older_than: dt.timedelta = dt.timedelta(minutes=1),
        within: dt.timedelta = dt.timedelta(hours=6),
        deliver: Callable[[str, list[Reply]], Awaitable[None]] | None = None,
        channels: tuple[str, ...] | None = None,
    ) -> list[Late]:
        """Answer the messages stored but never answered (the process died mid-turn, after the
        chat app was told they had arrived); `deliver(user, replies)` sends each answer.
        `channels`: only the users this process can reach (a Telegram worker must not take,
        and answer into the void, a LINE user's message)."""
        late = []
        for resumed in await self.conversations.unfinished(older_than, within, channels):
            opened, user = resumed.opened, f"{resumed.channel}:{resumed.external_id}"
            to_user = None if deliver is None else _to(deliver, user)
            try:
                replies = await self.answer(Incoming(user, opened.text), opened, to_user)
            except Exception as exc:  # still unanswered: the next run tries it again
                log.warning(
                    "unanswered message not answered yet message=%s: %s",
                    opened.message_id,
                    type(exc).__name__,
                )
                continue
            log.info("unanswered message answered message=%s", opened.message_id)
            late.append(Late(user, replies))
        return late

    async def left(self, user: str) -> None:
        """The user blocked the bot (LINE's unfollow): nothing more is sent to them."""
        if self.handoff is not None:
            channel, _, external = user.partition(":")
            await self.handoff.user_left(channel, external)

    async def returned(self, user: str) -> None:
        """The user added the bot again (LINE's follow): they can be written to again."""
        if self.handoff is not None:
            channel, _, external = user.partition(":")
            await self.handoff.user_returned(channel, external)

    def answer_for(self, entry_id: str, lang: str) -> Reply:
        """A knowledge answer in `lang`, as a counselor pushes it (/send N entry)."""
        return self.replies.answer(self.catalogs(lang), self.content.entries[entry_id], 1.0)

    def answer_text(self, entry_id: str, lang: str) -> str:
        """What the handoff's desk is handed in to push an entry: the answer's text."""
        return self.answer_for(entry_id, lang).text

    # -- the turn -------------------------------------------------------------------------------

    async def answer(
        self, incoming: Incoming, opened: Opened, deliver: Deliver | None = None
    ) -> list[Reply]:
        """One turn on a received message: decided, delivered, then closed with its replies."""
        state = opened.state
        replies, understood = await self._turn(incoming, state, opened)
        if deliver is not None:
            await deliver(replies)
        await self.conversations.close(
            opened,
            state,
            understood,
            [Outbound(r.text, r.kind, r.lang, r.intent, r.entry, r.confidence) for r in replies],
        )
        return replies

    async def _turn(
        self, incoming: Incoming, state: ConversationState, opened: Opened
    ) -> tuple[list[Reply], Understanding | None]:
        hint = parse_language(incoming.lang_hint)
        known = state.lang or hint  # None: a new user whose language nothing tells yet
        state.lang = known or self.default_language
        t = self.catalogs(state.lang)
        action = (incoming.action or "").strip()
        if (state.flow or "").startswith("forget:") and not action.startswith("forget"):
            state.flow = None  # a confirmation is only valid as the very next step
        if action:
            if self.flows.active(state) and action.split(":")[0] not in _IN_A_CHECK:
                state.flow, state.flow_data = None, {}  # another button leaves the check
            return await self.commands.run(action, t, state, opened), None

        text = (incoming.text or "")[:MAX_TEXT]
        if self.flows.active(state) is not None:
            in_check = self._in_check(text, state)
            if in_check is not None:
                return in_check, None
        if state.pending and text.strip().isdecimal():
            pick = int(text.strip())
            if 1 <= pick <= len(state.pending):
                choice = f"answer:{state.pending[pick - 1]}"
                return await self.commands.run(choice, t, state, opened), None

        detection = self.detector.detect(text, state.lang)
        if detection.reason == "no letters":
            return [notice(t, t.gettext("Please write your question in words."))], None
        lang = self._language_for(detection.lang, detection.confidence, known)
        state.lang = lang
        match = self.matcher.rank(text, base_language(lang))
        decision = self.policy.decide(match)
        log.debug(
            "decision %s target=%s conf=%.3f", decision.verdict, decision.target, match.confidence
        )
        replies = self._respond(lang, match, decision, state)
        if decision.safety and replies:
            replies[0] = self.replies.with_safety(self.catalogs(lang), replies[0])
        if decision.verdict is Verdict.answer:
            wanted = self.flows.wanted(text, lang, decision.target)
            if wanted is not None:  # "how many days do I have?": the rule, then the check
                replies += self.flows.start(self.catalogs(lang), state, wanted.id) or []
        if self.handoff:
            replies = await self._handoff_turn(
                opened, state, lang, decision, incoming.text or "", replies
            )
        first = replies[0] if replies else Reply("notice", "", lang, None, None, 0.0)
        understood = Understanding(
            lang,
            first.intent,
            first.entry,
            match.confidence,
            unanswered=decision.verdict in (Verdict.unknown, Verdict.did_you_mean),
            candidates=tuple((c.id, c.score) for c in match.candidates[:3]),
        )
        return replies, understood

    def _in_check(self, text: str, state: ConversationState) -> list[Reply] | None:
        """A message during a self-check is its answer, unless it is urgent, asks for a person
        or is plainly another question: then the check is left and the message taken as any
        other (None), so nobody is stuck in a check they did not want."""
        t = self.catalogs(state.lang or self.default_language)
        if self.flows.takes(t, state, text):
            return self.flows.answer(t, state, text)
        match = self.matcher.rank(text, base_language(t.lang))
        decision = self.policy.decide(match)
        active = self.flows.active(state)
        own = active[0].entry if active else None  # "five days" is about the check's own topic
        # A word or two ("a lot", "たくさん") is a poor answer, not a new question.
        another = (
            decision.verdict is Verdict.answer
            and decision.target != own
            and len(text.strip()) >= _A_QUESTION
        )
        urgent = decision.verdict is Verdict.urgent and (
            len(text.strip()) >= _A_QUESTION or self.policy.surely_urgent(match)
        )
        if (
            urgent
            or another
            or (decision.verdict is Verdict.intent and decision.target in ("urgent", "human"))
        ):
            state.flow, state.flow_data = None, {}
            return None
        return self.flows.answer(t, state, text)

    def _language_for(self, detected: str, confidence: float, known: str | None) -> str:
        """Switch only when sure; a new user takes any reasonable guess over the default."""
        if known is None:
            return detected if confidence >= self.detector.UNSURE else self.default_language
        if confidence < self.detector.SURE or base_language(detected) == base_language(known):
            return known
        return detected

    def _respond(
        self, lang: str, match: Match, decision: Decision, state: ConversationState
    ) -> list[Reply]:
        """The decision as the user sees it, and what it means for the conversation's state:
        misses counted towards offering a person, choices kept for a numbered answer."""
        t = self.catalogs(lang)
        verdict, target, conf = decision.verdict, decision.target, match.confidence
        state.pending = []
        if verdict is Verdict.urgent or (verdict is Verdict.intent and target == "urgent"):
            state.misses = 0
            state.handoff = True
            urgent = [self.replies.urgent(t, conf)]
            if decision.beside in self.content.entries:
                # help first; then the answer to what was asked, in case it was only a question
                entry = self.content.entries[decision.beside]
                urgent.append(self.replies.answer(t, entry, conf))
            return urgent
        if verdict is Verdict.answer and target in self.content.entries:
            state.misses = 0
            return [self.replies.answer(t, self.content.entries[target], conf)]
        if verdict is Verdict.did_you_mean:
            state.pending = list(decision.choices)
            state.misses = 0
            return [self.replies.did_you_mean(t, target, decision.choices, conf)]
        out_of_scope = verdict is Verdict.intent and target == "out-of-scope"
        if verdict is Verdict.intent and target and not out_of_scope:
            state.misses = 0
            if target == "human":
                state.handoff = True
            return [self.replies.intent(t, target, conf)]
        state.misses += 1
        offer_person = state.misses >= self.policy.misses_before_offer
        return self.replies.miss(t, conf, out_of_scope=out_of_scope, offer_person=offer_person)

    async def _handoff_turn(
        self,
        opened: Opened,
        state: ConversationState,
        lang: str,
        decision: Decision,
        text: str,
        replies: list[Reply],
    ) -> list[Reply]:
        """A person is asked for, or already with the user: tickets instead of bot answers."""
        assert self.handoff is not None
        t = self.catalogs(lang)
        urgent = decision.verdict is Verdict.urgent
        if state.handoff:
            ticket = await self.handoff.active_for(opened.user_id)
            if ticket is not None and ticket.status == "claimed":
                # A counselor has the conversation: the bot is quiet, the whole message goes
                # to them (never cut).
                await self.handoff.relay_from_user(ticket, text)
                if urgent:
                    await self.handoff.request(opened.user_id, lang, reason="urgent")
                return [r for r in replies if r.kind == "urgent"]
            if ticket is None:
                wrote_again = decision.target not in _SOCIAL and not urgent
                if wrote_again and await self.handoff.reopen_recent(opened.user_id) is not None:
                    return [self.replies.reopened(t)]
                if await self.handoff.tickets.reopenable(opened.user_id) is None:
                    state.handoff = False
        if urgent:
            state.handoff = True
            queued = await self.handoff.request(opened.user_id, lang, reason="urgent")
            # the person on the way is said next to the emergency numbers, before any answer
            return [*replies[:1], self.replies.queued(t, queued), *replies[1:]]
        if replies and replies[0].intent == "human" and replies[0].handoff:
            # "I want a person" says nothing of the topic: the last answer given does.
            return [await self.commands.person(t, state, opened, reason="human")]
        return replies


def _to(deliver: Callable[[str, list[Reply]], Awaitable[None]], user: str) -> Deliver:
    async def to_user(replies: list[Reply]) -> None:
        await deliver(user, replies)

    return to_user
