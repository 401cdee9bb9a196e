"""Charts over fiscal years, with the years where the assessment method changed marked on each."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from ita.ui import escape, labels, references
from ita.ui.charts import ACCENT, GRADE_COLORS, REFERENCE, figure
from ita.ui.labels import t

PASS_MARK = 85.0
# National strategy: at least 80% of agencies at the pass mark or above.
PASS_SHARE_TARGET = 0.80


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


def mean_score_chart(trend: pd.DataFrame, national: pd.DataFrame, changes: pd.DataFrame) -> go.Figure:
    """Mean overall score of the scope per year beside the national mean NACC published."""
    hover = "%{x}: %{y:.2f}<extra></extra>"
    layout = {"yaxis": {"title": {"text": t("mean_score")}}}
    references.horizontal(layout, PASS_MARK, t("pass_mark"))
    mark_method_changes(layout, changes, trend["fiscal_year"])
    layout["xaxis"] = year_axis(trend["fiscal_year"], national["fiscal_year"])
    return figure(
        [
            _line(trend["fiscal_year"], trend["mean_score"], t("scope_mean"), hover),
            _line(national["fiscal_year"], national["mean_score"], t("national_mean"), hover, reference=True),
        ],
        layout,
    )


def pass_share_chart(trend: pd.DataFrame, national: pd.DataFrame, changes: pd.DataFrame) -> go.Figure:
    """Share of the scope scoring 85 or more per year, the national share and the 80% target."""
    known = national.dropna(subset=["pass_share"])
    hover = "%{x}: %{y:.1f}%<extra></extra>"
    layout = {"yaxis": {"title": {"text": t("share_percent")}, "range": [0, 105], "ticksuffix": "%"}}
    references.horizontal(layout, 100 * PASS_SHARE_TARGET, t("national_target"))
    mark_method_changes(layout, changes, trend["fiscal_year"])
    layout["xaxis"] = year_axis(trend["fiscal_year"], known["fiscal_year"])
    return figure(
        [
            _line(trend["fiscal_year"], 100 * trend["pass_share"], t("scope_pass_share"), hover),
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
