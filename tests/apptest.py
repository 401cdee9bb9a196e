"""Running the dashboard in Streamlit's AppTest, for the page tests: open a page on a tab, read its tables."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
from streamlit.testing.v1 import AppTest

from ita.ui.labels import TEXT
from ita.ui.page import TAB_KEY

ROOT = Path(__file__).resolve().parent.parent
OVERVIEW = "pages/overview.py"


def th(key: str) -> str:
    """A label in Thai, the dashboard's default language."""
    return TEXT[key][0]


def sql(path: Path, text: str, params: dict | None = None) -> list[tuple]:
    """An independent answer, straight from the database file."""
    with duckdb.connect(str(path.resolve()), read_only=True) as con:
        return con.execute(text, params or {}).fetchall()


def open_page(
    page: str = OVERVIEW, *, tab: str | None = None, secrets: dict | None = None, **url: str
) -> AppTest:
    """Run the dashboard with these URL parameters, then switch to `page` (the session keeps the filters),
    with the tab labelled TEXT[tab] open (the first tab without one).

    AppTest runs the frame (and its filters from the URL) only on the first run, which draws the overview.
    """
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.secrets.update(secrets or {})
    for key, value in url.items():
        at.query_params[key] = value
    label = TEXT[tab][url.get("lang") == "en"] if tab else None
    if label and page == OVERVIEW:
        at.session_state[TAB_KEY] = label
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page != OVERVIEW:
        if label:
            at.session_state[TAB_KEY] = label
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def open_tab(at: AppTest, tab: str) -> None:
    """Click the tab labelled TEXT[tab] (in Thai)."""
    at.session_state[TAB_KEY] = th(tab)
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def table(at: AppTest, column: str) -> pd.DataFrame:
    """The first table on the page that has this (Thai) column."""
    for frame in at.dataframe:
        if column in frame.value.columns:
            return frame.value
    raise AssertionError(f"no table with column {column!r}")


def figures(at: AppTest) -> list[dict]:
    """The Plotly figures the page drew (ita.ui.plot sends each as JSON to its component)."""
    drawn = [element.proto for element in at.get("bidi_component")]
    return [json.loads(json.loads(p.json)["figure"]) for p in drawn if p.component_name == "ita_plot"]


def trace_types(at: AppTest) -> set[str]:
    """The Plotly trace types of the figures the page drew."""
    return {trace["type"] for figure in figures(at) for trace in figure["data"]}
