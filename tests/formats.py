"""One document in several formats: text lines as a web page or a Word file, a web page's tables
(with rowspan and colspan) as a Word file with merged cells, a CSV as the Excel workbook it was saved
from, the way agencies publish them; and a Word file whose list numbers Word draws itself, from a source
that writes each number as a marker (see word_source_as_docx)."""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from ita.parse.reader import TableTags, div_tables
from ita.thai import arabic_digits
from tests.fixtures.make_pdfs import blocks

_Write = Callable[[Paragraph, str], None]  # writes a line of the source into a Word paragraph


def as_html(lines: list[str]) -> str:
    """Text lines as an agency's web page: paragraphs, and each run of tab-separated lines as a table."""
    parts, rows = ["<!DOCTYPE html><html><body>"], []
    for line in [*lines, ""]:
        if "\t" in line:
            rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in line.split("\t")) + "</tr>")
            continue
        if rows:
            parts.append("<table>" + "\n".join(rows) + "</table>")
            rows = []
        if line.strip():
            parts.append(f"<p>{html.escape(line)}</p>")
    return "\n".join([*parts, "</body></html>"])


def as_docx(lines: list[str], path: Path) -> Path:
    """Text lines as a Word file: paragraphs, tables, and a cell's <p> fragments as its paragraphs."""
    document = docx.Document()
    _add_lines(document, lines, _write_text)
    document.save(path)
    return path


def word_source_as_docx(source: str, path: Path) -> Path:
    """A Word file written as its source: text lines as for as_docx, where a paragraph (or a cell's
    paragraph) opening with a marker in braces ("{๑.} มาตรการ…", "{•} ประกาศ…", a number cell "{๑}") is an
    item of a list Word numbers itself: the paragraph holds the text after the marker, and Word draws the
    marker from numbering.xml, as agencies' plans typed in Word number their measures and steps.

    Lines "%list ๑. | ๑.๑ | •" declare a list, each level by the marker its first item shows (its digits
    Thai or Arabic, or a Thai letter, or none for a bullet); "%style List Bullet | •" one whose numbers a
    paragraph style draws. A marker belongs to the one declared level of its shape and must show the
    number Word gives it; a first item ("{๑.}" again) restarts the list, as Word's "restart at 1" does.
    """
    lines = source.split("\n")
    document = docx.Document()
    lists = _WordLists(document, [line for line in lines if line.startswith("%")])
    _add_lines(document, [line for line in lines if not line.startswith("%")], lists.write)
    document.save(path)
    return path


def word_source_lines(source: str) -> list[str]:
    """What a reader of the Word file sees: its lines with each list marker drawn as text (the form it
    takes printed to PDF or saved as a web page)."""
    return [
        _MARKER_RE.sub(r"\g<open>\g<marker>\g<space>", line)
        for line in source.split("\n")
        if not line.startswith("%")
    ]


def html_as_docx(page: str, path: Path) -> Path:
    """A web page as a Word file: its paragraphs, and its tables with the same merged cells and the
    tables nested in their cells (a CMS page's layout tables); a grid of divs drawn as a table is that
    table, and a table's caption the paragraph above it."""
    reader = _PageReader(div_tables(page))
    reader.feed(page)
    document = docx.Document()
    for block in reader.blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            _add_table(document, _grid(block))
    document.save(path)
    return path


def csv_as_xlsx(source: Path, path: Path) -> Path:
    """A CSV as an Excel workbook: whole numbers as numbers, and a row with only its first cell filled (a
    title above the table) merged across the columns, as Excel users lay out a title."""
    with source.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    width = max(len(row) for row in rows)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if text:
                sheet.cell(r, c, int(text) if text.isdigit() else text)
        if row and row[0] and not any(row[1:]):
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
    workbook.save(path)
    return path


def _add_lines(document, lines: list[str], write: _Write) -> None:
    for block in blocks(lines):
        if isinstance(block, str):
            write(document.add_paragraph(), block)
            continue
        width = max(len(r) for r in block)
        grid = [[_Span(text) for text in cells] + [_Span("")] * (width - len(cells)) for cells in block]
        _add_table(document, grid, write)


def _write_text(paragraph: Paragraph, text: str) -> None:
    paragraph.text = text


# A list marker where a paragraph opens: at a line's start, a cell's, or a cell paragraph's.
_MARKER_RE = re.compile(r"(?P<open>^|\t|<p>)\{(?P<marker>[^{}]+)\}(?P<space> ?)")
_PARAGRAPH_MARKER_RE = re.compile(r"\{(?P<marker>[^{}]+)\} ?")
# The numbers of a marker: digits, or a Thai letter standing alone ("ก.", "(ข)")
_NUMBER_RUN_RE = re.compile(r"[0-9๐-๙]+|(?<![\u0e01-\u0e4e])[ก-ฮ](?![\u0e01-\u0e4e])")
_THAI_LETTERS = "กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"  # Word's thaiLetters skip ฃ and ฅ


