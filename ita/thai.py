"""Thai text basics: digits, whitespace and the letter-spacing some PDFs leave behind."""

from __future__ import annotations

import re
import unicodedata

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")


def arabic_digits(text: str) -> str:
    """Replace Thai digits ๐–๙ with 0–9, leaving everything else as it is."""
    return text.translate(_TO_ARABIC)


def normalize_text(text: str) -> str:
    """NFC, Thai digits to Arabic, non-breaking and zero-width spaces folded, runs of spaces to one."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u200b", "").replace("\ufeff", "").replace("\xa0", " ")
    return re.sub(r"[ \t]+", " ", arabic_digits(text)).strip()
