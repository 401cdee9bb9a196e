"""Chart conventions: one colour-blind-safe palette, a Thai font, and every chart also as a table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pyarrow as pa
import streamlit as st

from ita.ui import plot
from ita.ui.labels import t

# the palette lives in palette.py, which the printable brief uses outside Streamlit; charts keep offering it
from ita.ui.palette import ACCENT as ACCENT
from ita.ui.palette import FONT, TEXT_COLOR
from ita.ui.palette import GRADE_COLORS as GRADE_COLORS
from ita.ui.palette import INSTRUMENT_COLORS as INSTRUMENT_COLORS
from ita.ui.palette import REFERENCE as REFERENCE
from ita.ui.palette import SEQUENTIAL as SEQUENTIAL
from ita.ui.palette import STATUS_COLORS as STATUS_COLORS

# plotly_white, with trace defaults only for the trace types the dashboard draws: every figure carries
# its template to the browser, and the full one is twice the size of a typical chart's own data.
_WHITE = pio.templates["plotly_white"]
pio.templates["ita"] = go.layout.Template(
    layout=_WHITE.layout, data={kind: _WHITE.data[kind] for kind in ("bar", "box", "heatmap", "scatter")}
)
pio.templates.default = "ita"
MARGIN = {"l": 10, "r": 10, "t": 40, "b": 10}
LEGEND = {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0}


def figure(traces: list[dict], layout: dict | None = None, *, height: int = 360) -> go.Figure:
    """A figure in the common style (Thai-capable font, compact margins, legend on top) from plain dicts.

    Traces and layout use Plotly's own attribute names. Built without graph_objects' per-attribute
    validation, which costs 20–70 ms a chart (and grows quadratically with shapes); the dicts cost ~1 ms.
    """
    layout = dict(layout or {})
    layout["legend"] = {**layout.get("legend", {}), **LEGEND}
    layout |= {"font": {"family": FONT, "color": TEXT_COLOR}, "height": height, "margin": MARGIN}
    # plain lists: plotly inspects and re-encodes every pandas or numpy array when the figure is sent
    traces = [{key: _plain(value) for key, value in trace.items()} for trace in traces]
    return go.Figure({"data": traces, "layout": layout}, _validate=False)


def _plain(value: object) -> object:
    return value.tolist() if isinstance(value, pd.Series | pd.Index | np.ndarray) else value


@dataclass(frozen=True)
class Chart:
    """A chart ready to draw: its figure as Plotly JSON and the table behind it, also as Arrow (what
    st.dataframe sends; given a frame it converts it on every rerun). Sections build these in functions
    cached per database version (ita.ui.data.per_version), so a rerun only sends them."""

    figure: str
    data: pd.DataFrame
    table: pa.Table
    name: str


def chart(fig: go.Figure, data: pd.DataFrame, name: str) -> Chart:
    return Chart(fig.to_json(), data, pa.Table.from_pandas(data, preserve_index=False), name)


def show(
    fig: go.Figure | Chart,
    data: pd.DataFrame | None = None,
    name: str | None = None,
    *,
    on_click: Callable[[object], None] | None = None,
) -> None:
    """Draw a chart with its numbers one click away: a table view and a CSV download.

    The table sits in a popover, which the browser draws only when opened (an expander draws its
    tables even when closed, and loading the table component alone costs a page ~0.3 s).
    `on_click` receives the customdata of a clicked point (see plot.draw).
    """
    shown = data
    if isinstance(fig, Chart):
        fig, data, shown, name = fig.figure, fig.data, fig.table, fig.name
    plot.draw(fig, key=f"plot_{name}", filename=name, on_click=on_click)
    with st.popover(t("show_table"), icon=":material/table:"):
        st.dataframe(shown, hide_index=True, width="stretch")
        st.download_button(
            t("download_csv"),
            # made on click, not on every rerun
            lambda: data.to_csv(index=False).encode("utf-8-sig"),
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"csv_{name}",
            on_click="ignore",
        )
