"""A database whose derived rows were made from other inputs is brought up to date: upgrading a model, editing the
indicator terms or a framework gives exactly what a fresh build with the new inputs gives, and says what changed."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import duckdb
import pytest

from ita import db, fingerprint, framework, linking, load, models, snapshot
from ita.build import build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "documents"
SEED_003 = SEEDS / "003_764a41593816b3a6.txt"  # Nakhon Ratchasima 2567: measures under headings
PROVINCE = ["อุตรดิตถ์"]
MEASURE_4 = (
    "SELECT target_indicators FROM v_measures "
    "WHERE agency_name = 'เทศบาลนครนครราชสีมา' AND fiscal_year = 2565 AND measure_no = 4"
)
# Two upgrades of measure_facts: one more column, and two columns of one type in each other's place (which a
# table filled by position would take without an error).
UPGRADES = {
    "a column added": ("        m.title,\n", "        m.title,\n        length(m.title) AS title_length,\n"),
    "two columns swapped": (
        "        m.title,\n        m.group_label,\n",
        "        m.group_label,\n        m.title,\n",
    ),
}


# columns added to base tables after databases were made with them (schema.sql adds them to an existing file)
ADDED_COLUMNS = (
    ("framework_years", "pass_share_target"),
    ("framework_years", "score_tolerance"),
    ("documents", "row_account"),
)


def _data_without_seed_003(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(SEEDS, data / "documents", ignore=shutil.ignore_patterns(SEED_003.name))
    return data


def _contents(path: Path) -> dict[str, tuple]:
    """Columns, row count and an order-independent checksum of every derived table, columns matched by name."""
    out = {}
    with duckdb.connect(str(path.resolve()), read_only=True) as con:
        for table in (*(m.name for m in models.models()), "v_measure_status_history"):
            columns = sorted(r[0] for r in con.execute(f"DESCRIBE {table}").fetchall())
            out[table] = (
                columns,
                *con.execute(
                    f"SELECT count(*), coalesce(sum(hash({', '.join(columns)})), 0) FROM {table}"
                ).fetchone(),
            )
    return out


def _upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str) -> None:
    folder = tmp_path / "models"
    shutil.copytree(models.MODELS_DIR, folder)
    path = folder / "measure_facts.sql"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    monkeypatch.setattr(models, "MODELS_DIR", folder)


@pytest.mark.parametrize("upgrade", sorted(UPGRADES))
def test_an_upgraded_model_then_one_import_equals_a_fresh_build(tmp_path, monkeypatch, caplog, upgrade):
    data = _data_without_seed_003(tmp_path)
    upgraded = tmp_path / "upgraded" / "ita.duckdb"
    build(upgraded, data, provinces=PROVINCE)
    _upgrade(tmp_path, monkeypatch, *UPGRADES[upgrade])
    with caplog.at_level(logging.WARNING, logger="ita.refresh"), snapshot.writing(upgraded) as con:
        load.import_file(con, SEED_003)
    assert "recomputing every derived row: model measure_facts changed" in caplog.text

    fresh = tmp_path / "fresh" / "ita.duckdb"
    build(fresh, data, provinces=PROVINCE)
    with snapshot.writing(fresh) as con:
        load.import_file(con, SEED_003)
    assert _contents(upgraded) == _contents(fresh)
    with duckdb.connect(str(upgraded.resolve()), read_only=True) as con:
        assert con.execute(
            "SELECT title, group_label FROM v_measures WHERE agency_name = 'เทศบาลนครนครราชสีมา' "
            "AND fiscal_year = 2567 AND measure_no = 5"
        ).fetchone() == (
            "ปรับปรุงคุณภาพดำเนินงานหรือการบริการให้มีประสิทธิภาพ",
            "ประเด็นที่ 2 การให้บริการและระบบ E-Service",
        )


def test_nothing_changed_recomputes_nothing(tmp_path, caplog):
    path = tmp_path / "ita.duckdb"
    build(path, ROOT / "data", with_synthetic=False)
    with caplog.at_level(logging.WARNING, logger="ita.refresh"), snapshot.writing(path):
        pass
    assert caplog.text == ""


def test_editing_the_indicator_terms_relinks_what_is_loaded(tmp_path, monkeypatch, caplog):
    path = tmp_path / "ita.duckdb"
    build(path, ROOT / "data", with_synthetic=False)
    with duckdb.connect(str(path.resolve()), read_only=True) as con:
        assert con.execute(MEASURE_4).fetchone() == ([8],)

    # an analyst decides the work-improvement terms of indicator 8 belong to indicator 7
    terms = tmp_path / "indicator_terms.csv"
    lines = linking.TERMS_PATH.read_text(encoding="utf-8").splitlines(keepends=True)
    terms.write_text(
        "".join(line.replace("8,", "7,", 1) if line.startswith("8,") else line for line in lines)
    )
    monkeypatch.setattr(linking, "TERMS_PATH", terms)
    with caplog.at_level(logging.WARNING, logger="ita.refresh"), snapshot.writing(path):
        pass
    assert "recomputing every derived row: indicator_terms changed" in caplog.text
    assert "linked 31 real measures to their indicators again" in caplog.text
    with duckdb.connect(str(path.resolve()), read_only=True) as con:
        assert con.execute(MEASURE_4).fetchone() == ([7],)
        assert con.execute(
            "SELECT count_measures FROM v_indicator_followthrough "
            "WHERE agency_name = 'เทศบาลนครนครราชสีมา' AND fiscal_year = 2565 AND indicator_no = 8"
        ).fetchone() == (0,)
    fresh = tmp_path / "fresh" / "ita.duckdb"
    build(fresh, ROOT / "data", with_synthetic=False)
    assert _contents(path) == _contents(fresh)


def test_editing_a_framework_regrades_what_is_loaded(tmp_path, monkeypatch, caplog):
    path = tmp_path / "ita.duckdb"
    build(path, ROOT / "data", with_synthetic=False)
    passing = "SELECT score, is_passing FROM v_assessments WHERE agency_name = 'เทศบาลนครนครราชสีมา' AND fiscal_year = 2564"
    with duckdb.connect(str(path.resolve()), read_only=True) as con:
        assert con.execute(passing).fetchone() == (92.9, True)

    folder = tmp_path / "framework"
    shutil.copytree(framework.FRAMEWORK_DIR, folder)
    raised = json.loads((folder / "2564.json").read_text(encoding="utf-8")) | {"pass_mark": 95}
    (folder / "2564.json").write_text(json.dumps(raised, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(framework, "FRAMEWORK_DIR", folder)
    with caplog.at_level(logging.WARNING, logger="ita.refresh"), snapshot.writing(path):
        pass
    assert "recomputing every derived row: framework 2564 changed" in caplog.text
    with duckdb.connect(str(path.resolve()), read_only=True) as con:
        assert con.execute(passing).fetchone() == (92.9, False)
    fresh = tmp_path / "fresh" / "ita.duckdb"
    build(fresh, ROOT / "data", with_synthetic=False)
    assert _contents(path) == _contents(fresh)


def test_changes_are_said_in_words():
    before = {"model:a": "1", "framework:2568": "2", fingerprint.PARSER: "1.0.0", fingerprint.TERMS: "3"}
    after = {"model:a": "9", "framework:2569": "4", fingerprint.PARSER: "1.1.0", fingerprint.TERMS: "3"}
    assert fingerprint.changes(before, after) == [
        "framework 2568 removed",
        "framework 2569 added",
        "model a changed",
        "parser_version 1.0.0 → 1.1.0",
    ]
    assert not fingerprint.relinks({**before}, {**before, "model:a": "9"})
    assert fingerprint.relinks(before, after)
    assert fingerprint.relinks({}, after)
    assert fingerprint.changes({}, after) == [
        "no fingerprint recorded (a database made by an earlier version)"
    ]


def test_a_database_made_before_columns_were_added_gains_them(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute(db.script("schema"))
        for table, column in ADDED_COLUMNS:
            con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    with snapshot.writing(path) as con:
        load.import_file(con, SEED_003)
    with duckdb.connect(str(path.resolve()), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM v_measures").fetchone() == (10,)
        assert con.execute("SELECT DISTINCT score_tolerance FROM framework_years").fetchall() == [(0.05,)]
