"""OCR text made Thai again: sara am and mark order as typed, and the tone marks Tesseract drops.

Tesseract's Thai model returns sara am as nikhahit + sara aa and often loses a tone mark drawn above an
upper vowel ("ตัวชีวัดที" for ตัวชี้วัดที่, "สือสาร" for สื่อสาร). A tone is put back only where the words
around it then form a dictionary word (pythainlp's Thai word list, plus the ITA words below) that they
did not form without it, and on "ที" before a number, which is always the ordinal ที่.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ita.parse.thai_text_layer import repair
from ita.thai_dates import MONTH_ABBREVIATIONS

_UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37"
_TONES = ("\u0e48", "\u0e49")
_ITA_WORDS = ("ตัวชี้วัด", "ชี้วัด")  # compounds the general word list lacks
_ORDINAL_RE = re.compile(r"ที(?![\u0e48-\u0e4b])(?=\s*[0-9๐-๙])")
_WINDOW = 3  # tokens joined when looking a candidate up
# A month abbreviation whose dot OCR read as sara u or with one ("กุพ.", "ต.ุค."), with a stray
# sara i ("ธิ.ค.") or without its dots ("ตค.", "กย."): ม.ค. … ธ.ค. as written.
_MONTH_RE = re.compile(
    "|".join(
        rf"(?<![\u0e01-\u0e4e])(?P<m{no}>{before}[\u0e34\u0e38]?(?:\.\u0e38?|\u0e38)?\s?{after}(?:\s?\.)?)(?![\u0e01-\u0e4e])"
        for no, (before, after) in enumerate(MONTH_ABBREVIATIONS)
    )
)


@cache
def _words() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words()) | frozenset(_ITA_WORDS)


@lru_cache(maxsize=8192)  # a line is rebuilt several times as its words are read again
def restore(text: str) -> str:
    """OCR text with sara am composed, marks ordered, month abbreviations as written and dropped tone
    marks put back where sure."""
    text = repair(text)
    if not any("\u0e01" <= ch <= "\u0e4e" for ch in text):
        return text
    text = _ORDINAL_RE.sub("ที่", text)
    if "." in text:
        text = _MONTH_RE.sub(_month, text)
    if not any(vowel in text for vowel in _UPPER_VOWELS):
        return text
    from pythainlp.tokenize import word_tokenize

    tokens = word_tokenize(text, engine="newmm")
    words = _words()
    for i, token in enumerate(tokens):
        for at, ch in enumerate(token):
            if ch not in _UPPER_VOWELS or token[at + 1 : at + 2] in _TONES:
                continue
            for tone in _TONES:
                candidate = token[: at + 1] + tone + token[at + 1 :]
                if _completes_a_word(tokens, i, token, candidate, words):
                    tokens[i] = token = candidate
                    break
    return "".join(tokens)


def _month(match: re.Match[str]) -> str:
    if "." not in match[0]:
        return match[0]  # letters without a dot ("กุพ") are not taken for a month
    no = next(int(name[1:]) for name, value in match.groupdict().items() if value)
    before, after = MONTH_ABBREVIATIONS[no]
    return f"{before}.{after}."


def _completes_a_word(tokens: list[str], i: int, token: str, candidate: str, words: frozenset[str]) -> bool:
    """Whether some run of up to _WINDOW tokens around token i is a word with `candidate` and was not one
    with `token`."""
    for start in range(max(0, i - _WINDOW + 1), i + 1):
        for end in range(i + 1, min(len(tokens), start + _WINDOW) + 1):
            before = "".join(tokens[start:i])
            after = "".join(tokens[i + 1 : end])
            if before + candidate + after in words and before + token + after not in words:
                return True
    return False
