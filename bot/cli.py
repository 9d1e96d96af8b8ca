"""The `madoguchi` command: chat, ask, eval, kb.

Each command builds what it needs at start from settings (no import-time work) and turns every
error a person can cause into one readable line and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from bot.content.loader import ContentError, default_content_dir, load_content
from bot.i18n import CatalogError
from bot.languages import ALL_CODES, LANGUAGES

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="madoguchi: a multilingual support desk for Tokyo SMEs and their staff.",
)
kb_app = typer.Typer(no_args_is_help=True, help="Check and curate the knowledge base.")
app.add_typer(kb_app, name="kb")
db_app = typer.Typer(no_args_is_help=True, help="The database: migrations, retention, export.")
app.add_typer(db_app, name="db")
report_app = typer.Typer(no_args_is_help=True, help="Figures for the people running the desk.")
app.add_typer(report_app, name="report")
notice_app = typer.Typer(
    no_args_is_help=True, help="Notices to users: send one, follow its delivery, list them."
)
app.add_typer(notice_app, name="notice")

out = Console()
err = Console(stderr=True)


def _fail(lines: list[str] | str, code: int = 1) -> typer.Exit:
    for line in [lines] if isinstance(lines, str) else lines:
        err.print(f"[red]error[/red] {line}", markup=True, highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _settings():
    from pydantic import ValidationError

    from bot.settings import Settings

    try:
        settings = Settings()
    except ValidationError as exc:
        problems = [
            f"MADOGUCHI_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors()
        ]
        raise _fail(problems) from None
    logging.basicConfig(
        level=settings.log_level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    # At INFO these say "job ran" every second and list alembic's plugins: noise, not events.
    for chatty in ("apscheduler", "alembic.runtime.plugins"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    return settings


def _assistant(settings, content_dir: Path | None = None, db=None, terminal_desk: bool = True):
    from bot.core.factory import build_assistant, build_engine
    from bot.handoff.hours import HoursError

    try:
        engine = build_engine(content_dir or settings.content_dir)
        return build_assistant(settings, engine=engine, db=db, terminal_desk=terminal_desk)
    except (ContentError, CatalogError) as exc:
        raise _fail(exc.problems) from None
    except HoursError as exc:
        raise _fail(str(exc)) from None


def _run(coro):
    """Run a coroutine; a database problem a person can fix is one line, not a traceback."""
    from bot.store.database import StoreError

    try:
        return asyncio.run(coro)
    except StoreError as exc:
        raise _fail(str(exc)) from None


def _with_database(settings, work, *, check: bool = True):
    """Open the store, run `work(db)`, close it; store problems become one line."""

    async def run():
        db = await _database(settings, check=check)
        try:
            return await work(db)
        finally:
            await db.dispose()

    return _run(run())


async def _database(settings, *, check: bool = True):
    from bot.store.database import Database
    from bot.store.migrate import check_schema

    db = Database(settings.database_url)
    if check:
        await check_schema(db, auto_upgrade=db.is_sqlite)
    return db


@app.command()
def chat(
    lang: Annotated[str | None, typer.Option(help="Start in this language (e.g. vi).")] = None,
) -> None:
    """Talk to the bot in the terminal: no token, no server."""
    from bot.channels.console import ConsoleChannel
    from bot.core.turns import Incoming

    settings = _settings()

    async def run() -> None:
        db = await _database(settings)
        try:
            assistant = _assistant(settings, db=db)
            channel = ConsoleChannel(assistant, out)
            greeting = None
            if lang:
                greeting = await assistant.handle(Incoming(channel.user, action=f"lang:{lang}"))
            await channel.run(greeting)
        finally:
            await db.dispose()

    _run(run())


@app.command()
def ask(
    text: Annotated[str, typer.Argument(help="The question, or - to read JSON lines on stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Write JSON lines.")] = False,
    lang: Annotated[str | None, typer.Option(help="Language hint, e.g. vi.")] = None,
) -> None:
    """Answer one question, or stream JSON lines {"text", "lang"?} from stdin (with -)."""
    from bot.core.evaluation import summarize
    from bot.core.turns import Incoming

    settings = _settings()
    assistant = _assistant(settings)

    async def one(n: int, line: str) -> dict:
        try:
            data = json.loads(line)
        except ValueError:
            return {"error": f"line {n}: not JSON"}
        if isinstance(data, str):
            data = {"text": data}
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            return {"error": f"line {n}: expected an object with a text field"}
        user = str(data.get("user") or f"ask:{n}")
        hint = data.get("lang") if isinstance(data.get("lang"), str) else None
        return summarize(await assistant.handle(Incoming(user, data.get("text", ""), hint)))

    async def stream() -> None:
        write = sys.stdout.write
        for n, line in enumerate(sys.stdin, 1):
            if line.strip():
                write(json.dumps(await one(n, line), ensure_ascii=False) + "\n")
                sys.stdout.flush()

    async def single() -> None:
        replies = await assistant.handle(Incoming("ask:cli", text, lang))
        if as_json:
            print(json.dumps(summarize(replies), ensure_ascii=False))
        else:
            for reply in replies:
                out.print(reply.text, highlight=False, markup=False)
                out.print()

    asyncio.run(stream() if text == "-" else single())


@app.command("eval")
def evaluate_cmd(
    file: Annotated[
        Path | None,
        typer.Option(help="JSON lines {text, lang, expect}, or a folder of such files."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    misses: Annotated[int, typer.Option(help="Show this many misses.")] = 0,
) -> None:
    """Top-1 accuracy per language and category, language detection, urgent recall."""
    from bot.core.evaluation import evaluate, load_set

    settings = _settings()
    assistant = _assistant(settings)
    path = file or default_content_dir() / "tests" / "eval" / "questions.jsonl"
    if not path.exists():
        raise _fail(f"{path}: no evaluation set here (use --file)")
    try:
        items = load_set(path)
    except ValueError as exc:
        raise _fail(str(exc)) from None

    async def run():
        with Progress(console=err, transient=True, disable=as_json) as progress:
            task = progress.add_task("evaluating", total=len(items))
            return await evaluate(assistant, items, lambda: progress.advance(task))

    report = asyncio.run(run())
    if as_json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
        return
    table = Table(title=f"top-1 on {report.total} questions: {report.accuracy:.1f} %")
    table.add_column("language")
    table.add_column("top-1 %", justify="right")
    table.add_column("n", justify="right")
    for code, pair in sorted(report.by_lang.items()):
        table.add_row(code, f"{report.rate(pair):.1f}", str(pair[1]))
    out.print(table)
    cats = Table(title="per category")
    cats.add_column("category")
    cats.add_column("top-1 %", justify="right")
    cats.add_column("n", justify="right")
    for name, pair in sorted(report.by_category.items()):
        cats.add_row(name, f"{report.rate(pair):.1f}", str(pair[1]))
    out.print(cats)
    worst = report.knowledge_by_lang()
    out.print(
        f"knowledge questions: top-1 {report.knowledge_accuracy:.1f} % (lowest "
        + ", ".join(f"{k} {v:.1f}" for k, v in sorted(worst.items(), key=lambda kv: kv[1])[:2])
        + f"), answered right {report.answered_right_rate:.1f} %, answered with a wrong entry "
        f"{report.answered_wrong_rate:.1f} %   urgent precision {report.urgent_precision:.1f} %"
    )
    out.print(
        f"calibration error: {report.calibration_error:.3f}   "
        f"language detection: {report.lang_accuracy:.1f} %   urgent recall: "
        f"{report.urgent_recall:.1f} % ({report.urgent_total - report.urgent_found} missed, "
        f"{report.urgent_one_tap} of them one tap from help)   out-of-scope answered from the KB: "
        f"{report.oos_answer_rate:.1f} %"
    )
    if report.confusions:
        out.print("most frequent confusions (expected -> got):")
        for (want, got), n in report.confusions.most_common(10):
            out.print(f"  {n:3d}  {want} -> {got}")
    for item, got, conf in report.misses[:misses]:
        out.print(
            f"  [{item.lang}] {item.text!r}: want {item.expect}, got {got} ({conf:.2f})",
            markup=False,
            highlight=False,
        )


def _check_offices(root: Path, report) -> None:  # type: ignore[no-untyped-def]
    """knowledge/offices.yaml: a broken structure fails; offices not yet read on an official
    page are a warning (their answers say so and link the official list)."""
    from bot.core.replies import tokyo_today
    from bot.rules.offices import OfficesError, check_offices, load_offices

    path = root / "knowledge" / "offices.yaml"
    if not path.exists():
        return
    try:
        offices = load_offices(path)
    except OfficesError as exc:
        report.errors.extend(exc.lines)
        return
    unread = 0
    for line in check_offices(offices, today=tokyo_today()):
        if "no source" in line:
            unread += 1
        elif "read the page again" in line:
            report.warnings.append(f"knowledge/offices.yaml: {line}")
        else:
            report.errors.append(f"knowledge/offices.yaml: {line}")
    if unread:
        report.warnings.append(
            f"knowledge/offices.yaml: {unread} office(s) not yet checked against an official "
            "page; their answers say so and link the official list"
        )


@kb_app.command("check")
def kb_check(
    content_dir: Annotated[Path | None, typer.Option(help="Folder with knowledge/ etc.")] = None,
) -> None:
    """Validate all content, print coverage per language, flag near-duplicate questions and
    questions that an alarm or a rule of scope would decide against their own label."""
    from bot.content.check import check_content
    from bot.i18n import load_catalogs
    from bot.nlu.conflicts import conflicts

    root = content_dir or default_content_dir()
    with Progress(console=err, transient=True) as progress:
        progress.add_task("loading content", total=None)
        try:
            content = load_content(root)
        except ContentError as exc:
            raise _fail(exc.problems) from None
        report = check_content(content)
        report.errors.extend(conflicts(content))
        try:
            load_catalogs(root / "locales")
        except CatalogError as exc:
            report.errors.extend(exc.problems)
        _check_offices(root, report)
    table = Table(title=f"{len(content.entries)} entries, {len(content.intents)} intents")
    for col in ("language", "complete", "coverage %", "questions", "machine-translated"):
        table.add_column(col, justify="right" if col != "language" else "left")
    for cov in report.coverage:
        table.add_row(
            f"{cov.lang} ({LANGUAGES[cov.lang].name})",
            f"{cov.complete}/{cov.total}",
            f"{cov.percent:.0f}",
            str(cov.questions),
            str(cov.machine),
        )
    out.print(table)
    for warning in report.warnings:
        err.print(f"[yellow]warning[/yellow] {warning}", highlight=False)
    for c in report.collisions:
        err.print(
            f"[red]collision[/red] [{c.lang}] {c.first}: {c.first_text!r} ~ "
            f"{c.second}: {c.second_text!r} ({c.score:.0f})",
            highlight=False,
        )
    if not report.ok:
        raise _fail(
            report.errors
            + (
                [f"{len(report.collisions)} near-duplicate question(s) across entries"]
                if report.collisions
                else []
            )
        )
    out.print("[green]content OK[/green]")


def _day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(f"--today: {value!r} is not a date like 2026-10-01") from None


@kb_app.command("stale")
def kb_stale(
    content_dir: Annotated[Path | None, typer.Option(help="Folder with knowledge/ etc.")] = None,
    today: Annotated[str | None, typer.Option(help="Judge as of this date (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(help="Show the first N (0: all).")] = 20,
) -> None:
    """What to re-verify on official pages, soonest first: dated facts, programme statuses,
    sources."""
    from bot.content.check import stale_list
    from bot.core.replies import tokyo_today

    day = _day(today) or tokyo_today()
    try:
        content = load_content(content_dir or default_content_dir())
    except ContentError as exc:
        raise _fail(exc.problems) from None
    rows = stale_list(content)
    overdue = sum(row.due < day for row in rows)
    out.print(
        f"{len(rows)} things to re-verify, soonest first ({overdue} overdue on {day.isoformat()}):",
        highlight=False,
    )
    for row in rows[: None if limit <= 0 else limit]:
        mark = "OVERDUE" if row.due < day else "       "
        out.print(
            f"{row.due.isoformat()} {mark} {row.what:<24} {row.where:<34} {row.detail}",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )


@kb_app.command("vectors")
def kb_vectors(
    content_dir: Annotated[Path | None, typer.Option(help="Folder with knowledge/ etc.")] = None,
) -> None:
    """Rewrite knowledge/vectors-e5-small-q4.npz, the example questions' vectors for the second
    opinion by meaning, after the examples changed (a build embeds only what it lacks)."""
    from bot.core.factory import ship_vectors

    root = content_dir or default_content_dir()
    try:
        with Progress(console=err, transient=True) as progress:
            progress.add_task("embedding the example questions", total=None)
            count = ship_vectors(root)
    except ContentError as exc:
        raise _fail(exc.problems) from None
    out.print(f"{count} example questions' vectors written to knowledge/", highlight=False)


@kb_app.command("show")
def kb_show(
    entry: Annotated[str, typer.Argument(help="The entry id, e.g. minimum-wage-payslip.")],
    lang: Annotated[str, typer.Option(help="Language code (ja, ja-easy, en, vi, ne...).")] = "ja",
    today: Annotated[str | None, typer.Option(help="Show it as on this date (YYYY-MM-DD).")] = None,
    content_dir: Annotated[Path | None, typer.Option(help="Folder with knowledge/ etc.")] = None,
) -> None:
    """An entry's answer exactly as a user reads it today: facts filled in, sources listed."""
    from bot.core.replies import Replies, tokyo_today
    from bot.i18n import load_catalogs

    day = _day(today) or tokyo_today()
    if lang not in ALL_CODES:
        raise _fail(f"--lang: unknown language {lang!r} (one of {', '.join(ALL_CODES)})")
    root = content_dir or default_content_dir()
    try:
        content = load_content(root)
        catalogs = load_catalogs(root / "locales")
    except (ContentError, CatalogError) as exc:
        raise _fail(exc.problems) from None
    if entry not in content.entries:
        raise _fail(f"no entry {entry!r}; `madoguchi kb review-list` lists the ids")
    reply = Replies(content, lambda: day).answer(catalogs(lang), content.entries[entry], 1.0)
    out.print(reply.text, markup=False, highlight=False)


