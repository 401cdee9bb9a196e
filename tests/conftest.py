"""Shared fixtures: one small database built in code from the real documents plus a
synthetic sample of two provinces; the same builder writes a demo file (python -m ita build)."""

from __future__ import annotations

from pathlib import Path

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
def app_env(fixture_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the dashboard at the fixture database (pages read ita.db.DEFAULT_DB)."""
    from ita import db

    monkeypatch.setattr(db, "DEFAULT_DB", fixture_db)
    return fixture_db
