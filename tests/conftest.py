"""Shared fixtures: one small database built in code from the real documents plus a
synthetic sample of two provinces; the same builder writes a demo file (python -m ita build)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "documents"
FIXTURE_PROVINCES = ["นครราชสีมา", "อุตรดิตถ์"]


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real seeds + synthetic agencies of two provinces, built once per test session."""
    from ita.build import build

    path = tmp_path_factory.mktemp("db") / "fixture.duckdb"
    report = build(path, ROOT / "data", provinces=FIXTURE_PROVINCES)
    assert not report.rejected, report.rejected
    return path


@pytest.fixture
def con(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a test database: by default a new, empty one set up for writing (tables, frameworks,
    derived tables, views). `@pytest.mark.database("fixture")` opens the fixture database read-only;
    `@pytest.mark.database("fixture copy")` a private copy of it, set up for writing."""
    from ita import db, refresh

    marker = request.node.get_closest_marker("database")
    kind = marker.args[0] if marker else "empty"
    if kind == "fixture":
        connection = db.connect(request.getfixturevalue("fixture_db"))
    else:
        path = tmp_path / f"{kind.replace(' ', '_')}.duckdb"
        if kind == "fixture copy":
            shutil.copyfile(request.getfixturevalue("fixture_db").resolve(), path)
        elif kind != "empty":
            raise ValueError(f"no test database of kind {kind!r}")
        connection = db.connect(path, read_only=False)
        refresh.init_database(connection)
    yield connection
    connection.close()


@pytest.fixture
def app_env(fixture_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the dashboard at the fixture database (pages read ita.db.DEFAULT_DB)."""
    from ita import db

    monkeypatch.setattr(db, "DEFAULT_DB", fixture_db)
    return fixture_db
