"""Ticks on a scanned page, told from letters and digits by their shape, not by what OCR makes of them.

Tesseract reads a ✔ as "ม", "%/", "”" or nothing, so a status is decided by the ink: a glyph is a tick
when it looks more like a check mark (✓ ✔ √, or a "/" slanted as a hand ticks, drawn here in a few
weights) than like any letter or digit drawn in the machine's Thai fonts, and enough like one to be
taken for it at all. A typed "/", steeper, is not one; alone in a status cell it is still taken for a
tick, as any lone mark OCR does not read as text (scan.read_image).
"""

from __future__ import annotations

from functools import cache

import numpy as np

from ita.parse.thai_digits import drawn_glyphs, glyph_vector

_TICK_LIKENESS = 0.5  # a glyph less like any tick than this is none, whatever it is less like
# Check marks as (x, y) strokes in a unit square, y down: ✓, a long-armed ✓, √ with its foot, and /.
_TICK_STROKES = (
    ((0.0, 0.55), (0.35, 1.0), (1.0, 0.0)),
    ((0.0, 0.7), (0.25, 1.0), (1.0, 0.0)),
    ((0.0, 0.62), (0.12, 0.55), (0.38, 1.0), (0.75, 0.0), (1.0, 0.0)),
    ((0.0, 1.0), (1.0, 0.0)),
)
_OTHER_GLYPHS = (
    "กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮะาเแโใไ"
    "๐๑๒๓๔๕๖๗๘๙0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%"
)


def looks_like_tick(glyph: np.ndarray) -> bool:
    """Whether a glyph (True where dark, cropped or not) is a tick rather than a letter or digit."""
    vector = glyph_vector(glyph)
    if vector is None:
        return False
    ticks, others = _templates()
    tick = float((ticks @ vector).max())
    return tick >= _TICK_LIKENESS and tick > float((others @ vector).max())


@cache
def _templates() -> tuple[np.ndarray, np.ndarray]:
    """Check marks drawn at several weights, and the letters and digits of the Thai fonts found."""
    import cv2

    ticks = []
    for strokes in _TICK_STROKES:
        for weight in (3, 6, 10):
            canvas = np.zeros((80, 80), np.uint8)
            points = np.array([(10 + 60 * x, 10 + 60 * y) for x, y in strokes], np.int32)
            cv2.polylines(canvas, [points], False, 255, weight)
            ticks.append(glyph_vector(canvas > 0))
    others = [vector for _, vector in drawn_glyphs(_OTHER_GLYPHS, ("Oblique", "Italic", "Bold", "Light"))]
    empty = np.zeros((0, len(ticks[0])))
    return np.array(ticks), (np.array(others) if others else empty)
