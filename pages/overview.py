"""Overview for executives: the chosen year at a glance, results over time against national figures, the map
of provinces, the indicators where the scope is weakest and the agencies that need attention."""

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from ita import brief, geography
from ita.ui import attention, bars, charts, display, filters, page, tilemap, trends
from ita.ui import format as fmt
from ita.ui.data import per_version, query
from ita.ui.filters import Filters
from ita.ui.labels import lang, t

MAX_ATTENTION_ROWS = 1000


def _headline(f: Filters, trend: pd.DataFrame) -> None:
    """The chosen year's agencies, mean and share passing against the year before and the national target."""
    current = trend[trend["fiscal_year"] == f.year]
    previous = trend[trend["fiscal_year"] == f.year - 1]
    if page.is_empty(current, t("no_data_year")):
        return
    now = current.iloc[0]
    before = previous.iloc[0] if len(previous) else None
    since = f"{t('vs_year')} {f.year - 1}" if before is not None else None
    count, mean, share, target = st.columns(4)
    count.metric(
        t("count_agencies"),
        fmt.count(now["count_agencies"]),
        delta=None if before is None else f"{int(now['count_agencies'] - before['count_agencies']):+,}",
        delta_color="off",
        delta_description=since,
        border=True,
    )
    mean.metric(
        t("mean_score"),
        fmt.score(now["mean_score"]),
        delta=None if before is None else fmt.delta(now["mean_score"] - before["mean_score"]),
        delta_description=since,
        border=True,
    )
    share.metric(
        t("pass_share").format(pass_mark=fmt.number(now["pass_mark"])),
        fmt.percent(now["pass_share"]),
        delta=None
        if before is None
        else f"{100 * (now['pass_share'] - before['pass_share']):+.1f} {t('pp')}",
        delta_description=since,
        border=True,
    )
    rule = {"target": fmt.number(100 * now["pass_share_target"]), "pass_mark": fmt.number(now["pass_mark"])}
    target.metric(
        t("vs_target").format(**rule),
        f"{100 * (now['pass_share'] - now['pass_share_target']):+.1f} {t('pp')}",
        help=t("vs_target_help").format(**rule),
        border=True,
    )
    page.definitions(f.year)


def _brief_download(f: Filters) -> None:
    """The chosen province's printable brief (ita/brief), made when the button is clicked."""
    language = lang()
    st.download_button(
        t("brief_download"),
        lambda: brief.html(
            query, f.province, f.year, lang=language, include_synthetic=f.include_synthetic
        ).encode("utf-8"),
        file_name=f"ita_brief_{geography.provinces()[f.province]}_{f.year}.html",
        mime="text/html",
        icon=":material/print:",
        on_click="ignore",
    )


@per_version
def _years_charts(**scope: object) -> tuple[charts.Chart, charts.Chart, list[int]]:
    """Mean score and share passing year by year against the national figures, and the thin years."""
    trend = query("score_trend", **scope)
    national = query("national_results")
    changes = query("method_changes")
    with_national = trend.merge(national, on="fiscal_year", how="left", suffixes=("", "_national"))
    mean = charts.chart(
        trends.mean_score_chart(trend, national, changes),
        display.table(
            with_national,
            {
                "fiscal_year": "year",
                "count_agencies": "count_agencies",
                "mean_score": "scope_mean",
                "mean_score_national": "national_mean",
            },
        ),
        "mean_score_by_year",
    )
    share = charts.chart(
        trends.pass_share_chart(trend, national, changes),
        display.table(
            with_national,
            {
                "fiscal_year": "year",
                "count_passing": "count",
                "pass_share": "scope_pass_share",
                "pass_share_national": "national_pass_share",
            },
            percent=("pass_share", "pass_share_national"),
        ),
        "pass_share_by_year",
    )
    return mean, share, trend.loc[trends.thin_years(trend), "fiscal_year"].tolist()


def _over_the_years(f: Filters) -> None:
    """Mean score and share passing, year by year, against the national figures; thin years off the line."""
    mean, share, thin = _years_charts(**f.scope(year=False))
    left, right = st.columns(2)
    with left:
        st.subheader(t("trend_mean"))
        charts.show(mean)
    with right:
        st.subheader(t("trend_pass_share"))
        charts.show(share)
    if thin:
        st.caption(t("thin_years_note").format(years=", ".join(str(year) for year in thin)))
    st.caption(t("national_source"))


