"""Word's automatic list numbering: the number or bullet Word draws before a paragraph from numbering.xml
("๑.", "๑.๑", "(๑)", "ตัวชี้วัดที่ ๑", "•"), which python-docx's `paragraph.text` leaves out. Plans typed in
Word number their measures, group rows and steps this way; without the numbers a measure loses its
number, a "๑." group row looks like a measure and a list of steps is one run of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml.etree import _Element
from pythainlp.util import num_to_thaiword

from ita.thai import THAI_DIGITS

_LEVELS = 9
_PARAGRAPH = WD_STYLE_TYPE.PARAGRAPH
_PLACEHOLDER_RE = re.compile(r"%([1-9])")
_THAI_LETTERS = "กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"  # Word's thaiLetters skip ฃ and ฅ
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"))
_ROMAN += ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
# Bullets drawn from a symbol font (Wingdings' square, Courier New's "o"), as the character a reader sees;
# any other private-use character of a symbol font (Symbol's dot, arrows, ticks) as a plain bullet.
_SYMBOL_BULLETS = {"\uf0a7": "▪", "o": "◦"}


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str  # w:numFmt: decimal, thaiNumbers, thaiLetters, bullet, …
    text: str  # w:lvlText: "%1.", "%1.%2", "(%1)", "มาตรการที่ %1", or a bullet
    # w:lvlRestart: the level counts from its start again after an item at a level (0-based) below this
    # one, by default its own index (any level above it); 0 never
    restart: int
    legal: bool  # w:isLgl: every level's number drawn in Arabic digits
    spaced: bool  # w:suff: a tab or space between the number and the text, unless "nothing"


class ListNumbers:
    """The text a reader sees in a paragraph: Word's list number before it. Numbers count in the order
    paragraphs are asked for, which must be the document's order (as Word counts them)."""

    def __init__(self, document: Document) -> None:
        self._styles = document.styles.element
        self._levels: dict[int, list[_Level | None]] = {}  # numId → its levels, overrides applied
        self._counted_as: dict[int, str] = {}  # numId → the counters it shares
        self._counters: dict[str, list[int | None]] = {}
        self._style_numbering: dict[str | None, tuple[int | None, int | None]] = {}
        try:
            numbering = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
        except KeyError:  # no list in the document
            return
        self._read(numbering)

    def text(self, paragraph: Paragraph) -> str:
        """The paragraph's text with the number or bullet Word draws before it, if any."""
        text = paragraph.text
        label = self._label(paragraph)
        if not label:
            return text
        return f"{label[0]}{' ' if label[1] and text else ''}{text}"

    def _label(self, paragraph: Paragraph) -> tuple[str, bool] | None:
        num_id, ilvl = self._numbering_of(paragraph)
        levels = self._levels.get(num_id or 0)
        level = levels[ilvl] if levels else None
        if level is None:
            return None
        counters = self._counters.setdefault(self._counted_as[num_id], [None] * _LEVELS)
        counters[ilvl] = level.start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, _LEVELS):
            below = levels[deeper]
            if below is None or ilvl < below.restart:
                counters[deeper] = None
        return _drawn(level, levels, counters), level.spaced

    def _numbering_of(self, paragraph: Paragraph) -> tuple[int | None, int]:
        """(numId, level) from the paragraph's own properties, else from its style's."""
        p_pr = paragraph._p.pPr
        num_pr = p_pr.numPr if p_pr is not None else None
        style_num, style_level = self._style_numbers(p_pr.style if p_pr is not None else None)
        own_num = _val(num_pr.numId) if num_pr is not None else None
        own_level = _val(num_pr.ilvl) if num_pr is not None else None
        num_id = own_num if own_num is not None else style_num
        level = own_level if own_level is not None else style_level
        return num_id, min(level or 0, _LEVELS - 1)

    def _style_numbers(self, style_id: str | None) -> tuple[int | None, int | None]:
        """The numbering a paragraph style gives (from it or the styles it is based on)."""
        if style_id not in self._style_numbering:
            num_id = level = None
            seen: set[str] = set()  # a loop of basedOn styles in a damaged file ends here
            style = self._styles.get_by_id(style_id) if style_id else self._styles.default_for(_PARAGRAPH)
            while style is not None and num_id is None and style.styleId not in seen:
                seen.add(style.styleId)
                num_pr = style.pPr.numPr if style.pPr is not None else None
                if num_pr is not None:
                    num_id, level = _val(num_pr.numId), _val(num_pr.ilvl)
                style = self._styles.get_by_id(style.basedOn_val) if style.basedOn_val else None
            self._style_numbering[style_id] = (num_id, level)
        return self._style_numbering[style_id]

    def _read(self, numbering: _Element) -> None:
        abstracts = {el.get(qn("w:abstractNumId")): el for el in numbering.iterfind(qn("w:abstractNum"))}
        nums = {int(el.get(qn("w:numId"))): el for el in numbering.iterfind(qn("w:num"))}
        for num_id, num in nums.items():
            abstract_id = _child_val(num, "w:abstractNumId")
            abstract = self._linked(abstracts.get(abstract_id), abstracts, nums)
            if abstract is None:
                continue
            levels: list[_Level | None] = [None] * _LEVELS
            for lvl in abstract.iterfind(qn("w:lvl")):
                levels[_ilvl(lvl)] = _level(lvl)
            restarts = False
            for override in num.iterfind(qn("w:lvlOverride")):
                ilvl, redefined = _ilvl(override), override.find(qn("w:lvl"))
                if redefined is not None:
                    levels[ilvl] = _level(redefined)
                start = _child_val(override, "w:startOverride")
                if start is not None and levels[ilvl] is not None:
                    levels[ilvl] = _restarted(levels[ilvl], int(start))
                    restarts = True
            self._levels[num_id] = levels
            # Word counts every list of one definition on together, unless the list restarts its numbers.
            self._counted_as[num_id] = f"num {num_id}" if restarts else f"abstract {abstract_id}"

    def _linked(
        self, abstract: _Element | None, abstracts: dict[str, _Element], nums: dict[int, _Element]
    ) -> _Element | None:
        """The definition a list style stands for: an abstractNum that only names a numbering style
        (w:numStyleLink) takes its levels from the list that style numbers with."""
        link = _child_val(abstract, "w:numStyleLink") if abstract is not None else None
        if link is None:
            return abstract
        num_id, _ = self._style_numbers(link)
        num = nums.get(num_id or 0)
        target = abstracts.get(_child_val(num, "w:abstractNumId")) if num is not None else None
        return target if target is not None and _child_val(target, "w:numStyleLink") is None else None


