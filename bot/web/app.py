"""`madoguchi web`: the counselors' desk in a browser.

The same store and the same `Desk` as the Telegram group and the terminal: a claim pressed here
and one pressed in Telegram go through one conditional update, and exactly one wins. Pages are
rendered on the server (Jinja2) and refreshed in parts by htmx; the queue and an open ticket
follow the store live through server-sent events, which watch the store itself, so a change
made by any process (a bot worker, another desk) shows within a second.

Every route but the login page and the static files needs a session; every POST needs the
session's CSRF token; supervisor actions check the role on the server. Responses carry strict
security headers (no inline script or style: htmx is served from the package). Message text is
never logged.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import Depends, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.sse import EventSourceResponse, ServerSentEvent
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.middleware.sessions import SessionMiddleware

from bot.content.loader import Content, default_content_dir
from bot.handoff.desk import CounselorInput, Desk
from bot.handoff.requests import language_in_japanese
from bot.i18n import Catalogs, load_desk_catalogs
from bot.store import accounts
from bot.store import tickets as rows
from bot.web.auth import LoginThrottle, check_csrf, csrf_token, verify_password
from bot.web.insights import CHARTS, build_insights, csv_for, render_page

__all__ = ["DeskWeb", "create_app", "desk_web"]

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
PAGE = 50  # tickets per queue page
TRANSCRIPT_PAGE = 100  # messages per transcript page
SESSION_HOURS = 12
TOKYO = ZoneInfo("Asia/Tokyo")

# Answers a knowledge entry in a language (the conversation's wording), handed in.
Answers = Callable[[str, str], str]


@dataclass
class DeskWeb:
    """What the pages need, built once at start."""

    desk: Desk
    answers: Answers
    words: Catalogs  # the desk's own words, Japanese and English
    poll: float = 0.5  # seconds between looks at the store for the live views

    @property
    def content(self) -> Content:
        return self.desk.handoff.content

    @property
    def db(self):  # type: ignore[no-untyped-def]
        return self.desk.handoff.db


def desk_web(desk: Desk, answers: Answers, content_dir: Path | None = None) -> DeskWeb:
    """The web desk over a handoff's desk; its words from the content's locales."""
    root = Path(content_dir) if content_dir else default_content_dir()
    return DeskWeb(desk, answers, load_desk_catalogs(root / "locales"))


def _templates(words: Catalogs) -> dict[str, Environment]:
    envs = {}
    for lang in ("ja", "en"):
        env = Environment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=select_autoescape(["html"]),
            extensions=["jinja2.ext.i18n"],
        )
        t = words(lang)
        # Plain callables: `_("{n} min", n=3)` formats with str.format like the bot's own
        # words, and autoescaping escapes the result.
        env.install_gettext_callables(  # type: ignore[attr-defined]
            lambda message, t=t, **values: t.gettext(message, **values),
            lambda singular, plural, n, t=t, **values: t.ngettext(singular, plural, n, **values),
            newstyle=False,
        )
        env.globals["language_in_japanese"] = language_in_japanese
        envs[lang] = env
    return envs


def create_app(
    web: DeskWeb,
    *,
    secret_key: str,
    secure_cookies: bool = False,
    throttle: LoginThrottle | None = None,
) -> FastAPI:
    envs = _templates(web.words)
    throttle = throttle or LoginThrottle()
    if not throttle.secret:  # every worker is given the same key, so they count alike
        throttle = replace(throttle, secret=secret_key.encode("utf-8"))

    async def csrf_guard(request: Request) -> None:
        """Every POST of every route: the session's token, in the form or htmx's header.
        (A dependency, not a middleware: the form is parsed once, for the route too.)"""
        if request.method != "POST":
            return
        given = request.headers.get("X-CSRF-Token")
        if not given:
            form = await request.form()
            given = str(form.get("csrf") or "")
        if not check_csrf(request.session, given):
            log.warning("web desk: form without a valid CSRF token refused")
            raise _Refused(
                403, words(request).gettext("This form has expired. Reload the page and try again.")
            )

    app = FastAPI(
        docs_url=None, redoc_url=None, openapi_url=None, dependencies=[Depends(csrf_guard)]
    )

    @app.exception_handler(_Refused)
    async def refused(request: Request, exc: _Refused) -> HTMLResponse:
        return HTMLResponse(exc.sentence, status_code=exc.status)

    def lang_of(request: Request) -> str:
        return "en" if request.session.get("lang") == "en" else "ja"

    def page(request: Request, name: str, status: int = 200, **values: object) -> HTMLResponse:
        lang = lang_of(request)
        values.setdefault("account", request.session.get("account"))
        html = (
            envs[lang]
            .get_template(name)
            .render(
                request=request,
                csrf=csrf_token(request.session),
                lang=lang,
                **values,
            )
        )
        return HTMLResponse(html, status_code=status)

    def words(request: Request):  # type: ignore[no-untyped-def]
        return web.words(lang_of(request))

    def who(request: Request) -> dict | None:
        account = request.session.get("account")
        if not account:
            return None
        started = request.session.get("since", 0)
        if dt.datetime.now(dt.UTC).timestamp() - started > SESSION_HOURS * 3600:
            request.session.clear()
            return None
        return account

    def to_login(request: Request) -> Response:
        if request.headers.get("HX-Request"):  # a fragment: the whole page goes to the login
            return Response(status_code=401, headers={"HX-Redirect": "/login"})
        return RedirectResponse("/login", status_code=303)

    @app.middleware("http")
    async def guard(request: Request, call_next):  # type: ignore[no-untyped-def]
        path = request.url.path
        public = path in ("/login",) or path.startswith("/static/")
        if not public and who(request) is None:
            return to_login(request)
        response = await call_next(request)
        response.headers.update(_SECURITY_HEADERS)
        if not path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    # SessionMiddleware must wrap the guard (added last = outermost).
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key,
        session_cookie="madoguchi_desk",
        max_age=SESSION_HOURS * 3600,
        same_site="strict",
        https_only=secure_cookies,
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    # -- signing in ------------------------------------------------------------------------------

    @app.get("/login")
    async def login_form(request: Request) -> HTMLResponse:
        return page(request, "login.html")

    @app.post("/login")
    async def login(request: Request, name: str = Form(""), password: str = Form("")) -> Response:
        address = request.client.host if request.client else "?"
        keys = (f"name:{name.strip().lower()}", f"addr:{address}")
        async with web.db.session() as session:
            wait = await throttle.wait(session, *keys)
        if wait > 0:
            log.warning("web desk: login throttled")
            message = words(request).gettext(
                "Too many failed logins. Try again in {minutes} minutes.",
                minutes=max(1, round(wait / 60)),
            )
            return page(request, "login.html", status=429, error=message)
        async with web.db.session() as session:
            account = await accounts.account_named(session=session, name=name.strip())
        hashed = account.password_hash if account else None
        if account is None or not verify_password(hashed, password):
            async with web.db.session() as session:
                await throttle.failed(session, *keys)
            log.info("web desk: failed login")
            message = words(request).gettext("Wrong name or password.")
            return page(request, "login.html", status=401, error=message)
        async with web.db.session() as session:
            await throttle.succeeded(session, *keys)
        async with web.db.session() as session:
            await accounts.record_login(session=session, name=account.name)
        lang = request.session.get("lang")
        request.session.clear()  # a new session at login: nothing carried over from before
        request.session.update(
            {
                "account": {"name": account.name, "role": account.role},
                "since": dt.datetime.now(dt.UTC).timestamp(),
                "lang": lang or "ja",
            }
        )
        csrf_token(request.session)
        log.info("web desk: login role=%s", account.role)
        return RedirectResponse("/queue", status_code=303)

    @app.post("/logout")
    async def logout(request: Request) -> Response:
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    @app.post("/language")
    async def language(request: Request, lang: str = Form("ja")) -> Response:
        request.session["lang"] = "en" if lang == "en" else "ja"
        return RedirectResponse(request.headers.get("Referer") or "/queue", status_code=303)

    # -- the queue -------------------------------------------------------------------------------

    def queue_filters(request: Request) -> tuple[tuple[str, ...], str | None, int]:
        status = request.query_params.get("status", "active")
        statuses = {"open": ("open",), "claimed": ("claimed",)}.get(status, rows.ACTIVE)
        lang = request.query_params.get("lang") or None
        try:
            number = max(1, int(request.query_params.get("page", "1")))
        except ValueError:
            number = 1
        return statuses, lang, number

    async def queue_values(request: Request) -> dict:
        statuses, lang, number = queue_filters(request)
        async with web.db.session() as session:
            tickets, total = await rows.queue_page(
                session=session,
                statuses=statuses,
                lang=lang,
                offset=(number - 1) * PAGE,
                limit=PAGE,
            )
        now = dt.datetime.now(dt.UTC)
        sla = web.desk.handoff.config.sla
        listed = []
        for ticket in tickets:
            entry = web.content.entries.get(ticket.topic or "")
            waiting = now - ticket.opened_at
            listed.append(
                {
                    "ticket": ticket,
                    "topic": entry.title.get("ja") if entry else None,
                    "minutes": int(waiting.total_seconds() // 60),
                    "late": ticket.status == "open" and waiting > sla,
                }
            )
        async with web.db.session() as session:
            version = await rows.queue_version(session=session)
        query = {k: v for k, v in request.query_params.items() if k != "page"}
        pages = max(1, -(-total // PAGE))
        return {
            "tickets": listed,
            "total": total,
            "number": number,
            "pages": pages,
            "query": urlencode(query),
            "status_filter": request.query_params.get("status", "active"),
            "filter_lang": lang or "",
            "sla_minutes": int(sla.total_seconds() // 60),
            "since": _versioned(version),
        }

    @app.get("/")
    async def home() -> Response:
        return RedirectResponse("/queue", status_code=303)

    @app.get("/queue")
    async def queue(request: Request) -> HTMLResponse:
        return page(request, "queue.html", **await queue_values(request))

    @app.get("/queue/rows")
    async def queue_rows(request: Request) -> HTMLResponse:
        return page(request, "_queue_rows.html", **await queue_values(request))

    @app.get("/events", response_class=EventSourceResponse)
    async def events(
        request: Request, ticket: int | None = None, since: str = "", talk: str = ""
    ) -> AsyncIterator[ServerSentEvent]:
        """One stream per open page: "queue" when any ticket changed, "ticket" when the
        watched ticket's conversation did. It watches the store, so a change made by any
        process shows; `since` and `talk` are the versions the page was rendered at, so a
        change between the page and the stream's start is not missed."""
        seen_queue, seen_ticket = _version(since), _version(talk)
        while not await request.is_disconnected():
            async with web.db.session() as session:
                version = await rows.queue_version(session=session)
                said = (
                    await rows.ticket_version(session=session, ticket_id=ticket) if ticket else None
                )
            if seen_queue is not None and version != seen_queue:
                yield ServerSentEvent(event="queue", raw_data="changed")
            if seen_ticket is not None and said != seen_ticket:
                yield ServerSentEvent(event="ticket", raw_data="changed")
            seen_queue, seen_ticket = version, said
            await asyncio.sleep(web.poll)

    # -- insights (supervisors: managers and curators) -----------------------------------------

    def supervisor_only(request: Request) -> None:
        if (request.session.get("account") or {}).get("role") != "supervisor":
            raise _Refused(403, words(request).gettext("Only supervisors can do this."))

    def period(request: Request) -> int:
        try:
            return min(366, max(1, int(request.query_params.get("days", "30"))))
        except ValueError:
            return 30

    @app.get("/insights")
    async def insights_page(request: Request) -> HTMLResponse:
        supervisor_only(request)
        found = await build_insights(web.db, web.content, days=period(request))
        return HTMLResponse(render_page(found, words(request), standalone=False))

    @app.get("/insights/{name}.csv")
    async def insights_csv(request: Request, name: str) -> Response:
        supervisor_only(request)
        if name not in CHARTS:
            return Response(status_code=404)
        found = await build_insights(web.db, web.content, days=period(request))
        return Response(
            "\ufeff" + csv_for(found, name),  # a byte-order mark: Excel then reads Japanese
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="madoguchi-{name}.csv"'},
        )

    # -- one ticket ------------------------------------------------------------------------------

    async def ticket_values(request: Request, ticket_id: int, before: int | None = None) -> dict:
        async with web.db.session() as session:
            ticket = await rows.get_ticket(session=session, ticket_id=ticket_id)
            if ticket is None:
                return {}
            since = await rows.queue_version(session=session)
            talk = await rows.ticket_version(session=session, ticket_id=ticket_id)
            user = await rows.user_of(session=session, ticket=ticket)
            messages = (
                await rows.transcript_page(
                    session=session, user_id=ticket.user_id, before=before, limit=TRANSCRIPT_PAGE
                )
                if ticket.user_id
                else []
            )
            relays = (
                await rows.relays_to_user(
                    session=session, ticket_id=ticket.id, chat_id=user.external_id
                )
                if user is not None and before is None
                else []
            )
        lines = [_line(m, web.content) for m in messages if m.text.strip()]  # not button presses
        if relays:
            start = messages[0].created_at if messages else None
            lines += [
                {"who": "counselor", "text": r.text, "at": r.created_at, "gist": None, "lang": None}
                for r in relays
                if start is None or r.created_at >= start
            ]
            lines.sort(key=lambda line: line["at"])
        entry = web.content.entries.get(ticket.topic or "")
        account = request.session.get("account") or {}
        mine = ticket.claimed_by == f"web:{account.get('name')}"
        return {
            "ticket": ticket,
            "user": user,
            "lines": lines,
            "older": messages[0].id if len(messages) == TRANSCRIPT_PAGE else None,
            "topic": entry.title.get("ja") if entry else None,
            "mine": mine,
            "supervisor": account.get("role") == "supervisor",
            "local_time": _local_time(),
            "since": _versioned(since),
            "talk": _versioned(talk),
        }

    async def ticket_part(
        request: Request, ticket_id: int, template: str, before: int | None = None
    ) -> HTMLResponse:
        values = await ticket_values(request, ticket_id, before)
        if not values:
            return page(request, "missing.html", status=404, ticket_id=ticket_id)
        return page(request, template, **values)

    @app.get("/tickets/{ticket_id}")
    async def ticket_page(request: Request, ticket_id: int) -> HTMLResponse:
        return await ticket_part(request, ticket_id, "ticket.html")

    @app.get("/tickets/{ticket_id}/head")
    async def ticket_head(request: Request, ticket_id: int) -> HTMLResponse:
        return await ticket_part(request, ticket_id, "_ticket_head.html")

    @app.get("/tickets/{ticket_id}/actions")
    async def ticket_actions(request: Request, ticket_id: int) -> HTMLResponse:
        return await ticket_part(request, ticket_id, "_ticket_actions.html")

    @app.get("/tickets/{ticket_id}/transcript")
    async def ticket_transcript(
        request: Request, ticket_id: int, before: int | None = None
    ) -> HTMLResponse:
        return await ticket_part(request, ticket_id, "_transcript.html", before)

    @app.get("/tickets/{ticket_id}/entries")
    async def entry_picker(request: Request, ticket_id: int, q: str = "") -> HTMLResponse:
        async with web.db.session() as session:
            ticket = await rows.get_ticket(session=session, ticket_id=ticket_id)
        lang = (ticket.lang if ticket else None) or "en"
        found = _search(web.content, q, lang)
        choices = [
            {
                "id": entry.id,
                "title_ja": entry.title.get("ja", entry.id),
                "preview": web.answers(entry.id, lang)[:240],
            }
            for entry in found
        ]
        return page(request, "_entries.html", ticket_id=ticket_id, choices=choices, user_lang=lang)

    async def act(request: Request, command: str) -> Response:
        """A desk command as the signed-in counselor; the desk checks who may do what."""
        account = request.session["account"]
        replies = await web.desk.handle(
            CounselorInput(counselor=f"web:{account['name']}", text=command)
        )
        request.session["flash"] = [r.text for r in replies][:3]
        ticket_id = command.split()[1] if len(command.split()) > 1 else ""
        target = f"/tickets/{ticket_id}" if ticket_id.isdecimal() else "/queue"
        if request.headers.get("HX-Request"):
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)

    @app.post("/tickets/{ticket_id}/claim")
    async def claim(request: Request, ticket_id: int) -> Response:
        return await act(request, f"/claim {ticket_id}")

    @app.post("/tickets/{ticket_id}/takeover")
    async def takeover(request: Request, ticket_id: int) -> Response:
        if request.session["account"].get("role") != "supervisor":
            return HTMLResponse(
                words(request).gettext("Only supervisors can do this."), status_code=403
            )
        return await act(request, f"/takeover {ticket_id}")

    @app.post("/tickets/{ticket_id}/release")
    async def release(request: Request, ticket_id: int) -> Response:
        return await act(request, f"/release {ticket_id}")

    @app.post("/tickets/{ticket_id}/reply")
    async def reply(request: Request, ticket_id: int, text: str = Form("")) -> Response:
        return await act(request, f"/reply {ticket_id} {text}")

    @app.post("/tickets/{ticket_id}/send")
    async def send(request: Request, ticket_id: int, entry: str = Form("")) -> Response:
        return await act(request, f"/send {ticket_id} {entry}")

    @app.post("/tickets/{ticket_id}/close")
    async def close(request: Request, ticket_id: int, note: str = Form("")) -> Response:
        return await act(request, f"/close {ticket_id} {note}")

    return app


