"""What a button press or a slash command does: one table from action kind to handler.

`bot.actions` owns the payload strings and refuses any we could not have sent; this module owns
what each accepted action does to the conversation. A handler returns None when the action
cannot be carried out (an entry or topic that no longer exists, a rating nobody asked for), and
the user gets the menu again, as for a forged payload.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import replace

from bot import actions
from bot.content.loader import Content
from bot.content.models import CATEGORIES
from bot.core.flows import Flows
from bot.core.replies import Replies, notice
from bot.core.turns import Button, Reply
from bot.handoff.requests import Handoff
from bot.i18n import Catalogs, Translator
from bot.languages import LANGUAGES, parse_language
from bot.outreach.notices import Notices
from bot.outreach.reminders import Reminders
from bot.store.conversations import Conversations, ConversationState, Opened

__all__ = ["COMMANDS", "Commands"]


class Commands:
    def __init__(
        self,
        content: Content,
        catalogs: Catalogs,
        conversations: Conversations,
        replies: Replies,
        handoff: Handoff | None,
        flows: Flows,
        reminders: Reminders | None = None,
        notices: Notices | None = None,
    ) -> None:
        self.content = content
        self.catalogs = catalogs
        self.conversations = conversations
        self.replies = replies
        self.handoff = handoff
        self.flows = flows
        self.reminders = reminders
        self.notices = notices

    async def run(
        self, action: str, t: Translator, state: ConversationState, opened: Opened
    ) -> list[Reply]:
        """Carry out `action` (untrusted: whatever the chat app sent back) for this user."""
        parsed = actions.parse(action)
        state.pending = []  # a numbered choice is only valid as the very next message
        handler = COMMANDS.get(parsed.kind) if parsed else None
        done = await handler(self, t, parsed.arg, state, opened) if parsed and handler else None
        if done is None:
            menu = self.replies.menu(t, 1.0).buttons
            text = t.gettext("That button is no longer valid. Here is the menu again.")
            return [notice(t, text, buttons=menu)]
        return done

    async def person(
        self, t: Translator, state: ConversationState, opened: Opened, *, reason: str
    ) -> Reply:
        """The user asked for a counselor (by words, /human or a button): queue them, and tell
        them the truth about the queue."""
        state.handoff = True
        state.misses = 0
        if self.handoff is None:
            return self.replies.intent(t, "human", 1.0)
        queued = await self.handoff.request(opened.user_id, t.lang, reason=reason)
        if not queued.reachable:
            state.handoff = False
        return self.replies.queued(t, queued)

    # -- the handlers: (translator, argument, state, opened) -> replies, or None ----------------

    async def _answer(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        if arg not in self.content.entries:
            return None
        state.misses = 0
        return [self.replies.answer(t, self.content.entries[arg], 1.0)]

    async def _menu(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        if not arg:
            return [self.replies.menu(t, 1.0)]
        if arg in CATEGORIES:
            return [self.replies.category(t, arg)]
        return None

    async def _lang(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        code = parse_language(arg)
        if code is None:
            names = t.list([f"{lang.code} ({lang.name})" for lang in LANGUAGES.values()])
            text = t.gettext("I do not know that language. Choose one of: {names}", names=names)
            return [Reply("notice", text, t.lang, "change-language", None, 1.0)]
        state.lang, state.chosen = code, True
        t = self.catalogs(code)
        text = t.gettext("From now on I will answer in {language}.", language=LANGUAGES[code].name)
        return [Reply("notice", text, code, "change-language", None, 1.0)]

    async def _language(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        return [self.replies.language_picker(t, 1.0)]

    async def _human(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        if arg == "urgent":  # "It is urgent" under a reply: as an urgent message would be
            return [self.replies.urgent(t, 1.0), await self.person(t, state, opened, reason=arg)]
        return [await self.person(t, state, opened, reason=arg or "human")]

    async def _rate(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        number, _, score = arg.partition(":")
        if self.handoff is None or not await self.handoff.rate(
            int(number), opened.user_id, int(score)
        ):
            return None
        return [notice(t, t.gettext("Thank you for your rating."))]

    async def _help(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        state.misses = 0
        return [self.replies.intent(t, "help", 1.0)]

    async def _start(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        """First contact: hello in the language the chat app told us, a language picker (each
        language named in itself), then the topics."""
        state.misses = 0
        hello = self.replies.intent(t, "greeting", 1.0)
        picker = self.replies.language_picker(t, 1.0)
        return [
            replace(hello, text=f"{hello.text}\n\n{picker.text}", buttons=picker.buttons),
            self.replies.menu(t, 1.0),
        ]

    async def _non_text(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        return [notice(t, t.gettext("I can only read text. Please write your question in words."))]

    async def _throttled(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        if arg == "quiet":
            return []
        text = t.gettext(
            "You are sending messages very quickly. I have kept them; please wait a few "
            "seconds before writing again."
        )
        return [notice(t, text)]

    async def _feedback(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        vote, _, entry = arg.partition(":")
        if entry in self.content.entries:
            score = 1 if vote == "up" else -1
            await self.conversations.feedback(opened.user_id, entry, score, t.lang)
        if vote == "down":
            text = t.gettext("Sorry this did not help. Would you like to talk to a counselor?")
            button = Button(t.gettext("Talk to a counselor"), "human:thumbs-down")
            return [Reply("notice", text, t.lang, "human", None, 1.0, buttons=(button,))]
        return [notice(t, t.gettext("Thank you for your feedback."))]

    async def _forget(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        """/forgetme asks first; only a confirmation deletes, and then everything goes."""
        if arg == "yes" and state.flow == "forget:confirm":
            if self.handoff is not None:
                await self.handoff.close_for_forget(opened.user_id)
            await self.conversations.forget(opened.user_id)
            return [notice(t, t.gettext("Done. Your messages and your profile have been deleted."))]
        if arg in ("yes", "no"):
            state.flow = None
            return [notice(t, t.gettext("Nothing was deleted."))]
        state.flow = "forget:confirm"
        text = t.gettext(
            "Delete all your messages and your profile from madoguchi? This cannot be undone."
        )
        buttons = (
            Button(t.gettext("Yes, delete everything"), "forget:yes"),
            Button(t.gettext("No, keep it"), "forget:no"),
        )
        return [Reply("notice", text, t.lang, None, None, 1.0, buttons=buttons)]

    async def _check(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        """/check lists the self-checks; a check's button starts it (from its first question)."""
        state.misses = 0
        if not arg:
            return [self.flows.menu(t)]
        return self.flows.start(t, state, arg)

    async def _pick(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        if self.flows.active(state) is None:
            return None
        return self.flows.answer(t, state, "", picked=arg)

    async def _cancel(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        return self.flows.cancel(t, state)

    async def _remind(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        """From the residence-card check: three reminders before the card expires."""
        if self.reminders is None:
            return [notice(t, t.gettext("Reminders are not available here."))]
        try:
            expiry = dt.date.fromisoformat(arg)
        except ValueError:  # a forged payload of the right shape (2027-02-30)
            return None
        made = await self.reminders.schedule(opened.user_id, expiry, t.lang)
        if not made:
            text = t.gettext(
                "Your card expires too soon for reminders: please apply at the immigration office "
                "now."
            )
            return [notice(t, text)]
        days = t.list([t.date(r.due_local.date(), "long") for r in made])
        text = t.gettext(
            "I will remind you on {days}, at 10:00 Tokyo time. /reminders lists and cancels them.",
            days=days,
        )
        return [notice(t, text)]

    async def _reminders(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        """/reminders: the user's reminders still to come, each with a button to cancel it."""
        if self.reminders is None:
            return [notice(t, t.gettext("Reminders are not available here."))]
        if arg.startswith("cancel:"):
            if not await self.reminders.cancel(opened.user_id, int(arg.removeprefix("cancel:"))):
                return None
            return [notice(t, t.gettext("Reminder cancelled."))]
        upcoming = await self.reminders.list(opened.user_id)
        if not upcoming:
            return [notice(t, t.gettext("You have no reminders."))]
        lines = [t.gettext("Your reminders:")]
        buttons = []
        for number, reminder in enumerate(upcoming, 1):
            when = t.datetime(reminder.due_local, "short")
            lines.append(f"{number}. {when}: " + t.gettext("residence card"))
            label = t.gettext("Cancel reminder {number}", number=number)
            buttons.append(Button(label, f"reminders:cancel:{reminder.id}"))
        return [notice(t, "\n".join(lines), buttons=tuple(buttons))]

    async def _notices(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        """/notices on|off: notices from the desk (typhoons, a new minimum wage...)."""
        if self.notices is None:
            return [notice(t, t.gettext("Notices are not available here."))]
        if arg in ("on", "off"):
            await self.notices.subscribe(opened.user_id, on=arg == "on")
        receiving = await self.notices.subscribed(opened.user_id)
        if receiving:
            text = t.gettext("You receive notices from this desk (typhoons, new rules...).")
            button = Button(t.gettext("Stop notices"), "notices:off")
        else:
            text = t.gettext("You do not receive notices from this desk.")
            button = Button(t.gettext("Receive notices"), "notices:on")
        return [notice(t, text, buttons=(button,))]

    async def _unknown_command(
        self, t: Translator, arg: str, state: ConversationState, opened: Opened
    ) -> list[Reply] | None:
        return [notice(t, t.gettext("I do not know that command. Try /menu or /help."))]


Handler = Callable[
    [Commands, Translator, str, ConversationState, Opened], Awaitable[list[Reply] | None]
]

# Every kind `bot.actions` accepts from a user; "claim" is the desk's and is not here.
COMMANDS: dict[str, Handler] = {
    "answer": Commands._answer,
    "menu": Commands._menu,
    "lang": Commands._lang,
    "language": Commands._language,
    "human": Commands._human,
    "rate": Commands._rate,
    "help": Commands._help,
    "start": Commands._start,
    "non-text": Commands._non_text,
    "throttled": Commands._throttled,
    "feedback": Commands._feedback,
    "forget": Commands._forget,
    "unknown-command": Commands._unknown_command,
    "check": Commands._check,
    "pick": Commands._pick,
    "cancel": Commands._cancel,
    "remind": Commands._remind,
    "reminders": Commands._reminders,
    "notices": Commands._notices,
}
