"""The conversation, read as dialogues: the user says X, the bot answers Y."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from bot.core.assistant import Assistant
from bot.core.factory import Engine, build_assistant
from bot.core.policy import Policy
from bot.core.turns import Incoming, Reply
from bot.languages import LANGUAGES
from bot.settings import Settings
from bot.store.conversations import MemoryConversations
from bot.store.database import Database


@dataclass
class Dialogue:
    """errbot-style: push a message, pop the bot's replies."""

    assistant: Assistant
    user: str = "test:alice"
    hint: str | None = None
    replies: list[Reply] = field(default_factory=list)

    async def says(self, text: str) -> list[Reply]:
        self.replies = await self.assistant.handle(Incoming(self.user, text, self.hint))
        return self.replies

    async def presses(self, action: str) -> list[Reply]:
        self.replies = await self.assistant.handle(Incoming(self.user, action=action))
        return self.replies

    @property
    def first(self) -> Reply:
        return self.replies[0]


@pytest.fixture
def user(assistant: Assistant) -> Dialogue:
    return Dialogue(assistant)


async def test_vietnamese_worker_asks_about_paid_leave(user: Dialogue) -> None:
    await user.says("tôi làm được 6 tháng rồi, được nghỉ phép năm bao nhiêu ngày?")
    assert user.first.kind == "answer"
    assert user.first.entry == "annual-paid-leave"
    assert user.first.lang == "vi"
    assert user.first.sources and str(user.first.sources[0].url).startswith("https://")
    entry = user.assistant.content.entries["annual-paid-leave"]
    assert entry.answer["vi"] in user.first.text
    assert "https://" in user.first.text  # the official source travels with the answer


async def test_japanese_owner_asks_about_telework_subsidies(user: Dialogue) -> None:
    await user.says("テレワークを導入したいんですが、どこに相談すればいいですか")
    assert user.first.lang == "ja"
    assert user.first.intent is not None and "telework" in user.first.intent


async def test_short_messages_keep_the_users_language(user: Dialogue) -> None:
    await user.says("xin chào, tôi muốn hỏi về lương")
    assert user.first.lang == "vi"
    for text in ("ok", "👍", "123"):
        await user.says(text)
        assert user.first.lang == "vi", text


async def test_a_clear_message_in_another_language_switches(user: Dialogue) -> None:
    await user.says("xin chào")
    await user.says("How many days of paid leave can I take in Japan?")
    assert user.first.lang == "en"


async def test_urgent_is_never_answered_from_the_knowledge_base(user: Dialogue) -> None:
    await user.says("my boss took my passport and will not give it back")
    assert [r.kind for r in user.replies] == ["urgent"]  # no answer beside a sure emergency
    assert user.first.handoff is True
    assert user.first.entry is None
    assert "110" in user.first.text


async def test_urgent_in_nepali_gives_contacts_in_nepali(user: Dialogue) -> None:
    await user.says("कम्पनीले तीन महिनादेखि तलब दिएको छैन, के गर्ने?")
    assert user.first.kind == "urgent"
    assert user.first.lang == "ne"
    ne = user.assistant.content.intents["urgent"].answer["ne"]
    assert ne.strip() in user.first.text


async def test_greeting_thanks_and_goodbye_in_the_users_language(user: Dialogue) -> None:
    await user.says("Olá, bom dia!")
    assert (user.first.intent, user.first.lang) == ("greeting", "pt")
    greeting = user.first.text
    await user.says("muito obrigado")
    assert user.first.intent == "thanks"
    assert user.first.text != greeting
    assert user.first.lang == "pt"


@pytest.fixture
def cautious(engine: Engine) -> Assistant:
    """An assistant that asks "did you mean" about every match."""
    return Assistant(
        engine.content,
        engine.matcher,
        engine.detector,
        engine.catalogs,
        MemoryConversations(),
        policy=Policy(answer_at=1.01, suggest_at=0.0),
    )


async def test_did_you_mean_then_pick_a_number(cautious: Assistant) -> None:
    user = Dialogue(cautious)
    await user.says("how many days of paid leave do I get")
    assert user.first.kind == "did-you-mean"
    assert 1 <= len(user.first.buttons) <= 3
    assert user.first.buttons[0].action == "answer:annual-paid-leave"
    await user.says("1")
    assert (user.first.kind, user.first.entry) == ("answer", "annual-paid-leave")
    await user.says("1")  # no choice pending any more: digits alone are not a question
    assert user.first.kind == "notice"


