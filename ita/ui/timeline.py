"""A Gantt-like timeline of measures (start → end of each measure's period) on a B.E. date axis."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from ita.ui import charts, escape, labels
from ita.ui import format as fmt
from ita.ui.format import THAI_MONTHS_SHORT
from ita.ui.labels import t
from ita.ui.measures import STATUS_ORDER

TITLE_CHARS = 48


def be_ticks(start: date, end: date) -> tuple[list[date], list[str]]:
    """Month ticks between two dates labelled in Thai with B.E. years ("ต.ค. 2566"), sparser for long spans."""
    months = (end.year - start.year) * 12 + end.month - start.month
    step = 1 if months <= 8 else 3 if months <= 30 else 6 if months <= 72 else 12
    first = pd.Timestamp(start.year, start.month, 1)
    ticks = [d.date() for d in pd.date_range(first, pd.Timestamp(end), freq=f"{step}MS")]
    return ticks, [f"{THAI_MONTHS_SHORT[d.month - 1]} {d.year + 543}" for d in ticks]


def measures_figure(frame: pd.DataFrame) -> go.Figure:
    """One bar per measure with a known period, coloured by status; earliest at the top.

    `frame` needs fiscal_year, measure_no, title, status, start_date, end_date.
    """
    rows = frame.dropna(subset=["start_date", "end_date"]).sort_values(["fiscal_year", "measure_no"])
    several_years = rows["fiscal_year"].nunique() > 1
    rows = rows.assign(
        start_date=pd.to_datetime(rows["start_date"]),
        end_date=pd.to_datetime(rows["end_date"]),
        label=[
            (f"{year} · " if several_years else "") + f"{no}. {escape.plotly(title, TITLE_CHARS)}"
            for year, no, title in zip(rows["fiscal_year"], rows["measure_no"], rows["title"], strict=True)
        ],
    )
    traces = []
    for status in STATUS_ORDER:
        part = rows[rows["status"] == status]
        if part.empty:
            continue
        days = (part["end_date"] - part["start_date"]).dt.days.clip(lower=1)
        traces.append(
            {
                "type": "bar",
                "base": part["start_date"],
                "x": days * 86_400_000,  # bar length in milliseconds on a date axis
                "y": part["label"],
                "orientation": "h",
                "name": labels.status(status),
                "marker": {"color": charts.STATUS_COLORS[status]},
                "customdata": list(
                    zip(
                        part["start_date"].map(fmt.thai_date),
                        part["end_date"].map(fmt.thai_date),
                        strict=True,
                    )
                ),
                "hovertemplate": "%{y}<br>%{customdata[0]} – %{customdata[1]}<extra>%{fullData.name}</extra>",
            }
        )
    xaxis = {"title": {"text": t("ag_period")}}
    if not rows.empty:
        ticks, texts = be_ticks(rows["start_date"].min().date(), rows["end_date"].max().date())
        xaxis |= {"type": "date", "tickvals": ticks, "ticktext": texts}
    order = list(dict.fromkeys(rows["label"]))
    layout = {
        "barmode": "overlay",
        "xaxis": xaxis,
        "yaxis": {"categoryorder": "array", "categoryarray": order[::-1]},
    }
    return charts.figure(traces, layout, height=max(260, 90 + 26 * len(order)))
