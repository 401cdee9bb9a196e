"""Read a document file into text lines, the one form every parser works on.

Plain text keeps its own line numbers. HTML and Word documents become lines the way the sample
documents were converted: paragraphs as lines, table rows as tab-separated cells, and a cell holding
several paragraphs written as ``<p>…</p>`` fragments (a line break in one as ``<br>``), so one table
reader serves every format. A spreadsheet (CSV or Excel) becomes one line per row, so a line number is
its row number: a title row above a table as a line of text, a table row as tab-separated cells.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ita.errors import ParseError, RejectedError, unreadable
from ita.thai_dates import BE_OFFSET, MONTH_ABBREVIATIONS

if TYPE_CHECKING:
    import openpyxl

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
PAGED_SUFFIXES = frozenset({".pdf", *IMAGE_SUFFIXES})
CSV_SUFFIXES = (".csv", ".tsv")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
# Bytes that never occur in text; a few stray ones are tolerated, a file full of them is binary.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\x1b")
_BINARY_SHARE = 0.05
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Thai vowel and tone marks sit on a consonant; a mark after anything else means a wrong code page.
_THAI_MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_THAI_BASE = re.compile(r"[\u0e01-\u0e30\u0e40-\u0e46]")
_TEXT_PUNCTUATION = "“”‘’–—…•€\xa0"
_HTML_START = re.compile(r"\s*(?:<!doctype html|<html|<body|<table|<p[\s>])", re.IGNORECASE)


Progress = Callable[[int, int, str], None]  # (page, pages, how it was read)


@dataclass
class DocumentText:
    """A document's lines, and for paged formats the page of each line and the OCR confidence of each
    of its cells (None where the text came from a text layer or the format has no pages)."""

    lines: list[str]
    pages: list[int | None] | None = None
    confidences: list[list[float | None] | None] | None = None


def read_lines(path: Path) -> list[str]:
    """The lines of a .txt/.md, .html/.htm, .docx, .pdf or page image (other names are tried as text)."""
    return read_document(path).lines


def read_document(path: Path, *, progress: Progress | None = None) -> DocumentText:
    """The lines of a document, with the page each came from for PDFs and page images; `progress`
    hears of each page as it is read (page, pages, how)."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise unreadable(name, error) from error
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF"):
        from ita.parse.pdf import read_pdf

        return _paged(read_pdf(data, name, progress=progress))
    if suffix in IMAGE_SUFFIXES or data.startswith(_IMAGE_MAGIC):
        from ita.parse.pdf import read_image

        placed = read_image(data, name)
        if progress:
            progress(1, 1, "OCR (a page image)")
        return _paged(placed)
    reject_empty(data, name)
    if suffix == ".docx" or (suffix not in TEXT_SUFFIXES + HTML_SUFFIXES and data.startswith(b"PK\x03\x04")):
        from ita.parse.docx_text import docx_lines  # python-docx loads in 45 ms: only for Word files

        return DocumentText(docx_lines(data, name))
    _reject_binary(data, name)
    text = decode_text(data, name)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _HTML_START.match(text)):
        return DocumentText(html_lines(text))
    return DocumentText([line.removesuffix("\r") for line in text.removesuffix("\n").split("\n")])


def _paged(placed: list) -> DocumentText:
    return DocumentText(
        [line.text for line in placed],
        [line.page for line in placed],
        [line.confidences for line in placed],
    )


