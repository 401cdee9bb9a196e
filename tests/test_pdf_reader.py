"""PDFs and page images through the same parser as .txt: text PDFs made from the seeds (a clean text layer
and Word's legacy Thai PUA layer) give the .txt parse field for field, with pages; scans are read by OCR
and what OCR cannot be sure of is flagged; bad PDFs are refused with a clear error."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from ita import load
from ita.errors import ParseError
from ita.parse import ocr_engine, pdf_text, provenance
from ita.parse.reader import read_document, read_lines
from ita.parse.report import parse_report
from ita.parse.table_grid import Rule, find_tables
from ita.records import ScoreSheet
from ita.ui import imports
from tests.fixtures import make_pdfs
from tests.test_report_parser import SEED_001, SEED_002, SEED_NAMES, SEEDS, STATUS_TABLE, comparable, seed

TEXT_KINDS = ("clean", "word")


@pytest.fixture(scope="session")
def fixtures(tmp_path_factory: pytest.TempPathFactory):
    """Writes a document's fixture of one kind once per test session; returns its path."""
    folder = tmp_path_factory.mktemp("pdfs")

    @cache
    def make(name: str, kind: str, text: str | None = None) -> Path:
        lines = (text if text is not None else (SEEDS / name).read_text(encoding="utf-8")).split("\n")
        path = folder / f"{Path(name).stem}.{kind}.pdf"
        path.write_bytes(make_pdfs.make(lines, kind))
        return path

    return make


def without_pages(doc) -> dict:
    out = comparable(doc)
    for item in out["assessments"] + out["warnings"]:
        item.pop("page", None)
    for measure in out["measures"]:
        measure.pop("source_pages")
        measure.pop("ocr_confidence")
    return out


@pytest.mark.parametrize("kind", TEXT_KINDS)
@pytest.mark.parametrize("name", SEED_NAMES)
def test_text_pdfs_parse_as_the_text_does(fixtures, name: str, kind: str) -> None:
    doc = parse_report(fixtures(name, kind))
    expected = without_pages(seed(name))
    if name == SEED_001:
        # PDFium reads a hyphen ending a line as a hyphenation and drops the space after it;
        # the seed's "One- stop" (a conversion slip of its own) so reads "One-stop".
        steps = expected["measures"][3]["steps"]
        steps[0] = steps[0].replace("(One- stop", "(One-stop")
    assert without_pages(doc) == expected
    assert all(m.source_pages and m.source_pages[0] >= 1 for m in doc.measures)
    assert all(m.ocr_confidence is None for m in doc.measures)


def test_pages_of_seed_002(fixtures) -> None:
    doc = parse_report(fixtures(SEED_002, "word"))
    text = read_document(fixtures(SEED_002, "word"))
    assert max(text.pages) == 3
    assert [(a.fiscal_year, a.score, a.page) for a in doc.assessments] == [(2564, 92.9, 1)]
    assert [m.source_pages for m in doc.measures] == [(3, 3)] * 4  # the plan is the last table


def test_word_style_text_layer_holds_legacy_glyphs(fixtures) -> None:
    """The fixture is what the repair is for: PUA marks and sara am as nikhahit + sara aa."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(fixtures(SEED_002, "word"))
    raw = document[0].get_textpage().get_text_range()
    document.close()
    assert any("\uf700" <= ch <= "\uf71f" for ch in raw)
    assert "\u0e4d\u0e32" in raw and "ำ" not in raw
    assert "ประจำปีงบประมาณ" in read_lines(fixtures(SEED_002, "word"))[0]


def test_status_ticks_in_wingdings(fixtures) -> None:
    doc = parse_report(fixtures("status.txt", "word", STATUS_TABLE))
    assert [m.status for m in doc.measures] == ["done", "in_progress", "not_started", None]
    assert doc.agency.name == "เทศบาลเมืองบ้านไผ่"


SCORE_TABLE = """ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. 2566
ลำดับ\tหน่วยงาน\tอำเภอ\tจังหวัด\tคะแนน\tระดับ
1\tเทศบาลนครขอนแก่น\tเมืองขอนแก่น\tขอนแก่น\t96.04\tผ่านดีเยี่ยม
2\tองค์การบริหารส่วนตำบลนาขุม\tบ้านโคก\tอุตรดิตถ์\t84.21\tไม่ผ่าน"""


def test_a_score_table_in_a_pdf_imports_as_a_score_sheet(fixtures) -> None:
    sheet = load.parse_file(fixtures("scores.txt", "clean", SCORE_TABLE))
    assert isinstance(sheet, ScoreSheet)
    assert [(r.agency.name, r.agency.province, r.fiscal_year, r.score, r.rating) for r in sheet.rows] == [
        ("เทศบาลนครขอนแก่น", "ขอนแก่น", 2566, 96.04, "ผ่านดีเยี่ยม"),
        ("องค์การบริหารส่วนตำบลนาขุม", "อุตรดิตถ์", 2566, 84.21, "ไม่ผ่าน"),
    ]


def test_an_upload_reports_each_page_as_it_is_read(fixtures, tmp_path: Path) -> None:
    """What the Data page's progress bar hears while a PDF is imported: every page, in order."""
    pdf = fixtures(SEED_001, "word")
    heard = []
    (outcome,) = imports.import_uploads(
        [("นาขุม.pdf", pdf.read_bytes())], tmp_path / "ita.duckdb", progress=lambda *page: heard.append(page)
    )
    assert outcome.is_imported, outcome.message
    document = pdf_text.open_pdf(pdf.read_bytes(), pdf.name)
    pages = len(document)
    document.close()
    assert pages > 1
    assert [(file, page, total) for file, page, total, _ in heard] == [
        ("นาขุม.pdf", page, pages) for page in range(1, pages + 1)
    ]
    assert all(how == "text layer" or how.startswith("OCR") for *_, how in heard)


