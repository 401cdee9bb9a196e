"""Pieces every page uses: the title with its synthetic-data badge, empty states, definitions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ita.ui import format as fmt
from ita.ui.data import query
from ita.ui.filters import Filters
from ita.ui.labels import lang, t


def header(title_key: str, filters: Filters) -> None:
    """Page title, the scope in words, and a badge whenever synthetic data is included."""
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
    if filters.include_synthetic:
        st.badge(t("synthetic_badge"), icon=":material/science:", color="orange")
        st.caption(t("synthetic_note"))


def is_empty(data: pd.DataFrame, message: str | None = None) -> bool:
    """Show a sentence instead of a chart when the filters match nothing."""
    if data.empty:
        st.info(message or t("no_data"))
        return True
    return False


def definitions(fiscal_year: int) -> None:
    """Indicator names, instrument weights and grade bands of the year, one click away."""
    with st.popover(t("definitions"), icon=":material/info:"):
        framework = query("framework_definitions", fiscal_year=fiscal_year)
        grades = query("framework_grades", fiscal_year=fiscal_year)
        if framework.empty:
            st.write(
                "ปีนี้ใช้แบบประเมินเดิม (5 ดัชนี) มีเฉพาะคะแนนรวม"
                if lang() == "th"
                else "This year used the old five-index model: overall score only."
            )
        else:
            name = "name_en" if lang() == "en" else "name_th"
            shown = framework[["indicator_no", name, "instrument", "weight"]].rename(
                columns={"indicator_no": "#", name: t("indicator"), "instrument": "", "weight": "w"}
            )
            st.dataframe(shown, hide_index=True)
        st.dataframe(
            grades.assign(min_score=grades["min_score"].map(fmt.score)),
            hide_index=True,
        )
