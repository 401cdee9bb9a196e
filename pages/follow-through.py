"""Follow-through: did the measures of a year get done, and did they aim at last year's weak indicators?"""

from functools import partial

import streamlit as st

from ita.ui import charts, display, filters, followthrough, labels, page, rules
from ita.ui import format as fmt
from ita.ui import measures as measure_view
from ita.ui.data import per_version, query
from ita.ui.labels import t

PAGE_ROWS = 500


@per_version
def _year_charts(indicator: int | None, **scope: object) -> tuple[charts.Chart, charts.Chart | None]:
    """How far the year's measures got, and which indicators they aim at (None when none is linked)."""
    year = scope["fiscal_year"]
    status = query("follow_through_status", **scope, indicator=indicator)
    shares = status[status["status"] != "total"]
    done = charts.chart(
        followthrough.status_bar(shares, year),
        display.table(
            shares.assign(status=shares["status"].map(labels.status)),
            {
                "status": "col_status",
                "count_measures": "ft_count_measures",
                "count_agencies": "ft_count_agencies",
                "share_measures": "share_percent",
            },
            percent=("share_measures",),
        ),
        f"measure_status_{year}",
    )
    targets = query("measures_by_target", **scope)
    if targets.empty:
        return done, None
    linked = targets["indicator_no"].notna()
    targets["indicator"] = t("ft_not_linked")
    targets.loc[linked, "indicator"] = display.indicator_names(targets[linked])
    aimed = charts.chart(
        followthrough.targets_bar(targets),
        display.table(
            targets,
            {
                "indicator": "indicator",
                "instrument": "instrument",
                "count_measures": "ft_count_measures",
                "count_primary": "ft_primary",
            },
        ),
        f"measures_by_target_{year}",
    )
    return done, aimed


def _the_year(f: filters.Filters) -> None:
    """How far the year's measures got, and which indicators they aim at."""
    done, aimed = _year_charts(f.indicator, **f.scope())
    charts.show(done)
    st.subheader(t("ft_by_target"))
    if aimed is None:
        st.info(t("no_data"))
        return
    charts.show(aimed)


def _red_flags(f: filters.Filters) -> None:
    """Weak last year, targeted by no measure this year."""
    st.subheader(t("ft_red_flags").format(previous=f.year - 1, year=f.year))
    pass_mark = fmt.number(rules.pass_mark(f.year - 1))
    st.caption(t("ft_red_flags_note").format(previous=f.year - 1, year=f.year, pass_mark=pass_mark))
    flags = query("untargeted_weak_indicators", **f.scope(), indicator=f.indicator)
    if page.is_empty(flags, t("ft_no_red_flags")):
        return
    if int(flags["count_total"].iat[0]) > len(flags):
        st.caption(t("ft_first_rows").format(shown=len(flags), total=fmt.count(flags["count_total"].iat[0])))
    flags["indicator"] = display.indicator_names(flags, "indicator_name_th", "indicator_name_en")
    st.dataframe(
        display.table(
            flags,
            {
                "agency_name": "agency_name",
                "indicator": "indicator",
                "previous_score": "previous_score",
                "agency_type": "agency_type",
                "district": "district",
                "province": "province",
                "document": "col_document",
                "is_synthetic": "synthetic_badge",
            },
        ),
        hide_index=True,
        width="stretch",
    )


def _targeted_change(f: filters.Filters) -> None:
    """Did targeted weak indicators move more the next year?"""
    st.subheader(t("ft_change").format(previous=f.year - 1, year=f.year))
    change = query("targeted_change", **f.scope(), indicator=f.indicator)
    if page.is_empty(change, t("ft_no_change")):
        return
    overall = change[change["indicator_no"].isna()].set_index("is_targeted")
    columns = st.columns(2)
    for column, flag, key in ((columns[0], True, "ft_targeted"), (columns[1], False, "ft_untargeted")):
        if flag not in overall.index:
            column.metric(t(key), "–")
            continue
        row = overall.loc[flag]
        column.metric(
            t(key),
            fmt.delta(row["mean_change"]) or "–",
            help=t("ft_change_help").format(
                count=fmt.count(row["count_with_next"]),
                before=fmt.score(row["mean_previous"]),
                after=fmt.score(row["mean_next"]),
            ),
        )
    st.caption(t("ft_change_note"))
    per_indicator = change[change["indicator_no"].notna()]
    charts.show(
        followthrough.change_bars(per_indicator),
        display.table(
            per_indicator.assign(
                is_targeted=per_indicator["is_targeted"].map(
                    {True: t("ft_targeted"), False: t("ft_untargeted")}
                )
            ),
            {
                "indicator_no": "indicator",
                "is_targeted": "ft_group",
                "count_weak": "ft_count_weak",
                "count_with_next": "ft_count_with_next",
                "mean_previous": "previous_score",
                "mean_next": "score",
                "mean_change": "ft_mean_change",
                "median_change": "ft_median_change",
            },
        ),
        f"targeted_change_{f.year}",
    )


