"""OCR text made Thai again: sara am and mark order as typed, month abbreviations as written, words
misspelt by a mark spelt again (ita/parse/ocr_spelling.py), and the ordinal ที่ before a number.

Tesseract's Thai model returns sara am as nikhahit + sara aa, often loses or swaps the marks over a
letter ("ตัวชีวัดที" for ตัวชี้วัดที่, "สือสาร" for สื่อสาร, "จัดซื่อ" for จัดซื้อ) and reads the dot
of a month's abbreviation as a vowel ("กุพ." for ก.พ.).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ita.parse.ocr_spelling import respell
from ita.parse.thai_text_layer import repair
from ita.thai_dates import MONTH_ABBREVIATIONS

# ที่ before a number ("ตัวชี้วัดที่ 9", "ครั้งที่ ๒"), its marks lost: "ที", "ทิ", "ท"
_ORDINAL_RE = re.compile(r"(?<=[\u0e01-\u0e4e])ท[\u0e34\u0e35]?(?![\u0e31-\u0e4e])(?=\s*[0-9๐-๙])")
# A month abbreviation whose dot OCR read as sara u or with one ("กุพ.", "ต.ุค."), or as a comma
# ("กย,"), with a stray sara i ("ธิ.ค.") or without its dots ("ตค.", "กย."): ม.ค. … ธ.ค. as written.
_MONTH_RE = re.compile(
    "|".join(
        rf"(?<![\u0e01-\u0e4e])(?P<m{no}>{before}[\u0e34\u0e38]?(?:[.,]\u0e38?|\u0e38)?\s?{after}(?:\s?[.,])?)(?![\u0e01-\u0e4e])"
        for no, (before, after) in enumerate(MONTH_ABBREVIATIONS)
    )
)


@lru_cache(maxsize=8192)  # a line is rebuilt several times as its words are read again
def restore(text: str) -> str:
    """OCR text with sara am composed, marks ordered, month abbreviations as written and words
    misspelt by a mark spelt again."""
    text = repair(text)
    if not any("\u0e01" <= ch <= "\u0e4e" for ch in text):
        return text
    if "." in text or "," in text:
        text = _MONTH_RE.sub(_month, text)
    return _ORDINAL_RE.sub("ที่", respell(text))


def _month(match: re.Match[str]) -> str:
    if "." not in match[0] and "," not in match[0]:
        return match[0]  # letters without a dot ("กุพ") are not taken for a month
    no = next(int(name[1:]) for name, value in match.groupdict().items() if value)
    before, after = MONTH_ABBREVIATIONS[no]
    return f"{before}.{after}."
