"""Figures of one agency's profile: indicators against medians, instruments over the years, measures by status."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ita.ui import charts, labels
from ita.ui.labels import t
from ita.ui.measures import STATUS_ORDER
from ita.ui.trend import PASS_MARK

INSTRUMENT_COLORS = {"IIT": "#0072B2", "EIT": "#E69F00", "OIT": "#009E73"}
PEER_COLOR = "#E69F00"
YEAR_AXIS = {"type": "category", "categoryorder": "category ascending"}


def indicators_dots(indicators: pd.DataFrame, names: pd.Series) -> go.Figure:
    """The agency's score per indicator as a dot, with its peer median (diamond) and province median (tick)."""
    fig = go.Figure()
    fig.add_scatter(
        y=names,
        x=indicators["score"],
        mode="markers",
        name=t("ag_this_agency"),
        marker={"size": 14, "color": charts.ACCENT},
    )
    fig.add_scatter(
        y=names,
        x=indicators["peer_median"],
        mode="markers",
        name=t("peer_median"),
        marker={"symbol": "diamond", "size": 11, "color": PEER_COLOR, "line": {"width": 1, "color": "#333"}},
    )
    fig.add_scatter(
        y=names,
        x=indicators["province_median"],
        mode="markers",
        name=t("ag_province_median"),
        marker={"symbol": "line-ns", "size": 16, "line": {"width": 3, "color": "#333"}},
    )
    fig.add_vline(x=PASS_MARK, line_dash="dot", line_color=charts.REFERENCE)
    lowest = indicators[["score", "peer_median", "province_median"]].min().min()
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[max(0.0, min(lowest, PASS_MARK) - 5), 101], title=t("score"))
    return charts.style(fig, height=120 + 34 * len(names))


def instruments_lines(instruments: pd.DataFrame) -> go.Figure:
    """IIT, EIT and OIT over the years (solid) with the peer median of each (dotted, same colour)."""
    fig = go.Figure()
    for code, color in INSTRUMENT_COLORS.items():
        part = instruments[instruments["instrument"] == code]
        fig.add_scatter(
            x=part["fiscal_year"], y=part["score"], mode="lines+markers", name=code, line_color=color
        )
        fig.add_scatter(
            x=part["fiscal_year"],
            y=part["peer_median"],
            mode="lines",
            name=f"{code} · {t('peer_median')}",
            line={"color": color, "dash": "dot", "width": 1.5},
        )
    fig.add_hline(y=PASS_MARK, line_dash="dot", line_color=charts.REFERENCE, line_width=1)
    fig.update_layout(xaxis=YEAR_AXIS, yaxis_title=t("score"))
    return charts.style(fig)


def status_by_year(status: pd.DataFrame) -> go.Figure:
    """The agency's measures per fiscal year, stacked by the status its latest report states."""
    fig = go.Figure()
    for code in STATUS_ORDER:
        part = status[status["status"] == code]
        fig.add_bar(
            x=part["fiscal_year"],
            y=part["count_measures"],
            name=labels.status(code),
            marker_color=charts.STATUS_COLORS[code],
        )
    fig.update_layout(
        barmode="stack", legend_traceorder="normal", yaxis_title=t("ft_count_measures"), xaxis=YEAR_AXIS
    )
    return charts.style(fig, height=300)
