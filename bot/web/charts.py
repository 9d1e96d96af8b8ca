"""Charts drawn on the server as SVG text: horizontal bars, columns (a histogram), a line over
dates.

The insights page must open offline from a file and under the web desk's strict content
policy (no script, no inline style), so a chart is markup and nothing else: colours and fonts
are SVG presentation attributes, never `style`. Labels are what users typed (an unanswered
question is a label), so every piece of text is escaped here, once, as it is written; each
chart says what it shows to screen readers (`role="img"`, `aria-label`, `<title>`), and each
mark carries its exact figure in a `<title>` (the browser's tooltip).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["Bar", "bar_chart", "bin_counts", "column_chart", "line_chart"]

Number = Callable[[float], str]

INK = "#1f2933"
MUTED = "#616e7c"
GRID = "#d9e2ec"
ACCENT = "#0b6e4f"  # the desk's colour
FONT = 'system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif'
# Colours of the parts of a stacked bar (languages), told apart without relying on hue alone:
# they also differ in lightness.
PARTS = ("#0b6e4f", "#5fa8d3", "#f4a259", "#8e6c8a", "#bc4b51", "#9bc53d", "#5b5f97", "#c9ada7")


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, its value, and optionally the parts it is made of (name, value),
    drawn stacked in the order given."""

    label: str
    value: float
    parts: tuple[tuple[str, float], ...] = ()
    note: str = ""  # a second line under the label, smaller (e.g. the nearest entry)


def _text(value: object) -> str:
    return escape(str(value), quote=True)


