"""The insights page (#14): what managers and content curators need to see, drawn on the
server.

- What the bot could not answer, and what users had asked when they pressed 👎, grouped into
  clusters of similar questions per language, each with the knowledge entry nearest to it:
  the curator's to-do list.
- Which answers got 👎, handoffs by reason, minutes until a counselor claimed and closed a
  ticket, satisfaction (ratings of 4 or 5) over time, answers sent per entry and language.

The figures come grouped from the store (bot/store/insights.py); this module clusters the
questions, lays out the charts (bot/web/charts.py) and renders `templates/insights.html`. Each
chart's data is a CSV (`csv_for`): the standalone page, written by
`madoguchi report insights --html FILE` to be mailed or opened offline, carries its CSS, its
charts and its CSVs inline (`data:` links); the desk's page links to `/insights/{name}.csv`.

The page's words live here, in Japanese and English only (counselors and managers read one of
the two; Japanese is the desk's default), not in the bot's catalogs, which must hold every
word in all ten languages of the users.
"""

from __future__ import annotations

import asyncio
import base64
import csv
import datetime as dt
import io
import math
import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from scipy import sparse

from bot.content.loader import Content
from bot.handoff.requests import language_in_japanese
from bot.i18n import Translator
from bot.languages import LANGUAGES, base_language
from bot.store import insights as figures
from bot.store.database import Database
from bot.store.insights import Activity, ReasonCount, TicketTimes
from bot.web.charts import Bar, bar_chart, bin_counts, column_chart, line_chart

__all__ = [
    "CHARTS",
    "SIMILAR",
    "Cluster",
    "CsatPoint",
    "EntryAnswers",
    "EntryVotes",
    "Insights",
    "build_insights",
    "cluster_questions",
    "csv_for",
    "render_page",
]

HERE = Path(__file__).parent
TOKYO = ZoneInfo("Asia/Tokyo")
CHARTS = (
    "unanswered",
    "thumbs-down",
    "thumbs-down-questions",
    "handoffs",
    "time-to-claim",
    "time-to-close",
    "csat",
    "answers",
)
# Two questions are one cluster from this cosine similarity of their TF-IDF vectors up: on the
# content's own questions (ten languages, about 770 each), pairs of questions of different
# entries score this high less than once in 5,000 pairs in every language.
SIMILAR = 0.55
TOP = 15  # bars per chart; the CSV has every row
EXAMPLES = 3
CHUNK = 512  # questions compared against the leaders in one matrix product
LANGUAGE_PARTS = 6  # languages named in a stacked bar; the others are one part
MINUTE_EDGES = (0, 5, 15, 30, 60, 120, 240, 480, 1440, 4320)


# -- the page's words ----------------------------------------------------------------------------