def _continuity(f: filters.Filters) -> None:
    """Measures carried forward, completed, dropped and new, year by year."""
    st.subheader(t("ft_continuity"))
    st.caption(t("ft_continuity_note"))
    continuity = query("measure_continuity", **f.scope(year=False), indicator=f.indicator)
    if page.is_empty(continuity, t("ft_no_continuity")):
        return
    this_year = continuity[continuity["fiscal_year"] == f.year]
    counts = dict(zip(this_year["outcome"], this_year["count_measures"], strict=True))
    columns = st.columns(len(measure_view.OUTCOMES))
    for column, code in zip(columns, measure_view.OUTCOMES, strict=True):
        column.metric(f"{measure_view.outcome(code)} ({f.year})", fmt.count(counts.get(code)))
    charts.show(
        followthrough.outcomes_bar(continuity),
        display.table(
            continuity.assign(outcome=continuity["outcome"].map(measure_view.outcome)),
            {
                "fiscal_year": "year",
                "outcome": "ft_outcome",
                "count_measures": "ft_count_measures",
                "count_agencies": "ft_count_agencies",
            },
        ),
        "measure_continuity",
    )


def _back_to_first_page() -> None:
    st.session_state.pop("ft_page", None)


def _measure_list(f: filters.Filters) -> None:
    """The measures themselves, searchable, a page of rows at a time."""
    search = st.text_input(
        t("ft_search"), key="ft_search", placeholder=t("ft_search_hint"), on_change=_back_to_first_page
    ).strip()
    page_no = st.session_state.get("ft_page", 1)
    listing = {**f.scope(), "indicator": f.indicator, "search": search, "limit": PAGE_ROWS}
    rows = query("measures_list", **listing, offset=(page_no - 1) * PAGE_ROWS)
    if rows.empty and page_no > 1:  # the filters changed under a later page
        page_no = 1
        rows = query("measures_list", **listing, offset=0)
    if page.is_empty(rows):
        return
    count_total = int(rows["count_total"].iat[0])
    first = (page_no - 1) * PAGE_ROWS + 1
    last = first + len(rows) - 1
    st.caption(
        t("ft_rows").format(first=fmt.count(first), last=fmt.count(last), total=fmt.count(count_total))
    )
    st.dataframe(measure_view.table(rows), hide_index=True, width="stretch")
    if count_total > PAGE_ROWS:
        st.pagination(-(-count_total // PAGE_ROWS), key="ft_page")


f = filters.current()
page.header("follow_through", f)
page.definitions(f.year)
scope = f.scope()

# the year's key figures stay above the tabs, whichever is open
status = query("follow_through_status", **scope, indicator=f.indicator)
if page.is_empty(status, t("ft_no_measures").format(year=f.year)):
    st.stop()
total = status[status["status"] == "total"].iloc[0]
shares = status[status["status"] != "total"]
share_of = dict(zip(shares["status"], shares["share_measures"], strict=True))
page.figures(
    [
        (t("ft_count_measures"), fmt.count(total["count_measures"])),
        (t("ft_count_agencies"), fmt.count(total["count_agencies"])),
        *((labels.status(code), fmt.percent(share_of.get(code, 0.0))) for code in measure_view.STATUS_ORDER),
    ]
)

page.sections(
    page.Section("ft_tab_year", partial(_the_year, f)),
    page.Section("ft_tab_red_flags", partial(_red_flags, f)),
    page.Section("ft_tab_change", partial(_targeted_change, f)),
    page.Section("ft_tab_continuity", partial(_continuity, f)),
    page.Section("ft_list", partial(_measure_list, f), keep=("ft_search", "ft_page")),
)
