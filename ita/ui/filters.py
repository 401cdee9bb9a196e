"""Sidebar filters shared by every page and mirrored in the URL, so a copied link reopens the view.

URL parameters are read once per session, checked against the allowed values (anything else is
ignored, never passed on), then the widgets own the state and write the URL back on every run.
"""

from __future__ import annotations

import functools
import runpy
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from ita import geography
from ita.ui import labels
from ita.ui.data import per_version, query
from ita.ui.labels import t

FRAME = Path(__file__).resolve().parents[2] / "dashboard.py"
_KEYS = ("year", "province", "district", "type", "indicator", "agency")
# the filters whose option labels depend on the language
_RELABELLED = ("f_province", "f_district", "f_type", "f_indicator", "f_synthetic")


@dataclass(frozen=True)
class Filters:
    year: int
    province: str | None
    district: str | None
    agency_type: str | None
    indicator: int | None
    agency_id: int | None
    include_synthetic: bool

    def scope(self, *, year: bool = True) -> dict:
        """The parameters every scoped query takes ($fiscal_year, $province, $district, $agency_type…)."""
        params = {
            "province": self.province,
            "district": self.district,
            "agency_type": self.agency_type,
            "include_synthetic": self.include_synthetic,
        }
        if year:
            params["fiscal_year"] = self.year
        return params


def current() -> Filters:
    """The filters the frame drew on this run (pages call this)."""
    if "filters" not in st.session_state:
        _run_the_frame_instead()
    return st.session_state["filters"]


def _run_the_frame_instead() -> None:
    # On a fresh server Streamlit runs a deep-linked file of pages/ on its own, in its old multipage
    # mode, until some session has run dashboard.py's st.navigation (streamlit issue 9624). Run the
    # frame here instead: its st.navigation leaves that mode for good and routes the URL's page.
    runpy.run_path(str(FRAME), run_name="__main__")
    st.stop()


def old_style_run() -> bool:
    """Whether Streamlit is running this script as a page of an old-style multipage app.

    Until some session has run dashboard.py's st.navigation, a fresh process runs sessions as an old-style
    app of the pages/ folder (streamlit issue 9624). The frame then reruns at once: left alone, the session's
    next rerun would count as a change of page, which drops the sidebar's new values (the first year chosen
    after a start was ignored). Told by the call stack, since the process-wide switch may already have been
    flipped by another session's run while this one was starting.
    """
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code.co_name == "_mpa_v1":  # streamlit/runtime/scriptrunner/script_runner.py
            return True
        frame = frame.f_back
    return False


def available_years() -> list[int]:
    """The years that have assessments or measures, oldest first."""
    return _years(st.session_state.get("f_synthetic", True))[0]


def opening_year() -> int:
    """The year a session opens on: the newest with ITA results, since next year's measures are published
    before its assessment and would open every page on a year with nothing to chart."""
    return _years(st.session_state.get("f_synthetic", True))[1]


@per_version
def _years(include_synthetic: bool) -> tuple[list[int], int]:
    years = query("available_years", include_synthetic=include_synthetic)
    every = [int(y) for y in years["fiscal_year"]] or [2568]
    scored = years.loc[years["has_assessments"], "fiscal_year"]
    return every, int(scored.max()) if len(scored) else every[-1]


def _from_url(years: list[int]) -> None:
    """Copy valid URL parameters into widget state, once per session."""
    if st.session_state.get("_url_loaded"):
        return
    st.session_state["_url_loaded"] = True
    params = st.query_params
    if (year := params.get("year", "")).isdigit() and int(year) in years:
        st.session_state["f_year"] = int(year)
    if province := geography.province_named(params.get("province", "")):
        st.session_state["f_province"] = province
        if (district := params.get("district")) in geography.districts()[province]:
            st.session_state["f_district"] = district
    if params.get("type") in labels.AGENCY_TYPES:
        st.session_state["f_type"] = params["type"]
    if (indicator := params.get("indicator", "")).isdigit() and 1 <= int(indicator) <= 10:
        st.session_state["f_indicator"] = int(indicator)
    if (agency := params.get("agency", "")).isdigit():
        st.session_state["agency_id"] = int(agency)
    if params.get("synthetic") == "0":
        st.session_state["f_synthetic"] = False
    if params.get("lang") in ("th", "en"):
        st.session_state["lang"] = params["lang"]