def _map(f: Filters) -> None:
    """Every province as one tile, coloured by the chosen measure; a click chooses the province."""
    st.subheader(t("map_title").format(year=f.year))
    values = query(
        "province_map",
        fiscal_year=f.year,
        agency_type=f.agency_type,
        include_synthetic=f.include_synthetic,
        indicator=f.indicator,
    )
    if page.is_empty(values, t("no_data_year")):
        return
    measures = {
        "mean_score": t("mean_score"),
        "pass_share": t("pass_share").format(pass_mark=fmt.number(values["pass_mark"].max())),
    }
    if f.indicator:
        measures["indicator_mean"] = t("map_indicator_mean").format(no=f.indicator)
    if st.session_state.get("ov_map_measure") not in measures:
        st.session_state["ov_map_measure"] = "indicator_mean" if f.indicator else "mean_score"
    measure = st.segmented_control(
        t("map_colour_by"), list(measures), key="ov_map_measure", format_func=measures.get, required=True
    )
    table = values[["province", "count_agencies", "mean_score", "pass_share", "indicator_mean"]].assign(
        pass_share=100 * values["pass_share"]
    )
    table = table.round(2).rename(
        columns={"province": t("province"), "count_agencies": t("count_agencies")} | measures
    )
    if not f.indicator:
        table = table.drop(columns="indicator_mean")
    charts.show(
        tilemap.figure_of(values, measure, measures[measure]),
        table,
        "province_map",
        on_click=filters.choose_province,
    )
    low, high = tilemap.value_range(values, measure)
    st.caption(t("map_note").format(low=low, high=high))
    st.caption(t("map_grid_source"))


def _grades(f: Filters) -> None:
    """Grades and pass labels, year by year."""
    st.subheader(t("grade_distribution"))
    distribution = query("grade_distribution", **f.scope(year=False))
    if page.is_empty(distribution):
        return
    changes = query("method_changes")
    charts.show(
        trends.grade_distribution_chart(distribution, changes),
        display.table(
            distribution,
            {"fiscal_year": "year", "label": "label", "count_agencies": "count", "share": "share_percent"},
            percent=("share",),
        ),
        "grade_distribution",
    )


def _weakest(f: Filters) -> None:
    """The indicators where the scope is weakest in the chosen year."""
    st.subheader(f"{t('weakest_indicators')} · {f.year}")
    weakest = query("weakest_indicators", **f.scope())
    if page.is_empty(weakest, t("no_indicators_year")):
        return
    weakest["indicator"] = display.indicator_names(weakest)
    charts.show(
        bars.indicator_bars(
            weakest, "mean_score", axis_title=t("mean_score"), reference=weakest["pass_mark"].max()
        ),
        display.table(
            weakest,
            {
                "indicator": "indicator",
                "instrument": "instrument",
                "mean_score": "mean_score",
                "median_score": "median_score",
                "share_below_pass": "share_below_pass",
            },
            percent=("share_below_pass",),
        ),
        "weakest_indicators",
    )


def _attention(f: Filters, today: date) -> None:
    """The agencies to call: counts by reason, then the list, sortable, each row linking to the agency."""
    st.subheader(t("att_title").format(year=f.year))
    rows = query("attention_list", **f.scope(), as_of=today)
    if page.is_empty(rows, t("att_none")):
        return
    # the counts by reason are the choices of the filter above the list: one line, on a phone too
    counted = attention.counts(rows)
    reason = st.pills(
        t("att_counts"),
        list(counted),
        key="ov_attention_reason",
        format_func=lambda r: f"{t(f'reason_{r}')} · {fmt.count(counted[r])}",
    )
    chosen = rows[rows["reason"] == reason] if reason else rows
    if len(chosen) > MAX_ATTENTION_ROWS:
        st.caption(t("att_rows").format(shown=fmt.count(MAX_ATTENTION_ROWS), total=fmt.count(len(chosen))))
    attention.show(
        attention.table(
            chosen.head(MAX_ATTENTION_ROWS), f.year, f.include_synthetic, province=f.province is None
        )
    )
    st.download_button(
        t("att_download"),
        # made on click, not on every rerun: the national list runs to ten thousand rows
        lambda: attention.table(rows, f.year, f.include_synthetic).to_csv(index=False).encode("utf-8-sig"),
        file_name=f"attention_{f.year}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    st.caption(t("att_note").format(today=fmt.thai_date(today)))


f = filters.current()
page.header("overview", f)
trend = query("score_trend", **f.scope(year=False))
if page.is_empty(trend):
    st.stop()
_headline(f, trend)
if f.province:
    _brief_download(f)
page.sections(
    page.Section("ov_tab_years", partial(_over_the_years, f)),
    # the country at a glance; once a province is chosen its own figures are the view
    *([] if f.province else [page.Section("ov_tab_map", partial(_map, f), keep=("ov_map_measure",))]),
    page.Section("ov_tab_grades", partial(_grades, f)),
    page.Section("ov_tab_weakest", partial(_weakest, f)),
    page.Section("ov_tab_attention", partial(_attention, f, date.today()), keep=("ov_attention_reason",)),
)