def decode_text(data: bytes, file_name: str) -> str:
    """Text from UTF-8 (with or without BOM) or the Thai Windows code page cp874 (TIS-620)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        raise ParseError(
            file_name,
            "unsupported encoding: not UTF-8 or Thai cp874/TIS-620",
            reason_th="อ่านตัวอักษรในไฟล์ไม่ได้: ไฟล์ไม่ได้บันทึกเป็น UTF-8 หรือภาษาไทยแบบ cp874/TIS-620",
        ) from None
    if not _looks_thai(text):
        raise ParseError(
            file_name,
            "unsupported encoding: not UTF-8, and not Thai in cp874/TIS-620",
            reason_th="อ่านตัวอักษรในไฟล์ไม่ได้: ไฟล์ไม่ได้บันทึกเป็น UTF-8 และไม่ใช่ภาษาไทยแบบ cp874/TIS-620",
        )
    return text


def html_lines(html: str) -> list[str]:
    """Block elements as lines, table rows as tab-separated cells (cell structure kept as <p>/<li>).

    A layout table, one holding another table in a cell (as CMS pages wrap their content), is no data:
    its cells' paragraphs become lines of their own and the tables inside it are read as tables. A grid
    of <div>s drawn as a table (page builders make no <table>) is read as the table it draws.
    """
    grids = div_tables(html)
    layout = _LayoutTables(grids)
    layout.feed(html)
    layout.close()
    parser = _HtmlLines(grids, layout.found)
    parser.feed(html)
    parser.close()
    return parser.finish()


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    """A cell's rowspan or colspan: 1 when absent or unreadable, at most 100."""
    value = dict(attrs).get(name) or "1"
    return min(int(value), 100) if value.strip().isdigit() and int(value) > 0 else 1


def looks_binary(data: bytes) -> bool:
    """Whether bytes cannot be text: a NUL, or more than a few bytes that never occur in text. UTF-16 is
    text, in an encoding the parser names when it refuses it."""
    if data.startswith(_UTF16_BOMS):
        return False
    control = len(data) - len(data.translate(None, _CONTROL_BYTES))  # one pass, not one per byte
    return b"\x00" in data or control > _BINARY_SHARE * len(data)


def reject_empty(data: bytes, name: str) -> None:
    """Refuse a file that holds nothing but blanks (and perhaps a UTF-8 byte order mark)."""
    if not data.strip(b" \t\r\n\f\xef\xbb\xbf"):
        raise ParseError(name, "empty file", reason_th="ไฟล์ว่างเปล่า")


def _reject_binary(data: bytes, name: str) -> None:
    if data.startswith(_UTF16_BOMS):
        raise ParseError(
            name,
            "unsupported encoding: UTF-16; save the file as UTF-8",
            reason_th="ไม่รองรับไฟล์ที่บันทึกแบบ UTF-16: โปรดบันทึกไฟล์ใหม่เป็น UTF-8",
        )
    if looks_binary(data):
        raise ParseError(
            name,
            "binary file: expected text, HTML, Word (.docx), PDF or a page image",
            reason_th="ไม่ใช่ไฟล์ข้อความ: รับเฉพาะไฟล์ข้อความ, HTML, Word (.docx), PDF หรือภาพหน้าเอกสาร",
        )


def _looks_thai(text: str) -> bool:
    """Whether cp874-decoded text reads as Thai and ASCII rather than another code page's bytes."""
    foreign = sum(
        1 for ch in text if not (ch.isascii() or "\u0e00" <= ch <= "\u0e7f" or ch in _TEXT_PUNCTUATION)
    )
    misplaced = sum(1 for m in _THAI_MARKS.finditer(text) if not _follows_thai(text, m.start()))
    thai = len(_THAI_BASE.findall(text))
    return thai > 0 and foreign <= 0.02 * len(text) and misplaced <= 0.01 * thai


def _follows_thai(text: str, index: int) -> bool:
    return index > 0 and ("\u0e01" <= text[index - 1] <= "\u0e4e")


def one_line(text: str) -> str:
    return " ".join(text.split())  # split() breaks on what \s matches, faster than re.sub


def _tidy_cell(text: str) -> str:
    """One line, written like the sample documents: "<p>a</p> <p>b</p>", "<ul><li>c</li></ul>", "d<br>e"."""
    text = re.sub(r"(<(?:p|li|ul|br)>)\s+", r"\1", one_line(text))
    return re.sub(r"\s+(</(?:p|li|ul)>|<br>)", r"\1", text)


# A class naming a grid's row or cell, as page builders and CSS frameworks write them ("ita-row",
# "table_cell", "tr"); "col"/"column" are left out: they name a layout's columns, not a table's cells.
_ROW_CLASS_RE = re.compile(r"(?:^|[-_])(?:row|tr)(?:$|[-_])", re.IGNORECASE)
_CELL_CLASS_RE = re.compile(r"(?:^|[-_])(?:cell|td|th)(?:$|[-_])", re.IGNORECASE)
_CELL_ROLES = frozenset({"cell", "gridcell", "columnheader", "rowheader"})