def _val(element: _Element | None) -> int | None:
    value = element.get(qn("w:val")) if element is not None else None
    return int(value) if value is not None and value.lstrip("-").isdigit() else None


def _child_val(element: _Element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _ilvl(element: _Element) -> int:
    value = element.get(qn("w:ilvl"), "0")
    return min(int(value), _LEVELS - 1) if value.isdigit() else 0


def _level(lvl: _Element) -> _Level:
    start = _child_val(lvl, "w:start")
    restart = _child_val(lvl, "w:lvlRestart")
    return _Level(
        start=int(start) if start and start.isdigit() else 0,
        fmt=_child_val(lvl, "w:numFmt") or "decimal",
        text=_child_val(lvl, "w:lvlText") or "",
        restart=int(restart) if restart and restart.isdigit() else _ilvl(lvl),
        legal=lvl.find(qn("w:isLgl")) is not None,
        spaced=_child_val(lvl, "w:suff") != "nothing",
    )


def _restarted(level: _Level, start: int) -> _Level:
    return _Level(start, level.fmt, level.text, level.restart, level.legal, level.spaced)


def _drawn(level: _Level, levels: list[_Level | None], counters: list[int | None]) -> str:
    """The level's text with each %n the number of level n in its own format."""
    if level.fmt == "bullet":
        text = level.text
        return _SYMBOL_BULLETS.get(text, "•" if text and "\uf000" <= text[0] <= "\uf0ff" else text)

    def number(match: re.Match[str]) -> str:
        n = int(match[1]) - 1
        own = levels[n] or level
        value = counters[n] if counters[n] is not None else own.start
        return _formatted(value, "decimal" if level.legal else own.fmt)

    return _PLACEHOLDER_RE.sub(number, level.text)


def _formatted(value: int, fmt: str) -> str:
    """A number as a list format draws it; a format not listed here as plain digits."""
    if fmt == "none":
        return ""
    if fmt == "thaiNumbers":
        return "".join(THAI_DIGITS[int(digit)] for digit in str(value))
    if fmt == "thaiLetters":
        return _THAI_LETTERS[(value - 1) % len(_THAI_LETTERS)]
    if fmt == "thaiCounting":
        return num_to_thaiword(value)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = _LATIN_LETTERS[(value - 1) % 26] * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        out += letters * count
    return out
