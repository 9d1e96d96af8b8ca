"""An entry's own words settle a near tie with a related neighbour.

The old Tokyo scheme in which a company declared its goals to cut overtime, and the employers'
programme to cut it, share their subject; so do the Tokyo award for a family-friendly workplace
and the hiring desk, the course for the owner's right hand and the HR-strategy course, health
insurance and pensions and the health check with workers' accident insurance. The idea that
tells them apart (a pledge, an award, a right hand, a stay in hospital or a lost job) is a phrase
lookup (`marks:` on the entry): like an alarm or a voice, it must move no score of a message
that does not hold it, and where it does, only which of two related entries comes first.
"""

from __future__ import annotations

from copy import copy
from dataclasses import replace

import pytest

from bot.content.loader import Content, default_content_dir, load_content
from bot.nlu.marks import Marks
from bot.nlu.match import Candidate, Matcher
from bot.nlu.phrases import terms
from tests.nlu.phrase_tables import matchers_of

TOPICS = [
    "work-style-reform-declaration",
    "paid-leave-overtime-reduction",
    "life-work-balance-certification",
    "hiring-consultation-desk",
    "management-talent-course",
    "hr-strategy-course",
    "work-life-support-childcare-nursing",
    "working-hours-overtime-rules",
]

# (message, first without the marks, first with them): the neighbour ranks a little ahead
MARKED = [
    (
        "残業を減らす目標を宣言した会社って、有休の取得も増やさないといけないの？",
        "paid-leave-overtime-reduction",
        "work-style-reform-declaration",
    ),
    (
        "we struggle to hire; would an official badge for family-friendly workplaces help our job"
        " ads?",
        "hiring-consultation-desk",
        "life-work-balance-certification",
    ),
    (
        "cần đào tạo cánh tay phải lo chiến lược nhân sự và tổ chức, có khóa nào không",
        "hr-strategy-course",
        "management-talent-course",
    ),
]
# no mark: nothing moves
UNMARKED = [
    "how many hours of overtime can the company make me do in a month?",
    "求人を出しても応募が来ない。どうすれば？",
    "I want to work out how many engineers we will need in five years",
]
# a mark, but the neighbour it names is far behind (0.4): the first stays
FAR = "need a program to grow a right hand who can build our talent strategy and organisation plan"


@pytest.fixture(scope="module")
def contents() -> tuple[Content, Content]:
    """The marked entries and their neighbours, every intent (quick to fit), with the shipped
    marks and without."""
    content = load_content(default_content_dir())
    small = replace(content, entries={k: content.entries[k] for k in TOPICS})
    assert all(small.entries[k].marks for k in TOPICS[0:6:2]), "the three entries' marks ship"
    quiet = {k: e.model_copy(update={"marks": {}}) for k, e in small.entries.items()}
    return small, replace(small, entries=quiet)


@pytest.fixture(scope="module")
def matchers(contents, tmp_path_factory) -> tuple[Matcher, Matcher]:
    return matchers_of(contents, tmp_path_factory.mktemp("marks"))


@pytest.mark.parametrize(("text", "before", "after"), MARKED)
def test_the_marked_entry_comes_first(matchers, text: str, before: str, after: str) -> None:
    marked, quiet = matchers
    was = quiet.rank(text, None).candidates
    now = marked.rank(text, None).candidates
    assert was[0].id == before
    assert now[0].id == after
    # the two swapped places and scores; everything else stands
    assert [c.score for c in now] == [c.score for c in was]
    assert now[1:] == [c if c.id != after else replace(was[0], score=c.score) for c in was[1:]]


def test_a_mark_moves_no_score_of_any_other_message(matchers) -> None:
    marked, quiet = matchers
    for text in UNMARKED:
        assert marked.rank(text, None) == quiet.rank(text, None), text


def test_a_neighbour_far_behind_stays_behind(matchers) -> None:
    marked, quiet = matchers
    assert marked.rank(FAR, None) == quiet.rank(FAR, None)
    assert marked.rank(FAR, None).candidates[0].id == "hr-strategy-course"