LABELS: dict[str, dict[str, str]] = {
    "ja": {
        "title": "インサイト",
        "period": "{start} 〜 {end}（過去 {days} 日、東京時間）",
        "summary": "期間のまとめ",
        "questions": "ユーザーのメッセージ",
        "answers": "ナレッジの回答",
        "unanswered": "答えられなかった質問",
        "thumbs_up": "👍",
        "thumbs_down": "👎",
        "handoffs": "担当者への引き継ぎ",
        "unanswered_lead": "ボットが答えられなかった質問を、言語ごとに似た質問でまとめました。"
        "件数の多いまとまりは、ナレッジに加える候補です。",
        "capped": "直近 {n} 件の質問をまとめています。",
        "thumbs_down_heading": "👎 がついた回答",
        "thumbs_down_lead": "「役に立たなかった」と押された回答（エントリーと言語ごと）。",
        "downvoted_heading": "👎 の前にされた質問",
        "downvoted_lead": "👎 を押したユーザーが、その回答の前に書いた質問のまとまり。"
        "回答がずれていた質問を見つけるためのものです。",
        "handoffs_heading": "引き継ぎの理由",
        "handoffs_lead": "期間中に開かれたチケットを理由別に数えました。",
        "claim_heading": "担当者が対応を始めるまでの時間",
        "claim_lead": "チケットが開かれてから担当者が引き受けるまで。中央値 {median}。",
        "close_heading": "チケットが閉じるまでの時間",
        "close_lead": "チケットが開かれてから閉じるまで。中央値 {median}。",
        "csat_heading": "満足度（CSAT）",
        "csat_lead": "評価 4〜5 の割合（{period}）。期間全体で {share}（{n} 件の評価）。",
        "answers_heading": "よく使われた回答",
        "answers_lead": "ボットが送ったナレッジの回答（エントリーごと、言語別の内訳つき）。",
        "day": "日ごと",
        "week": "週ごと",
        "tickets": "件",
        "count": "件数",
        "language": "言語",
        "examples": "質問の例",
        "nearest": "近いエントリー",
        "none": "—",
        "other": "その他",
        "no_data": "この期間のデータはありません。",
        "csv": "CSV をダウンロード",
        "minutes": "{n} 分",
        "not_claimed": "未対応",
        "back": "キューに戻る",
        "generated": "作成 {at}",
        "reason.human": "ユーザーが希望",
        "reason.urgent": "緊急",
        "reason.misses": "答えられない質問が続いた",
        "reason.thumbs-down": "👎 のあと",
        "reason.always": "常に担当者が対応するトピック",
        "bins": "5分未満|5〜15分|15〜30分|30〜60分|1〜2時間|2〜4時間|4〜8時間|8〜24時間|"
        "1〜3日|3日以上",
        "share_axis": "評価 4〜5 の割合",
    },
    "en": {
        "title": "Insights",
        "period": "{start} – {end} (last {days} days, Tokyo time)",
        "summary": "The period at a glance",
        "questions": "Messages from users",
        "answers": "Knowledge answers",
        "unanswered": "Unanswered questions",
        "thumbs_up": "👍",
        "thumbs_down": "👎",
        "handoffs": "Handoffs to a person",
        "unanswered_lead": "Questions the bot could not answer, grouped with similar ones per "
        "language. Large groups are candidates for new knowledge.",
        "capped": "Grouping the latest {n} questions.",
        "thumbs_down_heading": "Answers marked 👎",
        "thumbs_down_lead": "Answers users found not helpful, per entry and language.",
        "downvoted_heading": "Questions before a 👎",
        "downvoted_lead": "What users had asked before the answer they marked 👎, grouped: "
        "where the bot answered the wrong question.",
        "handoffs_heading": "Why users were handed over",
        "handoffs_lead": "Tickets opened in the period, per reason.",
        "claim_heading": "Minutes until a counselor took over",
        "claim_lead": "From a ticket's opening to its claim. Median {median}.",
        "close_heading": "Minutes until a ticket was closed",
        "close_lead": "From a ticket's opening to its closing. Median {median}.",
        "csat_heading": "Satisfaction (CSAT)",
        "csat_lead": "Share of ratings of 4 or 5 ({period}). Over the period: {share} ({n} "
        "ratings).",
        "answers_heading": "Answers sent most",
        "answers_lead": "Knowledge answers the bot sent, per entry, by language.",
        "day": "per day",
        "week": "per week",
        "tickets": "tickets",
        "count": "Count",
        "language": "Language",
        "examples": "Examples",
        "nearest": "Nearest entry",
        "none": "—",
        "other": "other",
        "no_data": "No data for this period.",
        "csv": "Download CSV",
        "minutes": "{n} min",
        "not_claimed": "not claimed",
        "back": "Back to the queue",
        "generated": "Made {at}",
        "reason.human": "asked for a person",
        "reason.urgent": "urgent",
        "reason.misses": "repeated misses",
        "reason.thumbs-down": "after a 👎",
        "reason.always": "topic always handed over",
        "bins": "<5 min|5–15 min|15–30 min|30–60 min|1–2 h|2–4 h|4–8 h|8–24 h|1–3 d|≥3 d",
        "share_axis": "Share of ratings 4–5",
    },
}


def labels_for(t: Translator) -> dict[str, str]:
    return LABELS["ja" if t.lang.startswith("ja") else "en"]


# -- what the page shows -------------------------------------------------------------------------


@dataclass(frozen=True)
class Cluster:
    """Similar questions in one language: how many, a few of them, and the knowledge entry
    nearest to them (the most frequent best guess of the matcher; for questions before a 👎,
    the entry that was voted down)."""

    lang: str | None
    count: int
    examples: tuple[str, ...]
    entry: str | None
    title: str | None  # the entry's Japanese title: counselors read Japanese
    latest: dt.datetime


