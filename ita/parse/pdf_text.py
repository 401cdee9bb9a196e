"""What a PDF page holds, read with pypdfium2 (PDFium): its characters with their boxes, its ruling
lines, and how much of it is a picture.

PDFium reads a page's text in a few milliseconds; pdfminer (under pdfplumber) took 90 ms a page on the
same files, a tenth of a second the ≥ 10 pages/s budget cannot spend, so ruling lines are read here too
and turned into table grids by ita/parse/table_grid.py, the code the scans use.
"""

from __future__ import annotations

import ctypes
import itertools
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ita.errors import ParseError
from ita.parse.table_grid import Rule
from ita.parse.thai_text_layer import symbol_tick

MAX_PAGES = 200
_RULE_THICKNESS = 3.0  # points: a filled box thinner than this is a drawn line
_SEGMENT_LINETO, _SEGMENT_MOVETO = 0, 2
_ANGLE_TOLERANCE = math.radians(3)  # text turned further from the page's is not part of it


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float  # from the page's top, like an image's rows
    bottom: float
    size: float


@dataclass
class PdfPage:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    image_share: float = 0.0  # of the page's area covered by pictures
    unmapped: int = 0  # characters whose glyph has no Unicode

    @property
    def text_chars(self) -> int:
        return sum(1 for c in self.chars if not c.text.isspace())


def open_pdf(data: bytes, name: str) -> pdfium.PdfDocument:
    """The document, or a ParseError for an encrypted, damaged or over-long one."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise ParseError(
                name,
                "encrypted PDF: save it without a password first",
                reason_th="ไฟล์ PDF มีรหัสผ่าน: โปรดบันทึกไฟล์ใหม่แบบไม่ใส่รหัสผ่านก่อน",
            ) from None
        raise ParseError(
            name, f"not a readable PDF ({error})", reason_th=f"อ่านไฟล์ PDF ไม่ได้ ({error})"
        ) from None
    if len(document) > MAX_PAGES:
        count = len(document)
        document.close()
        raise ParseError(
            name,
            f"PDF has {count} pages; at most {MAX_PAGES} are read: split the file",
            reason_th=f"ไฟล์ PDF มี {count} หน้า แต่อ่านได้ไม่เกิน {MAX_PAGES} หน้า: โปรดแยกเป็นหลายไฟล์",
        )
    if len(document) == 0:
        document.close()
        raise ParseError(name, "PDF has no pages", reason_th="ไฟล์ PDF ไม่มีหน้าเอกสาร")
    return document


def pages(document: pdfium.PdfDocument) -> Iterator[tuple[pdfium.PdfPage, PdfPage]]:
    """Each page with what it holds."""
    for index in range(len(document)):
        page = document[index]
        try:
            yield page, read_page(page, index + 1)
        finally:
            page.close()


def read_page(page: pdfium.PdfPage, number: int) -> PdfPage:
    width, height = page.get_size()
    out = PdfPage(number, width, height)
    textpage = page.get_textpage()
    try:
        out.chars, out.unmapped = _chars(textpage, height)
    finally:
        textpage.close()
    area = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = obj.get_bounds()
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            area += max(0.0, right - left) * max(0.0, top - bottom)
        else:
            out.rules += _rules(obj, (left, bottom, right, top), height)
    out.image_share = min(1.0, area / (width * height))
    return out


def _chars(textpage: pdfium.PdfTextPage, height: float) -> tuple[list[Char], int]:
    raw = textpage.raw
    fonts: dict[int, str] = {}
    chars, angles, unmapped = [], [], 0
    for i in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(raw, i):
            continue  # PDFium's guessed spaces and line ends: lines are rebuilt from positions
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        if pdfium_c.FPDFText_HasUnicodeMapError(raw, i) or code == 0:
            unmapped += 1
            continue
        text = chr(code)
        if not ("\u0e00" <= text <= "\u0e7f" or "\uf700" <= text <= "\uf8ff"):
            tick = symbol_tick(text, _font_name(raw, i, fonts))
            text = tick or text
        left, bottom, right, top = textpage.get_charbox(i)
        size = pdfium_c.FPDFText_GetFontSize(raw, i)
        chars.append(Char(text, left, right, height - top, height - bottom, size))
        angles.append(pdfium_c.FPDFText_GetCharAngle(raw, i))
    return _upright(chars, angles), unmapped


def _upright(chars: list[Char], angles: list[float]) -> list[Char]:
    """The page's characters without those drawn at another angle than most: a copy stamp or
    watermark laid diagonally over the page ("สำเนาถูกต้อง"), whose letters would land in the cells
    under it. A page whose text all runs sideways keeps it."""
    if not chars:
        return chars
    usual = Counter(round(a, 2) for a in angles).most_common(1)[0][0]
    return [c for c, a in zip(chars, angles, strict=True) if _turn(a, usual) <= _ANGLE_TOLERANCE]


def _turn(a: float, b: float) -> float:
    """The smaller angle between two directions, in radians."""
    d = abs(a - b) % (2 * math.pi)
    return min(d, 2 * math.pi - d)


def _font_name(raw: pdfium_c.FPDF_TEXTPAGE, index: int, cache: dict[int, str]) -> str:
    handle = pdfium_c.FPDFText_GetTextObject(raw, index)
    key = ctypes.cast(handle, ctypes.c_void_p).value or 0
    if key not in cache:
        font = pdfium_c.FPDFTextObj_GetFont(handle)
        buffer = ctypes.create_string_buffer(256)
        length = pdfium_c.FPDFFont_GetBaseFontName(font, buffer, 256) if font else 0
        cache[key] = buffer.value.decode("latin-1") if length else ""
    return cache[key]


def _rules(obj: pdfium.PdfObject, bounds: tuple[float, float, float, float], height: float) -> list[Rule]:
    """Axis-parallel lines a path draws: its stroked segments, or itself when it is a thin filled box."""
    left, bottom, right, top = bounds
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill, stroke)
    if fill.value and (right - left <= _RULE_THICKNESS or top - bottom <= _RULE_THICKNESS):
        if right - left >= top - bottom:
            return [Rule(True, height - (top + bottom) / 2, left, right)]
        return [Rule(False, (left + right) / 2, height - top, height - bottom)]
    if not stroke.value:
        return []
    matrix = obj.get_matrix()
    points = _points(obj)
    rules = []
    for (x0, y0, _move0), (x1, y1, move1) in itertools.pairwise(points):
        if move1:
            continue
        (ax, ay), (bx, by) = matrix.on_point(x0, y0), matrix.on_point(x1, y1)
        if abs(ay - by) <= 0.5 and abs(ax - bx) > 0.5:
            rules.append(Rule(True, height - ay, min(ax, bx), max(ax, bx)))
        elif abs(ax - bx) <= 0.5 and abs(ay - by) > 0.5:
            rules.append(Rule(False, ax, height - max(ay, by), height - min(ay, by)))
    return rules


def _points(obj: pdfium.PdfObject) -> list[tuple[float, float, bool]]:
    """(x, y, starts a new subpath) per segment end point, closed subpaths back to their start."""
    points: list[tuple[float, float, bool]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    start = None
    for i in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        move = kind == _SEGMENT_MOVETO
        if move:
            start = (x.value, y.value)
        points.append((x.value, y.value, move or kind not in (_SEGMENT_LINETO, _SEGMENT_MOVETO)))
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            points.append((*start, False))
    return points
