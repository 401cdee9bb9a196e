"""Rules are data: the pass mark, the national target and the score tolerance come from the framework files, the
national results from data/national_results.csv. A made-up framework with other rules changes every flag, chart
and label that states them, without a code change; and no rule value is typed in the code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ita import db, framework, national, synthetic
from ita.build import build
from tests.apptest import ROOT, figures, open_page, open_tab, sql, th

# 2564: another pass mark and a tolerance that no longer forgives Nakhon Ratchasima's 92.9 against 92.898;
# 2567–2568: a stricter pass mark and bands, and a lower national target.
MADE_UP = {
    2564: {"pass_mark": 93, "score_tolerance": 0.001},
    2567: {"pass_mark": 90, "pass_share_target": 0.7},
    2568: {"pass_mark": 90, "pass_share_target": 0.7},
}
PASS_MARKS = {2562: 85, 2563: 85, 2564: 93, 2565: 85, 2566: 85, 2567: 90, 2568: 90}
KORAT = "นครราชสีมา"
CITY = "เทศบาลนครนครราชสีมา"
# code that may hold these numbers for other reasons than a rule
NOT_RULES = {
    ("ita/ui/imports.py", "_BINARY_SHARE = 0.05"),  # share of control bytes that makes a file binary
    ("ita/parse/reader.py", "_BINARY_SHARE = 0.05"),
    ("bench/bench_pages.py", "time.sleep(0.05)"),
}
RULE_VALUES = re.compile(r"(?<![\w.])(?:85(?:\.0+)?|๘๕|0?\.050*)(?![\w.])")


@pytest.fixture(scope="module")
def made_up_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real seeds and the synthetic agencies of one province, built under the made-up framework."""
    folder = tmp_path_factory.mktemp("framework")
    for path in framework.FRAMEWORK_DIR.glob("*.json"):
        raw = json.loads(path.read_text(encoding="utf-8"))
        rules = MADE_UP.get(raw["fiscal_year"], {})
        raw |= rules
        if "pass_mark" in rules and raw["grade_scheme"] == "ratings":
            for band in raw["grades"]:
                if band["min_score"] == 85:
                    band["min_score"] = rules["pass_mark"]
                if band.get("min_instrument_score") == 85:
                    band["min_instrument_score"] = rules["pass_mark"]
        (folder / path.name).write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(framework, "FRAMEWORK_DIR", folder)
        path = tmp_path_factory.mktemp("db") / "ita.duckdb"
        report = build(path, ROOT / "data", provinces=[KORAT])
    assert not report.rejected
    return path