@dataclass(frozen=True)
class EntryVotes:
    entry: str
    title: str
    lang: str | None
    down: int
    up: int


@dataclass(frozen=True)
class EntryAnswers:
    entry: str
    title: str
    total: int
    by_lang: tuple[tuple[str, int], ...]  # most first


@dataclass(frozen=True)
class CsatPoint:
    start: dt.date  # the day, or the Monday of the week
    ratings: int
    satisfied: int  # rated 4 or 5
    total: int  # sum of the ratings

    @property
    def share(self) -> float:
        return 100.0 * self.satisfied / self.ratings if self.ratings else 0.0

    @property
    def mean(self) -> float:
        return self.total / self.ratings if self.ratings else 0.0


@dataclass
class Insights:
    since: dt.datetime
    until: dt.datetime
    days: int
    activity: Activity
    unanswered: list[Cluster] = field(default_factory=list)
    unanswered_grouped: int = 0  # questions that went into the clusters (at most the cap)
    thumbs_down: list[EntryVotes] = field(default_factory=list)
    downvoted: list[Cluster] = field(default_factory=list)
    handoffs: list[ReasonCount] = field(default_factory=list)
    tickets: list[TicketTimes] = field(default_factory=list)
    csat: list[CsatPoint] = field(default_factory=list)
    csat_period: str = "day"  # day | week
    answers: list[EntryAnswers] = field(default_factory=list)

    @property
    def csat_share(self) -> float | None:
        ratings = sum(p.ratings for p in self.csat)
        return 100.0 * sum(p.satisfied for p in self.csat) / ratings if ratings else None

    @property
    def ratings(self) -> int:
        return sum(p.ratings for p in self.csat)

    @property
    def median_to_claim(self) -> float | None:
        values = [t.minutes_to_claim for t in self.tickets if t.minutes_to_claim is not None]
        return statistics.median(values) if values else None

    @property
    def median_to_close(self) -> float | None:
        values = [t.minutes_to_close for t in self.tickets if t.minutes_to_close is not None]
        return statistics.median(values) if values else None


async def build_insights(
    db: Database, content: Content, *, days: int = 30, now: dt.datetime | None = None
) -> Insights:
    """The last `days` days up to `now`: the store's grouped figures, then the clusters,
    computed in a thread so the desk's other pages (and their live updates) keep moving."""
    until = now or dt.datetime.now(dt.UTC)
    since = until - dt.timedelta(days=days)
    window = {"since": since, "until": until}
    async with db.session() as session:
        activity = await figures.activity(session=session, **window)
        unanswered = await figures.unanswered_questions(session=session, **window)
        votes = await figures.thumbs_down_by_entry(session=session, **window)
        downvoted = await figures.thumbs_down_questions(session=session, **window)
        handoffs = await figures.handoffs_by_reason(session=session, **window)
        tickets = await figures.ticket_times(session=session, **window)
        days_rated = await figures.ratings_by_day(session=session, **window)
        answers = await figures.answers_by_entry(session=session, **window)

    def cluster_both() -> tuple[list[Cluster], list[Cluster]]:
        return (
            cluster_questions(
                [(q.text, q.lang, q.top_entry, q.created_at) for q in unanswered], content
            ),
            cluster_questions(
                [(q.text, q.lang, q.entry, q.created_at) for q in downvoted if q.text], content
            ),
        )

    unanswered_clusters, downvoted_clusters = await asyncio.to_thread(cluster_both)
    period = "day" if days <= 31 else "week"
    return Insights(
        since=since,
        until=until,
        days=days,
        activity=activity,
        unanswered=unanswered_clusters,
        unanswered_grouped=len(unanswered),
        thumbs_down=[
            EntryVotes(v.entry, _title(content, v.entry), v.lang, v.down, v.up) for v in votes
        ],
        downvoted=downvoted_clusters,
        handoffs=handoffs,
        tickets=tickets,
        csat=_csat(days_rated, period),
        csat_period=period,
        answers=_answers(answers, content),
    )


def _title(content: Content, entry: str | None) -> str:
    """An entry's Japanese title; its id when the entry is gone from the content."""
    found = content.entries.get(entry or "")
    return (found.title.get("ja") or found.id) if found else (entry or "")