# --- limits ----------------------------------------------------------------------------------------


def test_a_pdf_over_200_pages_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdfs.write_pdf([make_pdfs.Page() for _ in range(201)], "clean"))
    with pytest.raises(ParseError, match="201 pages; at most 200"):
        read_lines(path)


def test_a_damaged_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    with pytest.raises(ParseError, match="not a readable PDF") as error:
        read_lines(path)
    assert error.value.file == "report.pdf"


def test_an_image_too_small_to_read_is_refused(tmp_path: Path) -> None:
    import cv2

    path = tmp_path / "thumb.png"
    cv2.imwrite(str(path), np.full((300, 400), 255, np.uint8))
    with pytest.raises(ParseError, match="image too small to read: 400×300 pixels"):
        read_lines(path)


def test_a_scan_without_ocr_installed_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ita.parse.pdf.default_engine", lambda: None)
    path = tmp_path / "scan.pdf"
    lines = (SEEDS / SEED_002).read_text(encoding="utf-8").split("\n")[:12]
    path.write_bytes(make_pdfs.make(lines, "scan200"))
    with pytest.raises(ParseError, match=r"page 1 needs OCR \(a scanned page\) but Tesseract"):
        read_lines(path)


# --- the pieces ------------------------------------------------------------------------------------


def test_merged_cells_read_as_word_tables_do() -> None:
    """A 3×3 grid whose first column's two lower cells are one (a vertical merge) and whose top row's
    last two cells are one (a horizontal span)."""
    xs, ys = (0, 100, 200, 300), (0, 50, 100, 150)
    rules = [Rule(True, y, 0, 300) for y in (0, 50, 150)] + [Rule(True, 100, 100, 300)]
    rules += [Rule(False, x, 0, 150) for x in (0, 100, 300)] + [Rule(False, 200, 50, 150)]
    (table,) = find_tables(rules, tolerance=2, min_size=20)
    assert (table.xs, table.ys) == (list(xs), list(ys))
    assert table.regions() == [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2)]
    assert table.owner[(2, 0)] == (1, 0) and table.owner[(0, 2)] == (0, 1)


@pytest.mark.parametrize("kind", TEXT_KINDS)
def test_a_copy_stamp_across_the_page_is_not_read_into_its_cells(tmp_path: Path, kind: str) -> None:
    lines = ["ที่\tมาตรการ\tผู้รับผิดชอบ", "๑\tจัดทำคู่มือการปฏิบัติงาน\tสำนักปลัดเทศบาล"] * 3
    path = tmp_path / "stamped.pdf"
    path.write_bytes(make_pdfs.make(lines, kind, options=make_pdfs.PdfOptions(stamp="สำเนาถูกต้อง")))
    assert read_lines(path) == lines


@pytest.mark.parametrize("kind", TEXT_KINDS)
def test_a_row_cut_by_a_page_break_reads_as_its_cells_were_written(tmp_path: Path, kind: str) -> None:
    """The last row's step, cut between two Thai words at the first page's foot and run on below the
    header repeated on the next page, is one paragraph again, with no space where it was cut."""
    steps = "จัดทำรายงานผลการใช้จ่ายงบประมาณรายไตรมาสเสนอผู้บริหารและเผยแพร่บนเว็บไซต์ของหน่วยงาน" * 11
    lines = ["ที่\tมาตรการ\tขั้นตอน", *[f"{n}\tจัดทำรายงาน\t{steps}" for n in "๑๒๓"]]
    options = make_pdfs.PdfOptions(page_numbers=True, repeat_header=True, split_rows=True)
    assert len(make_pdfs.layout(lines, kind, options)) == 2
    path = tmp_path / "cut.pdf"
    path.write_bytes(make_pdfs.make(lines, kind, options=options))
    assert read_lines(path) == [*lines, lines[0]]


