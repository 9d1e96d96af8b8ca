"""Every `Reply` the conversation sends, built from the content and the user's translator.

Building a reply decides nothing: the turn and the commands choose which reply a user gets and
keep the conversation's state; this module only words it, in the user's language, with the
buttons that go with it. Kept apart so that what the bot says can be read in one place.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.content.loader import Content
from bot.content.models import CATEGORIES, Entry, Escalate
from bot.core.turns import Button, Reply
from bot.handoff.requests import Queued
from bot.i18n import Translator
from bot.languages import LANGUAGES

__all__ = ["Replies", "notice"]


def notice(t: Translator, text: str, buttons: tuple[Button, ...] = ()) -> Reply:
    """A line about the conversation itself, not about any topic."""
    return Reply("notice", text, t.lang, None, None, 0.0, buttons=buttons)


def _numbered(heading: str, buttons: tuple[Button, ...]) -> str:
    """Buttons repeated as a numbered list: a channel without buttons still offers the choice,
    and a user may answer with the number."""
    return "\n".join([heading, *(f"{i}. {b.label}" for i, b in enumerate(buttons, 1))])


# The intents answered with a fixed line (urgent, human, help and the language picker carry
# more and have their own builders).
_SMALL_TALK: dict[str, Callable[[Translator], str]] = {
    "greeting": lambda t: t.gettext(
        "Hello! I am madoguchi, the support desk for work in Tokyo. Ask me about hiring, "
        "training, work-style reform, telework and subsidies, or about your rights at "
        "work: paid leave, wages, insurance, your residence card."
    ),
    "thanks": lambda t: t.gettext("You are welcome. Is there anything else I can help with?"),
    "goodbye": lambda t: t.gettext("Goodbye. Write any time if you have another question."),
}


class Replies:
    def __init__(self, content: Content) -> None:
        self.content = content

    # -- what the user asked about -------------------------------------------------------------

    def answer(self, t: Translator, entry: Entry, conf: float) -> Reply:
        """A knowledge answer with its sources; says so when it is not in the user's language."""
        title, _ = entry.text("title", t.lang)
        body, used = entry.text("answer", t.lang)
        parts = []
        if used != t.lang:
            parts.append(
                t.gettext(
                    "This answer is not yet available in {language}; here it is in {fallback}.",
                    language=LANGUAGES[t.lang].name,
                    fallback=LANGUAGES[used].name,
                )
            )
        parts += [title, body]
        parts.append(
            "\n".join(
                t.gettext(
                    "Source: {title} {url} (checked {date})",
                    title=s.title,
                    url=str(s.url),
                    date=t.date(s.as_of, "medium"),
                )
                for s in entry.sources
            )
        )
        buttons: list[Button] = [
            Button(t.gettext("👍 Helpful"), f"feedback:up:{entry.id}"),
            Button(t.gettext("👎 Not helpful"), f"feedback:down:{entry.id}"),
        ]
        if entry.escalate is Escalate.always:
            parts.append(t.gettext("You can also talk to a counselor about this in confidence."))
            buttons.append(Button(t.gettext("Talk to a counselor"), "human:always"))
        return Reply(
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

    def did_you_mean(
        self, t: Translator, target: str | None, choices: tuple[str, ...], conf: float
    ) -> Reply:
        buttons = tuple(
            Button(self.content.entries[c].text("title", t.lang)[0], f"answer:{c}") for c in choices
        )
        text = _numbered(
            t.gettext("Did you mean one of these? Choose one, or ask in other words."), buttons
        )
        return Reply("did-you-mean", text, t.lang, target, None, conf, buttons=buttons)

    def urgent(self, t: Translator, conf: float) -> Reply:
        """Safety first: the emergency contacts in the user's language, and a person alerted."""
        intent = self.content.intents.get("urgent")
        contacts = intent.text(t.lang) if intent else None
        parts = [t.gettext("This sounds urgent. Your safety comes first.")]
        if contacts:
            parts.append(contacts[0])
        parts.append(
            t.gettext("A counselor of this desk has been alerted and will contact you here.")
        )
        return Reply(
            "urgent",
            "\n\n".join(parts),
            t.lang,
            "urgent",
            None,
            conf,
            handoff=True,
            sources=tuple(intent.sources) if intent else (),
        )

    def intent(self, t: Translator, intent: str, conf: float) -> Reply:
        """The reply to a conversation intent (urgent and out-of-scope have their own)."""
        if intent == "human":
            text = t.gettext(
                "I have asked a counselor to join. A person will reply in this chat as soon "
                "as possible."
            )
            return Reply("intent", text, t.lang, "human", None, conf, handoff=True)
        if intent in _SMALL_TALK:
            return Reply("intent", _SMALL_TALK[intent](t), t.lang, intent, None, conf)
        if intent == "change-language":
            return self.language_picker(t, conf)
        text = t.gettext(
            "I answer questions about work in Tokyo, in your language. Write your question in "
            "your own words, or choose a topic. To talk to a person, ask for a counselor."
        )
        return Reply("intent", text, t.lang, "help", None, conf, buttons=self.menu(t, conf).buttons)

    def miss(
        self, t: Translator, conf: float, *, out_of_scope: bool, offer_person: bool
    ) -> list[Reply]:
        """Not understood, or not ours to answer: the menu, and after a few misses a person."""
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
        menu = self.menu(t, conf).buttons
        replies = [Reply("menu", text, t.lang, "out-of-scope", None, conf, buttons=menu)]
        if offer_person:
            text = t.gettext(
                "Would you like to talk to a counselor? A person can help with questions I "
                "cannot answer."
            )
            button = Button(t.gettext("Talk to a counselor"), "human:misses")
            replies.append(Reply("notice", text, t.lang, "human", None, conf, buttons=(button,)))
        return replies

    # -- menus ---------------------------------------------------------------------------------

    def menu(self, t: Translator, conf: float) -> Reply:
        """The topics that have entries, and a person."""
        buttons = (
            *(
                Button(self.content.category_title(c, t.lang), f"menu:{c}")
                for c in CATEGORIES
                if self.content.in_category(c)
            ),
            Button(t.gettext("Talk to a counselor"), "human"),
        )
        text = _numbered(t.gettext("Topics I can help with:"), buttons)
        return Reply("menu", text, t.lang, None, None, conf, buttons=buttons)

    def category(self, t: Translator, category: str) -> Reply:
        """The entries of one topic, by id so that the order never shifts between languages."""
        entries = sorted(self.content.in_category(category), key=lambda e: e.id)
        buttons = tuple(Button(e.text("title", t.lang)[0], f"answer:{e.id}") for e in entries)
        text = _numbered(self.content.category_title(category, t.lang), buttons)
        return Reply("menu", text, t.lang, None, None, 1.0, buttons=buttons)

    def language_picker(self, t: Translator, conf: float) -> Reply:
        """Each language named in itself, so a user who cannot read this one finds theirs."""
        buttons = tuple(Button(lang.name, f"lang:{lang.code}") for lang in LANGUAGES.values())
        text = _numbered(t.gettext("Which language would you like?"), buttons)
        return Reply("intent", text, t.lang, "change-language", None, conf, buttons=buttons)

    # -- a person ------------------------------------------------------------------------------

    def queued(self, t: Translator, queued: Queued) -> Reply:
        """What the user is told after asking for a person: the truth about the queue."""
        if not queued.reachable:
            text = t.gettext(
                "No counselor can be reached through this chat at the moment. For help from a "
                "person, please contact the Tokyo consultation offices listed in the menu, or "
                "in an emergency call 110 (police) or 119 (ambulance)."
            )
            menu = self.menu(t, 1.0).buttons
            return Reply("intent", text, t.lang, "human", None, 1.0, buttons=menu)
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

    def reopened(self, t: Translator) -> Reply:
        """The user wrote again soon after a person closed the ticket: it is open again."""
        text = t.gettext(
            "I have told the counselor you wrote again. A person will answer you in this chat."
        )
        return Reply("intent", text, t.lang, "human", None, 1.0, handoff=True)