@dataclass
class _WordList:
    """A declared list: each level's lvlText and numFmt and the marker shape it draws, its counters, and
    the w:num its items use (a new one after a restart)."""

    abstract_id: int
    levels: list[tuple[str, str, str]]  # (lvlText, numFmt, shape)
    style: str | None
    num_id: int | None = None
    counters: list[int] = field(default_factory=lambda: [0] * 9)


class _WordLists:
    def __init__(self, document, declarations: list[str]) -> None:
        self.document = document
        self.numbering = document.part.numbering_part.element
        self.lists = [self._declare(line) for line in declarations]

    def _declare(self, line: str) -> _WordList:
        keyword, _, rest = line.partition(" ")
        parts = [part.strip() for part in rest.split("|")]
        style = parts.pop(0) if keyword == "%style" else None
        levels = [_level(example, level) for level, example in enumerate(parts)]
        if style:
            return _WordList(0, levels, style)
        ids = [int(a.get(qn("w:abstractNumId"))) for a in self.numbering.iterfind(qn("w:abstractNum"))]
        word_list = _WordList(max(ids, default=-1) + 1, levels, None)
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{word_list.abstract_id}">'
            '<w:multiLevelType w:val="multilevel"/>'
            + "".join(
                f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{html.escape(text)}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{360 * (n + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
                for n, (text, fmt, _) in enumerate(levels)
            )
            + "</w:abstractNum>"
        )
        first_num = self.numbering.find(qn("w:num"))
        if first_num is None:
            self.numbering.append(abstract)
        else:
            first_num.addprevious(abstract)
        return word_list

    def write(self, paragraph: Paragraph, text: str) -> None:
        """The paragraph's text, after its marker (if any) made the paragraph an item of its list."""
        marked = _PARAGRAPH_MARKER_RE.match(text)
        if not marked:
            paragraph.text = text
            return
        paragraph.text = text[marked.end() :]
        word_list, level = self._level_of(marked["marker"])
        self._count(word_list, level, marked["marker"])
        if word_list.style:
            paragraph.style = self.document.styles[word_list.style]
            return
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = word_list.num_id

    def _level_of(self, marker: str) -> tuple[_WordList, int]:
        shape = _NUMBER_RUN_RE.sub("#", marker)
        found = [(wl, n) for wl in self.lists for n, (_, _, s) in enumerate(wl.levels) if s == shape]
        if len(found) != 1:
            raise ValueError(f"marker {marker!r} fits {len(found)} declared list levels, not one")
        return found[0]

    def _count(self, word_list: _WordList, level: int, marker: str) -> None:
        """Advance the list's counters as Word does, checking the marker shows the number Word draws; the
        list's first item begins its w:num, and a first item again ("{๑.}") begins one restarting at 1."""
        shown = [_run_value(run) for run in _NUMBER_RUN_RE.findall(marker)]
        counters = word_list.counters
        restarts = level == 0 and shown == [1] and counters[0] > 0
        if word_list.style is None and (word_list.num_id is None or restarts):
            num = self.numbering.add_num(word_list.abstract_id)
            if restarts:
                num.add_lvlOverride(ilvl=0).add_startOverride(1)
                counters[:] = [0] * len(counters)
            word_list.num_id = num.numId
        counters[level] += 1
        counters[level + 1 :] = [0] * (len(counters) - level - 1)
        drawn = counters[level - len(shown) + 1 : level + 1]
        if drawn != shown:
            raise ValueError(f"marker {marker!r}: Word would draw {drawn}")


def _level(example: str, level: int) -> tuple[str, str, str]:
    """(lvlText, numFmt, shape) of a list level from the marker its first item shows: "๑.๑" at level 1 is
    "%1.%2" in Thai digits, "(ก)" "(%1)" in Thai letters, "•" a bullet."""
    runs = list(_NUMBER_RUN_RE.finditer(example))
    if not runs:
        return example, "bullet", example
    first = level - len(runs) + 1
    text, end = "", 0
    for n, run in enumerate(runs):
        text += f"{example[end : run.start()]}%{first + n + 1}"
        end = run.end()
    last = runs[-1][0]
    fmt = "thaiLetters" if last in _THAI_LETTERS else "thaiNumbers" if last[0] in "๐๑๒๓๔๕๖๗๘๙" else "decimal"
    return text + example[end:], fmt, _NUMBER_RUN_RE.sub("#", example)


def _run_value(run: str) -> int:
    return _THAI_LETTERS.index(run) + 1 if run in _THAI_LETTERS else int(arabic_digits(run))


_LINE_BREAK = "\v"  # a <br> in a cell, until it is written as a line break inside a paragraph


@dataclass
class _Span:
    text: str
    rows: int = 1
    cols: int = 1
    covered: bool = False  # a grid place another cell spans over
    # the tables nested in the cell, each with the text before it (`text` is what follows the last)
    tables: list[tuple[str, list[list[_Span]]]] = field(default_factory=list)


@dataclass
class _PageReader(TableTags):
    grids: dict[int, str]
    blocks: list[str | list[list[_Span]]] = field(default_factory=list)
    _text: list[str] = field(default_factory=list)
    _cell: _Span | None = None
    _rows: list[list[_Span]] | None = None
    _outer: list[tuple[list[list[_Span]], _Span]] = field(default_factory=list)  # tables a cell holds
    _in_caption: bool = False

    def __post_init__(self) -> None:
        super().__init__(self.grids)

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        spans = dict(attrs)
        if tag == "table" and self._cell is not None:
            self._outer.append((self._rows, self._cell))
            self._rows = []
            self._cell.tables.append((self._cell.text, self._rows))
            self._cell.text, self._cell = "", None
        elif tag == "table":
            self._flush()
            self._rows = []
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = _Span("", int(spans.get("rowspan") or 1), int(spans.get("colspan") or 1))
            self._rows[-1].append(self._cell)
        elif tag in ("p", "li", "div") and self._cell is not None:
            self._cell.text += "\n"
        elif tag == "br" and self._cell is not None:
            self._cell.text += _LINE_BREAK
        elif tag == "caption":
            self._in_caption = True
        elif tag in ("p", "div", "h1", "h2", "h3", "title"):
            self._flush()

    def end(self, tag: str) -> None:
        if tag == "caption":
            self._in_caption = False
            self._flush()  # the table is added when it ends: its caption goes above it
        elif tag == "table" and self._outer:
            self._rows, self._cell = self._outer.pop()
        elif tag == "table" and self._rows is not None:
            self.blocks.append(self._rows)
            self._rows = None
        elif tag in ("td", "th"):
            self._cell = None
        elif tag in ("p", "div", "h1", "h2", "h3", "title") and self._cell is None:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.text += data
        elif self._rows is None or self._in_caption:
            self._text.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.blocks.append(text)
        self._text = []


def _grid(rows: list[list[_Span]]) -> list[list[_Span]]:
    """Cells placed on the table's grid: a spanned place holds a covered marker."""
    grid: list[list[_Span | None]] = [[] for _ in rows]
    for r, cells in enumerate(rows):
        column = 0
        for cell in cells:
            while column < len(grid[r]) and grid[r][column] is not None:
                column += 1
            for dr in range(cell.rows):
                for dc in range(cell.cols):
                    row = grid[r + dr]
                    row.extend([None] * (column + dc + 1 - len(row)))
                    row[column + dc] = cell if (dr, dc) == (0, 0) else _Span("", covered=True)
            column += cell.cols
    width = max(len(row) for row in grid)
    return [[c or _Span("") for c in row] + [_Span("")] * (width - len(row)) for row in grid]


def _add_table(container, grid: list[list[_Span]], write: _Write = _write_text) -> None:
    """The grid as a table at the end of `container` (the document, or a cell of a layout table)."""
    table = container.add_table(rows=len(grid), cols=len(grid[0]))
    for r, row in enumerate(grid):
        for c, span in enumerate(row):
            if span.covered:
                continue
            cell = table.cell(r, c)
            if span.rows > 1 or span.cols > 1:
                cell = cell.merge(table.cell(r + span.rows - 1, c + span.cols - 1))
            cell.text = ""
            for before, rows in span.tables:
                _add_paragraphs(cell, before, write)
                _add_table(cell, _grid(rows), write)
            _add_paragraphs(cell, span.text, write)


def _add_paragraphs(cell, text: str, write: _Write) -> None:
    """The paragraphs at the end of a cell, the first written into the empty one a new cell (or a table
    added to it) leaves; a numbered paragraph with no text of its own is not empty."""
    for paragraph in [p.strip() for p in re.split(r"</?p>|<ul[^>]*>|\n", text) if p.strip()]:
        paragraph = paragraph.replace(_LINE_BREAK, "\n")  # python-docx writes "\n" as Word's line break
        last = cell.paragraphs[-1]
        write(cell.add_paragraph() if last.text or last._p.pPr is not None else last, paragraph)