review_app = typer.Typer(no_args_is_help=True, help="A native speaker's review, as a spreadsheet.")
kb_app.add_typer(review_app, name="review")


def _review_lang(lang: str) -> str:
    if lang not in ALL_CODES or lang == "ja":
        raise _fail(f"--lang: {lang!r} is not a translated language ({', '.join(ALL_CODES[1:])})")
    return lang


@review_app.command("export")
def kb_review_export(
    lang: Annotated[str, typer.Option(help="The language to review (ne, vi, tl...).")],
    out_file: Annotated[Path | None, typer.Option("--out", help="CSV file to write.")] = None,
    content_dir: Annotated[Path | None, typer.Option(help="Folder with knowledge/ etc.")] = None,
) -> None:
    """Write a spreadsheet (CSV): Japanese and English beside the translation, one row per entry
    and field, with the figures each answer must carry and a `reviewed` column to fill in."""
    from bot.content.review import export_rows, write_csv

    code = _review_lang(lang)
    try:
        content = load_content(content_dir or default_content_dir())
    except ContentError as exc:
        raise _fail(exc.problems) from None
    rows = export_rows(content, code)
    target = out_file or Path(f"review-{code}.csv")
    try:
        target.write_text(write_csv(rows), encoding="utf-8")
    except OSError as exc:
        raise _fail(f"{target}: cannot be written: {exc.strerror}") from None
    out.print(f"{len(rows)} rows written to {target}", highlight=False)


