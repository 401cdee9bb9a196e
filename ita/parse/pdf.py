"""PDF documents and page images → document lines with the page each came from.

A page with a usable text layer is read from it (characters, ruling lines); a page without one — a
scan — or whose layer is broken beyond repair (ita/parse/thai_text_layer.py) is read by OCR, cell by
cell (ita/parse/scan.py). Either way the page becomes the lines-and-tables model of the .docx and
.html readers (ita/parse/page_layout.py).
"""

from __future__ import annotations

from collections.abc import Callable

from ita.errors import ParseError
from ita.parse import pdf_text, scan, thai_text_layer
from ita.parse.ocr_engine import OcrEngine, default_engine
from ita.parse.page_layout import (
    PageContent,
    PlacedLine,
    all_lines,
    assign,
    carry_over,
    glyph,
    page_lines,
    text_lines,
)
from ita.parse.table_grid import find_tables

Progress = Callable[[int, int, str], None]  # (page, pages, how it was read)

_MIN_TEXT_CHARS = 20  # fewer visible characters than this and a page is a picture of text
_UNMAPPED_SHARE = 0.02  # of a page's characters without Unicode: more, and the layer cannot be read
_SCAN_DPI = 300
_RULE_TOLERANCE = 2.0  # points
_MIN_TABLE = 20.0  # points
_CELL_PADDING = 6.0  # points: text stops this far before a cell's right line


def read_pdf(
    data: bytes, name: str, *, progress: Progress | None = None, engine: OcrEngine | None = None
) -> list[PlacedLine]:
    """Every page's lines, in order; pages are read by OCR where their text layer cannot serve."""
    document = pdf_text.open_pdf(data, name)
    lines: list[PlacedLine] = []
    total = len(document)
    held: PageContent | None = None  # a text page kept until the next shows whether its last row runs on
    try:
        for page, content in pdf_text.pages(document):
            read, how = _text_layer(content)
            if held is not None:
                if read is not None:
                    carry_over(held, read)
                lines += page_lines(held)
            held = read
            if read is None:
                engine = engine or _engine(name, content.number, how)
                image = page.render(scale=_SCAN_DPI / 72, grayscale=True).to_numpy()
                lines += scan.read_image(image[..., 0] if image.ndim == 3 else image, content.number, engine)
                how = f"OCR ({how})"
            if progress:
                progress(content.number, total, how)
        if held is not None:
            lines += page_lines(held)
    finally:
        document.close()
    return lines


def read_image(data: bytes, name: str, *, engine: OcrEngine | None = None) -> list[PlacedLine]:
    """A photo or scan of one page (.png, .jpg), read by OCR."""
    image = scan.decode_image(data, name)
    return scan.read_image(image, 1, engine or _engine(name, 1, "a page image"))


def _text_layer(content: pdf_text.PdfPage) -> tuple[PageContent | None, str]:
    """The page as read from its text layer, or None and why it cannot be used."""
    if content.text_chars < _MIN_TEXT_CHARS:
        if content.image_share > 0.3:
            return None, "a scanned page"
        blank = pdf_text.PdfPage(content.number, content.width, content.height)
        return _page_content(blank), "text layer (blank page)"
    if content.unmapped > _UNMAPPED_SHARE * len(content.chars):
        return None, f"{content.unmapped} glyphs without Unicode in the text layer"
    read = _page_content(content)
    problem = thai_text_layer.problem("\n".join(line.text for line in all_lines(read)))
    if problem:
        return None, f"text layer unusable: {problem}"
    return read, "text layer"


def _page_content(page: pdf_text.PdfPage) -> PageContent:
    glyphs = [glyph(c.text, c.x0, c.x1, c.top, c.bottom, c.size) for c in page.chars]
    tables = find_tables(page.rules, _RULE_TOLERANCE, _MIN_TABLE)
    inside, free = assign(tables, glyphs, lambda g: ((g.x0 + g.x1) / 2, g.middle))
    explicit = any(g.text == " " for g in glyphs)
    return PageContent(
        number=page.number,
        width=page.width,
        height=page.height,
        tables=[
            (table, {region: text_lines(gs, explicit_spaces=explicit) for region, gs in inside[t].items()})
            for t, table in enumerate(tables)
        ],
        free=text_lines(free, explicit_spaces=explicit),
        explicit_spaces=explicit,
        cell_padding=_CELL_PADDING,
    )


def _engine(name: str, page: int, why: str) -> OcrEngine:
    engine = default_engine()
    if engine is None:
        raise ParseError(
            name,
            f"page {page} needs OCR ({why}) but Tesseract with its Thai model is not installed "
            "(Debian: apt-get install tesseract-ocr tesseract-ocr-tha)",
            # `why` is the reader's own English (glyph counts, text-layer faults): the Thai says what to do
            reason_th=f"หน้า {page} ต้องอ่านด้วย OCR แต่เครื่องนี้ยังไม่ได้ติดตั้ง Tesseract พร้อมชุดภาษาไทย "
            "(ผู้ดูแลระบบ Debian: apt-get install tesseract-ocr tesseract-ocr-tha)",
        )
    return engine