async def test_a_digit_that_is_not_a_number_is_not_a_pick(cautious: Assistant) -> None:
    # str.isdigit() holds for "³" and "②", which int() refuses: found by the fuzz test
    user = Dialogue(cautious)
    for odd in ("5³", "②", "²"):
        await user.says("how many days of paid leave do I get")
        assert user.first.kind == "did-you-mean"
        await user.says(odd)
        assert user.first.text and user.first.kind != "answer"
    await user.says("how many days of paid leave do I get")
    await user.says("１")  # a full-width one is a number: the first choice
    assert (user.first.kind, user.first.entry) == ("answer", "annual-paid-leave")


async def test_two_misses_offer_a_counselor(user: Dialogue) -> None:
    await user.says("what's a good ramen recipe for tonight")
    assert user.first.intent == "out-of-scope"
    assert user.first.entry is None
    await user.says("who will win the football match tomorrow")
    offers = [r for r in user.replies if any(b.action == "human" for b in r.buttons)]
    assert offers, "after two misses the bot offers a person"


async def test_asking_for_a_person(user: Dialogue) -> None:
    await user.says("tôi muốn nói chuyện với nhân viên tư vấn")
    assert user.first.intent == "human"
    assert user.first.handoff is True
    assert user.first.lang == "vi"


async def test_language_choice_and_easy_japanese(user: Dialogue) -> None:
    replies = await user.presses("lang:ja-easy")
    assert replies[0].lang == "ja-easy"
    await user.says("有給休暇は何日もらえますか")
    assert user.first.lang == "ja-easy"
    entry = user.assistant.content.entries[user.first.entry]
    assert entry.answer["ja-easy"] in user.first.text


async def test_menu_and_category_buttons(user: Dialogue) -> None:
    menu = await user.presses("menu")
    actions = [b.action for b in menu[0].buttons]
    assert "menu:foreign-employee" in actions and "human" in actions
    listing = await user.presses("menu:foreign-employee")
    assert any(b.action == "answer:annual-paid-leave" for b in listing[0].buttons)


async def test_stale_button_is_handled_gracefully(user: Dialogue) -> None:
    replies = await user.presses("answer:no-such-entry")
    assert replies[0].kind == "notice"
    assert replies[0].buttons


async def test_unknown_language_choice_lists_the_languages(user: Dialogue) -> None:
    replies = await user.presses("lang:klingon")
    assert "vi (Tiếng Việt)" in replies[0].text


@pytest.mark.parametrize(
    "text",
    [
        "仕事中に指を切ってしまった。社長に労災にするなと言われて病院にも行かせてもらえない",
        "naaksidente po ako sa trabaho pero sabi ng amo wag ko daw i-report",
        "मेरो साथीको हात मेसिनमा पर्‍यो, धेरै रगत बगिरहेको छ",
        "dong nghiep bi thuong nang ma cong ty khong cho goi xe cap cuu",
    ],
)
async def test_an_injury_with_pressure_is_urgent_never_a_menu(user: Dialogue, text: str) -> None:
    await user.says(text)
    assert user.first.kind == "urgent" and user.first.handoff
    assert all(r.kind not in ("menu", "did-you-mean") for r in user.replies)


@pytest.mark.parametrize(
    "text",
    [
        "my little boy is having a seizure, what do i do",
        "同僚が休憩室で倒れて意識がない",
        "anak saya tiba2 pingsan di rumah",
        "मेरी आमा बेहोस हुनुभयो",
    ],
)
async def test_someone_collapsing_now_is_urgent_whatever_else_it_asks(
    user: Dialogue, text: str
) -> None:
    await user.says(text)
    assert user.first.kind == "urgent" and user.first.handoff


