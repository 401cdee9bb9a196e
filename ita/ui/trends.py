"""Charts over fiscal years, with the years where the assessment method changed marked on each: the scope's mean
and share passing against the national figures, grades by year, and one agency's score on its grade bands.

Pass marks and the national target come with the data, year by year, from each year's framework.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from ita.ui import escape, labels, references
from ita.ui import format as fmt
from ita.ui.charts import ACCENT, GRADE_COLORS, REFERENCE, figure
from ita.ui.labels import t

BAND_OPACITY = 0.16
# a year assessed for fewer than this share of the scope's usual agencies per year is drawn off the line
THIN_COVERAGE = 0.5


def year_axis(*years: pd.Series) -> dict:
    """B.E. years as plain integers, one tick per year (never '2,566' or '2566.5'), spanning the years given."""
    first = min(int(y.min()) for y in years if len(y))
    last = max(int(y.max()) for y in years if len(y))
    return {"tickformat": "d", "dtick": 1, "range": [first - 0.5, last + 0.5], "title": {"text": t("year")}}


def method_change_label(change: Mapping) -> str:
    """The note on a method-change line ('Method changed / pass labels'), from queries/method_changes.sql."""
    key = f"method_{change['model']}" if change["model"] != change["previous_model"] else None
    key = key or f"method_{change['grade_scheme']}"
    what = t(key) if key in labels.TEXT else f"{change['model']} / {change['grade_scheme']}"
    return f"{t('method_change')}<br>{what}"


def mark_method_changes(layout: dict, changes: pd.DataFrame, years: pd.Series) -> dict:
    """A dotted vertical line, with a note, before each shown year whose method differs from the year before
    (on the left edge when the series starts with the change, so the start of the method is visible too)."""
    shown = changes[changes["fiscal_year"].between(years.min(), years.max())]
    for change in shown.to_dict("records"):
        references.vertical(layout, change["fiscal_year"] - 0.5, method_change_label(change))
    return layout


def _line(x: pd.Series, y: pd.Series, name: str, hover: str, *, reference: bool = False) -> dict:
    """The scope's series (solid, accent colour) or the national one (dashed grey diamonds)."""
    trace = {"type": "scatter", "x": x, "y": y, "name": name, "mode": "lines+markers", "hovertemplate": hover}
    if reference:
        return trace | {"line": {"color": REFERENCE, "dash": "dash"}, "marker": {"symbol": "diamond"}}
    return trace | {"line": {"color": ACCENT}}


def thin_years(trend: pd.DataFrame) -> pd.Series:
    """Years assessed for fewer than THIN_COVERAGE × the median number of agencies a year in the scope: their
    mean is not comparable with the others' (one agency's 2561 beside 7,737 agencies' years)."""
    return trend["count_agencies"] < THIN_COVERAGE * trend["count_agencies"].median()


def _scope_lines(trend: pd.DataFrame, y: pd.Series, name: str, value: str) -> list[dict]:
    """The scope's series over its well-covered years, and its thin years as open markers off the line; the
    hover gives each year's coverage."""
    hover = f"%{{x}}: {value} (%{{customdata:,}} {t('agencies_short')})<extra></extra>"
    thin = thin_years(trend)
    line = _line(trend["fiscal_year"][~thin], y[~thin], name, hover) | {
        "customdata": trend["count_agencies"][~thin]
    }
    if not thin.any():
        return [line]
    points = {
        "type": "scatter",
        "mode": "markers",
        "x": trend["fiscal_year"][thin],
        "y": y[thin],
        "customdata": trend["count_agencies"][thin],
        "name": t("thin_years"),
        "marker": {"symbol": "circle-open", "color": ACCENT, "size": 10},
        "hovertemplate": hover,
    }
    return [line, points]


