"""Agency profile: one agency's scores over the years, against its peers, its measures and their sources."""

import pandas as pd
import streamlit as st

from ita.ui import charts, display, documents, escape, filters, labels, page, profile, timeline, trends
from ita.ui import format as fmt
from ita.ui import measures as measure_view
from ita.ui.data import query
from ita.ui.labels import t

SEARCH_LIMIT = 50
TIMELINE_COLUMNS = ["fiscal_year", "measure_no", "title", "status", "start_date", "end_date", "document"]


def _choice(row: pd.Series) -> str:
    place = ", ".join(p for p in (row["district"], row["province"]) if isinstance(p, str))
    mark = f" · {t('synthetic_badge')}" if row["is_synthetic"] else ""
    return f"{row['name']} — {place or '–'}{mark}"


def _scores() -> None:
    """The overall score over the years, and this year's indicators against peers and province."""
    if page.is_empty(history, t("ag_no_scores")):
        return
    st.subheader(t("ag_trend"))
    bands = query("grade_bands")
    charts.show(
        trends.agency_score_chart(history, bands),
        display.table(
            history,
            {
                "fiscal_year": "year",
                "score": "score",
                "grade_label": "grade",
                "iit": "col_iit",
                "eit": "col_eit",
                "oit": "col_oit",
                "computed_score": "ag_computed",
                "document": "col_document",
                "source_line": "col_lines",
            },
        ),
        f"agency_{chosen}_trend",
    )
    for note in trends.change_notes(history, bands):
        st.caption(note)
    if history["is_score_mismatch"].any():
        years = ", ".join(str(y) for y in history.loc[history["is_score_mismatch"], "fiscal_year"])
        st.caption(t("ag_mismatch").format(years=years))

    st.subheader(t("ag_indicators").format(year=f.year))
    indicators = query(
        "agency_indicators", agency_id=chosen, fiscal_year=f.year, include_synthetic=f.include_synthetic
    )
    if page.is_empty(indicators, t("ag_no_indicators").format(year=f.year)):
        return
    indicators["indicator"] = display.indicator_names(indicators)
    charts.show(
        profile.indicators_dots(indicators, indicators["indicator"]),
        display.table(
            indicators,
            {
                "indicator": "indicator",
                "instrument": "instrument",
                "score": "score",
                "peer_median": "peer_median",
                "count_peers": "count_peers",
                "province_median": "ag_province_median",
                "count_province": "ag_count_province",
                "document": "col_document",
            },
        ),
        f"agency_{chosen}_indicators_{f.year}",
    )
    st.caption(
        t("ag_peer_note").format(
            peers=fmt.count(indicators["count_peers"].max()),
            province=fmt.count(indicators["count_province"].max()),
        )
    )


def _instruments() -> None:
    """IIT, EIT and OIT over the years, against the peer median."""
    st.subheader(t("ag_instruments"))
    instruments = query("agency_instruments", agency_id=chosen, include_synthetic=f.include_synthetic)
    if page.is_empty(instruments, t("ag_no_scores")):
        return
    charts.show(
        profile.instruments_lines(instruments),
        display.table(
            instruments,
            {
                "fiscal_year": "year",
                "instrument": "instrument",
                "score": "score",
                "peer_median": "peer_median",
                "count_peers": "count_peers",
            },
        ),
        f"agency_{chosen}_instruments",
    )


def _measures() -> None:
    """Measures: status by year, their periods in one year, the list."""
    st.subheader(t("ag_measures"))
    status = query("agency_measure_status", agency_id=chosen)
    if page.is_empty(status, t("ag_no_measures")):
        return
    charts.show(
        profile.status_by_year(status),
        display.table(
            status.assign(status=status["status"].map(labels.status)),
            {"fiscal_year": "year", "status": "col_status", "count_measures": "ft_count_measures"},
        ),
        f"agency_{chosen}_measure_status",
    )
    measures = query("agency_measures", agency_id=chosen)
    st.markdown(f"**{t('ag_timeline')}**")
    years = sorted(measures["fiscal_year"].unique(), reverse=True)
    st.session_state.setdefault(timeline_key, f.year if f.year in years else years[0])
    year = st.segmented_control(t("year"), years, key=timeline_key)
    of_year = measures[measures["fiscal_year"] == (year or years[0])]
    dated = of_year.dropna(subset=["start_date", "end_date"])
    if not page.is_empty(dated, t("ag_no_periods")):
        charts.show(
            timeline.measures_figure(dated),
            measure_view.table(dated[[*TIMELINE_COLUMNS, "first_line", "last_line"]]),
            f"agency_{chosen}_timeline_{year}",
        )
    if len(dated) < len(of_year):
        st.caption(t("ag_undated").format(count=len(of_year) - len(dated)))
    st.markdown(f"**{t('ag_measure_list')}**")
    st.dataframe(measure_view.table(measures), hide_index=True, width="stretch")


