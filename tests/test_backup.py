"""Export to Parquet and build back: the public views come back identical, and the store of originals with them."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from ita import backup
from ita.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED_002 = ROOT / "data" / "documents" / "002_c99676ea6513b4a9.txt"


def _checksums(path: Path) -> dict[str, str]:
    con = duckdb.connect(str(path.resolve()), read_only=True)
    sums = {}
    for view in backup.PUBLIC_VIEWS:
        rows = con.execute(f"SELECT * FROM {view} ORDER BY ALL").fetchall()
        sums[view] = hashlib.sha256(repr(rows).encode()).hexdigest()
    con.close()
    return sums


def test_export_and_build_from_round_trip(fixture_db: Path, tmp_path: Path):
    source = tmp_path / "ita.duckdb"
    shutil.copyfile(fixture_db.resolve(), source)
    upload = tmp_path / "อบต.ทดสอบ.txt"
    upload.write_text(
        SEED_002.read_text(encoding="utf-8").replace("นครนครราชสีมา", "ตำบลทดสอบ"), encoding="utf-8"
    )
    out = tmp_path / "export"
    restored = tmp_path / "restored" / "ita.duckdb"
    for args in (
        ["import", "--db", str(source), str(upload)],
        ["export", "--db", str(source), "--format", "parquet", str(out)],
        ["build", "--from", str(out), "--db", str(restored)],
    ):
        done = subprocess.run([sys.executable, "-m", "ita", *args], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert (out / "v_assessments.parquet").exists()
    assert _checksums(restored) == _checksums(source)
    sha = hashlib.sha256(upload.read_bytes()).hexdigest()
    kept = Store.beside(restored).path(sha)
    assert kept is not None and kept.read_bytes() == upload.read_bytes()
    assert [o.name for o in Store.beside(restored).originals()] == [upload.name]
