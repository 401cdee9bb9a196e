"""One document in several formats: text lines as a web page or a Word file, a web page's tables
(with rowspan and colspan) as a Word file with merged cells, and a CSV as the Excel workbook it was saved
from, the way agencies publish them."""

from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl


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
    document, rows = docx.Document(), []
    for line in [*lines, ""]:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            width = max(len(r) for r in rows)
            grid = [[_Span(text) for text in cells] + [_Span("")] * (width - len(cells)) for cells in rows]
            _add_table(document, grid)
            rows = []
        if line.strip():
            document.add_paragraph(line.replace("**", ""))
    document.save(path)
    return path


def html_as_docx(page: str, path: Path) -> Path:
    """A web page as a Word file: its paragraphs, and its tables with the same merged cells and the
    tables nested in their cells (a CMS page's layout tables)."""
    reader = _PageReader()
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
class _PageReader(HTMLParser):
    blocks: list[str | list[list[_Span]]] = field(default_factory=list)
    _text: list[str] = field(default_factory=list)
    _cell: _Span | None = None
    _rows: list[list[_Span]] | None = None
    _outer: list[tuple[list[list[_Span]], _Span]] = field(default_factory=list)  # tables a cell holds

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
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
        elif tag in ("p", "div", "h1", "h2", "h3", "title"):
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._outer:
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
        elif self._rows is None:
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


def _add_table(container, grid: list[list[_Span]]) -> None:
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
                _add_paragraphs(cell, before)
                _add_table(cell, _grid(rows))
            _add_paragraphs(cell, span.text)


def _add_paragraphs(cell, text: str) -> None:
    """The paragraphs at the end of a cell, the first written into the empty one a new cell (or a table
    added to it) leaves."""
    for paragraph in [p.strip() for p in re.split(r"</?p>|<ul[^>]*>|\n", text) if p.strip()]:
        paragraph = paragraph.replace(_LINE_BREAK, "\n")  # python-docx writes "\n" as Word's line break
        if cell.paragraphs[-1].text:
            cell.add_paragraph(paragraph)
        else:
            cell.paragraphs[-1].text = paragraph
