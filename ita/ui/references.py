"""Reference lines on charts (pass mark, national target, method changes) as layout shapes and notes.

Each call appends to the layout dict of a figure being built (see charts.figure).
"""

from __future__ import annotations

from ita.ui.charts import REFERENCE


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