@review_app.command("import")
def kb_review_import(
    file: Annotated[Path, typer.Argument(help="The CSV the reviewer filled in.")],
    lang: Annotated[str, typer.Option(help="The language of the file.")],
    content_dir: Annotated[Path | None, typer.Option(help="Folder with knowledge/ etc.")] = None,
) -> None:
    """Read a reviewed spreadsheet back: translations written, rows marked reviewed; refused
    (nothing changed) if a translation lost a key point's figure."""
    from bot.content.review import ReviewError, import_rows

    code = _review_lang(lang)
    try:
        content = load_content(content_dir or default_content_dir())
        text = file.read_text(encoding="utf-8")
    except ContentError as exc:
        raise _fail(exc.problems) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"{file}: cannot be read as UTF-8 text: {exc}") from None
    try:
        changed = import_rows(content, code, text)
    except ReviewError as exc:
        raise _fail([*exc.lines, "nothing was imported"]) from None
    out.print(f"{len(changed)} entr{'y' if len(changed) == 1 else 'ies'} updated", highlight=False)


@kb_app.command("review-list")
def kb_review_list(
    lang: Annotated[str | None, typer.Option(help="Only this language.")] = None,
) -> None:
    """What still needs a fluent human reviewer, entry by entry."""
    from bot.content.check import review_list

    try:
        content = load_content(default_content_dir())
    except ContentError as exc:
        raise _fail(exc.problems) from None
    rows = [r for r in review_list(content) if lang in (None, r[1])]
    table = Table(title=f"{len(rows)} translation(s) awaiting review")
    for col in ("entry", "language", "status"):
        table.add_column(col)
    for row in rows:
        table.add_row(*row)
    out.print(table)
    by_lang = {code: sum(1 for r in rows if r[1] == code) for code in ALL_CODES}
    out.print(" ".join(f"{k}:{v}" for k, v in by_lang.items() if v))


