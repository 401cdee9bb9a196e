"""Overview for executives: the chosen year at a glance, results over time against national figures,
and the indicators where the scope is weakest."""

import streamlit as st

from ita.ui import bars, charts, display, filters, page, trends
from ita.ui import format as fmt
from ita.ui.data import query
from ita.ui.labels import t


def _over_the_years() -> None:
    """Mean score and share passing, year by year, against the national figures."""
    national = query("national_results")
    changes = query("method_changes")
    with_national = trend.merge(national, on="fiscal_year", how="left", suffixes=("", "_national"))
    left, right = st.columns(2)
    with left:
        st.subheader(t("trend_mean"))
        charts.show(
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
    with right:
        st.subheader(t("trend_pass_share"))
        charts.show(
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
    st.caption(t("national_source"))


def _grades() -> None:
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


def _weakest() -> None:
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


f = filters.current()
page.header("overview", f)

trend = query("score_trend", **f.scope(year=False))
if page.is_empty(trend):
    st.stop()

current = trend[trend["fiscal_year"] == f.year]
previous = trend[trend["fiscal_year"] == f.year - 1]
if not page.is_empty(current, t("no_data_year")):
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

page.sections(
    page.Section("ov_tab_years", _over_the_years),
    page.Section("ov_tab_grades", _grades),
    page.Section("ov_tab_weakest", _weakest),
)
