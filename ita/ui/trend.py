"""An agency's overall score over the years on its grade bands, marking where the method changed.

Bands come from each year's framework (letters AA–F, pass labels from 2566, levels before 2562),
so a change of scheme shows as a change of shading and a dashed line with a note.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from ita.ui import charts, escape, references
from ita.ui import format as fmt
from ita.ui.labels import t

PASS_MARK = 85
BAND_OPACITY = 0.16


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


def figure(trend: pd.DataFrame, bands: pd.DataFrame) -> go.Figure:
    """Score line over shaded bands; `trend` is queries/agency_trend, `bands` queries/grade_bands."""
    first, last = int(trend["fiscal_year"].min()), int(trend["fiscal_year"].max())
    lowest = trend["score"].fillna(PASS_MARK).min()
    floor = max(0.0, 10 * math.floor((min(lowest, PASS_MARK) - 5) / 10))
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
                "fillcolor": charts.GRADE_COLORS.get(band.color_label, "#cccccc"),
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
                    "font": {"size": 10, "color": charts.REFERENCE},
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
                    "line": {"color": charts.REFERENCE, "dash": "dash"},
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
        "line": {"color": charts.ACCENT, "width": 3},
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
    references.horizontal(layout, PASS_MARK, dash="dot")
    return charts.figure([line], layout, height=380)
