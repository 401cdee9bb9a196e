"""Plotly figures drawn in the page by a small Streamlit component on plotly.js's cartesian bundle.

st.plotly_chart would load the full plotly.js on every page (see plotly_bundle.py); the figure is the same
Plotly JSON either way. The component's script is ours and static; figures reach it only as JSON data,
which plotly.js draws as SVG text, so document text is never markup here either. A chart drawn with
`on_click` sends back the customdata of a clicked point, as JSON, and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from ita.ui import plotly_bundle

_COMPONENT = st.components.v2.component(
    "ita_plot",
    js=Path(__file__).with_name("plot.js").read_text(encoding="utf-8"),
    # plotly.js styles its hover labels and mode bar from rules it adds to the document's head
    isolate_styles=False,
)


def _bundle_url() -> str:
    # an absolute path, so that it holds on every page's URL and behind a proxy's base path
    base = st.get_option("server.baseUrlPath").strip("/")
    return "/" + "/".join(part for part in (base, "app/static", plotly_bundle.served()) if part)


def draw(
    fig: go.Figure | str, *, key: str, filename: str, on_click: Callable[[object], None] | None = None
) -> None:
    """Draw `fig` (a figure, or its Plotly JSON made earlier) at the column's width; its camera button
    saves `filename`.png.

    With `on_click`, a click on a point calls on_click(that point's customdata) before the next run, when
    widget state may still change. The value comes from the browser, so on_click accepts only values it
    knows.
    """
    config = {"displaylogo": False, "responsive": False, "toImageButtonOptions": {"filename": filename}}
    data = {
        "figure": fig if isinstance(fig, str) else fig.to_json(),
        "config": config,
        "bundle": _bundle_url(),
    }
    if on_click is None:
        _COMPONENT(data=data, key=key)
        return
    _COMPONENT(
        data=data | {"clickable": True},
        key=key,
        on_click_change=lambda: on_click(st.session_state[key].get("click")),
    )