def _csat(days: Sequence[figures.DayRatings], period: str) -> list[CsatPoint]:
    """Days as they come, or summed into weeks starting on Monday (a year of days is too many
    points to read)."""
    buckets: dict[dt.date, list[int]] = {}
    for d in days:
        start = d.day - dt.timedelta(days=d.day.weekday()) if period == "week" else d.day
        bucket = buckets.setdefault(start, [0, 0, 0])
        bucket[0] += d.ratings
        bucket[1] += d.satisfied
        bucket[2] += d.total
    return [CsatPoint(start, *bucket) for start, bucket in sorted(buckets.items())]


def _answers(rows: Sequence[figures.EntryAnswers], content: Content) -> list[EntryAnswers]:
    per_entry: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        per_entry[row.entry][row.lang or "?"] += row.count
    found = [
        EntryAnswers(entry, _title(content, entry), sum(langs.values()), tuple(langs.most_common()))
        for entry, langs in per_entry.items()
    ]
    return sorted(found, key=lambda e: (-e.total, e.entry))


# -- clustering ----------------------------------------------------------------------------------
#
# Greedy leader clustering: questions are taken in turn (newest first); each joins the most
# similar existing cluster's leader if that similarity reaches SIMILAR, or leads a new cluster.
# Each question is compared with the leaders only: O(n·k) for n questions and k clusters, done
# as sparse matrix products a chunk of questions at a time.
#
# Similarity is the cosine of TF-IDF vectors of tokens that work without a word segmenter:
# words where the script puts spaces (Vietnamese, Nepali, Portuguese, ...), character bigrams
# where it does not (Japanese, Chinese; and Korean, whose particles stick to the words). Japanese
# is split where the script changes (ビザの更新 -> ビザ, 更新) and its hiragana runs, mostly
# particles and endings (は, ですか, もらえる), are dropped when the question has kanji or
# katakana: "最低賃金はいくらですか" and "残業代はいくらですか" must not meet on いくらですか.
# IDF is fitted on the questions together with the content's own questions in that language,
# so words every question uses ("how", "làm sao", 是多少) weigh little even in a small batch.
# Text is folded first: NFKC (full-width letters and digits, half-width katakana), case, and
# the accents of Latin letters, because many write Vietnamese and Portuguese without them.


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x3040 <= o <= 0x309F:
        return "hiragana"
    if 0x30A0 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF:
        return "katakana"
    if 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or o == 0x3005:
        return "han"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0x0E00 <= o <= 0x0EFF or 0x1000 <= o <= 0x109F or 0x1780 <= o <= 0x17FF:
        return "unspaced"  # Thai, Lao, Myanmar, Khmer
    return "word"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("đ", "d")
    kept: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        kind = unicodedata.category(ch)
        if kind == "Mn" and kept and ord(kept[-1]) < 0x250:  # an accent on a Latin letter
            continue
        kept.append(" " if kind[0] in "PSZC" else ch)  # punctuation, symbols, spaces
    return unicodedata.normalize("NFC", "".join(kept))


def tokens(text: str) -> list[str]:
    """The tokens similarity is measured on (see above)."""
    found: list[str] = []
    kana: list[str] = []
    for chunk in _fold(text).split():
        runs: list[tuple[str, list[str]]] = []
        for ch in chunk:
            script = _script(ch)
            if runs and runs[-1][0] == script:
                runs[-1][1].append(ch)
            else:
                runs.append((script, [ch]))
        for script, chars in runs:
            run = "".join(chars)
            if script == "word":
                found.append(run)
                continue
            grams = [run] if len(run) < 3 else [run[i : i + 2] for i in range(len(run) - 1)]
            (kana if script == "hiragana" else found).extend(grams)
    return found or kana  # a question in hiragana only keeps its hiragana


