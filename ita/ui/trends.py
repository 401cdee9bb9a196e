"""Charts over fiscal years, with the years where the assessment method changed marked on each."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ita.ui import escape, labels, references
from ita.ui.charts import ACCENT, GRADE_COLORS, REFERENCE, style
from ita.ui.labels import t

PASS_MARK = 85.0
# National strategy: at least 80% of agencies at the pass mark or above.
PASS_SHARE_TARGET = 0.80


def year_axis(fig: go.Figure, *years: pd.Series) -> go.Figure:
    """B.E. years as plain integers, one tick per year (never '2,566' or '2566.5'), spanning the years given."""
    first = min(int(y.min()) for y in years if len(y))
    last = max(int(y.max()) for y in years if len(y))
    fig.update_xaxes(tickformat="d", dtick=1, range=[first - 0.5, last + 0.5], title_text=t("year"))
    return fig


def method_change_label(change: pd.Series) -> str:
    """The note on a method-change line ('Method changed / pass labels'), from queries/method_changes.sql."""
    key = f"method_{change['model']}" if change["model"] != change["previous_model"] else None
    key = key or f"method_{change['grade_scheme']}"
    what = t(key) if key in labels.TEXT else f"{change['model']} / {change['grade_scheme']}"
    return f"{t('method_change')}<br>{what}"


def mark_method_changes(fig: go.Figure, changes: pd.DataFrame, years: pd.Series) -> go.Figure:
    """A dotted vertical line, with a note, before each shown year whose method differs from the year before
    (on the left edge when the series starts with the change, so the start of the method is visible too)."""
    shown = changes[changes["fiscal_year"].between(years.min(), years.max())]
    for _, change in shown.iterrows():
        references.vertical(fig, change["fiscal_year"] - 0.5, method_change_label(change))
    return fig


def mean_score_chart(trend: pd.DataFrame, national: pd.DataFrame, changes: pd.DataFrame) -> go.Figure:
    """Mean overall score of the scope per year beside the national mean NACC published."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=trend["fiscal_year"],
            y=trend["mean_score"],
            name=t("scope_mean"),
            mode="lines+markers",
            line_color=ACCENT,
            hovertemplate="%{x}: %{y:.2f}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=national["fiscal_year"],
            y=national["mean_score"],
            name=t("national_mean"),
            mode="lines+markers",
            line={"color": REFERENCE, "dash": "dash"},
            marker_symbol="diamond",
            hovertemplate="%{x}: %{y:.2f}<extra></extra>",
        )
    )
    references.horizontal(fig, PASS_MARK, t("pass_mark"))
    fig.update_yaxes(title_text=t("mean_score"))
    marked = mark_method_changes(fig, changes, trend["fiscal_year"])
    return style(year_axis(marked, trend["fiscal_year"], national["fiscal_year"]))


def pass_share_chart(trend: pd.DataFrame, national: pd.DataFrame, changes: pd.DataFrame) -> go.Figure:
    """Share of the scope scoring 85 or more per year, the national share and the 80% target."""
    known = national.dropna(subset=["pass_share"])
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=trend["fiscal_year"],
            y=100 * trend["pass_share"],
            name=t("scope_pass_share"),
            mode="lines+markers",
            line_color=ACCENT,
            hovertemplate="%{x}: %{y:.1f}%<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=known["fiscal_year"],
            y=100 * known["pass_share"],
            name=t("national_pass_share"),
            mode="lines+markers",
            line={"color": REFERENCE, "dash": "dash"},
            marker_symbol="diamond",
            hovertemplate="%{x}: %{y:.1f}%<extra></extra>",
        )
    )
    references.horizontal(fig, 100 * PASS_SHARE_TARGET, t("national_target"))
    fig.update_yaxes(title_text=t("share_percent"), range=[0, 105], ticksuffix="%")
    marked = mark_method_changes(fig, changes, trend["fiscal_year"])
    return style(year_axis(marked, trend["fiscal_year"], known["fiscal_year"]))


def grade_distribution_chart(distribution: pd.DataFrame, changes: pd.DataFrame) -> go.Figure:
    """Stacked shares of each grade, pass label or level per year, best band on top of each bar."""
    fig = go.Figure()
    # worst band first so it sits at the bottom of the stack; labels keep their order of first appearance
    ordered = distribution.sort_values(["fiscal_year", "rank"], ascending=[True, False], na_position="first")
    for label, rows in ordered.groupby("label", sort=False):
        fig.add_trace(
            go.Bar(
                x=rows["fiscal_year"],
                y=100 * rows["share"],
                name=escape.plotly(label),
                marker_color=GRADE_COLORS.get(label, REFERENCE),
                customdata=rows["count_agencies"],
                hovertemplate="%{fullData.name} %{x}: %{y:.1f}% (%{customdata:,})<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", legend_traceorder="reversed")
    # headroom above the bars for the method-change notes
    fig.update_yaxes(
        title_text=t("share_percent"), range=[0, 118], tickvals=[0, 20, 40, 60, 80, 100], ticksuffix="%"
    )
    marked = mark_method_changes(fig, changes, distribution["fiscal_year"])
    return style(year_axis(marked, distribution["fiscal_year"]), height=400)
