"""Overview, Compare and Weak indicators under AppTest, checked against numbers computed here with SQL."""

from __future__ import annotations

import statistics
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ita import db, framework
from ita.ui import format as fmt
from ita.ui import plotly_bundle, trends
from ita.ui.labels import TEXT
from ita.ui.page import TAB_KEY
from tests.apptest import ROOT, figures, open_page, open_tab, sql, table, th, trace_types

KORAT = "นครราชสีมา"
PAGES = ["pages/overview.py", "pages/compare.py", "pages/indicators.py"]
TABS = {
    "pages/overview.py": ["ov_tab_years", "ov_tab_grades", "ov_tab_weakest", "ov_tab_attention"],
    "pages/compare.py": ["cmp_tab_ranking", "cmp_tab_indicators", "cmp_tab_transitions"],
    "pages/indicators.py": ["ind_tab_points", "ind_tab_spread", "ind_tab_below"],
}


def metrics(at: AppTest) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def year_summary(path: Path, year: int, where: str = "province = $province", **params) -> tuple:
    return sql(
        path,
        f"SELECT count(*), avg(score), avg(is_passing::INTEGER) FROM v_assessments WHERE fiscal_year = $year AND {where}",
        {"year": year, **params},
    )[0]


# Overview ---------------------------------------------------------------------------------------


def test_overview_metrics_equal_the_fixture(app_env: Path) -> None:
    at = open_page(year="2566", province=KORAT)
    count, mean, share = year_summary(app_env, 2566, province=KORAT)
    count_before, mean_before, share_before = year_summary(app_env, 2565, province=KORAT)
    shown = metrics(at)
    assert shown[th("count_agencies")] == (fmt.count(count), f"{count - count_before:+,}")
    assert shown[th("mean_score")] == (fmt.score(mean), fmt.delta(mean - mean_before))
    rules = framework.for_year(2566)
    pass_share = th("pass_share").format(pass_mark=fmt.number(rules.pass_mark))
    assert shown[pass_share] == (fmt.percent(share), f"{100 * (share - share_before):+.1f} จุด")
    vs_target = th("vs_target").format(target=fmt.number(100 * rules.pass_share_target))
    assert shown[vs_target][0] == f"{100 * (share - rules.pass_share_target):+.1f} จุด"


@pytest.mark.parametrize("province", [KORAT, "30"])
def test_url_reopens_the_same_view(app_env: Path, province: str) -> None:
    at = open_page(year="2566", province=province)
    assert at.selectbox(key="f_year").value == 2566
    assert at.selectbox(key="f_province").value == KORAT
    assert metrics(at)[th("count_agencies")][0] == fmt.count(year_summary(app_env, 2566, province=KORAT)[0])


@pytest.mark.parametrize("tab", ["<script>alert(1)</script>", "' OR 1=1 --", "no such tab"])
def test_an_unknown_tab_in_the_url_opens_the_first_tab(app_env: Path, tab: str) -> None:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update(year="2566", tab=tab)
    at.run()
    assert not at.exception, at.exception
    assert [s.value for s in at.subheader][:2] == [th("trend_mean"), th("trend_pass_share")]
    assert not any(tab in m.value for m in at.markdown)


def test_overview_agency_type_filter(app_env: Path) -> None:
    at = open_page(year="2568", type="sao")
    count, mean, _ = year_summary(app_env, 2568, "agency_type = 'sao'")
    shown = metrics(at)
    assert shown[th("count_agencies")][0] == fmt.count(count)
    assert shown[th("mean_score")][0] == fmt.score(mean)


def test_overview_grade_distribution_and_trend_tables(app_env: Path) -> None:
    at = open_page(year="2566", province=KORAT)
    trend = table(at, th("scope_mean"))
    national = trend.set_index(th("year"))[th("national_mean")]
    assert national[2566] == 90.19 and national[2568] == 93.82

    open_tab(at, "ov_tab_grades")
    grades = table(at, th("label"))
    counts = dict(
        sql(
            app_env,
            "SELECT rating, count(*) FROM v_assessments WHERE fiscal_year = 2566 AND province = $p GROUP BY ALL",
            {"p": KORAT},
        )
    )
    year_2566 = grades[grades[th("year")] == 2566]
    assert dict(zip(year_2566[th("label")], year_2566[th("count")], strict=True)) == counts


def test_overview_weakest_indicator_of_real_data(app_env: Path) -> None:
    # the one real assessment: Nakhon Ratchasima City 2564, indicator 8 at 84.83 is its weakest
    at = open_page(tab="ov_tab_weakest", year="2564", province=KORAT, synthetic="0")
    weakest = table(at, th("median_score"))
    assert weakest.iloc[0][th("indicator")] == "8. การปรับปรุงการทำงาน"
    assert weakest.iloc[0][th("mean_score")] == 84.83
    assert metrics(at)[th("mean_score")][0] == "92.90"


