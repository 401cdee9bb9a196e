"""Agency profile: one agency's scores over the years, against its peers, its measures and their sources."""

from functools import partial

import pandas as pd
import streamlit as st

from ita.ui import charts, display, documents, escape, filters, labels, page, profile, timeline, trends
from ita.ui import format as fmt
from ita.ui import measures as measure_view
from ita.ui.data import per_version, query
from ita.ui.filters import Filters
from ita.ui.labels import t

SEARCH_LIMIT = 50
TIMELINE_COLUMNS = ["fiscal_year", "measure_no", "title", "status", "start_date", "end_date", "document"]


def _choice(row: pd.Series) -> str:
    place = ", ".join(p for p in (row["district"], row["province"]) if isinstance(p, str))
    mark = f" · {t('synthetic_badge')}" if row["is_synthetic"] else ""
    return f"{row['name']} — {place or '–'}{mark}"


def _choose(f: Filters) -> int | None:
    """Type part of a name, pick one of the matches; the agency of the URL stays offered."""
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
    return st.selectbox(
        t("agency_name"),
        options,
        index=options.index(f.agency_id) if f.agency_id in choices else None,
        format_func=choices.get,
        placeholder=t("ag_pick"),
    )


def _who(agency: pd.Series, year: int) -> None:
    """Name, type and place, a badge saying whether this agency's own data is real or synthetic, and the
    definitions of the year shown."""
    st.header(escape.markdown(agency["name"]), divider="gray")
    place = [labels.agency_type(agency["agency_type"]), agency["district"], agency["province"]]
    st.caption(" · ".join(escape.markdown(p) for p in place if isinstance(p, str)))
    if agency["is_synthetic"]:
        st.badge(t("synthetic_badge"), icon=":material/science:", color="orange")
        st.caption(t("synthetic_note"))
    else:
        st.badge(t("ag_real_badge"), icon=":material/description:", color="green")
    if isinstance(agency["other_spellings"], str):
        st.caption(f"{t('ag_other_spellings')}: {escape.markdown(agency['other_spellings'])}")
    if agency["is_province_inferred"]:
        st.caption(t("ag_province_inferred"))
    page.definitions(year)


def _year_shown(history: pd.DataFrame, chosen_year: int) -> int:
    """The chosen year when the agency has a result in it, else its latest result's year."""
    years = set(history["fiscal_year"].tolist())
    return chosen_year if chosen_year in years or not years else max(years)


def _at_a_glance(agency_id: int, year: int) -> None:
    """The score and grade of `year` against the result before it, and how many years were assessed."""
    score, change, grade, count_years = _glance(agency_id, year)
    columns = st.columns(3)
    if score is not None:
        columns[0].metric(f"{t('score')} {year}", fmt.score(score), fmt.delta(change))
        columns[1].metric(t("grade"), grade or "–")
    columns[2].metric(t("ag_years_assessed"), fmt.count(count_years))


@per_version
def _glance(agency_id: int, year: int) -> tuple[float | None, float | None, str | None, int]:
    """The score of `year`, its change from the result before, its grade, and the count of years assessed."""
    history = query("agency_trend", agency_id=agency_id)
    this_year = history[history["fiscal_year"] == year]
    earlier = history[history["fiscal_year"] < year]
    if this_year.empty:
        return None, None, None, len(history)
    row = this_year.iloc[0]
    change = row["score"] - earlier["score"].iat[-1] if not earlier.empty else None
    grade = row["grade_label"] if isinstance(row["grade_label"], str) else None
    return row["score"], change, grade, len(history)


@per_version
def _trend(agency_id: int) -> tuple[charts.Chart, list[str], list[int]]:
    """The overall score over the years on the grade bands, notes on grade scheme changes, mismatch years."""
    history = query("agency_trend", agency_id=agency_id)
    bands = query("grade_bands")
    chart = charts.chart(
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
        f"agency_{agency_id}_trend",
    )
    mismatches = history.loc[history["is_score_mismatch"], "fiscal_year"].tolist()
    return chart, trends.change_notes(history, bands), mismatches


@per_version
def _indicators(agency_id: int, year: int, include_synthetic: bool) -> tuple[charts.Chart, int, int] | None:
    """One year's indicators against peers and province, and how many peers and province agencies."""
    indicators = query(
        "agency_indicators", agency_id=agency_id, fiscal_year=year, include_synthetic=include_synthetic
    )
    if indicators.empty:
        return None
    indicators["indicator"] = display.indicator_names(indicators)
    chart = charts.chart(
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
        f"agency_{agency_id}_indicators_{year}",
    )
    return chart, int(indicators["count_peers"].max()), int(indicators["count_province"].max())


