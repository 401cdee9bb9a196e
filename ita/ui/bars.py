"""Bar charts of indicators: one value per indicator, or chosen agencies side by side with their peers."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ita.ui import escape, references
from ita.ui.charts import INSTRUMENT_COLORS, REFERENCE, figure
from ita.ui.display import indicator_names
from ita.ui.labels import t

# Okabe–Ito colours for up to five agencies side by side.
AGENCY_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9")


def indicator_bars(
    data: pd.DataFrame, value: str, *, axis_title: str, reference: float | None = None, digits: int = 2
) -> go.Figure:
    """Horizontal bars of `value` per indicator, coloured by instrument, in the row order given (first on top)."""
    if reference is not None and pd.isna(reference):
        reference = None  # a year without a pass mark
    names = indicator_names(data)
    order = {code: i for i, code in enumerate(INSTRUMENT_COLORS)}
    traces = [
        {
            "type": "bar",
            "x": rows[value],
            "y": names[rows.index],
            "orientation": "h",
            "name": instrument,
            "marker": {"color": INSTRUMENT_COLORS.get(instrument, REFERENCE)},
            "texttemplate": f"%{{x:.{digits}f}}",
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": f"%{{y}}: %{{x:.{digits}f}}<extra>%{{fullData.name}}</extra>",
        }
        for instrument, rows in sorted(
            data.groupby("instrument"), key=lambda group: order.get(group[0], len(order))
        )
    ]
    layout: dict = {}
    if reference is not None:
        references.vertical(layout, reference, dash="dash")
    layout["yaxis"] = {"categoryorder": "array", "categoryarray": list(names)[::-1], "automargin": True}
    # room on the right for the value printed after each bar
    layout["xaxis"] = {
        "title": {"text": axis_title},
        "range": [0, 1.15 * max(data[value].max(), reference or 0)],
    }
    return figure(traces, layout, height=max(240, 34 * len(data) + 90))


def agency_comparison_chart(data: pd.DataFrame) -> go.Figure:
    """Indicator scores of the chosen agencies as grouped bars, with the median of each one's peer group."""
    traces = []
    for colour, (agency_id, rows) in zip(AGENCY_COLORS, data.groupby("agency_id", sort=False), strict=False):
        name = escape.plotly(rows["agency_name"].iat[0])
        # the same offset group puts each agency's peer median on its own bar
        traces += [
            {
                "type": "bar",
                "offsetgroup": str(agency_id),
                "x": rows["indicator_no"],
                "y": rows["score"],
                "name": name,
                "marker": {"color": colour},
                "hovertemplate": f"{t('indicator')} %{{x}}: %{{y:.2f}}<extra>%{{fullData.name}}</extra>",
            },
            {
                "type": "scatter",
                "offsetgroup": str(agency_id),
                "x": rows["indicator_no"],
                "y": rows["peer_median"],
                "name": f"{t('peer_median')} · {name}",
                "mode": "markers",
                "marker": {"symbol": "line-ew", "size": 18, "line": {"width": 3, "color": REFERENCE}},
                "showlegend": False,
                "hovertemplate": f"{t('peer_median')} %{{x}}: %{{y:.2f}}<extra></extra>",
            },
        ]
    layout = {
        "barmode": "group",
        "scattermode": "group",
        "xaxis": {"title": {"text": t("indicator")}, "dtick": 1, "tickformat": "d"},
        "yaxis": {"title": {"text": t("score")}, "range": [0, 100]},
    }
    return figure(traces, layout, height=420)
