"""Weak indicators, for analysts: which indicators cost the most points, how scores spread by agency type
or province, and which agencies have stayed below a threshold for consecutive years."""

from functools import partial

import streamlit as st

from ita.ui import bars, charts, display, distributions, filters, labels, page, rules
from ita.ui.data import per_version, query
from ita.ui.labels import t

MAX_LISTED = 500
INSTRUMENTS = ("IIT", "EIT", "OIT")


@per_version
def _points_chart(**choice: object) -> charts.Chart:
    """Mean points each indicator cost the overall score in the chosen scope."""
    points = query("indicator_points_lost", **choice)
    points["indicator"] = display.indicator_names(points)
    return charts.chart(
        bars.indicator_bars(points, "mean_points_lost", axis_title=t("mean_points_lost"), digits=3),
        display.table(
            points,
            {
                "indicator": "indicator",
                "instrument": "instrument",
                "indicator_weight": "indicator_weight",
                "mean_score": "mean_score",
                "mean_points_lost": "mean_points_lost",
                "count_agencies": "count_agencies",
            },
        ),
        "indicator_points_lost",
    )


def _points_lost(year: int, choice: dict) -> None:
    """Which indicators cost the overall score the most points."""
    st.subheader(f"{t('points_lost')} · {year}")
    charts.show(_points_chart(**choice))
    st.caption(t("points_lost_note"))


def _spread(choice: dict, threshold: float) -> None:
    """How each indicator's scores spread by agency type or province."""
    st.subheader(t("distribution"))
    st.session_state.setdefault("ind_group_by", "agency_type")
    group_by = st.segmented_control(
        t("group_by"), ["agency_type", "province"], required=True, format_func=t, key="ind_group_by"
    )
    spread = query("indicator_distribution", **choice, group_by=group_by, threshold=threshold)
    group_label = labels.agency_type if group_by == "agency_type" else str
    spread["indicator"] = display.indicator_names(spread)
    spread["group"] = spread["group_key"].map(group_label)
    charts.show(
        distributions.quantile_boxes(spread, group_label, threshold),
        display.table(
            spread,
            {
                "indicator": "indicator",
                "group": group_by,
                "count_agencies": "count_agencies",
                "min_score": "min_score",
                "q1_score": "q1_score",
                "median_score": "median_score",
                "q3_score": "q3_score",
                "max_score": "max_score",
                "mean_score": "mean_score",
                "count_below": "count_below",
            },
        ),
        "indicator_distribution",
    )
    st.caption(t("distribution_note"))


def _below_threshold(choice: dict, threshold: float) -> None:
    """Agencies below the threshold, longest run of consecutive years first."""
    st.subheader(t("below_threshold"))
    below = query("agencies_below_threshold", **choice, threshold=threshold, limit=MAX_LISTED)
    if page.is_empty(below):
        return
    st.caption(
        t("below_threshold_count").format(
            total=f"{int(below['count_total'].iat[0]):,}", threshold=f"{threshold:g}", shown=f"{len(below):,}"
        )
    )
    below["indicator"] = display.indicator_names(below, "indicator_name_th", "indicator_name_en")
    st.dataframe(
        display.table(
            below,
            {
                "agency_name": "agency_name",
                "indicator": "indicator",
                "score": "score",
                "count_years_below": "count_years_below",
                "first_year_below": "first_year_below",
                "points_lost": "points_lost",
                "agency_type": "agency_type",
                "district": "district",
                "province": "province",
            },
        ),
        hide_index=True,
    )


f = filters.current()
page.header("indicators", f)

# choices that apply to every tab stay above them
names = query("indicator_names")
indicator_label = dict(zip(names["indicator_no"].tolist(), display.indicator_names(names), strict=True))
choose, limit, instrument_column = st.columns([3, 1.1, 1.5])
indicator_nos = choose.multiselect(
    t("choose_indicators"),
    list(indicator_label),
    default=[f.indicator] if f.indicator else None,
    format_func=indicator_label.get,
    placeholder=t("all"),
)
threshold = limit.number_input(
    t("threshold"), min_value=0.0, max_value=100.0, value=rules.pass_mark(f.year) or 0.0, step=1.0
)
instrument = instrument_column.segmented_control(t("instrument"), INSTRUMENTS)
choice = f.scope() | {"indicator_nos": indicator_nos, "instrument": instrument}

points = query("indicator_points_lost", **choice)
if page.is_empty(points, t("no_indicators_year")):
    st.stop()
page.definitions(f.year)

page.sections(
    page.Section("ind_tab_points", partial(_points_lost, f.year, choice)),
    page.Section("ind_tab_spread", partial(_spread, choice, threshold), keep=("ind_group_by",)),
    page.Section("ind_tab_below", partial(_below_threshold, choice, threshold)),
)