def _scores(agency_id: int, history: pd.DataFrame, year: int, include_synthetic: bool) -> None:
    """The overall score over the years, and one year's indicators against peers and province."""
    if page.is_empty(history, t("ag_no_scores")):
        return
    st.subheader(t("ag_trend"))
    chart, notes, mismatches = _trend(agency_id)
    charts.show(chart)
    for note in notes:
        st.caption(note)
    if mismatches:
        st.caption(t("ag_mismatch").format(years=", ".join(str(y) for y in mismatches)))

    st.subheader(t("ag_indicators").format(year=year))
    indicators = _indicators(agency_id, year, include_synthetic)
    if indicators is None:
        st.info(t("ag_no_indicators").format(year=year))
        return
    chart, peers, province = indicators
    charts.show(chart)
    st.caption(t("ag_peer_note").format(peers=fmt.count(peers), province=fmt.count(province)))


def _instruments(agency_id: int, include_synthetic: bool) -> None:
    """IIT, EIT and OIT over the years, against the peer median."""
    st.subheader(t("ag_instruments"))
    instruments = query("agency_instruments", agency_id=agency_id, include_synthetic=include_synthetic)
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
        f"agency_{agency_id}_instruments",
    )


def _measures(agency_id: int, year: int, timeline_key: str) -> None:
    """Measures: status by year, their periods in one year (the chosen one when it has measures), the list."""
    st.subheader(t("ag_measures"))
    status = query("agency_measure_status", agency_id=agency_id)
    if page.is_empty(status, t("ag_no_measures")):
        return
    charts.show(
        profile.status_by_year(status),
        display.table(
            status.assign(status=status["status"].map(labels.status)),
            {"fiscal_year": "year", "status": "col_status", "count_measures": "ft_count_measures"},
        ),
        f"agency_{agency_id}_measure_status",
    )
    measures = query("agency_measures", agency_id=agency_id)
    st.markdown(f"**{t('ag_timeline')}**")
    years = sorted(measures["fiscal_year"].unique(), reverse=True)
    st.session_state.setdefault(timeline_key, year if year in years else years[0])
    chosen = st.segmented_control(t("year"), years, key=timeline_key)
    of_year = measures[measures["fiscal_year"] == (chosen or years[0])]
    dated = of_year.dropna(subset=["start_date", "end_date"])
    if not page.is_empty(dated, t("ag_no_periods")):
        charts.show(
            timeline.measures_figure(dated),
            measure_view.table(
                dated[[*TIMELINE_COLUMNS, "first_line", "last_line", "first_page", "last_page"]]
            ),
            f"agency_{agency_id}_timeline_{chosen}",
        )
    if len(dated) < len(of_year):
        st.caption(t("ag_undated").format(count=len(of_year) - len(dated)))
    st.markdown(f"**{t('ag_measure_list')}**")
    st.dataframe(measure_view.table(measures), hide_index=True, width="stretch")


def _documents(agency_id: int) -> None:
    """The documents behind every figure."""
    st.subheader(t("ag_documents"))
    sources = query("agency_documents", agency_id=agency_id)
    if not page.is_empty(sources):
        st.dataframe(documents.table(sources), hide_index=True, width="stretch")
        for original in documents.paged_originals(sources):
            st.download_button(
                t("doc_original").format(name=escape.markdown(original.name), where=original.where),
                original.path.read_bytes(),
                file_name=original.name,
                mime=original.mime,
                key=f"original_{original.sha256}",
            )


f = filters.current()
# no page-wide badge: the agency's own data decides its badge (_who)
page.header("agency", f, badge=False)
chosen = _choose(f)
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
history = query("agency_trend", agency_id=chosen)
year = _year_shown(history, f.year)
_who(agency, year)
if year != f.year:
    st.info(t("ag_no_result_year").format(year=f.year, latest=year))
if not history.empty:  # the Scores tab says when there is none
    _at_a_glance(chosen, year)

timeline_key = f"ag_timeline_year_{chosen}"
page.sections(
    page.Section("ag_tab_scores", partial(_scores, chosen, history, year, f.include_synthetic)),
    page.Section("ag_tab_instruments", partial(_instruments, chosen, f.include_synthetic)),
    page.Section("ag_tab_measures", partial(_measures, chosen, f.year, timeline_key), keep=(timeline_key,)),
    page.Section("ag_tab_documents", partial(_documents, chosen)),
)
