"""Scanned pages and photos of pages: straighten, find the ruled table, read it cell by cell.

Whole-page OCR of a ruled table loses most cells, so the page is deskewed, its ruling lines are found
with morphology (OpenCV), the cells are cut out along them (ita/parse/table_grid.py) and every crop of
the page goes to the OCR engine in one call. A cell holding only a mark is a tick, decided by its ink,
not by what OCR makes of it.
"""

from __future__ import annotations

import numpy as np

from ita.errors import ParseError
from ita.parse.ocr_engine import OcrEngine
from ita.parse.page_layout import PageContent, PlacedLine, TextLine, page_lines
from ita.parse.table_grid import Box, Rule, Table, find_tables

MIN_WIDTH, MIN_HEIGHT = 1000, 700  # pixels: about A4 at 120 dpi; smaller text is not readable
_MAX_SKEW = 3.0  # degrees
_INK_SHARE_EMPTY = 0.002  # of a cell's area: less ink than this and the cell is empty


def decode_image(data: bytes, name: str) -> np.ndarray:
    """A .png/.jpg as a grey image; a clear error for what is not one or is too small to read."""
    import cv2

    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise ParseError(name, "not a readable image (.png, .jpg)")
    height, width = image.shape
    if max(width, height) < MIN_WIDTH or min(width, height) < MIN_HEIGHT:
        raise ParseError(
            name,
            f"image too small to read: {width}×{height} pixels; scan the page at 200–300 dpi "
            f"(at least {MIN_WIDTH}×{MIN_HEIGHT})",
        )
    return image


def read_image(image: np.ndarray, number: int, engine: OcrEngine) -> list[PlacedLine]:
    """One page image (grey) → its document lines, each cell's text with its OCR confidence."""
    import cv2

    image = deskew(image)
    ink = _ink(image)
    height, width = image.shape
    unit = width / 11.69 / 72  # pixels per point if the page is A4 wide (landscape or portrait alike)
    unit = max(unit, height / 11.69 / 72) if height > width else unit
    tables = find_tables(_rules(ink, unit), tolerance=3.0 * unit, min_size=30.0 * unit)
    free_image = image.copy()
    for table in tables:
        b = table.box
        cv2.rectangle(
            free_image, (int(b.x0) - 4, int(b.top) - 4), (int(b.x1) + 4, int(b.bottom) + 4), 255, -1
        )
    crops: list[np.ndarray] = []
    places: list[tuple[int, tuple[int, int] | None, Box]] = []
    inset = int(2.5 * unit)
    ticks: dict[tuple[int, int, int], bool] = {}
    for t, table in enumerate(tables):
        for region in table.regions():
            box = table.region(*region)
            x0, y0 = int(box.x0) + inset, int(box.top) + inset
            x1, y1 = int(box.x1) - inset, int(box.bottom) - inset
            if x1 - x0 < 4 or y1 - y0 < 4:
                continue
            cell_ink = ink[y0:y1, x0:x1]
            share = float(np.count_nonzero(cell_ink)) / cell_ink.size
            if share < _INK_SHARE_EMPTY:
                continue
            if _is_mark(cell_ink, unit):
                ticks[(t, *region)] = True
            crops.append(_pad(image[y0:y1, x0:x1]))
            places.append((t, region, Box(x0, y0, x1, y1)))
    if np.count_nonzero(_ink(free_image)) > _INK_SHARE_EMPTY * free_image.size:
        crops.append(free_image)
        places.append((-1, None, Box(0, 0, width, height)))
    read = engine.read(crops)
    contents: list[dict[tuple[int, int], list[TextLine]]] = [{} for _ in tables]
    free: list[TextLine] = []
    for (t, region, box), lines in zip(places, read, strict=True):
        shift = 0 if region is None else _PAD
        placed = [_moved(line, box.x0 - shift, box.top - shift) for line in lines]
        if region is None:
            free = placed
        elif ticks.get((t, *region)) and not _is_text(placed):
            contents[t][region] = []  # the tick is written by page_lines
        else:
            ticks.pop((t, *region), None)
            contents[t][region] = placed
    content = PageContent(
        number=number,
        width=width,
        height=height,
        tables=list(zip(tables, contents, strict=True)),
        free=free,
        explicit_spaces=False,
        cell_padding=inset,
        ticks=ticks,
    )
    return page_lines(content)


