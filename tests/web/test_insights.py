"""The insights page (#14), as the people who read it would check it, on SQLite and
PostgreSQL: curators see the questions the bot could not answer grouped with their nearest
entry, and the answers users marked 👎 with what they had asked; managers see handoffs, the
minutes until a counselor took over, satisfaction per Tokyo day and the answers sent; every
chart's CSV gives back the chart's numbers; what users typed never becomes markup; the file
written for mailing fetches nothing."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator
from html.parser import HTMLParser

import pytest

from bot.core.factory import Engine, build_assistant
from bot.core.turns import Incoming
from bot.settings import Settings
from bot.store.database import Database
from bot.store.migrate import upgrade
from bot.store.tables import Feedback, Message, Ticket, Unanswered, User
from bot.web.insights import (
    CHARTS,
    Insights,
    build_insights,
    cluster_questions,
    csv_for,
    render_page,
)

NOW = dt.datetime(2026, 3, 16, 3, 0, tzinfo=dt.UTC)  # a Monday, noon in Tokyo


def ago(**delta: float) -> dt.datetime:
    return NOW - dt.timedelta(**delta)


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    await upgrade(database)
    yield database
    await database.dispose()


async def user(db: Database, external_id: str, lang: str) -> int:
    async with db.session() as session:
        row = User(channel="telegram", external_id=external_id, lang=lang)
        session.add(row)
        await session.flush()
        assert row.id is not None
        return row.id


async def add(db: Database, *rows: object) -> None:
    async with db.session() as session:
        session.add_all(rows)


def parsed(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


async def insights_of(db: Database, engine: Engine, **kwargs: object) -> Insights:
    return await build_insights(db, engine.content, now=NOW, **kwargs)  # type: ignore[arg-type]


# -- what curators read --------------------------------------------------------------------------


async def test_three_vietnamese_users_asking_the_same_unmatched_question_make_one_cluster(
    db: Database, engine: Engine
) -> None:
    asked = [
        ("vi1", "Làm sao để gia hạn thẻ cư trú?", "residence-card-basics"),
        ("vi2", "lam sao de gia han the cu tru", "residence-card-basics"),  # no accents
        ("vi3", "Làm sao gia hạn thẻ cư trú ạ?", "foreign-worker-visa-status"),
    ]
    for hours, (who, text, guess) in enumerate(asked):
        uid = await user(db, who, "vi")
        await add(
            db,
            Unanswered(
                user_id=uid,
                text=text,
                lang="vi",
                candidates=[[guess, 0.41], ["annual-paid-leave", 0.12]],
                created_at=ago(hours=hours + 1),
            ),
        )
    # A different question in the same words around it, and the same one in Japanese.
    uid = await user(db, "vi4", "vi")
    await add(
        db,
        Unanswered(
            user_id=uid,
            text="Làm sao để đổi thẻ ngân hàng?",
            lang="vi",
            candidates=[],
            created_at=ago(hours=5),
        ),
        Unanswered(
            user_id=uid,
            text="在留カードの更新はどうすればいいですか",
            lang="ja",
            candidates=[["residence-card-basics", 0.3]],
            created_at=ago(hours=6),
        ),
    )

    insights = await insights_of(db, engine)

    biggest = insights.unanswered[0]
    assert (biggest.lang, biggest.count) == ("vi", 3)
    # Newest first; the one typed without accents is the first one again, not a new example.
    assert biggest.examples == ("Làm sao để gia hạn thẻ cư trú?", "Làm sao gia hạn thẻ cư trú ạ?")
    assert biggest.entry == "residence-card-basics"  # the guess of two of the three
    assert biggest.title == engine.content.entries["residence-card-basics"].title["ja"]
    assert sorted((c.lang, c.count) for c in insights.unanswered) == [
        ("ja", 1),
        ("vi", 1),
        ("vi", 3),
    ]
    assert insights.activity.unanswered == 5 and insights.unanswered_grouped == 5

    page = render_page(insights, engine.catalogs("ja"), standalone=False)
    assert "答えられなかった質問" in page
    assert "在留カードの携帯・住所の届出・在留期間の更新" in page


def test_japanese_questions_meet_on_their_topic_not_on_their_endings(engine: Engine) -> None:
    when = NOW
    questions = [
        ("有給休暇は何日もらえますか", "ja", None, when),
        ("有給休暇って何日もらえるの？", "ja", None, when),
        ("最低賃金はいくらですか", "ja", None, when),
        ("東京の最低賃金はいくら？", "ja", None, when),
        ("残業代はいくらですか", "ja", None, when),
        ("最低工资是多少", "zh", None, when),
        ("东京的最低工资是多少？", "zh", None, when),
        ("加班费是多少", "zh", None, when),
        ("ゆうきゅうは なんにち もらえますか", "ja-easy", None, when),
        ("ゆうきゅう なんにち もらえる？", "ja-easy", None, when),
    ]
    groups = {frozenset(c.examples) for c in cluster_questions(questions, engine.content)}
    assert groups == {
        frozenset({"有給休暇は何日もらえますか", "有給休暇って何日もらえるの？"}),
        frozenset({"最低賃金はいくらですか", "東京の最低賃金はいくら？"}),
        frozenset({"残業代はいくらですか"}),
        frozenset({"最低工资是多少", "东京的最低工资是多少？"}),
        frozenset({"加班费是多少"}),
        frozenset({"ゆうきゅうは なんにち もらえますか", "ゆうきゅう なんにち もらえる？"}),
    }


def test_five_thousand_questions_are_clustered_in_moments(engine: Engine) -> None:
    """The cap's worth of questions, nearly all different: the worst case, where nearly every
    question leads a cluster of its own and is compared with thousands of leaders."""
    texts = [q for e in engine.content.entries.values() for qs in e.questions.values() for q in qs]
    questions = [(text, "en", None, NOW) for text in texts[:5000]]
    assert len(questions) == 5000
    started = time.perf_counter()
    clusters = cluster_questions(questions, engine.content)
    assert sum(c.count for c in clusters) == 5000 and len(clusters) > 4000
    assert time.perf_counter() - started < 20  # a quarter of a second here


async def test_a_japanese_thumbs_down_shows_with_the_question_that_got_that_answer(
    db: Database, engine: Engine
) -> None:
    settings = Settings(business_hours="Mon-Sun 00:00-23:59 Asia/Tokyo", _env_file=None)
    assistant = build_assistant(settings, engine=engine, db=db)
    conversations = [
        ("telegram:101", "有給休暇は何日もらえますか？"),
        ("telegram:102", "東京の最低賃金はいくらですか"),
    ]
    voted = []
    for who, question in conversations:
        replies = await assistant.handle(Incoming(who, question, lang_hint="ja"))
        entry = next(r.entry for r in replies if r.entry)
        await assistant.handle(Incoming(who, action=f"feedback:down:{entry}"))
        voted.append((entry, question))
    # A 👍 somewhere else does not count as a 👎.
    replies = await assistant.handle(Incoming("telegram:103", "有給休暇は何日？", lang_hint="ja"))
    liked = next(r.entry for r in replies if r.entry)
    await assistant.handle(Incoming("telegram:103", action=f"feedback:up:{liked}"))

    insights = await build_insights(db, engine.content)

    downs = {(v.entry, v.lang): v.down for v in insights.thumbs_down}
    assert downs == {(entry, "ja"): 1 for entry, _ in voted}
    asked = {c.entry: c.examples for c in insights.downvoted}
    assert asked == {entry: (question,) for entry, question in voted}
    assert insights.activity.thumbs_down == 2 and insights.activity.thumbs_up == 1
    rows = parsed(csv_for(insights, "thumbs-down-questions"))
    assert {(r["entry"], r["example_1"]) for r in rows} == set(voted)


# -- what managers read --------------------------------------------------------------------------


async def ticket(db: Database, who: str, **fields: object) -> None:
    uid = await user(db, who, str(fields.get("lang") or "ja"))
    await add(db, Ticket(user_id=uid, **fields))


async def test_handoffs_are_counted_per_reason_within_the_period(
    db: Database, engine: Engine
) -> None:
    reasons = ["human", "human", "human", "urgent", "urgent", "misses", "thumbs-down"]
    for n, reason in enumerate(reasons):
        await ticket(db, f"h{n}", reason=reason, status="closed", opened_at=ago(days=n + 1))
    await ticket(db, "old", reason="always", status="closed", opened_at=ago(days=31))

    insights = await insights_of(db, engine)

    assert [(h.reason, h.count) for h in insights.handoffs] == [
        ("human", 3),
        ("urgent", 2),
        ("misses", 1),
        ("thumbs-down", 1),
    ]
    assert insights.activity.handoffs == 7
    assert {r["reason"]: int(r["tickets"]) for r in parsed(csv_for(insights, "handoffs"))} == {
        "human": 3,
        "urgent": 2,
        "misses": 1,
        "thumbs-down": 1,
    }
    page = render_page(insights, engine.catalogs("ja"), standalone=False)
    assert "ユーザーが希望" in page and "緊急" in page


async def test_minutes_to_claim_and_to_close_are_per_ticket(db: Database, engine: Engine) -> None:
    opened = ago(hours=3)
    await ticket(
        db,
        "t1",
        reason="human",
        lang="vi",
        status="closed",
        opened_at=opened,
        claimed_at=opened + dt.timedelta(minutes=7, seconds=30),
        closed_at=opened + dt.timedelta(minutes=95),
    )
    await ticket(db, "t2", reason="urgent", status="open", opened_at=ago(minutes=20))

    insights = await insights_of(db, engine)

    times = {(t.reason, t.minutes_to_claim, t.minutes_to_close) for t in insights.tickets}
    assert times == {("human", 7.5, 95.0), ("urgent", None, None)}
    assert insights.median_to_claim == 7.5
    claim = {r["reason"]: r["minutes_to_claim"] for r in parsed(csv_for(insights, "time-to-claim"))}
    assert claim == {"human": "7.5", "urgent": ""}
    close = parsed(csv_for(insights, "time-to-close"))
    assert [r["opened_at"] for r in close if r["reason"] == "human"] == [
        opened.astimezone(dt.timezone(dt.timedelta(hours=9))).isoformat(timespec="seconds")
    ]
    page = render_page(insights, engine.catalogs("en"), standalone=False)
    assert "Median 7.5 min" in page


async def test_satisfaction_is_the_share_of_fours_and_fives_per_tokyo_day(
    db: Database, engine: Engine
) -> None:
    # 23:30 UTC on the 14th and 01:00 UTC on the 15th are both the morning of the 15th in Tokyo.
    closed = [
        (dt.datetime(2026, 3, 14, 23, 30, tzinfo=dt.UTC), 5),
        (dt.datetime(2026, 3, 15, 1, 0, tzinfo=dt.UTC), 4),
        (dt.datetime(2026, 3, 15, 2, 0, tzinfo=dt.UTC), 2),
        (dt.datetime(2026, 3, 12, 5, 0, tzinfo=dt.UTC), 5),
    ]
    for n, (at, rating) in enumerate(closed):
        await ticket(
            db,
            f"r{n}",
            reason="human",
            status="closed",
            opened_at=at - dt.timedelta(hours=1),
            closed_at=at,
            rating=rating,
        )
    await ticket(db, "unrated", reason="human", status="closed", opened_at=ago(days=1))

    insights = await insights_of(db, engine)

    assert [(p.start, p.ratings, p.satisfied) for p in insights.csat] == [
        (dt.date(2026, 3, 12), 1, 1),
        (dt.date(2026, 3, 15), 3, 2),
    ]
    assert insights.csat_share == 75.0
    rows = parsed(csv_for(insights, "csat"))
    assert [(r["day"], r["share_satisfied"], r["mean_rating"]) for r in rows] == [
        ("2026-03-12", "100.0", "5.00"),
        ("2026-03-15", "66.7", "3.67"),
    ]

    quarter = await insights_of(db, engine, days=90)
    assert quarter.csat_period == "week"
    assert [(p.start, p.ratings) for p in quarter.csat] == [(dt.date(2026, 3, 9), 4)]


async def test_answers_are_counted_per_entry_and_language(db: Database, engine: Engine) -> None:
    sent = {
        ("annual-paid-leave", "vi"): 3,
        ("annual-paid-leave", "ja"): 1,
        ("disaster-emergency", "ne"): 2,
    }
    uid = await user(db, "a1", "vi")
    rows = [
        Message(
            user_id=uid,
            direction="out",
            text="…",
            kind="answer",
            lang=lang,
            entry=entry,
            created_at=ago(hours=n + 1),
        )
        for (entry, lang), count in sent.items()
        for n in range(count)
    ]
    rows.append(
        Message(user_id=uid, direction="out", text="menu", kind="menu", lang="vi", created_at=NOW)
    )
    await add(db, *rows)

    insights = await insights_of(db, engine)

    assert [(a.entry, a.total, a.by_lang) for a in insights.answers] == [
        ("annual-paid-leave", 4, (("vi", 3), ("ja", 1))),
        ("disaster-emergency", 2, (("ne", 2),)),
    ]
    back = {
        (r["entry"], r["lang"]): int(r["answers"]) for r in parsed(csv_for(insights, "answers"))
    }
    assert back == sent
    assert insights.activity.answers == 6


# -- CSV, escaping, the file that is mailed ------------------------------------------------------


async def a_month(db: Database) -> None:
    """A little of everything, one user text trying to become markup or a formula."""
    uid = await user(db, "m1", "en")
    await add(
        db,
        Unanswered(
            user_id=uid,
            text='<script>alert("x")</script> visa?',
            lang="en",
            candidates=[["residence-card-basics", 0.2]],
            created_at=ago(hours=2),
        ),
        Unanswered(
            user_id=uid,
            text='=HYPERLINK("http://evil.example","visa") "><img src=x onerror=alert(1)>',
            lang="en",
            candidates=[],
            created_at=ago(hours=3),
        ),
        Message(
            user_id=uid, direction="in", text="<b>leave?</b>", lang="en", created_at=ago(hours=1)
        ),
        Message(
            user_id=uid,
            direction="out",
            text="…",
            kind="answer",
            lang="en",
            entry="annual-paid-leave",
            created_at=ago(minutes=59),
        ),
        Feedback(
            user_id=uid, entry="annual-paid-leave", vote=-1, lang="en", created_at=ago(minutes=58)
        ),
    )
    opened = ago(days=2)
    await ticket(
        db,
        "m2",
        reason="human",
        lang="en",
        status="closed",
        opened_at=opened,
        claimed_at=opened + dt.timedelta(minutes=4),
        closed_at=opened + dt.timedelta(minutes=40),
        rating=5,
    )


async def test_every_charts_csv_gives_back_the_charts_numbers(db: Database, engine: Engine) -> None:
    await a_month(db)
    insights = await insights_of(db, engine)

    tables = {name: parsed(csv_for(insights, name)) for name in CHARTS}

    assert sum(int(r["count"]) for r in tables["unanswered"]) == insights.activity.unanswered == 2
    assert [(r["entry"], int(r["thumbs_down"])) for r in tables["thumbs-down"]] == [
        ("annual-paid-leave", 1)
    ]
    assert [r["example_1"] for r in tables["thumbs-down-questions"]] == ["<b>leave?</b>"]
    assert [(r["reason"], int(r["tickets"])) for r in tables["handoffs"]] == [("human", 1)]
    assert [float(r["minutes_to_claim"]) for r in tables["time-to-claim"]] == [4.0]
    assert [float(r["minutes_to_close"]) for r in tables["time-to-close"]] == [40.0]
    assert [(int(r["ratings"]), float(r["share_satisfied"])) for r in tables["csat"]] == [
        (1, 100.0)
    ]
    assert [(r["entry"], int(r["answers"])) for r in tables["answers"]] == [
        ("annual-paid-leave", 1)
    ]
    # Opened in a spreadsheet, a question that looks like a formula stays text.
    cells = sorted(r["example_1"] for r in tables["unanswered"])
    assert cells[0].startswith("'=HYPERLINK(") and cells[1].startswith("<script>")
    with pytest.raises(KeyError):
        csv_for(insights, "nonsense")


async def test_what_users_typed_is_escaped_in_every_chart_and_on_the_page(
    db: Database, engine: Engine
) -> None:
    await a_month(db)
    insights = await insights_of(db, engine)

    for standalone in (True, False):
        for lang in ("ja", "en"):
            page = render_page(insights, engine.catalogs(lang), standalone=standalone)
            assert "<script" not in page and "<img" not in page and "<b>" not in page
            assert "&lt;script&gt;" in page and "&lt;b&gt;leave?&lt;/b&gt;" in page
            # Every chart is well-formed SVG that says what it shows.
            svgs = re.findall(r"<svg\b.*?</svg>", page, flags=re.S)
            assert len(svgs) == len(CHARTS)
            for svg in svgs:
                root = ET.fromstring(svg)
                assert root.get("role") == "img" and root.get("aria-label")
                assert root.find("{http://www.w3.org/2000/svg}title") is not None
                assert not any(el.get("style") for el in root.iter())  # the desk's CSP


class Resources(HTMLParser):
    """Every attribute that makes a browser fetch something, and every inline style."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[tuple[str, str]] = []
        self.links: list[str] = []
        self.styles = 0
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.scripts += tag == "script"
        self.styles += tag == "style" or "style" in values
        for name in ("src", "srcset", "poster", "data"):
            if values.get(name):
                self.fetched.append((tag, values[name] or ""))
        if tag == "link":
            self.fetched.append((tag, values.get("href") or ""))
        if tag == "a":
            self.links.append(values.get("href") or "")