# Read on the shipped engine, with its marks and without them: (message, first without, first
# with). Health insurance and pensions beside the health check and workers' accident insurance: a
# stay in hospital, a long illness or a lost job is the insurance entry's idea (a Japanese stay in
# hospital needs no mark since the entry's examples say what health insurance pays, 2026-12-07).
# The declaration's pledge in the words the read sets showed (2026-12-07): an Indonesian
# "berikrar", a Chinese 表态, a Korean 목표 내걸고, "registrar metas", "publicly committed". A Nepali
# worker the owner wants able to run the company ("company chalauna sakne", `dev80`'s, read after
# its judgement): the course for the owner's right hand, not HR strategy.
SHIPPED_MARKED = [
    (
        "hospitalized for two weeks with pneumonia, will I get any money while I am off?",
        "health-checkup-safety",
        "social-insurance-pension",
    ),
    (
        "nếu mình ốm nặng nghỉ cả tháng không đi làm được thì có nhận được đồng nào không",
        "health-checkup-safety",
        "social-insurance-pension",
    ),
    (
        "Kalau perusahaan kami berikrar ke Pemprov Tokyo untuk kurangi lembur, apa ada pendampingan"
        " konsultan sesudahnya?",
        "paid-leave-overtime-reduction",
        "work-style-reform-declaration",
    ),
    (
        "我们公司想向东京都表态减少加班，表态以后有专家来指导吗？",
        "paid-leave-overtime-reduction",
        "work-style-reform-declaration",
    ),
    # and in the words the read sets showed it answered as the overtime programme (2026-12-07):
    # a goal "hung out" to Tokyo in Korean, goals "promised" or registered in Portuguese, a
    # company that "publicly committed" in English
    (
        "우리 인쇄소도 잔업 줄이고 연차 쓰게 하겠다고 목표 내걸고 도에 올리면 나중에 컨설턴트가 와요?",
        "paid-leave-overtime-reduction",
        "work-style-reform-declaration",
    ),
    (
        "a firma pode registrar metas de menos hora extra com Tóquio? tem consultoria depois?",
        "paid-leave-overtime-reduction",
        "work-style-reform-declaration",
    ),
    (
        "our bakery wants to be one of the firms that publicly committed to cutting overtime, is"
        " there advice after?",
        "paid-leave-overtime-reduction",
        "work-style-reform-declaration",
    ),
    (
        "mero malik le ma lai company chalauna sakne banaune bhanchhan, strategy ra sangathan"
        " sikne tarika ke ho?",
        "hr-strategy-course",
        "management-talent-course",
    ),
    # An owner who names themselves in the words the read sets showed answered as the workers'
    # paid leave (2026-12-07): a Portuguese "sou kachou" with "pra baixar isso" (the Indonesian
    # "sy owner" and the Nepali "owner ko rup ma" rank the programme first without the marks
    # when written short; `dev58` and `dev87` hold them long)
    (
        "sou kachou numa padaria, o pessoal faz muito zangyo e ninguém tira yukyu, como baixar isso?",
        "annual-paid-leave",
        "paid-leave-overtime-reduction",
    ),
    (
        "sou kachou, a turma não tira yukyu nenhum e faz 60h de zangyo, o que dá pra fazer pra baixar"
        " isso?",
        "working-hours-overtime-rules",
        "paid-leave-overtime-reduction",
    ),
    # The declaration asked as a pledge "after which consultants come" (2026-12-08): the consulting
    # neighbours rank first, related now; and its pledge in Nepali as the read sets typed it
    (
        "Teman bilang kantornya berjanji ke Pemprov Tokyo soal ubah cara kerja, lalu dapat konsultan"
        " gratis. Bengkel kami 8 orang, bisa ikut?",
        "hiring-consultation-desk",
        "work-style-reform-declaration",
    ),
    (
        "hamro pasal le Tokyo-to lai zangyo ghataune khulla pratigya garyo bhane paisa ya salah"
        " paaincha?",
        "working-hours-overtime-rules",
        "work-style-reform-declaration",
    ),
]


