"""Self-checks as conversations: in Japanese, Vietnamese and Nepali, with a wrong answer at every
step (a date in the future, letters for a number, "I don't know"), each answered with one
sentence and the same question again, and a result that names the rule and the official page."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.assistant import Assistant
from bot.core.factory import Engine
from bot.core.turns import Incoming, Reply
from bot.i18n import Translator
from bot.store.conversations import MemoryConversations

TODAY = dt.date(2026, 12, 4)


class Chat:
    """One user talking to the assistant, with the clock stopped on TODAY."""

    def __init__(self, engine: Engine, lang: str, user: str = "test:1") -> None:
        self.engine = engine
        self.bot = Assistant(
            engine.content,
            engine.matcher,
            engine.detector,
            engine.catalogs,
            MemoryConversations(),
            today=lambda: TODAY,
        )
        self.t: Translator = engine.catalogs(lang)
        self.user = user

    async def say(self, text: str = "", action: str | None = None) -> list[Reply]:
        # The chat app tells the user's language, as Telegram does with language_code.
        return await self.bot.handle(
            Incoming(self.user, text, action=action, lang_hint=self.t.lang)
        )

    def ask(self, flow: str, step: str) -> str:
        found = self.engine.content.flows[flow].step(step)
        assert found is not None
        return self.t.gettext(found.ask)

    def words(self, message: str, **values: object) -> str:
        return self.t.gettext(message, **values)

    def unsure(self, flow: str, step: str) -> str:
        found = self.engine.content.flows[flow].step(step)
        assert found is not None and found.unsure
        return self.t.gettext(found.unsure)


def again(reply: Reply, sentence: str, question: str) -> bool:
    """One sentence on what is wanted, then the same question."""
    return (
        reply.kind == "flow"
        and reply.text.startswith(sentence)
        and question.split("\n")[0] in reply.text
    )


STARTS = {
    "ja": ("有給は何日もらえますか", "わからない", "五日", "令和6年4月1日", "2027年1月1日"),
    "vi": ("tôi có bao nhiêu ngày nghỉ phép", "không biết", "năm ngày", "1/4/2024", "1/1/2027"),
    "ne": ("मलाई कति दिन बिदा पाइन्छ", "थाहा छैन", "पाँच दिन", "२०२४-०४-०१", "२०२७-०१-०१"),
}


@pytest.mark.parametrize("lang", ["ja", "vi", "ne"])
async def test_paid_leave_check_with_a_wrong_answer_at_every_step(
    engine: Engine, lang: str
) -> None:
    chat = Chat(engine, lang)
    ask_start, unsure, letters, start, future = STARTS[lang]

    answer, first = await chat.say(ask_start)
    assert (answer.kind, answer.entry, answer.lang) == ("answer", "annual-paid-leave", lang)
    assert first.kind == "flow" and chat.ask("paid-leave", "start") in first.text

    (reply,) = await chat.say(future)
    assert again(
        reply,
        chat.words("That date is in the future. Please check it."),
        chat.ask("paid-leave", "start"),
    )
    (reply,) = await chat.say(unsure)
    assert again(reply, chat.unsure("paid-leave", "start"), chat.ask("paid-leave", "start"))
    (reply,) = await chat.say(start)
    assert reply.text == chat.ask("paid-leave", "days_per_week")

    (reply,) = await chat.say(letters)
    assert again(
        reply,
        chat.words("Please write a number, for example 5."),
        chat.ask("paid-leave", "days_per_week"),
    )
    (reply,) = await chat.say("9")
    assert again(
        reply,
        chat.words("Please write a number from {low} to {high}.", low="1", high="7"),
        chat.ask("paid-leave", "days_per_week"),
    )
    (reply,) = await chat.say(unsure)
    assert again(
        reply, chat.unsure("paid-leave", "days_per_week"), chat.ask("paid-leave", "days_per_week")
    )
    (reply,) = await chat.say("5")
    assert reply.text == chat.ask("paid-leave", "hours_per_week")

    (reply,) = await chat.say(letters)
    assert again(
        reply,
        chat.words("Please write a number, for example 5."),
        chat.ask("paid-leave", "hours_per_week"),
    )
    (result,) = await chat.say("40")
    # Started 1 April 2024: 10 days on 1 Oct 2024, 11 on 1 Oct 2025, 12 on 1 Oct 2026 (the
    # latest), 14 on 1 Oct 2027 (the next): MHLW's full-time table.
    assert result.kind == "flow-result" and result.lang == lang
    assert chat.t.date(dt.date(2026, 10, 1), "long") in result.text
    assert chat.t.date(dt.date(2027, 10, 1), "long") in result.text
    assert (
        chat.words(
            "Rule applied: {rule}.",
            rule=chat.words(engine.content.flows["paid-leave"].rule_name),
        )
        in result.text
    )
    assert "https://www.mhlw.go.jp/content/000463186.pdf" in result.text
    assert (
        chat.words(
            "This is guidance computed from your answers, not a legal decision. For a decision "
            "on your case, ask the office named on the official page."
        )
        in result.text
    )

    # The check is over: a number is a message again, not an answer.
    (after,) = await chat.say("5")
    assert after.kind == "notice"


async def test_a_part_timer_gets_the_proportional_row(engine: Engine) -> None:
    chat = Chat(engine, "en")
    await chat.say(action="check:paid-leave")
    await chat.say("2023-10-01")
    await chat.say("3")
    (result,) = await chat.say("18")
    # 3 days a week, under 30 hours: 5, 6, 6... days at 0.5, 1.5, 2.5 years. Latest grant on
    # 1 Apr 2026 (2.5 years): 6 days; next on 1 Apr 2027 (3.5 years): 8 days.
    assert "Your most recent grant: 6 days, given on April 1, 2026." in result.text
    assert "Your next grant: 8 days, on April 1, 2027." in result.text
    assert "the part-time table for 3 working days a week" in result.text


@pytest.mark.parametrize(
    ("lang", "unsure", "letters"),
    [("ja", "分からない", "たくさん"), ("vi", "khong biet", "nhiều lắm"), ("ne", "थाहा छैन", "धेरै")],
)
async def test_pay_check_reproduces_the_worked_example_and_offers_help(
    engine: Engine, lang: str, unsure: str, letters: str
) -> None:
    """MHLW's leaflet on the 60-hour rule: pay of ¥200,000 for 160 scheduled hours is ¥1,250 an
    hour; 70 overtime hours are owed 60 h × 1,250 × 1.25 + 10 h × 1,250 × 1.5 = ¥112,500."""
    chat = Chat(engine, lang)
    (first,) = await chat.say(action="check:pay")
    assert chat.ask("pay", "basis") in first.text
    (reply,) = await chat.say(letters)
    assert again(
        reply,
        chat.words("Please choose one of the options, or write its number."),
        chat.ask("pay", "basis"),
    )
    (reply,) = await chat.say(action="pick:monthly")
    assert reply.text == chat.ask("pay", "pay")
    (reply,) = await chat.say(unsure)
    assert again(reply, chat.unsure("pay", "pay"), chat.ask("pay", "pay"))
    (reply,) = await chat.say("200,000")
    assert reply.text == chat.ask("pay", "hours_per_month")
    (reply,) = await chat.say(letters)
    assert again(
        reply,
        chat.words("Please write a number, for example 5."),
        chat.ask("pay", "hours_per_month"),
    )
    await chat.say("160")
    await chat.say("70")
    await chat.say("0")
    (result,) = await chat.say("50000")
    assert result.kind == "flow-result"
    assert chat.words("{amount} yen an hour", amount=chat.t.number(1250)) in result.text
    assert chat.words("{amount} yen", amount=chat.t.number(112500)) in result.text
    assert chat.words("{amount} yen", amount=chat.t.number(62500)) in result.text  # missing
    assert [b.action for b in result.buttons] == ["check:office", "human:human"]


async def test_pay_below_the_minimum_wage_in_force_that_day(engine: Engine) -> None:
    chat = Chat(engine, "en")
    chat.bot.flows.today = lambda: dt.date(2025, 10, 3)  # the day the ¥1,226 rate began
    await chat.say(action="check:pay")
    await chat.say(action="pick:hourly")
    await chat.say("1200")
    await chat.say("0")
    await chat.say("0")
    (result,) = await chat.say("0")
    assert "Your hourly rate is 1,200 yen an hour." in result.text
    assert "1,226 yen an hour (since October 3, 2025)" in result.text
    assert "Your rate is 26 yen an hour below it" in result.text


async def test_sme_check_takes_i_dont_know_for_the_capital(engine: Engine) -> None:
    chat = Chat(engine, "ja")
    await chat.say(action="check:sme")
    (reply,) = await chat.say("3")  # retail, including restaurants
    assert reply.text == chat.ask("sme", "capital")
    (reply,) = await chat.say("わからない")
    assert reply.text == chat.ask("sme", "employees")
    (reply,) = await chat.say("12.5")
    assert again(reply, chat.words("Please write a whole number."), chat.ask("sme", "employees"))
    (result,) = await chat.say("12")
    assert result.kind == "flow-result"
    assert "answer:subsidy-overview" in [b.action for b in result.buttons]


async def test_residence_card_check_offers_a_reminder_or_a_person(engine: Engine) -> None:
    chat = Chat(engine, "vi")
    await chat.say(action="check:residence-card")
    (reply,) = await chat.say("hôm nay")
    assert again(
        reply,
        chat.words("Please write a date, for example 2024-04-01."),
        chat.ask("residence-card", "expiry"),
    )
    await chat.say("30/6/2027")
    (result,) = await chat.say(action="pick:other")
    assert chat.t.date(dt.date(2027, 3, 30), "long") in result.text  # three months before
    assert result.buttons[0].action == "remind:2027-06-30"

    await chat.say(action="check:residence-card")
    await chat.say("1/12/2026")
    (expired,) = await chat.say("2")
    assert "human:human" in [b.action for b in expired.buttons]


async def test_cancel_leaves_at_any_step_and_a_real_question_leaves_too(engine: Engine) -> None:
    chat = Chat(engine, "en")
    await chat.say(action="check:pay")
    (stopped,) = await chat.say(action="cancel")
    assert stopped.text == chat.words("Stopped. Ask me anything, or write /check to start again.")
    (nothing,) = await chat.say(action="cancel")
    assert nothing.text == chat.words("There is nothing to cancel.")

    await chat.say(action="check:paid-leave")
    replies = await chat.say("what is the minimum wage in tokyo")
    assert replies[0].entry == "minimum-wage-payslip"
    assert chat.bot.flows.active(await _state(chat)) is None


async def test_an_urgent_message_during_a_check_is_urgent(engine: Engine) -> None:
    chat = Chat(engine, "en")
    await chat.say(action="check:paid-leave")
    (reply, *_) = await chat.say("my boss hit me and I am bleeding")
    assert reply.kind == "urgent"


async def test_check_lists_every_flow(engine: Engine) -> None:
    chat = Chat(engine, "vi")
    (menu,) = await chat.say(action="check")
    assert {b.action for b in menu.buttons} == {f"check:{f}" for f in engine.content.flows}


async def _state(chat: Chat):  # type: ignore[no-untyped-def]
    conversations = chat.bot.conversations
    assert isinstance(conversations, MemoryConversations)
    return next(iter(conversations.states.values()))


# What a person types at each step: a wrong answer, then a right one.
LETTERS = {"ja": "たくさん", "vi": "nhiều lắm", "ne": "धेरै"}
UNSURE = {"ja": "わからない", "vi": "không biết", "ne": "थाहा छैन"}
WALKS = {
    "paid-leave": [("start", "2030-01-01", "2024-04-01"), ("days_per_week", None, "5"),
                   ("hours_per_week", None, "40")],
    "pay": [("basis", None, "2"), ("pay", None, "200000"), ("hours_per_month", None, "160"),
            ("overtime_hours", None, "10"), ("night_hours", None, "0"),
            ("premiums_paid", None, "0")],
    "residence-card": [("expiry", None, "2027-06-30"), ("status", None, "2")],
    "office": [("place", "zzq", "160-0023")],
    "sme": [("industry", None, "1"), ("capital", None, "10000000"), ("employees", None, "30")],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["ja", "vi", "ne"])
@pytest.mark.parametrize("flow_id", list(WALKS))
async def test_every_check_answers_a_wrong_answer_at_every_step_with_the_same_question(
    engine: Engine, flow_id: str, lang: str
) -> None:
    chat = Chat(engine, lang)
    flow = engine.content.flows[flow_id]
    assert [s.id for s in flow.steps] == [step for step, _, _ in WALKS[flow_id]]
    (reply,) = await chat.say(action=f"check:{flow_id}")
    for step_id, wrong, right in WALKS[flow_id]:
        step = flow.step(step_id)
        assert step is not None
        question = chat.ask(flow_id, step_id).split("\n")[0]
        assert question in reply.text, (step_id, reply.text)

        (reply,) = await chat.say(wrong or LETTERS[lang])  # one sentence, the same question
        assert reply.kind == "flow" and reply.lang == lang
        before = reply.text.partition(question)[0]
        assert before.strip() and "\n" not in before.strip(), (step_id, reply.text)
        if not step.optional:  # "I don't know": where to find it, the same question
            (reply,) = await chat.say(UNSURE[lang])
            assert reply.kind == "flow" and question in reply.text
            assert not reply.text.startswith(question), (step_id, reply.text)

        (reply,) = await chat.say(right)
    assert reply.kind == "flow-result" and reply.lang == lang
    assert chat.words("Rule applied: {rule}.", rule=chat.words(flow.rule_name)) in reply.text
    assert str(flow.sources[0].url) in reply.text
