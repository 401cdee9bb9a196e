"""Thai words OCR misspelt by a mark, spelt again from a word list.

Tesseract's Thai model reads the letters of a line well and the small marks over and under them
badly: it drops or swaps tone marks ("จัดซื่อ" for จัดซื้อ, "เรือง" for เรื่อง), loses sara am's
circle ("น้า" for น้ำ), an upper vowel's tail ("ทิ" for ที่) or the upper vowel itself ("ตัวชวัด"
for ตัวชี้วัด). So a run of up to _SPAN Thai words is looked up by its letters with those marks
set aside (its key) among the words of pythainlp's list, the ITA words below and the country's
place names (agency names are place names): a run that is no word becomes the word that shares its
key (the commonest, by the Thai National Corpus' counts); a run that is a word is changed only for
one _MORE_COMMON times as common, so a rare word OCR makes of a common one (ครั่ง for ครั้ง) is read as
the common one and a word of its own is left as written. Letters are never changed, only marks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import cache

from ita.thai_dates import MONTH_ABBREVIATIONS

_TONES = "\u0e48\u0e49\u0e4a\u0e4b"
_SET_ASIDE = _TONES + "\u0e47\u0e4c\u0e4d"  # tones, mai taikhu, thanthakhat, nikhahit
_UPPER = "\u0e31\u0e34\u0e35\u0e36\u0e37"
_ITA_WORDS = ("ตัวชี้วัด", "ชี้วัด", "สำนักปลัด", "กองคลัง")  # neither the word list nor the terms have them
_SPAN = 3  # words looked up together
_MORE_COMMON = 15
_COMMON_WORD = 1000  # counted this often in the corpus (หน้าที่ 16,274; ที่ว่าง not at all)
_LEAST_LETTERS_WITHOUT_UPPER = 4  # a shorter run is not looked up with its upper vowels set aside
# a month's abbreviation written without its dots ("เมย 65") is no misspelt word (เมย์)
_UNDOTTED_MONTHS = frozenset(before + after for before, after in MONTH_ABBREVIATIONS)
_THAI_WORD_RE = re.compile(r"[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]+")  # not ๆ ฯ or digits


def respell(text: str) -> str:
    """`text` with each run of Thai words OCR misspelt by a mark written as the word it stands for."""
    from ita.thai_words import cut

    tokens = cut(text, keep_whitespace=True)
    words = lexicon()
    read_as_words = [token in words or not _THAI_WORD_RE.fullmatch(token) for token in tokens]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for length in range(min(_SPAN, len(tokens) - i), 0, -1):
            span = tokens[i : i + length]
            written = "".join(span)
            if not all(_THAI_WORD_RE.fullmatch(token) for token in span):
                continue
            if written in _UNDOTTED_MONTHS:
                word = written
            elif length > 1 and all(read_as_words[i : i + length]):
                word = written if written in words else _joined_word(written)
            elif length == 1 and read_as_words[i]:
                # a word among words (not a piece of a misread run, "จิ|ตอ|ล"): a much commoner one?
                among_words = all(read_as_words[max(0, i - 1) : i + 2])
                word = _commoner(written) if among_words else written
            else:
                word = _word_for(written)
            if word is not None:
                out.append(word)
                i += length
                break
        else:
            out.append(tokens[i])
            i += 1
    return "".join(out)


def _commoner(written: str) -> str:
    """A word OCR read, or the word of its key _MORE_COMMON times as common (ครั่ง → ครั้ง); a
    letter, a name or a compound the corpus does not count stays as written."""
    counts = _counts()
    if _letters(written) < 2 or written not in counts:
        return written
    best = max(_by_key()[key(written)], key=lambda w: counts.get(w, 0))
    return best if counts.get(best, 0) >= _MORE_COMMON * counts[written] else written


def _joined_word(written: str) -> str | None:
    """The word that words OCR read each ("หน้า|ที") stand for: the name of a place or an ITA word
    of their key ("วัง|น้า|เย็น" for วังน้ำเย็น), or a common word of their key (หน้าที่); else
    OCR's reading stands ("ที่|วาง" is no ที่ว่าง, a word the corpus hardly counts)."""
    found = _by_key()[key(written)]
    domain = [w for w in found if w in _domain()]
    if len(domain) == 1:
        return domain[0]
    counts = _counts()
    best = max(found, key=lambda w: counts.get(w, 0), default=None)
    return best if best and counts.get(best, 0) >= _COMMON_WORD else None


def _word_for(written: str) -> str | None:
    """The word a run of OCR text that is no word stands for: the commonest word of its key, or of
    its key without upper vowels ("เปดเผย"); None for a letter, or when no word has its key."""
    counts = _counts()
    letters = _letters(written)
    if letters < 2:
        return None
    found = _by_key()[key(written)]
    if not found and letters >= _LEAST_LETTERS_WITHOUT_UPPER:
        found = _by_bare_key()[bare_key(written)]
    return max(found, key=lambda w: counts.get(w, 0), default=None)


def _letters(text: str) -> int:
    return sum(1 for ch in text if "\u0e01" <= ch <= "\u0e2e")


def key(text: str) -> str:
    """A word's letters and vowels without the marks OCR drops or swaps: tones, mai taikhu,
    thanthakhat and sara am's circle; long and short upper vowels alike (ิ ี, ึ ื)."""
    text = text.replace("\u0e33", "\u0e32")
    text = "".join(ch for ch in text if ch not in _SET_ASIDE)
    return text.replace("\u0e35", "\u0e34").replace("\u0e37", "\u0e36")


def bare_key(text: str) -> str:
    """A word's key without its upper vowels too, for runs OCR lost one from ("เปดเผย")."""
    return "".join(ch for ch in key(text) if ch not in _UPPER)


@cache
def lexicon() -> frozenset[str]:
    """pythainlp's Thai words, the ITA words it lacks and the country's place names."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words()) | _domain()


@cache
def _domain() -> frozenset[str]:
    """The words ITA documents are about: the indicators' and instruments' names, the terms that link
    a measure to an indicator (data/indicator_terms.csv), a few more ITA words, and the country's
    place names (agency names are place names)."""
    from ita import framework
    from ita.geography import place_names
    from ita.linking import default_terms

    names = {
        item.name_th
        for year in framework.frameworks().values()
        for item in (*year.indicators, *year.instruments)
    }
    terms = {term.term for term in default_terms().terms if term.is_thai}
    return frozenset(_ITA_WORDS) | names | terms | place_names()


@cache
def _counts() -> dict[str, int]:
    from pythainlp.corpus import tnc

    return dict(tnc.word_freqs())


@cache
def _by_key() -> dict[str, list[str]]:
    return _index(key)


@cache
def _by_bare_key() -> dict[str, list[str]]:
    return _index(bare_key)


def _index(key_of: Callable[[str], str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for word in lexicon():
        index[key_of(word)].append(word)
    return index
