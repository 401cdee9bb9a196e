"""Figures of the follow-through page: status shares, targets, what became of measures, next-year change."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ita.ui import charts, labels
from ita.ui import format as fmt
from ita.ui.labels import t
from ita.ui.measures import OUTCOMES, outcome

YEAR_AXIS = {"type": "category", "categoryorder": "category ascending"}
SECONDARY = "#56B4E9"
UNTARGETED = "#E69F00"


def status_bar(shares: pd.DataFrame, year: int) -> go.Figure:
    """One 100% bar split by status; `shares` has status, share_measures, count_measures."""
    traces = [
        {
            "type": "bar",
            "y": [t("ft_measures_of").format(year=year)],
            "x": [row.share_measures],
            "orientation": "h",
            "name": labels.status(row.status),
            "marker": {"color": charts.STATUS_COLORS[row.status]},
            "text": [fmt.percent(row.share_measures)],
            "customdata": [[fmt.count(row.count_measures)]],
            "hovertemplate": "%{fullData.name}: %{text} (%{customdata[0]})<extra></extra>",
        }
        for row in shares.itertuples()
    ]
    layout = {
        "barmode": "stack",
        "legend": {"traceorder": "normal"},
        "xaxis": {"tickformat": ".0%", "range": [0, 1]},
        "yaxis": {"visible": False},
    }
    return charts.figure(traces, layout, height=170)


def targets_bar(targets: pd.DataFrame) -> go.Figure:
    """Measures per target indicator, primary and secondary targets stacked; `indicator` holds the labels."""
    traces = [
        {
            "type": "bar",
            "x": targets["indicator"],
            "y": targets["count_primary"],
            "name": t("ft_primary"),
            "marker": {"color": charts.ACCENT},
        },
        {
            "type": "bar",
            "x": targets["indicator"],
            "y": targets["count_measures"] - targets["count_primary"],
            "name": t("ft_secondary"),
            "marker": {"color": SECONDARY},
        },
    ]
    layout = {
        "barmode": "stack",
        "legend": {"traceorder": "normal"},
        "yaxis": {"title": {"text": t("ft_count_measures")}},
        "xaxis": {"tickangle": -30},
    }
    return charts.figure(traces, layout, height=400)


def outcomes_bar(continuity: pd.DataFrame) -> go.Figure:
    """Measures carried forward, completed, dropped and new, stacked per fiscal year."""
    traces = []
    for code, color in OUTCOMES.items():
        part = continuity[continuity["outcome"] == code]
        traces.append(
            {
                "type": "bar",
                "x": part["fiscal_year"],
                "y": part["count_measures"],
                "name": outcome(code),
                "marker": {"color": color},
            }
        )
    layout = {
        "barmode": "stack",
        "legend": {"traceorder": "normal"},
        "yaxis": {"title": {"text": t("ft_count_measures")}},
        "xaxis": YEAR_AXIS,
    }
    return charts.figure(traces, layout)


def change_bars(per_indicator: pd.DataFrame) -> go.Figure:
    """Mean next-year change of weak indicators, targeted beside untargeted, per indicator number."""
    traces = []
    for flag, key, color in ((True, "ft_targeted", charts.ACCENT), (False, "ft_untargeted", UNTARGETED)):
        part = per_indicator[per_indicator["is_targeted"] == flag]
        traces.append(
            {
                "type": "bar",
                "x": part["indicator_no"].astype(int).astype(str),
                "y": part["mean_change"],
                "name": t(key),
                "marker": {"color": color},
                "customdata": part["count_with_next"],
                "hovertemplate": "%{x}: %{y:+.2f} (n=%{customdata})<extra>%{fullData.name}</extra>",
            }
        )
    layout = {
        "barmode": "group",
        "xaxis": {"title": {"text": t("indicator")}},
        "yaxis": {"title": {"text": t("ft_mean_change")}},
    }
    return charts.figure(traces, layout)