def div_tables(html: str) -> dict[int, str]:
    """The <div>s, numbered in the order they open, that draw a table, each with the table tag it stands
    for: a cell (a class naming a cell, or an ARIA cell role) inside a row (a class naming a row, or
    role="row") inside the div that holds the rows. A row without such cells (a CSS framework's layout
    row of columns) draws no table."""
    finder = _DivGrids()
    finder.feed(html)
    finder.close()
    return finder.found


def _div_kind(attrs: list[tuple[str, str | None]]) -> str | None:
    """The table tag a div stands for when its class or role names a row ("tr") or a cell ("td")."""
    named = dict(attrs)
    role = (named.get("role") or "").strip().lower()
    classes = (named.get("class") or "").split()
    if role == "row" or any(_ROW_CLASS_RE.search(c) for c in classes):
        return "tr"
    if role in _CELL_ROLES or any(_CELL_CLASS_RE.search(c) for c in classes):
        return "td"
    return None


class _DivGrids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[int, str] = {}
        self._opened = 0
        self._open: list[tuple[int, str | None]] = []  # each open div: its number and what it names

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "div":
            return
        kind = _div_kind(attrs)
        if kind == "td" and len(self._open) >= 2 and self._open[-1][1] == "tr":
            row, holder = self._open[-1][0], self._open[-2][0]
            # rows set straight into another grid's cell have no div of their own to be their table:
            # their text stays that cell's
            if self.found.get(holder) != "td":
                self.found.update({self._opened: "td", row: "tr"})
                self.found.setdefault(holder, "table")
        self._open.append((self._opened, kind))
        self._opened += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._open:
            self._open.pop()


