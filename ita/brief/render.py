"""The province brief as one self-contained HTML file: inline CSS and SVG, no script, nothing fetched.

Every value is escaped as it goes in (agency names and file names come from documents). @page sets A4 so
Chromium prints it on A4 whatever its default paper.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from html import escape

import pandas as pd

from ita import geography
from ita.brief import svg
from ita.brief.facts import RANKED, Brief
from ita.ui import format as fmt
from ita.ui import labels
from ita.ui.palette import FONT, GRADE_COLORS, REFERENCE, STATUS_COLORS, TEXT_COLOR

STATUS_ORDER = ("done", "in_progress", "not_started", "unknown")
CSS = f"""
@page {{ size: A4; margin: 11mm 12mm; }}
* {{ box-sizing: border-box; }}
body {{ font-family: {FONT}; font-size: 9.5pt; line-height: 1.35; color: {TEXT_COLOR}; margin: 0; }}
@media screen {{ body {{ max-width: 186mm; margin: 10mm auto; }} }}
h1 {{ font-size: 15pt; margin: 0; }}
h2 {{ font-size: 11pt; margin: 9pt 0 4pt; padding-bottom: 1pt; border-bottom: 1px solid #d0d0d0; }}
p {{ margin: 2pt 0; }}
.meta {{ color: #555; font-size: 8.5pt; }}
.badge {{ display: inline-block; padding: 0 5pt; border-radius: 3pt; font-size: 8.5pt; margin-right: 4pt; }}
.badge.synthetic {{ background: #fdebd3; color: #8a4500; }}
.badge.real {{ background: #dcf2e6; color: #0b5a34; }}
.cards {{ display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 6pt; margin-top: 6pt; }}
.card {{ border: 1px solid #d0d0d0; border-radius: 4pt; padding: 4pt 7pt; }}
.card .label {{ font-size: 8.5pt; color: #555; }}
.card .value {{ font-size: 16pt; line-height: 1.2; }}
.card .vs {{ font-size: 8pt; color: #555; }}
.columns {{ display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 14pt; }}
section {{ break-inside: avoid; }}
table {{ width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8.5pt; }}
th {{ text-align: left; font-weight: 600; color: #555; border-bottom: 1px solid #bbb; }}
th, td {{ padding: 1pt 3pt; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
td {{ border-bottom: 1px solid #eee; }}
.number {{ text-align: right; font-variant-numeric: tabular-nums; }}
.up {{ color: #0b6e3f; }}
.down {{ color: #b23c00; }}
.note {{ font-size: 7.5pt; color: #666; margin-top: 6pt; }}
"""


def render(brief: Brief, lang: str = "th", *, today: date | None = None) -> str:
    """The brief as HTML in Thai ('th') or English ('en')."""
    text = _texts(lang)
    province = (
        geography.english_names()[geography.provinces()[brief.province]] if lang == "en" else brief.province
    )
    title = text("brief_title").format(province=province, year=brief.year)
    body = [
        _header(brief, text, title, _date(today or date.today(), lang)),
        _headline(brief, text),
        '<div class="columns">',
        _grades(brief, text),
        _weakest(brief, text, lang),
        "</div>",
        '<div class="columns">',
        _follow_through(brief, text, lang),
        _red_flags(brief, text),
        "</div>",
        _ranking(brief, text),
        _sources(brief, text, lang),
        _notes(brief, text),
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )


def _texts(lang: str) -> Callable[[str], str]:
    return lambda key: labels.text(key, lang)


def _date(day: date, lang: str) -> str:
    """Thai style (5 ธ.ค. 2569) in Thai, ISO (2026-12-05) in English."""
    return day.isoformat() if lang == "en" else fmt.thai_date(day)


def _header(brief: Brief, text: Callable[[str], str], title: str, today: str) -> str:
    badge = (
        f'<span class="badge synthetic">{escape(text("synthetic_badge"))}</span>{escape(text("synthetic_note"))}'
        if brief.has_synthetic
        else f'<span class="badge real">{escape(text("ag_real_badge"))}</span>'
    )
    made = text("brief_made").format(date=today)
    return f'<h1>{escape(title)}</h1><p class="meta">{escape(made)}</p><p class="meta">{badge}</p>'


def _headline(brief: Brief, text: Callable[[str], str]) -> str:
    now, before = brief.result(brief.year), brief.result(brief.year - 1)
    if now is None:
        return f"<p>{escape(text('no_data_year'))}</p>"
    national = brief.national_result(brief.year)
    last = f"{text('brief_last_year')} {brief.year - 1}"

    def card(label: str, value: str, versus: list[str]) -> str:
        lines = "".join(f'<div class="vs">{escape(line)}</div>' for line in versus if line)
        return (
            f'<div class="card"><div class="label">{escape(label)}</div>'
            f'<div class="value">{escape(value)}</div>{lines}</div>'
        )

    def versus(column: str, shown: Callable[[float], str], change: Callable[[float], str]) -> list[str]:
        lines = []
        if before is not None:
            lines.append(f"{last}: {shown(before[column])} ({change(now[column] - before[column])})")
        if national is not None and not pd.isna(national[column]):
            lines.append(f"{text('brief_national')}: {shown(national[column])}")
        return lines

    def points(share: float) -> str:
        return f"{100 * share:+.1f} {text('pp')}"

    target = brief.pass_share_target
    target_line = "" if target is None else text("national_target").format(value=fmt.number(100 * target))
    mark = "–" if brief.pass_mark is None else fmt.number(brief.pass_mark)
    return (
        '<div class="cards">'
        + "".join(
            [
                card(
                    text("count_agencies"),
                    fmt.count(now["count_agencies"]),
                    versus("count_agencies", fmt.count, lambda d: f"{int(d):+,}"),
                ),
                card(
                    text("mean_score"),
                    fmt.score(now["mean_score"]),
                    versus("mean_score", fmt.score, lambda d: fmt.delta(d) or "–"),
                ),
                card(
                    text("pass_share").format(pass_mark=mark),
                    fmt.percent(now["pass_share"]),
                    [*versus("pass_share", fmt.percent, points), target_line],
                ),
            ]
        )
        + "</div>"
    )


def _grades(brief: Brief, text: Callable[[str], str]) -> str:
    title = text("brief_grades")
    if brief.grades.empty:
        return _section(title, f"<p>{escape(text('no_data'))}</p>")
    rows = []
    for year, of_year in brief.grades.sort_values(["fiscal_year", "rank"]).groupby("fiscal_year"):
        segments = [
            svg.Segment(str(row.label), float(row.share), GRADE_COLORS.get(str(row.label), REFERENCE))
            for row in of_year.itertuples()
        ]
        rows.append((str(year), segments))
    counts = brief.grades[brief.grades["fiscal_year"] == brief.year]
    listed = " · ".join(f"{row.label} {fmt.count(row.count_agencies)}" for row in counts.itertuples())
    return _section(title, svg.stacked(rows, title) + f'<p class="meta">{brief.year}: {escape(listed)}</p>')


def _weakest(brief: Brief, text: Callable[[str], str], lang: str) -> str:
    title = text("brief_weakest")
    if brief.weakest.empty:
        return _section(title, f"<p>{escape(text('no_indicators_year'))}</p>")
    name = "name_en" if lang == "en" else "name_th"
    bars = [
        svg.Bar(f"{row.indicator_no}. {getattr(row, name)}", float(row.mean_score), fmt.score(row.mean_score))
        for row in brief.weakest.itertuples()
    ]
    low = min(50.0, 10 * (min(bar.value for bar in bars) // 10))
    chart = svg.bars(bars, title, low=low, high=100, reference=brief.pass_mark)
    below = " · ".join(
        f"{row.indicator_no}: {fmt.percent(row.share_below_pass)}" for row in brief.weakest.itertuples()
    )
    return _section(title, chart + f'<p class="meta">{escape(text("share_below_pass"))} {escape(below)}</p>')


def _follow_through(brief: Brief, text: Callable[[str], str], lang: str) -> str:
    title = text("brief_follow_through").format(year=brief.year)
    shares = brief.follow_through[brief.follow_through["status"] != "total"]
    if shares.empty:
        return _section(title, f"<p>{escape(text('ft_no_measures').format(year=brief.year))}</p>")
    total = brief.follow_through[brief.follow_through["status"] == "total"].iloc[0]

    def status(code: str) -> str:
        th, en = labels.STATUSES[code]
        return en if lang == "en" else th

    ordered = shares.set_index("status").reindex([s for s in STATUS_ORDER if s in set(shares["status"])])
    segments = [
        svg.Segment(status(code), float(row.share_measures), STATUS_COLORS[code])
        for code, row in ordered.iterrows()
    ]
    listed = " · ".join(f"{status(code)} {fmt.count(row.count_measures)}" for code, row in ordered.iterrows())
    summary = text("brief_measures_total").format(
        measures=fmt.count(total["count_measures"]), agencies=fmt.count(total["count_agencies"])
    )
    return _section(
        title,
        svg.stacked([(str(brief.year), segments)], title)
        + f'<p class="meta">{escape(summary)}</p><p class="meta">{escape(listed)}</p>',
    )


def _red_flags(brief: Brief, text: Callable[[str], str]) -> str:
    title = text("brief_red_flags")
    count = brief.count_red_flags
    said = text("brief_red_flags_count").format(
        count=fmt.count(count), previous=brief.year - 1, year=brief.year
    )
    if not count:
        return _section(title, f"<p>{escape(text('ft_no_red_flags'))}</p>")
    rows = [
        [row.agency_name, str(row.indicator_no), fmt.score(row.previous_score)]
        for row in brief.red_flags.itertuples()
    ]
    table = _table(
        [text("agency_name"), text("indicator"), text("score")],
        rows,
        numbers={1, 2},
        widths=("64%", "18%", "18%"),
    )
    return _section(title, f'<p class="meta">{escape(said)}</p>{table}')


def _ranking(brief: Brief, text: Callable[[str], str]) -> str:
    title = text("brief_ranking")
    ranking = brief.ranking.reset_index(drop=True)
    if ranking.empty:
        return _section(title, f"<p>{escape(text('no_data_year'))}</p>")
    headers = ["#", text("agency_name"), text("district"), text("score"), text("grade"), text("change")]
    widths = ("7%", "45%", "18%", "9%", "10%", "11%")

    def rows(part: pd.DataFrame) -> list[list[str] | None]:
        return [
            [
                fmt.count(row.rank_in_province),
                row.agency_name,
                row.district if isinstance(row.district, str) else "–",
                fmt.score(row.score),
                row.label if isinstance(row.label, str) else "–",
                fmt.delta(row.change) or "–",
            ]
            for row in part.itertuples()
        ]

    if len(ranking) <= 2 * RANKED:
        said = text("brief_all_agencies").format(count=fmt.count(len(ranking)))
        shown = rows(ranking)
    else:
        said = text("brief_top_bottom").format(shown=RANKED, count=fmt.count(len(ranking)))
        shown = [*rows(ranking.head(RANKED)), None, *rows(ranking.tail(RANKED))]
    return _section(
        title,
        f'<p class="meta">{escape(said)}</p>' + _table(headers, shown, numbers={0, 3, 5}, widths=widths),
    )


def _sources(brief: Brief, text: Callable[[str], str], lang: str) -> str:
    title = text("brief_sources")
    if brief.sources.empty:
        return _section(title, f"<p>{escape(text('no_data'))}</p>")
    rows = []
    for row in brief.sources.itertuples():
        kind_key = f"kind_{row.kind}"
        kind = text(kind_key) if kind_key in labels.TEXT else str(row.kind)
        origin = text("synthetic_badge") if row.is_synthetic else text("ag_real_badge")
        years = (
            str(row.first_year) if row.first_year == row.last_year else f"{row.first_year}–{row.last_year}"
        )
        files = "" if row.is_synthetic else ", ".join(row.first_files)
        imported = _date(row.last_imported_at.date(), lang) if not pd.isna(row.last_imported_at) else "–"
        rows.append([origin, kind, fmt.count(row.count_documents), years, imported, files])
    headers = [
        text("dt_origin"),
        text("doc_kind"),
        text("count"),
        text("year"),
        text("doc_imported_at"),
        text("col_document"),
    ]
    return _section(
        title, _table(headers, rows, numbers={2}, widths=("17%", "17%", "8%", "11%", "13%", "34%"))
    )


def _notes(brief: Brief, text: Callable[[str], str]) -> str:
    mark = "–" if brief.pass_mark is None else fmt.number(brief.pass_mark)
    return f'<p class="note">{escape(text("brief_notes").format(mark=mark, year=brief.year))}</p>'


def _section(title: str, body: str) -> str:
    return f"<section><h2>{escape(title)}</h2>{body}</section>"


def _table(
    headers: list[str], rows: Iterable[list[str] | None], *, numbers: set[int], widths: tuple[str, ...]
) -> str:
    """A table of text cells; a row of None stands for rows left out (…)."""

    def cell(tag: str, i: int, value: str) -> str:
        css = ' class="number"' if i in numbers else ""
        return f'<{tag}{css} title="{escape(value)}">{escape(value)}</{tag}>'

    def row(cells: list[str] | None) -> str:
        if cells is None:
            return f'<tr><td colspan="{len(headers)}">…</td></tr>'
        return "<tr>" + "".join(cell("td", i, v) for i, v in enumerate(cells)) + "</tr>"

    columns = "".join(f'<col style="width:{width}">' for width in widths)
    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "".join(row(cells) for cells in rows)
    return f"<table><colgroup>{columns}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