def test_a_thinly_covered_year_is_drawn_off_the_line() -> None:
    trend = pd.DataFrame(
        {
            "fiscal_year": [2561, 2562, 2563],
            "count_agencies": [1, 7737, 7737],
            "mean_score": [52.0, 75.0, 78.0],
            "pass_share": [0.0, 0.2, 0.3],
            # 2561 used the five-index model: no pass mark, no target
            "pass_mark": [None, *(framework.for_year(year).pass_mark for year in (2562, 2563))],
            "pass_share_target": [
                None,
                *(framework.for_year(year).pass_share_target for year in (2562, 2563)),
            ],
        }
    )
    national = pd.DataFrame({"fiscal_year": [2564], "mean_score": [81.25], "pass_share": [None]})
    changes = pd.DataFrame(
        columns=["fiscal_year", "model", "grade_scheme", "previous_model", "previous_grade_scheme"]
    )
    assert list(trends.thin_years(trend)) == [True, False, False]
    for chart in (trends.mean_score_chart, trends.pass_share_chart):
        line, thin, _national = chart(trend, national, changes).to_dict()["data"]
        assert (list(line["x"]), list(line["customdata"])) == ([2562, 2563], [7737, 7737])
        assert (list(thin["x"]), thin["mode"], list(thin["customdata"])) == ([2561], "markers", [1])


def test_overview_in_english(app_env: Path) -> None:
    at = open_page(year="2566", lang="en")
    assert "Agencies assessed" in metrics(at)


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize(("page", "tab"), [(page, tab) for page, tabs in TABS.items() for tab in tabs])
def test_every_tab_runs_in_both_languages(app_env: Path, page: str, tab: str, lang: str) -> None:
    at = open_page(page, tab=tab, lang=lang, year="2566", province=KORAT)
    assert [t.label for t in at.tabs] == [TEXT[code][lang == "en"] for code in TABS[page]]
    assert at.session_state[TAB_KEY] == TEXT[tab][lang == "en"]
    assert figures(at) or at.dataframe
    assert trace_types(at) <= plotly_bundle.TRACE_TYPES


@pytest.mark.parametrize("page", PAGES)
def test_filter_matching_nothing_shows_a_sentence(app_env: Path, page: str) -> None:
    at = open_page(page, year="2566", province="กรุงเทพมหานคร")
    assert at.info[0].value in (th("no_data"), th("no_indicators_year"))
    assert not figures(at)


# Compare ----------------------------------------------------------------------------------------


def test_compare_ranking_matches_the_fixture(app_env: Path) -> None:
    at = open_page("pages/compare.py", year="2566", province=KORAT)
    ranking = table(at, th("rank_in_province"))
    rows = sql(
        app_env,
        "SELECT agency_name, score FROM v_assessments WHERE fiscal_year = 2566 AND province = $p "
        "ORDER BY score DESC, agency_name",
        {"p": KORAT},
    )
    assert len(ranking) == len(rows)
    assert list(ranking[th("agency_name")].head(5)) == [name for name, _ in rows[:5]]
    assert ranking[th("rank_in_province")].iloc[0] == 1
    # percentile among agencies of the same type nationwide, computed by hand for the last row
    last = ranking.iloc[-1]
    agency_type, score = sql(
        app_env,
        "SELECT agency_type, score FROM v_assessments WHERE fiscal_year = 2566 AND agency_name = $n AND province = $p",
        {"n": last[th("agency_name")], "p": KORAT},
    )[0]
    peers = [
        s
        for (s,) in sql(
            app_env,
            "SELECT score FROM v_assessments WHERE fiscal_year = 2566 AND agency_type = $t",
            {"t": agency_type},
        )
    ]
    expected = 100 * sum(s < score for s in peers) / (len(peers) - 1)
    assert last[th("percentile_in_type")] == round(expected, 2)


def test_compare_heatmap_is_capped_and_says_so(app_env: Path) -> None:
    at = open_page("pages/compare.py", tab="cmp_tab_indicators", year="2566", province=KORAT)
    total = year_summary(app_env, 2566, province=KORAT)[0]
    captions = [c.value for c in at.caption]
    assert th("heatmap_lowest").format(shown=40, total=fmt.count(total)) in captions
    heatmap = table(at, th("overall"))
    assert len(heatmap) == 40
    lowest = sql(
        app_env,
        "SELECT min(score) FROM v_assessments WHERE fiscal_year = 2566 AND province = $p",
        {"p": KORAT},
    )
    assert heatmap[th("overall")].iloc[0] == round(lowest[0][0], 2)


def test_compare_transitions_between_years(app_env: Path) -> None:
    at = open_page("pages/compare.py", tab="cmp_tab_transitions", year="2566", province=KORAT)
    total, up, down, fell = sql(
        app_env,
        """SELECT count(*),
                  count(*) FILTER (WHERE t.is_passing AND NOT f.is_passing),
                  count(*) FILTER (WHERE f.is_passing AND NOT t.is_passing),
                  count(*) FILTER (WHERE f.is_passing AND NOT t.is_passing)
           FROM v_assessments f JOIN v_assessments t USING (agency_id)
           WHERE f.fiscal_year = 2565 AND t.fiscal_year = 2566 AND f.province = $p""",
        {"p": KORAT},
    )[0]
    summary = th("transition_summary").format(
        total=f"{total:,}", up=f"{up:,}", down=f"{down:,}", fell=f"{fell:,}"
    )
    assert summary in [c.value for c in at.caption]
    movers = table(at, th("direction"))
    assert len(movers) == up + down


