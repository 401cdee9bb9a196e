"""Distributions drawn from quantiles computed in SQL, so no chart ever receives one row per agency."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from ita.ui import escape, references
from ita.ui.charts import figure
from ita.ui.display import indicator_names
from ita.ui.labels import t

# Okabe–Ito, then two of Paul Tol's muted colours: ten distinct colours, one per indicator.
INDICATOR_COLORS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
    "#882255",
    "#999999",
)


def quantile_boxes(summary: pd.DataFrame, group_label: Callable[[str], str], threshold: float) -> go.Figure:
    """Box plots from five-number summaries: groups along the axis, one box per indicator in each group."""
    names = indicator_names(summary)
    traces = [
        {
            "type": "box",
            "x": [escape.plotly(group_label(key)) for key in rows["group_key"]],
            "q1": rows["q1_score"],
            "median": rows["median_score"],
            "q3": rows["q3_score"],
            "lowerfence": rows["min_score"],
            "upperfence": rows["max_score"],
            "mean": rows["mean_score"],
            "name": names[rows.index[0]],
            "marker": {"color": INDICATOR_COLORS[(int(no) - 1) % len(INDICATOR_COLORS)]},
            "line": {"width": 1.5},
        }
        for no, rows in summary.groupby("indicator_no", sort=True)
    ]
    layout = {
        "boxmode": "group",
        "yaxis": {"title": {"text": t("score")}},
        "xaxis": {"automargin": True, "type": "category"},
    }
    references.horizontal(layout, threshold, f"{t('threshold')} {threshold:g}", dash="dash")
    return figure(traces, layout, height=460)