@app.command()
def desk() -> None:
    """The counselor desk in a terminal: queue, claim, reply, send, close (same store)."""
    from bot.channels.console import DeskConsole
    from bot.handoff.desk import Desk

    settings = _settings()

    async def run() -> None:
        db = await _database(settings)
        try:
            assistant = _assistant(settings, db=db)
            await DeskConsole(Desk(assistant.handoff, assistant.answer_text), out).run()
        finally:
            await db.dispose()

    _run(run())


def _serve_line(settings) -> None:  # type: ignore[no-untyped-def]
    """`serve --line`: the LINE webhook and its jobs, on the same store as everything else."""
    from bot.channels.line.app import ServeError, run_line
    from bot.store.database import Database, StoreError

    missing = [
        name
        for name, value in (
            ("MADOGUCHI_LINE_CHANNEL_SECRET", settings.line_channel_secret),
            ("MADOGUCHI_LINE_CHANNEL_ACCESS_TOKEN", settings.line_channel_access_token),
        )
        if not value
    ]
    if missing:
        raise _fail(
            f"{' and '.join(missing)} not set: copy them from the Messaging API channel in the "
            "LINE Developers console (README: LINE)"
        )

    async def run() -> None:
        await (await _database(settings)).dispose()  # the schema is current, or one line why
        db = Database(settings.database_url)
        assistant = _assistant(settings, db=db, terminal_desk=settings.terminal_desk)
        await run_line(settings, assistant, on_shutdown=db.dispose)

    try:
        _run(run())
    except (ServeError, StoreError) as exc:
        raise _fail(str(exc)) from None