def test_symbol_font_ticks_are_known_by_their_font() -> None:
    from ita.parse.thai_text_layer import symbol_tick

    assert symbol_tick("\uf0fc", "Wingdings") == "✓"
    assert symbol_tick("ü", "ABCDEF+Wingdings-Regular") == "✓"
    assert symbol_tick("P", "Wingdings2") == "✓"
    assert symbol_tick("4", "ZapfDingbats") == "✓"
    assert symbol_tick("Ö", "Symbol") == "✓"
    assert symbol_tick("ü", "Laksaman") is None
    assert symbol_tick("a", "Wingdings") is None


def test_the_reader_rejects_encrypted_pdfs(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2 as pdfium

    def locked(data: bytes):
        raise pdfium.PdfiumError("Failed to load document (PDFium: Incorrect password error).")

    monkeypatch.setattr(pdfium, "PdfDocument", locked)
    with pytest.raises(ParseError, match="encrypted PDF"):
        pdf_text.open_pdf(b"%PDF-1.7", "locked.pdf")


# --- OCR --------------------------------------------------------------------------------------------

needs_ocr = pytest.mark.skipif(ocr_engine.default_engine() is None, reason="tesseract-ocr-tha not installed")


@needs_ocr
def test_a_scanned_report_is_read_by_ocr_and_its_numbers_flagged(fixtures) -> None:
    doc = parse_report(fixtures(SEED_002, "scan300"))
    assert doc.agency.name == "เทศบาลนครนครราชสีมา"
    assert len(doc.measures) == 4
    assert all(m.source_pages == (3, 3) and m.ocr_confidence is not None for m in doc.measures)
    flagged = [w for w in doc.warnings if w.message.startswith("OCR read")]
    assert flagged and all(w.page for w in flagged)


def test_the_tesseract_word_table_becomes_lines() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "5\t1\t1\t1\t1\t1\t10\t5\t40\t20\t91.5\tการ\n"
        "5\t1\t1\t1\t1\t2\t52\t5\t40\t20\t88.0\tประชุม\n"
        "5\t1\t1\t1\t1\t3\t110\t5\t30\t20\t45.0\t๒๕๖๖\n"
        "5\t2\t1\t1\t1\t1\t3\t4\t12\t20\t70.0\t✓\n"
    )
    first, second = ocr_engine._lines_from_tsv(tsv, 2)
    assert [(line.text, line.confidence, line.x0, line.x1) for line in first] == [
        ("การประชุม ๒๕๖๖", 45.0, 10, 140)
    ]
    assert [line.text for line in second] == ["✓"]


def test_a_line_of_marks_alone_is_dropped() -> None:
    """Tesseract reads the marks stacked over a Thai line (ไ ้ ์) as a line of their own ("= ฆ ๕ ย")."""
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "5\t1\t1\t1\t1\t1\t103\t24\t23\t12\t56.0\t=\n"
        "5\t1\t1\t1\t1\t2\t259\t20\t21\t15\t82.0\tฆ\n"
        "5\t1\t1\t1\t2\t1\t21\t49\t22\t26\t93.0\t๑.\n"
        "5\t1\t1\t1\t2\t2\t90\t27\t300\t48\t93.0\tเปิดเผยข้อมูล\n"
        "5\t1\t1\t1\t2\t3\t400\t40\t30\t34\t97.0\tสา\n"
        "5\t1\t1\t1\t3\t1\t21\t119\t180\t34\t97.0\tครบถ้วน\n"
    )
    [lines] = ocr_engine._lines_from_tsv(tsv, 1)
    assert [line.text for line in lines] == ["๑. เปิดเผยข้อมูลสา", "ครบถ้วน"]


def _words(*pieces: tuple[str, float]) -> list:
    from ita.parse.page_layout import Word

    return [Word(text, 20 * n, 0, 20 * n + 18, 30, confidence) for n, (text, confidence) in enumerate(pieces)]