def mean_score_chart(trend: pd.DataFrame, national: pd.DataFrame, changes: pd.DataFrame) -> go.Figure:
    """Mean overall score of the scope per year beside the national mean NACC published, and the pass marks."""
    hover = "%{x}: %{y:.2f}<extra></extra>"
    layout = {"yaxis": {"title": {"text": t("mean_score")}}}
    references.yearly(layout, trend["fiscal_year"], trend["pass_mark"], "pass_mark")
    mark_method_changes(layout, changes, trend["fiscal_year"])
    layout["xaxis"] = year_axis(trend["fiscal_year"], national["fiscal_year"])
    return figure(
        [
            *_scope_lines(trend, trend["mean_score"], t("scope_mean"), "%{y:.2f}"),
            _line(national["fiscal_year"], national["mean_score"], t("national_mean"), hover, reference=True),
        ],
        layout,
    )


def pass_share_chart(trend: pd.DataFrame, national: pd.DataFrame, changes: pd.DataFrame) -> go.Figure:
    """Share of the scope at or above each year's pass mark, the national share and the national target."""
    known = national.dropna(subset=["pass_share"])
    hover = "%{x}: %{y:.1f}%<extra></extra>"
    layout = {"yaxis": {"title": {"text": t("share_percent")}, "range": [0, 105], "ticksuffix": "%"}}
    references.yearly(layout, trend["fiscal_year"], 100 * trend["pass_share_target"], "national_target")
    mark_method_changes(layout, changes, trend["fiscal_year"])
    layout["xaxis"] = year_axis(trend["fiscal_year"], known["fiscal_year"])
    return figure(
        [
            *_scope_lines(trend, 100 * trend["pass_share"], t("scope_pass_share"), "%{y:.1f}%"),
            _line(
                known["fiscal_year"],
                100 * known["pass_share"],
                t("national_pass_share"),
                hover,
                reference=True,
            ),
        ],
        layout,
    )


def grade_distribution_chart(distribution: pd.DataFrame, changes: pd.DataFrame) -> go.Figure:
    """Stacked shares of each grade, pass label or level per year, best band on top of each bar."""
    # worst band first so it sits at the bottom of the stack; labels keep their order of first appearance
    ordered = distribution.sort_values(["fiscal_year", "rank"], ascending=[True, False], na_position="first")
    traces = [
        {
            "type": "bar",
            "x": rows["fiscal_year"],
            "y": 100 * rows["share"],
            "name": escape.plotly(label),
            "marker": {"color": GRADE_COLORS.get(label, REFERENCE)},
            "customdata": rows["count_agencies"],
            "hovertemplate": "%{fullData.name} %{x}: %{y:.1f}% (%{customdata:,})<extra></extra>",
        }
        for label, rows in ordered.groupby("label", sort=False)
    ]
    layout = {
        "barmode": "stack",
        "legend": {"traceorder": "reversed"},
        # headroom above the bars for the method-change notes
        "yaxis": {
            "title": {"text": t("share_percent")},
            "range": [0, 118],
            "tickvals": [0, 20, 40, 60, 80, 100],
            "ticksuffix": "%",
        },
    }
    mark_method_changes(layout, changes, distribution["fiscal_year"])
    layout["xaxis"] = year_axis(distribution["fiscal_year"])
    return figure(traces, layout, height=400)


def scheme_changes(bands: pd.DataFrame) -> list[tuple[int, str, str]]:
    """(year, scheme before, scheme from then on) for every year whose grade scheme differs from the year before."""
    schemes = bands.drop_duplicates("fiscal_year").sort_values("fiscal_year")
    pairs = zip(schemes["fiscal_year"], schemes["grade_scheme"].shift(), schemes["grade_scheme"], strict=True)
    return [
        (int(year), before, after)
        for year, before, after in pairs
        if isinstance(before, str) and before != after
    ]


def change_notes(trend: pd.DataFrame, bands: pd.DataFrame) -> list[str]:
    """One sentence per change of grade scheme inside the years the agency was assessed."""
    first, last = int(trend["fiscal_year"].min()), int(trend["fiscal_year"].max())
    return [
        f"{t('method_change')} {year}: {t('method_' + before)} → {t('method_' + after)}"
        for year, before, after in scheme_changes(bands)
        if first < year <= last
    ]


