"""Write parsed documents and score sheets into DuckDB, each file in its own transaction.

A rejected file writes nothing; importing the same bytes again changes nothing; a corrected
version of a document (same agency, fiscal year and kind) supersedes the older one, which stays.
Every agency a file touches goes into refresh_scope, so publishing recomputes only their derived
rows (ita/refresh.py).
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from ita import PARSER_VERSION, agencies, linking
from ita.agency_directory import Directory
from ita.errors import ItaError, RejectedError, check_year, score_outside, unreadable
from ita.parse import provenance
from ita.parse.reader import PAGED_SUFFIXES, Progress, read_document, spreadsheet_lines
from ita.parse.report import parse_report, parse_report_lines
from ita.parse.sheet import is_sheet, parse_sheet, parse_sheet_rows
from ita.parse.tables import header_roles
from ita.records import Assessment, ReportDocument, RowAccount, ScoreSheet, Warning_
from ita.store import Store

if TYPE_CHECKING:  # only build's insert_frames takes frames: an import never loads pandas
    import pandas as pd

# SQL texts are constants: table names are never formatted into a statement. A file's rows of one table go in
# with one statement: a list of structs, unnested into columns by name (unnamed columns take their defaults).
_INSERT_ROWS = {
    table: "INSERT INTO " + table + " BY NAME SELECT r.* FROM (SELECT unnest($rows) AS r)"
    for table in (
        "documents",
        "document_warnings",
        "assessments",
        "indicator_scores",
        "measures",
        "measure_targets",
        "measure_words",
    )
}
_APPEND_FRAME = {
    table: "INSERT INTO " + table + " BY NAME SELECT * FROM frame"
    for table in ("agencies", "documents", "assessments", "indicator_scores", "measures", "measure_targets")
}
_APPEND_CHUNK_ROWS = 100_000  # below DuckDB's row group size (122,880 rows)
_NEXT_IDS = """
    SELECT 'agency_id', coalesce(max(agency_id), 0) + 1 FROM agencies
    UNION ALL SELECT 'document_id', coalesce(max(document_id), 0) + 1 FROM documents
    UNION ALL SELECT 'assessment_id', coalesce(max(assessment_id), 0) + 1 FROM assessments
    UNION ALL SELECT 'measure_id', coalesce(max(measure_id), 0) + 1 FROM measures"""
_REAL_DOCUMENTS = """
    SELECT document_id, sha256, kind, agency_id, fiscal_year, file_name, superseded_by IS NULL AS is_current
    FROM documents
    WHERE NOT is_synthetic
    ORDER BY document_id"""
_SUPERSEDE = "UPDATE documents SET superseded_by = $id WHERE list_contains($older, document_id)"
_AGENCIES_OF_DOCUMENTS = "SELECT DISTINCT agency_id FROM assessments WHERE list_contains($ids, document_id)"
# of these sheets, the ones scoring any of the (agency, year) pairs given
_SHEETS_SCORING_ANY = """
    SELECT DISTINCT a.document_id
    FROM assessments a
    JOIN (SELECT unnest($agency_ids) AS agency_id, unnest($years) AS fiscal_year) p USING (agency_id, fiscal_year)
    WHERE list_contains($ids, a.document_id)"""
_ADD_TO_SCOPE = "INSERT INTO refresh_scope SELECT unnest($ids)"
_REAL_MEASURES = """
    SELECT measure_id, title, steps, result, group_label, fiscal_year FROM measures
    WHERE NOT is_synthetic ORDER BY measure_id"""
_FORGET_REAL_TARGETS = "DELETE FROM measure_targets WHERE NOT is_synthetic"

FileProgress = Callable[[str, int, int, str], None]  # (file, page, pages, how it was read)
SHEET_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx", ".xlsm", ".xls"})
# The rows of a spreadsheet looked at to tell a score sheet from a measures table: a header sits below
# at most a few title rows.
HEADER_ROWS = 30
MAX_FILE_BYTES = 50 * 1024 * 1024
# Files read and parsed ahead of the one being written: enough to keep the writer busy, few enough to hold.
READ_AHEAD = 4
# Files written in one transaction: a commit costs a few milliseconds, a small file's rows less.
GROUP_FILES = 50


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
    warnings_th: list[str] = field(default_factory=list)  # the same in Thai, for the upload page

    def summary(self, language: str = "en", kind_name: str | None = None) -> str:
        """One line per file, the same on the command line and on the upload page, in English or Thai ("th");
        `kind_name` names the document's kind in that language (else its code)."""
        phrases = _SUMMARY_PHRASES[language]
        if self.status == "unchanged":
            return phrases["unchanged"].format(file=self.file, id=self.document_id)
        parts = [phrases["imported"].format(file=self.file, kind=kind_name or self.kind, id=self.document_id)]
        if self.agency:
            parts.append(phrases["agency"].format(agency=self.agency, year=self.fiscal_year))
        parts.append(
            phrases["counts"].format(assessments=self.count_assessments, measures=self.count_measures)
        )
        if self.superseded:
            parts.append(phrases["supersedes"].format(ids=", ".join(map(str, self.superseded))))
        return "; ".join(parts)


