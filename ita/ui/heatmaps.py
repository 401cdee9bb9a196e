"""Heatmaps: agencies × indicators, and grade transitions between two years."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ita.ui import escape
from ita.ui.charts import ACCENT, SEQUENTIAL, figure
from ita.ui.labels import t


def indicator_heatmap(scores: pd.DataFrame) -> go.Figure:
    """One row per agency (in the order given: lowest overall on top), one column per indicator, scores in the cells."""
    agencies = scores.drop_duplicates("agency_id")
    grid = scores.pivot(index="agency_id", columns="indicator_no", values="score").reindex(
        agencies["agency_id"]
    )
    names = [
        f"{escape.plotly(name, limit=40)} ({overall:.2f})"
        for name, overall in zip(agencies["agency_name"], agencies["overall_score"], strict=True)
    ]
    heatmap = {
        "type": "heatmap",
        "z": grid.to_numpy(),
        "x": [str(no) for no in grid.columns],
        "y": list(range(len(names))),
        "customdata": [[name] * len(grid.columns) for name in names],
        # start the scale at the lowest decade shown, so differences among 80s and 90s stay visible
        "zmin": min(50, 10 * int(scores["score"].min() // 10)),
        "zmax": 100,
        "colorscale": SEQUENTIAL,
        "texttemplate": "%{z:.0f}",
        "colorbar": {"title": {"text": t("score")}},
        "hovertemplate": f"%{{customdata}}<br>{t('indicator')} %{{x}}: %{{z:.2f}}<extra></extra>",
    }
    layout = {
        # rows by position, names as tick labels: two agencies may share a name
        "yaxis": {
            "autorange": "reversed",
            "automargin": True,
            "tickvals": list(range(len(names))),
            "ticktext": names,
            "tickfont": {"size": 11},
        },
        "xaxis": {"title": {"text": t("indicator")}, "side": "top"},
    }
    return figure([heatmap], layout, height=max(260, 24 * len(agencies) + 110))


def transition_matrix(counts: pd.DataFrame, from_year: int, to_year: int) -> go.Figure:
    """Agencies by their label in `from_year` (rows) and in `to_year` (columns), best band first."""
    rows = counts.sort_values(["from_rank", "from_label"]).drop_duplicates("from_label")["from_label"]
    columns = counts.sort_values(["to_rank", "to_label"]).drop_duplicates("to_label")["to_label"]
    grid = counts.pivot(index="from_label", columns="to_label", values="count_agencies").reindex(
        index=rows, columns=columns
    )
    heatmap = {
        "type": "heatmap",
        "z": grid.fillna(0).to_numpy(),
        "x": [escape.plotly(label) for label in columns],
        "y": [escape.plotly(label) for label in rows],
        "colorscale": [[0, "#ffffff"], [1, ACCENT]],  # counts: empty cells stay white
        "texttemplate": "%{z:,}",
        "showscale": False,
        "hovertemplate": f"{from_year}: %{{y}} → {to_year}: %{{x}}<br>%{{z:,}}<extra></extra>",
    }
    layout = {
        "yaxis": {
            "autorange": "reversed",
            "title": {"text": f"{t('from_year')} {from_year}"},
            "type": "category",
        },
        "xaxis": {"title": {"text": f"{t('to_year')} {to_year}"}, "side": "top", "type": "category"},
    }
    return figure([heatmap], layout, height=max(260, 44 * len(rows) + 120))
