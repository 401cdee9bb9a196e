"""Where a scanned line has its spaces: the blank the page shows between glyphs, not OCR's boxes.

Thai is written without spaces between words and with one only between phrases, so a space is a
fact of the page that OCR's word boxes judge badly: Tesseract cuts Thai into pieces of a letter or
two whose boxes overlap or fall short of the ink. A space here is a column of paper at least
_SPACE_SHARE of the line's letter height wide across the letters' band (marks above and below
aside); between glyphs of one word the paper is a fifth to a third of it, at a space two thirds or
more (TH SarabunPSK-style fonts, Laksaman, Garuda, at 200–300 dpi).
"""

from __future__ import annotations

import collections
import itertools
from dataclasses import replace

import numpy as np

from ita.parse.page_layout import TextLine, Word, marks_only, ocr_line

_SPACE_SHARE = 0.45
_MIN_BLOB = 8  # pixels: smaller specks are noise, not glyphs
_BOX_SLACK = 0.25  # of the letter height: how far left of its ink an OCR box may begin
_BASELINE_STEP = 3  # pixels: glyph bottoms this close count as one baseline


def with_spaces(line: TextLine, ink: np.ndarray) -> TextLine:
    """`line` (in the coordinates of `ink`, True where dark) with a space before each word the page
    shows a blank before, and none elsewhere."""
    letters = letters_ink(ink, line) if len(line.words) > 1 else None
    if letters is None:
        return line
    band, x0, height = letters
    columns = band.any(axis=0)
    space = [False] * len(line.words)
    for start, end in _blank_runs(columns):
        if end - start >= _SPACE_SHARE * height:
            after = _word_after(line.words, x0 + start, x0 + end, height)
            if after is not None:
                space[after] = True
    return ocr_line([replace(w, space_before=n > 0 and space[n]) for n, w in enumerate(line.words)])


def letters_ink(ink: np.ndarray, line: TextLine) -> tuple[np.ndarray, int, int] | None:
    """The ink of the line's letter band (see letter_band), with the column it starts at and the
    letters' height; None where the line shows no letters."""
    band = letter_band(ink, line)
    if band is None:
        return None
    top, baseline = band
    x0 = max(0, int(line.x0))
    return ink[top : baseline + 1, x0 : int(line.x1) + 1], x0, baseline - top


def letter_band(ink: np.ndarray, line: TextLine) -> tuple[int, int] | None:
    """The rows the line's letters stand in (top, baseline), marks above and below left out: the
    baseline most glyphs end on, and the middle height of those glyphs."""
    import cv2

    top = max(0, int(min(w.top for w in line.words)))
    bottom = int(max(w.bottom for w in line.words)) + 1
    band = ink[top:bottom, max(0, int(line.x0)) : int(line.x1) + 1].astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(band, connectivity=8)
    blobs = [s for s in stats[1:count] if s[4] >= _MIN_BLOB]
    if not blobs:
        return None
    ends = collections.Counter((int(s[1] + s[3]) // _BASELINE_STEP) for s in blobs)
    step = max(ends, key=lambda k: ends[k] + ends.get(k - 1, 0) + ends.get(k + 1, 0))
    baseline = step * _BASELINE_STEP + _BASELINE_STEP // 2
    heights = sorted(int(s[3]) for s in blobs if abs(s[1] + s[3] - baseline) <= _BASELINE_STEP + 1)
    if not heights:
        return None
    height = heights[len(heights) // 2]
    return top + baseline - height, top + baseline


def _blank_runs(columns: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each run of blank columns between inked ones."""
    inked = np.flatnonzero(columns)
    return [(int(a) + 1, int(b)) for a, b in itertools.pairwise(inked) if b - a > 1]


def _word_after(words: tuple[Word, ...], start: float, end: float, height: float) -> int | None:
    """The word a blank from `start` to `end` stands before: of the words that begin after it (a
    little slack for their boxes) where the letter before begins before it, the one beginning
    nearest its end. OCR's boxes may be wider or narrower than the ink, but a word begins where its
    ink does; a mark cut off its letter never starts after a space."""
    letters = [n for n, word in enumerate(words) if not marks_only(word.text)]
    slack = _BOX_SLACK * height
    candidates = [
        after
        for before, after in itertools.pairwise(letters)
        if words[before].x0 < start and words[after].x0 >= start - slack
    ]
    return min(candidates, key=lambda n: abs(words[n].x0 - end), default=None)