def _vectors(docs: list[list[str]], background: Iterable[list[str]]) -> sparse.csr_matrix:
    """Rows of L2-normalised TF-IDF weights (sublinear tf, smoothed idf) of `docs`; the idf
    counts `background` documents too."""
    df: Counter[str] = Counter()
    n = 0
    for doc in [*docs, *background]:
        df.update(set(doc))
        n += 1
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for i, doc in enumerate(docs):
        for token, count in Counter(doc).items():
            rows.append(i)
            cols.append(vocab.setdefault(token, len(vocab)))
            values.append((1 + math.log(count)) * (math.log((1 + n) / (1 + df[token])) + 1))
    matrix = sparse.csr_matrix(
        (values, (rows, cols)), shape=(len(docs), max(1, len(vocab))), dtype=np.float64
    )
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _leaders(matrix: sparse.csr_matrix, threshold: float) -> list[int]:
    """The cluster of each row: greedy, in row order, against the leaders so far."""
    assigned: list[int] = []
    leaders: list[int] = []  # row of each cluster's leader
    has_tokens = np.diff(matrix.indptr) > 0
    for start in range(0, matrix.shape[0], CHUNK):
        rows = matrix[start : start + CHUNK]
        known = len(leaders)
        # Against the leaders from earlier chunks in one product; against the leaders this
        # chunk makes, from the chunk's product with itself.
        earlier = (rows @ matrix[leaders].T).toarray() if known else np.zeros((rows.shape[0], 0))
        inner = (rows @ rows.T).toarray()
        fresh: list[int] = []  # offsets in the chunk of the leaders made here
        for offset in range(rows.shape[0]):
            best, score = -1, -1.0
            if known:
                j = int(np.argmax(earlier[offset]))
                best, score = j, float(earlier[offset, j])
            if fresh:
                sims = inner[offset, fresh]
                j = int(np.argmax(sims))
                if sims[j] > score:
                    best, score = known + j, float(sims[j])
            if score >= threshold and has_tokens[start + offset]:
                assigned.append(best)
            else:
                assigned.append(len(leaders))
                leaders.append(start + offset)
                fresh.append(offset)
    return assigned


def cluster_questions(
    questions: Sequence[tuple[str, str | None, str | None, dt.datetime]],
    content: Content,
    *,
    threshold: float = SIMILAR,
) -> list[Cluster]:
    """Questions (text, language, entry, when), newest first, grouped per language into
    clusters of similar texts, largest first. A text without a single token (emoji,
    punctuation) clusters only with its twins. Examples skip texts that are an earlier example
    once folded (the same words without accents, in other case or width)."""
    by_lang: dict[str | None, list[int]] = defaultdict(list)
    for i, (_, lang, _, _) in enumerate(questions):
        by_lang[lang].append(i)
    clusters: list[Cluster] = []
    for lang, members in by_lang.items():
        docs = [tokens(questions[i][0]) for i in members]
        background = _background(content, lang)
        matrix = _vectors(docs, background)
        assigned = _leaders(matrix, threshold)
        # Rows without tokens share a zero vector: each led its own cluster; join twins.
        groups: dict[int, list[int]] = defaultdict(list)
        empty: dict[str, int] = {}
        for row, cluster in enumerate(assigned):
            if not docs[row]:
                twin = unicodedata.normalize("NFKC", questions[members[row]][0]).strip()
                cluster = empty.setdefault(twin, cluster)
            groups[cluster].append(members[row])
        for rows in groups.values():
            clusters.append(_cluster(lang, [questions[i] for i in rows], content))
    return sorted(clusters, key=lambda c: (-c.count, -c.latest.timestamp(), c.lang or ""))


def _background(content: Content, lang: str | None) -> list[list[str]]:
    base = base_language(lang) if lang else "en"
    return [
        tokens(question)
        for entry in content.entries.values()
        for question in entry.questions.get(base, [])
    ]


def _cluster(
    lang: str | None,
    rows: list[tuple[str, str | None, str | None, dt.datetime]],
    content: Content,
) -> Cluster:
    examples: list[str] = []
    seen: set[str] = set()
    for text, *_ in rows:
        folded = " ".join(_fold(text).split())
        if folded not in seen and len(examples) < EXAMPLES:
            seen.add(folded)
            examples.append(" ".join(text.split()))
    guesses = Counter(entry for _, _, entry, _ in rows if entry)
    entry = guesses.most_common(1)[0][0] if guesses else None
    return Cluster(
        lang=lang,
        count=len(rows),
        examples=tuple(examples),
        entry=entry,
        title=_title(content, entry) if entry else None,
        latest=max(at for *_, at in rows),
    )


