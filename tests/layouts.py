"""The layout zoo: small documents written by hand, one per layout agencies use, each with the fields it
must parse to (tests/fixtures/layouts/NAME.json, written before the parser ran on the document) and the
indicator each measure aims at ("primary", labelled by hand, for the linker's accuracy).

Every document is parsed in each format it can take: a .txt source also as a web page, a Word file and
two PDFs (a plain text layer, and Word's legacy Thai glyphs), an .html source also as a Word file with
the same merged cells and as the two PDFs, a .csv source (a table kept in Excel) also as the workbook,
its title rows merged across the columns, a .docx.txt source (a Word file written as text, its list
markers drawn by Word's automatic numbering: tests/formats.py) as that Word file, and as the web page and
PDFs that show its numbers as text; a .csv or .xlsx goes through the importer's routing
(ita.load.parse_file), which tells a measures table from a score sheet. ``checks`` compares one parse with the
expected fields, one check per field, so a run can be counted ("52 of 60 fields right") as well as asserted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ita.load import parse_file
from ita.parse.reader import html_lines
from ita.parse.report import parse_report
from ita.records import ReportDocument
from tests.fixtures import make_pdfs
from tests.formats import (
    as_docx,
    as_html,
    csv_as_xlsx,
    html_as_docx,
    word_source_as_docx,
    word_source_lines,
)

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"
# ".pdf" has a plain Unicode text layer, ".word.pdf" the one Word writes for TH SarabunPSK-style fonts
# (tests/fixtures/make_pdfs.py); ".scan.pdf" is the Word-style PDF printed and scanned at 300 dpi.
FORMATS = {
    ".txt": (".txt", ".html", ".docx", ".pdf", ".word.pdf"),
    ".html": (".html", ".docx", ".pdf", ".word.pdf"),
    ".csv": (".csv", ".xlsx"),
    ".docx.txt": (".docx", ".html", ".pdf", ".word.pdf"),
}
_PDF_KINDS = {".pdf": "clean", ".word.pdf": "word", ".scan.pdf": "scan300"}
_ASSESSMENT_FIELDS = ("fiscal_year", "score", "grade", "rating", "indicators")


@dataclass(frozen=True)
class Layout:
    name: str
    source: Path
    expected: dict[str, Any]
    kind: str  # the source's suffix, a key of FORMATS

    @property
    def written_as(self) -> str:
        """The format the document is written in (a .docx.txt source's is the Word file)."""
        return FORMATS[self.kind][0]

    @property
    def batch(self) -> str:
        """A: written first and parsed while the parser was built; B, C and D: written later, each
        parsed once before any change for it (bench/layout_zoo.py, README "Layouts")."""
        return self.expected.get("batch", "A")

    @property
    def formats(self) -> tuple[str, ...]:
        """The formats the document is tested in: all its source's, unless it names fewer ("formats":
        a web post's emoji, which the fixtures' PDF fonts cannot draw)."""
        return tuple(self.expected.get("formats", FORMATS[self.kind]))

    @property
    def known_misses(self) -> dict[str, str]:
        """Formats whose reader is known to read some of the document's fields wrong, each with why
        (a PDF's lines, for instance, which another part of the reader owns); they are still counted."""
        return self.expected.get("known_misses", {})

    @property
    def pdf_options(self) -> make_pdfs.PdfOptions:
        """What its PDFs draw beyond its lines ("pdf": a running head, page numbers, a stamp…)."""
        return make_pdfs.PdfOptions(**self.expected.get("pdf", {}))


@dataclass(frozen=True)
class Check:
    field: str
    expected: Any
    got: Any

    @property
    def ok(self) -> bool:
        return self.expected == self.got


def layouts() -> list[Layout]:
    return [_layout(path.stem) for path in sorted(LAYOUTS.glob("*.json"))]


@cache
def _layout(name: str) -> Layout:
    [kind] = [suffix for suffix in FORMATS if (LAYOUTS / f"{name}{suffix}").exists()]
    expected = json.loads((LAYOUTS / f"{name}.json").read_text(encoding="utf-8"))
    return Layout(name, LAYOUTS / f"{name}{kind}", expected, kind)


def parse_layout(layout: Layout, suffix: str, folder: Path) -> ReportDocument:
    """Parse the layout's document written in the format `suffix` (converted into `folder` if needed)."""
    if layout.kind == ".csv":
        path = (
            layout.source
            if suffix == ".csv"
            else csv_as_xlsx(layout.source, folder / f"{layout.name}{suffix}")
        )
        return parse_file(path)
    if suffix == layout.kind:
        return parse_report(layout.source)
    path = folder / f"{layout.name}{suffix}"
    text = layout.source.read_text(encoding="utf-8")
    lines = _lines_shown(layout, text)
    if suffix.endswith(".pdf"):
        path.write_bytes(make_pdfs.make(lines, _PDF_KINDS[suffix], options=layout.pdf_options))
    elif layout.kind == ".docx.txt" and suffix == ".docx":
        word_source_as_docx(text, path)
    elif layout.kind == ".html":
        html_as_docx(text, path)
    elif suffix == ".html":
        path.write_text(as_html(lines), encoding="utf-8")
    else:
        as_docx(lines, path)
    return parse_report(path)


def _lines_shown(layout: Layout, text: str) -> list[str]:
    """The document's lines as a reader sees them (a Word source's list numbers drawn as text)."""
    if layout.kind == ".html":
        return html_lines(text)
    return word_source_lines(text) if layout.kind == ".docx.txt" else text.split("\n")


def checks(doc: ReportDocument, expected: dict[str, Any]) -> list[Check]:
    """One check per expected field; measures and assessments are compared in order."""
    out = [
        Check(f"agency.{key}", value, getattr(doc.agency, key)) for key, value in expected["agency"].items()
    ]
    for key in ("fiscal_year", "kind"):
        out.append(Check(key, expected[key], getattr(doc, key)))
    if "report_period" in expected:
        period = [d.isoformat() for d in doc.report_period] if doc.report_period else None
        out.append(Check("report_period", expected["report_period"], period))
    out += _listed("assessments", expected["assessments"], [_assessment(a) for a in doc.assessments])
    out += _listed("measures", expected["measures"], [_measure(m) for m in doc.measures])
    messages = [w.message for w in doc.warnings]
    out.append(Check("warnings", expected["warnings"], _matched(expected["warnings"], messages)))
    return out


def _listed(kind: str, expected: list[dict], got: list[dict]) -> list[Check]:
    out = [Check(f"{kind}.count", len(expected), len(got))]
    for index, fields in enumerate(expected):
        found = got[index] if index < len(got) else {}
        for key, value in fields.items():
            if key != "primary":
                out.append(Check(f"{kind}[{index}].{key}", value, found.get(key, "(missing)")))
    return out


def _assessment(a) -> dict[str, Any]:
    return {key: getattr(a, key) for key in _ASSESSMENT_FIELDS}


def _measure(m) -> dict[str, Any]:
    return {
        "group": m.group,
        "no": m.no,
        "title": m.title,
        "status": m.status,
        "steps": m.steps,
        "responsible": m.responsible,
        "start": m.start.isoformat() if m.start else None,
        "end": m.end.isoformat() if m.end else None,
        "result": m.result,
    }


def _matched(expected: list[str], messages: list[str]) -> list[str]:
    """The expected warning fragments when each is in a warning and no other warning was given;
    else the warnings given, so a failure shows them."""
    every_found = all(any(fragment in m for m in messages) for fragment in expected)
    every_expected = all(any(fragment in m for fragment in expected) for m in messages)
    return list(expected) if every_found and every_expected else messages
