"""Scanned pages and photos of pages: straighten, find the ruled table, read it cell by cell.

Whole-page OCR of a ruled table loses most cells, so the page is deskewed, its ruling lines are found
with morphology (OpenCV), the cells are cut out along them (ita/parse/table_grid.py) and every crop of
the page goes to the OCR engine in one call. A cell holding only a mark is a tick, decided by its ink,
not by what OCR makes of it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

import numpy as np

from ita.errors import ParseError
from ita.parse import thai_digits
from ita.parse.ocr_engine import OcrEngine
from ita.parse.ocr_glyphs import read_once
from ita.parse.ocr_spaces import letter_band, with_spaces
from ita.parse.page_layout import PageContent, PlacedLine, TextLine, Word, ocr_line, page_lines
from ita.parse.table_grid import Box, Rule, Table, find_tables
from ita.parse.thai_text_layer import MARKS
from ita.parse.tick_marks import looks_like_tick

_MAX_BAND_HEIGHT = 200  # points: a strip taller than this (about ten lines) is cut between its lines
MIN_WIDTH, MIN_HEIGHT = 1000, 700  # pixels: about A4 at 120 dpi; smaller text is not readable
_MAX_SKEW = 3.0  # degrees
_INK_SHARE_EMPTY = 0.002  # of a cell's area: less ink than this and the cell is empty
_INK_MAX = 160  # grey level: paper noise and JPEG ringing are lighter than this, print darker


def decode_image(data: bytes, name: str) -> np.ndarray:
    """A .png/.jpg as a grey image; a clear error for what is not one or is too small to read."""
    import cv2

    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise ParseError(name, "not a readable image (.png, .jpg)", reason_th="ไม่ใช่ไฟล์ภาพที่อ่านได้ (.png, .jpg)")
    height, width = image.shape
    if max(width, height) < MIN_WIDTH or min(width, height) < MIN_HEIGHT:
        raise ParseError(
            name,
            f"image too small to read: {width}×{height} pixels; scan the page at 200–300 dpi "
            f"(at least {MIN_WIDTH}×{MIN_HEIGHT})",
            reason_th=f"ภาพเล็กเกินกว่าจะอ่านได้: {width}×{height} พิกเซล โปรดสแกนหน้าเอกสารที่ 200–300 dpi "
            f"(อย่างน้อย {MIN_WIDTH}×{MIN_HEIGHT} พิกเซล)",
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
            mark = _mark(cell_ink, unit)
            if mark is not None:
                ticks[(t, *region)] = looks_like_tick(mark)
            crops.append(_pad(image[y0:y1, x0:x1]))
            places.append((t, region, Box(x0, y0, x1, y1)))
    for band in _text_bands(_ink(free_image), unit):
        crops.append(_pad(free_image[int(band.top) : int(band.bottom), int(band.x0) : int(band.x1)]))
        places.append((-1, None, band))
    read = []
    for lines, crop, (_, region, _) in zip(engine.read(crops), crops, places, strict=True):
        crop_ink = _ink(crop) > 0
        spaced = [with_spaces(read_once(line, crop_ink), crop_ink) for line in lines]
        read.append(_ticked(spaced, crop_ink) if region is not None else spaced)
    if thai_digits.available():
        read = [
            [_digits_read_again(line, crop) for line in lines]
            for crop, lines in zip(crops, read, strict=True)
        ]
    contents: list[dict[tuple[int, int], list[TextLine]]] = [{} for _ in tables]
    free: list[TextLine] = []
    for (t, region, box), lines in zip(places, read, strict=True):
        placed = [_moved(line, box.x0 - _PAD, box.top - _PAD) for line in lines]
        if region is None:
            free += placed
        elif (t, *region) in ticks and (ticks[(t, *region)] or not _is_text(placed)):
            ticks[(t, *region)] = True
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
_SPACE_SHARE = 0.45  # of a digit's height: a wider gap between glyphs is a space
_UNSURE = 50.0  # the confidence given to a number whose glyphs could not be told apart


def _pad(crop: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.copyMakeBorder(crop, _PAD, _PAD, _PAD, _PAD, cv2.BORDER_CONSTANT, value=255)


def _moved(line: TextLine, dx: float, dy: float) -> TextLine:
    """A crop's line in page coordinates."""
    return ocr_line([w.moved(dx, dy) for w in line.words])


