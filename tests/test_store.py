"""The store of originals: content-addressed, in import order, written whole or not at all."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from ita import build, load
from ita.store import INDEX, Store, StoreError, original_path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "documents"
SEED_001 = SEEDS / "001_040fced78df51963.txt"
SEED_002 = SEEDS / "002_c99676ea6513b4a9.txt"


def _file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_original_is_kept_under_its_sha256_with_its_extension(tmp_path):
    store = Store.beside(tmp_path / "ita.duckdb")
    assert store.folder == tmp_path / "ita.originals"
    source = _file(tmp_path, "รายงาน.TXT", "ข้อความ")
    sha = _sha(source)
    kept = store.put(source, "uploads/รายงาน.TXT", sha)
    assert kept == tmp_path / "ita.originals" / sha[:2] / f"{sha}.txt"
    assert kept.read_bytes() == source.read_bytes()
    assert store.path(sha) == kept
    assert original_path(sha, tmp_path / "ita.duckdb") == kept
    assert store.path("0" * 64) is None


def test_the_same_bytes_are_kept_once_in_the_order_first_imported(tmp_path):
    store = Store(tmp_path / "store")
    first = _file(tmp_path, "b.txt", "second in the alphabet, first imported")
    second = _file(tmp_path, "a.csv", "หน่วยงาน,คะแนน\n")
    store.put(first, "b.txt")
    store.put(second, "a.csv")
    store.put(_file(tmp_path, "copy.txt", first.read_text(encoding="utf-8")), "copy.txt")
    assert [(o.name, o.sha256) for o in store.originals()] == [
        ("b.txt", _sha(first)),
        ("a.csv", _sha(second)),
    ]
    assert len((store.folder / INDEX).read_text(encoding="utf-8").splitlines()) == 2


def test_bytes_that_changed_since_they_were_read_are_refused(tmp_path):
    store = Store(tmp_path / "store")
    source = _file(tmp_path, "a.txt", "now")
    with pytest.raises(StoreError, match=r"^a\.txt: the file changed"):
        store.put(source, "a.txt", "0" * 64)
    assert store.originals() == []
    with pytest.raises(StoreError, match="not a sha256"):
        store.path("../../etc/passwd")


def test_a_file_whose_index_line_was_lost_is_still_found(tmp_path):
    store = Store(tmp_path / "store")
    kept = store.put(_file(tmp_path, "a.txt", "a"), "a.txt")
    store.put(_file(tmp_path, "b.txt", "b"), "b.txt")
    lines = (store.folder / INDEX).read_text(encoding="utf-8").splitlines()
    (store.folder / INDEX).write_text(lines[1] + "\n" + lines[0][:20], encoding="utf-8")  # torn by a crash
    assert [o.name for o in store.originals()] == ["b.txt", kept.name]


def test_cli_import_keeps_originals_and_build_imports_them_again(tmp_path):
    db_path = tmp_path / "ita.duckdb"
    corrected = _file(tmp_path, "001_corrected.txt", SEED_001.read_text(encoding="utf-8") + "\nแก้ไขเพิ่มเติม\n")
    done = subprocess.run(
        [sys.executable, "-m", "ita", "import", "--db", str(db_path), str(SEED_002), str(corrected)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert [o.name for o in Store.beside(db_path).originals()] == [SEED_002.name, corrected.name]

    # data/ holds seed 001 itself: the correction, imported after it, supersedes it again
    report = build.build(db_path, ROOT / "data", with_synthetic=False)
    assert not report.rejected and report.count_from_store == 2
    with duckdb.connect(str(db_path.resolve()), read_only=True) as con:
        standing = con.execute(
            "SELECT file_name FROM documents WHERE superseded_by IS NULL AND sha256 = $sha",
            {"sha": _sha(corrected)},
        ).fetchall()
        assert standing == [(corrected.name,)]  # its own name, not where it lay
        assert con.execute(
            "SELECT count(*) FROM documents WHERE file_name LIKE '%001_040fced78df51963.txt' AND superseded_by IS NOT NULL"
        ).fetchone() == (1,)


def test_an_importer_without_a_store_keeps_nothing(con, tmp_path):
    load.import_file(con, SEED_002)
    assert not list(tmp_path.glob("*.originals"))
