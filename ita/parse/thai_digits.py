"""Thai digits read again from the page image, glyph by glyph, where OCR reads numbers.

Tesseract's Thai model misreads the digits of TH SarabunPSK-style fonts (๙ as ๓ or ๕, ๘ as ๕, ๖ as ๐ or
๒๐) with high confidence, so its confidence cannot flag them. A number's glyphs are instead compared with
the digits ๐–๙ drawn in the Thai fonts on the machine (Debian's fonts-thai-tlwg: Laksaman, Garuda,
Norasi, …): the nearest drawing names each glyph, and how close the runner-up came is its confidence.
Without those fonts the OCR reading stands, with its confidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
DIGITS = THAI_DIGITS + "0123456789"  # documents number their lists and write years in both
FONT_FOLDER = Path("/usr/share/fonts/truetype/tlwg")
_SIZE = 24  # a glyph is compared as a square of this many pixels
DOT_SHARE = 0.35  # a blob lower than this share of the digits' height is a decimal point
# A glyph this close to some drawn digit may be one; one this close to a digit, and _CLEAR_MARGIN
# closer to it than to any other, is read surely (confidence _SURE). Drawn in a font of the
# drawings, 6 in 1,459 numbers fall short and no misread one reaches it; in a font left out of them,
# most numbers fall short (flagged) and 2 in 1,800 misread ones reach it (1,500 and 600 numbers
# of 2–4 digits, 200 and 300 dpi, blurred, noised, JPEG).
_DIGIT_LIKENESS = 0.6
_CLEAR_MARGIN = 0.02
_SURE = 80.0  # ita/parse/provenance.py flags numbers read below this


@dataclass(frozen=True)
class DigitReading:
    text: str
    confidence: float  # 0–100: how like a drawn digit each glyph is, and how much more than any other


@cache
def templates() -> tuple[np.ndarray, str]:
    """Every digit drawn in every regular and bold Thai font found, as unit vectors, and their digits."""
    drawn = drawn_glyphs(DIGITS, ("Oblique", "Italic", "Mono", "Typewriter", "Typist", "Typo"))
    vectors = [vector for _, vector in drawn]
    return (np.array(vectors) if vectors else np.zeros((0, _SIZE * _SIZE + 1))), "".join(c for c, _ in drawn)


def drawn_glyphs(characters: str, left_out: tuple[str, ...]) -> list[tuple[str, np.ndarray]]:
    """Each character drawn in each Thai font found but those whose name holds a style `left_out`,
    as (character, glyph_vector)."""
    from PIL import Image, ImageDraw, ImageFont

    drawn = []
    for path in sorted(FONT_FOLDER.glob("*.ttf")) if FONT_FOLDER.is_dir() else []:
        if any(style in path.stem for style in left_out):
            continue
        font = ImageFont.truetype(str(path), 64)
        for character in characters:
            image = Image.new("L", (120, 120), 0)
            ImageDraw.Draw(image).text((20, 10), character, font=font, fill=255)
            vector = glyph_vector(np.asarray(image) > 127)
            if vector is not None:
                drawn.append((character, vector))
    return drawn


def available() -> bool:
    return len(templates()[1]) > 0


def read_glyphs(ink: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> DigitReading | None:
    """A number from its glyphs' boxes (x, y, w, h; left to right) in `ink` (True where dark): each glyph
    named by the nearest drawn digit, a small blob on the line a decimal point."""
    vectors, labels = templates()
    if not labels or not boxes:
        return None
    boxes = _merge_overlapping(boxes)
    height = max(b[3] for b in boxes)
    text, margins = [], []
    for x, y, w, h in boxes:
        if h < DOT_SHARE * height:
            text.append(".")
            continue
        vector = glyph_vector(ink[y : y + h, x : x + w])
        if vector is None:
            return None
        scores = vectors @ vector
        order = np.argsort(scores)[::-1]
        best = labels[order[0]]
        runner_up = next(scores[i] for i in order if labels[i] != best)
        text.append(best)
        likeness = float(scores[order[0]])
        margins.append(min(likeness / _DIGIT_LIKENESS, float(likeness - runner_up) / _CLEAR_MARGIN))
    if not margins:
        return None
    return DigitReading("".join(text), min(100.0, _SURE * min(margins)))


def looks_like_digit(glyph: np.ndarray) -> bool:
    """Whether a glyph (True where dark) is drawn like one of the Thai digits rather than a letter."""
    vectors, labels = templates()
    vector = glyph_vector(glyph)
    return bool(labels) and vector is not None and float((vectors @ vector).max()) >= _DIGIT_LIKENESS


def _merge_overlapping(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Pieces of one glyph (a broken stroke) joined when they overlap across."""
    merged: list[tuple[int, int, int, int]] = []
    for x, y, w, h in boxes:
        last = merged[-1] if merged else None
        if last and x < last[0] + last[2] - 0.5 * min(w, last[2]):
            x0, y0 = min(last[0], x), min(last[1], y)
            x1, y1 = max(last[0] + last[2], x + w), max(last[1] + last[3], y + h)
            merged[-1] = (x0, y0, x1 - x0, y1 - y0)
        else:
            merged.append((x, y, w, h))
    return merged


def glyph_vector(glyph: np.ndarray) -> np.ndarray | None:
    """A glyph's ink cropped, scaled into a square keeping its shape, as a unit vector plus its aspect."""
    import cv2

    rows, columns = np.flatnonzero(glyph.any(axis=1)), np.flatnonzero(glyph.any(axis=0))
    if rows.size == 0:
        return None
    glyph = glyph[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1].astype(np.float32)
    h, w = glyph.shape
    side = max(h, w)
    square = np.zeros((side, side), np.float32)
    square[(side - h) // 2 : (side - h) // 2 + h, (side - w) // 2 : (side - w) // 2 + w] = glyph
    small = cv2.resize(square, (_SIZE, _SIZE), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (3, 3), 0).ravel()
    small -= small.mean()
    norm = np.linalg.norm(small)
    if norm == 0:
        return None
    return np.append(small / norm, 0.0) * 0.9 + np.append(np.zeros(_SIZE * _SIZE), min(w / h, 3.0)) * 0.1