class TableTags(HTMLParser):
    """An HTML parser that hears the divs drawing a table (see div_tables) as the table's own tags:
    subclasses handle `start` and `end`."""

    def __init__(self, grids: dict[int, str]) -> None:
        super().__init__(convert_charrefs=True)
        self._grids = grids
        self._divs_opened = 0
        self._div_tags: list[str] = []  # for each open div, the tag it stands for

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div":
            tag = self._grids.get(self._divs_opened, "div")
            self._divs_opened += 1
            self._div_tags.append(tag)
        self.start(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._div_tags:
            tag = self._div_tags.pop()
        self.end(tag)

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise NotImplementedError

    def end(self, tag: str) -> None:
        raise NotImplementedError


class _LayoutTables(TableTags):
    """The tables, numbered in the order they open, that hold another table."""

    def __init__(self, grids: dict[int, str]) -> None:
        super().__init__(grids)
        self.found: set[int] = set()
        self._opened = 0
        self._open: list[int] = []

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            if self._open:
                self.found.add(self._open[-1])
            self._open.append(self._opened)
            self._opened += 1

    def end(self, tag: str) -> None:
        if tag == "table" and self._open:
            self._open.pop()


class _HtmlLines(TableTags):
    """Collects lines: text between block elements, and one tab-separated line per table row.

    Cells keep their place on the table's grid, as Word's merged cells do: a cell spanning columns
    (colspan) is followed by empty cells, and a place covered by a cell from a row above (rowspan)
    reads empty, so a measure spanning several rows of steps continues like a row after a page break.
    """

    _BLOCKS = frozenset(
        {
            *("p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd"),
            *("table", "caption", "section", "article", "header", "footer", "blockquote", "pre", "title"),
            *("address", "nav", "main", "aside", "figure", "figcaption", "form"),
        }
    )
    _CELL_MARKUP: ClassVar[dict[str, str]] = {"p": "p", "li": "li", "ul": "ul", "ol": "ul"}
    _SKIPPED = frozenset({"script", "style", "template"})
    _LAYOUT_CELLS = frozenset({"tr", "td", "th"})  # a layout table's cell is a block

    def __init__(self, grids: dict[int, str], layout_tables: set[int]) -> None:
        super().__init__(grids)
        self._layout_tables = layout_tables
        self._lines: list[str] = []
        self._text: list[str] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._span = (1, 1)  # the open cell's rowspan and colspan
        self._covered: dict[int, int] = {}  # column → rows still covered by a cell above, this one included
        self._below: dict[int, int] = {}  # column → rows the current row's cells cover below it
        self._opened = 0  # tables opened so far, which numbers them as _LayoutTables does
        self._open: list[bool] = []  # for each table open, whether it holds data (holds no table)
        self._skipping = 0
        self._in_caption = False  # a data table's caption is a line of its own, before its rows

    def finish(self) -> list[str]:
        self._flush()
        return self._lines

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIPPED:
            self._skipping += 1
        elif tag == "table":
            self._flush()
            self._open.append(self._opened not in self._layout_tables)
            self._opened += 1
            if self._in_data:
                self._covered = {}
        elif self._in_data and tag == "tr":
            self._row, self._below = [], {}
        elif self._in_data and tag in ("td", "th"):
            self._cell = []
            self._span = (_span(attrs, "rowspan"), _span(attrs, "colspan"))
        elif self._in_data and tag == "caption":
            self._flush()
            self._in_caption = True
        elif self._cell is not None:
            self._cell_markup(tag, closing=False)
        elif tag in self._BLOCKS or tag in self._LAYOUT_CELLS:
            self._flush()

    def end(self, tag: str) -> None:
        if tag in self._SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag == "table":
            self._flush()
            if self._open:
                self._open.pop()
        elif self._in_data and tag in ("td", "th"):
            self._end_cell()
        elif self._in_data and tag == "caption":
            self._flush()
            self._in_caption = False
        elif self._in_data and tag == "tr":
            self._end_row()
        elif self._cell is not None:
            self._cell_markup(tag, closing=True)
        elif tag in self._BLOCKS or tag in self._LAYOUT_CELLS:
            self._flush()

    @property
    def _in_data(self) -> bool:
        return bool(self._open) and self._open[-1]

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif not self._in_data or self._in_caption:
            self._text.append(data)

    def _cell_markup(self, tag: str, *, closing: bool) -> None:
        # A line break is kept, not made a space: a Thai phrase runs on across it ("บุคลากร<br>ใช้"),
        # where a list of units in one cell ("สำนักปลัด<br>กองคลัง") does not; the column tells which.
        if tag == "br":
            self._cell.append("" if closing else "<br>")
        elif tag in self._CELL_MARKUP:
            self._cell.append(f"<{'/' if closing else ''}{self._CELL_MARKUP[tag]}>")
        elif tag in self._BLOCKS:
            self._cell.append(" ")

    def _end_cell(self) -> None:
        if self._cell is None or self._row is None:
            return
        self._skip_covered()
        rows, columns = self._span
        for offset in range(columns):
            if rows > 1:
                self._below[len(self._row)] = rows - 1
            self._row.append("" if offset else _tidy_cell("".join(self._cell)))
        self._cell = None

    def _end_row(self) -> None:
        if self._cell is not None:
            self._end_cell()
        if self._row is None:
            return
        if any(column >= len(self._row) for column in self._covered):
            self._skip_covered(to_end=True)
        if any(cell.strip() for cell in self._row):
            self._lines.append("\t".join(self._row))
        kept = {column: rows - 1 for column, rows in self._covered.items() if rows > 1}
        self._covered = kept | self._below
        self._row = None

    def _skip_covered(self, *, to_end: bool = False) -> None:
        """Empty cells for the places a cell of a row above covers, up to the next free place."""
        last = max(self._covered, default=-1)
        while len(self._row) in self._covered or (to_end and len(self._row) <= last):
            self._row.append("")

    def _flush(self) -> None:
        line = one_line("".join(self._text))
        if line:
            self._lines.append(line)
        self._text = []


# --- spreadsheets --------------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    """A CSV's rows, comma, tab or semicolon separated."""
    text = _decode_csv(path.name, _read_bytes(path))
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text)))
    except csv.Error as exc:
        raise ParseError(
            path.name, f"not a readable CSV file ({exc})", reason_th=f"อ่านไฟล์ CSV ไม่ได้ ({exc})"
        ) from exc


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise unreadable(path.name, exc) from exc