_PAD = 12  # white border around a crop: Tesseract reads text touching the edge badly


def _pad(crop: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.copyMakeBorder(crop, _PAD, _PAD, _PAD, _PAD, cv2.BORDER_CONSTANT, value=255)


def _moved(line: TextLine, dx: float, dy: float) -> TextLine:
    return TextLine(
        line.x0 + dx,
        line.x1 + dx,
        line.top + dy,
        line.bottom + dy,
        line.text,
        line.first_word,
        line.ends_with_space,
        line.confidence,
    )


def _ink(image: np.ndarray) -> np.ndarray:
    import cv2

    _, binary = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return binary


def deskew(image: np.ndarray) -> np.ndarray:
    """The page turned so its lines run level (the angle that makes rows of ink sharpest)."""
    import cv2

    small_width = 1200
    scale = small_width / image.shape[1]
    small = cv2.resize(image, (small_width, int(image.shape[0] * scale)), interpolation=cv2.INTER_AREA)
    ink = _ink(small)
    best = _best_angle(ink, np.arange(-_MAX_SKEW, _MAX_SKEW + 0.01, 0.2))
    best = _best_angle(ink, np.arange(best - 0.2, best + 0.21, 0.02))
    if abs(best) < 0.02:
        return image
    h, w = image.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), best, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def _best_angle(ink: np.ndarray, angles: np.ndarray) -> float:
    import cv2

    h, w = ink.shape
    scores = []
    for angle in angles:
        matrix = cv2.getRotationMatrix2D((w / 2, h / 2), float(angle), 1.0)
        turned = cv2.warpAffine(ink, matrix, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
        rows = turned.sum(axis=1, dtype=np.float64)
        scores.append(float(np.square(np.diff(rows)).sum()))
    return float(angles[int(np.argmax(scores))])


def _rules(ink: np.ndarray, unit: float) -> list[Rule]:
    """The long straight lines of the page (table rules), as segments in pixels."""
    import cv2

    rules: list[Rule] = []
    length = max(20, int(24 * unit))  # a third of an inch: longer than any letter's stroke
    for horizontal in (True, False):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
        lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
        lines = cv2.dilate(lines, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
        count, _, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
        for x, y, w, h, _area in stats[1:count]:
            if horizontal and w >= length:
                rules.append(Rule(True, y + h / 2, float(x), float(x + w)))
            elif not horizontal and h >= length:
                rules.append(Rule(False, x + w / 2, float(y), float(y + h)))
    return rules


def _is_text(lines: list[TextLine]) -> bool:
    """Whether OCR read letters or digits (a tick reads as nothing, or as "V", "/", "ü")."""
    text = "".join(line.text for line in lines)
    return any("\u0e01" <= ch <= "\u0e2e" or ch.isdigit() for ch in text) or len(text.strip()) > 2


def _is_mark(cell_ink: np.ndarray, unit: float) -> bool:
    """A cell whose ink is one small blob of about a letter's size: a tick (✓, √, /) rather than text."""
    import cv2

    count, _, stats, _ = cv2.connectedComponentsWithStats(cell_ink, connectivity=8)
    blobs = [s for s in stats[1:count] if s[4] >= 4]
    if not blobs or len(blobs) > 2:
        return False
    x0 = min(s[0] for s in blobs)
    y0 = min(s[1] for s in blobs)
    x1 = max(s[0] + s[2] for s in blobs)
    y1 = max(s[1] + s[3] for s in blobs)
    w, h = x1 - x0, y1 - y0
    return 5 * unit <= h <= 20 * unit and 4 * unit <= w <= 20 * unit


__all__ = ["Table", "decode_image", "deskew", "read_image"]
