"""A page's text lines and ruled tables → the lines every parser reads.

The model is the one the .docx and .html readers produce (ita/parse/reader.py): a paragraph is one
line, a table row one line of tab-separated cells, a cell of several paragraphs ``<p>…</p>``
fragments, a cell continuing a vertical merge empty. Text PDFs (characters with boxes) and scans
(OCR text with boxes and confidences) both come here as `TextLine`s, so they give the same lines.

Lines that wrap are joined back into their paragraph: a line belongs to the one above when that one
reached the right edge (the next line's first word did not fit after it) without a wider gap
between them. A wrap at a space keeps it when the PDF writes its spaces; otherwise two Thai
characters join without one, as Thai is written.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from ita.parse.ocr_text import restore
from ita.parse.table_grid import Box, Table
from ita.parse.thai_text_layer import MARKS, pua_map, repair

_PARAGRAPH_GAP = 1.15  # a gap this many times the usual line pitch opens a new paragraph
_PAGE_NUMBER_RE = re.compile(
    r"^[-–—(\s]*(?:หน้า|หน้าที่|page)?\s*[\d๐-๙]{1,3}\s*(?:/\s*[\d๐-๙]{1,3})?[-–—)\s]*$", re.I
)
_PAGE_MARGIN_SHARE = 0.08
_DIGIT_RE = re.compile(r"[0-9๐-๙]")
_SPACE_GAP = 0.5  # of a line's body height: OCR words closer than this are one run of text
_HYPHENS = "\x02\xad"  # PDFium's mark for a hyphen ending a line, and the soft hyphen
_SAME_COLUMN = 2.0  # points: a table on the next page with its column lines this close is the same table


@dataclass(frozen=True)
class Word:
    """A piece of a line as OCR cut it, with its box and confidence (0–100), and whether the page
    shows a space before it (None: not measured, judged by the boxes)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float
    space_before: bool | None = None

    def moved(self, dx: float, dy: float) -> Word:
        return replace(self, x0=self.x0 + dx, top=self.top + dy, x1=self.x1 + dx, bottom=self.bottom + dy)


@dataclass
class TextLine:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    first_word: float  # width of the text up to its first break
    ends_with_space: bool = False
    confidence: float | None = None  # 0–100, OCR only
    words: tuple[Word, ...] = ()  # OCR only


