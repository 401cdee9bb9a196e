"""Reading files into lines: text encodings, HTML and Word converted the way the seeds were, and rejections."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from ita.errors import ParseError
from ita.parse.reader import read_lines

SEEDS = Path(__file__).resolve().parent.parent / "data" / "documents"
SEED_002 = SEEDS / "002_c99676ea6513b4a9.txt"
THAI = "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๕\nองค์การบริหารส่วนตำบลนาขุม\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_text_lines_keep_the_file_numbering() -> None:
    lines = read_lines(SEED_002)
    assert len(lines) == 58  # the last line has no newline
    assert lines[15] == "ตัวชี้วัดที่ ๑\tการปฏิบัติหน้าที่\tได้ ๙๓.๓๑ คะแนน"  # line 16
    assert lines[53].startswith("มาตรการ\tขั้นตอน/วิธีการปฏิบัติ\t")  # line 54


@pytest.mark.parametrize(
    "data",
    [
        THAI.encode("utf-8"),
        b"\xef\xbb\xbf" + THAI.encode("utf-8"),
        THAI.encode("cp874"),
        THAI.encode("tis-620"),
    ],
    ids=["utf-8", "utf-8-bom", "cp874", "tis-620"],
)
def test_encodings(tmp_path: Path, data: bytes) -> None:
    assert read_lines(write(tmp_path, "doc.txt", data)) == THAI.splitlines()


def test_windows_line_ends(tmp_path: Path) -> None:
    assert read_lines(write(tmp_path, "doc.txt", "ก\r\nข\r\n\r\nค")) == ["ก", "ข", "", "ค"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("café résumé naïve à la carte".encode("latin-1"), "unsupported encoding"),
        (THAI.encode("utf-16"), "unsupported encoding"),
        (b"", "empty file"),
        (b" \r\n\t\n", "empty file"),
        (b"\xef\xbb\xbf\n", "empty file"),
        (b"abc\x00\x01\x02def", "binary file"),
        (bytes(range(256)) * 4, "binary file"),
    ],
    ids=["latin-1", "utf-16", "empty", "blank", "bom-only", "nul", "bytes"],
)
def test_rejections(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(ParseError, match=reason) as error:
        read_lines(write(tmp_path, "doc.txt", data))
    assert error.value.file == "doc.txt"


@pytest.mark.parametrize("name", ["report.pdf", "report.txt"])
def test_a_broken_pdf_is_refused_whatever_its_name(tmp_path: Path, name: str) -> None:
    with pytest.raises(ParseError, match="not a readable PDF"):
        read_lines(write(tmp_path, name, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"))


def word_file_with_broken_xml(tmp_path: Path) -> bytes:
    docx.Document().save(tmp_path / "whole.docx")
    broken = io.BytesIO()
    with zipfile.ZipFile(tmp_path / "whole.docx") as whole, zipfile.ZipFile(broken, "w") as out:
        for item in whole.infolist():
            data = whole.read(item.filename)
            out.writestr(item, data[:200] if item.filename == "word/document.xml" else data)
    return broken.getvalue()


def test_broken_word_files(tmp_path: Path) -> None:
    for data in (b"PK\x03\x04 not really a zip", word_file_with_broken_xml(tmp_path)):
        with pytest.raises(ParseError, match=r"not a readable Word \(\.docx\) file"):
            read_lines(write(tmp_path, "report.docx", data))


def test_unknown_extension_is_read_as_text_or_html(tmp_path: Path) -> None:
    assert read_lines(write(tmp_path, "report.dat", THAI)) == THAI.splitlines()
    assert read_lines(write(tmp_path, "page", "<html><body><p>ก</p><p>ข</p></body></html>")) == ["ก", "ข"]


HTML = """<!DOCTYPE html><html><head><title>ITA</title><style>p { color: red }</style>
<script>var x = "<p>no</p>";</script></head><body>
<h1>มาตรการส่งเสริมคุณธรรม</h1><div>เทศบาลตำบล<b>บ้านแพ้ว</b><br>ประจำปี&nbsp;2567</div>
<table>
 <tr><th>มาตรการ</th><th>ขั้นตอน</th></tr>
 <tr><td><p>๑. การเปิดเผยข้อมูล</p></td>
     <td><p>๑. ปรับปรุง   เว็บไซต์</p>
         <p>๒. จัดทำ
            คู่มือ</p><ul><li>ย่อย ก</li><li>ย่อย ข</li></ul></td></tr>
 <tr><td></td><td>ต่อ</td></tr>