@pytest.fixture
def made_up_app(made_up_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(db, "DEFAULT_DB", made_up_db)
    return made_up_db


def test_flags_follow_each_years_pass_mark_and_tolerance(made_up_db):
    by_year = sql(
        made_up_db,
        "SELECT fiscal_year, min(pass_mark), max(pass_mark), bool_and(is_passing = (score >= pass_mark)), "
        "count(*) FILTER (WHERE is_passing) FROM v_assessments GROUP BY ALL ORDER BY ALL",
    )
    assert {year: (low, high, agrees) for year, low, high, agrees, _ in by_year} == {
        year: (mark, mark, True) for year, mark in PASS_MARKS.items()
    }
    assert all(count_passing > 0 for *_, count_passing in by_year)
    assert sql(
        made_up_db,
        "SELECT pass_mark, is_passing, is_score_mismatch FROM v_assessments WHERE agency_name = $name",
        {"name": CITY},
    ) == [(93.0, False, True)]
    # measures of 2565 answer the 2564 result: every indicator below 93 is weak, not only indicator 8
    assert sql(
        made_up_db,
        "SELECT list(indicator_no ORDER BY indicator_no) FROM v_indicator_followthrough "
        "WHERE agency_name = $name AND fiscal_year = 2565 AND is_weak",
        {"name": CITY},
    ) == [([2, 3, 4, 5, 6, 7, 8],)]
    assert sql(
        made_up_db,
        "SELECT count(*) FROM v_indicator_followthrough f JOIN framework_years y ON y.fiscal_year = f.fiscal_year - 1 "
        "WHERE f.is_weak IS DISTINCT FROM (f.base_score < y.pass_mark)",
    ) == [(0,)]


def test_queries_state_the_years_rules(made_up_db):
    con = db.connect(made_up_db)
    trend = db.run_query(
        con,
        "score_trend",
        {"province": None, "district": None, "agency_type": None, "include_synthetic": True},
    ).set_index("fiscal_year")
    assert trend["pass_mark"].to_dict() == PASS_MARKS
    assert trend.loc[2568, "pass_share_target"] == 0.7 and trend.loc[2566, "pass_share_target"] == 0.8
    weakest = db.run_query(
        con,
        "weakest_indicators",
        {
            "fiscal_year": 2567,
            "province": None,
            "district": None,
            "agency_type": None,
            "include_synthetic": True,
        },
    )
    below = dict(
        sql(
            made_up_db,
            "SELECT indicator_no, avg((score < 90)::INTEGER) FROM v_indicator_scores WHERE fiscal_year = 2567 GROUP BY 1",
        )
    )
    assert set(weakest["pass_mark"]) == {90}
    assert dict(zip(weakest["indicator_no"], weakest["share_below_pass"], strict=True)) == pytest.approx(
        below
    )
    national_lines = db.run_query(con, "national_results", {})
    assert national_lines["mean_score"].tolist() == [r.mean_score for r in national.results().values()]
    con.close()


def _rule_lines(figure: dict) -> dict[float, list[tuple]]:
    """Horizontal lines and steps of a figure by height: (x0, x1) of each."""
    lines: dict[float, list[tuple]] = {}
    for shape in figure["layout"].get("shapes", []):
        if shape["type"] == "line" and shape["y0"] == shape["y1"]:
            lines.setdefault(shape["y0"], []).append((shape.get("x0"), shape.get("x1")))
    return lines


def _notes(figure: dict) -> set[str]:
    return {note["text"] for note in figure["layout"].get("annotations", [])}


def test_overview_states_and_draws_the_years_pass_mark_and_target(made_up_app):
    at = open_page(year="2568", province=KORAT)
    labels = [m.label for m in at.metric]
    assert th("pass_share").format(pass_mark="90") in labels
    assert th("vs_target").format(target="70") in labels
    mean_chart, share_chart = figures(at)
    marks = _rule_lines(mean_chart)
    assert marks[85] == [(2561.5, 2562.5), (2562.5, 2563.5), (2564.5, 2565.5), (2565.5, 2566.5)]
    assert marks[93] == [(2563.5, 2564.5)]
    assert marks[90] == [(2566.5, 2567.5), (2567.5, 2568.5)]
    assert {th("pass_mark").format(value=v) for v in ("85", "90", "93")} <= _notes(mean_chart)
    assert set(_rule_lines(share_chart)) == {80, 70}
    open_tab(at, "ov_tab_weakest")
    (bars,) = figures(at)
    assert [s["x0"] for s in bars["layout"]["shapes"]] == [90]


def test_agency_and_follow_through_pages_use_the_pass_mark_of_the_year(made_up_app):
    (city,) = sql(made_up_app, "SELECT agency_id FROM agencies WHERE name = $n", {"n": CITY})[0]
    at = open_page("pages/agency.py", agency=str(city), year="2564")
    score_chart, dots = figures(at)[:2]
    assert set(_rule_lines(score_chart)) == {93}
    assert [s["x0"] for s in dots["layout"]["shapes"] if s["y0"] != s["y1"]] == [93]

    at = open_page("pages/follow-through.py", tab="ft_tab_red_flags", year="2565", province=KORAT)
    note = th("ft_red_flags_note").format(previous=2564, year=2565, pass_mark="93")
    assert note in [c.value for c in at.caption]

    at = open_page("pages/indicators.py", year="2568", province=KORAT)
    assert at.number_input[0].value == 90


def test_no_rule_value_is_typed_in_the_code():
    """85 (the pass mark) and 0.05 (the score tolerance) belong in data/framework. The code of the package, the
    pages, the queries and the benchmarks is searched; prose that documents the data (README, docs/) is not."""
    sources = [
        *ROOT.glob("ita/**/*.py"),
        *ROOT.glob("ita/**/*.sql"),
        *ROOT.glob("ita/**/*.js"),
        *ROOT.glob("pages/*.py"),
        *ROOT.glob("queries/*.sql"),
        *ROOT.glob("bench/*.py"),
        ROOT / "dashboard.py",
    ]
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if RULE_VALUES.search(line) and (path.relative_to(ROOT).as_posix(), line.strip()) not in NOT_RULES
    ]
    assert found == []


def test_the_search_finds_rule_values():
    assert [
        bool(RULE_VALUES.search(text))
        for text in ("x >= 85", "85.0", "> 0.05", "ได้ ๘๕", "0.85", "185", "0.055")
    ] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_national_results_come_from_one_file_with_sources_for_the_charts_and_the_sample():
    results = national.results()
    assert results[2566].mean_score == 90.19 and results[2566].pass_share == 0.8094
    assert all(r.source for r in results.values())
    drawn_to = synthetic.year_targets()
    assert (drawn_to[2566].mean, drawn_to[2566].share_passing, drawn_to[2566].is_published) == (
        90.19,
        0.8094,
        True,
    )
    assert drawn_to[2564].mean == results[2564].mean_score and not drawn_to[2564].is_published
