"""Every warning the parsers and the importer write says itself in Thai too, for the Thai pages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ita import db
from ita.load import parse_file
from ita.parse import provenance
from ita.parse.reader import DocumentText
from ita.parse.report import parse_report
from ita.records import Agency, ReportDocument, ScoreSheet, Warning_
from tests.apptest import ROOT
from tests.layouts import layouts, parse_layout
from tests.sheet_zoo import sheets

SOURCES = [
    *(ROOT / "data" / "documents").glob("*.txt"),
    *(ROOT / "tests" / "fixtures" / "sheets").glob("*.*"),
    *(sheet.source for sheet in sheets()),
]


def _untranslated(parsed: ReportDocument | ScoreSheet) -> list[str]:
    return [w.message for w in parsed.warnings if not w.message_th]


@pytest.mark.parametrize("layout", layouts(), ids=lambda layout: layout.name)
def test_every_warning_of_the_layout_zoo_has_thai(layout, tmp_path: Path) -> None:
    assert _untranslated(parse_layout(layout, layout.source.suffix, tmp_path)) == []


@pytest.mark.parametrize("path", sorted(SOURCES), ids=lambda path: path.name)
def test_every_warning_of_the_seeds_and_sheets_has_thai(path: Path) -> None:
    parsed = parse_report(path) if path.suffix == ".txt" else parse_file(path)
    assert _untranslated(parsed) == []


def test_every_warning_made_in_the_package_is_given_its_thai() -> None:
    """A warning written without its Thai fails here, before any document happens to meet it."""
    made = [
        (path, node)
        for path in sorted((ROOT / "ita").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == Warning_.__name__
    ]
    assert len(made) == 11  # a new one counts here too, so the scan cannot go blind
    untranslated = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, node in made
        if "message_th" not in {keyword.arg for keyword in node.keywords}
    ]
    assert untranslated == []


def test_a_number_ocr_was_unsure_of_is_flagged_in_both_languages() -> None:
    text = DocumentText(["ผลคะแนน ITA\t๘๕.๒๐"], pages=[3], confidences=[[95.0, 61.4]])
    doc = provenance.attach(ReportDocument("scan.pdf", Agency("เทศบาลนครนครราชสีมา"), 2567), text)
    assert doc.warnings == [
        Warning_("OCR read cell 2 '๘๕.๒๐' with confidence 61: check its numbers and dates", 1, 3)
    ]
    assert doc.warnings[0].message_th == "OCR อ่านช่องที่ 2 '๘๕.๒๐' ด้วยความมั่นใจ 61: โปรดตรวจสอบตัวเลขและวันที่"


@pytest.mark.database("fixture copy")
def test_the_ocr_review_lists_each_field_in_thai_too(con) -> None:
    english = "OCR read cell 2 '๘๕.๒๐' with confidence 61: check its numbers and dates"
    thai = "OCR อ่านช่องที่ 2 '๘๕.๒๐' ด้วยความมั่นใจ 61: โปรดตรวจสอบตัวเลขและวันที่"
    (document,) = con.execute("SELECT min(document_id) FROM documents WHERE NOT is_synthetic").fetchone()
    con.execute(
        "INSERT INTO document_warnings (document_id, line, message, page, message_th) VALUES ($d, 4, $e, 2, $t)",
        {"d": document, "e": english, "t": thai},
    )
    review = db.run_query(con, "ocr_review", {"include_synthetic": False})
    assert review[["page", "message", "message_th"]].values.tolist() == [[2, english, thai]]
