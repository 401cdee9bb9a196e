"""Write parsed documents and score sheets into DuckDB, each file in one transaction.

A rejected file writes nothing; importing the same bytes again changes nothing; a corrected
version of a document (same agency, fiscal year and kind) supersedes the older one, which stays.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from ita import PARSER_VERSION, agencies, db, framework, geography, linking
from ita.errors import ItaError, RejectedError
from ita.parse.report import parse_report
from ita.parse.sheet import parse_sheet
from ita.records import Agency, Assessment, ReportDocument, ScoreSheet

# SQL texts are constants: table names are never formatted into a statement.
_CLEAR_FRAMEWORK = (
    "DELETE FROM framework_years",
    "DELETE FROM framework_instruments",
    "DELETE FROM framework_indicators",
    "DELETE FROM framework_grades",
)
_NEXT_ID = {
    "agency_id": "SELECT coalesce(max(agency_id), 0) + 1 FROM agencies",
    "document_id": "SELECT coalesce(max(document_id), 0) + 1 FROM documents",
    "assessment_id": "SELECT coalesce(max(assessment_id), 0) + 1 FROM assessments",
    "measure_id": "SELECT coalesce(max(measure_id), 0) + 1 FROM measures",
}
_APPEND_FRAME = {
    table: "INSERT INTO " + table + " SELECT * FROM frame"
    for table in ("agencies", "documents", "assessments", "indicator_scores", "measures", "measure_targets")
}
_OLDER_REPORTS = """
    SELECT document_id FROM documents
    WHERE agency_id = $agency AND fiscal_year = $fy AND kind = $kind
      AND superseded_by IS NULL AND document_id <> $id AND NOT is_synthetic"""
_OLDER_SHEETS = """
    SELECT document_id FROM documents
    WHERE file_name = $name AND agency_id IS NULL AND kind = $kind
      AND superseded_by IS NULL AND document_id <> $id AND NOT is_synthetic"""

_HAS_FACTS = "SELECT count(*) > 0 FROM duckdb_tables() WHERE table_name = 'assessment_facts'"
_TITLES_WITHOUT_WORDS = """
    SELECT DISTINCT title FROM measures m
    WHERE NOT EXISTS (SELECT 1 FROM measure_words w WHERE w.measure_id = m.measure_id)"""
_INSERT_TITLE_WORDS = """
    INSERT INTO measure_words
    SELECT m.measure_id, t.words, m.is_synthetic
    FROM measures m JOIN title_words t USING (title)
    WHERE NOT EXISTS (SELECT 1 FROM measure_words w WHERE w.measure_id = m.measure_id)"""

SHEET_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx", ".xlsm", ".xls"})
YEAR_RANGE = (2550, 2580)
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class ImportResult:
    file: str
    status: str  # imported | unchanged
    kind: str
    document_id: int
    agency: str | None = None
    fiscal_year: int | None = None
    count_assessments: int = 0
    count_measures: int = 0
    superseded: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line per file, the same on the command line and on the upload page."""
        if self.status == "unchanged":
            return f"{self.file}: already imported (document {self.document_id}), nothing changed"
        parts = [f"{self.file}: imported {self.kind} as document {self.document_id}"]
        if self.agency:
            parts.append(f"{self.agency} {self.fiscal_year}")
        parts.append(f"{self.count_assessments} assessments, {self.count_measures} measures")
        if self.superseded:
            parts.append(f"supersedes document {', '.join(map(str, self.superseded))}")
        return "; ".join(parts)


def init_database(con: duckdb.DuckDBPyConnection) -> None:
    """Create tables, load every year's framework and (re)create the views."""
    con.execute(db.schema_sql())
    load_framework(con)
    con.execute(db.views_sql())
    if not con.execute(_HAS_FACTS).fetchone()[0]:
        refresh_facts(con)  # a new file needs the tables behind the public views; others refresh on publish


