"""Static SVG bar charts for the 维护者 dashboards, drawn in Python.

Inline SVG needs no script and no network, prints, and is byte-identical for the same figures (every
coordinate is formatted with one decimal). Each row puts its label on a line of its own above the bar, so
a long scenario title never squeezes the bars on a phone: the chart is 360 units wide, drawn at 360 px
(or narrower, never wider), so 13-unit text stays at least 12 px on a 390 px phone screen.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

WIDTH = 360
FONT = 13
BAR = 14
GAP = 5  # between a row's text line and its bar
ROW = FONT + GAP + BAR + 14  # text line, gap, bar, space below
GOOD, BAD, PLAIN, TRACK = "#2e7d32", "#c62828", "#1565c0", "#9e9e9e33"
SERIES = ("#2e7d32", "#f9a825", "#c62828", "#1565c0", "#6a1b9a")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: nothing to draw (shown as —)
    text: str  # the value as printed at the bar's end
    mark: float | None = None  # a target, drawn as a vertical line
    ok: bool | None = None  # green when met, red when not, blue when there is no target


@dataclass(frozen=True)
class Stack:
    label: str
    parts: tuple[int, ...]  # counts, one per series


def n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def esc(value: str) -> str:
    return html.escape(value, quote=True)


def width(value: str) -> float:
    """Roughly how wide `value` is drawn: a Chinese character is square, Latin letters and digits narrower."""
    return sum(FONT if ord(ch) > 0x2E7F else FONT * 0.62 for ch in value)


def short(label: str, room: float) -> str:
    """The label, cut with … so that it fits in `room` units."""
    if width(label) <= room:
        return label
    while label and width(label + "…") > room:
        label = label[:-1]
    return label + "…"


def heading(y: float, label: str, value: str) -> list[str]:
    """A row's text line: the label on the left, the value on the right, never overlapping."""
    return [text(0, y + FONT, short(label, WIDTH - width(value) - FONT)), text(WIDTH, y + FONT, value, "end")]


def frame(height: float, caption: str, body: list[str]) -> Markup:
    return Markup(
        f'<div class="hf-svgchart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {n(height)}" '
        f'width="{WIDTH}" height="{n(height)}" role="img" aria-label="{esc(caption)}" '
        f'style="max-width:100%;height:auto;font-size:{FONT}px;font-family:inherit">'
        f"<title>{esc(caption)}</title>" + "".join(body) + "</svg></div>"
    )


def text(x: float, y: float, value: str, anchor: str = "start", weight: str = "") -> str:
    bold = ' font-weight="700"' if weight else ""
    return f'<text x="{n(x)}" y="{n(y)}" text-anchor="{anchor}" fill="currentColor"{bold}>{esc(value)}</text>'


def bars(rows: Sequence[Bar], top: float, caption: str, legend: str = "") -> Markup:
    """Horizontal bars from 0 to `top` (e.g. 100 for percentages)."""
    span = WIDTH
    body: list[str] = []
    y = 0.0
    if legend:
        body.append(text(0, FONT, legend))
        y = FONT + 10
    for row in rows:
        body += heading(y, row.label, row.text)
        bar_y = y + FONT + GAP
        body.append(f'<rect x="0" y="{n(bar_y)}" width="{n(span)}" height="{BAR}" fill="{TRACK}"/>')
        if row.value is not None and top > 0:
            length = span * min(max(row.value, 0.0), top) / top
            colour = PLAIN if row.ok is None else GOOD if row.ok else BAD
            body.append(f'<rect x="0" y="{n(bar_y)}" width="{n(length)}" height="{BAR}" fill="{colour}"/>')
        if row.mark is not None and top > 0:
            x = min(span * min(max(row.mark, 0.0), top) / top, span - 1)
            body.append(
                f'<line x1="{n(x)}" y1="{n(bar_y - 3)}" x2="{n(x)}" y2="{n(bar_y + BAR + 3)}" '
                f'stroke="currentColor" stroke-width="2"/>'
            )
        y += ROW
    return frame(max(y, 1), caption, body)


def stacks(rows: Sequence[Stack], series: Sequence[str], caption: str) -> Markup:
    """Each row's counts side by side as shares of the row's total (100% stacked), counts at the end."""
    span = WIDTH
    body: list[str] = []
    x = 0.0
    for i, name in enumerate(series):  # the legend: a swatch and the series' name
        body.append(f'<rect x="{n(x)}" y="2" width="12" height="12" fill="{SERIES[i % len(SERIES)]}"/>')
        body.append(text(x + 16, FONT, name))
        x += 16 + width(name) + 14
    y = FONT + 10.0
    for row in rows:
        total = sum(row.parts)
        body += heading(y, row.label, " / ".join(str(c) for c in row.parts) if total else "无记录")
        bar_y = y + FONT + GAP
        body.append(f'<rect x="0" y="{n(bar_y)}" width="{n(span)}" height="{BAR}" fill="{TRACK}"/>')
        left = 0.0
        for i, count in enumerate(row.parts):
            if total and count:
                length = span * count / total
                body.append(
                    f'<rect x="{n(left)}" y="{n(bar_y)}" width="{n(length)}" height="{BAR}" '
                    f'fill="{SERIES[i % len(SERIES)]}"/>'
                )
                left += length
        y += ROW
    return frame(y, caption, body)