def _versioned(version: tuple[int, ...]) -> str:
    return "-".join(map(str, version))


def _version(text: str) -> tuple[int, ...] | None:
    try:
        return tuple(int(part) for part in text.split("-")) if text else None
    except ValueError:
        return None


class _Refused(Exception):
    def __init__(self, status: int, sentence: str) -> None:
        super().__init__(sentence)
        self.status = status
        self.sentence = sentence


_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def _line(message, content: Content) -> dict:  # type: ignore[no-untyped-def]
    """A transcript line; a user's message not in Japanese gets a Japanese gist: what the bot
    understood it to be about (the topic's Japanese title) and its language."""
    gist = None
    if message.direction == "in" and message.lang and message.lang != "ja":
        entry = content.entries.get(message.entry or "")
        topic = entry.title.get("ja") if entry else None
        gist = {
            "language": language_in_japanese(message.lang),
            "topic": topic,
            "intent": message.intent,
        }
    return {
        "who": "user" if message.direction == "in" else "bot",
        "text": message.text,
        "at": message.created_at,
        "gist": gist,
        "lang": message.lang,
    }


def _search(content: Content, query: str, lang: str, limit: int = 8) -> list:
    """Entries whose id, Japanese title or title in the user's language contain every word
    of the query (Japanese has no spaces: "有給" finds 年次有給休暇)."""
    words = query.lower().split()
    if not words:
        return []
    found = []
    for entry in content.entries.values():
        haystack = " ".join(
            [
                entry.id,
                entry.title.get("ja", ""),
                entry.title.get(lang, ""),
                entry.title.get("en", ""),
            ]
        ).lower()
        if all(word in haystack for word in words):
            found.append(entry)
    return sorted(found, key=lambda e: e.id)[:limit]


def _local_time() -> str:
    """The user's local time: the desk serves people who live and work in Tokyo."""
    return dt.datetime.now(TOKYO).strftime("%H:%M")
