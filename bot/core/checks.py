"""The self-checks' results: a flow's typed answers in, the rule of `bot.rules` applied, the
values a result line needs out, worded by babel in the user's language.

A flow file (knowledge/flows/*.yaml) names its rule and gives one result line per outcome; each
function here returns which outcome it is and the values for that line's placeholders. Wording
stays in the content and the catalogs; arithmetic stays in `bot.rules`; this module only joins
them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.content.loader import Content
from bot.content.models import Flow
from bot.core.replies import fact_text
from bot.core.turns import Button
from bot.i18n import Translator
from bot.rules import paid_leave, pay, residence, sme
from bot.rules.offices import Found, Kind, Offices, Status, load_offices

__all__ = ["READERS", "RULES", "Outcome", "Unanswerable"]

MINIMUM_WAGE = "tokyo-minimum-wage"  # the dated fact the pay check compares with


class Unanswerable(ValueError):
    """The answers, each valid alone, cannot be applied together (a rule's ValueError)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    key: str  # which of the flow's `results` lines
    values: dict[str, str]
    buttons: tuple[Button, ...] = field(default=())
    remind: dt.date | None = None  # a date the user may ask to be reminded of


@dataclass(frozen=True, slots=True)
class Asked:
    """What a rule gets: the flow, the answers by step id, the day, and the content."""

    flow: Flow
    answers: dict[str, object]
    today: dt.date
    content: Content


def _yen(t: Translator, value: float) -> str:
    return t.gettext("{amount} yen", amount=t.number(round(value)))


def _counselor(t: Translator) -> Button:
    return Button(t.gettext("Talk to a counselor"), "human:human")


def paid_leave_days(t: Translator, asked: Asked) -> Outcome:
    a = asked.answers
    try:
        found = paid_leave.entitlement(
            dt.date.fromisoformat(str(a["start"])),
            int(float(str(a["days_per_week"]))),
            float(str(a["hours_per_week"])),
            asked.today,
        )
    except ValueError as exc:
        raise Unanswerable(str(exc)) from None
    row = found.row
    if row.table is paid_leave.Table.NONE or found.next is None:
        return Outcome("none", {})
    table = (
        t.gettext("the full-time table")
        if row.table is paid_leave.Table.FULL_TIME
        else t.gettext("the part-time table for {days} working days a week", days=row.days_per_week)
    )
    values = {
        "table": table,
        "next_days": t.number(found.next.days),
        "next_date": t.date(found.next.on, "long"),
    }
    if found.latest is None:
        return Outcome("first", values)
    values |= {
        "latest_days": t.number(found.latest.days),
        "latest_date": t.date(found.latest.on, "long"),
    }
    return Outcome("granted", values)


def pay_check(t: Translator, asked: Asked) -> Outcome:
    a = asked.answers
    fact = asked.content.facts[MINIMUM_WAGE].at(asked.today)
    minimum = float(fact.period.value)  # type: ignore[arg-type]  # a yen fact
    monthly = a.get("basis") == "monthly"
    try:
        found = pay.check_pay(
            minimum_wage=minimum,
            hourly_pay=None if monthly else float(str(a["pay"])),
            monthly_pay=float(str(a["pay"])) if monthly else None,
            hours_per_month=float(str(a["hours_per_month"])) if monthly else None,
            overtime_hours=float(str(a.get("overtime_hours") or 0)),
            night_hours=float(str(a.get("night_hours") or 0)),
            premiums_paid=float(str(a.get("premiums_paid") or 0)),
        )
    except ValueError as exc:
        raise Unanswerable(str(exc)) from None
    values = {
        "rate": t.gettext("{amount} yen an hour", amount=t.number(round(found.hourly_rate, 1))),
        "minimum": fact_text(t, fact),
        "date": t.date(asked.today, "long"),
        "short": _yen(t, found.shortfall_per_hour),
        "owed": _yen(t, found.premiums_owed),
        "paid": _yen(t, found.premiums_paid),
        "missing": _yen(t, found.premium_shortfall),
    }
    below, unpaid = found.below_minimum, found.premium_shortfall >= 1
    key = "both" if below and unpaid else "below" if below else "unpaid" if unpaid else "fine"
    buttons: tuple[Button, ...] = ()
    if key != "fine":
        office = Button(t.gettext("Find my Labour Standards Inspection Office"), "check:office")
        buttons = (office, _counselor(t))
    return Outcome(key, values, buttons)


def sme_size(t: Translator, asked: Asked) -> Outcome:
    a = asked.answers
    capital = a.get("capital")
    try:
        found = sme.size(
            str(a["industry"]),
            None if capital is None else round(float(str(capital))),
            round(float(str(a["employees"]))),
        )
    except ValueError as exc:
        raise Unanswerable(str(exc)) from None
    row = found.threshold
    values = {
        "capital": _yen(t, row.capital),
        "employees": t.number(row.employees),
        "small_employees": t.number(row.small_employees),
    }
    if not found.is_sme:
        return Outcome("large" if capital is not None else "large_by_employees", values)
    offers = tuple(
        Button(asked.content.entries[e].text("title", t.lang)[0], f"answer:{e}")
        for e in asked.flow.offers
        if e in asked.content.entries
    )
    return Outcome("small" if found.is_small else "sme", values, offers)


def residence_card(t: Translator, asked: Asked) -> Outcome:
    a = asked.answers
    expiry = dt.date.fromisoformat(str(a["expiry"]))
    found = residence.checklist(expiry, asked.today, permanent=a.get("status") == "permanent")
    values = {
        "expiry": t.date(found.expiry, "long"),
        "opens": t.date(found.opens, "long"),
        "days": t.number(abs(found.days_left)),
    }
    if found.stage is residence.Stage.EXPIRED:
        return Outcome("expired", values, (_counselor(t),))
    key = "permanent" if found.permanent else "extend"
    remind = expiry if residence.reminder_days(expiry, asked.today) else None
    return Outcome(key, values, remind=remind)


_OFFICES: dict[str, Offices] = {}  # loaded on first use, once per content folder


def offices_of(content: Content) -> Offices:
    """knowledge/offices.yaml, read the first time someone asks which office is theirs."""
    key = str(content.root)
    if key not in _OFFICES:
        _OFFICES[key] = load_offices(content.root / "knowledge" / "offices.yaml")
    return _OFFICES[key]


def read_place(t: Translator, text: str, content: Content) -> tuple[object, str | None]:
    """A workplace in Tokyo as typed (ward, city, postcode): its municipality, or one sentence
    saying what to write instead."""
    found = offices_of(content).find(text)
    if found is None:
        return None, t.gettext(
            "I could not find that place in Tokyo. Please write the ward, city or postcode of "
            "your workplace, for example Shinjuku or 160-0023."
        )
    if found.status is Status.AMBIGUOUS:
        return None, t.gettext(
            "That could be {places}. Please write the full name or the postcode.",
            places=t.list(list(found.candidates), "or"),
        )
    if found.status is Status.OUTSIDE_TOKYO:
        return None, t.gettext(
            "That postcode is in {prefecture}, not in Tokyo. This check covers workplaces in "
            "Tokyo; please write a Tokyo ward, city or postcode.",
            prefecture=found.prefecture or "?",
        )
    if found.status is Status.UNKNOWN_POSTCODE:
        return None, t.gettext(
            "I do not know that postcode. Please check it, or write the ward or city instead."
        )
    return found.municipality, None


def N_(message: str) -> str:  # marks a msgid for `pybabel extract`, translated later
    return message


_KINDS = {
    Kind.LABOUR_STANDARDS: N_(
        "Labour Standards Inspection Office (wages, hours, dismissal, injury)"
    ),
    Kind.HELLO_WORK: N_("Hello Work (jobs, employment insurance)"),
    Kind.IMMIGRATION: N_("Immigration office (residence card, period of stay)"),
}


def _office_lines(t: Translator, found: Found) -> list[str]:
    lines = []
    for kind, heading in _KINDS.items():
        lines.append(f"■ {t.gettext(heading)}")
        offices = found.of(kind)
        for office in offices:
            name = (
                office.name.ja
                if t.lang.startswith("ja") or not office.name.en
                else (f"{office.name.en} ({office.name.ja})")
            )
            lines.append(f"・{name}")
            if office.address is not None:
                lines.append(f"  {office.address.ja}")
            if office.phone:
                lines.append(f"  ☎ {office.phone}")
            if office.hours is not None:
                lines.append(f"  {office.hours.ja}")
            lines.append(f"  {office.map_url}")
            if office.overlap is not None:
                lines.append(f"  {office.overlap.ja}")
        directory = found.directories.get(kind)
        if directory is not None and (not offices or not all(o.verified for o in offices)):
            lines.append(
                "  "
                + t.gettext(
                    "Not yet checked against the official page: confirm the office, its "
                    "address and hours at {url}",
                    url=str(directory.url),
                )
            )
    return lines


def office(t: Translator, asked: Asked) -> Outcome:
    found = offices_of(asked.content).find(str(asked.answers["place"]))
    if found is None or found.status is not Status.FOUND:
        raise Unanswerable("the place is no longer found")
    municipality = offices_of(asked.content).municipalities[found.municipality or ""]
    place = (
        municipality.name if t.lang.startswith("ja") else f"{municipality.en} ({municipality.name})"
    )
    return Outcome("found", {"place": place, "offices": "\n".join(_office_lines(t, found))})


Rule = Callable[[Translator, Asked], Outcome]
Reader = Callable[[Translator, str, Content], tuple[object, str | None]]

# How a flow's free-text step is read, by rule and step id.
READERS: dict[tuple[str, str], Reader] = {("office", "place"): read_place}

# The rules a flow file may name.
RULES: dict[str, Rule] = {
    "paid-leave": paid_leave_days,
    "pay": pay_check,
    "sme": sme_size,
    "residence-card": residence_card,
    "office": office,
}