def _decode_csv(file_name: str, data: bytes) -> str:
    """UTF-8 or Thai Windows cp874 as documents are, plus the UTF-16 of Excel's "Unicode text"."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ParseError(
                file_name,
                "unsupported encoding: broken UTF-16",
                reason_th="อ่านตัวอักษรในไฟล์ไม่ได้: ข้อมูลแบบ UTF-16 เสียหาย",
            ) from exc
    if data.startswith(b"PK\x03\x04"):
        raise RejectedError(
            file_name,
            "binary file: this is an Excel workbook, rename it to .xlsx",
            reason_th="ไฟล์นี้เป็นไฟล์ Excel ไม่ใช่ CSV: โปรดเปลี่ยนนามสกุลไฟล์เป็น .xlsx",
        )
    if b"\x00" in data:
        raise RejectedError(file_name, "binary file: not CSV text", reason_th="ไม่ใช่ไฟล์ CSV: เนื้อหาไม่ใช่ข้อความ")
    return decode_text(data, file_name)


def _sniff_delimiter(text: str) -> str:
    """Comma, tab or semicolon: whichever splits the most of the first rows into the same number of cells."""
    return max(",\t;", key=lambda delimiter: _width_agreement(text, delimiter))


def _width_agreement(text: str, delimiter: str) -> int:
    records = itertools.islice(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 50)
    widths = Counter(len(record) for record in records if len(record) > 1)
    return max(widths.values(), default=0)


def open_workbook(path: Path, *, data_only: bool, read_only: bool = False) -> openpyxl.Workbook:
    """An Excel workbook; read-only streams its rows without the merged ranges, enough to read its text."""
    # openpyxl is loaded for an Excel file only: a document import starts without it
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(path, data_only=data_only, read_only=read_only)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise ParseError(
            path.name, f"not a readable Excel workbook ({exc})", reason_th=f"อ่านไฟล์ Excel ไม่ได้ ({exc})"
        ) from exc


def spreadsheet_lines(path: Path, *, max_rows: int | None = None) -> list[list[str]]:
    """Each worksheet of a CSV (one) or an Excel workbook as a document's lines, up to `max_rows` each.

    A row filling two or more cells is a table row; so is a row filling one cell right below a table row
    (a group heading merged across the table). Any other row filling one cell (a title merged across the
    columns above the table, a note under it) is a line of text, and an empty row an empty line. A merged
    cell reads empty beyond its first place, as a Word table's merged cells do.
    """
    if path.suffix.lower() in CSV_SUFFIXES:
        return [_sheet_lines(read_csv(path)[:max_rows])]
    workbook = open_workbook(path, data_only=True, read_only=True)
    try:
        return [
            _sheet_lines(
                [shown(cell.value, cell.number_format) for cell in row]
                for row in ws.iter_rows(max_row=max_rows)
            )
            for ws in workbook.worksheets
        ]
    finally:
        workbook.close()  # a read-only workbook keeps its file open


def shown(value: object, number_format: str | None) -> object:
    """A spreadsheet cell's value as the sheet shows it: Excel keeps 95.2 % as 0.952, which means 95.2."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (number_format or ""):
        return round(value * 100, 10)
    return value


def _sheet_lines(rows: Iterator[Sequence[object]] | list[list[str]]) -> list[str]:
    lines: list[str] = []
    in_table = False
    for row in rows:
        cells = [_spreadsheet_cell(value) for value in row]
        filled = sum(1 for cell in cells if cell)
        in_table = filled > 1 or (filled == 1 and in_table)
        if in_table:
            lines.append("\t".join(cells if len(cells) > 1 else [*cells, ""]))
        else:
            lines.append(next((cell for cell in cells if cell), ""))
    return lines


def _spreadsheet_cell(value: object) -> str:
    """A cell's text: a whole number without ".0", a date as documents write it ("1 ต.ค. 2567"), and the
    lines of a cell (Alt+Enter) joined with <br> as a Word cell's line breaks are."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        month = ".".join(MONTH_ABBREVIATIONS[value.month - 1])
        return f"{value.day} {month}. {value.year + BE_OFFSET}"
    return "<br>".join(filter(None, map(one_line, str(value).splitlines())))
