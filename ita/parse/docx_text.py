"""The lines of a Word (.docx) file: paragraphs as a reader sees them (with the list numbers Word draws),
a table's rows as tab-separated cells, a layout table (one holding a table in a cell) as its cells'
paragraphs and tables in turn."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Cell
from lxml import etree

from ita.errors import ParseError
from ita.parse.docx_numbering import ListNumbers
from ita.parse.reader import one_line


def docx_lines(data: bytes, name: str) -> list[str]:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, etree.XMLSyntaxError):
        raise ParseError(
            name, "not a readable Word (.docx) file", reason_th="ไม่ใช่ไฟล์ Word (.docx) ที่อ่านได้"
        ) from None
    return list(_docx_body(document, ListNumbers(document)))


# Every paragraph is read through `numbers`, in the document's order, so Word's list numbers count as
# Word counts them.


def _docx_body(container: Document | _Cell, numbers: ListNumbers) -> Iterator[str]:
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            nested = block._tbl.xpath("./w:tr/w:tc/w:tbl")
            yield from _docx_layout(block, numbers) if nested else _docx_rows(block, numbers)
        else:
            yield from numbers.text(block).split("\n")


def _docx_layout(table: Table, numbers: ListNumbers) -> Iterator[str]:
    """A layout table, one holding a table in a cell, as its cells' paragraphs and tables in turn."""
    for row in table.rows:
        for tc in row._tr.tc_lst:
            if tc.vMerge != "continue":
                yield from _docx_body(_Cell(tc, table), numbers)


def _docx_rows(table: Table, numbers: ListNumbers) -> Iterator[str]:
    for row in table.rows:
        cells: list[str] = []
        # The row's own <w:tc> elements: a cell continuing a vertical merge reads empty (it continues
        # the row above) and a horizontally merged cell keeps the columns aligned with padding.
        for tc in row._tr.tc_lst:
            cells.append("" if tc.vMerge == "continue" else _docx_cell(_Cell(tc, table), numbers))
            cells.extend([""] * (tc.grid_span - 1))
        yield "\t".join(cells)


def _docx_cell(cell: _Cell, numbers: ListNumbers) -> str:
    paragraphs = [
        "<br>".join(filter(None, map(one_line, numbers.text(p).split("\n")))) for p in cell.paragraphs
    ]
    paragraphs = [p for p in paragraphs if p]
    if len(paragraphs) == 1:
        return paragraphs[0]
    return " ".join(f"<p>{p}</p>" for p in paragraphs)
