"""Following measures: indicator follow-through, across years, and across the reports of one year."""

from __future__ import annotations

from pathlib import Path

from ita import load, refresh

SEEDS = Path(__file__).resolve().parent.parent / "data" / "documents"
SEED_001 = SEEDS / "001_040fced78df51963.txt"
SEED_002 = SEEDS / "002_c99676ea6513b4a9.txt"


def test_measures_of_2565_answer_the_2564_result(con):
    load.import_file(con, SEED_002)
    refresh.refresh_facts(con)
    rows = con.execute(
        "SELECT indicator_no, base_score, is_weak, count_measures FROM v_indicator_followthrough "
        "WHERE agency_name = 'เทศบาลนครนครราชสีมา' AND fiscal_year = 2565 ORDER BY indicator_no"
    ).fetchall()
    assert len(rows) == 10
    # indicator 8 (84.83 in 2564) is the one weak indicator; measure 4 ("การปรับปรุงประสิทธิภาพการทำงาน") aims at it
    assert [r for r in rows if r[2]] == [(8, 84.83, True, 1)]
    assert con.execute(
        "SELECT target_indicators[1] FROM v_measures WHERE fiscal_year = 2565 AND measure_no = 4"
    ).fetchone() == (8,)


def test_link_evidence_is_kept(con):
    load.import_file(con, SEED_001)
    evidence = con.execute(
        "SELECT t.indicator_no, t.evidence FROM measure_targets t JOIN measures m USING (measure_id) "
        "WHERE m.measure_no = 1 AND t.rank = 1"
    ).fetchone()
    assert evidence[0] == 4
    assert "ทรัพย์สินของราชการ" in evidence[1]


def test_six_month_statuses_are_history_and_the_year_end_stands(con, tmp_path):
    year_end = tmp_path / "001_year_end.txt"
    year_end.write_text(
        SEED_001.read_text(encoding="utf-8").replace("รอบ ๖ เดือนแรก", "รอบ ๑๒ เดือน"), encoding="utf-8"
    )
    load.import_file(con, SEED_001)
    load.import_file(con, year_end)
    refresh.refresh_facts(con)
    history = con.execute(
        "SELECT count(*), count(DISTINCT earlier_document), min(earlier_kind) FROM v_measure_status_history"
    ).fetchone()
    assert history == (10, 1, "progress_6_months")
    assert con.execute("SELECT count(*), min(document_kind) FROM v_measures").fetchone() == (
        10,
        "progress_year_end",
    )


def test_measures_are_followed_across_years(con, tmp_path):
    """A copy of seed 001 re-dated to 2566, with measure 10 removed: 9 carried forward, 1 dropped."""
    text = SEED_001.read_text(encoding="utf-8")
    next_year = text.replace("๒๕๖๕", "๒๕๖๖").replace("๒๕๖๔", "๒๕๖๕").replace("๖๕", "๖๖").replace("๖๔", "๖๕")
    next_year = next_year[: next_year.index("๑๐. การปรับปรุงข้อมูลในเว็บไซต์")]
    path = tmp_path / "001_2566.txt"
    path.write_text(next_year, encoding="utf-8")
    load.import_file(con, SEED_001)
    load.import_file(con, path)
    refresh.refresh_facts(con)
    lifecycle = dict(
        con.execute(
            "SELECT lifecycle, count(*) FROM v_measure_lifecycle WHERE fiscal_year = 2566 GROUP BY 1"
        ).fetchall()
    )
    # seed 001 states no statuses, so a measure that disappears counts as dropped, not completed
    assert lifecycle == {"carried_forward": 9, "dropped": 1}