def _documents() -> None:
    """The documents behind every figure."""
    st.subheader(t("ag_documents"))
    sources = query("agency_documents", agency_id=chosen)
    if not page.is_empty(sources):
        st.dataframe(documents.table(sources), hide_index=True, width="stretch")


f = filters.current()
page.header("agency", f)

# --- choose the agency: type part of its name, pick one of the matches -----------------------------
search = st.text_input(t("ag_search"), key="ag_search", placeholder=t("ag_search_hint")).strip()
choices: dict[int, str] = {}
if f.agency_id is not None:
    current = query("agency_profile", agency_id=f.agency_id)
    if not current.empty:
        choices[f.agency_id] = _choice(current.iloc[0])
if search:
    matches = query("agency_search", search=search, include_synthetic=f.include_synthetic)
    for _, row in matches.iterrows():
        choices.setdefault(int(row["agency_id"]), _choice(row))
    if matches.empty:
        st.caption(t("ag_no_match"))
    elif len(matches) == SEARCH_LIMIT:
        st.caption(t("ag_first_matches").format(count=SEARCH_LIMIT))
options = list(choices)
chosen = st.selectbox(
    t("agency_name"),
    options,
    index=options.index(f.agency_id) if f.agency_id in choices else None,
    format_func=choices.get,
    placeholder=t("ag_pick"),
)
if chosen is not None and chosen != st.session_state.get("agency_id"):
    st.session_state["agency_id"] = chosen  # the frame writes it to the URL (?agency=) on the rerun
    st.rerun()
if chosen is None:
    st.info(t("ag_pick_prompt"))
    st.stop()

agency = query("agency_profile", agency_id=chosen).iloc[0]
if agency["is_synthetic"] and not f.include_synthetic:
    st.info(t("ag_synthetic_hidden"))
    st.stop()

# --- who ----------------------------------------------------------------------------------------
st.header(escape.markdown(agency["name"]), divider="gray")
place = [labels.agency_type(agency["agency_type"]), agency["district"], agency["province"]]
st.caption(" · ".join(escape.markdown(p) for p in place if isinstance(p, str)))
if agency["is_synthetic"]:
    st.badge(t("synthetic_badge"), icon=":material/science:", color="orange")
else:
    st.badge(t("ag_real_badge"), icon=":material/description:", color="green")
if isinstance(agency["other_spellings"], str):
    st.caption(f"{t('ag_other_spellings')}: {escape.markdown(agency['other_spellings'])}")
if agency["is_province_inferred"]:
    st.caption(t("ag_province_inferred"))
page.definitions(f.year)

# --- the score at a glance, above the tabs -------------------------------------------------------
history = query("agency_trend", agency_id=chosen)
if not history.empty:  # the Scores tab says when there is none
    this_year = history[history["fiscal_year"] == f.year]
    earlier = history[history["fiscal_year"] < f.year]
    columns = st.columns(3)
    if this_year.empty:
        columns[0].metric(f"{t('score')} {f.year}", "–")
    else:
        row = this_year.iloc[0]
        change = row["score"] - earlier["score"].iat[-1] if not earlier.empty else None
        columns[0].metric(f"{t('score')} {f.year}", fmt.score(row["score"]), fmt.delta(change))
        columns[1].metric(t("grade"), row["grade_label"] if isinstance(row["grade_label"], str) else "–")
    columns[2].metric(t("ag_years_assessed"), fmt.count(len(history)))

timeline_key = f"ag_timeline_year_{chosen}"
page.sections(
    page.Section("ag_tab_scores", _scores),
    page.Section("ag_tab_instruments", _instruments),
    page.Section("ag_tab_measures", _measures, keep=(timeline_key,)),
    page.Section("ag_tab_documents", _documents),
)
