"""Reference lines on charts (pass mark, national target, method changes) drawn as plain shapes.

Plotly's add_hline/add_vline cost several milliseconds each; a shape and an annotation cost a fraction,
which matters on pages that redraw every chart on every rerun.
"""

from __future__ import annotations

import plotly.graph_objects as go

from ita.ui.charts import REFERENCE


def vertical(fig: go.Figure, x: float, text: str = "", *, dash: str = "dot") -> go.Figure:
    """A full-height line at `x`, with `text` at its top right."""
    fig.add_shape(
        type="line", x0=x, x1=x, yref="paper", y0=0, y1=1, line={"color": REFERENCE, "dash": dash, "width": 1}
    )
    if text:
        fig.add_annotation(
            x=x,
            yref="paper",
            y=1,
            text=text,
            showarrow=False,
            xanchor="left",
            yanchor="top",
            align="left",
            font={"size": 11, "color": REFERENCE},
            bgcolor="rgba(255,255,255,0.85)",
        )
    return fig


def horizontal(fig: go.Figure, y: float, text: str = "", *, dash: str = "solid") -> go.Figure:
    """A full-width line at `y`, with `text` just below its left end."""
    fig.add_shape(
        type="line", xref="paper", x0=0, x1=1, y0=y, y1=y, line={"color": REFERENCE, "dash": dash, "width": 1}
    )
    if text:
        fig.add_annotation(
            xref="paper",
            x=0,
            y=y,
            text=text,
            showarrow=False,
            xanchor="left",
            yanchor="top",
            font={"size": 11, "color": REFERENCE},
        )
    return fig
