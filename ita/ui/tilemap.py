"""The tile-grid map of Thailand: one equal tile per province, coloured by a measure of its agencies.

No openly licensed province boundary file is at hand, so each province is a square cell of a heatmap on
the grid of data/reference/province_grid.csv. Provinces without a value stay grey, so the country keeps
its shape. A tile's customdata starts with its province code, which a click hands back (plot.draw).
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from ita import geography, province_grid
from ita.ui import escape
from ita.ui import format as fmt
from ita.ui.charts import SEQUENTIAL, figure
from ita.ui.labels import lang, t

NO_DATA = "#e6e6e6"
HEIGHT = 760
# measures whose values are shares in 0–1, drawn and labelled as percentages
SHARES = frozenset({"pass_share"})


def figure_of(values: pd.DataFrame, measure: str, measure_label: str) -> go.Figure:
    """The map of `values` (queries/province_map, one row per province) coloured by its column `measure`."""
    tiles = province_grid.tiles()
    rows, columns = 1 + max(tile.row for tile in tiles), 1 + max(tile.column for tile in tiles)
    by_province = values.set_index("province")
    is_share = measure in SHARES
    grids = {name: [[None] * columns for _ in range(rows)] for name in ("z", "all", "data")}
    # labels: "" where a layer draws no tile, or plotly writes "null" there
    grids |= {name: [[""] * columns for _ in range(rows)] for name in ("text", "blank")}
    for tile in tiles:
        found = by_province.loc[tile.name_th] if tile.name_th in by_province.index else None
        value = None if found is None or _missing(found[measure]) else float(found[measure])
        shown = t("map_no_result") if value is None else fmt.percent(value) if is_share else fmt.score(value)
        count = 0 if found is None else int(found["count_agencies"])
        name = geography.english_names()[tile.province_code] if lang() == "en" else tile.name_th
        label = tile.abbr_en if lang() == "en" else tile.abbr_th
        at = (tile.row, tile.column)
        _put(grids["data"], at, [tile.province_code, escape.plotly(name), shown, fmt.count(count)])
        _put(grids["all"], at, 0)
        if value is None:
            _put(grids["blank"], at, label)
        else:
            _put(grids["z"], at, 100 * value if is_share else value)
            _put(grids["text"], at, label)
    hover = (
        f"%{{customdata[1]}}<br>{measure_label}: %{{customdata[2]}}"
        f"<br>{t('count_agencies')}: %{{customdata[3]}}<extra></extra>"
    )
    tile_cells = {
        "type": "heatmap",
        "xgap": 2,
        "ygap": 2,
        "hoverongaps": False,
        "customdata": grids["data"],
        "texttemplate": "%{text}",
        "hovertemplate": hover,
    }
    known = [v for line in grids["z"] for v in line if v is not None]
    traces = [
        # every province in grey underneath, so the country keeps its shape; those with a value on top
        tile_cells
        | {
            "z": grids["all"],
            "text": grids["blank"],
            "colorscale": [[0, NO_DATA], [1, NO_DATA]],
            "showscale": False,
        },
        tile_cells
        | {
            "z": grids["z"],
            "text": grids["text"],
            "colorscale": SEQUENTIAL,
            "zmin": min(known, default=0),
            "zmax": max(known, default=100),
            "colorbar": {
                "title": {"text": measure_label, "side": "top"},
                "ticksuffix": "%" if is_share else "",
                # in the top right corner, where the grid has no tiles (Laos lies there)
                "orientation": "h",
                "x": 1,
                "xanchor": "right",
                "y": 1,
                "yanchor": "top",
                "len": 0.45,
                "thickness": 12,
            },
        },
    ]
    hidden = {"visible": False, "fixedrange": True, "constrain": "domain"}
    layout = {
        "xaxis": hidden | {"range": [-0.5, columns - 0.5]},
        # square tiles, north at the top
        "yaxis": hidden | {"range": [rows - 0.5, -0.5], "scaleanchor": "x"},
        "showlegend": False,
    }
    return figure(traces, layout, height=HEIGHT)


def value_range(values: pd.DataFrame, measure: str) -> tuple[str, str]:
    """The lowest and highest value the colours span, as the hover shows them."""
    known = values[measure].dropna()
    if known.empty:
        return "–", "–"
    shown = fmt.percent if measure in SHARES else fmt.score
    return shown(float(known.min())), shown(float(known.max()))


def _put(grid: list[list], at: tuple[int, int], value: object) -> None:
    grid[at[0]][at[1]] = value


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