@pytest.mark.parametrize(("text", "before", "after"), SHIPPED_MARKED)
def test_the_shipped_marks_settle_the_tie(engine, text: str, before: str, after: str) -> None:
    marked = engine.matcher
    shipped = engine.content.entries[after]
    assert shipped.marks or shipped.marks_together, "its marks ship"
    quiet = copy(marked)
    quiet.marks = Marks({}, marked.marks.neighbours)
    was = quiet.rank(text, None).candidates
    now = marked.rank(text, None).candidates
    assert (was[0].id, now[0].id) == (before, after)
    assert [c.score for c in now] == [c.score for c in was]


def test_the_declaration_is_related_to_the_working_hours_rules(engine) -> None:
    """A company's public pledge to Tokyo named with the working hours it would cut ranked the
    working-hours rules first on `dev81` (a Portuguese and a Vietnamese owner): the two are
    related, so the declaration's marks can settle that tie."""
    related = engine.matcher.marks.neighbours.related
    assert ("working-hours-overtime-rules", "work-style-reform-declaration") in related


def test_the_declaration_is_related_to_the_consulting_neighbours(engine) -> None:
    """A pledge "after which consultants come" ranked the hiring desk, the HR-strategy course or
    the outreach visits first on the read sets (nine questions of `dev16` to `dev105`)."""
    related = engine.matcher.marks.neighbours.related
    for other in ("hiring-consultation-desk", "hr-strategy-course", "outreach-visit-support"):
        assert (other, "work-style-reform-declaration") in related


@pytest.mark.parametrize(
    "text",
    [
        "仕事中に足場から落ちて入院した。治療費は労災で出る？",
        "got hospitalized after a forklift crushed my foot at the warehouse, does rosai pay?",
    ],
)
def test_hurt_at_work_and_in_hospital_keeps_the_health_check(engine, text: str) -> None:
    """The mark is there (入院, hospitalized), but the insurance entry is far behind."""
    quiet = copy(engine.matcher)
    quiet.marks = Marks({}, engine.matcher.marks.neighbours)
    assert engine.matcher.marks.marked("social-insurance-pension", terms(text))
    assert engine.matcher.rank(text, None) == quiet.rank(text, None)
    assert quiet.rank(text, None).candidates[0].id == "health-checkup-safety"


# Marks told together (`marks_together`, 2026-12-07): an entry's idea told by two or three sides
# named together, none of them alone. Trying telework equipment before buying it, with the telework
# rules (how to start telework names the rules alone). Trouble at work asked about in the asker's
# own language (a number to call names the disaster entry's subject, and the ranking put it a
# little ahead). An owner who names themselves so, with overtime and where to start cutting it
# (the working-hours rules rank first on the overtime alone; a worker asking the limit names no
# owner, and a company pledging to Tokyo "as a company", 会社として, is the declaration's). A centre
# to go to or ask at, named with telework (the foreigners' consultation centre ranked a little
# ahead; the two are related now, so the marks can settle it).
TOLD_TOGETHER = [
    (
        "first time letting staff work from home: can we borrow the gear before buying and get"
        " the rules written?",
        "telework-how-to-start",
        "telework-equipment-trial",
    ),
    (
        "in case my salary is ever unpaid, what number do I call for help in Tagalog?",
        "disaster-emergency",
        "consultation-centers-foreigners",
    ),
    (
        "Our noodle kitchen crew average 70h overtime a month. As the operator, where do I even"
        " start?",
        "working-hours-overtime-rules",
        "paid-leave-overtime-reduction",
    ),
    (
        "Tenho uma oficina de funilaria. O pessoal faz 70h de zangyo todo mês. Quero diminuir sem"
        " perder serviço, tem apoio pra patrão?",
        "working-hours-overtime-rules",
        "paid-leave-overtime-reduction",
    ),
    (
        "想找个地方问在家办公的事，东京那个中心在哪，免费吗",
        "consultation-centers-foreigners",
        "telework-promotion-center",
    ),
]