</table>
<p>ท้ายเอกสาร</p></body></html>"""


def test_html_blocks_and_table_rows(tmp_path: Path) -> None:
    assert read_lines(write(tmp_path, "doc.html", HTML)) == [
        "ITA",
        "มาตรการส่งเสริมคุณธรรม",
        "เทศบาลตำบลบ้านแพ้ว",
        "ประจำปี 2567",
        "มาตรการ\tขั้นตอน",
        "<p>๑. การเปิดเผยข้อมูล</p>\t<p>๑. ปรับปรุง เว็บไซต์</p> <p>๒. จัดทำ คู่มือ</p><ul><li>ย่อย ก</li><li>ย่อย ข</li></ul>",
        "\tต่อ",
        "ท้ายเอกสาร",
    ]


# A CMS page: the report table inside a cell of a layout table, itself inside a layout table, beside a
# menu cell; the layout cells' text before and after the report table and the menu become lines.
NESTED = """<html><body><table><tr><td>เมนู<br>หน้าแรก</td><td>
<table><tr><td><div>รายงานผลการดำเนินการ</div><div>ประจำปี&nbsp;2567</div>
  <table border="1">
    <tr><th rowspan="2">ลำดับ</th><th rowspan="2">มาตรการ</th><th colspan="2">สถานะ</th></tr>
    <tr><th>แล้ว</th><th>ยังไม่</th></tr>
    <tr><td colspan="4"><strong>แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน</strong></td></tr>
    <tr><td>๑</td><td><p>ส่งเสริม</p><p>คุณธรรม</p></td><td>✔</td><td>&nbsp;</td></tr>
  </table>
  <p>ลงชื่อ นายก</p>
</td></tr></table>
</td></tr></table><p>ท้ายหน้า</p></body></html>"""


def test_html_layout_tables_give_lines_and_the_tables_inside_them_rows(tmp_path: Path) -> None:
    assert read_lines(write(tmp_path, "cms.html", NESTED)) == [
        "เมนู",
        "หน้าแรก",
        "รายงานผลการดำเนินการ",
        "ประจำปี 2567",
        "ลำดับ\tมาตรการ\tสถานะ\t",
        "\t\tแล้ว\tยังไม่",
        "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน\t\t\t",
        "๑\t<p>ส่งเสริม</p><p>คุณธรรม</p>\t✔\t",
        "ลงชื่อ นายก",
        "ท้ายหน้า",
    ]


def test_html_tables_one_after_another_in_a_layout_cell_keep_their_own_grids(tmp_path: Path) -> None:
    page = (
        "<table><tr><td><table><tr><td rowspan='2'>ก</td><td>ข</td></tr><tr><td>ค</td></tr></table>"
        "<div>คั่น</div><table><tr><td>ง</td><td>จ</td></tr></table></td></tr></table>"
    )
    assert read_lines(write(tmp_path, "two.html", page)) == ["ก\tข", "\tค", "คั่น", "ง\tจ"]


def test_html_div_grids_read_as_the_tables_they_draw(tmp_path: Path) -> None:
    """Rows and cells named by class or ARIA role are a table; a CSS framework's layout row of columns
    is not, and a grid whose cell holds another grid is a layout, its cells' text lines of their own."""
    page = (
        "<div class='container'><div class='row'><div class='col-md-8'>"
        "<div class='grid'><div class='tbl-row'><div class='tbl-cell'>ที่</div><div class='tbl-cell'>มาตรการ</div>"
        "</div><div role='row'><div role='cell'>๑</div><div role='cell'>ส่งเสริม<p>คุณธรรม</p></div></div></div>"
        "</div><div class='col-md-4'>ข่าว</div></div></div>"
        "<div class='page'><div class='row'><div class='cell'>เมนู</div><div class='cell'>"
        "<div class='g'><div class='row'><div class='cell'>ก</div><div class='cell'>ข</div></div></div>"
        "</div></div></div>"
    )
    assert read_lines(write(tmp_path, "grid.html", page)) == [
        "ที่\tมาตรการ",
        "๑\tส่งเสริม<p>คุณธรรม</p>",
        "ข่าว",
        "เมนู",
        "ก\tข",
    ]