def sidebar() -> Filters:
    """Draw the shared filters in the sidebar and return the user's choice."""
    years = available_years()
    if st.session_state.get("f_year") not in years:
        st.session_state["f_year"] = opening_year()
    _from_url(years)
    # An unset filter (None) shows its placeholder, not its "all" label, on the run a fresh process reruns
    # (see old_style_run), so every filter that can be unset has "all" as its placeholder too.
    # Only selectboxes: each further kind of widget makes the browser load and start one more component
    # on every page (a radio or a toggle adds about a tenth to drawing a page).
    with st.sidebar:
        st.selectbox(
            t("language"),
            ["th", "en"],
            key="lang",
            format_func={"th": "ไทย", "en": "English"}.get,
            on_change=keep,
            args=(_RELABELLED,),
        )
        year = st.selectbox(t("year"), sorted(years, reverse=True), key="f_year")
        province = st.selectbox(
            t("province"), _provinces(), key="f_province", format_func=_all_or, placeholder=t("all")
        )
        districts = geography.districts()[province] if province else []
        if st.session_state.get("f_district") not in districts:
            st.session_state["f_district"] = None
        district = st.selectbox(
            t("district"),
            [None, *districts],
            key="f_district",
            format_func=_all_or,
            disabled=not province,
            placeholder=t("all"),
        )
        agency_type = st.selectbox(
            t("agency_type"),
            [None, *labels.AGENCY_TYPES],
            key="f_type",
            format_func=lambda v: _all_or(v and labels.agency_type(v)),
            placeholder=t("all"),
        )
        indicator_names = _indicator_labels()
        indicator = st.selectbox(
            t("indicator"),
            [None, *range(1, 11)],
            key="f_indicator",
            format_func=lambda no: indicator_names.get(no, str(no)),
            placeholder=t("all"),
        )
        st.session_state.setdefault("f_synthetic", True)
        shown = {True: t("real_and_synthetic"), False: t("real_only")}
        include_synthetic = st.selectbox(
            t("data_shown"), [True, False], key="f_synthetic", format_func=shown.get
        )
    chosen = Filters(
        year=int(year),
        province=province,
        district=district,
        agency_type=agency_type,
        indicator=indicator,
        agency_id=st.session_state.get("agency_id"),
        include_synthetic=include_synthetic,
    )
    _to_url(chosen)
    return chosen


def choose_province(clicked: object) -> None:
    """Make the province a map tile was clicked on the filter (and so the URL's ?province=).

    Runs as the click's callback, before the next run draws the sidebar. `clicked` comes from the browser:
    only a [province code, …] list whose code is a real province changes anything.
    """
    code = clicked[0] if isinstance(clicked, list) and clicked else None
    province = geography.province_by_code().get(code) if isinstance(code, str) else None
    if province:
        st.session_state["f_province"] = province


def keep(keys: Iterable[str]) -> None:
    """Write these widgets' values back, so the next run draws them as they were chosen.

    Streamlit forgets the value of a widget that a run does not draw (a lazy tab), and keeps a keyed
    selectbox's value as its label: left alone after a language switch, "ทั้งหมด" would come back from the
    browser as the choice itself once the options read "All".
    """
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _to_url(f: Filters) -> None:
    wanted = {
        "year": str(f.year),
        "province": f.province,
        "district": f.district,
        "type": f.agency_type,
        "indicator": str(f.indicator) if f.indicator else None,
        "agency": str(f.agency_id) if f.agency_id else None,
        "synthetic": None if f.include_synthetic else "0",
        "lang": "en" if labels.lang() == "en" else None,
    }
    for key, value in wanted.items():
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != value:
            st.query_params[key] = value


@functools.cache
def _provinces() -> list[str | None]:
    return [None, *sorted(geography.provinces())]


def _all_or(value: str | None) -> str:
    return t("all") if value is None else value


@per_version
def _indicator_labels() -> dict[int | None, str]:
    """'All' and '9. การเปิดเผยข้อมูล' (or the English name) for each indicator of the filter."""
    names = query("indicator_names")
    return {None: t("all")} | {
        int(row.indicator_no): labels.indicator(row.indicator_no, row.name_th, row.name_en)
        for row in names.itertuples()
    }
