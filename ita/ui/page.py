"""Pieces every page uses: the title with its synthetic-data badge, key figures, empty states, definitions,
sections."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import streamlit as st

from ita.ui import filters
from ita.ui import format as fmt
from ita.ui.data import per_version, query
from ita.ui.filters import Filters
from ita.ui.labels import TEXT, lang, t

TAB_KEY = "tab"


def header(title_key: str, filters: Filters, *, badge: bool = True) -> None:
    """Page title, the scope in words, and (unless the page badges its own data) a badge whenever
    synthetic data is included."""
    st.title(t(title_key))
    scope = " · ".join(
        str(p)
        for p in (
            f"{t('year')} {filters.year}",
            filters.province,
            filters.district,
        )
        if p
    )
    st.caption(scope)
    if badge and filters.include_synthetic:
        st.badge(t("synthetic_badge"), icon=":material/science:", color="orange")
        st.caption(t("synthetic_note"))


def figures(values: list[tuple[str, str]]) -> None:
    """Key figures (label, value) in a row that wraps: on a phone, columns would stack them one to a line
    and fill the screen before the tabs."""
    with st.container(horizontal=True, gap="medium"):
        for label, value in values:
            st.metric(label, value, width="content")


def is_empty(data: pd.DataFrame, message: str | None = None) -> bool:
    """Show a sentence instead of a chart when the filters match nothing."""
    if data.empty:
        st.info(message or t("no_data"))
        return True
    return False


def definitions(fiscal_year: int) -> None:
    """Indicator names, instrument weights and grade bands of the year, one click away."""
    indicators, grades = _definitions(fiscal_year)
    with st.popover(t("definitions"), icon=":material/info:"):
        if indicators is None:
            st.write(
                "ปีนี้ใช้แบบประเมินเดิม (5 ดัชนี) มีเฉพาะคะแนนรวม"
                if lang() == "th"
                else "This year used the old five-index model: overall score only."
            )
        else:
            st.dataframe(indicators, hide_index=True)
        st.dataframe(grades, hide_index=True)


@per_version
def _definitions(fiscal_year: int) -> tuple[pa.Table | None, pa.Table]:
    """The year's indicators (None under the five-index model) and grade bands, as Arrow tables: a table
    handed to st.dataframe as Arrow is sent as it is, without converting a frame on every rerun."""
    framework = query("framework_definitions", fiscal_year=fiscal_year)
    grades = query("framework_grades", fiscal_year=fiscal_year)
    indicators = None
    if not framework.empty:
        name = "name_en" if lang() == "en" else "name_th"
        indicators = framework[["indicator_no", name, "instrument", "weight"]].rename(
            columns={"indicator_no": "#", name: t("indicator"), "instrument": "", "weight": "w"}
        )
        indicators = pa.Table.from_pandas(indicators, preserve_index=False)
    grades = grades.assign(min_score=grades["min_score"].map(fmt.score))
    return indicators, pa.Table.from_pandas(grades, preserve_index=False)


@dataclass(frozen=True)
class Section:
    """One tab of a page: its label (a key of labels.TEXT), the function that draws it, and the keys of
    widgets inside it whose values should outlive a visit to another tab."""

    label: str
    draw: Callable[[], None]
    keep: tuple[str, ...] = ()


def sections(*parts: Section) -> None:
    """Draw the page's sections as tabs and run only the open one; a click on another tab reruns the page.

    The browser pays for every element it is sent, on every load (a chart ~0.1 s of its main thread), so
    the other tabs are neither queried nor sent. The open tab is in the URL (?tab=label): a copied link
    reopens it.
    """
    stored = st.session_state.get(TAB_KEY)
    for part in parts:
        # A language switch relabels the tabs: keep the same one open. Written even when unchanged, or a
        # choice made while the key still belonged to another page's tabs would not reach this page's.
        if stored in TEXT[part.label]:
            st.session_state[TAB_KEY] = t(part.label)
        # the browser redraws a widget that comes back with its default unless the run sets its value
        filters.keep(part.keep)
    tabs = st.tabs([t(part.label) for part in parts], key=TAB_KEY, on_change="rerun", bind="query-params")
    for part, tab in zip(parts, tabs, strict=True):
        if tab.open:
            with tab:
                part.draw()