@pytest.mark.parametrize(("text", "before", "after"), TOLD_TOGETHER)
def test_marks_told_together_settle_the_tie(engine, text: str, before: str, after: str) -> None:
    marked = engine.matcher
    quiet = copy(marked)
    quiet.marks = Marks({}, marked.marks.neighbours)
    was, now = quiet.rank(text, None).candidates, marked.rank(text, None).candidates
    assert (was[0].id, now[0].id) == (before, after)
    assert [c.score for c in now] == [c.score for c in was]


# One side alone, and where the ranking is asked, the entry it names comes first.
ONE_SIDE = [
    ("how do we start remote work, which jobs, what rules?", "telework-equipment-trial"),
    (
        "what number do I call for a fire, is there help in Tagalog?",
        "consultation-centers-foreigners",
    ),
    (
        "I work 70 hours of overtime a month, what is the legal limit?",
        "paid-leave-overtime-reduction",
    ),
    (
        "残業減らしますって会社として都に出して公表する制度、まだありますか",
        "paid-leave-overtime-reduction",
    ),
    (
        "where's the centre for foreign workers in Tokyo? I want advice in English",
        "telework-promotion-center",
    ),
    # a mother's leave is childcare support, a veteran past 65 skills succession
    (
        "our female staff on maternity leave, how do we support them with childcare?",
        "hiring-women-seniors",
    ),
    ("two of my staff are over 65 now, how do I pass their skills on?", "hiring-women-seniors"),
]


@pytest.mark.parametrize(("text", "entry"), ONE_SIDE)
def test_one_side_alone_is_no_mark(engine, text: str, entry: str) -> None:
    assert not engine.matcher.marks.marked(entry, terms(text))


def test_one_side_alone_keeps_its_own_entry_first(engine) -> None:
    rank = engine.matcher.rank
    assert rank(ONE_SIDE[0][0], None).candidates[0].id == "telework-how-to-start"
    assert rank(ONE_SIDE[4][0], None).candidates[0].id == "consultation-centers-foreigners"


def together(*groups: list[str], desk: list[str] = (), unless: list[str] = ()) -> Marks:
    """Marks told together for hiring women and seniors, one English group each, what keeps
    them from holding, and the hiring desk's own marks."""
    content = load_content(default_content_dir())
    entries = {
        k: e.model_copy(
            update={
                "marks": {"en": list(desk)} if k == "hiring-consultation-desk" and desk else {},
                "marks_together": [{"en": g} for g in groups]
                if k == "hiring-women-seniors"
                else [],
                "marks_unless": {"en": list(unless)}
                if k == "hiring-women-seniors" and unless
                else {},
            }
        )
        for k, e in content.entries.items()
    }
    return Marks.of(replace(content, entries=entries))


@pytest.fixture(scope="module")
def seniors_and_mothers() -> Marks:
    return together(["retirees", "seniors"], ["housewives", "mums"], desk=["no applicants"])


@pytest.mark.parametrize(
    ("words", "first"),
    [
        # both groups: the entry whose idea it is
        ("retirees and housewives for the morning shift", "hiring-women-seniors"),
        ("mums on short shifts, and seniors", "hiring-women-seniors"),
        # one group alone is the neighbour's subject as much: nothing moves
        ("our retirees know the trade, how do we pass it on", "skills-succession"),
        ("housewives with small children on short shifts", "skills-succession"),
    ],
)
def test_marks_told_together_need_every_group(seniors_and_mothers, words: str, first: str) -> None:
    ranked = [entry("skills-succession", 0.60), entry("hiring-women-seniors", 0.50)]
    out = seniors_and_mothers.settle(terms(words), ranked)
    assert out[0].id == first
    assert [c.score for c in out] == [0.60, 0.50]