# -- CSV -----------------------------------------------------------------------------------------


def _cell(text: str | None) -> str:
    """A user's text as a spreadsheet cell: one that starts like a formula (=, +, -, @) is
    prefixed with an apostrophe, so opening the file in Excel runs nothing."""
    if not text:
        return ""
    return "'" + text if text[0] in "=+-@\t\r" else text


def _iso(value: dt.datetime | dt.date) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(TOKYO).isoformat(timespec="seconds")
    return value.isoformat()


def _minutes(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


Rows = Iterable[Sequence[object]]


def _cluster_rows(clusters: Sequence[Cluster]) -> Rows:
    yield ["lang", "count", "entry", "entry_title_ja", "example_1", "example_2", "example_3"]
    for c in clusters:
        examples = [_cell(e) for e in c.examples] + [""] * (EXAMPLES - len(c.examples))
        yield [c.lang or "", c.count, c.entry or "", c.title or "", *examples]


def _votes_rows(insights: Insights) -> Rows:
    yield ["entry", "entry_title_ja", "lang", "thumbs_down", "thumbs_up"]
    for v in insights.thumbs_down:
        yield [v.entry, v.title, v.lang or "", v.down, v.up]


def _handoff_rows(insights: Insights) -> Rows:
    yield ["reason", "tickets"]
    for h in insights.handoffs:
        yield [h.reason, h.count]


def _ticket_rows(insights: Insights, what: str) -> Rows:
    yield ["ticket", "lang", "reason", "opened_at", f"minutes_to_{what}"]
    for t in insights.tickets:
        minutes = t.minutes_to_claim if what == "claim" else t.minutes_to_close
        yield [t.ticket_id, t.lang or "", t.reason, _iso(t.opened_at), _minutes(minutes)]


def _csat_rows(insights: Insights) -> Rows:
    yield [insights.csat_period, "ratings", "satisfied", "share_satisfied", "mean_rating"]
    for p in insights.csat:
        yield [_iso(p.start), p.ratings, p.satisfied, f"{p.share:.1f}", f"{p.mean:.2f}"]


def _answer_rows(insights: Insights) -> Rows:
    yield ["entry", "entry_title_ja", "lang", "answers"]
    for a in insights.answers:
        for lang, count in a.by_lang:
            yield [a.entry, a.title, lang, count]


_CSV: dict[str, Callable[[Insights], Rows]] = {
    "unanswered": lambda i: _cluster_rows(i.unanswered),
    "thumbs-down": _votes_rows,
    "thumbs-down-questions": lambda i: _cluster_rows(i.downvoted),
    "handoffs": _handoff_rows,
    "time-to-claim": lambda i: _ticket_rows(i, "claim"),
    "time-to-close": lambda i: _ticket_rows(i, "close"),
    "csat": _csat_rows,
    "answers": _answer_rows,
}


def csv_for(insights: Insights, name: str) -> str:
    """The data of chart `name` (one of CHARTS) as CSV text: a header row of stable English
    column names, then one row per bar, point or ticket; times in Tokyo, with their offset.
    Every row, where the chart shows the first few. KeyError for a name not in CHARTS."""
    if name not in _CSV:
        raise KeyError(f"no chart named {name!r} (one of {', '.join(CHARTS)})")
    buffer = io.StringIO()
    csv.writer(buffer).writerows(_CSV[name](insights))
    return buffer.getvalue()


def _data_url(text: str) -> str:
    """A CSV inline: UTF-8 with a byte-order mark, which Excel needs to read Japanese."""
    payload = base64.b64encode(("\ufeff" + text).encode("utf-8")).decode("ascii")
    return f"data:text/csv;charset=utf-8;base64,{payload}"


# -- the page ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """Built on first use, not at import."""
    return Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)


@dataclass(frozen=True)
class _Section:
    name: str
    heading: str
    lead: str
    chart: Markup | None  # None: nothing in the period
    csv: str  # where the data is: a data: URL or the desk's route
    clusters: tuple[dict, ...] = ()  # the table under a chart of clusters


