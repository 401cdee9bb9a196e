"""Export to Parquet and build back: the public views come back identical."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb

from ita import backup

ROOT = Path(__file__).resolve().parent.parent


def _checksums(path: Path) -> dict[str, str]:
    con = duckdb.connect(str(path.resolve()), read_only=True)
    sums = {}
    for view in backup.PUBLIC_VIEWS:
        rows = con.execute(f"SELECT * FROM {view} ORDER BY ALL").fetchall()
        sums[view] = hashlib.sha256(repr(rows).encode()).hexdigest()
    con.close()
    return sums


def test_export_and_build_from_round_trip(fixture_db: Path, tmp_path: Path):
    out = tmp_path / "export"
    restored = tmp_path / "restored.duckdb"
    for args in (
        ["export", "--db", str(fixture_db), "--format", "parquet", str(out)],
        ["build", "--from", str(out), "--db", str(restored)],
    ):
        done = subprocess.run([sys.executable, "-m", "ita", *args], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert (out / "v_assessments.parquet").exists()
    assert _checksums(restored) == _checksums(fixture_db)
