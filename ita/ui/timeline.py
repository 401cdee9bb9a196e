"""A Gantt-like timeline of measures (start → end of each measure's period) on a B.E. date axis."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from ita.ui import charts, escape, labels
from ita.ui import format as fmt
from ita.ui.labels import t
from ita.ui.measures import STATUS_ORDER

TITLE_CHARS = 48


def be_ticks(start: date, end: date) -> tuple[list[date], list[str]]:
    """Month ticks between two dates labelled in Thai with B.E. years ("ต.ค. 2566"), sparser for long spans."""
    months = (end.year - start.year) * 12 + end.month - start.month
    step = 1 if months <= 8 else 3 if months <= 30 else 6 if months <= 72 else 12
    first = pd.Timestamp(start.year, start.month, 1)
    ticks = [d.date() for d in pd.date_range(first, pd.Timestamp(end), freq=f"{step}MS")]
    return ticks, [fmt.thai_month(d) for d in ticks]


def measures_figure(frame: pd.DataFrame) -> go.Figure:
    """One bar per measure with a known period, coloured by status; earliest at the top.

    `frame` needs fiscal_year, measure_no, title, status, start_date, end_date.
    """
    rows = frame.dropna(subset=["start_date", "end_date"]).sort_values(["fiscal_year", "measure_no"])
    several_years = rows["fiscal_year"].nunique() > 1
    # one agency's measures, a few dozen at most: plain Python costs less here than pandas per status
    measures = [
        {
            "status": status,
            "start": pd.Timestamp(start),
            "end": pd.Timestamp(end),
            "label": (f"{year} · " if several_years else "") + f"{no}. {escape.plotly(title, TITLE_CHARS)}",
        }
        for year, no, title, status, start, end in zip(
            rows["fiscal_year"],
            rows["measure_no"],
            rows["title"],
            rows["status"],
            rows["start_date"],
            rows["end_date"],
            strict=True,
        )
    ]
    traces = []
    for status in STATUS_ORDER:
        part = [m for m in measures if m["status"] == status]
        if not part:
            continue
        traces.append(
            {
                "type": "bar",
                "base": [m["start"] for m in part],
                # bar length in milliseconds on a date axis, at least a day
                "x": [max((m["end"] - m["start"]).days, 1) * 86_400_000 for m in part],
                "y": [m["label"] for m in part],
                "orientation": "h",
                "name": labels.status(status),
                "marker": {"color": charts.STATUS_COLORS[status]},
                "customdata": [(fmt.thai_date(m["start"]), fmt.thai_date(m["end"])) for m in part],
                "hovertemplate": "%{y}<br>%{customdata[0]} – %{customdata[1]}<extra>%{fullData.name}</extra>",
            }
        )
    xaxis = {"title": {"text": t("ag_period")}}
    if measures:
        first = min(m["start"] for m in measures)
        last = max(m["end"] for m in measures)
        ticks, texts = be_ticks(first.date(), last.date())
        xaxis |= {"type": "date", "tickvals": ticks, "ticktext": texts}
    order = list(dict.fromkeys(m["label"] for m in measures))
    layout = {
        "barmode": "overlay",
        "xaxis": xaxis,
        "yaxis": {"categoryorder": "array", "categoryarray": order[::-1]},
    }
    return charts.figure(traces, layout, height=max(260, 90 + 26 * len(order)))