@pytest.mark.parametrize(
    ("english", "thai", "before", "wins"),
    [
        (("EIT", 95), [("ย", 70), ("1", 42)], "ยกระดับ", True),
        (("E-Service", 92), [("โ", 69), ("5", 18), ("๊", 17), ("-", 93)], "ระบบ", True),
        (("Activities", 97), [("6", 41), ("พ", 60), ("ฟั", 63)], "", True),
        (("No.", 97), [("เอ.", 12)], "", True),
        (("B", 90), [("8", 97)], "อยู่ในระดับ", True),  # a grade after ระดับ
        (("JOU", 74), [("ร", 97), ("อ", 97), ("บ", 97)], "", False),  # the English model on Thai
        (("lo.", 92), [("๒", 93), (".", 91)], "", False),  # Thai digits it reads as letters
        (("Del", 76), [("๒", 82), ("๓", 80)], "", False),
        (("A.A.", 92), [("ต", 93), (".", 91), ("ค", 91)], "", False),
        (("B", 90), [("บ", 60)], "", False),  # a lone capital only as a grade
        (("(IIT)", 69), [("(1)", 14)], "ส่วนเสียภายใน", True),  # an instrument's code, however unsure
        (("(OIT)", 0), [("(๐011)", 33)], "สาธารณะ", True),
        (("(EIT)", 45), [("(ย", 51), ("7)", 80)], "", True),
        (("OIT", 40), [("อ", 97), ("ท", 96)], "", False),  # but not over Thai letters read surely
    ],
)
def test_an_english_reading_wins_only_where_it_is_english_and_surer(english, thai, before, wins) -> None:
    [word] = _words(english)
    assert ocr_engine._english_wins(word, _words(*thai), before) is wins


def test_spaces_are_where_the_page_shows_blank() -> None:
    """Glyphs 30 pixels high, 6 apart inside words and 22 apart at the one space; OCR's pieces have
    boxes that overlap the ink, fall short of it and gap where there is no space."""

    from ita.parse.ocr_spaces import with_spaces
    from ita.parse.page_layout import Word, ocr_line

    ink = np.zeros((60, 400), bool)
    lefts = [10, 36, 62, 88, 130, 156, 182]  # a 22-pixel blank after the fourth glyph
    for x in lefts:
        ink[20:50, x : x + 20] = True
    ink[8:16, 40:50] = True  # a tone mark above the second glyph
    pieces = [("การ", 8, 60), ("ให้", 84, 112), ("บริ", 124, 160), ("การ", 170, 204)]
    words = [Word(text, x0, 18, x1, 50, 95.0) for text, x0, x1 in pieces]
    # box gaps of 24, 12 and 10 pixels; one blank of 22
    assert with_spaces(ocr_line(words), ink).text == "การให้ บริการ"
    # a tone cut off its letter, its box over the blank: the space goes after it, before the letter
    cut = [
        Word("ห", 86, 18, 108, 50, 95.0),
        Word("้", 112, 6, 128, 16, 90.0),
        Word("บ", 126, 18, 152, 50, 95.0),
    ]
    assert with_spaces(ocr_line(cut), ink).text == "ห้ บ"


@pytest.mark.parametrize(
    ("sizes", "workers", "shares"),
    [
        ([10**6] * 4, 2, [(0, 2), (2, 4)]),
        ([10**6, 10, 10, 10**6], 2, [(0, 2), (2, 4)]),
        ([10**6] * 3, 4, [(0, 1), (1, 2), (2, 3)]),
        ([1000] * 30, 2, [(0, 30)]),  # too little to be worth a second process
    ],
)
def test_ocr_work_is_shared_among_processes(sizes: list[int], workers: int, shares) -> None:
    assert ocr_engine._shares(sizes, workers) == shares


def test_a_page_of_prose_is_cut_between_its_lines_for_sharing() -> None:
    """Thirty lines of text with no blank wide enough to end a band: cut into pieces of at most ten
    lines or so, each cut on a blank row between two lines, every line read once."""
    from ita.parse.scan import _MAX_BAND_HEIGHT, _text_bands

    unit = 300 / 72  # 300 dpi
    line, gap, lines = int(14 * unit), int(6 * unit), 30
    ink = np.zeros((200 + lines * (line + gap), 2400), np.uint8)
    inked = [(100 + n * (line + gap), 100 + n * (line + gap) + line) for n in range(lines)]
    for top, bottom in inked:
        ink[top:bottom, 200:2200] = 255
    bands = _text_bands(ink, unit)
    assert len(bands) > 2
    assert all(band.bottom - band.top <= _MAX_BAND_HEIGHT * unit + 3 * unit for band in bands)
    for top, bottom in inked:  # each line whole in exactly one piece
        assert sum(band.top <= top and bottom <= band.bottom for band in bands) == 1
    assert all(not ink[int(b.top), 200:2200].any() for b in bands[1:])  # cut on a blank row


# --- the legacy glyph table ---------------------------------------------------------------------------