class _Charts:
    """The charts of one page, in its reader's words and number formats; each method returns
    SVG, or None when the period has nothing to draw."""

    def __init__(self, insights: Insights, t: Translator) -> None:
        self.i = insights
        self.t = t
        self.words = labels_for(t)
        self.japanese = t.lang.startswith("ja")

    # formats

    def count(self, value: float) -> str:
        return self.t.number(round(value))

    def percent(self, value: float) -> str:
        return f"{self.t.number(round(value))}%"

    def minutes(self, value: float | None) -> str:
        if value is None:
            return self.words["none"]
        return self.words["minutes"].format(
            n=self.t.number(round(value, 1 if value < 10 else None))
        )

    def day(self, value: dt.date) -> str:
        return self.t.date(value, "M/d")

    def language(self, code: str | None) -> str:
        if self.japanese:
            return language_in_japanese(code)
        found = LANGUAGES.get(code or "")
        return found.english if found else (code or "?")

    # charts

    def _clusters(self, clusters: Sequence[Cluster], key: str, title: str) -> str | None:
        if not clusters:
            return None
        bars = [
            Bar(
                c.examples[0],
                c.count,
                note=f"{self.language(c.lang)} · {c.title or self.words['none']}",
            )
            for c in clusters[:TOP]
        ]
        return bar_chart(bars, key=key, title=title, number=self.count)

    def unanswered(self) -> str | None:
        return self._clusters(self.i.unanswered, "unanswered", self.words["unanswered"])

    def downvoted(self) -> str | None:
        return self._clusters(
            self.i.downvoted, "thumbs-down-questions", self.words["downvoted_heading"]
        )

    def thumbs_down(self) -> str | None:
        if not self.i.thumbs_down:
            return None
        bars = [
            Bar(v.title, v.down, note=f"{self.language(v.lang)} · 👍 {self.count(v.up)}")
            for v in self.i.thumbs_down[:TOP]
        ]
        title = self.words["thumbs_down_heading"]
        return bar_chart(bars, key="thumbs-down", title=title, number=self.count)

    def handoffs(self) -> str | None:
        if not self.i.handoffs:
            return None
        bars = [
            Bar(self.words.get(f"reason.{h.reason}", h.reason), h.count) for h in self.i.handoffs
        ]
        title = self.words["handoffs_heading"]
        return bar_chart(bars, key="handoffs", title=title, number=self.count, label_width=220)

    def _histogram(self, values: list[float | None], key: str, title: str) -> str | None:
        present = [v for v in values if v is not None]
        if not present:
            return None
        counts = bin_counts(present, MINUTE_EDGES)
        columns = list(zip(self.words["bins"].split("|"), counts, strict=True))
        return column_chart(columns, key=key, title=title, number=self.count)

    def to_claim(self) -> str | None:
        values = [x.minutes_to_claim for x in self.i.tickets]
        return self._histogram(values, "time-to-claim", self.words["claim_heading"])

    def to_close(self) -> str | None:
        values = [x.minutes_to_close for x in self.i.tickets]
        return self._histogram(values, "time-to-close", self.words["close_heading"])

    def csat(self) -> str | None:
        if not self.i.csat:
            return None
        return line_chart(
            [(p.start, p.share, f"n={p.ratings}") for p in self.i.csat],
            key="csat",
            title=f"{self.words['csat_heading']}: {self.words['share_axis']}",
            date_label=self.day,
            number=self.percent,
        )

    def answers(self) -> str | None:
        """Stacked by language: the most answered few by name, the rest as one part, in the
        same order in every bar."""
        if not self.i.answers:
            return None
        shown: Counter[str] = Counter()
        for a in self.i.answers[:TOP]:
            shown.update(dict(a.by_lang))
        named = [code for code, _ in shown.most_common(LANGUAGE_PARTS)]
        other = self.words["other"]
        legend = [self.language(code) for code in named]
        if len(shown) > len(named):
            legend.append(other)

        def parts(by_lang: tuple[tuple[str, int], ...]) -> tuple[tuple[str, float], ...]:
            counts = dict(by_lang)
            found = [(self.language(code), float(counts.get(code, 0))) for code in named]
            rest = sum(n for code, n in by_lang if code not in named)
            return tuple(found + ([(other, float(rest))] if rest else []))

        bars = [Bar(a.title, a.total, parts=parts(a.by_lang)) for a in self.i.answers[:TOP]]
        title = self.words["answers_heading"]
        return bar_chart(bars, key="answers", title=title, number=self.count, legend=legend)

    # words around them

    def leads(self) -> dict[str, str]:
        w, i = self.words, self.i
        capped = i.unanswered_grouped < i.activity.unanswered
        share = i.csat_share
        return {
            "unanswered": w["unanswered_lead"]
            + (" " + w["capped"].format(n=self.count(i.unanswered_grouped)) if capped else ""),
            "thumbs-down": w["thumbs_down_lead"],
            "thumbs-down-questions": w["downvoted_lead"],
            "handoffs": w["handoffs_lead"],
            "time-to-claim": w["claim_lead"].format(median=self.minutes(i.median_to_claim)),
            "time-to-close": w["close_lead"].format(median=self.minutes(i.median_to_close)),
            "csat": w["csat_lead"].format(
                period=w[i.csat_period],
                share=self.percent(share) if share is not None else w["none"],
                n=self.count(i.ratings),
            ),
            "answers": w["answers_lead"],
        }

    def cluster_table(self, clusters: Sequence[Cluster]) -> tuple[dict, ...]:
        return tuple(
            {
                "language": self.language(c.lang),
                "count": self.count(c.count),
                "examples": c.examples,
                "entry": c.entry,
                "title": c.title,
            }
            for c in clusters[:TOP]
        )