@pytest.mark.parametrize(
    "text",
    [
        # someone trapped right now
        "black smoke in the kitchen, the dishwasher is still trapped inside",
        "lò bánh bốc khói đen, cô chủ còn trên lầu",  # without the alarm: an answer
        "倉庫の棚が倒れて、後輩が下敷きになってる",
        "nhà xưởng đang cháy, còn một chị bị mắc kẹt trong kho",
        "o galpão desabou e tem um colega soterrado",
        # an injury at work the employer wants hidden (an alarm pair)
        "twisted my knee unloading the truck; the site manager says tell the doctor I did it"
        " playing football so the company doesn't get inspected. is that ok?",
        # without the alarm pair: the work-injury entry's answer
        "cắt vào tay ở máy cắt tuần trước, công ty bảo đi khám bằng thẻ của mình và đừng nói là"
        " tai nạn ở chỗ làm, giờ tay vẫn đau",
        "工場で手首をひねって、病院では家で転んだことにしてと係長に言われました。保険はどうなりますか",
        "仓库里搬货摔伤了腰，组长说别报工伤，就说是在家摔的，医药费怎么办",
        # no money left and nothing to eat (an alarm pair); without it, the first two are
        # refused as out of scope
        "sisa uang 200 yen, beras habis, anak belum makan dari pagi",
        "zero yen in my account, fridge empty, havent eaten since yesterday. payday is the 25th",
        "钱只剩几百日元，米也没了，两天没吃饭，工资月底才发",
    ],
)
async def test_an_alarm_is_urgent_and_gets_only_help(user: Dialogue, text: str) -> None:
    await user.says(text)
    assert [r.kind for r in user.replies] == ["urgent"] and user.first.handoff


@pytest.mark.parametrize(
    "text",
    [
        "what's the minimum wage in the Philippines this year",
        "ベトナムの有給休暇は何日ですか",
        "luong toi thieu o Viet Nam la bao nhieu",
        "quanto é o salário mínimo no Brasil hoje",
    ],
)
async def test_another_countrys_rules_are_refused_with_the_menu(user: Dialogue, text: str) -> None:
    await user.says(text)
    assert (user.first.intent, user.first.entry) == ("out-of-scope", None)
    assert any(b.action == "human" for b in user.first.buttons)  # a person is on offer


@pytest.mark.parametrize(
    "text",
    [
        "My father wants to come sightseeing in Japan next spring, which visa should he apply for?",
        "両親が来月旅行で東京に来ます。ビザの申請に何が要りますか",
        "I sold some stocks this year, do I need to pay tax on the profit myself?",
        # the forecast, which the models can take for an emergency: only an alarm escalates it
        "besok pagi di Kawasaki hujan gak ya? mau jemur cucian",
    ],
)
async def test_a_question_in_our_words_that_is_not_ours_is_refused(
    user: Dialogue, text: str
) -> None:
    # a parent's tourist visa, tax on one's own shares: asked in a visa or a tax question's
    # words, refused by a rule of the out-of-scope intent, with a person on offer
    await user.says(text)
    assert (user.first.intent, user.first.entry) == ("out-of-scope", None)
    assert any(b.action == "human" for b in user.first.buttons)


async def test_leave_for_a_parents_visit_is_still_answered(user: Dialogue) -> None:
    await user.says("my mother is visiting next week, can I take three days of paid leave?")
    assert user.first.entry == "annual-paid-leave"


@pytest.mark.parametrize(
    "text",
    [
        "what is the minimum wage in Uruguay",  # no example names Uruguay: CLDR's name does
        "ウルグアイの最低賃金はいくら",
        "lương tối thiểu ở Uruguay là bao nhiêu",
    ],
)
async def test_a_country_no_example_names_is_still_another_country(
    user: Dialogue, text: str
) -> None:
    await user.says(text)
    assert (user.first.intent, user.first.entry) == ("out-of-scope", None)


@pytest.mark.parametrize(
    ("text", "hint"),
    [("no", "en"), ("छैन", "ne"), ("hindi", "tl"), ("não", "pt"), ("belum", "id")],
)
async def test_a_bare_no_is_not_an_emergency(assistant: Assistant, text: str, hint: str) -> None:
    user = Dialogue(assistant, hint=hint)
    await user.says(text)
    assert user.first.kind != "urgent" and not user.first.handoff


# -- a question that only sounds like an emergency: the help, and the answer beside it --------

FLAGGED_QUESTION = "上周在车间被机器夹伤了手，现在还疼，这种算劳灾吗？"  # "my hand got caught…"


async def test_a_flagged_question_gets_the_help_and_then_its_answer(user: Dialogue) -> None:
    await user.says(FLAGGED_QUESTION)
    urgent, answer = user.replies
    assert urgent.kind == "urgent" and urgent.handoff and "119" in urgent.text
    assert (answer.kind, answer.entry, answer.lang) == ("answer", "health-checkup-safety", "zh")
    assert answer.sources  # the same sourced answer as when asked calmly