def pua_rows() -> list[dict[str, str]]:
    with (Path(__file__).resolve().parent.parent / "data" / "reference" / "thai_pua_glyphs.csv").open(
        encoding="utf-8"
    ) as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("row", pua_rows(), ids=lambda row: row["code_point"])
def test_each_legacy_glyph(row: dict[str, str]) -> None:
    from pythainlp.util import normalize

    from ita.parse.thai_text_layer import repair

    glyph = chr(int(row["code_point"][2:], 16))
    base = "ป" if "left" in row["form"] else "ก"
    expected = row["text"] if row["text"][0] in "ฐญฎฏฬ๏ฤฦ" else normalize(base + row["text"])
    written = glyph if row["text"][0] in "ฐญฎฏฬ๏ฤฦ" else base + glyph
    assert repair(written) == expected
    if row["laksaman_glyph"]:  # the font's own name for the glyph says which character it draws
        cmap = _laksaman_cmap()
        assert cmap[ord(glyph)] == row["laksaman_glyph"]
        assert row["laksaman_glyph"].startswith(f"uni{ord(row['text'][0]):04X}.")


@cache
def _laksaman_cmap() -> dict[int, str]:
    from fontTools.ttLib import TTFont

    return dict(TTFont(str(make_pdfs.FONT_FILE)).getBestCmap())


@pytest.mark.parametrize(
    ("layer", "text"),
    [
        ("ดํ\uf70aาเนินการ ประจํ\uf70aาปี", "ด่ำเนินการ ประจ่ำปี"),
        ("ดําเนินการ", "ดำเนินการ"),
        ("ก \u0e48อน", "ก่อน"),
        ("สำนักงาน ป.ป.ช.".encode("tis-620").decode("latin-1"), "สำนักงาน ป.ป.ช."),
        ("café 2566", "café 2566"),
    ],
    ids=["pua-and-sara-am", "sara-am", "space-before-mark", "tis620-as-latin1", "latin-1-kept"],
)
def test_repairs(layer: str, text: str) -> None:
    from ita.parse.thai_text_layer import repair

    assert repair(layer) == text


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("รายงาน (cid:123) ผล", "(cid:N)"),
        ("ดำเนิน\ufffdงาน", "U+FFFD"),
        ("การดาเนินงานประจาปี", "sara am dropped"),
        ("ประชาชน" * 60, "without one sara am"),
        ("เ่นื้อหา" * 3 + "ที่เกี่ยวข้อง", "marks on no consonant"),
    ],
)
def test_layers_that_go_to_ocr(text: str, problem: str) -> None:
    from ita.parse.thai_text_layer import problem as find_problem

    assert problem in (find_problem(text) or "")


def test_seed_text_reads_as_sound() -> None:
    from ita.parse.thai_text_layer import problem

    for name in SEED_NAMES:
        assert problem((SEEDS / name).read_text(encoding="utf-8")) is None, name


# --- OCR text and digits -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ocr", "text"),
    [
        ("ตัวชีวัดที ๑", "ตัวชี้วัดที่ ๑"),
        ("ประสิทธิภาพการสือสาร", "ประสิทธิภาพการสื่อสาร"),
        ("การปฏิบัติหน้าที", "การปฏิบัติหน้าที่"),
        ("อําเภอเมือง", "อำเภอเมือง"),
        ("ทีมงาน ที ๆ", "ทีมงาน ที ๆ"),  # ที is a word: no tone is guessed
    ],
)
def test_ocr_text_gets_its_dropped_marks_back(ocr: str, text: str) -> None:
    from ita.parse.ocr_text import restore

    assert restore(ocr) == text


@pytest.mark.parametrize(
    ("ocr", "text"),
    [
        ("การจัดซื่อจัดจ้าง", "การจัดซื้อจัดจ้าง"),  # a rare word (honest) for a common one (buy)
        ("รับเรืองร้องเรียน", "รับเรื่องร้องเรียน"),
        ("อบรมแล้ว ๑ ครั่ง", "อบรมแล้ว ๑ ครั้ง"),
        ("ฝายประชาสัมพันธ์", "ฝ่ายประชาสัมพันธ์"),
        ("เทศบาลเมืองวังน้าเย็น", "เทศบาลเมืองวังน้ำเย็น"),  # words each, spelling a place
        ("เทศบาลเมืองวังนำเย็น", "เทศบาลเมืองวังน้ำเย็น"),
        ("วิเคราะห์ความเสียง", "วิเคราะห์ความเสี่ยง"),  # an ITA term
        ("การเปดเผยข้อมูล", "การเปิดเผยข้อมูล"),  # an upper vowel lost
        ("ตัวชวัดท 9", "ตัวชี้วัดที่ 9"),
        ("ตรวจสอบสมำเสมอ", "ตรวจสอบสม่ำเสมอ"),
        ("ที่วางไว้", "ที่วางไว้"),  # words each, and ที่ว่าง is rare: as written
        ("ม ก ร า ค ม", "ม ก ร า ค ม"),  # letters are not words
        ("เมย มย 65", "เมย มย 65"),  # months without their dots
        ("น้าสาว", "น้าสาว"),
    ],
)
def test_words_ocr_misspelt_by_a_mark_are_spelt_again(ocr: str, text: str) -> None:
    from ita.parse.ocr_text import restore

    assert restore(ocr) == text