# Each chart: its heading's key in LABELS and the method that draws it, in the page's order.
_SECTIONS: tuple[tuple[str, str, Callable[[_Charts], str | None]], ...] = (
    ("unanswered", "unanswered", _Charts.unanswered),
    ("thumbs-down", "thumbs_down_heading", _Charts.thumbs_down),
    ("thumbs-down-questions", "downvoted_heading", _Charts.downvoted),
    ("handoffs", "handoffs_heading", _Charts.handoffs),
    ("time-to-claim", "claim_heading", _Charts.to_claim),
    ("time-to-close", "close_heading", _Charts.to_close),
    ("csat", "csat_heading", _Charts.csat),
    ("answers", "answers_heading", _Charts.answers),
)


def render_page(insights: Insights, t: Translator, *, standalone: bool) -> str:
    """The page in the reader's language (Japanese unless `t` is another language, then
    English). `standalone`: one file with nothing to fetch (CSS, charts and CSVs inline), for
    `madoguchi report insights --html FILE`; otherwise the desk's page, whose CSS and CSVs the
    desk serves (and which has no inline style: the desk's content policy forbids it)."""
    charts = _Charts(insights, t)
    words = charts.words
    leads = charts.leads()
    tables = {
        "unanswered": charts.cluster_table(insights.unanswered),
        "thumbs-down-questions": charts.cluster_table(insights.downvoted),
    }
    sections = []
    for name, heading, draw in _SECTIONS:
        svg = draw(charts)
        sections.append(
            _Section(
                name=name,
                heading=words[heading],
                lead=leads[name],
                chart=Markup(svg) if svg is not None else None,
                csv=_data_url(csv_for(insights, name))
                if standalone
                else f"/insights/{name}.csv?days={insights.days}",
                clusters=tables.get(name, ()),
            )
        )
    a = insights.activity
    summary = [
        (words[key], charts.count(value))
        for key, value in (
            ("questions", a.questions),
            ("answers", a.answers),
            ("unanswered", a.unanswered),
            ("thumbs_up", a.thumbs_up),
            ("thumbs_down", a.thumbs_down),
            ("handoffs", a.handoffs),
        )
    ]
    start = insights.since.astimezone(TOKYO).date()
    end = insights.until.astimezone(TOKYO).date()
    return (
        _environment()
        .get_template("insights.html")
        .render(
            words=words,
            lang="ja" if charts.japanese else "en",
            standalone=standalone,
            css=Markup(_desk_css()) if standalone else None,
            period=words["period"].format(
                start=t.date(start, "long"), end=t.date(end, "long"), days=insights.days
            ),
            generated=words["generated"].format(
                at=t.datetime(insights.until.astimezone(TOKYO), "short")
            ),
            summary=summary,
            sections=sections,
        )
    )


def _desk_css() -> str:
    """The desk's stylesheet, for the standalone page to carry inline."""
    return (HERE / "static" / "desk.css").read_text(encoding="utf-8")
