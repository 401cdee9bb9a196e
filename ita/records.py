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


@dataclass
class Warning_:
    message: str
    line: int | None = None


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


@dataclass
class ScoreSheet:
    file_name: str
    rows: list[SheetRow]
    warnings: list[Warning_] = field(default_factory=list)