@app.command()
def serve(
    webhook: Annotated[
        bool, typer.Option("--webhook/--polling", help="Receive updates by webhook or polling.")
    ] = False,
    line: Annotated[
        bool,
        typer.Option(
            "--line", help="Serve the LINE webhook instead of Telegram (no Telegram token needed)."
        ),
    ] = False,
) -> None:
    """Run the Telegram bot (polling by default; --webhook for production behind HTTPS), or
    with --line the LINE official account's webhook. Both channels at once: two processes on
    the same MADOGUCHI_DATABASE_URL.

    By webhook each update is answered 200 once it has been processed, so Telegram redelivers
    what a worker killed midway had not finished; MADOGUCHI_WEBHOOK_SECRET is required."""
    settings = _settings()
    if line:
        _serve_line(settings)
        return
    from bot.channels.telegram.app import ServeError, build_application, webhook_options
    from bot.channels.telegram.app import serve as run_bot
    from bot.handoff.desk import Desk
    from bot.store.database import Database, StoreError

    if not settings.telegram_token:
        raise _fail(
            "MADOGUCHI_TELEGRAM_TOKEN is not set: create a bot with @BotFather and export its token"
        )
    if webhook and not settings.webhook_url:
        raise _fail("--webhook needs MADOGUCHI_WEBHOOK_URL (the public https URL Telegram calls)")
    hook: dict | None = None
    if webhook:
        try:
            hook = webhook_options(settings)
        except ValueError as exc:  # no secret, or one Telegram would refuse
            raise _fail(str(exc)) from None

    async def check() -> None:  # in its own loop; the bot's engine connects in the bot's loop
        db = await _database(settings)
        await db.dispose()

    _run(check())
    try:
        db = Database(settings.database_url)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    # No counselors' chat and no terminal desk reading the queue: users are told no person can
    # be reached, rather than queued for nobody.
    assistant = _assistant(settings, db=db, terminal_desk=settings.terminal_desk)
    desk = Desk(assistant.handoff, assistant.answer_text)
    application = build_application(
        settings, assistant, on_shutdown=db.dispose, desk=desk, webhook=webhook, database=db
    )
    try:
        run_bot(application, hook)
    except (ServeError, StoreError) as exc:
        raise _fail(str(exc)) from None


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Bring the database schema to the newest migration."""
    from bot.store.migrate import current_revision, upgrade

    async def work(db) -> str | None:
        await upgrade(db)
        return await current_revision(db)

    revision = _with_database(_settings(), work, check=False)
    out.print(f"database at revision {revision}")


@db_app.command("current")
def db_current() -> None:
    """Show the schema revision of the database and the newest one."""
    from bot.store.database import redacted
    from bot.store.migrate import current_revision, head_revision

    settings = _settings()
    current = _with_database(settings, current_revision, check=False)
    head = head_revision()
    state = "up to date" if current == head else "behind: run `madoguchi db upgrade`"
    out.print(
        f"{redacted(settings.database_url)}: revision {current or '(empty)'}, "
        f"newest {head} ({state})",
        highlight=False,
    )


@db_app.command("purge")
def db_purge(
    older_than: Annotated[str, typer.Option("--older-than", help="e.g. 180d, 4w, 12h")],
) -> None:
    """Delete every text older than the given age: messages, unanswered questions, the
    outbox, ticket notes and event details (0h keeps no text at all)."""
    from bot.store.database import StoreError
    from bot.store.privacy import parse_age, purge

    settings = _settings()
    try:
        age = parse_age(older_than)
    except StoreError as exc:
        raise _fail(str(exc)) from None

    counts = _with_database(settings, lambda db: purge(db, age))
    out.print(
        f"deleted {counts['messages']} message(s), {counts['unanswered']} unanswered "
        f"question(s), {counts['outbox']} outbox item(s) and "
        f"{counts['processed_updates']} processed update id(s); cleared "
        f"{counts['ticket_notes']} ticket note(s) and {counts['ticket_events']} ticket event "
        f"detail(s); all older than {older_than}",
        highlight=False,
    )


@db_app.command("export-user")
def db_export_user(
    user: Annotated[str, typer.Argument(help="Store id, or channel:external_id")],
) -> None:
    """Write everything stored about one user as JSON on stdout."""
    from bot.store.privacy import export_user

    data = _with_database(_settings(), lambda db: export_user(db, user))
    print(json.dumps(data, ensure_ascii=False, indent=2))


@report_app.command("tickets")
def report_tickets() -> None:
    """Open, claimed and closed tickets, median minutes to claim and to close, ratings."""
    from bot.handoff.report import ticket_report

    rows = _with_database(_settings(), ticket_report)
    table = Table(title="tickets per language")
    for col in (
        "language",
        "open",
        "claimed",
        "closed",
        "median min to claim",
        "median min to close",
        "rating (n)",
    ):
        table.add_column(col, justify="left" if col == "language" else "right")

    def minutes(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f}"

    for f in rows:
        rating = "-" if f.mean_rating is None else f"{f.mean_rating:.2f} ({len(f.ratings)})"
        table.add_row(
            f.lang,
            str(f.open),
            str(f.claimed),
            str(f.closed),
            minutes(f.median_to_claim),
            minutes(f.median_to_close),
            rating,
        )
    out.print(table)


@report_app.command("insights")
def report_insights(
    html: Annotated[Path, typer.Option("--html", help="Write the page to this file.")],
    days: Annotated[int, typer.Option("--days", min=1, max=366)] = 30,
    lang: Annotated[str, typer.Option("--lang", help="ja (default) or en")] = "ja",
) -> None:
    """The insights page for offline use: charts inline, each chart's data as a CSV link."""
    from bot.core.factory import build_engine
    from bot.i18n import CatalogError, load_desk_catalogs
    from bot.web.insights import build_insights, render_page

    settings = _settings()
    engine = build_engine(settings.content_dir)
    root = Path(settings.content_dir) if settings.content_dir else None
    try:
        from bot.content.loader import default_content_dir

        words = load_desk_catalogs((root or default_content_dir()) / "locales")
    except CatalogError as exc:
        raise _fail(exc.problems) from None

    async def work(db):  # type: ignore[no-untyped-def]
        return await build_insights(db, engine.content, days=days)

    found = _with_database(settings, work)
    page = render_page(found, words("en" if lang == "en" else "ja"), standalone=True)
    try:
        html.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise _fail(f"cannot write {html}: {exc.strerror or exc}") from None
    out.print(f"insights for the last {days} days written to {html}")