def test_compare_chosen_agencies_beside_their_peers(app_env: Path) -> None:
    at = open_page("pages/compare.py", tab="cmp_tab_indicators", year="2566", province=KORAT)
    (first, second) = sql(
        app_env,
        "SELECT agency_id FROM v_assessments WHERE fiscal_year = 2566 AND province = $p ORDER BY score LIMIT 2",
        {"p": KORAT},
    )
    at.multiselect(key="compare_agencies").select(first[0]).select(second[0]).run()
    assert not at.exception
    side = table(at, th("peer_median"))
    assert len(side) == 20
    row = side.iloc[0]
    agency_type, province = sql(
        app_env,
        "SELECT agency_type, province FROM v_assessments WHERE fiscal_year = 2566 AND agency_name = $n AND province = $p",
        {"n": row[th("agency_name")], "p": KORAT},
    )[0]
    peers = sql(
        app_env,
        "SELECT score FROM v_indicator_scores WHERE fiscal_year = 2566 AND indicator_no = 1 "
        "AND agency_type = $t AND province = $p",
        {"t": agency_type, "p": province},
    )
    assert row[th("peer_median")] == round(statistics.median(s for (s,) in peers), 2)
    assert th("heatmap_chosen").format(shown=2) in [c.value for c in at.caption]

    # the ranking, and back: the choice is still there
    open_tab(at, "cmp_tab_ranking")
    open_tab(at, "cmp_tab_indicators")
    assert at.multiselect(key="compare_agencies").value == [first[0], second[0]]


# Weak indicators --------------------------------------------------------------------------------


def test_points_lost_costliest_first(app_env: Path) -> None:
    at = open_page("pages/indicators.py", year="2566", province=KORAT)
    points = table(at, th("mean_points_lost"))
    expected = sql(
        app_env,
        """SELECT indicator_no, avg(CASE WHEN instrument = 'OIT' THEN 0.2 WHEN instrument = 'EIT' THEN 0.1
                                         ELSE 0.06 END * (100 - score)) AS lost
           FROM v_indicator_scores WHERE fiscal_year = 2566 AND province = $p
           GROUP BY ALL ORDER BY lost DESC""",
        {"p": KORAT},
    )
    assert [int(label.split(".")[0]) for label in points[th("indicator")]] == [no for no, _ in expected]
    assert list(points[th("mean_points_lost")]) == [round(lost, 2) for _, lost in expected]


def test_real_points_lost_on_indicator_8(app_env: Path) -> None:
    at = open_page("pages/indicators.py", year="2564", province=KORAT, synthetic="0", indicator="8")
    points = table(at, th("mean_points_lost"))
    assert list(points[th("mean_points_lost")]) == [round(0.1 * (100 - 84.83), 2)]


def test_threshold_changes_the_agencies_below(app_env: Path) -> None:
    at = open_page("pages/indicators.py", tab="ind_tab_below", year="2566", province=KORAT)

    def below(threshold: float) -> int:
        return sql(
            app_env,
            "SELECT count(*) FROM v_indicator_scores WHERE fiscal_year = 2566 AND province = $p AND score < $t",
            {"p": KORAT, "t": threshold},
        )[0][0]

    def caption(threshold: float) -> str:
        shown = min(500, below(threshold))
        return th("below_threshold_count").format(
            total=f"{below(threshold):,}", threshold=f"{threshold:g}", shown=f"{shown:,}"
        )

    assert caption(85) in [c.value for c in at.caption]
    at.number_input[0].set_value(70.0).run()
    assert not at.exception
    assert caption(70) in [c.value for c in at.caption]


def test_consecutive_years_below_counts_the_unbroken_run(fixture_db: Path) -> None:
    with db.connect(fixture_db) as con:
        listed = db.run_query(
            con,
            "agencies_below_threshold",
            {
                "fiscal_year": 2568,
                "province": "อุตรดิตถ์",
                "district": None,
                "agency_type": None,
                "include_synthetic": True,
                "indicator_nos": [10],
                "instrument": None,
                "threshold": 90.0,
                "limit": 10_000,
            },
        )
    history = sql(
        fixture_db,
        "SELECT agency_id, fiscal_year, score FROM v_indicator_scores WHERE province = 'อุตรดิตถ์' AND indicator_no = 10",
    )
    scores = {(agency, year): score for agency, year, score in history}
    expected = {}
    for agency in {a for a, _, _ in history}:
        years, year = 0, 2568
        while (agency, year) in scores and scores[agency, year] < 90:
            years, year = years + 1, year - 1
        if years:
            expected[agency] = years
    assert dict(zip(listed["agency_id"], listed["count_years_below"], strict=True)) == expected
    assert max(expected.values()) > 1
