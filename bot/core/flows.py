"""Guided self-checks: one question at a time, typed answers checked, a result for this person.

The conversation keeps where a user is (`state.flow` = "check:<flow>:<step>") and the answers so
far (`state.flow_data`), so a check survives a restart like any other state. Every wrong answer
gets one sentence saying what is wanted and the same question again; "I don't know" gets a hint
where to find it (or is accepted, for a question that may stay open); /cancel leaves at any step.
The result always names the rule and the official page, and says it is guidance, not a decision.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable

from rapidfuzz import fuzz, process

from bot.content.loader import Content
from bot.content.models import Flow, Step, StepType
from bot.core.checks import READERS, RULES, Asked, Unanswerable
from bot.core.turns import Button, Reply
from bot.i18n import Translator
from bot.languages import base_language, fallbacks
from bot.rules.dates import parse_date
from bot.rules.numbers import parse_number
from bot.store.conversations import ConversationState

__all__ = ["PREFIX", "Flows"]

PREFIX = "check:"
# rapidfuzz ratio of a whole request to a flow's start phrase: "how many paid leave days do I
# have?" starts the check; a longer question that merely contains the topic gets the answer and
# the check's button, so nobody lands in a questionnaire they did not ask for.
START_AT = 85.0

# How each language writes 1/4/2024: day first (True), month first (False), or unknown (None:
# the user is asked to write it unambiguously).
_DAY_FIRST = {"vi": True, "pt": True, "id": True, "tl": True, "ne": True, "en": None}


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    return " ".join(text.replace("?", " ").replace("？", " ").replace("。", " ").split())


class Flows:
    def __init__(self, content: Content, today: Callable[[], dt.date]) -> None:
        self.content = content
        self.today = today

    # -- starting and leaving --------------------------------------------------------------------

    def wanted(self, text: str, lang: str, entry_id: str | None) -> Flow | None:
        """The flow a request asks for in so many words ("how many paid leave days do I
        have?"), when the matcher also took it for that flow's topic."""
        folded = _folded(text)
        for flow in self.content.flows.values():
            if flow.entry != entry_id:
                continue
            phrases = [
                p for code in fallbacks(base_language(lang)) for p in flow.starts.get(code, [])
            ]
            if phrases and process.extractOne(
                folded, [_folded(p) for p in phrases], scorer=fuzz.ratio, score_cutoff=START_AT
            ):
                return flow
        return None

    def menu(self, t: Translator) -> Reply:
        buttons = tuple(
            Button(t.gettext(f.title), f"check:{f.id}") for f in self.content.flows.values()
        )
        lines = [t.gettext("Which self-check would you like to do?")]
        lines += [f"{i}. {b.label}" for i, b in enumerate(buttons, 1)]
        return Reply("flow", "\n".join(lines), t.lang, None, None, 1.0, buttons=buttons)

    def start(self, t: Translator, state: ConversationState, flow_id: str) -> list[Reply] | None:
        flow = self.content.flows.get(flow_id)
        if flow is None:
            return None
        state.flow_data = {}
        state.pending = []
        intro = t.ngettext(
            "Let us work it out together: {n} short question. Write /cancel to stop at any time.",
            "Let us work it out together: {n} short questions. Write /cancel to stop at any time.",
            len(flow.steps),
        )
        return [self._ask(t, state, flow, flow.steps[0], before=intro)]

    def cancel(self, t: Translator, state: ConversationState) -> list[Reply]:
        active = self.active(state)
        state.flow, state.flow_data = None, {}
        if active is None:
            return [_notice(t, t.gettext("There is nothing to cancel."))]
        return [_notice(t, t.gettext("Stopped. Ask me anything, or write /check to start again."))]

    def active(self, state: ConversationState) -> tuple[Flow, Step] | None:
        if not state.flow or not state.flow.startswith(PREFIX):
            return None
        flow_id, _, step_id = state.flow.removeprefix(PREFIX).partition(":")
        flow = self.content.flows.get(flow_id)
        step = flow.step(step_id) if flow else None
        return (flow, step) if flow and step else None

    # -- one answer ------------------------------------------------------------------------------

    def answer(
        self, t: Translator, state: ConversationState, text: str, picked: str | None = None
    ) -> list[Reply]:
        """The user's answer to the step they are on: the next question, the same question with
        one sentence on what is wanted, or the result."""
        active = self.active(state)
        if active is None:
            state.flow = None
            return []
        flow, step = active
        if picked is None and self._unsure(text, t.lang):
            if step.optional:
                return self._next(t, state, flow, step, None)
            hint = t.gettext(step.unsure) if step.unsure else _default_unsure(t, step)
            return [self._ask(t, state, flow, step, before=hint)]
        value, problem = self._read(t, flow, step, text, picked)
        if problem is not None:
            return [self._ask(t, state, flow, step, before=problem)]
        return self._next(t, state, flow, step, value)

    def takes(self, t: Translator, state: ConversationState, text: str) -> bool:
        """Whether `text` is plainly an answer to the step (a valid date, number or choice, or
        "I don't know"), so that no safety check needs to read it as a message."""
        active = self.active(state)
        if active is None:
            return False
        step = active[1]
        if self._unsure(text, t.lang):
            return True
        if step.type is StepType.date:  # a date, even one refused (in the future)
            return (
                parse_date(text, day_first=_DAY_FIRST.get(base_language(t.lang), True)) is not None
            )
        if step.type is StepType.number:  # a number, even one out of range
            return parse_number(text) is not None
        return step.type is StepType.choice and self._choice(t, step, text, None)[1] is None

    def _next(
        self, t: Translator, state: ConversationState, flow: Flow, step: Step, value: object
    ) -> list[Reply]:
        state.flow_data = {**state.flow_data, step.id: value}
        following = flow.steps[flow.steps.index(step) + 1 :]
        for candidate in following:
            if all(str(state.flow_data.get(k)) == v for k, v in candidate.when.items()):
                return [self._ask(t, state, flow, candidate)]
        state.flow = None
        answers, state.flow_data = state.flow_data, {}
        return [self._result(t, flow, answers)]

    def _read(
        self, t: Translator, flow: Flow, step: Step, text: str, picked: str | None
    ) -> tuple[object, str | None]:
        """The typed value of an answer, or the one sentence that says what is wanted."""
        if step.type is StepType.choice:
            return self._choice(t, step, text, picked)
        if step.type is StepType.text:
            cleaned = text.strip()
            if not cleaned:
                return None, _invalid(t, step)
            reader = READERS.get((flow.rule, step.id))
            return reader(t, cleaned, self.content) if reader else (cleaned, None)
        if step.type is StepType.date:
            day = parse_date(text, day_first=_DAY_FIRST.get(base_language(t.lang), True))
            if day is None:
                return None, _invalid(t, step)
            if step.not_future and day > self.today():
                return None, t.gettext("That date is in the future. Please check it.")
            return day.isoformat(), None
        number = parse_number(text)
        if number is None:
            return None, _invalid(t, step)
        if step.integer and number != int(number):
            return None, t.gettext("Please write a whole number.")
        low = step.min if step.min is not None else float("-inf")
        high = step.max if step.max is not None else float("inf")
        if not low <= number <= high:
            return None, t.gettext(
                "Please write a number from {low} to {high}.",
                low=t.number(step.min or 0),
                high=t.number(step.max) if step.max is not None else "…",
            )
        return (int(number) if step.integer else number), None

    def _choice(
        self, t: Translator, step: Step, text: str, picked: str | None
    ) -> tuple[object, str | None]:
        values = [c.value for c in step.choices]
        if picked is not None:
            return (picked, None) if picked in values else (None, _invalid(t, step))
        typed = text.strip()
        if typed.isdecimal() and 1 <= int(typed) <= len(values):
            return values[int(typed) - 1], None
        labels = [_folded(t.gettext(c.label)) for c in step.choices]
        best = process.extractOne(_folded(typed), labels, scorer=fuzz.WRatio, score_cutoff=85)
        if best is not None:
            return values[best[2]], None
        return None, _invalid(t, step)

    def _unsure(self, text: str, lang: str) -> bool:
        folded = _folded(text)
        words = self.content.phrases.get("unsure", {})
        return any(
            folded == _folded(w)
            for code in {*fallbacks(base_language(lang)), "en"}
            for w in words.get(code, [])
        )

    # -- what the user reads ---------------------------------------------------------------------

    def _ask(
        self, t: Translator, state: ConversationState, flow: Flow, step: Step, before: str = ""
    ) -> Reply:
        state.flow = f"{PREFIX}{flow.id}:{step.id}"
        buttons = tuple(Button(t.gettext(c.label), f"pick:{c.value}") for c in step.choices)
        question = t.gettext(step.ask)
        if buttons:
            question = "\n".join([question, *(f"{i}. {b.label}" for i, b in enumerate(buttons, 1))])
        text = f"{before}\n\n{question}" if before else question
        if step.type is not StepType.number:  # a typed number must never press a button
            buttons = (*buttons, Button(t.gettext("Cancel"), "cancel"))
        return Reply("flow", text, t.lang, None, None, 1.0, buttons=buttons)

    def _result(self, t: Translator, flow: Flow, answers: dict[str, object]) -> Reply:
        asked = Asked(flow, answers, self.today(), self.content)
        try:
            outcome = RULES[flow.rule](t, asked)
        except Unanswerable:
            text = t.gettext(
                "I could not work this out from those answers. Please check them and start "
                "again with /check, or ask a counselor."
            )
            return _notice(t, text)
        parts = [
            t.gettext(flow.results[outcome.key], **outcome.values),
            t.gettext("Rule applied: {rule}.", rule=t.gettext(flow.rule_name)),
            t.gettext(
                "This is guidance computed from your answers, not a legal decision. For a "
                "decision on your case, ask the office named on the official page."
            ),
            "\n".join(
                t.gettext("Official page: {title} {url}", title=s.title, url=str(s.url))
                for s in flow.sources
            ),
        ]
        buttons = list(outcome.buttons)
        if outcome.remind is not None:
            label = t.gettext("Remind me before it expires")
            buttons.insert(0, Button(label, f"remind:{outcome.remind.isoformat()}"))
        return Reply(
            "flow-result",
            "\n\n".join(parts),
            t.lang,
            None,
            flow.entry,
            1.0,
            sources=tuple(flow.sources),
            buttons=tuple(buttons),
        )


def _notice(t: Translator, text: str) -> Reply:
    return Reply("notice", text, t.lang, None, None, 0.0)


def _invalid(t: Translator, step: Step) -> str:
    if step.invalid:
        return t.gettext(step.invalid)
    if step.type is StepType.date:
        return t.gettext("Please write a date, for example 2024-04-01.")
    if step.type is StepType.number:
        return t.gettext("Please write a number, for example 5.")
    if step.type is StepType.choice:
        return t.gettext("Please choose one of the options, or write its number.")
    return t.gettext("Please write your answer in words.")


def _default_unsure(t: Translator, step: Step) -> str:
    return t.gettext(
        "That is fine: your contract, your payslip or your employer can tell you. Write it "
        "when you know, or /cancel to stop."
    )