async def test_the_standalone_page_fetches_nothing_and_carries_its_csvs(
    db: Database, engine: Engine
) -> None:
    await a_month(db)
    insights = await insights_of(db, engine)

    page = render_page(insights, engine.catalogs("ja"), standalone=True)

    found = Resources()
    found.feed(page)
    assert found.fetched == [] and found.scripts == 0
    assert "url(" not in page and "@import" not in page
    downloads = [href for href in found.links if href.startswith("data:")]
    assert len(downloads) == len(CHARTS) and len(found.links) == len(CHARTS)
    for name, href in zip(CHARTS, downloads, strict=True):
        head, payload = href.split(",", 1)
        assert head == "data:text/csv;charset=utf-8;base64"
        assert base64.b64decode(payload).decode("utf-8") == "\ufeff" + csv_for(insights, name)
    assert '<html lang="ja">' in page and "<style>" in page


async def test_the_desks_page_links_its_csvs_and_has_no_inline_style(
    db: Database, engine: Engine
) -> None:
    await a_month(db)
    insights = await insights_of(db, engine)

    page = render_page(insights, engine.catalogs("ja"), standalone=False)

    found = Resources()
    found.feed(page)
    assert found.styles == 0 and found.scripts == 0  # script-src/style-src 'self' allow none
    assert found.fetched == [("link", "/static/desk.css")]
    assert [h for h in found.links if h.startswith("/insights/")] == [
        f"/insights/{name}.csv?days=30" for name in CHARTS
    ]
    assert "data:" not in page


async def test_the_page_speaks_japanese_by_default_and_english_to_everyone_else(
    db: Database, engine: Engine
) -> None:
    insights = await insights_of(db, engine)  # an empty month

    japanese = render_page(insights, engine.catalogs("ja"), standalone=True)
    assert "インサイト" in japanese and "この期間のデータはありません。" in japanese
    assert "2026年2月14日" in japanese  # the period, in Tokyo's calendar
    for lang in ("en", "vi", "ne"):
        english = render_page(insights, engine.catalogs(lang), standalone=True)
        assert "Insights" in english and "No data for this period." in english
        assert '<html lang="en">' in english
    for name in CHARTS:  # an empty chart's CSV is its header
        assert len(parsed(csv_for(insights, name))) == 0