async def test_who_pays_the_hospital_bill_gets_its_answer_and_the_way_out(user: Dialogue) -> None:
    # a bill and whose pocket (a hypothetical pair): the work-injury answer, not a ticket, with
    # the emergency numbers and the one-tap way to a person all the same
    await user.says("工作的时候被机器夹伤了手，医药费要我自己出吗？")
    assert [r.kind for r in user.replies] == ["answer"] and not user.first.handoff
    assert user.first.entry == "health-checkup-safety"
    assert "119" in user.first.text and user.first.buttons[-1].action == "human:urgent"


@pytest.mark.parametrize(
    "text",
    [
        "万一工作的时候被机器夹伤了手，医药费要我自己出吗？",  # "if my hand got caught…"
        "if I cut my hand on the slicer at work, do I pay the hospital myself?",
        "もし仕事中に機械で指をはさんだら、病院代は自分で払うんですか？",
    ],
)
async def test_a_question_that_opens_with_if_gets_its_answer_not_a_ticket(
    user: Dialogue, text: str
) -> None:
    await user.says(text)
    assert [r.kind for r in user.replies] == ["answer"] and not user.first.handoff
    assert user.first.entry == "health-checkup-safety"


async def test_a_hypothetical_in_an_emergencys_words_keeps_the_numbers_one_tap_away(
    user: Dialogue,
) -> None:
    await user.says("万一" + FLAGGED_QUESTION)  # the urgency model reads it as it did unopened
    assert user.first.kind == "answer" and "119" in user.first.text
    assert user.first.buttons[-1].action == "human:urgent"
    await user.presses("human:urgent")
    assert user.first.kind == "urgent" and user.first.handoff


async def test_an_injury_kept_off_the_books_gets_only_help(user: Dialogue) -> None:
    await user.says(
        "仕事中に指を切ってしまった。社長に労災にするなと言われて病院にも行かせてもらえない"
    )
    assert [r.kind for r in user.replies] == ["urgent"]


async def test_the_queue_is_said_before_the_answer_beside_it(engine: Engine, db: Database) -> None:
    bot = build_assistant(Settings(_env_file=None), engine=engine, db=db)
    replies = await bot.handle(Incoming("telegram:6", FLAGGED_QUESTION))
    assert [r.kind for r in replies] == ["urgent", "intent", "answer"]
    assert (replies[1].intent, replies[1].lang) == ("human", "zh")  # the queue, in Chinese
    (first,) = await bot.handoff.outbox.take("desk", limit=1)
    assert first.priority == 0  # an urgent ticket all the same


# -- the safety line: a calm answer the urgent intent ranks close behind -----------------------

# (a past back strain no longer ranks the urgent intent close behind since the insurance entry's
# examples grew, 2026-12-07: a fresh cut does)
CALM_INJURY = "I cut my hand on a box cutter at work yesterday, does rosai cover the clinic?"


async def test_a_calm_question_near_an_emergency_gets_its_answer_and_a_way_out(
    user: Dialogue,
) -> None:
    await user.says(CALM_INJURY)
    assert user.first.kind == "answer" and user.first.entry == "health-checkup-safety"
    assert "119" in user.first.text and "110" in user.first.text
    assert user.first.buttons[-1].action == "human:urgent"
    await user.presses("human:urgent")
    assert user.first.kind == "urgent" and user.first.handoff  # the emergency contacts


async def test_a_question_far_from_any_emergency_has_no_safety_line(user: Dialogue) -> None:
    await user.says("tôi làm được 6 tháng rồi, được nghỉ phép năm bao nhiêu ngày?")
    assert user.first.kind == "answer"
    assert all(b.action != "human:urgent" for b in user.first.buttons)
    assert "119" not in user.first.text


async def test_the_safety_line_speaks_the_users_language(user: Dialogue) -> None:
    english = user.assistant.catalogs("en").gettext("It is urgent")
    for lang in LANGUAGES:
        label = user.assistant.catalogs(lang).gettext("It is urgent")
        assert label and (label != english or lang == "en"), lang


async def test_it_is_urgent_opens_an_urgent_ticket(engine: Engine, db: Database) -> None:
    bot = build_assistant(Settings(_env_file=None), engine=engine, db=db)
    (answer, *_) = await bot.handle(Incoming("telegram:5", CALM_INJURY))
    assert answer.buttons[-1].action == "human:urgent"
    replies = await bot.handle(Incoming("telegram:5", "", action="human:urgent"))
    assert replies[0].kind == "urgent" and "queue" in replies[1].text
    (first,) = await bot.handoff.outbox.take("desk", limit=1)
    assert first.priority == 0 and "🚨" in first.text