@report_app.command("line")
def report_line() -> None:
    """This month's LINE push messages: used, the plan's limit, the share (replies are free)."""
    from bot.channels.line.api import LineApi, Refused, TryLater

    settings = _settings()
    if not settings.line_channel_access_token:
        raise _fail("MADOGUCHI_LINE_CHANNEL_ACCESS_TOKEN is not set")

    async def read():  # type: ignore[no-untyped-def]
        api = LineApi(settings.line_channel_access_token, base_url=settings.line_api_base_url)
        try:
            return await api.quota()
        finally:
            await api.close()

    try:
        quota = asyncio.run(read())
    except (Refused, TryLater) as exc:
        raise _fail(f"LINE did not tell the quota: {exc}") from None
    table = Table(title="LINE push messages this month")
    for col in ("used", "limit", "share"):
        table.add_column(col, justify="right")
    share = quota.share
    table.add_row(
        str(quota.used),
        "none" if quota.limit is None else str(quota.limit),
        "-" if share is None else f"{share:.0%}",
    )
    out.print(table)
    if share is not None and share >= 0.8:
        out.print(
            "[yellow]near the limit:[/yellow] counselors' replies to LINE users wait once it "
            "is reached; raise the plan in LINE Official Account Manager"
        )


# -- the web desk -------------------------------------------------------------------------------

