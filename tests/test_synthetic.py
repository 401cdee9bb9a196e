"""The synthetic national sample: its size, its calibration, its agreement with the framework and the schema."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from ita import framework, load, synthetic

SCHEMA = Path(__file__).resolve().parent.parent / "ita" / "sql" / "schema.sql"
PROVINCE = "อุตรดิตถ์"


@pytest.fixture(scope="module")
def national() -> dict[str, pd.DataFrame]:
    return synthetic.generate()


@pytest.fixture(scope="module")
def province() -> dict[str, pd.DataFrame]:
    return synthetic.generate(provinces=[PROVINCE])


def _indicators(frames: dict[str, pd.DataFrame]) -> np.ndarray:
    """Indicator scores as an assessments × 10 array, in assessment order."""
    scores = frames["indicator_scores"].sort_values(["assessment_id", "indicator_no"])
    assert (scores["assessment_id"].unique() == frames["assessments"]["assessment_id"]).all()
    return scores["score"].to_numpy().reshape(-1, 10)


def test_same_seed_gives_the_same_frames(province: dict[str, pd.DataFrame]) -> None:
    synthetic._national_agencies.cache_clear()
    again = synthetic.generate(provinces=[PROVINCE])
    for table, frame in province.items():
        pd.testing.assert_frame_equal(frame, again[table])


def test_another_seed_gives_other_scores(province: dict[str, pd.DataFrame]) -> None:
    other = synthetic.generate(seed=1, provinces=[PROVINCE])
    assert not np.array_equal(other["assessments"]["score"], province["assessments"]["score"])


def test_national_counts_per_type(national: dict[str, pd.DataFrame]) -> None:
    counts = national["agencies"]["agency_type"].value_counts()
    assert counts["pao"] == 76
    assert 25 <= counts["city_municipality"] <= 35
    assert 180 <= counts["town_municipality"] <= 210
    assert 2_150 <= counts["subdistrict_municipality"] <= 2_350
    assert 5_100 <= counts["sao"] <= 5_500
    assert national["agencies"]["province"].nunique() == 76
    assert synthetic.BANGKOK not in set(national["agencies"]["province"])


def test_a_subdistrict_has_a_subdistrict_municipality_or_a_sao_not_both(
    national: dict[str, pd.DataFrame],
) -> None:
    agencies = national["agencies"].assign(place=lambda f: f["identity_key"].str.split("|").str[2])
    places = {
        kind: set(
            agencies.loc[agencies["agency_type"] == kind, ["place", "district", "province"]].itertuples(
                index=False
            )
        )
        for kind in ("subdistrict_municipality", "sao")
    }
    assert not places["subdistrict_municipality"] & places["sao"]


def test_yearly_means_and_pass_shares_follow_the_targets(national: dict[str, pd.DataFrame]) -> None:
    by_year = national["assessments"].groupby("fiscal_year")["score"]
    means = by_year.mean()
    shares = {fy: (scores >= framework.for_year(fy).pass_mark).mean() for fy, scores in by_year}
    for fy, target in synthetic.year_targets().items():
        assert abs(means[fy] - target.mean) <= 0.5, fy
        if target.is_published:
            assert abs(shares[fy] - target.share_passing) <= 0.02, fy


def test_scores_spread_and_open_data_catches_up(national: dict[str, pd.DataFrame]) -> None:
    a = national["assessments"]
    assert a["score"].between(0, 100).all()
    assert ((a["fiscal_year"] >= 2567) & (a["score"] < 50)).any()
    early = a[a["fiscal_year"] == 2564]
    late = a[a["fiscal_year"] == 2568]
    assert 88 <= early["iit"].mean() <= 90
    assert early["oit"].mean() < early["iit"].mean() - 10
    assert abs(late["oit"].mean() - late["iit"].mean()) < 3


def test_every_row_is_synthetic(national: dict[str, pd.DataFrame]) -> None:
    for table, frame in national.items():
        assert frame["is_synthetic"].all(), table
    assert national["agencies"]["identity_key"].str.startswith("synthetic|").all()


def test_overall_grade_and_rating_agree_with_the_framework(national: dict[str, pd.DataFrame]) -> None:
    indicators = _indicators(national)
    rows = national["assessments"].itertuples(index=False)
    for row, values in zip(rows, indicators.tolist(), strict=True):
        fw = framework.for_year(row.fiscal_year)
        scores = dict(enumerate(values, start=1))
        instruments = fw.instrument_scores(scores)
        assert row.score == round(fw.overall(scores), 2)
        label = fw.grade(row.score, instruments)
        assert (row.grade, row.rating) == ((label, None) if fw.grade_scheme == "letters" else (None, label))
        assert (row.iit, row.eit, row.oit) == tuple(round(instruments[c], 2) for c in ("IIT", "EIT", "OIT"))


def test_exclude_keys_skips_real_agencies(province: dict[str, pd.DataFrame]) -> None:
    keys = province["agencies"]["identity_key"].str.removeprefix(synthetic.KEY_PREFIX)
    real = frozenset(keys[:3])
    frames = synthetic.generate(provinces=[PROVINCE], exclude_keys=real)
    remaining = set(frames["agencies"]["identity_key"].str.removeprefix(synthetic.KEY_PREFIX))
    assert remaining == set(keys) - real
    assert set(frames["assessments"]["agency_id"]) == set(frames["agencies"]["agency_id"])


def test_unknown_province_is_refused() -> None:
    with pytest.raises(ValueError, match="กรุงเทพมหานคร"):
        synthetic.generate(provinces=["กรุงเทพมหานคร"])


def test_provinces_filter_keeps_those_provinces(province: dict[str, pd.DataFrame]) -> None:
    agencies = province["agencies"]
    assert set(agencies["province"]) == {PROVINCE}
    assert agencies["province_code"].eq("53").all()
    assert agencies["agency_type"].value_counts()["pao"] == 1
    assert set(province["measures"]["agency_id"]) == set(agencies["agency_id"])


def test_an_agency_scores_the_same_in_any_subset(
    national: dict[str, pd.DataFrame], province: dict[str, pd.DataFrame]
) -> None:
    def scores(frames: dict[str, pd.DataFrame]) -> pd.Series:
        a = frames["assessments"].merge(frames["agencies"][["agency_id", "identity_key"]])
        return a.set_index(["identity_key", "fiscal_year"])["score"]

    small = scores(province)
    assert scores(national).loc[small.index].equals(small)


def test_first_ids_shift_every_id(province: dict[str, pd.DataFrame]) -> None:
    first = {"agency_id": 100, "document_id": 200, "assessment_id": 300, "measure_id": 400}
    frames = synthetic.generate(provinces=[PROVINCE], first_ids=first)
    assert frames["agencies"]["agency_id"].min() == 100
    assert frames["documents"]["document_id"].min() == 200
    assert frames["assessments"]["assessment_id"].min() == 300
    assert frames["measures"]["measure_id"].min() == 400
    assert frames["assessments"]["document_id"].isin(frames["documents"]["document_id"]).all()
    assert frames["measures"]["document_id"].isin(frames["documents"]["document_id"]).all()


def test_one_score_sheet_per_year_and_one_report_per_agency_and_year(
    province: dict[str, pd.DataFrame],
) -> None:
    docs = province["documents"]
    sheets = docs[docs["kind"] == "score_sheet"]
    assert sheets["file_name"].tolist() == [f"synthetic/ita_{fy}.csv" for fy in range(2562, 2569)]
    reports = docs[docs["kind"] == "progress_year_end"]
    assert len(reports) == 7 * len(province["agencies"])
    first = reports.iloc[0]
    assert first["file_name"] == f"synthetic/{first['agency_id']}/2562/measures.txt"
    assert (first["period_start"], first["period_end"]) == (
        pd.Timestamp(2018, 10, 1),
        pd.Timestamp(2019, 9, 30),
    )
    assert docs["sha256"].is_unique and docs["sha256"].str.fullmatch("[0-9a-f]{64}").all()
    lines = province["assessments"].groupby("document_id")["source_line"]
    assert (lines.min() == 2).all() and (lines.max() == len(province["agencies"]) + 1).all()


def test_measures_per_report_and_their_dates(national: dict[str, pd.DataFrame]) -> None:
    m = national["measures"]
    per_report = m.groupby("document_id").size()
    assert per_report.between(5, 12).all()
    assert len(per_report) == len(national["assessments"])
    october = pd.to_datetime((m["fiscal_year"] - 544).astype(str) + "-10-01")
    september = pd.to_datetime((m["fiscal_year"] - 543).astype(str) + "-09-30")
    assert (m["start_date"] >= october).all() and (m["end_date"] <= september).all()
    assert (m["start_date"] <= m["end_date"]).all()
    assert m["steps"].map(len).between(1, 6).all()
    assert (m["result"].notna() == (m["status"] == "done")).all()
    latest = m["fiscal_year"] == 2568
    assert (m.loc[latest, "status"] == "in_progress").mean() > (
        m.loc[~latest, "status"] == "in_progress"
    ).mean()
    assert (m["last_line"] - m["first_line"] + 1 == m["steps"].map(len)).all()


def test_measures_aim_at_last_years_weakest_indicators(national: dict[str, pd.DataFrame]) -> None:
    a = national["assessments"]
    ranks = np.argsort(np.argsort(_indicators(national), axis=1, kind="stable"), axis=1, kind="stable")
    weak = pd.DataFrame({"agency_id": a["agency_id"], "fiscal_year": a["fiscal_year"] + 1})
    weak["weakest_three"] = [set(np.flatnonzero(r < 3) + 1) for r in ranks]
    targets = national["measure_targets"]
    primary = targets[targets["rank"] == 1].merge(
        national["measures"][["measure_id", "agency_id", "fiscal_year"]]
    )
    primary = primary.merge(weak, on=["agency_id", "fiscal_year"])
    aimed = [i in s for i, s in zip(primary["indicator_no"], primary["weakest_three"], strict=True)]
    assert np.mean(aimed) > 0.6


def test_some_measures_carry_over_from_last_year(national: dict[str, pd.DataFrame]) -> None:
    m = national["measures"][["agency_id", "fiscal_year", "title"]]
    last_year = m.assign(fiscal_year=m["fiscal_year"] + 1, carried=True)
    later = m[m["fiscal_year"] > 2562].merge(last_year, how="left")
    assert 0.3 <= later["carried"].notna().mean() <= 0.5


def test_targets_rank_and_evidence(province: dict[str, pd.DataFrame]) -> None:
    targets = province["measure_targets"]
    assert set(targets["rank"]) == {1, 2}
    assert (targets.groupby("measure_id")["rank"].min() == 1).all()
    assert len(targets[targets["rank"] == 1]) == len(province["measures"])
    titles = targets.merge(province["measures"][["measure_id", "title"]])
    assert all(
        1 <= len(words) <= 2 and all(w in title for w in words)
        for words, title in zip(titles["evidence"], titles["title"], strict=True)
    )


def test_frames_insert_into_the_schema(national: dict[str, pd.DataFrame]) -> None:
    con = duckdb.connect()
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    for table, frame in national.items():
        columns = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]
        assert list(frame.columns) == columns, table
        con.register("frame", frame)
        con.execute(f"INSERT INTO {table} SELECT * FROM frame")
        con.unregister("frame")
        assert con.execute(f"SELECT count(*) FROM {table}").fetchall() == [(len(frame),)]
    types = con.execute(
        "SELECT typeof(steps), typeof(evidence), typeof(start_date) FROM measures JOIN measure_targets USING (measure_id) LIMIT 1"
    )
    assert types.fetchall() == [("VARCHAR[]", "VARCHAR[]", "DATE")]


def test_the_sample_fills_the_row_group_the_real_rows_started(con: duckdb.DuckDBPyConnection) -> None:
    """A few real rows alone in a first row group would make the first import that deletes rows after them
    merge and rewrite a whole row group when it publishes (0.6 s of a one-document import)."""
    con.execute("INSERT INTO indicator_scores VALUES (1, 1, 50.0, false), (1, 2, 60.0, false)")
    count = 2 * 122_880  # two row groups' worth: too many to merge with the real rows' group
    sample = pd.DataFrame(
        {
            "assessment_id": np.arange(count) // 10 + 2,
            "indicator_no": np.arange(count) % 10 + 1,
            "score": 70.0,
            "is_synthetic": True,
        }
    )
    load.insert_frames(con, {"indicator_scores": sample})
    con.execute("CHECKPOINT")
    sizes = con.execute(
        """SELECT sum(count) FROM pragma_storage_info('indicator_scores')
           WHERE column_name = 'score' AND segment_type <> 'VALIDITY' GROUP BY row_group_id ORDER BY row_group_id"""
    ).fetchall()
    assert [size for (size,) in sizes] == [122_880, 122_880, 2]
