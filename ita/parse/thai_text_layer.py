"""Repair the Thai text layers PDFs carry, and tell the layers no repair can save.

Word writes Thai typed in TH SarabunPSK-era fonts with the fonts' legacy glyphs: marks in the Private Use
Area (U+F700–U+F720, U+F880–U+F882 and Apple's U+F884–U+F899), sara am as nikhahit + sara aa, a space
before a mark now and then. The glyph map is data (data/reference/thai_pua_glyphs.csv, read off the
fonts' own glyph names). Legacy fonts whose text layer is TIS-620 bytes shown as Latin-1
("ÊÓ¹¡Ñ§Ò¹" for สำนักงาน) are decoded. What cannot be repaired — unmapped glyphs ``(cid:N)``, U+FFFD
inside words, Thai with sara am dropped altogether ("ดาเนินงาน") — is named by `problem`, so the page
is read by OCR instead.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from pythainlp.util import normalize

PUA_TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "thai_pua_glyphs.csv"
MARKS = frozenset(
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
)
# Symbol fonts draw ticks at Latin code points; text layers show the code, or the code + U+F000.
_TICK_CODES = {
    "wingdings": frozenset({0xFC, 0xFE}),  # ✓ and ☑
    "wingdings2": frozenset({0x50, 0x52}),  # ✓ and ☑
    "symbol": frozenset({0xD6}),  # √
    "zapfdingbats": frozenset({0x33, 0x34}),  # ✓ ✔
}
_TICKS = "✓✔√☑✅"
_SYMBOL_FONT_RE = re.compile(r"wingdings\s*2|wingdings|symbol|zapf\s*dingbats|dingbats", re.IGNORECASE)

_LATIN1_THAI_RUN_RE = re.compile(
    r"[\u00a1-\u00fb][\u00a1-\u00fb\u0020-\u007e]*[\u00a1-\u00fb]|[\u00a1-\u00fb]"
)
_THAI_LETTER_RE = re.compile(r"[\u0e01-\u0e2e]")
# Words that are never written without their sara am; seeing them so means the layer dropped it.
_WITHOUT_SARA_AM = ("ดาเนิน", "ประจาปี", "สานัก", "กาหนด", "จานวน", "คาสั่ง", "ดาริ")
_SARA_AM_EXPECTED_AFTER = 300  # Thai letters: a longer text with no sara am at all has lost it


@cache
def pua_map() -> dict[str, str]:
    """Legacy PUA glyph → the Unicode text it stands for."""
    with PUA_TABLE.open(encoding="utf-8", newline="") as f:
        return {chr(int(row["code_point"][2:], 16)): row["text"] for row in csv.DictReader(f)}


@cache
def _pua_table() -> dict[int, str]:
    return {ord(k): v for k, v in pua_map().items()}


def repair(text: str) -> str:
    """Text of a legacy Thai text layer in plain Unicode: PUA glyphs mapped back, TIS-620 shown as
    Latin-1 decoded, spaces before marks dropped, sara am recomposed and marks put in order."""
    if any("\uf700" <= ch <= "\uf8ff" for ch in text):
        text = text.translate(_pua_table())
    if any("\u00a1" <= ch <= "\u00fb" for ch in text):
        text = _LATIN1_THAI_RUN_RE.sub(_decode_latin1_run, text)
    if not any("\u0e01" <= ch <= "\u0e5b" for ch in text):
        return text
    return normalize(text)  # spaces before marks, sara am as nikhahit + sara aa, mark order


def _decode_latin1_run(match: re.Match[str]) -> str:
    """A run of Latin-1 letters that reads as Thai when taken as TIS-620 bytes (and only then)."""
    run = match[0]
    try:
        thai = run.encode("latin-1").decode("tis-620")
    except UnicodeError:
        return run
    letters = [ch for ch in thai if "\u0e01" <= ch <= "\u0e5b"]
    high = [ch for ch in run if ord(ch) > 0x7F]
    if len(letters) < len(high) or not _marks_in_place(thai):
        return run
    return thai


def _marks_in_place(text: str) -> bool:
    return _misplaced_marks(text) == 0


def _misplaced_marks(text: str) -> int:
    """Marks that follow no consonant or mark ("เ่" cannot be written)."""
    return sum(1 for i, ch in enumerate(text) if ch in MARKS and not (i and _carries_mark(text[i - 1])))


def _carries_mark(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e2e" or ch in MARKS


def symbol_tick(char: str, font_name: str) -> str | None:
    """✓ for a tick drawn in a symbol font (Wingdings, Symbol, ZapfDingbats), None otherwise."""
    found = _SYMBOL_FONT_RE.search(font_name)
    if found is None:
        return None
    if char in _TICKS:
        return "✓"
    family = re.sub(r"\s", "", found[0].lower())
    family = "zapfdingbats" if "dingbats" in family else family
    code = ord(char) - 0xF000 if 0xF000 <= ord(char) <= 0xF0FF else ord(char)
    return "✓" if code in _TICK_CODES[family] else None


def problem(text: str) -> str | None:
    """Why a page's text layer, already repaired, cannot be trusted; None when it reads as Thai."""
    if "(cid:" in text:
        return "glyphs without Unicode (cid:N)"
    if "\ufffd" in text:
        return "replacement characters (U+FFFD) inside words"
    if any("\ue000" <= ch <= "\uf8ff" for ch in text):
        return "private-use glyphs left after repair"
    if any(word in text for word in _WITHOUT_SARA_AM):
        return "sara am dropped (ดาเนิน, ประจาปี …)"
    letters = len(_THAI_LETTER_RE.findall(text))
    if letters >= _SARA_AM_EXPECTED_AFTER and "ำ" not in text:
        return f"{letters} Thai letters without one sara am"
    misplaced = _misplaced_marks(text.replace(" ", ""))
    if misplaced > max(2, letters // 100):
        return f"{misplaced} Thai marks on no consonant"
    return None
