"""Publishing an import recomputes only what it touched, and the result is what a full refresh gives.

Each case imports into a copy of the fixture database (real seeds and two provinces of the synthetic
sample), publishes with the scoped refresh, and compares every derived table with a full refresh of the
same data afterwards.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ita import db, load, models, refresh

pytestmark = pytest.mark.database("fixture copy")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "documents"
SEED_001 = SEEDS / "001_040fced78df51963.txt"
SEED_002 = SEEDS / "002_c99676ea6513b4a9.txt"
DERIVED = (*(m.name for m in models.models()), "v_measure_status_history")


def _contents(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """Row count and an order-independent checksum of every derived table."""
    out = {}
    for table in DERIVED:
        columns = ", ".join(r[0] for r in con.execute(f"DESCRIBE {table}").fetchall())
        out[table] = con.execute(
            f"SELECT count(*), coalesce(sum(hash({columns})), 0) FROM {table}"
        ).fetchone()
    return out


def _publish_scoped(con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch) -> None:
    """refresh_facts as a publish runs it, checking that it took the scoped path."""
    scripts: list[str] = []
    script = db.script
    monkeypatch.setattr(db, "script", lambda name: scripts.append(name) or script(name))
    refresh.refresh_facts(con)
    monkeypatch.setattr(db, "script", script)
    assert "scope_touched" in scripts and "scope_everything" not in scripts


def _assert_same_as_full_refresh(con: duckdb.DuckDBPyConnection) -> None:
    scoped = _contents(con)
    refresh.refresh_facts(con, everything=True)
    assert scoped == _contents(con)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_new_agency(con, tmp_path, monkeypatch):
    copy = SEED_002.read_text(encoding="utf-8").replace("นครนครราชสีมา", "ตำบลทดสอบ")
    load.import_file(con, _write(tmp_path / "new_agency.txt", copy))
    _publish_scoped(con, monkeypatch)
    assert con.execute(
        "SELECT count(*) FROM v_assessments WHERE agency_name = 'เทศบาลตำบลทดสอบ'"
    ).fetchone() == (1,)
    _assert_same_as_full_refresh(con)


def test_a_corrected_document_and_a_year_end_report(con, tmp_path, monkeypatch):
    corrected = SEED_002.read_text(encoding="utf-8").replace("ได้ ๘๔.๘๓", "ได้ ๖๔.๘๓")
    load.import_file(con, _write(tmp_path / "002_corrected.txt", corrected))
    year_end = SEED_001.read_text(encoding="utf-8").replace(
        "(รอบ ๖ เดือนแรก ตั้งแต่ตุลาคม ๒๕๖๔ – มีนาคม ๒๕๖๕)", "(รอบ ๑๒ เดือน ตั้งแต่ตุลาคม ๒๕๖๔ – กันยายน ๒๕๖๕)"
    )
    load.import_file(con, _write(tmp_path / "001_year_end.txt", year_end))
    _publish_scoped(con, monkeypatch)
    assert con.execute(
        "SELECT score FROM v_indicator_scores WHERE agency_name = 'เทศบาลนครนครราชสีมา' "
        "AND fiscal_year = 2564 AND indicator_no = 8"
    ).fetchone() == (64.83,)
    _assert_same_as_full_refresh(con)


def test_a_score_sheet_over_synthetic_and_real_agencies_then_its_correction(con, tmp_path, monkeypatch):
    synthetic = con.execute(
        "SELECT name, province FROM agencies WHERE is_synthetic AND agency_type = 'sao' ORDER BY agency_id LIMIT 2"
    ).fetchall()
    rows = [f"{name},{province},2566,71.5" for name, province in synthetic]
    sheet = "หน่วยงาน,จังหวัด,ปีงบประมาณ,คะแนน\n" + "\n".join([*rows, "เทศบาลนครนครราชสีมา,นครราชสีมา,2566,90.1"])
    load.import_file(con, _write(tmp_path / "sheet.csv", sheet + "\n"))
    _publish_scoped(con, monkeypatch)
    # a real agency replaces its synthetic twin: no invented year or measure stays beside the real score
    places = {"places": [f"{name}|{province}" for name, province in synthetic]}
    replaced = con.execute(
        "SELECT agency_name, province, list(fiscal_year), bool_or(is_synthetic) FROM v_assessments "
        "WHERE list_contains($places, agency_name || '|' || province) GROUP BY ALL ORDER BY ALL",
        places,
    ).fetchall()
    assert replaced == sorted((name, province, [2566], False) for name, province in synthetic)
    assert con.execute(
        "SELECT count(*) FROM v_measures WHERE list_contains($places, agency_name || '|' || province)", places
    ).fetchone() == (0,)
    _assert_same_as_full_refresh(con)

    # the corrected sheet (same file name) no longer lists the first agency: its 2566 score goes
    corrected = "หน่วยงาน,จังหวัด,ปีงบประมาณ,คะแนน\n" + rows[1] + "\n"
    load.import_file(con, _write(tmp_path / "sheet.csv", corrected))
    _publish_scoped(con, monkeypatch)
    assert con.execute(
        "SELECT count(*) FROM v_assessments WHERE agency_name = $name AND province = $province",
        dict(zip(("name", "province"), synthetic[0], strict=True)),
    ).fetchone() == (0,)
    _assert_same_as_full_refresh(con)


def test_an_agency_whose_province_is_learnt_later(con, tmp_path, monkeypatch):
    # no province: "ทดสอบสาม" is no place geothai knows, so none can be inferred
    unknown = "หน่วยงาน,ปีงบประมาณ,คะแนน\nเทศบาลตำบลทดสอบสาม,2565,80\n"
    load.import_file(con, _write(tmp_path / "without.csv", unknown))
    _publish_scoped(con, monkeypatch)
    assert con.execute(
        "SELECT province FROM v_assessments WHERE agency_name = 'เทศบาลตำบลทดสอบสาม'"
    ).fetchall() == [(None,)]
    known = "หน่วยงาน,จังหวัด,ปีงบประมาณ,คะแนน\nเทศบาลตำบลทดสอบสาม,อุตรดิตถ์,2566,88\n"
    load.import_file(con, _write(tmp_path / "with.csv", known))
    _publish_scoped(con, monkeypatch)
    assert con.execute(
        "SELECT list(fiscal_year ORDER BY fiscal_year), min(province), max(province) FROM v_assessments "
        "WHERE agency_name = 'เทศบาลตำบลทดสอบสาม'"
    ).fetchone() == ([2565, 2566], "อุตรดิตถ์", "อุตรดิตถ์")
    _assert_same_as_full_refresh(con)


def test_importing_nothing_new_recomputes_nothing(con, monkeypatch):
    assert load.import_file(con, SEED_002).status == "unchanged"
    scripts: list[str] = []
    script = db.script
    monkeypatch.setattr(db, "script", lambda name: scripts.append(name) or script(name))
    refresh.refresh_facts(con)
    assert scripts == []
