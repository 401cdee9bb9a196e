"""The year a session opens on: the newest with ITA results, not the newest with anything."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from ita import db, load, refresh
from tests.apptest import open_page
from tests.layouts import LAYOUTS


@pytest.fixture
def with_next_years_plan(fixture_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture plus a plan for 2569, a year the NACC has not assessed yet."""
    copy = tmp_path / "ita.duckdb"
    shutil.copyfile(fixture_db.resolve(), copy)
    with duckdb.connect(str(copy)) as con:
        refresh.init_database(con)
        load.import_file(con, LAYOUTS / "indicator_group_column.html")
        refresh.refresh_facts(con)
    monkeypatch.setattr(db, "DEFAULT_DB", copy)
    return copy


def test_a_session_opens_on_the_newest_assessed_year(with_next_years_plan: Path) -> None:
    at = open_page()
    year = at.sidebar.selectbox(key="f_year")
    assert (year.value, year.options[:2]) == (2568, ["2569", "2568"])


def test_the_url_still_opens_a_year_without_results(with_next_years_plan: Path) -> None:
    assert open_page(year="2569").sidebar.selectbox(key="f_year").value == 2569
