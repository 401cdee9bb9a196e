"""Build a database from scratch: every real document of data/, then every original kept in the database's
store (ita/store.py: what users imported or uploaded), then the synthetic sample."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ita import db, load, snapshot, synthetic
from ita.errors import ItaError
from ita.store import Store

DATA_DIR = db.ROOT / "data"
# Folders under data/ whose files are imported; framework/ and reference/ are configuration.
SOURCE_DIRS = ("documents", "sheets")


@dataclass
class BuildReport:
    imported: list[load.ImportResult] = field(default_factory=list)
    count_from_store: int = 0  # of the files imported, those kept in the store
    rejected: list[ItaError] = field(default_factory=list)
    synthetic_rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def source_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """The real documents and score sheets under data/, in a stable order."""
    files: list[Path] = []
    for folder in SOURCE_DIRS:
        files.extend(
            p for p in sorted((data_dir / folder).rglob("*")) if p.is_file() and not p.name.startswith(".")
        )
    return files


def build(
    db_path: Path = db.DEFAULT_DB,
    data_dir: Path = DATA_DIR,
    *,
    with_synthetic: bool = True,
    provinces: list[str] | None = None,
) -> BuildReport:
    """Create a new database file from scratch and publish it in one swap.

    The store's originals come after data/, in the order they were first imported, so a correction a user
    uploaded still supersedes the document in data/ it corrects.
    """
    started = time.perf_counter()
    report = BuildReport()
    with snapshot.writing(db_path, fresh=True) as con:
        files = [(path, path.relative_to(data_dir).as_posix()) for path in source_files(data_dir)]
        kept = [(original.path, original.name) for original in Store.beside(db_path).originals()]
        report.count_from_store = len(kept)
        for outcome in load.Importer(con).import_files([*files, *kept]):
            if isinstance(outcome, ItaError):
                report.rejected.append(outcome)
            else:
                report.imported.append(outcome)
        if with_synthetic:
            frames = synthetic.generate(
                first_ids=load.first_free_ids(con),
                exclude_keys=load.real_agency_keys(con),
                provinces=provinces,
            )
            load.insert_frames(con, frames)
            report.synthetic_rows = {table: len(frame) for table, frame in frames.items()}
    report.seconds = time.perf_counter() - started
    return report