def test_text_read_right_is_left_as_written() -> None:
    """The respelling changes nothing in the seeds' own text."""
    import re

    from ita.parse.ocr_spelling import respell
    from ita.thai import compose_sara_am

    cells = [
        compose_sara_am(cell.strip())
        for name in SEED_NAMES
        for line in (SEEDS / name).read_text(encoding="utf-8").splitlines()
        for cell in re.split(r"\t|<[^>]+>", line)
        if cell.strip()
    ]
    assert [cell for cell in cells if respell(cell) != cell] == []


@pytest.mark.parametrize(
    ("ocr", "text"),
    [
        ("๑๔ กุพ. ๒๕๖๕", "๑๔ ก.พ. ๒๕๖๕"),  # the dot read as sara u
        ("ต.ุค. ๖๖ - ก.ุย. ๖๗", "ต.ค. ๖๖ - ก.ย. ๖๗"),  # and with it
        ("ธิ.ค. ๖๕", "ธ.ค. ๖๕"),
        ("พ.ุย .67", "พ.ย.67"),
        ("ตค. 65", "ต.ค. 65"),
        ("ต.ค. 67 กย, 68", "ต.ค. 67 ก.ย. 68"),
        ("มิ.ย. ๖๖", "มิ.ย. ๖๖"),
        ("การกุศล กุพ", "การกุศล กุพ"),  # no dot: not taken for a month
    ],
)
def test_month_abbreviations_ocr_misread_are_written_again(ocr: str, text: str) -> None:
    from ita.parse.ocr_text import restore

    assert restore(ocr) == text


def test_lines_of_a_scanned_cell_join_as_their_words_and_numbers_were_written() -> None:
    """A wrap between Thai words runs on; beside a number it was a space; inside a number too wide
    for the cell it was not."""
    from ita.parse.page_layout import Word, ocr_line, paragraphs

    def line(y: int, *pieces: tuple[str, int, int, bool]) -> object:
        return ocr_line([Word(text, x0, y, x1, y + 30, 95.0, space) for text, x0, x1, space in pieces])

    def joined(first, second) -> str:
        [paragraph] = paragraphs([first, second], right=230, explicit_spaces=False)
        return paragraph.text

    assert joined(line(0, ("การตรวจสอบ", 0, 200, False)), line(50, ("และ", 0, 60, False))) == "การตรวจสอบและ"
    wrapped_date = line(0, ("๑", 0, 20, False), ("ตุลาคม", 40, 210, True))
    assert joined(wrapped_date, line(50, ("๒๕๖๖", 0, 80, False))) == "๑ ตุลาคม ๒๕๖๖"
    two_numbers = line(0, ("กันยายน", 0, 130, False), ("๒๕๖๗", 150, 215, True))
    assert (
        joined(two_numbers, line(50, ("๑", 0, 20, False), ("ตุลาคม", 40, 150, True))) == "กันยายน ๒๕๖๗ ๑ ตุลาคม"
    )
    cut = line(0, ("๙", 0, 20, False), ("ธ.ค.๒", 40, 220, True))
    assert joined(cut, line(50, ("๕๖๕", 0, 60, False))) == "๙ ธ.ค.๒๕๖๕"


@pytest.mark.parametrize("font", ["Laksaman", "Garuda", "Norasi"])
@pytest.mark.parametrize("number", ["๙๓.๓๑", "๒๕๖๖", "๘๔.๘๓", "๑๐๐.๐๐", "๔๗"])
def test_thai_digits_are_read_glyph_by_glyph(font: str, number: str) -> None:
    import cv2
    from PIL import Image, ImageDraw, ImageFont

    from ita.parse import thai_digits

    image = Image.new("L", (400, 100), 0)
    ImageDraw.Draw(image).text(
        (10, 10), number, font=ImageFont.truetype(f"{thai_digits.FONT_FOLDER}/{font}.ttf", 54), fill=255
    )
    ink = np.asarray(image) > 127
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8))
    boxes = sorted(tuple(int(v) for v in s[:4]) for s in stats[1:count])
    reading = thai_digits.read_glyphs(ink, boxes)
    assert reading is not None and reading.text == number
    assert reading.confidence >= provenance.LOW_CONFIDENCE  # drawn as the drawings are: sure