def refresh_facts(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the tables behind the public views; run once after a batch of imports."""
    add_title_words(con)
    con.execute(db.refresh_sql())


def add_title_words(con: duckdb.DuckDBPyConnection) -> None:
    """Tokenise the titles of measures that have no words yet, once per distinct title."""
    titles = con.execute(_TITLES_WITHOUT_WORDS).df()
    if titles.empty:
        return
    titles["words"] = [linking.title_words(t) for t in titles["title"]]
    con.register("title_words", titles)
    con.execute(_INSERT_TITLE_WORDS)
    con.unregister("title_words")


def load_framework(con: duckdb.DuckDBPyConnection) -> None:
    for statement in _CLEAR_FRAMEWORK:
        con.execute(statement)
    for fw in framework.frameworks().values():
        y = fw.fiscal_year
        con.execute(
            "INSERT INTO framework_years VALUES ($y, $model, $scheme, $pass, $note, false)",
            {"y": y, "model": fw.model, "scheme": fw.grade_scheme, "pass": fw.pass_mark, "note": fw.note},
        )
        if fw.instruments:
            con.executemany(
                "INSERT INTO framework_instruments VALUES (?, ?, ?, ?, ?, false)",
                [(y, i.code, i.name_th, i.name_en, i.weight) for i in fw.instruments],
            )
        if fw.indicators:
            con.executemany(
                "INSERT INTO framework_indicators VALUES (?, ?, ?, ?, ?, false)",
                [(y, i.no, i.name_th, i.name_en, i.instrument) for i in fw.indicators],
            )
        con.executemany(
            "INSERT INTO framework_grades VALUES (?, ?, ?, ?, ?, false)",
            [(y, g.label, rank, g.min_score, g.min_instrument_score) for rank, g in enumerate(fw.grades, 1)],
        )


def parse_file(path: Path, display_name: str | None = None) -> ReportDocument | ScoreSheet:
    """Parse a file by its kind: score sheets by extension, everything else as a report document."""
    name = display_name or path.name
    if path.stat().st_size > MAX_FILE_BYTES:
        raise RejectedError(name, f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        if path.suffix.lower() in SHEET_SUFFIXES:
            return parse_sheet(path)
        return parse_report(path)
    except ItaError as error:
        error.file = name  # parsers know the bare file name; the caller knows what the user called it
        raise


def import_file(
    con: duckdb.DuckDBPyConnection, path: Path, *, display_name: str | None = None
) -> ImportResult:
    """Import one file in its own transaction; raises ItaError (and writes nothing) when rejected."""
    name = display_name or path.name
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    existing = con.execute(
        "SELECT document_id, kind FROM documents WHERE sha256 = $sha AND NOT is_synthetic", {"sha": sha}
    ).fetchone()
    if existing:
        return ImportResult(name, "unchanged", existing[1], existing[0])
    parsed = parse_file(path, name)
    if isinstance(parsed, ReportDocument):
        _check_report(parsed, name)
    con.begin()
    try:
        if isinstance(parsed, ScoreSheet):
            result = _write_sheet(con, parsed, name, sha)
        else:
            result = _write_report(con, parsed, name, sha)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return result


def _check_report(doc: ReportDocument, name: str) -> None:
    _check_year(doc.fiscal_year, name, None)
    for a in doc.assessments:
        _check_year(a.fiscal_year, name, a.line)
        for label, value in [
            ("overall score", a.score),
            *((f"indicator {k}", v) for k, v in a.indicators.items()),
        ]:
            if value is not None and not 0 <= value <= 100:
                raise RejectedError(name, f"{label} {value} is outside 0–100", a.line)


def _check_year(year: int, name: str, line: int | None) -> None:
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise RejectedError(name, f"fiscal year {year} is outside {YEAR_RANGE[0]}–{YEAR_RANGE[1]}", line)


def _next_id(con: duckdb.DuckDBPyConnection, column: str) -> int:
    # one writer at a time (the importer, on its private copy), so max()+1 cannot race
    return con.execute(_NEXT_ID[column]).fetchone()[0]


def resolve_agency(con: duckdb.DuckDBPyConnection, agency: Agency) -> int:
    """The id of the real agency this name denotes, creating it on first sight; records the spelling."""
    name = agencies.parse_name(agency.name)
    province = agency.province
    key = agencies.identity_key(name, province)
    row = con.execute("SELECT agency_id FROM agencies WHERE identity_key = $k", {"k": key}).fetchone()
    if row is None:
        row = _match_without_province(con, name, province)
    if row is None:
        agency_id = _next_id(con, "agency_id")
        con.execute(
            "INSERT INTO agencies VALUES ($id, $key, $name, $type, $district, $province, $code, $inferred, false)",
            {
                "id": agency_id,
                "key": key,
                "name": name.canonical,
                "type": name.type,
                "district": agency.district,
                "province": province,
                "code": geography.provinces().get(province) if province else None,
                "inferred": agency.province_inferred,
            },
        )
    else:
        agency_id = row[0]
        con.execute(
            "UPDATE agencies SET district = coalesce(district, $district) WHERE agency_id = $id",
            {"district": agency.district, "id": agency_id},
        )
    con.execute(
        "INSERT INTO agency_aliases VALUES ($alias, $id, false) ON CONFLICT DO NOTHING",
        {"alias": agency.name, "id": agency_id},
    )
    return agency_id


def _match_without_province(
    con: duckdb.DuckDBPyConnection, name: agencies.AgencyName, province: str | None
) -> tuple[int] | None:
    """One agency seen with and without its province is one agency, when only one candidate exists."""
    prefix = agencies.identity_key(name, None)
    rows = con.execute(
        "SELECT agency_id, province FROM agencies WHERE starts_with(identity_key, $p) AND NOT is_synthetic",
        {"p": prefix},
    ).fetchall()
    if province is None:
        return (rows[0][0],) if len(rows) == 1 else None
    blank = [r for r in rows if r[1] is None]
    if len(blank) == 1 and len(rows) == 1:
        # the agency was first seen without a province: now we know it
        con.execute(
            "UPDATE agencies SET province = $p, province_code = $c, identity_key = $k WHERE agency_id = $id",
            {
                "p": province,
                "c": geography.provinces().get(province),
                "k": agencies.identity_key(name, province),
                "id": blank[0][0],
            },
        )
        return (blank[0][0],)
    return None


def _insert_document(
    con: duckdb.DuckDBPyConnection,
    *,
    name: str,
    sha: str,
    kind: str,
    agency_id: int | None,
    fiscal_year: int | None,
    period: tuple | None,
) -> tuple[int, list[int]]:
    document_id = _next_id(con, "document_id")
    con.execute(
        "INSERT INTO documents VALUES ($id, $name, $sha, $kind, $agency, $fy, $start, $end, $at, $ver, NULL, false)",
        {
            "id": document_id,
            "name": name,
            "sha": sha,
            "kind": kind,
            "agency": agency_id,
            "fy": fiscal_year,
            "start": period[0] if period else None,
            "end": period[1] if period else None,
            "at": datetime.now(),
            "ver": PARSER_VERSION,
        },
    )
    if agency_id is None:
        query, params = _OLDER_SHEETS, {"name": name}
    else:
        query, params = _OLDER_REPORTS, {"agency": agency_id, "fy": fiscal_year}
    older = [r[0] for r in con.execute(query, {**params, "kind": kind, "id": document_id}).fetchall()]
    if older:
        con.execute(
            "UPDATE documents SET superseded_by = $id WHERE list_contains($older, document_id)",
            {"id": document_id, "older": older},
        )
    return document_id, older


def _insert_assessment(
    con: duckdb.DuckDBPyConnection, a: Assessment, agency_id: int, document_id: int
) -> None:
    assessment_id = _next_id(con, "assessment_id")
    con.execute(
        "INSERT INTO assessments VALUES ($id, $agency, $fy, $score, $grade, $rating, $iit, $eit, $oit, $doc, $line, false)",
        {
            "id": assessment_id,
            "agency": agency_id,
            "fy": a.fiscal_year,
            "score": a.score,
            "grade": a.grade,
            "rating": a.rating,
            "iit": a.instruments.get("IIT"),
            "eit": a.instruments.get("EIT"),
            "oit": a.instruments.get("OIT"),
            "doc": document_id,
            "line": a.line,
        },
    )
    if a.indicators:
        con.executemany(
            "INSERT INTO indicator_scores VALUES (?, ?, ?, false)",
            [
                (assessment_id, int(no), score)
                for no, score in sorted(a.indicators.items(), key=lambda kv: int(kv[0]))
            ],
        )


def _insert_warnings(con: duckdb.DuckDBPyConnection, document_id: int, warnings: list) -> None:
    if warnings:
        con.executemany(
            "INSERT INTO document_warnings VALUES (?, ?, ?, false)",
            [(document_id, w.line, w.message) for w in warnings],
        )


def _write_report(con: duckdb.DuckDBPyConnection, doc: ReportDocument, name: str, sha: str) -> ImportResult:
    agency_id = resolve_agency(con, doc.agency)
    document_id, older = _insert_document(
        con,
        name=name,
        sha=sha,
        kind=doc.kind,
        agency_id=agency_id,
        fiscal_year=doc.fiscal_year,
        period=doc.report_period,
    )
    for a in doc.assessments:
        _insert_assessment(con, a, agency_id, document_id)
    first_measure = _next_id(con, "measure_id")
    if doc.measures:
        con.executemany(
            "INSERT INTO measures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)",
            [
                (
                    first_measure + i,
                    document_id,
                    agency_id,
                    doc.fiscal_year,
                    m.no,
                    m.title,
                    m.group,
                    m.steps,
                    m.responsible,
                    m.start,
                    m.end,
                    m.status,
                    m.result,
                    m.outcome,
                    m.suggestion,
                    m.followup,
                    m.source_lines[0],
                    m.source_lines[1],
                )
                for i, m in enumerate(doc.measures)
            ],
        )
    _insert_targets(con, first_measure, doc.measures)
    _insert_warnings(con, document_id, doc.warnings)
    return ImportResult(
        name,
        "imported",
        doc.kind,
        document_id,
        agency=agencies.parse_name(doc.agency.name).canonical,
        fiscal_year=doc.fiscal_year,
        count_assessments=len(doc.assessments),
        count_measures=len(doc.measures),
        superseded=older,
        warnings=[f"line {w.line}: {w.message}" if w.line else w.message for w in doc.warnings],
    )


def _insert_targets(con: duckdb.DuckDBPyConnection, first_measure: int, measures: list) -> None:
    """Link each measure to the indicators its words point at, keeping the words as evidence."""
    rows = [
        (first_measure + i, target.indicator_no, target.rank, target.evidence)
        for i, m in enumerate(measures)
        for target in linking.link_measure(m.title, m.steps, m.result, m.group)
    ]
    if rows:
        con.executemany("INSERT INTO measure_targets VALUES (?, ?, ?, ?, false)", rows)


def _write_sheet(con: duckdb.DuckDBPyConnection, sheet: ScoreSheet, name: str, sha: str) -> ImportResult:
    years = sorted({r.fiscal_year for r in sheet.rows})
    document_id, older = _insert_document(
        con,
        name=name,
        sha=sha,
        kind="score_sheet",
        agency_id=None,
        fiscal_year=years[0] if len(years) == 1 else None,
        period=None,
    )
    for row in sheet.rows:
        agency_id = resolve_agency(con, row.agency)
        assessment = Assessment(
            fiscal_year=row.fiscal_year,
            score=row.score,
            grade=row.grade,
            rating=row.rating,
            indicators=row.indicators,
            instruments=row.instruments,
            line=row.line,
        )
        _insert_assessment(con, assessment, agency_id, document_id)
    _insert_warnings(con, document_id, sheet.warnings)
    return ImportResult(
        name,
        "imported",
        "score_sheet",
        document_id,
        fiscal_year=years[0] if len(years) == 1 else None,
        count_assessments=len(sheet.rows),
        superseded=older,
        warnings=[f"line {w.line}: {w.message}" if w.line else w.message for w in sheet.warnings],
    )


def insert_frames(con: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame]) -> None:
    """Bulk-append generated tables (the synthetic sample) in one transaction."""
    con.begin()
    try:
        for table, frame in frames.items():
            con.register("frame", frame)
            con.execute(_APPEND_FRAME[table])
            con.unregister("frame")
        con.commit()
    except BaseException:
        con.rollback()
        raise


def first_free_ids(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {column: _next_id(con, column) for column in _NEXT_ID}


def real_agency_keys(con: duckdb.DuckDBPyConnection) -> frozenset[str]:
    return frozenset(
        r[0] for r in con.execute("SELECT identity_key FROM agencies WHERE NOT is_synthetic").fetchall()
    )


__all__ = ["ImportResult", "ItaError", "import_file", "init_database", "insert_frames", "parse_file"]
