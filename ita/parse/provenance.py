"""Pages and OCR confidences for what a parsed document says, from the lines it was read from.

The report parser works on lines alone (ita/parse/report.py); this names the page each measure,
ITA result and warning came from, and for text read by OCR keeps each measure's weakest cell
confidence and turns every number read with low confidence into a warning naming its page and cell,
so a misread Thai digit (๖ for ๔, ๒๕๒๐๕ for ๒๕๖๕) is flagged rather than trusted.
"""

from __future__ import annotations

import re

from ita.parse.reader import DocumentText
from ita.records import ReportDocument, Warning_

LOW_CONFIDENCE = 80.0  # Tesseract's 0–100: below this a number is checked by a person
_DIGITS_RE = re.compile(r"[0-9๐-๙]")


def attach(doc: ReportDocument, text: DocumentText) -> ReportDocument:
    """`doc` with pages (and OCR confidences and warnings) added where `text` has them."""
    if text.pages is None:
        return doc

    def page(line: int | None) -> int | None:
        return text.pages[line - 1] if line and 0 < line <= len(text.pages) else None

    for measure in doc.measures:
        first, last = measure.source_lines
        if page(first) is not None:
            measure.source_pages = (page(first), page(last) or page(first))
        measure.ocr_confidence = _weakest(text, first, last)
    for assessment in doc.assessments:
        assessment.page = page(assessment.line)
    for warning in doc.warnings:
        warning.page = page(warning.line)
    doc.warnings += _uncertain_numbers(text)
    return doc


def _weakest(text: DocumentText, first: int, last: int) -> float | None:
    if not text.confidences or first < 1:
        return None
    values = [c for cells in text.confidences[first - 1 : last] if cells for c in cells if c is not None]
    return min(values) if values else None


def _uncertain_numbers(text: DocumentText) -> list[Warning_]:
    """A warning for each cell (or paragraph) with digits that OCR read below LOW_CONFIDENCE."""
    warnings = []
    for no, (line, cells) in enumerate(zip(text.lines, text.confidences or [], strict=False), 1):
        if not cells:
            continue
        for column, (cell, confidence) in enumerate(zip(line.split("\t"), cells, strict=False), 1):
            if confidence is None or confidence >= LOW_CONFIDENCE or not _DIGITS_RE.search(cell):
                continue
            where, where_th = (f"cell {column}", f"ช่องที่ {column}") if len(cells) > 1 else ("text", "ข้อความ")
            shown = " ".join(re.sub(r"</?p>", " ", cell).split())[:80]
            message = (
                f"OCR read {where} {shown!r} with confidence {confidence:.0f}: check its numbers and dates"
            )
            thai = f"OCR อ่าน{where_th} {shown!r} ด้วยความมั่นใจ {confidence:.0f}: โปรดตรวจสอบตัวเลขและวันที่"
            page = text.pages[no - 1] if text.pages else None
            warnings.append(Warning_(message, no, page, message_th=thai))
    return warnings