def ocr_line(words: list[Word]) -> TextLine:
    """A line from OCR's words: a space only where the page shows a gap (Tesseract cuts Thai into
    many pieces, a mark sometimes on its own), its confidence the weakest word's."""
    heights = sorted(w.bottom - w.top for w in words)
    # the line's baseline and body height, which marks and descenders above and below do not move
    bottom = sorted(w.bottom for w in words)[len(words) // 2]
    body = heights[len(heights) // 2]
    text = words[0].text
    for previous, word in itertools.pairwise(words):
        space = word.space_before
        if space is None:
            space = word.x0 - previous.x1 > _SPACE_GAP * body
        text += (" " if space and not marks_only(word.text) else "") + word.text
    return TextLine(
        x0=min(w.x0 for w in words),
        x1=max(w.x1 for w in words),
        top=bottom - body,
        bottom=bottom,
        text=restore(text),
        first_word=words[0].x1 - words[0].x0,
        confidence=min(w.confidence for w in words),
        words=tuple(words),
    )


def marks_only(text: str) -> bool:
    """A piece of OCR text holding only Thai marks (a tone or vowel OCR cut off its letter)."""
    return bool(text) and all(ch in MARKS for ch in text)


@dataclass
class PlacedLine:
    """One line of the document model with the page it came from (and, for OCR, each cell's confidence)."""

    text: str
    page: int
    confidences: list[float | None] | None = None


@dataclass
class Glyph:
    """A character with its box, as a text layer gives it (PUA forms already mapped)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    marks: list[str] = field(default_factory=list)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def text_lines(glyphs: list[Glyph], *, explicit_spaces: bool) -> list[TextLine]:
    """Characters of one cell (or of the page outside tables), in their text layer's order, as lines.

    A Thai mark goes on the consonant it is drawn over, whatever order the layer wrote them in
    (legacy layers put some after the next letter: "เน้อื" for เนื้อ)."""
    bases: list[Glyph] = []
    for g in glyphs:
        if g.text in MARKS:
            base = _base_under(g, bases)
            if base is not None:
                base.marks.append(g.text)
                continue
        bases.append(g)
    lines: list[list[Glyph]] = []
    for g in sorted(bases, key=lambda g: g.middle):
        line = lines[-1] if lines else None
        if line and abs(g.middle - _middle(line)) <= 0.5 * max(g.size, line[0].size):
            line.append(g)
        else:
            lines.append([g])
    return [_text_line(sorted(line, key=lambda g: g.x0), explicit_spaces) for line in lines]


def _base_under(mark: Glyph, bases: list[Glyph]) -> Glyph | None:
    """The letter a mark is drawn on: the letter written just before it when the mark sits over it,
    else the nearest of the last few letters on its line."""
    centre = (mark.x0 + mark.x1) / 2
    letters = [b for b in bases[-4:] if not b.text.isspace() and _above_or_below(mark, b)]
    if not letters:
        return None
    distances = [_distance(centre, b) for b in letters]
    if distances[-1] <= 0.4 * letters[-1].size:
        return letters[-1]
    best = min(range(len(letters)), key=distances.__getitem__)
    return letters[best] if distances[best] <= 0.4 * letters[best].size else letters[-1]


def _above_or_below(mark: Glyph, base: Glyph) -> bool:
    return base.top - 0.9 * base.size <= mark.middle <= base.bottom + 0.6 * base.size


def _distance(x: float, base: Glyph) -> float:
    return 0.0 if base.x0 <= x <= base.x1 else min(abs(x - base.x0), abs(x - base.x1))


def _middle(line: list[Glyph]) -> float:
    return sum(g.middle for g in line) / len(line)


def _text_line(line: list[Glyph], explicit_spaces: bool) -> TextLine:
    parts: list[str] = []
    first_word = None
    previous = None
    for g in line:
        if g.text in _HYPHENS:
            g.text = "-"
        if g.text.isspace():
            if first_word is None and previous is not None:
                first_word = previous.x1 - line[0].x0
            parts.append(" ")
            previous = None
            continue
        if previous is not None and not explicit_spaces and g.x0 - previous.x1 > 0.3 * g.size:
            if first_word is None:
                first_word = previous.x1 - line[0].x0
            parts.append(" ")
        parts.append(g.text + "".join(g.marks))
        previous = g
    text = "".join(parts)
    visible = [g for g in line if not g.text.isspace()]
    x0 = visible[0].x0 if visible else line[0].x0
    x1 = visible[-1].x1 if visible else line[-1].x1
    width = x1 - x0
    letters = visible or line
    baseline = sorted(g.bottom for g in letters)[len(letters) // 2]  # marks and descenders aside
    size = max(g.size for g in letters)
    return TextLine(
        x0,
        x1,
        baseline - size,
        baseline,
        repair(text).strip(),
        first_word=min(first_word if first_word is not None else width, width),
        ends_with_space=bool(line) and line[-1].text.isspace(),
    )


def glyph(text: str, x0: float, x1: float, top: float, bottom: float, size: float) -> Glyph:
    """A text layer's character, its legacy PUA form mapped back to Unicode."""
    return Glyph(pua_map().get(text, text), x0, x1, top, bottom, size)


# --- paragraphs -------------------------------------------------------------------------------------


def line_pitch(groups: list[list[TextLine]]) -> float | None:
    """The usual distance from one line to the next on a page (the median over all its text)."""
    pitches = []
    for lines in groups:
        ordered = sorted(line.bottom for line in lines if line.text)
        pitches += [b - a for a, b in itertools.pairwise(ordered) if b > a]
    return sorted(pitches)[len(pitches) // 2] if pitches else None


def paragraphs(
    lines: list[TextLine], right: float, *, explicit_spaces: bool, pitch: float | None = None
) -> list[TextLine]:
    """Lines joined into paragraphs (each returned as one TextLine spanning them); `pitch` is the
    page's usual line distance (by default, these lines' own)."""
    lines = [line for line in sorted(lines, key=lambda line: line.bottom) if line.text]
    if not lines:
        return []
    pitch = pitch or line_pitch([lines])
    out = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        space = 0.5 * (previous.bottom - previous.top)  # a space and side bearings, with some slack
        wrapped = previous.x1 + space + _first_word_width(line, 2 if line.words else 1) >= right
        close = pitch is None or line.bottom - previous.bottom <= _PARAGRAPH_GAP * pitch
        if wrapped and close:
            out[-1] = _joined(out[-1], line, previous, explicit_spaces, right - out[-1].x0)
        else:
            out.append(line)
    return out


def _first_word_width(line: TextLine, words: int = 1) -> float:
    """How wide the line's first unbreakable piece is: up to its first space, or for Thai up to the
    `words`-th break between two Thai words (found by pythainlp), at the line's mean character width.
    OCR lines count two words: the writer's word breaks are not pythainlp's, and OCR's boxes are rough."""
    from ita.thai_words import cut

    head = line.text.split(" ", 1)[0]
    if not any(_thai(ch) for ch in head):
        return line.first_word
    tokens = cut(head[:60], keep_whitespace=True)
    piece = tokens[0]
    for token in tokens[1:]:
        if _thai_letter(piece[-1]) and _thai_letter(token[0]):
            words -= 1
            if not words:
                break
        piece += token
    spacing = sum(1 for ch in line.text if ch not in MARKS) or 1
    per_char = (line.x1 - line.x0) / spacing
    estimate = (sum(1 for ch in piece if ch not in MARKS) + 1) * per_char
    return estimate if line.words else min(line.first_word, estimate)


def _thai_letter(ch: str) -> bool:
    return bool(ch) and "\u0e01" <= ch <= "\u0e4e"


def _joined(
    paragraph: TextLine, line: TextLine, previous: TextLine, explicit_spaces: bool, width: float
) -> TextLine:
    left, right = paragraph.text, line.text
    if explicit_spaces:
        glue = " " if previous.ends_with_space else ""
    else:
        # Thai words run on across a wrap; a number is written apart from the words beside it, a
        # word after ๆ or ฯ apart from it, and two numbers apart, unless they are one number too
        # wide for the cell, cut where the line ended
        end, start = left[-1:], right[:1]
        words_run_on = _thai_letter(end) and end not in "ๆฯ" and _thai_letter(start)
        digits_cut = bool(_DIGIT_RE.match(end) and _DIGIT_RE.match(start)) and _cut(previous, line, width)
        glue = "" if words_run_on or digits_cut else " "
    confidences = [c for c in (paragraph.confidence, line.confidence) if c is not None]
    return TextLine(
        min(paragraph.x0, line.x0),
        max(paragraph.x1, line.x1),
        paragraph.top,
        line.bottom,
        left + glue + right,
        paragraph.first_word,
        line.ends_with_space,
        min(confidences) if confidences else None,
        paragraph.words + line.words,
    )


def _cut(previous: TextLine, line: TextLine, width: float) -> bool:
    """Whether the piece of text ending `previous` and the one opening `line` (OCR lines, spaces
    measured) are one word wider than the `width` a line has, cut where the line ended."""
    if not previous.words or not line.words:
        return True
    tail = next((w for w in reversed(previous.words) if w.space_before), previous.words[0])
    after = next((n for n, w in enumerate(line.words) if n and w.space_before), len(line.words))
    return (previous.x1 - tail.x0) + (line.words[after - 1].x1 - line.x0) > width


def _thai(ch: str) -> bool:
    return bool(ch) and "\u0e01" <= ch <= "\u0e5b"


def cell_text(paragraphs_of_cell: list[TextLine]) -> str:
    """A cell as the other readers write it: its one paragraph, or each as <p>…</p>."""
    texts = [" ".join(p.text.split()) for p in paragraphs_of_cell]
    texts = [t for t in texts if t]
    if len(texts) == 1:
        return texts[0]
    return " ".join(f"<p>{t}</p>" for t in texts)


def _confidence(lines: list[TextLine]) -> float | None:
    """OCR's confidence in a cell: in its numbers when it has any (what a reader checks), else its text."""
    numbers = [w.confidence for line in lines for w in line.words if _DIGIT_RE.search(w.text)]
    values = numbers or [line.confidence for line in lines if line.confidence is not None]
    return min(values) if values else None


# --- a page -----------------------------------------------------------------------------------------


@dataclass
class PageContent:
    """What one page holds, ready to be written as lines: its tables with each region's lines, and its
    lines outside tables."""

    number: int
    width: float
    height: float
    tables: list[tuple[Table, dict[tuple[int, int], list[TextLine]]]]
    free: list[TextLine]
    explicit_spaces: bool
    cell_padding: float = 0.0
    ticks: dict[tuple[int, int, int], bool] = field(default_factory=dict)  # (table, row, column) → ink


def page_lines(page: PageContent) -> list[PlacedLine]:
    """The page as document lines, top to bottom: paragraphs and table rows in the order they stand."""
    blocks: list[tuple[float, PlacedLine]] = []
    free = [line for line in page.free if not _page_number(line, page.height)]
    pitch = _pitch(free, page.tables)
    if free:
        left = min(line.x0 for line in free)
        right = max(max(line.x1 for line in free), page.width - left) - 1.0
        for paragraph in paragraphs(free, right, explicit_spaces=page.explicit_spaces, pitch=pitch):
            confidence = [_confidence([paragraph])] if paragraph.confidence is not None else None
            blocks.append((paragraph.top, PlacedLine(paragraph.text, page.number, confidence)))
    for t, (table, contents) in enumerate(page.tables):
        for row in range(len(table.ys) - 1):
            cells: list[str] = []
            confidences: list[float | None] = []
            for column in range(len(table.xs) - 1):
                if table.owner[(row, column)] != (row, column):
                    cells.append("")  # spanned from the left or continuing from above
                    confidences.append(None)
                    continue
                box = table.region(row, column)
                lines = contents.get((row, column), [])
                joined = paragraphs(
                    lines, box.x1 - page.cell_padding, explicit_spaces=page.explicit_spaces, pitch=pitch
                )
                text = cell_text(joined)
                if not text and page.ticks.get((t, row, column)):
                    text = "✓"
                cells.append(text)
                confidences.append(_confidence(lines) if text else None)
            if any(cells):
                has_confidence = any(c is not None for c in confidences)
                blocks.append(
                    (
                        table.ys[row],
                        PlacedLine("\t".join(cells), page.number, confidences if has_confidence else None),
                    )
                )
    return [line for _, line in sorted(blocks, key=lambda block: block[0])]


def _page_number(line: TextLine, height: float) -> bool:
    return _in_margin(line, height) and bool(_PAGE_NUMBER_RE.match(line.text))


def _in_margin(line: TextLine, height: float) -> bool:
    return line.bottom < _PAGE_MARGIN_SHARE * height or line.top > (1 - _PAGE_MARGIN_SHARE) * height


def all_lines(page: PageContent) -> list[TextLine]:
    """Every line of the page, outside tables and in them."""
    return page.free + [line for _, contents in page.tables for lines in contents.values() for line in lines]


# --- a row broken across pages ----------------------------------------------------------------------


def carry_over(previous: PageContent, page: PageContent) -> None:
    """A table row a page break cut (Word lets a row break across pages) put back together: each
    cell of `previous`'s last row whose last line was cut where it wrapped takes back the paragraph
    that runs on at the top of `page` (in its first row, or the one after a repeated header row, when
    that row's first cell is empty, as a cut row's is: its number stayed above, and the table filled
    `previous` to its foot), so a word cut there is not split by a space; the lines left on `page`
    read as a continuation row."""
    if not previous.tables or not page.tables:
        return
    (above, ended), (below, going_on) = previous.tables[-1], page.tables[0]
    if not (_ends_page(previous, above) and _starts_page(page, below) and _same_columns(above, below)):
        return
    row = 1 if len(below.ys) > 2 and _row_text(below, going_on, 0) == _row_text(above, ended, 0) else 0
    pitch = _pitch(previous.free, previous.tables)
    if not pitch or going_on.get(below.owner[(row, 0)]) or not _filled_to_foot(previous, above, below, pitch):
        return
    last = len(above.ys) - 2
    for column in range(len(above.xs) - 1):
        target, source = above.owner[(last, column)], below.owner[(row, column)]
        if target[1] == column and source == (row, column):
            right = above.region(*target).x1 - previous.cell_padding
            taken = _run_on(
                ended.get(target, []), going_on.get(source, []), (right, above.ys[-1]), page, pitch
            )
            if taken:
                tail = max(ended[target], key=lambda line: line.bottom)
                dy = tail.bottom + pitch - taken[0].bottom
                ended[target] += [replace(line, top=line.top + dy, bottom=line.bottom + dy) for line in taken]
                going_on[source] = [line for line in going_on[source] if line not in taken]


def _run_on(
    before: list[TextLine], after: list[TextLine], edge: tuple[float, float], page: PageContent, pitch: float
) -> list[TextLine]:
    """The lines of `after`'s first paragraph, top down, when `before`'s last line was cut there: it
    wrapped (the paragraph's first word did not fit after it) and stands at the row's foot, with no
    room for another line below it (a cell whose text ended in a taller row leaves room). `edge` is
    where the cell's text stops on the right (on both pages: the columns are the same) and the row's
    bottom."""
    before, after = [line for line in before if line.text], [line for line in after if line.text]
    if not before or not after:
        return []
    right, foot = edge
    tail = max(before, key=lambda line: line.bottom)
    head = min(after, key=lambda line: line.bottom)
    if (
        foot - tail.bottom >= 2 * pitch
        or tail.x1 + 0.5 * (tail.bottom - tail.top) + _first_word_width(head) < right
    ):
        return []
    [first, *_] = paragraphs(after, right, explicit_spaces=page.explicit_spaces, pitch=pitch)  # same columns
    return sorted((line for line in after if line.bottom <= first.bottom), key=lambda line: line.bottom)


def _filled_to_foot(previous: PageContent, above: Table, below: Table, pitch: float) -> bool:
    """Whether the table runs to the foot of `previous`'s text, as a row cut by the page break does
    (a row moved whole to the next page leaves room): its bottom as far from the page's foot as the
    next page's table is from its head (the margins are the same), give or take less than a line."""
    return previous.height - above.box.bottom < below.box.top + pitch


def _pitch(
    free: list[TextLine], tables: list[tuple[Table, dict[tuple[int, int], list[TextLine]]]]
) -> float | None:
    """The page's usual line pitch, measured within each cell (lines of cells side by side interleave)."""
    return line_pitch([free] + [lines for _, contents in tables for lines in contents.values()])


def _ends_page(page: PageContent, table: Table) -> bool:
    """Nothing but the page's margins below the table."""
    return all(line.top < table.box.bottom or _in_margin(line, page.height) for line in page.free)


def _starts_page(page: PageContent, table: Table) -> bool:
    """Nothing but the page's margins above the table."""
    return all(line.bottom > table.box.top or _in_margin(line, page.height) for line in page.free)


def _same_columns(a: Table, b: Table) -> bool:
    return len(a.xs) == len(b.xs) and all(abs(x - y) <= _SAME_COLUMN for x, y in zip(a.xs, b.xs, strict=True))


def _row_text(table: Table, contents: dict[tuple[int, int], list[TextLine]], row: int) -> str:
    return "\t".join(
        " ".join(line.text for line in sorted(contents.get((row, c), []), key=lambda line: line.bottom))
        for c in range(len(table.xs) - 1)
    )


def assign(tables: list[Table], items: list, where) -> tuple[dict[int, dict[tuple[int, int], list]], list]:
    """Items sorted into the table regions that hold their middle (`where(item)` → x, y), the rest free."""
    inside: dict[int, dict[tuple[int, int], list]] = {t: {} for t in range(len(tables))}
    free = []
    for item in items:
        x, y = where(item)
        for t, table in enumerate(tables):
            region = table.locate(x, y)
            if region is not None:
                inside[t].setdefault(region, []).append(item)
                break
        else:
            free.append(item)
    return inside, free


__all__ = [
    "Box",
    "Glyph",
    "PageContent",
    "PlacedLine",
    "TextLine",
    "all_lines",
    "assign",
    "carry_over",
    "glyph",
    "page_lines",
    "text_lines",
]
