"""Figures of one agency's profile: indicators against medians, instruments over the years, measures by status."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ita.ui import charts, labels, references
from ita.ui.labels import t
from ita.ui.measures import STATUS_ORDER

PEER_COLOR = "#E69F00"
# B.E. years as plain integers, one tick each (never '2,566' or '2566.5')
YEAR_AXIS = {"tickformat": "d", "dtick": 1}


def indicators_dots(indicators: pd.DataFrame, names: pd.Series) -> go.Figure:
    """The agency's score per indicator as a dot, with its peer median (diamond), province median (tick) and the
    year's pass mark; `indicators` is queries/agency_indicators."""
    traces = [
        {
            "type": "scatter",
            "y": names,
            "x": indicators["score"],
            "mode": "markers",
            "name": t("ag_this_agency"),
            "marker": {"size": 14, "color": charts.ACCENT},
        },
        {
            "type": "scatter",
            "y": names,
            "x": indicators["peer_median"],
            "mode": "markers",
            "name": t("peer_median"),
            "marker": {
                "symbol": "diamond",
                "size": 11,
                "color": PEER_COLOR,
                "line": {"width": 1, "color": "#333"},
            },
        },
        {
            "type": "scatter",
            "y": names,
            "x": indicators["province_median"],
            "mode": "markers",
            "name": t("ag_province_median"),
            "marker": {"symbol": "line-ns", "size": 16, "line": {"width": 3, "color": "#333"}},
        },
    ]
    lowest = indicators[["score", "peer_median", "province_median", "pass_mark"]].min().min()
    layout = {
        "yaxis": {"autorange": "reversed"},
        "xaxis": {"range": [max(0.0, lowest - 5), 101], "title": {"text": t("score")}},
    }
    pass_mark = indicators["pass_mark"].max()
    if pd.notna(pass_mark):
        references.vertical(layout, pass_mark, width=2)
    return charts.figure(traces, layout, height=120 + 34 * len(names))


def instruments_lines(instruments: pd.DataFrame) -> go.Figure:
    """IIT, EIT and OIT over the years (solid) with the peer median of each (dotted, same colour) and the years'
    pass marks; `instruments` is queries/agency_instruments."""
    traces = []
    for code, color in charts.INSTRUMENT_COLORS.items():
        part = instruments[instruments["instrument"] == code]
        traces += [
            {
                "type": "scatter",
                "x": part["fiscal_year"],
                "y": part["score"],
                "mode": "lines+markers",
                "name": code,
                "line": {"color": color},
            },
            {
                "type": "scatter",
                "x": part["fiscal_year"],
                "y": part["peer_median"],
                "mode": "lines",
                "name": f"{code} · {t('peer_median')}",
                "line": {"color": color, "dash": "dot", "width": 1.5},
            },
        ]
    layout = {"xaxis": YEAR_AXIS, "yaxis": {"title": {"text": t("score")}}}
    references.yearly(layout, instruments["fiscal_year"], instruments["pass_mark"], dash="dot")
    return charts.figure(traces, layout)


def status_by_year(status: pd.DataFrame) -> go.Figure:
    """The agency's measures per fiscal year, stacked by the status its latest report states."""
    traces = []
    for code in STATUS_ORDER:
        part = status[status["status"] == code]
        traces.append(
            {
                "type": "bar",
                "x": part["fiscal_year"],
                "y": part["count_measures"],
                "name": labels.status(code),
                "marker": {"color": charts.STATUS_COLORS[code]},
            }
        )
    layout = {
        "barmode": "stack",
        "legend": {"traceorder": "normal"},
        "yaxis": {"title": {"text": t("ft_count_measures")}},
        "xaxis": YEAR_AXIS,
    }
    return charts.figure(traces, layout, height=300)