_SUMMARY_PHRASES = {
    "en": {
        "unchanged": "{file}: already imported (document {id}), nothing changed",
        "imported": "{file}: imported {kind} as document {id}",
        "agency": "{agency} {year}",
        "counts": "{assessments} assessments, {measures} measures",
        "supersedes": "supersedes document {ids}",
    },
    "th": {
        "unchanged": "{file}: นำเข้าไว้แล้ว (เอกสาร {id}) ไม่มีสิ่งใดเปลี่ยน",
        "imported": "{file}: นำเข้าเป็นเอกสาร {id} ({kind})",
        "agency": "{agency} ปีงบประมาณ {year}",
        "counts": "ผลการประเมิน {assessments} รายการ มาตรการ {measures} มาตรการ",
        "supersedes": "แทนเอกสาร {ids}",
    },
}


class Importer:
    """Imports files into one writing connection, each file all or nothing.

    It reads once what a file's writes depend on (the real documents' fingerprints and which of them stand,
    the real agencies, the next free ids) and keeps it in step with every file it writes, so a file costs
    its own writes only. Nothing else may write to the connection meanwhile; after a file fails to
    write, it reads the database afresh.

    Given a store, it keeps there the original of every file it imports, or finds already imported, once
    the file's rows are committed: before the database is published, so a published document always has
    its original.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        store: Store | None = None,
        *,
        progress: FileProgress | None = None,
    ) -> None:
        self._con = con
        self._store = store
        self._state: _State | None = None
        self._progress = progress  # hears of each page of a PDF or scan as it is read

    def import_file(self, path: Path, *, display_name: str | None = None) -> ImportResult:
        """Import one file; raises ItaError (and writes nothing) when it is rejected."""
        self._state = self._state or _State(self._con)  # bytes imported before are not read again
        return self._write(self._read(path, display_name or path.name))

    def import_files(self, files: Iterable[tuple[Path, str]]) -> Iterator[ImportResult | ItaError]:
        """Import (path, display name) pairs in order, yielding each one's result or what rejected it.

        The next files are read and parsed in a background thread while others are written: DuckDB lets go
        of the interpreter while it writes, so the two overlap. Files that parsed are written in groups of up
        to GROUP_FILES in one transaction (a commit costs more than a small file's rows); if a group fails
        to write, it is written again file by file, so each file is still all or nothing and a file that
        cannot be written stops no other.
        """
        files = iter(files)
        self._state = self._state or _State(self._con)  # the reader skips bytes it knows
        group: list[_Read] = []
        with ThreadPoolExecutor(max_workers=1) as reader:
            ahead = deque(reader.submit(self._read, path, name) for path, name in islice(files, READ_AHEAD))
            while ahead:
                future = ahead.popleft()
                for path, name in islice(files, 1):
                    ahead.append(reader.submit(self._read, path, name))
                try:
                    group.append(future.result())
                except ItaError as error:
                    yield from self._write_group(group)
                    group = []
                    yield error
                    continue
                if len(group) == GROUP_FILES or not ahead:
                    yield from self._write_group(group)
                    group = []

    def _read(self, path: Path, name: str) -> _Read:
        """The file's bytes fingerprinted, and parsed and checked unless they were imported already."""
        try:
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as error:
            raise unreadable(name, error) from None
        known = self._state.seen if self._state else {}
        if sha in known:
            return _Read(path, name, sha)
        return _Read(path, name, sha, *_prepare(path, name, self._page_progress(name)))

    def _page_progress(self, name: str) -> Progress | None:
        if self._progress is None:
            return None
        progress = self._progress
        return lambda page, pages, how: progress(name, page, pages, how)

    def _write(self, read: _Read) -> ImportResult:
        with self._transaction():
            result = self._write_rows(read)
        self._keep(read)
        return result

    def _write_group(self, reads: list[_Read]) -> Iterator[ImportResult | ItaError]:
        if len(reads) > 1:
            try:
                with self._transaction():
                    results = [self._write_rows(read) for read in reads]
            except (ItaError, duckdb.Error):
                pass  # written again one by one below, where what failed is told for its own file
            else:
                self._keep(*reads)
                yield from results
                return
        for read in reads:
            try:
                yield self._write(read)
            except ItaError as error:
                yield error

    def _keep(self, *reads: _Read) -> None:
        if self._store is not None:
            self._store.put_all([(read.path, read.name, read.sha) for read in reads])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._con.begin()
        try:
            yield
            self._con.commit()
        except BaseException:
            self._con.rollback()
            self._state = None  # it had taken in the rolled-back rows
            raise

    def _write_rows(self, read: _Read) -> ImportResult:
        """The file's rows, in the caller's transaction."""
        state = self._state = self._state or _State(self._con)
        if read.sha in state.seen:
            document_id, kind = state.seen[read.sha]
            return ImportResult(read.name, "unchanged", kind, document_id)
        if read.parsed is None:  # read while a file of the same bytes was being written, which then failed
            read = _Read(read.path, read.name, read.sha, *_prepare(read.path, read.name, None))
        if isinstance(read.parsed, ScoreSheet):
            result, touched = _write_sheet(self._con, state, read.parsed, read.name, read.sha)
        else:
            result, touched = _write_report(self._con, state, read, read.parsed)
        self._con.execute(_ADD_TO_SCOPE, {"ids": sorted(touched)})
        return result


@dataclass
class _Read:
    path: Path
    name: str
    sha: str
    parsed: ReportDocument | ScoreSheet | None = None  # None: these bytes were imported already
    # per measure of a report: the indicators it targets, and its title's words for matching it across reports
    targets: list[list[linking.Target]] = field(default_factory=list)
    words: list[list[str]] = field(default_factory=list)


def import_file(
    con: duckdb.DuckDBPyConnection, path: Path, *, display_name: str | None = None
) -> ImportResult:
    """Import one file in its own transaction (an Importer for many files reads the database once)."""
    return Importer(con).import_file(path, display_name=display_name)


class _State:
    """What an Importer knows of its database."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.ids = dict(con.execute(_NEXT_IDS).fetchall())
        self.seen: dict[str, tuple[int, str]] = {}
        self.standing: dict[tuple, list[int]] = {}
        for document_id, sha, kind, agency_id, fiscal_year, file_name, is_current in con.execute(
            _REAL_DOCUMENTS
        ).fetchall():
            self.seen.setdefault(sha, (document_id, kind))
            if is_current:
                key = _standing_key(kind, agency_id, fiscal_year, file_name)
                self.standing.setdefault(key, []).append(document_id)
        self.directory = Directory(con)

    def take(self, column: str, count: int = 1) -> int:
        """The first of `count` consecutive new ids (one writer at a time, so no other takes them)."""
        first = self.ids[column]
        self.ids[column] = first + count
        return first


def _standing_key(kind: str, agency_id: int | None, fiscal_year: int | None, file_name: str) -> tuple:
    # a score sheet covers many agencies: its corrected version has the same file name (see _write_sheet)
    return (kind, file_name) if agency_id is None else (kind, agency_id, fiscal_year)


def parse_file(
    path: Path, display_name: str | None = None, progress: Progress | None = None
) -> ReportDocument | ScoreSheet:
    """Parse a file by its kind: a spreadsheet as a score sheet or a measures table (by its header), a PDF or
    page image as a score table or a report, everything else as a report document."""
    name = display_name or path.name
    check_size(name, path.stat().st_size)
    try:
        if path.suffix.lower() in SHEET_SUFFIXES:
            return _parse_spreadsheet(path, name)
        if path.suffix.lower() in PAGED_SUFFIXES:
            return _parse_paged(path, name, progress)
        return parse_report(path)
    except ItaError as error:
        error.file = name  # parsers know the bare file name; the caller knows what the user called it
        raise


def check_size(name: str, size: int) -> None:
    """Refuse a file over the size limit before reading it (bytes on disk or an upload's length)."""
    if size > MAX_FILE_BYTES:
        megabytes = MAX_FILE_BYTES // (1024 * 1024)
        raise RejectedError(
            name, f"file is larger than {megabytes} MB", reason_th=f"ไฟล์มีขนาดเกิน {megabytes} MB"
        )


def _parse_spreadsheet(path: Path, name: str) -> ReportDocument | ScoreSheet:
    """A CSV or Excel file: a measures plan or report kept in a spreadsheet when one of its worksheets heads
    a measures table and none heads a score sheet's columns; otherwise a score sheet, whose parser names
    what is missing."""
    if path.suffix.lower() != ".xls":  # refused by the score-sheet parser, which says to save it as .xlsx
        tops = spreadsheet_lines(path, max_rows=HEADER_ROWS)
        if not any(is_sheet(_cells(lines)) for lines in tops):
            worksheet = next((i for i, lines in enumerate(tops) if _heads_measures(lines)), None)
            if worksheet is not None:
                return parse_report_lines(spreadsheet_lines(path)[worksheet], name)
    return parse_sheet(path)


def _cells(lines: list[str]) -> list[list[str]]:
    return [line.split("\t") for line in lines]


def _heads_measures(lines: list[str]) -> bool:
    return any(header_roles(cells) for cells in _cells(lines) if len(cells) > 1)


def _parse_paged(path: Path, name: str, progress: Progress | None) -> ReportDocument | ScoreSheet:
    """A PDF or page image: a score table (the NACC's result books) through the score-sheet path,
    anything else as a report."""
    text = read_document(path, progress=progress)
    rows = _cells(text.lines)
    if is_sheet(rows):
        return parse_sheet_rows(rows, name)
    return provenance.attach(parse_report_lines(text.lines, name), text)


def _prepare(
    path: Path, name: str, progress: Progress | None
) -> tuple[ReportDocument | ScoreSheet, list[list[linking.Target]], list[list[str]]]:
    """Parse and check a file; link each measure of a report to its indicators and cut its title into words."""
    parsed = parse_file(path, name, progress)
    if isinstance(parsed, ScoreSheet):
        return parsed, [], []
    _check_report(parsed, name)
    targets = [
        linking.link_measure(m.title, m.steps, m.result, m.group, fiscal_year=parsed.fiscal_year)
        for m in parsed.measures
    ]
    return parsed, targets, [linking.title_words(m.title) for m in parsed.measures]


def _check_report(doc: ReportDocument, name: str) -> None:
    check_year(name, doc.fiscal_year, None)
    for a in doc.assessments:
        check_year(name, a.fiscal_year, a.line)
        for label, value in [
            (("overall score", "คะแนนรวม"), a.score),
            *(((f"indicator {k}", f"คะแนนตัวชี้วัดที่ {k}"), v) for k, v in a.indicators.items()),
        ]:
            if value is not None and not 0 <= value <= 100:
                raise score_outside(name, label, value, a.line)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if rows:
        con.execute(_INSERT_ROWS[table], {"rows": rows})


def _insert_document(
    con: duckdb.DuckDBPyConnection,
    state: _State,
    *,
    name: str,
    sha: str,
    kind: str,
    agency_id: int | None,
    fiscal_year: int | None,
    period: tuple | None,
    warnings: list[Warning_],
    row_account: RowAccount | None = None,
    corrected: Callable[[list[int]], list[int]] | None = None,
) -> tuple[int, list[int]]:
    """Insert the document and its warnings; returns its id and the older versions it supersedes: the
    standing documents of its key, or those of them `corrected` picks."""
    document_id = state.take("document_id")
    _insert(
        con,
        "documents",
        [
            {
                "document_id": document_id,
                "file_name": name,
                "sha256": sha,
                "kind": kind,
                "agency_id": agency_id,
                "fiscal_year": fiscal_year,
                "period_start": period[0] if period else None,
                "period_end": period[1] if period else None,
                "imported_at": datetime.now(),
                "parser_version": PARSER_VERSION,
                "row_account": asdict(row_account) if row_account else None,
            }
        ],
    )
    _insert(
        con,
        "document_warnings",
        [
            {
                "document_id": document_id,
                "line": w.line,
                "message": w.message,
                "page": w.page,
                "message_th": w.message_th,
            }
            for w in warnings
        ],
    )
    key = _standing_key(kind, agency_id, fiscal_year, name)
    standing = state.standing.get(key, [])
    older = corrected(standing) if corrected and standing else standing
    if older:
        con.execute(_SUPERSEDE, {"id": document_id, "older": older})
    state.standing[key] = [*(d for d in standing if d not in older), document_id]
    state.seen[sha] = (document_id, kind)
    return document_id, older


def _insert_assessments(
    con: duckdb.DuckDBPyConnection, state: _State, scored: list[tuple[Assessment, int]], document_id: int
) -> None:
    """Insert (assessment, agency id) pairs and their indicator scores."""
    first = state.take("assessment_id", len(scored))
    _insert(
        con,
        "assessments",
        [
            {
                "assessment_id": first + i,
                "agency_id": agency_id,
                "fiscal_year": a.fiscal_year,
                "score": a.score,
                "grade": a.grade,
                "rating": a.rating,
                "iit": a.instruments.get("IIT"),
                "eit": a.instruments.get("EIT"),
                "oit": a.instruments.get("OIT"),
                "document_id": document_id,
                "source_line": a.line,
                "source_page": a.page,
            }
            for i, (a, agency_id) in enumerate(scored)
        ],
    )
    _insert(
        con,
        "indicator_scores",
        [
            {"assessment_id": first + i, "indicator_no": int(no), "score": score}
            for i, (a, _) in enumerate(scored)
            for no, score in sorted(a.indicators.items(), key=lambda kv: int(kv[0]))
        ],
    )


def _write_report(
    con: duckdb.DuckDBPyConnection, state: _State, read: _Read, doc: ReportDocument
) -> tuple[ImportResult, set[int]]:
    name = read.name
    resolution = state.directory.resolve([doc.agency], lambda: state.take("agency_id"))
    resolution.write(con)
    (agency_id,) = resolution.agency_ids
    document_id, older = _insert_document(
        con,
        state,
        name=name,
        sha=read.sha,
        kind=doc.kind,
        agency_id=agency_id,
        fiscal_year=doc.fiscal_year,
        period=doc.report_period,
        warnings=doc.warnings,
        row_account=doc.row_account,
    )
    _insert_assessments(con, state, [(a, agency_id) for a in doc.assessments], document_id)
    first_measure = state.take("measure_id", len(doc.measures))
    _insert(
        con,
        "measures",
        [
            {
                "measure_id": first_measure + i,
                "document_id": document_id,
                "agency_id": agency_id,
                "fiscal_year": doc.fiscal_year,
                "measure_no": m.no,
                "title": m.title,
                "group_label": m.group,
                "steps": m.steps,
                "responsible": m.responsible,
                "start_date": m.start,
                "end_date": m.end,
                "status": m.status,
                "result": m.result,
                "outcome": m.outcome,
                "suggestion": m.suggestion,
                "followup": m.followup,
                "first_line": m.source_lines[0],
                "last_line": m.source_lines[1],
                "first_page": m.source_pages[0] if m.source_pages else None,
                "last_page": m.source_pages[1] if m.source_pages else None,
                "ocr_confidence": m.ocr_confidence,
            }
            for i, m in enumerate(doc.measures)
        ],
    )
    _insert(
        con,
        "measure_targets",
        [row for i, targets in enumerate(read.targets) for row in _target_rows(first_measure + i, targets)],
    )
    _insert(
        con,
        "measure_words",
        [{"measure_id": first_measure + i, "words": words} for i, words in enumerate(read.words)],
    )
    result = ImportResult(
        name,
        "imported",
        doc.kind,
        document_id,
        agency=agencies.parse_name(doc.agency.name).canonical,
        fiscal_year=doc.fiscal_year,
        count_assessments=len(doc.assessments),
        count_measures=len(doc.measures),
        superseded=older,
        warnings=_warning_lines(doc.warnings),
        warnings_th=_warning_lines_th(doc.warnings),
    )
    return result, {agency_id, *resolution.twins}


def _write_sheet(
    con: duckdb.DuckDBPyConnection, state: _State, sheet: ScoreSheet, name: str, sha: str
) -> tuple[ImportResult, set[int]]:
    years = sorted({r.fiscal_year for r in sheet.rows})
    resolution = state.directory.resolve([row.agency for row in sheet.rows], lambda: state.take("agency_id"))
    resolution.write(con)
    scores = {"agency_ids": resolution.agency_ids, "years": [row.fiscal_year for row in sheet.rows]}

    def corrected(same_name: list[int]) -> list[int]:
        # Two provinces' sheets are often named alike ("ผลคะแนน ITA 2566.xlsx"): a sheet of the same name
        # corrects an earlier one only when it scores some agency in some year the earlier one scored.
        return [row[0] for row in con.execute(_SHEETS_SCORING_ANY, {**scores, "ids": same_name}).fetchall()]

    document_id, older = _insert_document(
        con,
        state,
        name=name,
        sha=sha,
        kind="score_sheet",
        agency_id=None,
        fiscal_year=years[0] if len(years) == 1 else None,
        period=None,
        warnings=sheet.warnings,
        corrected=corrected,
    )
    scored = [
        (
            Assessment(
                fiscal_year=row.fiscal_year,
                score=row.score,
                grade=row.grade,
                rating=row.rating,
                indicators=row.indicators,
                instruments=row.instruments,
                line=row.line,
            ),
            agency_id,
        )
        for row, agency_id in zip(sheet.rows, resolution.agency_ids, strict=True)
    ]
    _insert_assessments(con, state, scored, document_id)
    # the superseded sheet's agencies lose its scores
    dropped = con.execute(_AGENCIES_OF_DOCUMENTS, {"ids": older}).fetchall() if older else []
    result = ImportResult(
        name,
        "imported",
        "score_sheet",
        document_id,
        fiscal_year=years[0] if len(years) == 1 else None,
        count_assessments=len(sheet.rows),
        superseded=older,
        warnings=_warning_lines(sheet.warnings),
        warnings_th=_warning_lines_th(sheet.warnings),
    )
    return result, {*resolution.agency_ids, *resolution.twins, *(r[0] for r in dropped)}


def relink_measures(con: duckdb.DuckDBPyConnection) -> int:
    """Link every real measure to its indicators again, with the terms and frameworks in force now; returns
    how many measures. The synthetic sample's targets are generated with it and stay. Inside the caller's
    transaction."""
    measures = con.execute(_REAL_MEASURES).fetchall()
    con.execute(_FORGET_REAL_TARGETS)
    _insert(
        con,
        "measure_targets",
        [
            row
            for measure_id, title, steps, result, group, fiscal_year in measures
            for row in _target_rows(
                measure_id, linking.link_measure(title, steps or [], result, group, fiscal_year=fiscal_year)
            )
        ],
    )
    return len(measures)


def _target_rows(measure_id: int, targets: list[linking.Target]) -> list[dict]:
    return [
        {"measure_id": measure_id, "indicator_no": t.indicator_no, "rank": t.rank, "evidence": t.evidence}
        for t in targets
    ]


def _warning_lines(warnings: list[Warning_]) -> list[str]:
    return [f"line {w.line}: {w.message}" if w.line else w.message for w in warnings]


def _warning_lines_th(warnings: list[Warning_]) -> list[str]:
    return [
        f"บรรทัด {w.line}: {w.message_th or w.message}" if w.line else w.message_th or w.message
        for w in warnings
    ]


def insert_frames(con: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame]) -> None:
    """Append generated tables (the synthetic sample) to a database being built; an Importer of the same
    connection must not be used afterwards (its ids would collide).

    The rows go in commits smaller than a row group, which DuckDB appends to the table's last row group
    rather than placing in new ones behind it: a bulk insert would leave the real documents' few rows alone in
    a first row group, and the first import that deleted rows from the full group after it would make its
    checkpoint merge the two, rewriting some 120,000 rows (0.6 s of a one-document import). A failed build
    is never published, so the commits need not be one.
    """
    for table, frame in frames.items():
        for start in range(0, len(frame), _APPEND_CHUNK_ROWS):
            con.register("frame", frame.iloc[start : start + _APPEND_CHUNK_ROWS])
            con.execute(_APPEND_FRAME[table])
            con.unregister("frame")


def first_free_ids(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return dict(con.execute(_NEXT_IDS).fetchall())


def real_agency_keys(con: duckdb.DuckDBPyConnection) -> frozenset[str]:
    return frozenset(
        r[0] for r in con.execute("SELECT identity_key FROM agencies WHERE NOT is_synthetic").fetchall()
    )


__all__ = ["ImportResult", "Importer", "ItaError", "import_file", "insert_frames", "parse_file"]
