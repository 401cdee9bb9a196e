"""Every queries/*.sql runs against the fixture database and returns the columns it promises.

Parameters come from EXAMPLES, keyed by parameter name, so a query added later runs here too;
a query with a parameter name not in EXAMPLES fails with a request to add an example.
"""

from __future__ import annotations

import re
from datetime import date

import duckdb
import pytest

from ita import db

pytestmark = pytest.mark.database("fixture")

# One example value per parameter name used by any query; add yours when you add a query.
EXAMPLES: dict[str, object] = {
    "fiscal_year": 2566,
    "province": "นครราชสีมา",
    "district": None,
    "agency_type": None,
    "include_synthetic": True,
    "indicator": 9,
    "indicator_no": 9,
    "indicator_nos": [9, 10],
    "instrument": None,
    "threshold": 85.0,
    "group_by": "agency_type",
    "from_year": 2565,
    "to_year": 2566,
    "agency_id": 3,
    "agency_ids": [3],
    "limit": 40,
    "offset": 0,
    "search": "นคร",
    "as_of": date(2026, 1, 1),
}
# Values that widen every filter: each query must also run with nothing narrowed.
BROAD = {"province": None, "indicator": None, "indicator_nos": [], "agency_ids": [], "search": None}

# The columns a query promises to the pages that read it, for the questions whose pages depend on them.
PROMISED: dict[str, list[str]] = {
    "national_results": ["fiscal_year", "count_agencies", "mean_score", "pass_share", "source"],
    "method_changes": ["fiscal_year", "model", "grade_scheme", "previous_model", "previous_grade_scheme"],
    "score_trend": [
        "fiscal_year",
        "framework_model",
        "grade_scheme",
        "count_agencies",
        "mean_score",
        "count_passing",
        "pass_share",
        "pass_mark",
        "pass_share_target",
    ],
    "grade_distribution": ["fiscal_year", "grade_scheme", "label", "rank", "count_agencies", "share"],
    "weakest_indicators": [
        "indicator_no",
        "name_th",
        "name_en",
        "instrument",
        "count_agencies",
        "mean_score",
        "median_score",
        "share_below_pass",
        "pass_mark",
    ],
    "agency_ranking": [
        "agency_id",
        "agency_name",
        "agency_type",
        "district",
        "province",
        "score",
        "label",
        "is_passing",
        "previous_score",
        "previous_label",
        "change",
        "rank_in_province",
        "count_in_province",
        "rank_in_type",
        "count_in_type",
        "percentile_in_type",
    ],
    "indicator_heatmap": ["agency_id", "agency_name", "overall_score", "indicator_no", "score"],
    "grade_transitions": [
        "from_label",
        "from_rank",
        "to_label",
        "to_rank",
        "count_agencies",
        "count_fell_below_pass",
    ],
    "grade_transition_agencies": [
        "agency_id",
        "agency_name",
        "agency_type",
        "district",
        "from_label",
        "from_score",
        "to_label",
        "to_score",
        "change",
        "direction",
        "is_fell_below_pass",
    ],
    "agency_indicator_comparison": [
        "agency_id",
        "agency_name",
        "agency_type",
        "province",
        "indicator_no",
        "indicator_name_th",
        "indicator_name_en",
        "instrument",
        "score",
        "peer_median",
        "count_peers",
        "difference",
    ],
    "indicator_distribution": [
        "indicator_no",
        "name_th",
        "name_en",
        "instrument",
        "group_key",
        "count_agencies",
        "min_score",
        "q1_score",
        "median_score",
        "q3_score",
        "max_score",
        "mean_score",
        "count_below",
    ],
    "indicator_points_lost": [
        "indicator_no",
        "name_th",
        "name_en",
        "instrument",
        "indicator_weight",
        "count_agencies",
        "mean_score",
        "mean_points_lost",
    ],
    "province_map": ["province", "count_agencies", "mean_score", "pass_share", "pass_mark", "indicator_mean"],
    "attention_list": [
        "agency_id",
        "agency_name",
        "agency_type",
        "district",
        "province",
        "reason",
        "score",
        "previous_score",
        "label",
        "previous_label",
        "indicator_nos",
        "count_items",
        "first_end_date",
        "documents",
        "is_synthetic",
    ],
    "agencies_below_threshold": [
        "agency_id",
        "agency_name",
        "agency_type",
        "district",
        "province",
        "indicator_no",
        "indicator_name_th",
        "indicator_name_en",
        "instrument",
        "score",
        "points_lost",
        "count_years_below",
        "first_year_below",
        "count_total",
    ],
}
SNAKE_CASE = re.compile(r"[a-z][a-z0-9_]*")


def _examples(name: str, overrides: dict | None = None) -> dict:
    wanted = db.named_parameters(db.query_text(name))
    missing = sorted(wanted - EXAMPLES.keys())
    if missing:
        pytest.fail(
            f"queries/{name}.sql takes {', '.join('$' + m for m in missing)}: "
            "add an example value for each to EXAMPLES in tests/test_queries.py"
        )
    values = EXAMPLES | (overrides or {})
    return {key: values[key] for key in wanted}


@pytest.mark.parametrize("name", db.query_names())
def test_query_opens_with_its_question_and_grain(name: str) -> None:
    lines = db.query_text(name).splitlines()
    assert len(lines) > 2 and lines[0].startswith("-- ") and lines[1].startswith("-- "), (
        f"queries/{name}.sql must open with two comment lines: the question, then grain and parameters"
    )


@pytest.mark.parametrize("name", db.query_names())
@pytest.mark.parametrize("scope", ["example", "broad"])
def test_query_runs_and_returns_its_columns(con: duckdb.DuckDBPyConnection, name: str, scope: str) -> None:
    result = db.run_query(con, name, _examples(name, BROAD if scope == "broad" else None))
    columns = list(result.columns)
    assert columns, f"{name} returns no columns"
    assert len(set(columns)) == len(columns), f"{name} repeats a column name: {columns}"
    assert all(SNAKE_CASE.fullmatch(c) for c in columns), (
        f"{name} has a column that is not snake_case: {columns}"
    )
    if name in PROMISED:
        assert columns == PROMISED[name]


def test_every_promised_query_exists() -> None:
    assert set(PROMISED) <= set(db.query_names())