def _digits_read_again(line: TextLine, image: np.ndarray) -> TextLine:
    """The line with every number's Thai digits read again glyph by glyph (ita/parse/thai_digits.py)."""
    words = list(line.words)
    changed = False
    for start, end in _number_runs(words):
        run = words[start:end]
        written = "".join(w.text for w in run)
        tail = _NUMBER_TAIL_RE.search(written)
        digits_at = tail.start() if tail else 0  # no digit: a list number OCR took for a letter ("ฒ.")
        first = run[0]
        # a number written onto the word before it ("ได้๙๓.๓๑"): its digits end that word
        lead = len([ch for ch in written[:digits_at] if ch not in MARKS])
        share = lead / max(1, len([ch for ch in first.text if ch not in MARKS]))
        x0 = first.x0 + share * (first.x1 - first.x0)
        top, bottom = min(w.top for w in run), max(w.bottom for w in run)
        # a list number OCR took for letters is read again only as far as OCR's word for it reaches
        right = line.x1 if tail else run[-1].x1 + 0.25 * (line.bottom - line.top)
        box = (int(x0), int(top) - 3, int(right) + 3, int(bottom) + 3)
        reading = _reread(image, box, line.bottom - line.top, sure_of_digits=tail is not None)
        if reading is None:
            continue
        old_digits = sum(ch in thai_digits.DIGITS for ch in written) or 1  # "ฒ." stands for one
        new_digits = sum(ch in thai_digits.DIGITS for ch in reading.text)
        if not -1 - written.count("๒๐") <= new_digits - old_digits <= 1:
            # OCR cuts ๖ into ๒๐ (each time a digit more) or runs two digits into one; a bigger
            # difference means this reading lost or gained glyphs: keep OCR's, marked unsure
            reading = thai_digits.DigitReading(
                written[digits_at:], min(_UNSURE, *(w.confidence for w in run))
            )
        confidence = reading.confidence
        text = written[:digits_at] + reading.text
        words[start:end] = [Word(text, first.x0, top, run[-1].x1, bottom, confidence, first.space_before)]
        changed = True
    return ocr_line(words) if changed else line


_NUMBER_TAIL_RE = re.compile(r"[๐-๙0-9][๐-๙0-9.,]*$")
# "ฒ.", "ด์.", "ดตา." or "92:" opening a line: perhaps ๗., ๘., ๓. or 2. misread
_LIST_NUMBER_RE = re.compile(r"[\u0e01-\u0e2e0-9๐-๙][\u0e01-\u0e4e0-9๐-๙]{0,2}[.:)]")
# a line of one short word: perhaps a number alone in its cell ("ว" for 3)
_LONE_NUMBER_RE = re.compile(r"[\u0e01-\u0e2e0-9๐-๙][\u0e31-\u0e4e0-9๐-๙]?")


def _number_runs(words: list[Word]) -> list[tuple[int, int]]:
    """Runs of OCR words that write one number (its first word may hold text before the digits),
    last run first so replacing one leaves the others' positions as they were."""
    runs = []
    i = 0
    while i < len(words):
        opening = _LIST_NUMBER_RE.match("".join(w.text for w in words[:2])) if i == 0 else None
        list_number = (opening and len(words[0].text) <= 4) or (
            i == 0 and len(words) == 1 and _LONE_NUMBER_RE.fullmatch(words[0].text)
        )
        if not (_NUMBER_TAIL_RE.search(words[i].text) or list_number):
            i += 1
            continue
        split = opening and opening.end() > len(words[0].text) and not _NUMBER_TAIL_RE.search(words[0].text)
        end = i + 2 if split else i + 1  # "ด" "ตา." for ๓.
        while (
            end < len(words) and re.fullmatch(r"[๐-๙0-9.,]+", words[end].text) and not words[end].space_before
        ):
            end += 1  # a number ends at a space ("๒๕๖๗ ๑ ตุลาคม")
        runs.append((i, end))
        i = end
    return runs[::-1]