@pytest.mark.parametrize("letter", ["ธ", "ก", "ห"])
def test_a_letter_taken_for_a_digit_is_not_read_surely(letter: str) -> None:
    import cv2
    from PIL import Image, ImageDraw, ImageFont

    from ita.parse import thai_digits

    image = Image.new("L", (200, 100), 0)
    font = ImageFont.truetype(f"{thai_digits.FONT_FOLDER}/Laksaman.ttf", 54)
    ImageDraw.Draw(image).text((10, 10), letter, font=font, fill=255)
    ink = np.asarray(image) > 127
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8))
    reading = thai_digits.read_glyphs(ink, [tuple(int(v) for v in s[:4]) for s in stats[1:count]])
    assert reading is not None and reading.confidence < provenance.LOW_CONFIDENCE


@pytest.mark.parametrize(
    ("pieces", "read"),
    [
        ([("๓.", ["ดตา."]), ("การจัดทำคู่มือ", ["การจัดทำคู่มือ"])], "๓. การจัดทำคู่มือ"),
        ([("๓.", ["ด", "ตา."]), ("การจัดทำ", ["การจัดทำ"])], "๓. การจัดทำ"),  # OCR cut the ๓ in two
        ([("๗.", ["ฒ."]), ("การ", ["การ"])], "๗. การ"),
        ([("3", ["ว"])], "3"),  # a number alone in its cell
        ([("อบต.", ["อบต."]), ("เชิงทะเล", ["เชิงทะเล"])], "อบต. เชิงทะเล"),  # words stay words
        ([("ถ.", ["ถ."]), ("เมือง", ["เมือง"])], "ถ. เมือง"),
        ([("อ", ["อ"])], "อ"),
    ],
)
def test_a_list_number_ocr_took_for_letters_is_read_again(
    pieces: list[tuple[str, list[str]]], read: str
) -> None:
    """Each piece of text drawn after the one before, OCR's words for it sharing its width."""
    from PIL import Image, ImageDraw, ImageFont

    from ita.parse import thai_digits
    from ita.parse.page_layout import Word, ocr_line
    from ita.parse.scan import _digits_read_again

    image = Image.new("L", (900, 90), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(f"{thai_digits.FONT_FOLDER}/Laksaman.ttf", 40)
    x, words = 20, []
    for paper, ocr in pieces:
        draw.text((x, 20), paper, font=font, fill=0)
        x0, top, x1, bottom = draw.textbbox((x, 20), paper, font=font)
        share = (x1 - x0) / len(ocr)
        for n, text in enumerate(ocr):
            words.append(
                Word(text, x0 + n * share, top, x0 + (n + 1) * share, bottom, 60.0, x > 20 and n == 0)
            )
        x = x1 + 16
    assert _digits_read_again(ocr_line(words), np.asarray(image)).text == read


def test_a_glyph_ocr_cut_into_slivers_is_read_once() -> None:
    """'ก.ย.' read as 'กุยขย.': the ย cut into three slivers read ย, ข, ย; letters read whole stay."""
    import cv2
    from PIL import Image, ImageDraw, ImageFont

    from ita.parse import thai_digits
    from ita.parse.ocr_glyphs import read_once
    from ita.parse.page_layout import Word, ocr_line

    image = Image.new("L", (400, 90), 0)
    font = ImageFont.truetype(f"{thai_digits.FONT_FOLDER}/Laksaman.ttf", 48)
    ImageDraw.Draw(image).text((20, 10), "กยบ", font=font, fill=255)
    ink = np.asarray(image) > 127
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8))
    (k0, top, k1, bottom), (y0, _, y1, _), (b0, _, b1, _) = sorted(
        (int(s[0]), int(s[1]), int(s[0] + s[2]), int(s[1] + s[3])) for s in stats[1:count]
    )
    third = (y1 - y0) / 3

    def read(*pieces: tuple[str, float, float]) -> str:
        return read_once(
            ocr_line([Word(t, x0, top, x1, bottom, 70.0 - n, False) for n, (t, x0, x1) in enumerate(pieces)]),
            ink,
        ).text

    slivers = [("ย", y0, y0 + third), ("ข", y0 + third, y0 + 2 * third), ("ย", y0 + 2 * third, y1)]
    assert read(("ก", k0, k1), *slivers, ("บ", b0, b1)) == "กยบ"
    assert read(("ก", k0, k1), ("ย", y0, y1), ("บ", b0, b1)) == "กยบ"
    assert read(("ก", k0, k1), ("ย", y0, y1), ("ย", y1 - 2, b1)) == "กยย"  # two letters read whole


