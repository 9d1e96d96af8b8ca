"""Every `Reply` the conversation sends, built from the content and the user's translator.

Building a reply decides nothing: the turn and the commands choose which reply a user gets and
keep the conversation's state; this module only words it, in the user's language, with the
buttons that go with it. Kept apart so that what the bot says can be read in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from zoneinfo import ZoneInfo

from babel.dates import get_day_names

from bot.content.loader import FACT_REF, Content
from bot.content.models import (
    CATEGORIES,
    Entry,
    Escalate,
    FactAt,
    FactKind,
    HelpLine,
    ProgrammeStatus,
)
from bot.core.turns import Button, Reply
from bot.handoff.hours import BusinessHours
from bot.handoff.requests import Queued
from bot.i18n import Translator
from bot.languages import LANGUAGES, fallbacks

__all__ = ["HELP_LINES_ENTRY", "Replies", "fact_text", "notice", "tokyo_today"]

HELP_LINES_ENTRY = "consultation-centers-foreigners"  # its answer lists the lines, as urgent does


def tokyo_today() -> dt.date:
    """The date in Tokyo, where every fact and deadline of the content is dated."""
    return dt.datetime.now(ZoneInfo("Asia/Tokyo")).date()


def _value(t: Translator, kind: FactKind, value: float | dt.date) -> str:
    if isinstance(value, dt.date):
        return t.date(value, "long")
    amount = t.number(value)
    if kind is FactKind.yen_per_hour:
        return t.gettext("{amount} yen an hour", amount=amount)
    if kind is FactKind.yen_per_month:
        return t.gettext("{amount} yen a month", amount=amount)
    if kind is FactKind.yen:
        return t.gettext("{amount} yen", amount=amount)
    return amount


def fact_text(t: Translator, at: FactAt) -> str:
    """A dated fact as the user reads it: the value in force and since when, the next one when
    it is announced; once past its review date, the period it is known for and where to check,
    never a figure posing as current."""
    kind, period = at.fact.kind, at.period
    value = _value(t, kind, period.value)
    since = t.date(period.valid_from, "long")
    if at.stale:
        if period.valid_until is not None:
            return t.gettext(
                "{value} (the figure from {since} to {until}; check the current figure on the "
                "official page)",
                value=value,
                since=since,
                until=t.date(period.valid_until, "long"),
            )
        return t.gettext(
            "{value} (the figure since {since}, last confirmed on {checked}; it may have "
            "changed: check the current figure on the official page)",
            value=value,
            since=since,
            checked=t.date(period.source.as_of, "long"),
        )
    if at.next is not None:
        return t.gettext(
            "{value} (since {since}; {next_value} from {next_since})",
            value=value,
            since=since,
            next_value=_value(t, kind, at.next.value),
            next_since=t.date(at.next.valid_from, "long"),
        )
    return t.gettext("{value} (since {since})", value=value, since=since)


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


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _hours_text(t: Translator, line: HelpLine) -> str:
    if line.hours == "always":
        return t.gettext("24 hours, every day")
    days = get_day_names("abbreviated", locale=t.locale)
    parts = []
    for item in line.hours:
        span, times = item.split(" ")
        first, _, last = span.partition("-")
        names = [days[_WEEKDAYS.index(d.lower())] for d in (first, last) if d]
        parts.append(f"{'–'.join(names)} {times.replace('-', '–')}")
    return "; ".join(parts)


_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class Replies:
    def __init__(
        self,
        content: Content,
        today: Callable[[], dt.date] = tokyo_today,
        now: Callable[[], dt.datetime] = _utcnow,
    ) -> None:
        self.content = content
        self.today = today
        self.now = now

    def helplines(self, t: Translator, topic: str) -> str | None:
        """The lines that speak the user's language, open now first, each with its hours."""
        lines = [
            line
            for line in self.content.helplines.values()
            if topic in line.topics and t.lang in line.languages
        ]
        if not lines:
            return None
        now = self.now()
        rows = []
        for line in lines:
            if line.hours == "always":
                rows.append((now, line, t.gettext("open now")))
                continue
            spans = [BusinessHours.parse(f"{h} Asia/Tokyo") for h in line.hours]
            if line.holidays == "open":
                spans = [replace(span, observe_holidays=False) for span in spans]
            opening = min(span.next_opening(now) for span in spans)
            status = (
                t.gettext("open now")
                if opening == now
                else t.gettext("closed now, opens {when}", when=t.datetime(opening, "short"))
            )
            rows.append((opening, line, status))
        rows.sort(key=lambda row: (row[0], row[1].id))
        heading = t.gettext(
            "Lines that answer in {language}, open now first:", language=LANGUAGES[t.lang].name
        )
        out = [heading]
        for _, line, status in rows:
            name = next(line.name[c] for c in (*fallbacks(t.lang), "en") if line.name.get(c))
            out.append(f"• {name}: {line.phone} ({_hours_text(t, line)}; {status})")
        return "\n".join(out)

    def _filled(self, t: Translator, text: str) -> str:
        """An answer with its {fact:ID}s worded for today."""
        if "{fact:" not in text:
            return text
        day = self.today()
        return FACT_REF.sub(lambda m: fact_text(t, self.content.facts[m[1]].at(day)), text)

    def _programme(self, t: Translator, entry: Entry) -> str | None:
        """What an answer must say first about a programme not confirmed to be running."""
        programme = entry.programme
        if programme is None or programme.status is ProgrammeStatus.open:
            return None
        checked = t.date(programme.checked, "long")
        if programme.status is ProgrammeStatus.closed:
            line = t.gettext(
                "This programme has ended and takes no new applications (checked on {date}).",
                date=checked,
            )
        else:
            line = t.gettext(
                "That this programme is running now could not be confirmed on its official page "
                "(checked on {date}); check there before you plan on it.",
                date=checked,
            )
        return line

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
        parts.append(title)
        status = self._programme(t, entry)
        if status:
            parts.append(status)
        parts.append(self._filled(t, body))
        if entry.id == HELP_LINES_ENTRY:
            lines = self.helplines(t, "consultation")
            if lines:
                parts.append(lines)
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
        for flow in self.content.flows.values():
            if flow.entry == entry.id:
                buttons.append(Button(t.gettext(flow.title), f"check:{flow.id}"))
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
        lines = self.helplines(t, "urgent")
        if lines:
            parts.append(lines)
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

    def with_safety(self, t: Translator, reply: Reply) -> Reply:
        """A reply that is not urgent, to a message the urgent intent ranks close behind
        (`Decision.safety`): the emergency numbers, and one tap to be treated as urgent."""
        line = t.gettext(
            "If someone is hurt or in danger right now, call 119 (ambulance) or 110 (police), "
            "or press “It is urgent” and a counselor is alerted."
        )
        button = Button(t.gettext("It is urgent"), "human:urgent")
        return replace(reply, text=f"{reply.text}\n\n{line}", buttons=(*reply.buttons, button))

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