def _reread(
    image: np.ndarray, box: tuple[int, int, int, int], height: float, *, sure_of_digits: bool = True
) -> thai_digits.DigitReading | None:
    """The number whose first digit OCR put at the left of `box`: the glyphs on the line around it up to
    a space each side (to the left only while they look like digits), read again; unless OCR was
    `sure_of_digits`, only when its first glyph does look like a digit."""
    import cv2

    left = max(0, int(box[0] - 1.5 * height))
    x0, y0, x1, y1 = left, max(0, box[1]), min(image.shape[1], box[2]), min(image.shape[0], box[3])
    crop = image[y0:y1, x0:x1]
    if crop.size == 0:
        return None
    threshold, _ = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = (crop < min(threshold, _INK_MAX)).astype(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    blobs = [(int(s[0]), int(s[1]), int(s[2]), int(s[3]), n) for n, s in enumerate(stats) if n and s[4] >= 3]
    blobs = [b for b in blobs if b[0] > 0 and b[0] + b[2] < ink.shape[1]]  # cut by the box: not whole
    big = [b for b in blobs if b[3] >= 0.5 * max(b[3] for b in blobs)] if blobs else []
    if not big:
        return None
    baseline = sorted(b[1] + b[3] for b in big)[len(big) // 2]
    size = sorted(b[3] for b in big)[len(big) // 2]
    on_line = sorted(b for b in blobs if abs(b[1] + b[3] - baseline) <= 0.25 * size)  # marks sit above
    start = box[0] - x0
    anchor = next((i for i, b in enumerate(on_line) if b[0] + b[2] > start + 2), None)
    if anchor is None:
        return None

    glyph = size  # a Thai digit is about as wide as it is high

    def digit_or_dot(blob: tuple[int, ...]) -> bool:
        if blob[3] < 0.5 * size:
            return True
        mask = labels == blob[4]
        parts = _split_touching(mask, [blob[:4]], size, glyph)  # digits run together: each must be one
        return all(thai_digits.looks_like_digit(mask[y : y + h, x : x + w]) for x, y, w, h in parts)

    if not sure_of_digits and not digit_or_dot(on_line[anchor]):
        return None
    first = last = anchor
    while (
        last + 1 < len(on_line)
        and _gap(on_line[last], on_line[last + 1]) <= _SPACE_SHARE * size
        and digit_or_dot(on_line[last + 1])
    ):
        last += 1
    while (
        first > 0
        and _gap(on_line[first - 1], on_line[first]) <= _SPACE_SHARE * size
        and digit_or_dot(on_line[first - 1])
    ):
        first -= 1
    while first < last and on_line[first][3] < thai_digits.DOT_SHARE * size:
        first += 1  # a dot before the digits ends the word before them ("ธ.ค.๒๕๖๕"), never opens a number
    if not sure_of_digits and last < len(on_line) - 1:
        return None  # a glyph of the word is no digit: a word, not a number OCR misread
    number = on_line[first : last + 1]
    keep = np.isin(labels, [b[4] for b in number])
    return thai_digits.read_glyphs(keep, _split_touching(keep, [b[:4] for b in number], size, glyph))


def _split_touching(
    ink: np.ndarray, boxes: list[tuple[int, int, int, int]], size: int, glyph: int
) -> list[tuple[int, int, int, int]]:
    """Glyphs that blur ran together ("๕๖" as one blob, `glyph` wide each) cut apart where the ink
    is thinnest."""
    out = []
    for x, y, w, h in boxes:
        parts = round(w / glyph) if h >= 0.5 * size else 1
        if parts < 2 or w < 1.6 * glyph:
            out.append((x, y, w, h))
            continue
        columns = ink[y : y + h, x : x + w].sum(axis=0)
        cuts = [0]
        for i in range(1, parts):
            middle, reach = i * w // parts, w // (3 * parts)
            window = columns[middle - reach : middle + reach + 1]
            cuts.append(middle - reach + int(np.argmin(window)))
        cuts.append(w)
        out += [(x + a, y, b - a, h) for a, b in itertools.pairwise(cuts) if b > a]
    return out


def _gap(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    return b[0] - (a[0] + a[2])


def _ink(image: np.ndarray) -> np.ndarray:
    """Dark pixels: Otsu's threshold, but never above mid-grey, so a page of paper noise has no ink."""
    import cv2

    threshold, binary = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if threshold > _INK_MAX:
        _, binary = cv2.threshold(image, _INK_MAX, 255, cv2.THRESH_BINARY_INV)
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


def _text_bands(ink: np.ndarray, unit: float) -> list[Box]:
    """Strips of the page outside tables that hold text, each as wide as its ink: OCR reads a few
    strips much faster than a whole page that is mostly paper."""
    import cv2

    ink = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))  # specks of noise
    rows = np.flatnonzero(ink.sum(axis=1) > 255 * 3)
    if rows.size == 0:
        return []
    gap = int(12 * unit)  # a blank strip this high ends a band
    bands, start, previous = [], rows[0], rows[0]
    for row in rows[1:]:
        if row - previous > gap:
            bands.append((start, previous))
            start = row
        previous = row
    bands.append((start, previous))
    height, width = ink.shape
    margin = int(3 * unit)
    out = []
    for top, bottom in bands:
        if bottom - top < 4 * unit:  # a rule's remnant or a speck, not a line of text
            continue
        pieces = _split_tall(ink.sum(axis=1), top, bottom, int(_MAX_BAND_HEIGHT * unit))
        for n, (piece_top, piece_bottom) in enumerate(pieces):
            columns = np.flatnonzero(ink[piece_top : piece_bottom + 1].sum(axis=0))
            if columns.size == 0:
                continue
            out.append(
                Box(
                    max(0, columns[0] - margin),
                    max(0, piece_top - margin) if n == 0 else piece_top,  # no margin across a cut
                    min(width, columns[-1] + margin),
                    min(height, piece_bottom + margin) if n == len(pieces) - 1 else piece_bottom,
                )
            )
    return out


def _split_tall(row_ink: np.ndarray, top: int, bottom: int, most: int) -> list[tuple[int, int]]:
    """A band cut between its lines into pieces at most `most` high, each at the emptiest row of its
    middle half, so a page of prose is shared among Tesseract processes instead of read on one core."""
    if bottom - top <= most:
        return [(top, bottom)]
    quarter = (bottom - top) // 4
    cut = top + quarter + int(np.argmin(row_ink[top + quarter : bottom - quarter + 1]))
    return _split_tall(row_ink, top, cut, most) + _split_tall(row_ink, cut + 1, bottom, most)


def _is_text(lines: list[TextLine]) -> bool:
    """Whether OCR read letters or digits (a tick reads as nothing, or as "V", "/", "ü")."""
    text = "".join(line.text for line in lines)
    return any("\u0e01" <= ch <= "\u0e2e" or ch.isdigit() for ch in text) or len(text.strip()) > 2


def _mark(cell_ink: np.ndarray, unit: float) -> np.ndarray | None:
    """The ink of a cell holding one small blob of about a letter's size (a tick, or a lone letter
    or digit), or None."""
    import cv2

    count, labels, stats, _ = cv2.connectedComponentsWithStats(cell_ink, connectivity=8)
    blobs = [n for n in range(1, count) if stats[n][4] >= 4]
    if not blobs or len(blobs) > 2:
        return None
    x0 = min(stats[n][0] for n in blobs)
    y0 = min(stats[n][1] for n in blobs)
    x1 = max(stats[n][0] + stats[n][2] for n in blobs)
    y1 = max(stats[n][1] + stats[n][3] for n in blobs)
    w, h = x1 - x0, y1 - y0
    if not (5 * unit <= h <= 20 * unit and 4 * unit <= w <= 20 * unit):
        return None
    return np.isin(labels[y0:y1, x0:x1], blobs)


def _ticked(lines: list[TextLine], ink: np.ndarray) -> list[TextLine]:
    """A cell's lines with the tick its first line opens with ("✓ (ตรวจสอบได้จากเว็บไซต์)") written
    as ✓, decided by its shape, whatever OCR read it as ("%/", "ม")."""
    import cv2

    if not lines:
        return lines
    first = lines[0]
    band = letter_band(ink, first)
    if band is None:
        return lines
    top, baseline = band
    height = baseline - top
    x0, row0 = max(0, int(first.x0) - int(height)), max(0, int(top - 0.5 * height))
    rows = ink[row0 : int(baseline + 0.3 * height), x0 : int(first.x1) + 1].astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(rows, connectivity=8)
    big = [n for n in range(1, count) if stats[n][3] >= 0.6 * height]
    if not big:
        return lines
    n = min(big, key=lambda n: stats[n][0])
    x, y, w, h = (int(v) for v in stats[n][:4])
    if not looks_like_tick(labels[y : y + h, x : x + w] == n):
        return lines
    left, right = x0 + x, x0 + x + w
    covered = [word for word in first.words if left - 2 <= (word.x0 + word.x1) / 2 <= right + 2]
    rest = [
        replace(word, space_before=True) if i == 0 else word
        for i, word in enumerate(word for word in first.words if word not in covered)
    ]
    tick = Word("✓", left, row0 + y, right, row0 + y + h, 100.0)
    return [ocr_line([tick, *rest]), *lines[1:]]


__all__ = ["Table", "decode_image", "deskew", "read_image"]