def test_the_desks_own_marks_keep_it_first(seniors_and_mothers) -> None:
    """An owner whose ads bring nobody asks the desk, also about retirees and housewives."""
    ranked = [entry("hiring-consultation-desk", 0.60), entry("hiring-women-seniors", 0.50)]
    words = terms("no applicants for months; any advice on retirees and housewives?")
    assert seniors_and_mothers.settle(words, ranked) == ranked
    quiet = together(["retirees", "seniors"], ["housewives", "mums"])
    assert quiet.settle(words, ranked)[0].id == "hiring-women-seniors"


def test_the_shipped_groups_read_both_sides(engine) -> None:
    marks = engine.matcher.marks
    assert len(engine.content.entries["hiring-women-seniors"].marks_together) == 2
    assert engine.content.entries["hiring-consultation-desk"].marks
    both = "tiệm giặt muốn nhận mấy bác đã về hưu với mấy chị nội trợ làm ca sáng"
    one = "mấy bác thợ giỏi sắp nghỉ hưu, làm sao truyền nghề cho lớp trẻ trước khi họ đi"
    assert marks.marked("hiring-women-seniors", terms(both))
    assert not marks.marked("hiring-women-seniors", terms(one))


# Women and seniors named with foreigners (`marks_unless`, 2026-12-08): the hiring desk's experts
# advise on this "diverse talent", and the programme for women and seniors ranked a little ahead;
# its marks held, and a marked first candidate is never displaced.
def test_what_keeps_the_marks_from_holding_lets_the_neighbour_settle_it() -> None:
    ranked = [entry("hiring-women-seniors", 0.60), entry("hiring-consultation-desk", 0.50)]
    words = terms(
        "no applicants since spring; can someone advise on retirees, housewives and foreigners?"
    )
    kept = together(["retirees"], ["housewives"], desk=["no applicants"])
    assert kept.settle(words, ranked) == ranked
    wider = together(["retirees"], ["housewives"], desk=["no applicants"], unless=["foreigners"])
    assert not wider.marked("hiring-women-seniors", words)
    out = wider.settle(words, ranked)
    assert [(c.id, c.score) for c in out] == [
        ("hiring-consultation-desk", 0.60),
        ("hiring-women-seniors", 0.50),
    ]
    # without foreigners the programme's own marks hold, and it stays first
    alone = terms("no applicants since spring; can someone advise on retirees and housewives?")
    assert wider.settle(alone, ranked) == ranked


DIVERSE_TALENT = [
    "Quán bánh mì 6 người, tuyển mãi không được. Tokyo có ai đến tận nơi chỉ cách nhận phụ nữ,"
    " người già và người nước ngoài làm không?",
    "트럭 정비소인데 반년째 사람을 못 구했어요. 여성이나 시니어, 외국인 채용하는 법을 알려주는 도쿄"
    " 상담 있나요?",
]


@pytest.mark.parametrize("text", DIVERSE_TALENT)
def test_women_seniors_and_foreigners_are_the_hiring_desks(engine, text: str) -> None:
    marked = engine.matcher
    quiet = copy(marked)
    quiet.marks = Marks({}, marked.marks.neighbours)
    was, now = quiet.rank(text, None).candidates, marked.rank(text, None).candidates
    assert (was[0].id, now[0].id) == ("hiring-women-seniors", "hiring-consultation-desk")
    assert [c.score for c in now] == [c.score for c in was]


def marks(**tables: list[str]) -> Marks:
    content = load_content(default_content_dir())
    entries = {
        k: e.model_copy(update={"marks": {"en": tables[k.replace("-", "_")]}})
        if k.replace("-", "_") in tables
        else e.model_copy(update={"marks": {}})
        for k, e in content.entries.items()
    }
    return Marks.of(replace(content, entries=entries))


def entry(id: str, score: float) -> Candidate:
    return Candidate(id, "entry", score, 0.0, 0.0, 0.0)


