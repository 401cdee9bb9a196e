"""Small charts as inline SVG for the printable brief: no script, no network, sharp on paper.

Every text passes through html.escape; labels may come from documents (grade labels, names).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 340  # px of the viewBox: about a half-page column of A4 at 96 dpi, so text prints near its size
FONT_SIZE = 10


@dataclass(frozen=True)
class Segment:
    label: str
    share: float  # 0–1 of its bar
    color: str


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as printed


def _svg(height: float, body: list[str], title: str) -> str:
    return (
        f'<svg viewBox="0 0 {WIDTH} {height:.0f}" width="100%" role="img" aria-label="{escape(title)}" '
        f'font-size="{FONT_SIZE}">' + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, **attributes: str) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in attributes.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(text)}</text>'


def stacked(rows: list[tuple[str, list[Segment]]], title: str) -> str:
    """One 100% bar per row (a year), split into segments, with a legend of every segment label below."""
    label_width, bar_height, gap = 34, 16, 8
    body: list[str] = []
    y = 0.0
    for row_label, segments in rows:
        body.append(_text(0, y + bar_height - 4, row_label))
        x = float(label_width)
        for segment in segments:
            width = segment.share * (WIDTH - label_width)
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{bar_height}" '
                f'fill="{escape(segment.color)}"><title>{escape(segment.label)}</title></rect>'
            )
            if width > 26:  # room for the share inside the segment
                body.append(
                    _text(
                        x + width / 2,
                        y + bar_height - 4,
                        f"{100 * segment.share:.0f}%",
                        text_anchor="middle",
                        fill="#ffffff" if _is_dark(segment.color) else "#000000",
                    )
                )
            x += width
        y += bar_height + gap
    # legend: the labels in their order of first appearance
    seen: dict[str, str] = {}
    for _, segments in rows:
        for segment in segments:
            seen.setdefault(segment.label, segment.color)
    x = float(label_width)
    for label, color in seen.items():
        step = 18 + 6.5 * len(label)
        if x + step > WIDTH:
            x, y = float(label_width), y + 14
        body.append(f'<rect x="{x:.1f}" y="{y + 2:.1f}" width="9" height="9" fill="{escape(color)}"/>')
        body.append(_text(x + 12, y + 10, label))
        x += step
    return _svg(y + 16, body, title)


def bars(rows: list[Bar], title: str, *, low: float, high: float, reference: float | None = None) -> str:
    """One horizontal bar per row, its label above it and its value after it, over the range low–high;
    `reference` (the pass mark) as a dashed line."""
    row_height, bar_height, value_room = 30, 10, 44
    span = WIDTH - value_room

    def at(value: float) -> float:
        return span * (min(max(value, low), high) - low) / (high - low)

    body: list[str] = []
    for i, row in enumerate(rows):
        y = i * row_height
        body.append(_text(0, y + 10, row.label))
        body.append(
            f'<rect x="0" y="{y + 14}" width="{at(row.value):.1f}" height="{bar_height}" fill="#0072B2"/>'
        )
        body.append(_text(at(row.value) + 4, y + 23, row.text))
    height = len(rows) * row_height + 12
    if reference is not None:
        x = at(reference)
        body.append(
            f'<line x1="{x:.1f}" y1="12" x2="{x:.1f}" y2="{height - 12}" stroke="#555555" stroke-dasharray="3,2"/>'
        )
        body.append(_text(x, height - 2, f"{reference:g}", text_anchor="middle", fill="#555555"))
    body.append(_text(0, height - 2, f"{low:g}", fill="#555555"))
    return _svg(height, body, title)


def _is_dark(color: str) -> bool:
    """Whether white text reads better than black on this #rrggbb colour."""
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue < 140
