"""One reading per glyph: OCR's pieces that read one letter on the page two or three times dropped.

Tesseract sometimes cuts a single glyph into narrow pieces and reads each as a letter ("ก.ย." comes out
"กุยขย.": the ย read as ย, ข and ย again). On the page the glyph is one blob of ink about a letter wide;
consecutive one-letter pieces, each a sliver narrower than a letter, that all fall on one such blob
are one letter, the surest reading kept. (OCR's boxes for Thai pieces often sit a letter off their
ink, so only slivers inside one blob are trusted to be one letter.)
"""

from __future__ import annotations

import numpy as np

from ita.parse.ocr_spaces import letters_ink
from ita.parse.page_layout import TextLine, ocr_line

_GLYPH_HEIGHT = 0.6  # of the letter height: a blob at least this tall is a letter, not a mark or dot
_GLYPH_WIDTH = 1.1  # of the letter height: a blob wider than this may be letters run together
# of the letter height: a piece this narrow is a sliver of a glyph (a letter is half as wide as high or more)
_PIECE_WIDTH = 0.4
_SLACK = 0.15  # of the letter height: how far past its glyph's ink a piece's box may reach


def read_once(line: TextLine, ink: np.ndarray) -> TextLine:
    """`line` (in the coordinates of `ink`, True where dark) with every glyph read by one piece only."""
    import cv2

    letters = letters_ink(ink, line) if len(line.words) > 1 else None
    if letters is None:
        return line
    band, x0, height = letters
    count, _, stats, _ = cv2.connectedComponentsWithStats(band.astype(np.uint8), connectivity=8)
    glyphs = [
        (x0 + int(s[0]), x0 + int(s[0] + s[2]))
        for s in stats[1:count]
        if s[3] >= _GLYPH_HEIGHT * height and s[2] <= _GLYPH_WIDTH * height
    ]
    words = list(line.words)
    dropped: set[int] = set()
    for left, right in glyphs:
        on_it = [
            n
            for n, w in enumerate(words)
            if len(w.text) == 1
            and "\u0e01" <= w.text <= "\u0e2e"
            and w.x1 - w.x0 <= _PIECE_WIDTH * height
            and left - _SLACK * height <= w.x0
            and w.x1 <= right + _SLACK * height
        ]
        if len(on_it) > 1 and on_it == list(range(on_it[0], on_it[-1] + 1)):
            surest = max(on_it, key=lambda n: words[n].confidence)
            dropped |= set(on_it) - {surest}
    if not dropped:
        return line
    return ocr_line([w for n, w in enumerate(words) if n not in dropped])