def test_the_intents_keep_their_places_between_the_two() -> None:
    ranked = [
        entry("paid-leave-overtime-reduction", 0.60),
        Candidate("urgent", "intent", 0.55, 0.0, 0.0, 0.0),
        entry("work-style-reform-declaration", 0.50),
    ]
    out = marks(work_style_reform_declaration=["pledge"]).settle(terms("a pledge"), ranked)
    assert [(c.id, c.score) for c in out] == [
        ("work-style-reform-declaration", 0.60),
        ("urgent", 0.55),
        ("paid-leave-overtime-reduction", 0.50),
    ]


@pytest.mark.parametrize(
    ("words", "ranked"),
    [
        # no mark
        (
            "overtime",
            [
                entry("paid-leave-overtime-reduction", 0.6),
                entry("work-style-reform-declaration", 0.5),
            ],
        ),
        # too far behind
        (
            "a pledge",
            [
                entry("paid-leave-overtime-reduction", 0.9),
                entry("work-style-reform-declaration", 0.5),
            ],
        ),
        # not related: the job fair is no neighbour of the declaration
        (
            "a pledge",
            [entry("joint-job-fair", 0.6), entry("work-style-reform-declaration", 0.5)],
        ),
        # an intent first
        (
            "a pledge",
            [
                Candidate("urgent", "intent", 0.6, 0.0, 0.0, 0.0),
                entry("work-style-reform-declaration", 0.5),
            ],
        ),
        # the first is marked too
        (
            "a pledge and an award",
            [
                entry("life-work-balance-certification", 0.6),
                entry("work-style-reform-declaration", 0.5),
            ],
        ),
    ],
)
def test_nothing_else_is_settled(words: str, ranked: list[Candidate]) -> None:
    table = marks(
        work_style_reform_declaration=["pledge"], life_work_balance_certification=["award"]
    )
    assert table.settle(terms(words), ranked) == ranked


def test_a_mark_reaches_further_than_a_voice() -> None:
    """An entry's own words name its idea, an owner's voice only who asks: a marked neighbour
    0.30 behind comes first (the read sets, 2026-12-07: +26 −1 with the hiring desk's marks
    below), where a voice reaches 0.25 (`bot/nlu/voices.py`)."""
    ranked = [
        entry("paid-leave-overtime-reduction", 0.80),
        entry("work-style-reform-declaration", 0.50),
    ]
    out = marks(work_style_reform_declaration=["pledge"]).settle(terms("a pledge"), ranked)
    assert [(c.id, c.score) for c in out] == [
        ("work-style-reform-declaration", 0.80),
        ("paid-leave-overtime-reduction", 0.50),
    ]
    neighbours = Marks.of(load_content(default_content_dir())).neighbours
    assert neighbours.MARGIN < 0.30 < neighbours.MARKS_MARGIN
    assert neighbours.promote(ranked, lambda other: True) == ranked


# An owner whose job ads bring not a single call asks the hiring desk, even while naming the
# retirees and housewives they would take (trial of 2026-12-07: a Korean tofu maker's question
# lost to hiring older people and mothers once marks reached 0.35, until the desk held the call
# that never comes)
NO_CALL = [
    "반찬가게 하는데 알바 공고를 두 달 올려도 전화 한 통 안 와요. 주부나 은퇴하신 분도 괜찮은데 도에 상담할 곳 있나요",
    "开了家小印刷厂，招工启事贴了四个月一个电话都没接到，退休的师傅和宝妈也想用，东京有地方咨询吗",
    "our print shop ad has run since spring and not a single call. open to retirees and mums too,"
    " who in Tokyo advises on this?",
    "quán phở đăng tuyển hai tháng mà không có ai gọi, nhận cả mấy chị nội trợ lẫn các bác về hưu,"
    " Tokyo có chỗ tư vấn không",
]


@pytest.mark.parametrize("text", NO_CALL)
def test_not_a_single_call_marks_the_desk(text: str) -> None:
    shipped = Marks.of(load_content(default_content_dir()))
    assert shipped.marked("hiring-consultation-desk", terms(text))
    ranked = [entry("hiring-consultation-desk", 0.60), entry("hiring-women-seniors", 0.40)]
    assert shipped.settle(terms(text), ranked) == ranked


