"""Every warning the parsers and the importer write, and every rejection, says itself in Thai too, for the
Thai pages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ita import db, load
from ita.errors import ItaError, ParseError, RejectedError
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
    assert _untranslated(parse_layout(layout, layout.written_as, tmp_path)) == []


@pytest.mark.parametrize("path", sorted(SOURCES), ids=lambda path: path.name)
def test_every_warning_of_the_seeds_and_sheets_has_thai(path: Path) -> None:
    parsed = parse_report(path) if path.suffix == ".txt" else parse_file(path)
    assert _untranslated(parsed) == []


def _calls_in_package(*names: str) -> list[tuple[Path, ast.Call]]:
    """Every call in ita/ of a class, function or method of one of these names."""
    return [
        (path, node)
        for path in sorted((ROOT / "ita").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in names
    ]


def _without(keyword: str, calls: list[tuple[Path, ast.Call]]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, node in calls
        if keyword not in {given.arg for given in node.keywords}
    ]


def test_every_warning_made_in_the_package_is_given_its_thai() -> None:
    """A warning written without its Thai fails here, before any document happens to meet it."""
    made = _calls_in_package(Warning_.__name__)
    assert len(made) == 12  # a new one counts here too, so the scan cannot go blind
    assert _without("message_th", made) == []


def test_every_rejection_made_in_the_package_is_given_its_thai() -> None:
    """An error raised without its Thai fails here, before any upload happens to meet it; `reject` is the score
    sheet parser's way of raising one."""
    made = _calls_in_package(ItaError.__name__, ParseError.__name__, RejectedError.__name__, "reject")
    assert len(made) == 48  # a new one counts here too, so the scan cannot go blind
    assert _without("reason_th", made) == []


@pytest.mark.parametrize(
    ("name", "content", "thai"),
    [
        ("empty.txt", b" \r\n", "empty.txt: ไฟล์ว่างเปล่า"),
        (
            "scan.txt",
            bytes(range(256)) * 4,
            "scan.txt: ไม่ใช่ไฟล์ข้อความ: รับเฉพาะไฟล์ข้อความ, HTML, Word (.docx), PDF หรือภาพหน้าเอกสาร",
        ),
        (
            "not_really.docx",
            b"just text pretending to be Word",
            "not_really.docx: ไม่ใช่ไฟล์ Word (.docx) ที่อ่านได้",
        ),
        (
            "no_agency.txt",
            "มาตรการ\tขั้นตอน\tผู้รับผิดชอบ\n1. เปิดเผยข้อมูล\tประกาศ\tกองคลัง\n".encode(),
            "no_agency.txt: ไม่พบชื่อหน่วยงาน (องค์การบริหารส่วนตำบล…, เทศบาล…) ในส่วนหัวของเอกสาร",
        ),
        (
            "no_year.txt",
            "เทศบาลตำบลบ้านแพ้ว\nมาตรการ\tขั้นตอน\tผู้รับผิดชอบ\n1. เปิดเผยข้อมูล\tประกาศ\tกองคลัง\n".encode(),
            "no_year.txt: ไม่พบปีงบประมาณ (ประจำปีงบประมาณ พ.ศ. …) ในเอกสาร",
        ),
        (
            "sheet.csv",
            "agency,year,i3\nอบต.ขนงพระ,2566,100.01\n".encode(),
            "sheet.csv: บรรทัด 2: คะแนนตัวชี้วัดที่ 3 เท่ากับ 100.01 ซึ่งอยู่นอกช่วง 0–100",
        ),
    ],
)
def test_a_rejected_file_is_explained_in_thai(
    con, tmp_path: Path, name: str, content: bytes, thai: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ItaError) as rejected:
        load.import_file(con, path)
    assert rejected.value.in_thai() == thai


def test_a_rejection_stays_english_for_the_command_line(con, tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("หน่วยงาน,ปี,คะแนน\nอบต.ขนงพระ,2601,90\n", encoding="utf-8")
    with pytest.raises(RejectedError) as rejected:
        load.import_file(con, path)
    assert str(rejected.value) == "sheet.csv:2: fiscal year 2601 is outside 2550–2580"
    assert rejected.value.in_thai() == "sheet.csv: บรรทัด 2: ปีงบประมาณ 2601 อยู่นอกช่วงปีที่รับได้ (2550–2580)"


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
