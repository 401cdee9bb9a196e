"""Compare agencies, for provincial overseers: ranking, chosen agencies side by side with their peers,
an agency × indicator heatmap and grade transitions between two years."""

from functools import partial

import pandas as pd
import streamlit as st

from ita.ui import bars, charts, display, filters, heatmaps, page
from ita.ui import format as fmt
from ita.ui.data import query
from ita.ui.filters import Filters
from ita.ui.labels import t

HEATMAP_ROWS = 40
RANKING_ROWS = 500
MAX_MOVERS = 500
MAX_CHOSEN = 5


def _count_pages(ranking: pd.DataFrame) -> int:
    return -(-len(ranking) // RANKING_ROWS)


def _chosen_page(ranking: pd.DataFrame) -> tuple[int, pd.DataFrame]:
    """The position of its first row and the rows of the ranking page last chosen (st.pagination's)."""
    first = (st.session_state.get("compare_page", 1) - 1) * RANKING_ROWS
    return first, ranking.iloc[first : first + RANKING_ROWS]


def _ranking(year: int, ranking: pd.DataFrame) -> None:
    """The scope's agencies by score, one page of rows at a time."""
    st.subheader(f"{t('ranking')} · {year}")
    count_pages = _count_pages(ranking)
    first, ranking_page = _chosen_page(ranking)
    st.dataframe(
        display.table(
            ranking_page,
            {
                "agency_name": "agency_name",
                "agency_type": "agency_type",
                "district": "district",
                "score": "score",
                "label": "grade",
                "previous_score": "previous_score",
                "change": "change",
                "rank_in_province": "rank_in_province",
                "rank_in_type": "rank_in_type",
                "percentile_in_type": "percentile_in_type",
            },
        ),
        hide_index=True,
        height=360,
    )
    if count_pages > 1:
        st.caption(
            t("ft_rows").format(
                first=fmt.count(first + 1),
                last=fmt.count(first + len(ranking_page)),
                total=fmt.count(len(ranking)),
            )
        )
        st.pagination(count_pages, key="compare_page")
    st.caption(t("ranking_note"))


def _indicator_by_indicator(f: Filters, ranking: pd.DataFrame) -> None:
    """Chosen agencies side by side with their peers, and the agency × indicator heatmap."""
    # the choice: the agencies of the ranking page last shown, and those already chosen
    _, ranking_page = _chosen_page(ranking)
    offered = ranking[
        ranking["agency_id"].isin(ranking_page["agency_id"])
        | ranking["agency_id"].isin(st.session_state.get("compare_agencies", []))
    ]
    names = dict(
        zip(
            offered["agency_id"].tolist(),
            offered["agency_name"] + " · " + offered["district"].fillna(""),
            strict=True,
        )
    )
    chosen = st.multiselect(
        t("choose_agencies"),
        list(names),
        key="compare_agencies",
        format_func=names.get,
        max_selections=MAX_CHOSEN,
        placeholder=t("agency_name"),
    )

    st.subheader(t("side_by_side"))
    if len(chosen) < 2:
        st.info(t("choose_agencies_hint"))
    else:
        comparison = query(
            "agency_indicator_comparison",
            fiscal_year=f.year,
            agency_ids=chosen,
            include_synthetic=f.include_synthetic,
        )
        if not page.is_empty(comparison, t("no_indicators_year")):
            comparison["indicator"] = display.indicator_names(
                comparison, "indicator_name_th", "indicator_name_en"
            )
            charts.show(
                bars.agency_comparison_chart(comparison),
                display.table(
                    comparison,
                    {
                        "agency_name": "agency_name",
                        "indicator": "indicator",
                        "score": "score",
                        "peer_median": "peer_median",
                        "difference": "difference",
                        "count_peers": "count_peers",
                    },
                ),
                "agencies_side_by_side",
            )
            st.caption(t("peer_median_note"))

    st.subheader(t("heatmap"))
    # the chosen agencies once there are two to compare, else the lowest-scoring ones
    heatmap_ids = chosen if len(chosen) >= 2 else []
    scores = query("indicator_heatmap", **f.scope(), agency_ids=heatmap_ids, limit=HEATMAP_ROWS)
    if page.is_empty(scores, t("no_indicators_year")):
        return
    shown = scores["agency_id"].nunique()
    note = "heatmap_chosen" if heatmap_ids else "heatmap_lowest"
    st.caption(t(note).format(shown=shown, total=fmt.count(len(ranking))))
    wide = scores.pivot_table(
        index=["agency_id", "agency_name", "overall_score"],
        columns="indicator_no",
        values="score",
        sort=False,
    )
    wide = (
        wide.rename(columns=str)
        .reset_index()
        .drop(columns="agency_id")
        .rename(columns={"agency_name": t("agency_name"), "overall_score": t("overall")})
    )
    charts.show(heatmaps.indicator_heatmap(scores), wide, "agency_indicator_heatmap")


def _transitions(f: Filters) -> None:
    """How agencies moved between the grades of two years."""
    st.subheader(t("transitions"))
    years = filters.available_years()
    from_column, to_column = st.columns(2)
    # no widget keys: the defaults follow the sidebar year whenever it changes
    to_year = to_column.selectbox(t("to_year"), years[::-1], index=years[::-1].index(f.year))
    from_year = from_column.selectbox(t("from_year"), [y for y in years[::-1] if y < to_year] or [to_year])
    if from_year == to_year:
        st.info(t("same_years"))
        return
    transition_scope = f.scope(year=False) | {"from_year": from_year, "to_year": to_year}
    counts = query("grade_transitions", **transition_scope)
    if page.is_empty(counts):
        return
    movers = query("grade_transition_agencies", **transition_scope)
    st.caption(
        t("transition_summary").format(
            total=f"{counts['count_agencies'].sum():,}",
            up=f"{(movers['direction'] > 0).sum():,}",
            down=f"{(movers['direction'] < 0).sum():,}",
            fell=f"{counts['count_fell_below_pass'].sum():,}",
        )
    )
    charts.show(
        heatmaps.transition_matrix(counts, from_year, to_year),
        display.table(
            counts,
            {
                "from_label": "from_label",
                "to_label": "to_label",
                "count_agencies": "count",
                "count_fell_below_pass": "fell_below_pass",
            },
        ),
        "grade_transitions",
    )
    st.caption(t("transition_note"))
    st.markdown(f"**{t('movers')}**")
    if len(movers) > MAX_MOVERS:  # nationally ~2,000: the first ones, fell below the pass mark first
        st.caption(t("ft_rows").format(first=1, last=fmt.count(MAX_MOVERS), total=fmt.count(len(movers))))
    movers = movers.head(MAX_MOVERS)
    movers["direction"] = movers["direction"].map({1: t("moved_up"), 0: "", -1: t("moved_down")})
    st.dataframe(
        display.table(
            movers,
            {
                "agency_name": "agency_name",
                "agency_type": "agency_type",
                "district": "district",
                "from_label": "from_label",
                "from_score": "from_score",
                "to_label": "to_label",
                "to_score": "to_score",
                "change": "change",
                "direction": "direction",
                "is_fell_below_pass": "fell_below_pass",
            },
        ),
        hide_index=True,
    )


f = filters.current()
page.header("compare", f)
ranking = query("agency_ranking", **f.scope())
if page.is_empty(ranking):
    st.stop()
page.definitions(f.year)

# a national ranking holds ~8,000 agencies: the browser gets one page of it at a time
if st.session_state.get("compare_page", 1) > -(
    -len(ranking) // RANKING_ROWS
):  # the filters changed under a later page
    st.session_state["compare_page"] = 1
in_scope = set(ranking["agency_id"].tolist())
# keep only agencies still in scope after a filter change, so the widget never holds a stale choice; written
# on every run, the choice also outlives a visit to another tab
if "compare_agencies" in st.session_state:
    st.session_state["compare_agencies"] = [a for a in st.session_state["compare_agencies"] if a in in_scope]
elif f.agency_id in in_scope:
    st.session_state["compare_agencies"] = [f.agency_id]

page.sections(
    page.Section("cmp_tab_ranking", partial(_ranking, f.year, ranking), keep=("compare_page",)),
    page.Section("cmp_tab_indicators", partial(_indicator_by_indicator, f, ranking)),
    page.Section("cmp_tab_transitions", partial(_transitions, f)),
)
