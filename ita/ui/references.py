"""Reference lines on charts (pass mark, national target, method changes) as layout shapes and notes.

Each call appends to the layout dict of a figure being built (see charts.figure).
"""

from __future__ import annotations

import pandas as pd

from ita.ui import format as fmt
from ita.ui.charts import REFERENCE
from ita.ui.labels import t


def vertical(layout: dict, x: float, text: str = "", *, dash: str = "dot", width: float = 1) -> dict:
    """A full-height line at `x`, with `text` at its top right."""
    layout.setdefault("shapes", []).append(
        {
            "type": "line",
            "x0": x,
            "x1": x,
            "yref": "paper",
            "y0": 0,
            "y1": 1,
            "line": {"color": REFERENCE, "dash": dash, "width": width},
        }
    )
    if text:
        layout.setdefault("annotations", []).append(
            {
                "x": x,
                "yref": "paper",
                "y": 1,
                "text": text,
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "top",
                "align": "left",
                "font": {"size": 11, "color": REFERENCE},
                "bgcolor": "rgba(255,255,255,0.85)",
            }
        )
    return layout


def horizontal(layout: dict, y: float, text: str = "", *, dash: str = "solid") -> dict:
    """A full-width line at `y`, with `text` just below its left end."""
    layout.setdefault("shapes", []).append(
        {
            "type": "line",
            "xref": "paper",
            "x0": 0,
            "x1": 1,
            "y0": y,
            "y1": y,
            "line": {"color": REFERENCE, "dash": dash, "width": 1},
        }
    )
    if text:
        layout.setdefault("annotations", []).append(
            {
                "xref": "paper",
                "x": 0,
                "y": y,
                "text": text,
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "top",
                "font": {"size": 11, "color": REFERENCE},
            }
        )
    return layout


def yearly(
    layout: dict, years: pd.Series, values: pd.Series, label: str = "", *, dash: str = "solid"
) -> dict:
    """A rule that holds year by year (a pass mark, a target share) on a chart over fiscal years: one full-width
    line while every year shown has the same value, else a step over each year, since a new framework may set
    another. `label` is a TEXT key whose `{value}` is the rule's value ("Pass mark 90")."""
    rules = pd.DataFrame({"year": years, "value": values}).dropna().drop_duplicates("year")
    if rules.empty:
        return layout
    text = (lambda value: t(label).format(value=fmt.number(value))) if label else (lambda value: "")
    if rules["value"].nunique() == 1:
        return horizontal(layout, rules["value"].iat[0], text(rules["value"].iat[0]), dash=dash)
    for year, value in rules.itertuples(index=False):
        layout.setdefault("shapes", []).append(
            {
                "type": "line",
                "x0": year - 0.5,
                "x1": year + 0.5,
                "y0": value,
                "y1": value,
                "line": {"color": REFERENCE, "dash": dash, "width": 1},
            }
        )
    for value, first in rules.groupby("value", sort=False)["year"].min().items():
        layout.setdefault("annotations", []).append(
            {
                "x": first - 0.5,
                "y": value,
                "text": text(value),
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "top",
                "font": {"size": 11, "color": REFERENCE},
            }
        )
    return layout