web_app = typer.Typer(
    invoke_without_command=True,
    help="The counselors' web desk: `madoguchi web` serves it; `web user add` makes accounts.",
)
app.add_typer(web_app, name="web")
web_user_app = typer.Typer(no_args_is_help=True, help="Web desk accounts.")
web_app.add_typer(web_user_app, name="user")


@web_app.callback()
def web(ctx: typer.Context) -> None:
    """Serve the web desk on MADOGUCHI_WEB_LISTEN:MADOGUCHI_WEB_PORT (default 127.0.0.1:8080)."""
    if ctx.invoked_subcommand is not None:
        return
    import uvicorn
    from platformdirs import user_data_dir

    from bot.handoff.desk import Desk
    from bot.i18n import CatalogError
    from bot.store.database import Database, StoreError
    from bot.web.app import create_app, desk_web
    from bot.web.auth import secret_key

    settings = _settings()

    async def check() -> None:  # the schema is current, or one line why
        await (await _database(settings)).dispose()

    _run(check())
    try:
        db = Database(settings.database_url)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    assistant = _assistant(settings, db=db)
    try:
        web_desk = desk_web(
            Desk(assistant.handoff, assistant.answer_text),
            assistant.answer_text,
            settings.content_dir,
        )
    except CatalogError as exc:
        raise _fail(exc.problems) from None
    key = secret_key(settings.web_secret_key, Path(user_data_dir("madoguchi")))
    application = create_app(web_desk, secret_key=key, secure_cookies=settings.web_secure_cookies)
    out.print(f"web desk on http://{settings.web_listen}:{settings.web_port}/")
    try:
        uvicorn.run(
            application,
            host=settings.web_listen,
            port=settings.web_port,
            proxy_headers=True,
            forwarded_allow_ips=settings.web_trusted_proxies,
            access_log=False,  # paths carry search words; the desk logs its own events
            log_level="warning",
        )
    except OSError as exc:
        raise _fail(
            f"cannot listen on {settings.web_listen}:{settings.web_port} "
            f"(MADOGUCHI_WEB_LISTEN, MADOGUCHI_WEB_PORT): {exc.strerror or exc}"
        ) from None


