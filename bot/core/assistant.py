"""The conversation, channel-free: `Assistant.handle(Incoming) -> list[Reply]`.

Channels translate updates into `Incoming` and render `Reply`s; everything a user experiences as
"what the bot decided" happens here, in the user's language, chosen once per message.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace

from bot import actions
from bot.content.loader import Content
from bot.content.models import CATEGORIES, Entry, Escalate
from bot.core.policy import Decision, Policy, Verdict
from bot.core.turns import Button, Incoming, Reply
from bot.handoff.requests import Handoff, Queued
from bot.i18n import Catalogs, Translator
from bot.languages import LANGUAGES, base_language, parse_language
from bot.nlu.detect import Detector
from bot.nlu.match import Match, Matcher
from bot.store.conversations import (
    Conversations,
    ConversationState,
    Inbound,
    Opened,
    Outbound,
    Understanding,
)

__all__ = ["MAX_TEXT", "Assistant"]

log = logging.getLogger(__name__)

MAX_TEXT = 2000  # characters matched; longer messages are read up to here


@dataclass(frozen=True, slots=True)
class _Understood:
    lang: str
    match: Match
    decision: Decision


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
    ) -> None:
        self.content = content
        self.matcher = matcher
        self.detector = detector
        self.catalogs = catalogs
        self.conversations = conversations
        self.policy = policy or Policy(
            urgent_at=matcher.calibration.urgent_at, outside_at=matcher.calibration.outside_at
        )
        self.default_language = default_language
        self.handoff = handoff

    # -- the one entry point ------------------------------------------------------------------

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Store the message, decide, store the answer; a repeated update gets no reply."""
        channel, _, external = incoming.user.partition(":")
        opened = await self.conversations.open(
            Inbound(channel, external or channel, incoming.text or "", incoming.update_id)
        )
        if opened is None:
            return []
        state = opened.state
        replies, understood = await self._turn(incoming, state, opened)
        await self.conversations.close(
            opened,
            state,
            understood,
            [Outbound(r.text, r.kind, r.lang, r.intent, r.entry, r.confidence) for r in replies],
        )
        return replies

    async def resume(
        self,
        older_than: dt.timedelta = dt.timedelta(minutes=1),
        within: dt.timedelta = dt.timedelta(hours=6),
    ) -> list[tuple[str, list[Reply]]]:
        """Answer the messages stored but never answered (the process died mid-turn, after the
        chat app was told they had arrived): (channel user, replies) for the channel to send."""
        answered = []
        for resumed in await self.conversations.unfinished(older_than, within):
            opened, user = resumed.opened, f"{resumed.channel}:{resumed.external_id}"
            state = opened.state
            replies, understood = await self._turn(Incoming(user, opened.text), state, opened)
            await self.conversations.close(
                opened,
                state,
                understood,
                [
                    Outbound(r.text, r.kind, r.lang, r.intent, r.entry, r.confidence)
                    for r in replies
                ],
            )
            log.info("unanswered message answered message=%s", opened.message_id)
            answered.append((user, replies))
        return answered

    async def _turn(
        self, incoming: Incoming, state: ConversationState, opened: Opened
    ) -> tuple[list[Reply], Understanding | None]:
        hint = parse_language(incoming.lang_hint)
        known = state.lang or hint  # None: a new user whose language nothing tells yet
        if state.lang is None:
            state.lang = known or self.default_language
        action = (incoming.action or "").strip()
        if not action.startswith("forget"):
            state.flow = None  # a confirmation is only valid as the very next step
        if action:
            return await self._action(action, state, opened), None

        text = (incoming.text or "")[:MAX_TEXT]
        if state.pending and text.strip().isdigit():
            pick = int(text.strip())
            if 1 <= pick <= len(state.pending):
                return await self._action(f"answer:{state.pending[pick - 1]}", state, opened), None

        detection = self.detector.detect(text, state.lang)
        if detection.reason == "no letters":
            t = self.catalogs(state.lang)
            reply = self._notice(t, t.gettext("Please write your question in words."), state)
            return [reply], None
        lang = self._language_for(detection.lang, detection.confidence, known)
        state.lang = lang
        match = self.matcher.rank(text, base_language(lang))
        decision = self.policy.decide(match)
        log.debug(
            "decision %s target=%s conf=%.3f", decision.verdict, decision.target, match.confidence
        )
        replies = self._respond(_Understood(lang, match, decision), state)
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
                social = decision.target in ("greeting", "thanks", "goodbye")
                reopened = None
                if not social and not urgent:
                    reopened = await self.handoff.reopen_recent(opened.user_id)
                if reopened is not None:
                    return [
                        Reply(
                            "intent",
                            t.gettext(
                                "I have told the counselor you wrote again. A person will answer "
                                "you in this chat."
                            ),
                            lang,
                            "human",
                            None,
                            1.0,
                            handoff=True,
                        )
                    ]
                if await self.handoff.tickets.reopenable(opened.user_id) is None:
                    state.handoff = False
        if urgent:
            state.handoff = True
            queued = await self.handoff.request(opened.user_id, lang, reason="urgent")
            return [*replies, self._queued(t, queued)]
        if replies and replies[0].intent == "human" and replies[0].handoff:
            # "I want a person" says nothing of the topic: the last answer given does.
            return [await self._person(t, state, opened, reason="human")]
        return replies

    async def _person(
        self,
        t: Translator,
        state: ConversationState,
        opened: Opened,
        *,
        reason: str,
        topic: str | None = None,
    ) -> Reply:
        """The user asked for a counselor (by words, /human or a button)."""
        state.handoff = True
        state.misses = 0
        if self.handoff is None:
            return self._intent(t, "human", 1.0, state)[0]
        queued = await self.handoff.request(opened.user_id, t.lang, reason=reason, topic=topic)
        if not queued.reachable:
            state.handoff = False
        return self._queued(t, queued)

    def _queued(self, t: Translator, queued: Queued) -> Reply:
        """What the user is told after asking for a person: the truth about the queue."""
        if not queued.reachable:
            text = t.gettext(
                "No counselor can be reached through this chat at the moment. For help from a "
                "person, please contact the Tokyo consultation offices listed in the menu, or "
                "in an emergency call 110 (police) or 119 (ambulance)."
            )
            return Reply(
                "intent", text, t.lang, "human", None, 1.0, buttons=self._menu(t, 1.0).buttons
            )
        if queued.claimed:
            text = t.gettext("A counselor is already with you in this chat. Write your message.")
        else:
            text = t.gettext(
                "I have asked a counselor to join. A person will answer you in this chat. "
                "You are number {position} in the queue.",
                position=queued.position,
            )
            if queued.next_opening is not None:
                text += "\n" + t.gettext(
                    "Our counselors are not at the desk now. The next opening is {when}; your "
                    "messages are kept until then.",
                    when=t.datetime(queued.next_opening, "full"),
                )
        return Reply("intent", text, t.lang, "human", None, 1.0, handoff=True)

    def answer_for(self, entry_id: str, lang: str) -> Reply:
        """A knowledge answer in `lang`, as a counselor pushes it (/send N entry)."""
        return self._answer(self.catalogs(lang), self.content.entries[entry_id], 1.0)[0]

    def answer_text(self, entry_id: str, lang: str) -> str:
        """What the handoff's desk is handed in to push an entry: the answer's text."""
        return self.answer_for(entry_id, lang).text

    def _language_for(self, detected: str, confidence: float, known: str | None) -> str:
        """Switch only when sure; a new user takes any reasonable guess over the default."""
        if known is None:
            return detected if confidence >= self.detector.UNSURE else self.default_language
        if confidence < self.detector.SURE or base_language(detected) == base_language(known):
            return known
        return detected

    # -- decisions -> replies -------------------------------------------------------------------

    def _respond(self, u: _Understood, state: ConversationState) -> list[Reply]:
        t = self.catalogs(u.lang)
        verdict, target = u.decision.verdict, u.decision.target
        conf = u.match.confidence
        state.pending = []
        if verdict is Verdict.urgent:
            state.misses = 0
            state.handoff = True
            return [self._urgent(t, conf)]
        if verdict is Verdict.answer and target in self.content.entries:
            state.misses = 0
            return self._answer(t, self.content.entries[target], conf)
        if verdict is Verdict.intent and target:
            return self._intent(t, target, conf, state)
        if verdict is Verdict.did_you_mean:
            state.pending = list(u.decision.choices)
            state.misses = 0
            buttons = tuple(
                Button(self.content.entries[c].text("title", u.lang)[0], f"answer:{c}")
                for c in u.decision.choices
            )
            lines = [t.gettext("Did you mean one of these? Choose one, or ask in other words.")]
            lines += [f"{i}. {b.label}" for i, b in enumerate(buttons, 1)]
            return [
                Reply("did-you-mean", "\n".join(lines), u.lang, target, None, conf, buttons=buttons)
            ]
        return self._miss(t, conf, state)

    def _answer(self, t: Translator, entry: Entry, conf: float) -> list[Reply]:
        title, _ = entry.text("title", t.lang)
        body, used = entry.text("answer", t.lang)
        parts = []
        if base_language(used) != base_language(t.lang) or (used == "ja" and t.lang == "ja-easy"):
            parts.append(
                t.gettext(
                    "This answer is not yet available in {language}; here it is in {fallback}.",
                    language=LANGUAGES[t.lang].name,
                    fallback=LANGUAGES[used].name,
                )
            )
        parts += [title, body]
        sources = "\n".join(
            t.gettext(
                "Source: {title} {url} (checked {date})",
                title=s.title,
                url=str(s.url),
                date=t.date(s.as_of, "medium"),
            )
            for s in entry.sources
        )
        parts.append(sources)
        buttons: list[Button] = [
            Button(t.gettext("👍 Helpful"), f"feedback:up:{entry.id}"),
            Button(t.gettext("👎 Not helpful"), f"feedback:down:{entry.id}"),
        ]
        if entry.escalate is Escalate.always:
            parts.append(t.gettext("You can also talk to a counselor about this in confidence."))
            buttons.append(Button(t.gettext("Talk to a counselor"), "human:always"))
        return [
            Reply(
                "answer",
                "\n\n".join(parts),
                t.lang,
                entry.id,
                entry.id,
                conf,
                sources=tuple(entry.sources),
                buttons=tuple(buttons),
                title=title,
            )
        ]

    def _urgent(self, t: Translator, conf: float) -> Reply:
        intent = self.content.intents.get("urgent")
        contacts = intent.text(t.lang) if intent else None
        parts = [t.gettext("This sounds urgent. Your safety comes first.")]
        if contacts:
            parts.append(contacts[0])
        parts.append(
            t.gettext("A counselor of this desk has been alerted and will contact you here.")
        )
        sources = tuple(intent.sources) if intent else ()
        return Reply(
            "urgent",
            "\n\n".join(parts),
            t.lang,
            "urgent",
            None,
            conf,
            handoff=True,
            sources=sources,
        )

    def _intent(
        self, t: Translator, intent: str, conf: float, state: ConversationState
    ) -> list[Reply]:
        if intent == "urgent":
            state.handoff = True
            return [self._urgent(t, conf)]
        if intent == "human":
            state.handoff = True
            state.misses = 0
            return [
                Reply(
                    "intent",
                    t.gettext(
                        "I have asked a counselor to join. A person will reply in this chat as soon "
                        "as possible."
                    ),
                    t.lang,
                    "human",
                    None,
                    conf,
                    handoff=True,
                )
            ]
        if intent == "out-of-scope":
            return self._miss(t, conf, state, out_of_scope=True)
        state.misses = 0
        if intent == "greeting":
            text = t.gettext(
                "Hello! I am madoguchi, the support desk for work in Tokyo. Ask me about hiring, "
                "training, work-style reform, telework and subsidies, or about your rights at "
                "work: paid leave, wages, insurance, your residence card."
            )
            return [Reply("intent", text, t.lang, intent, None, conf)]
        if intent == "thanks":
            return [
                Reply(
                    "intent",
                    t.gettext("You are welcome. Is there anything else I can help with?"),
                    t.lang,
                    intent,
                    None,
                    conf,
                )
            ]
        if intent == "goodbye":
            return [
                Reply(
                    "intent",
                    t.gettext("Goodbye. Write any time if you have another question."),
                    t.lang,
                    intent,
                    None,
                    conf,
                )
            ]
        if intent == "change-language":
            return [self._language_picker(t, conf)]
        # help
        menu = self._menu(t, conf)
        text = t.gettext(
            "I answer questions about work in Tokyo, in your language. Write your question in "
            "your own words, or choose a topic. To talk to a person, ask for a counselor."
        )
        return [Reply("intent", text, t.lang, "help", None, conf, buttons=menu.buttons)]

    def _miss(
        self, t: Translator, conf: float, state: ConversationState, *, out_of_scope: bool = False
    ) -> list[Reply]:
        state.misses += 1
        if out_of_scope:
            text = t.gettext(
                "Sorry, that is outside what I can help with. I answer questions about work "
                "and business in Tokyo."
            )
        else:
            text = t.gettext(
                "Sorry, I am not sure I understood. Could you say it in other words, or choose "
                "a topic?"
            )
        replies = [
            Reply(
                "menu",
                text,
                t.lang,
                "out-of-scope",
                None,
                conf,
                buttons=self._menu(t, conf).buttons,
            )
        ]
        if state.misses >= self.policy.misses_before_offer:
            replies.append(
                Reply(
                    "notice",
                    t.gettext(
                        "Would you like to talk to a counselor? A person can help with questions I "
                        "cannot answer."
                    ),
                    t.lang,
                    "human",
                    None,
                    conf,
                    buttons=(Button(t.gettext("Talk to a counselor"), "human:misses"),),
                )
            )
        return replies

    # -- actions (buttons and commands) -----------------------------------------------------------

    async def _action(self, action: str, state: ConversationState, opened: Opened) -> list[Reply]:
        t = self.catalogs(state.lang or self.default_language)
        parsed = actions.parse(action)
        # A payload we could not have sent (forged, or from an old version): the menu again.
        kind, arg = (parsed.kind, parsed.arg) if parsed else ("invalid", "")
        state.pending = []
        if kind == "answer" and arg in self.content.entries:
            state.misses = 0
            return self._answer(t, self.content.entries[arg], 1.0)
        if kind == "menu" and not arg:
            return [self._menu(t, 1.0)]
        if kind == "menu" and arg in CATEGORIES:
            entries = sorted(self.content.in_category(arg), key=lambda e: e.id)
            buttons = tuple(Button(e.text("title", t.lang)[0], f"answer:{e.id}") for e in entries)
            lines = [self.content.category_title(arg, t.lang)]
            lines += [f"{i}. {b.label}" for i, b in enumerate(buttons, 1)]
            return [Reply("menu", "\n".join(lines), t.lang, None, None, 1.0, buttons=buttons)]
        if kind == "lang":
            code = parse_language(arg)
            if code is None:
                names = t.list([f"{lang.code} ({lang.name})" for lang in LANGUAGES.values()])
                return [
                    Reply(
                        "notice",
                        t.gettext(
                            "I do not know that language. Choose one of: {names}", names=names
                        ),
                        t.lang,
                        "change-language",
                        None,
                        1.0,
                    )
                ]
            state.lang, state.chosen = code, True
            t = self.catalogs(code)
            return [
                Reply(
                    "notice",
                    t.gettext(
                        "From now on I will answer in {language}.", language=LANGUAGES[code].name
                    ),
                    code,
                    "change-language",
                    None,
                    1.0,
                )
            ]
        if kind == "language":
            return [self._language_picker(t, 1.0)]
        if kind == "human":
            return [await self._person(t, state, opened, reason=arg or "human")]
        if kind == "rate" and self.handoff:
            number, _, score = arg.partition(":")
            if await self.handoff.rate(int(number), opened.user_id, int(score)):
                return [self._notice(t, t.gettext("Thank you for your rating."), state)]
        if kind == "help":
            return self._intent(t, "help", 1.0, state)
        if kind == "start":
            # First contact: hello in the language Telegram told us, a language picker (each
            # language named in itself), then the topics.
            hello = self._intent(t, "greeting", 1.0, state)[0]
            picker = self._language_picker(t, 1.0)
            return [
                replace(hello, text=f"{hello.text}\n\n{picker.text}", buttons=picker.buttons),
                self._menu(t, 1.0),
            ]
        if kind == "non-text":
            return [
                self._notice(
                    t,
                    t.gettext("I can only read text. Please write your question in words."),
                    state,
                )
            ]
        if kind == "throttled":
            if arg == "quiet":
                return []
            return [
                self._notice(
                    t,
                    t.gettext(
                        "You are sending messages very quickly. I have kept them; please wait a few "
                        "seconds before writing again."
                    ),
                    state,
                )
            ]
        if kind == "feedback":
            vote, _, entry = arg.partition(":")
            if entry in self.content.entries and vote in ("up", "down"):
                await self.conversations.feedback(
                    opened.user_id, entry, 1 if vote == "up" else -1, t.lang
                )
            if vote == "down":
                return [
                    Reply(
                        "notice",
                        t.gettext(
                            "Sorry this did not help. Would you like to talk to a counselor?"
                        ),
                        t.lang,
                        "human",
                        None,
                        1.0,
                        buttons=(Button(t.gettext("Talk to a counselor"), "human:thumbs-down"),),
                    )
                ]
            return [self._notice(t, t.gettext("Thank you for your feedback."), state)]
        if kind == "forget":
            return await self._forget(t, arg, state, opened)
        if kind == "unknown-command":
            return [
                self._notice(t, t.gettext("I do not know that command. Try /menu or /help."), state)
            ]
        return [
            self._notice(
                t,
                t.gettext("That button is no longer valid. Here is the menu again."),
                state,
                buttons=self._menu(t, 1.0).buttons,
            )
        ]

    async def _forget(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply]:
        """/forgetme asks first; only a confirmation deletes, and then everything goes."""
        if arg == "yes" and state.flow == "forget:confirm":
            if self.handoff is not None:
                await self.handoff.close_for_forget(opened.user_id)
            await self.conversations.forget(opened.user_id)
            return [
                self._notice(
                    t, t.gettext("Done. Your messages and your profile have been deleted."), state
                )
            ]
        if arg in ("yes", "no"):
            state.flow = None
            return [self._notice(t, t.gettext("Nothing was deleted."), state)]
        state.flow = "forget:confirm"
        return [
            Reply(
                "notice",
                t.gettext(
                    "Delete all your messages and your profile from madoguchi? This cannot be undone."
                ),
                t.lang,
                None,
                None,
                1.0,
                buttons=(
                    Button(t.gettext("Yes, delete everything"), "forget:yes"),
                    Button(t.gettext("No, keep it"), "forget:no"),
                ),
            )
        ]

    def _menu(self, t: Translator, conf: float) -> Reply:
        buttons = (
            *(
                Button(self.content.category_title(c, t.lang), f"menu:{c}")
                for c in CATEGORIES
                if self.content.in_category(c)
            ),
            Button(t.gettext("Talk to a counselor"), "human"),
        )
        lines = [t.gettext("Topics I can help with:")]
        lines += [f"{i}. {b.label}" for i, b in enumerate(buttons, 1)]
        return Reply("menu", "\n".join(lines), t.lang, None, None, conf, buttons=buttons)

    def _language_picker(self, t: Translator, conf: float) -> Reply:
        buttons = tuple(Button(lang.name, f"lang:{lang.code}") for lang in LANGUAGES.values())
        lines = [t.gettext("Which language would you like?")]
        lines += [f"{i}. {b.label}" for i, b in enumerate(buttons, 1)]
        return Reply(
            "intent", "\n".join(lines), t.lang, "change-language", None, conf, buttons=buttons
        )

    def _notice(
        self, t: Translator, text: str, state: ConversationState, buttons: tuple[Button, ...] = ()
    ) -> Reply:
        return Reply("notice", text, t.lang, None, None, 0.0, buttons=buttons)