def agency_score_chart(trend: pd.DataFrame, bands: pd.DataFrame) -> go.Figure:
    """One agency's score line over shaded grade bands and its years' pass marks; `trend` is
    queries/agency_trend, `bands` queries/grade_bands. Bands come from each year's framework (letters AA–F,
    pass labels from 2566, levels before 2562), so a change of scheme shows as a change of shading and a
    dashed line with a note."""
    first, last = int(trend["fiscal_year"].min()), int(trend["fiscal_year"].max())
    lowest = pd.concat([trend["score"], trend["pass_mark"]]).min()
    floor = max(0.0, 10 * math.floor((lowest - 5) / 10)) if pd.notna(lowest) else 0.0
    shown = bands[bands["fiscal_year"].between(first, last) & (bands["max_score"] > floor)]
    shapes, notes = [], []
    labelled: set[str] = set()
    for band in shown.itertuples():
        shapes.append(
            {
                "type": "rect",
                "x0": band.fiscal_year - 0.5,
                "x1": band.fiscal_year + 0.5,
                "y0": max(band.min_score, floor),
                "y1": band.max_score,
                "fillcolor": GRADE_COLORS.get(band.color_label, "#cccccc"),
                "opacity": BAND_OPACITY,
                "line": {"width": 0},
                "layer": "below",
            }
        )
        # name each band once per scheme, in the first year shown that uses it
        if f"{band.grade_scheme}|{band.label}" not in labelled:
            labelled.add(f"{band.grade_scheme}|{band.label}")
            notes.append(
                {
                    "x": band.fiscal_year - 0.47,
                    "y": (max(band.min_score, floor) + band.max_score) / 2,
                    "text": escape.plotly(band.label),
                    "showarrow": False,
                    "xanchor": "left",
                    "font": {"size": 10, "color": REFERENCE},
                }
            )
    for year, _, _ in scheme_changes(bands):
        if first < year <= last:
            shapes.append(
                {
                    "type": "line",
                    "x0": year - 0.5,
                    "x1": year - 0.5,
                    "yref": "y domain",
                    "y0": 0,
                    "y1": 1,
                    "line": {"color": REFERENCE, "dash": "dash"},
                }
            )
            notes.append(
                {
                    "x": year - 0.5,
                    "xanchor": "left",
                    "yref": "y domain",
                    "y": 0,
                    "yanchor": "bottom",
                    "text": t("method_change"),
                    "showarrow": False,
                    "font": {"size": 11},
                }
            )
    line = {
        "type": "scatter",
        "x": trend["fiscal_year"],
        "y": trend["score"],
        "mode": "lines+markers+text",
        "text": trend["grade_label"].fillna("").map(escape.plotly),
        "textposition": "top center",
        "line": {"color": ACCENT, "width": 3},
        "marker": {"size": 9},
        "name": t("score"),
        "customdata": list(
            zip(
                trend["score"].map(fmt.score),
                trend["document"].fillna("").map(escape.plotly),
                trend["source_line"].map(lambda v: "" if pd.isna(v) else str(int(v))),
                strict=True,
            )
        ),
        "hovertemplate": (
            f"{t('year')} %{{x}}<br>{t('score')} %{{customdata[0]}} %{{text}}"
            f"<br>%{{customdata[1]}} {t('src_lines')} %{{customdata[2]}}<extra></extra>"
        ),
    }
    layout = {
        "shapes": shapes,
        "annotations": notes,
        "xaxis": {
            "tickmode": "array",
            "tickvals": list(range(first, last + 1)),
            "range": [first - 0.5, last + 0.5],
        },
        "yaxis": {"range": [floor, 101], "title": {"text": t("score")}},
        "showlegend": False,
    }
    references.yearly(layout, trend["fiscal_year"], trend["pass_mark"], dash="dot")
    return figure([line], layout, height=380)