@web_user_app.command("add")
def web_user_add(
    name: Annotated[str, typer.Argument(help="The login name.")],
    role: Annotated[str, typer.Option("--role", help="counselor or supervisor")] = "counselor",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Create a web desk account (the password is asked for, or read from standard input)."""
    from bot.store import accounts
    from bot.web.auth import MIN_PASSWORD, hash_password

    if role not in ("counselor", "supervisor"):
        raise _fail("--role must be counselor or supervisor")
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise _fail("the name must be 1 to 64 characters without spaces")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        import getpass

        password = getpass.getpass("password: ")
        if password != getpass.getpass("again: "):
            raise _fail("the two passwords differ")
    if len(password) < MIN_PASSWORD:
        raise _fail(f"the password needs at least {MIN_PASSWORD} characters")
    hashed = hash_password(password)

    async def work(db):  # type: ignore[no-untyped-def]
        async with db.session() as session:
            return await accounts.create_account(
                session=session, name=name, role=role, password_hash=hashed
            )

    if not _with_database(_settings(), work):
        raise _fail(f"an account named {name} exists already")
    out.print(f"web desk account {name} ({role}) created")


# -- notices ------------------------------------------------------------------------------------


def _notices(db, settings):  # type: ignore[no-untyped-def]
    from bot.i18n import load_catalogs
    from bot.outreach.notices import Notices

    # These commands store and report; the running bot's workers write the users' texts, with
    # catalogs they checked at start.
    catalogs = load_catalogs(default_content_dir() / "locales", strict=False)
    return Notices(db, catalogs, default_language=settings.default_language)


def _audience_text(audience: dict) -> str:
    if not audience:
        return "everyone"
    return ", ".join(f"{k} {v}" for k, v in sorted(audience.items()))


@notice_app.command("send")
def notice_send(
    file: Annotated[Path, typer.Argument(help="YAML: language code -> text; ja is required.")],
    lang: Annotated[
        str | None, typer.Option("--lang", help="Only users who read this language.")
    ] = None,
    company: Annotated[
        str | None, typer.Option("--company", help="Only users tagged with this company.")
    ] = None,
    by: Annotated[str, typer.Option(help="Who sends it, for the record.")] = "cli",
) -> None:
    """Store a notice for everyone, one language or one company; the running bot fans it out
    and delivers it within Telegram's limits. Users who opted out are skipped; a language the
    notice lacks reads the ja-easy text (else ja) under a note in the user's language."""
    import yaml

    from bot.outreach.notices import NoticeError

    if lang and company:
        raise _fail("use --lang or --company, not both")
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail(f"{file}: cannot read it ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        mark, problem = getattr(exc, "problem_mark", None), getattr(exc, "problem", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise _fail(
            f"{file}: not valid YAML{where}" + (f": {problem}" if problem else "")
        ) from None
    audience = {"lang": lang} if lang else {"company": company} if company else {}
    settings = _settings()

    async def work(db):  # type: ignore[no-untyped-def]
        notices = _notices(db, settings)
        notice_id = await notices.send(raw, audience, by=by)
        return notice_id, await notices.progress(notice_id)

    try:
        notice_id, progress = _with_database(settings, work)
    except NoticeError as exc:
        raise _fail(f"{file}: {exc}") from None
    out.print(
        f"notice #{notice_id} stored for {_audience_text(audience)}: {progress.waiting} "
        f"subscriber(s) to reach. The running bot sends it; follow it with "
        f"`madoguchi notice status {notice_id}`.",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )


@notice_app.command("status")
def notice_status(
    notice_id: Annotated[int, typer.Argument(help="The notice's number.")],
) -> None:
    """Recipients, delivered, failed (blocked the bot, chat gone) and pending, and how many
    subscribers the fan-out has still to reach."""
    settings = _settings()
    progress = _with_database(settings, lambda db: _notices(db, settings).progress(notice_id))
    if progress is None:
        raise _fail(f"no notice #{notice_id} (`madoguchi notice list` lists them)")
    state = "finished" if progress.fanned_out else f"{progress.waiting} still to reach"
    out.print(
        f"notice #{notice_id}: {progress.recipients} recipient(s), {progress.delivered} "
        f"delivered, {progress.failed} failed, {progress.pending} pending; fan-out {state}",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )


@notice_app.command("list")
def notice_list(
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 20,
) -> None:
    """The newest notices: who sent them to whom, in which languages, and whether every
    recipient has been reached."""
    from bot.outreach.reminders import TOKYO

    settings = _settings()
    rows = _with_database(settings, lambda db: _notices(db, settings).list(limit))
    table = Table(title=f"{len(rows)} notice(s), newest first")
    for col in ("#", "created (Tokyo)", "by", "audience", "languages", "fan-out"):
        table.add_column(col, justify="right" if col == "#" else "left")
    for n in rows:
        table.add_row(
            str(n.id),
            n.created_at.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M"),
            n.created_by,
            _audience_text(n.audience),
            " ".join(n.languages),
            "finished" if n.fanned_out else "in progress",
        )
    out.print(table)


@notice_app.command("company")
def notice_company(
    user: Annotated[str, typer.Argument(help="Store id, or channel:external_id")],
    name: Annotated[str | None, typer.Argument(help="The company tag; omit it to clear.")] = None,
) -> None:
    """Tag a user with their company, for notices sent with --company."""
    from bot.store.database import StoreError
    from bot.store.privacy import find_user

    if name is not None and not 1 <= len(name.strip()) <= 64:
        raise _fail("a company tag is 1 to 64 characters")
    settings = _settings()

    async def work(db):  # type: ignore[no-untyped-def]
        found = await find_user(db, user)
        if found is None:
            raise StoreError(f"no user {user!r} in the store (use the id or channel:external_id)")
        await _notices(db, settings).set_company(found.id, name)
        return found.id

    user_id = _with_database(settings, work)
    tag = f"tagged {name.strip()!r}" if name else "no longer tagged"
    out.print(f"user {user_id} is {tag}", highlight=False, markup=False)


def main() -> None:
    app()