def _drawn_tick(size: int, weight: int, corner: tuple[float, float] = (0.3, 1.0)):
    """A check mark drawn by hand, not quite as any of tick_marks' drawings: True where dark."""
    import cv2

    canvas = np.zeros((size + 20, size + 20), np.uint8)
    points = [(0.0, 0.5), corner, (0.9, 0.0)]
    cv2.polylines(
        canvas, [np.array([(10 + size * x, 10 + size * y) for x, y in points], np.int32)], False, 255, weight
    )
    return canvas > 0


def _drawn_glyph(text: str, size: int = 40):
    from PIL import Image, ImageDraw, ImageFont

    from ita.parse import thai_digits

    image = Image.new("L", (4 * size, 2 * size), 0)
    font = ImageFont.truetype(f"{thai_digits.FONT_FOLDER}/Laksaman.ttf", size)
    ImageDraw.Draw(image).text((size // 2, size // 4), text, font=font, fill=255)
    return np.asarray(image) > 127


@pytest.mark.parametrize(
    ("size", "weight", "corner"), [(30, 3, (0.3, 1.0)), (60, 9, (0.4, 0.9)), (24, 4, (0.2, 1.0))]
)
def test_a_tick_is_a_tick_by_its_shape(size: int, weight: int, corner: tuple[float, float]) -> None:
    from ita.parse.tick_marks import looks_like_tick

    assert looks_like_tick(_drawn_tick(size, weight, corner))


@pytest.mark.parametrize("letter", ["ม", "ง", "ว", "๗", "๙", "%", "v", "V", "7", "1"])
def test_letters_ocr_takes_a_tick_for_are_no_ticks(letter: str) -> None:
    from ita.parse.tick_marks import looks_like_tick

    assert not looks_like_tick(_drawn_glyph(letter))


@pytest.mark.parametrize(
    ("first", "read"),
    [
        ("tick", "✓ (ตรวจสอบได้)"),  # OCR read the tick as "ม"
        ("ม", "ม (ตรวจสอบได้)"),  # a letter OCR read as itself stays
    ],
)
def test_a_cells_leading_tick_is_written_as_a_tick_whatever_ocr_read(first: str, read: str) -> None:

    from ita.parse.page_layout import Word, ocr_line
    from ita.parse.scan import _ticked

    ink = np.zeros((80, 400), bool)
    drawn = _drawn_tick(24, 4) if first == "tick" else _drawn_glyph(first, 40)
    rows, columns = np.nonzero(drawn)
    glyph = drawn[rows.min() : rows.max() + 1, columns.min() : columns.max() + 1]
    height, width = glyph.shape
    ink[62 - height : 62, 15 : 15 + width] = glyph  # standing on the note's baseline, row 62
    for x in (80, 106, 132, 158):  # the note's letters, 24 pixels high
        ink[38:62, x : x + 20] = True
    words = [Word("ม", 13, 36, 17 + width, 62, 40.0), Word("(ตรวจสอบได้)", 78, 36, 180, 62, 90.0)]
    [line] = _ticked([ocr_line(words)], ink)
    assert line.text == read


# --- into the database ---------------------------------------------------------------------------------


def test_an_imported_pdf_keeps_its_pages(fixtures, tmp_path: Path) -> None:
    import duckdb

    from ita import db, refresh

    con = duckdb.connect(str(tmp_path / "pages.duckdb"))
    refresh.init_database(con)
    result = load.import_file(con, fixtures(SEED_002, "word"))
    assert (result.count_assessments, result.count_measures) == (1, 4)
    pages = con.execute("SELECT first_page, last_page FROM measures ORDER BY measure_no").fetchall()
    assert pages == [(3, 3)] * 4
    assert con.execute("SELECT source_page FROM assessments").fetchall() == [(1,)]
    agency_id = con.execute("SELECT agency_id FROM agencies").fetchone()[0]
    documents = db.run_query(con, "agency_documents", {"agency_id": agency_id})
    assert documents[["assessment_pages", "first_page", "last_page"]].values.tolist() == [["1", 3, 3]]
    con.close()


def test_the_pages_an_original_is_opened_at_are_named_as_runs() -> None:
    from ita.ui.documents import page_ranges

    assert page_ranges([1, 2, 3, 4, 7]) == "1–4, 7"
    assert page_ranges([3]) == "3"