# the forms `dev50` to `dev53` showed the marks missing: the goals "handed in" to Tokyo, a "stamp
# of approval", "giấy công nhận" (the accented form only: "cong nhan" is also a worker),
# "janji terbuka"
SHOWN = [
    (
        "残業を減らす目標を都に出して、名前を公表してもらう制度はまだあるの？",
        "work-style-reform-declaration",
    ),
    (
        "Is there an official stamp of approval from Tokyo for family-friendly firms?",
        "life-work-balance-certification",
    ),
    (
        "Tokyo có trao giấy công nhận cho công ty cho nhân viên về đúng giờ không",
        "life-work-balance-certification",
    ),
    (
        "perusahaan kami mau bikin janji terbuka ke Tokyo soal lembur, masih bisa?",
        "work-style-reform-declaration",
    ),
]


# older people and mothers told together in the words the read sets showed the groups missing
# (2026-12-07): a number past 60 or 65, obaachan, a mother raising small children, school hours
SHOWN += [
    (
        "xưởng in lụa bên mình muốn nhận mấy cô đang nuôi con nhỏ với vài bác trên 65 làm ca sáng",
        "hiring-women-seniors",
    ),
    (
        "sushi counter wants retirees for lunch and female staff who can only do school hours",
        "hiring-women-seniors",
    ),
    (
        "minha lanchonete quer chamar aposentado e mãe que só pode à tarde, como manter eles?",
        "hiring-women-seniors",
    ),
    (
        "hamro momo pasal ma din ma obaachan ra mummy haru rakhna man chha, kasari tikaune",
        "hiring-women-seniors",
    ),
]


# the management course's #2 in the words the read sets showed answered as the HR-strategy
# course (2026-12-07): a genuine #2, a COO-type grown in-house, the one who will replace me
SHOWN += [
    (
        "bakery chain owner, 3 shops: looking for a genuine #2 to take over planning, any coaching?",
        "management-talent-course",
    ),
    (
        "we'd like a COO-type from our own floor managers, is there training for that role in Tokyo",
        "management-talent-course",
    ),
    (
        "yung manager ko ang papalit sakin sa laundry shop, may kurso ba sa pamamahala?",
        "management-talent-course",
    ),
    (
        "bos pengen ada 1 orang yg bantu mikirin strategi bengkel, ada pelatihan pimpinan gak",
        "management-talent-course",
    ),
]


# the declaration's pledge in the words the read sets showed (2026-12-08): 名乗り出る, 「…」って
# 約束した, "se comprometeram", "menyatakan ke"
SHOWN += [
    ("働き方を見直すって都に名乗り出た会社、そのあと何がある？", "work-style-reform-declaration"),
    ("都に「残業へらします」って約束すると専門家が来るの？", "work-style-reform-declaration"),
    (
        "a empresa do meu cunhado se comprometeram com o governo de Tóquio, como faz?",
        "work-style-reform-declaration",
    ),
    (
        "kalau toko kami menyatakan ke Pemprov mau kurangi lembur, dapet apa?",
        "work-style-reform-declaration",
    ),
]


@pytest.mark.parametrize(("text", "entry"), SHOWN)
def test_the_marks_hold_the_forms_the_unseen_sets_showed(text: str, entry: str) -> None:
    shipped = Marks.of(load_content(default_content_dir()))
    assert shipped.marked(entry, terms(text))


def test_a_worker_is_no_recognition() -> None:
    """Unaccented, "công nhận" (recognition) is "công nhân" (a worker): only its longer forms
    are marks, so a worker's question stays unmarked."""
    shipped = Marks.of(load_content(default_content_dir()))
    for text in (
        "công nhân trong xưởng được nghỉ phép mấy ngày",
        "cong nhan trong xuong duoc nghi phep may ngay",
    ):
        assert not shipped.marked("life-work-balance-certification", terms(text)), text