def test_html_table_caption_is_a_line_before_its_rows(tmp_path: Path) -> None:
    page = "<table><caption>มาตรการ ประจำปี ๒๕๖๗</caption><tr><th scope='row'>๑</th><td>ก</td></tr></table>"
    assert read_lines(write(tmp_path, "caption.html", page)) == ["มาตรการ ประจำปี ๒๕๖๗", "๑\tก"]


def test_html_in_thai_code_page(tmp_path: Path) -> None:
    page = "<html><body><p>องค์การบริหารส่วนตำบลนาขุม</p></body></html>"
    assert read_lines(write(tmp_path, "doc.htm", page.encode("cp874"))) == ["องค์การบริหารส่วนตำบลนาขุม"]


def test_word_paragraphs_and_tables_in_body_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("มาตรการส่งเสริมคุณธรรม")
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ["มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ"], strict=True):
        cell.text = text
    table.cell(1, 0).text = "๑. การเปิดเผยข้อมูล"
    steps = table.cell(1, 1)
    steps.text = "๑. ปรับปรุงเว็บไซต์"
    steps.add_paragraph("")
    steps.add_paragraph("๒. จัดทำ\tคู่มือ")
    table.cell(1, 2).text = "งาน ประชาสัมพันธ์"
    table.cell(1, 0).merge(table.cell(2, 0))  # the measure runs on: its cell reads empty below
    table.cell(2, 1).merge(table.cell(2, 2)).text = "ข้ามสองคอลัมน์"
    document.add_paragraph("ลงชื่อ\tนายก")
    path = tmp_path / "doc.docx"
    document.save(path)
    assert read_lines(path) == [
        "มาตรการส่งเสริมคุณธรรม",
        "มาตรการ\tขั้นตอน\tผู้รับผิดชอบ",
        "๑. การเปิดเผยข้อมูล\t<p>๑. ปรับปรุงเว็บไซต์</p> <p>๒. จัดทำ คู่มือ</p>\tงาน ประชาสัมพันธ์",
        "\tข้ามสองคอลัมน์\t",
        "ลงชื่อ\tนายก",
    ]


def test_word_layout_tables_give_their_cells_paragraphs_and_the_tables_inside_them(tmp_path: Path) -> None:
    document = docx.Document()
    layout = document.add_table(rows=1, cols=2)
    layout.cell(0, 0).text = "เมนู"
    page = layout.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0)  # a layout table in a layout table
    page.text = "รายงานผลการดำเนินการ"
    report = page.add_table(rows=2, cols=2)
    report.cell(0, 0).text, report.cell(0, 1).text = "ลำดับ", "มาตรการ"
    report.cell(1, 0).text, report.cell(1, 1).text = "๑", "ส่งเสริมคุณธรรม"
    page.add_paragraph("ลงชื่อ นายก")
    path = tmp_path / "cms.docx"
    document.save(path)
    assert [line for line in read_lines(path) if line] == [
        "เมนู",
        "รายงานผลการดำเนินการ",
        "ลำดับ\tมาตรการ",
        "๑\tส่งเสริมคุณธรรม",
        "ลงชื่อ นายก",
    ]


def test_a_line_break_in_a_cell_is_kept_for_the_column_to_read(tmp_path: Path) -> None:
    page = "<table><tr><td><p>ส่งเสริมให้บุคลากร <br/> ใช้ทรัพย์สิน</p></td><td>สำนักปลัด<br>กองคลัง</td></tr></table>"
    assert read_lines(write(tmp_path, "br.html", page)) == [
        "<p>ส่งเสริมให้บุคลากร<br>ใช้ทรัพย์สิน</p>\tสำนักปลัด<br>กองคลัง"
    ]
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ส่งเสริมให้บุคลากร\nใช้ทรัพย์สิน"  # python-docx writes a line break (Shift+Enter)
    table.cell(0, 1).text = "สำนักปลัด"
    table.cell(0, 1).add_paragraph("กองคลัง")
    path = tmp_path / "br.docx"
    document.save(path)
    assert read_lines(path) == ["ส่งเสริมให้บุคลากร<br>ใช้ทรัพย์สิน\t<p>สำนักปลัด</p> <p>กองคลัง</p>"]


