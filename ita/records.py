"""Typed records that parsers produce and the loader consumes.

Parsers are pure: text in, these records out, each carrying the source line numbers (1-based)
they came from so every number in the database can point back to its document.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

AGENCY_TYPES = (
    "pao",
    "city_municipality",
    "town_municipality",
    "subdistrict_municipality",
    "sao",
    "provincial_office",
    "other",
)
MEASURE_STATUSES = ("done", "in_progress", "not_started")
# A document's kind decides what supersedes what: a corrected plan replaces the plan of the same
# agency and year, but a six-month report never replaces the year-end one.
DOCUMENT_KINDS = ("measures", "progress_6_months", "progress_year_end", "progress", "analysis", "score_sheet")


@dataclass
class Agency:
    name: str
    type: str = "other"
    district: str | None = None
    province: str | None = None
    province_inferred: bool = False
    line: int | None = None


@dataclass
class Assessment:
    fiscal_year: int
    score: float | None = None
    grade: str | None = None
    rating: str | None = None
    indicators: dict[str, float] = field(default_factory=dict)
    instruments: dict[str, float] = field(default_factory=dict)
    line: int | None = None
    page: int | None = None  # PDFs and page images: the page the result is quoted on


@dataclass
class Measure:
    no: int
    title: str
    group: str | None = None
    steps: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    status: str | None = None
    result: str | None = None
    outcome: str | None = None
    suggestion: str | None = None
    followup: str | None = None
    source_lines: tuple[int, int] = (0, 0)
    source_pages: tuple[int, int] | None = None  # PDFs and page images: first and last page
    ocr_confidence: float | None = None  # read by OCR: its weakest cell's confidence, 0–100


@dataclass
class Warning_:
    """What a reader of the document should know; `message_th` says it in Thai for the Thai pages
    (a translation, so two warnings saying the same thing are equal whatever their Thai)."""

    message: str
    line: int | None = None
    page: int | None = None
    message_th: str | None = field(default=None, compare=False)


@dataclass
class RowAccount:
    """What became of every table row of a document: nothing read is dropped without a word.

    A row is a header (or a group heading or total inside a table), opens a measure, continues one,
    gives the status of one listed earlier, holds a score, or is skipped with a warning naming its
    line; `unexplained` lists rows that met none of these, which the parser should never leave.
    """

    read: int = 0
    headers: int = 0
    measures: int = 0
    continuations: int = 0
    statuses: int = 0
    scores: int = 0
    warned: int = 0
    unexplained: list[int] = field(default_factory=list)

    @property
    def used(self) -> int:
        return self.measures + self.continuations + self.statuses + self.scores


@dataclass
class ReportDocument:
    """One agency document: an ITA analysis, a measures plan or a progress report."""

    file_name: str
    agency: Agency
    fiscal_year: int
    kind: str = "measures"
    report_period: tuple[date, date] | None = None
    assessments: list[Assessment] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    row_account: RowAccount = field(default_factory=RowAccount)

    def to_json(self) -> dict:
        """The published JSON contract (schemas/report.schema.json)."""
        out = asdict(self)
        out.pop("file_name")
        out["file"] = self.file_name
        out["report_period"] = (
            {"start": self.report_period[0].isoformat(), "end": self.report_period[1].isoformat()}
            if self.report_period
            else None
        )
        for m in out["measures"]:
            m["start"] = m["start"].isoformat() if m["start"] else None
            m["end"] = m["end"].isoformat() if m["end"] else None
            m["source_lines"] = list(m["source_lines"])
            m["source_pages"] = list(m["source_pages"]) if m["source_pages"] else None
        out["row_account"]["used"] = self.row_account.used
        return out


@dataclass
class SheetRow:
    """One agency and year from a score sheet."""

    line: int
    agency: Agency
    fiscal_year: int
    score: float | None = None
    grade: str | None = None
    rating: str | None = None
    indicators: dict[str, float] = field(default_factory=dict)
    instruments: dict[str, float] = field(default_factory=dict)
    worksheet: str | None = None  # in a workbook of several worksheets, the one `line` counts rows of


@dataclass
class ScoreSheet:
    file_name: str
    rows: list[SheetRow]
    warnings: list[Warning_] = field(default_factory=list)
