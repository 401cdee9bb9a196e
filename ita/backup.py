"""Backup and scale-out: export every table as Parquet (or CSV), and build a database back from it.

The export holds the base tables (enough to rebuild everything), the public views (for analysts who only
want the data) and, in originals/, every original kept in the database's store (ita/store.py);
`build --from DIR` restores the base tables and the store, and derives the rest.
"""

from __future__ import annotations

import json
from pathlib import Path

from ita import db, fingerprint, refresh, snapshot
from ita.store import Store

BASE_TABLES = (
    "framework_years",
    "framework_instruments",
    "framework_indicators",
    "framework_grades",
    "agencies",
    "agency_aliases",
    "documents",
    "document_warnings",
    "assessments",
    "indicator_scores",
    "measures",
    "measure_targets",
    "measure_words",
)
# what the derived rows and links of the export were made from: a restore re-links if it differs from now
FINGERPRINT = "derivation_fingerprint"
# by column name, so an export taken before a column was added still restores
_RESTORE = {
    table: "INSERT INTO " + table + " BY NAME SELECT * FROM read_parquet($path)"
    for table in (*BASE_TABLES, FINGERPRINT)
}
PUBLIC_VIEWS = (
    "v_assessments",
    "v_indicator_scores",
    "v_measures",
    "v_indicator_followthrough",
    "v_measure_lifecycle",
)
FORMATS = ("parquet", "csv")
ORIGINALS = "originals"


def export(db_path: Path, out_dir: Path, fmt: str = "parquet") -> dict[str, int]:
    """Write each base table and public view to out_dir/<name>.<fmt>, and the store's originals to
    out_dir/originals/; returns row counts."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    out_dir.mkdir(parents=True, exist_ok=True)
    con = db.connect(db_path)
    counts: dict[str, int] = {}
    for name in (*BASE_TABLES, FINGERPRINT, *PUBLIC_VIEWS):
        relation = con.table(name)
        target = str(out_dir / f"{name}.{fmt}")
        if fmt == "parquet":
            relation.write_parquet(target)
        else:
            relation.write_csv(target, header=True)
        counts[name] = relation.count("*").fetchall()[0][0]
    con.close()
    count_originals = Store(out_dir / ORIGINALS).add_all(Store.beside(db_path))
    manifest = {"format": fmt, "rows": counts, "originals": count_originals}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return counts


def restore(in_dir: Path, db_path: Path) -> None:
    """Build a new database from an export (Parquet only: CSV loses list and date types) and publish it, with
    the export's originals added to the database's store."""
    manifest = json.loads((in_dir / "manifest.json").read_text())
    if manifest["format"] != "parquet":
        raise ValueError(f"{in_dir}: restore needs a Parquet export, this one is {manifest['format']}")
    with snapshot.writing(db_path, fresh=True) as con:
        refresh.clear_framework(con)  # the backup's framework stands, not the one in data/framework
        fingerprint.forget(con)  # an export without one was linked with unknown terms: publishing re-links
        for table in (*BASE_TABLES, FINGERPRINT):
            if table in BASE_TABLES or (in_dir / f"{table}.parquet").exists():
                con.execute(_RESTORE[table], {"path": str(in_dir / f"{table}.parquet")})
        Store.beside(db_path).add_all(Store(in_dir / ORIGINALS))