def _width(text: str, size: float) -> float:
    """How wide `text` is drawn, erring wide (fonts differ): CJK and full-width characters
    take a whole em, others about 0.62."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.62 for ch in text)


def _fit(text: str, width: float, size: float) -> str:
    """`text` cut with an ellipsis so that it fits `width` pixels at font `size`."""
    text = " ".join(text.split())
    if _width(text, size) <= width:
        return text
    kept = ""
    for ch in text:
        if _width(kept + ch + "…", size) > width:
            break
        kept += ch
    return kept.rstrip() + "…"


def _open(key: str, title: str, width: float, height: float) -> list[str]:
    ident = _text(f"chart-{key}")
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{_text(title)}" '
        f'aria-labelledby="{ident}-title" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-family="{_text(FONT)}" '
        f'font-size="12" fill="{INK}">',
        f'<title id="{ident}-title">{_text(title)}</title>',
    ]


def _nice_max(value: float) -> float:
    """The top of the axis: 1, 2, 2.5 or 5 times a power of ten, at or above `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** len(str(int(value))) / 10 if value >= 1 else 1.0
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def bar_chart(
    bars: Sequence[Bar],
    *,
    key: str,
    title: str,
    number: Number = str,
    width: int = 720,
    label_width: int = 300,
    legend: Sequence[str] = (),
) -> str:
    """Horizontal bars, largest first as given, the value written at the end of each bar.
    `legend` names the parts (in order) when bars are stacked; a part not in it is drawn in
    the last colour."""
    row = 34 if any(b.note for b in bars) else 24
    colour = {name: PARTS[min(i, len(PARTS) - 1)] for i, name in enumerate(legend)}
    keys: list[tuple[float, float, str]] = []  # the legend, wrapped to the chart's width
    x, y = float(label_width), 6.0
    for name in legend:
        step = 22 + _width(name, 12)
        if x + step > width and x > label_width:
            x, y = float(label_width), y + 18
        keys.append((x, y, name))
        x += step
    top = 8 + (y + 16 if legend else 0)
    height = top + row * max(1, len(bars)) + 8
    plot = width - label_width - 70
    most = max((b.value for b in bars), default=0) or 1
    out = _open(key, title, width, height)
    for x, y, name in keys:
        out.append(f'<rect x="{x:.1f}" y="{y:.0f}" width="10" height="10" fill="{colour[name]}"/>')
        out.append(f'<text x="{x + 14:.1f}" y="{y + 9:.0f}" fill="{MUTED}">{_text(name)}</text>')
    for i, bar in enumerate(bars):
        y = top + i * row
        out.append("<g>")
        out.append(f"<title>{_text(bar.label)}: {_text(number(bar.value))}</title>")
        out.append(
            f'<text x="{label_width - 8}" y="{y + 15:.0f}" text-anchor="end">'
            f"{_text(_fit(bar.label, label_width - 12, 12))}</text>"
        )
        if bar.note:
            out.append(
                f'<text x="{label_width - 8}" y="{y + 28:.0f}" text-anchor="end" font-size="10" '
                f'fill="{MUTED}">{_text(_fit(bar.note, label_width - 12, 10))}</text>'
            )
        start = float(label_width)
        parts = bar.parts or (("", bar.value),)
        for name, value in parts:
            length = plot * value / most
            fill = colour.get(name, PARTS[-1] if name else ACCENT)
            out.append(
                f'<rect x="{start:.1f}" y="{y + 4:.0f}" width="{max(length, 0):.1f}" height="14" '
                f'fill="{fill}"><title>{_text(name + " " if name else "")}'
                f"{_text(number(value))}</title></rect>"
            )
            start += length
        out.append(f'<text x="{start + 6:.1f}" y="{y + 15:.0f}">{_text(number(bar.value))}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def bin_counts(values: Sequence[float], edges: Sequence[float]) -> list[int]:
    """How many values fall in [edges[i], edges[i+1]); the last bin is open: edges[-1] and
    above."""
    counts = [0] * len(edges)
    for value in values:
        i = len(edges) - 1
        while i > 0 and value < edges[i]:
            i -= 1
        counts[i] += 1
    return counts


def column_chart(
    columns: Sequence[tuple[str, float]],
    *,
    key: str,
    title: str,
    number: Number = str,
    axis_label: str = "",
    width: int = 720,
    height: int = 220,
) -> str:
    """Vertical columns side by side with their labels underneath: the shape of a histogram
    whose bins the caller named (they need not be of equal width)."""
    left, bottom, top = 44, 40 if axis_label else 26, 14
    plot_w, plot_h = width - left - 8, height - top - bottom
    most = _nice_max(max((v for _, v in columns), default=0))
    out = _open(key, title, width, height)
    for frac in (0, 0.5, 1):
        y = top + plot_h * (1 - frac)
        out.append(
            f'<line x1="{left}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED}">'
            f"{_text(number(most * frac))}</text>"
        )
    slot = plot_w / max(1, len(columns))
    for i, (label, value) in enumerate(columns):
        h = plot_h * value / most
        x = left + i * slot
        out.append(
            f'<g><title>{_text(label)}: {_text(number(value))}</title><rect x="{x + 3:.1f}" '
            f'y="{top + plot_h - h:.1f}" width="{max(slot - 6, 1):.1f}" height="{h:.1f}" '
            f'fill="{ACCENT}"/>'
        )
        if value:
            out.append(
                f'<text x="{x + slot / 2:.1f}" y="{top + plot_h - h - 3:.1f}" '
                f'text-anchor="middle" font-size="10">{_text(number(value))}</text>'
            )
        out.append(
            f'<text x="{x + slot / 2:.1f}" y="{top + plot_h + 15:.1f}" text-anchor="middle" '
            f'font-size="11" fill="{MUTED}">{_text(_fit(label, slot - 2, 11))}</text></g>'
        )
    if axis_label:
        out.append(
            f'<text x="{left + plot_w / 2:.1f}" y="{height - 4}" text-anchor="middle" '
            f'fill="{MUTED}">{_text(axis_label)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def line_chart(
    points: Sequence[tuple[dt.date, float, str]],
    *,
    key: str,
    title: str,
    date_label: Callable[[dt.date], str],
    number: Number = str,
    y_max: float = 100.0,
    width: int = 720,
    height: int = 220,
) -> str:
    """A line over dates: x is placed by the calendar (a gap of days shows as a gap), y runs
    from 0 to `y_max`. Each point is (date, value, what its tooltip adds, e.g. "n=12")."""
    left, right, top, bottom = 44, 16, 14, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    out = _open(key, title, width, height)
    for frac in (0, 0.25, 0.5, 0.75, 1):
        y = top + plot_h * (1 - frac)
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED}">'
            f"{_text(number(y_max * frac))}</text>"
        )
    if points:
        first, last = points[0][0], points[-1][0]
        span = max(1, (last - first).days)

        def x_of(day: dt.date) -> float:
            if first == last:
                return left + plot_w / 2
            return left + plot_w * (day - first).days / span

        def y_of(value: float) -> float:
            return top + plot_h * (1 - min(max(value, 0), y_max) / y_max)

        path = " ".join(
            f"{'M' if i == 0 else 'L'}{x_of(d):.1f},{y_of(v):.1f}"
            for i, (d, v, _) in enumerate(points)
        )
        out.append(f'<path d="{path}" fill="none" stroke="{ACCENT}" stroke-width="2"/>')
        for day, value, extra in points:
            tip = f"{date_label(day)}: {number(value)}" + (f" ({extra})" if extra else "")
            out.append(
                f'<circle cx="{x_of(day):.1f}" cy="{y_of(value):.1f}" r="3.5" fill="{ACCENT}">'
                f"<title>{_text(tip)}</title></circle>"
            )
        ticks = [points[0][0]] if first == last else [first, *_middle(first, last), last]
        for day in ticks:
            out.append(
                f'<text x="{x_of(day):.1f}" y="{height - 8}" text-anchor="middle" '
                f'fill="{MUTED}">{_text(date_label(day))}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def _middle(first: dt.date, last: dt.date) -> list[dt.date]:
    """Up to three dates between, evenly spaced, when there is room for them."""
    span = (last - first).days
    if span < 8:
        return []
    return [first + dt.timedelta(days=round(span * k / 4)) for k in (1, 2, 3)]
