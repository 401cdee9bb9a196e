"""Thai text basics: digits, whitespace and the letter-spacing some PDFs leave behind."""

from __future__ import annotations

import re
import unicodedata

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_DIGIT_PAIRS = tuple(zip(THAI_DIGITS, "0123456789", strict=True))
_SPACE_RUN_RE = re.compile(" {2,}")
# Sara am typed (or extracted from a PDF) as nikhahit + sara aa, with a tone mark before, between or after:
# it looks the same as ำ but matches nothing written with it ("ตําบล" is not "ตำบล").
_SPLIT_SARA_AM_RE = re.compile("([\u0e48-\u0e4b]?)\u0e4d([\u0e48-\u0e4b]?)\u0e32")


def arabic_digits(text: str) -> str:
    """Replace Thai digits ๐–๙ with 0–9, leaving everything else as it is."""
    # Not str.translate: on Thai text it looks every character up in a dict, about 20x slower
    # than ten replace() scans; every line and cell of a document passes through here.
    for thai, arabic in _DIGIT_PAIRS:
        text = text.replace(thai, arabic)
    return text


def compose_sara_am(text: str) -> str:
    """ำ for the nikhahit + sara aa that looks like it ("ตําบล" → "ตำบล", "น้ํา" → "น้ำ")."""
    if "\u0e4d" not in text:  # most text has none; a regex scan of Thai text is slow
        return text
    return _SPLIT_SARA_AM_RE.sub(lambda m: m[1] + m[2] + "\u0e33", text)


def normalize_text(text: str) -> str:
    """NFC, sara am composed, Thai digits to Arabic, non-breaking and zero-width spaces folded, runs of
    spaces to one."""
    text = compose_sara_am(unicodedata.normalize("NFC", text))
    text = text.replace("\u200b", "").replace("\ufeff", "").replace("\xa0", " ").replace("\t", " ")
    text = arabic_digits(text)
    # A regex scan of Thai text is slow and most lines hold no run of spaces: look before scanning.
    if "  " in text:
        text = _SPACE_RUN_RE.sub(" ", text)
    return text.strip()