def _word_list(abstract_id: int, *levels: tuple[str, ...]) -> str:
    """An abstractNum whose levels are (numFmt, lvlText, any other property), as Word writes them."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f"{''.join(extra)}</w:lvl>"
        for n, (fmt, text, *extra) in enumerate(levels)
    )
    return f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'


def _numbered_docx(tmp_path: Path, lists: list[str], nums: list[str], paragraphs: list[tuple]) -> Path:
    """A Word file whose paragraphs (text, numId, ilvl, style) Word numbers from `lists` and `nums`,
    after a table whose one cell holds no text, only the first number of list 90."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for xml in lists:
        first_num.addprevious(parse_xml(xml))
    for xml in nums:
        numbering.append(parse_xml(f"<w:num {nsdecls('w')} {xml}</w:num>"))
    table = document.add_table(rows=1, cols=1)
    for text, num_id, ilvl, style in paragraphs:
        paragraph = document.add_paragraph(text, style=style)
        if num_id is not None:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = ilvl
            num_pr.get_or_add_numId().val = num_id
    cell = table.cell(0, 0).paragraphs[0]  # a number column's cell: the number alone, before the body
    num_pr = cell._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val, num_pr.get_or_add_numId().val = 0, 90
    path = tmp_path / "numbered.docx"
    document.save(path)
    return path


def test_word_list_numbers_are_read_as_a_reader_sees_them(tmp_path: Path) -> None:
    lists = [
        _word_list(40, ("thaiNumbers", "%1."), ("thaiNumbers", "%1.%2"), ("bullet", "\uf0b7")),
        _word_list(41, ("decimal", "(%1)")),
        _word_list(42, ("thaiLetters", "%1.", '<w:suff w:val="nothing"/>')),
        _word_list(43, ("thaiNumbers", "ตัวชี้วัดที่ %1"), ("thaiNumbers", "%1.%2", "<w:isLgl/>")),
    ]
    nums = [
        'w:numId="90"><w:abstractNumId w:val="40"/>',
        'w:numId="91"><w:abstractNumId w:val="41"/>',
        'w:numId="92"><w:abstractNumId w:val="41"/>',  # the same list again: it counts on
        'w:numId="93"><w:abstractNumId w:val="41"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>',
        'w:numId="94"><w:abstractNumId w:val="42"/>',
        'w:numId="95"><w:abstractNumId w:val="43"/>',
    ]
    paragraphs = [
        ("มาตรการเผยแพร่ข้อมูล", 90, 0, None),
        ("ขั้นตอน", 90, 1, None),
        ("ตรวจสอบ", 90, 2, None),
        ("ผู้รับผิดชอบ", 90, 1, None),
        ("มาตรการป้องกันการทุจริต", 90, 0, None),
        ("ประกาศ", 90, 1, None),  # a new item above restarts the level below
        ("ก", 91, 0, None),
        ("ข", 92, 0, None),
        ("ค", 93, 0, None),  # "restart at 1"
        ("แรก", 94, 0, None),
        ("สอง", 94, 0, None),
        ("การปฏิบัติหน้าที่", 95, 0, None),
        ("ย่อย", 95, 1, None),
        ("จุดแข็ง", None, 0, "List Bullet"),  # numbered by its style
        ("ไม่มีเลข", 0, 0, "List Bullet"),  # numId 0 takes the style's numbering away
        ("ข้อความ", None, 0, None),
    ]
    assert read_lines(_numbered_docx(tmp_path, lists, nums, paragraphs)) == [
        "๑.",  # the table comes first in the body, so its cell is the list's first item
        "๒. มาตรการเผยแพร่ข้อมูล",
        "๒.๑ ขั้นตอน",
        "• ตรวจสอบ",
        "๒.๒ ผู้รับผิดชอบ",
        "๓. มาตรการป้องกันการทุจริต",
        "๓.๑ ประกาศ",
        "(1) ก",
        "(2) ข",
        "(1) ค",
        "ก.แรก",
        "ข.สอง",
        "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่",
        "1.1 ย่อย",
        "• จุดแข็ง",
        "ไม่มีเลข",
        "ข้อความ",
    ]


def test_a_word_file_without_lists_reads_as_before(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("มาตรการ")
    path = tmp_path / "plain.docx"
    document.save(path)
    with zipfile.ZipFile(path) as whole:
        parts = {name: whole.read(name) for name in whole.namelist() if name != "word/numbering.xml"}
    parts["word/_rels/document.xml.rels"] = re.sub(
        rb"<Relationship [^>]*numbering[^>]*/>", b"", parts["word/_rels/document.xml.rels"]
    )
    with zipfile.ZipFile(path, "w") as bare:
        for name, data in parts.items():
            bare.writestr(name, data)
    assert read_lines(path) == ["มาตรการ"]
