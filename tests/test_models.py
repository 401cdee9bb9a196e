"""Derived models are one file each: the header states grain and refresh key, and the refreshes follow from it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ita import load, models, refresh

SEED_002 = Path(__file__).resolve().parent.parent / "data" / "documents" / "002_c99676ea6513b4a9.txt"
NEW_MODEL = """-- grain: one row per agency and fiscal year with measures; refresh key: agency; order: fiscal_year, agency_id
-- How many measures each agency's standing document holds.
WITH measures_in_scope AS (
    SELECT * FROM measure_facts SEMI JOIN refresh_scope USING (agency_id)
), final AS (
    SELECT agency_id, fiscal_year, count(*) AS count_measures, bool_or(is_synthetic) AS is_synthetic
    FROM measures_in_scope
    GROUP BY ALL
)
SELECT * FROM final
"""


def test_every_model_states_its_grain_and_refresh_key():
    found = models.models()
    assert {m.name for m in found} == {p.stem for p in models.MODELS_DIR.glob("*.sql")}
    for model in found:
        assert model.grain.startswith("one row per"), model.name
        assert model.key in models.SCOPE_TABLES


def test_a_model_comes_after_the_models_it_reads():
    order = [m.name for m in models.models()]
    for position, model in enumerate(models.models()):
        assert model.depends <= set(order[:position]), model.name
    assert {"assessment_facts"} <= models.models()[order.index("ranking_summary")].depends


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT 1", "line 1 must read"),
        ("-- grain: one row; refresh key: province; order: a\nSELECT 1 FROM refresh_scope", "not one of"),
        ("-- grain: one row; refresh key: place; order: a\nSELECT 1 FROM refresh_scope", "refresh_places"),
    ],
)
def test_a_model_that_breaks_the_convention_is_named(tmp_path, text, message):
    (tmp_path / "bad_model.sql").write_text(text, encoding="utf-8")
    with pytest.raises(models.ModelError, match=rf"^bad_model\.sql: .*{message}"):
        models.models(tmp_path)


def test_models_reading_each_other_in_a_circle_are_refused(tmp_path):
    header = "-- grain: one row; refresh key: agency; order: agency_id\n"
    (tmp_path / "first_facts.sql").write_text(header + "SELECT * FROM second_facts, refresh_scope")
    (tmp_path / "second_facts.sql").write_text(header + "SELECT * FROM first_facts, refresh_scope")
    with pytest.raises(models.ModelError, match="circle"):
        models.models(tmp_path)


@pytest.fixture
def one_more_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "models"
    shutil.copytree(models.MODELS_DIR, folder)
    (folder / "measure_counts.sql").write_text(NEW_MODEL, encoding="utf-8")
    monkeypatch.setattr(models, "MODELS_DIR", folder)


def test_adding_a_model_is_adding_its_file(one_more_model, con):
    load.import_file(con, SEED_002)
    refresh.refresh_facts(con)  # scoped: the import touched one agency
    scoped = con.execute("SELECT fiscal_year, count_measures FROM measure_counts").fetchall()
    assert scoped == [(2565, 4)]
    refresh.refresh_facts(con, everything=True)
    assert con.execute("SELECT fiscal_year, count_measures FROM measure_counts").fetchall() == scoped
