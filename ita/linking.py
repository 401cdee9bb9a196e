"""Link a measure to the ITA indicators it targets, with the words that show it.

Overseers ask whether an agency acted on its weak indicators, so every link must be explainable:
matching uses the editable term table data/indicator_terms.csv and returns the matched terms as
evidence. A measure without evidence gets no target rather than a guess.

Text and terms are both cut into Thai words (pythainlp newmm) after normalising, so a word broken
by a stray PDF space or written with Thai digits still matches. Between a term's words the text may
carry connector words (ประสิทธิภาพในการสื่อสาร for ประสิทธิภาพการสื่อสาร), and a term's own connectors
may be left out (ทรัพย์สินราชการ for ทรัพย์สินของราชการ).
"""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path

from ita import framework
from ita.errors import ParseError
from ita.thai import normalize_text
from ita.thai_words import cut

TERMS_PATH = Path(__file__).resolve().parent.parent / "data" / "indicator_terms.csv"
# Where a word appears says how much the measure is about it: the title states the aim,
# steps say how, results often repeat boilerplate such as "published on the website".
# A field adds at most its weight to an indicator (see _saturate).
TITLE_WEIGHT = 3.0
STEPS_WEIGHT = 2.0
RESULT_WEIGHT = 1.0
# A match that starts or ends inside a word (newmm cut the text differently) is less certain.
SUBSTRING_FACTOR = 0.8
# A single term in the results alone (at most 0.63) is not enough.
MIN_SCORE = 0.75
# A term this weight or lighter is a hint: in the steps or results alone it makes no target.
WEAK_WEIGHT = 0.5
# A secondary target must carry a fair share of the primary's evidence.
MIN_SHARE = 0.25
MAX_TARGETS = 3
# Words that join a noun phrase without changing what it is about; up to two may stand between a
# term's words ("ในการ"), and a term's own are optional.
CONNECTORS = ("ใน", "ของ", "การ", "เรื่อง", "และ")
_GAP = "(?:{}){{0,2}}".format("|".join(CONNECTORS))

_INSTRUMENT_RE = re.compile(r"(?<![A-Z])(IIT|EIT|OIT)(?![A-Z])")
_NAMED_INDICATOR_RE = re.compile(r"(?:ตัวชี้วัด|ประเด็น)ที่\s*(\d{1,2})(?![\d.])(.*)")
_THAI_SPACE_RE = re.compile(r"(?<=[\u0e00-\u0e7f]) +(?=[\u0e00-\u0e7f])")
_THAI_RE = re.compile(r"[\u0e00-\u0e7f]")
_WORD_RE = re.compile(r"[a-z0-9]+|[\u0e00-\u0e7f]+")
# newmm keeps some nouns whole ("การขัดกัน", "การป้องกัน"); the prefix is still a word of its own
# when a consonant or leading vowel follows it (not in "การ์ด").
_NOUN_PREFIX = "การ"
_PREFIXED_RE = re.compile(r"การ(?=[\u0e01-\u0e2e\u0e40-\u0e44])")


@dataclass(frozen=True)
class Term:
    indicator_no: int
    term: str
    weight: float  # 0 marks a neutral term: it claims boilerplate words and scores nothing
    pattern: re.Pattern[str]  # matched against a text's words joined
    anchor: str  # the term's first word, which every match starts with
    is_thai: bool


@dataclass(frozen=True, eq=False)
class TermTable:
    """Terms in file order, which only settles which of two equally long matches claims the words."""

    terms: tuple[Term, ...]


@dataclass
class Target:
    indicator_no: int
    rank: int
    score: float
    evidence: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Match:
    term: Term
    certainty: float
    start: int  # offset in the text's joined words, to tell which indicator a text names first


def load_terms(path: Path = TERMS_PATH) -> TermTable:
    """Read the term table (indicator_no, term, weight, note); raise ParseError on a bad row."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return TermTable(tuple(_term(row, path.name, line) for line, row in enumerate(rows, start=2)))


def _term(row: dict[str, str], file: str, line: int) -> Term:
    try:
        indicator_no, weight = int(row["indicator_no"]), float(row["weight"])
    except (KeyError, TypeError, ValueError) as e:
        raise ParseError(
            file,
            f"expected indicator_no and weight as numbers ({e})",
            line,
            reason_th=f"indicator_no และ weight ต้องเป็นตัวเลข ({e})",
        ) from None
    if not 1 <= indicator_no <= 10 or weight < 0:
        raise ParseError(
            file,
            "indicator_no must be 1–10 and weight 0 or more",
            line,
            reason_th="indicator_no ต้องอยู่ระหว่าง 1–10 และ weight ต้องไม่ติดลบ",
        )
    words = _split_prefix(_words(row["term"] or ""))
    if not words:
        raise ParseError(file, "empty term", line, reason_th="ไม่มีคำในช่อง term")
    is_thai = any(_THAI_RE.search(word) for word in words)
    return Term(indicator_no, row["term"].strip(), weight, _pattern(words), words[0], is_thai)


def _split_prefix(words: tuple[str, ...]) -> list[str]:
    """Words with a glued การ prefix cut off ("การสื่อสาร" → "การ", "สื่อสาร")."""
    parts: list[str] = []
    for word in words:
        if _PREFIXED_RE.match(word):
            parts += [_NOUN_PREFIX, word[len(_NOUN_PREFIX) :]]
        else:
            parts.append(word)
    return parts


def _pattern(words: list[str]) -> re.Pattern[str]:
    """A term's words in order, connectors allowed between them and its own inner ones optional.

    A connector at either end stays required: a term that starts with one means it ("จากการ…")."""
    inner = [word for word in words[1:-1] if word not in CONNECTORS]
    content = [words[0], *inner, words[-1]] if len(words) > 1 else words
    return re.compile(_GAP.join(re.escape(word) for word in content))


def default_terms() -> TermTable:
    """The project's term table, TERMS_PATH, read once."""
    return _terms_in(TERMS_PATH)


@cache
def _terms_in(path: Path) -> TermTable:
    return load_terms(path)


def _normalize(text: str) -> str:
    """NFC, Arabic digits, lower-case Latin, and no spaces inside Thai (PDFs break words with them)."""
    return _THAI_SPACE_RE.sub("", normalize_text(text)).lower()


def _words(text: str) -> tuple[str, ...]:
    """The text's words: newmm on Thai; Latin split at hyphens and dots ("e - service", "E-Service")."""
    return tuple(word for chunk in _normalize(text).split() for word in _chunk_words(chunk))


@lru_cache(maxsize=16384)
def _chunk_words(chunk: str) -> tuple[str, ...]:
    # newmm slows down sharply on long strings, so it gets one space-free chunk at a time;
    # it cuts at spaces anyway. Dots stay in: its dictionary knows "พ.ศ." and "ต.ค.".
    tokens = cut(chunk)
    return tuple(word for token in tokens for word in _WORD_RE.findall(token))


def _field_matches(texts: list[str], table: TermTable) -> dict[Term, tuple[float, tuple[int, int]]]:
    """Terms found in any of a field's texts (a measure's steps are matched one by one), each with
    its best certainty and where it first appears (text, offset)."""
    found: dict[Term, tuple[float, tuple[int, int]]] = {}
    for index, text in enumerate(texts):
        for match in _matches(text, table):
            certainty, where = found.get(match.term, (0.0, (index, match.start)))
            found[match.term] = (max(certainty, match.certainty), min(where, (index, match.start)))
    return found


@lru_cache(maxsize=8192)
def _matches(text: str, table: TermTable) -> tuple[_Match, ...]:
    """The terms found in the text, in reading order, each with its certainty (1, or SUBSTRING_FACTOR
    inside a word).

    A match inside a longer one is part of it: "ประชาสัมพันธ์ข้อมูล" holds no "ประชาสัมพันธ์", and a
    "เรื่องร้องเรียนการทุจริต" no complaint in general. Matches that merely overlap both count
    ("ลดขั้นตอน", "ขั้นตอนการให้บริการ"): the verb and its object name two things.
    """
    words = _words(text)
    joined = "".join(words)
    bounds = _word_bounds(words)
    candidates = []
    for order, term in enumerate(table.terms):
        if term.anchor not in joined:  # a plain scan is much cheaper than the pattern
            continue
        for m in term.pattern.finditer(joined):
            aligned = m.start() in bounds and m.end() in bounds
            if aligned or term.is_thai:
                candidates.append((m.start() - m.end(), order, m.start(), m.end(), term, aligned))
    found: list[_Match] = []
    claimed: list[tuple[int, int]] = []
    # Longest first; between equals, the table's order and then the text's.
    for _, _, start, end, term, aligned in sorted(candidates, key=lambda c: c[:3]):
        if not any(s <= start and end <= e for s, e in claimed):
            claimed.append((start, end))
            found.append(_Match(term, 1.0 if aligned else SUBSTRING_FACTOR, start))
    return tuple(sorted(found, key=lambda match: match.start))


def _word_bounds(words: tuple[str, ...]) -> set[int]:
    """Offsets in the joined words where a word starts or ends, counting a การ prefix as a word."""
    starts = list(accumulate((len(word) for word in words), initial=0))
    prefixed = {
        start + len(_NOUN_PREFIX)
        for start, word in zip(starts[:-1], words, strict=True)
        if _PREFIXED_RE.match(word)
    }
    return set(starts) | prefixed


def link_measure(
    title: str,
    steps: list[str],
    result: str | None,
    group: str | None,
    terms: TermTable | None = None,
    fiscal_year: int | None = None,
) -> list[Target]:
    """Rank the indicators a measure targets, best first, at most MAX_TARGETS, each with its evidence.

    A group naming an instrument (IIT/EIT/OIT) limits the choice to its indicators in the framework of
    the measure's fiscal year (framework.for_measures); any other group heading (a ประเด็น) is evidence
    weighted like the title. Evidence lists the terms as the table writes them, strongest first.
    `terms` defaults to data/indicator_terms.csv.
    """
    table = terms or default_terms()
    indicators = framework.for_measures(fiscal_year).indicators
    instrument = _instrument(group)
    fields = [([title], TITLE_WEIGHT), (steps, STEPS_WEIGHT), ([result or ""], RESULT_WEIGHT)]
    if group and not instrument:
        fields.insert(1, ([group], TITLE_WEIGHT))  # after the title: it names the aim less precisely
    allowed = {i.no for i in indicators if instrument in (None, i.instrument)}
    scores: dict[int, float] = defaultdict(float)
    evidence: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    first: dict[int, tuple[int, int, int]] = {}
    mentions: dict[int, list[tuple[float, float]]] = defaultdict(list)  # (term weight, field weight)
    for position, (texts, weight) in enumerate(fields):
        found: dict[int, float] = defaultdict(float)
        for term, (certainty, where) in _field_matches(texts, table).items():
            if term.indicator_no in allowed and term.weight > 0:
                no = term.indicator_no
                found[no] += term.weight * certainty
                evidence[no][term.term] += term.weight * certainty * weight
                first[no] = min(first.get(no, (position, *where)), (position, *where))
                mentions[no].append((term.weight, weight))
        for no, points in found.items():
            scores[no] += weight * _saturate(points)
    targets = _rank(scores, evidence, first, mentions)
    named = _named_indicator(group, indicators)
    return _put_first(named, group, targets) if named else targets


def _named_indicator(group: str | None, indicators: tuple[framework.Indicator, ...]) -> int | None:
    """The indicator a heading names by number and by its name in the measure's framework ("ตัวชี้วัดที่ 9
    การเปิดเผยข้อมูล", "ประเด็นที่ 1 การปฏิบัติหน้าที่"): the document says what the measure aims at. The
    number alone is not enough, since other frameworks number theirs differently ("ตัวชี้วัดที่ 1 :
    การจัดซื้อจัดจ้าง" in MOIT) and a report may number its own issues ("ประเด็นที่ 2 การให้บริการ")."""
    found = _NAMED_INDICATOR_RE.search(normalize_text(group or ""))
    indicator = next((i for i in indicators if found and i.no == int(found[1])), None)
    if indicator is None:
        return None
    name = _pattern(_split_prefix(_words(indicator.name_th)))
    return indicator.no if name.search("".join(_words(found[2]))) else None


def _put_first(no: int, heading: str, targets: list[Target]) -> list[Target]:
    """The named indicator first, with the heading as its evidence; the others keep their order after it."""
    own = next((t for t in targets if t.indicator_no == no), None)
    evidence = [heading.strip(), *(own.evidence if own else [])]
    score = max((t.score for t in targets), default=MIN_SCORE)
    others = [t for t in targets if t.indicator_no != no][: MAX_TARGETS - 1]
    return [
        Target(no, 1, score, evidence),
        *(Target(t.indicator_no, rank, t.score, t.evidence) for rank, t in enumerate(others, start=2)),
    ]


def _saturate(points: float) -> float:
    """0 → 0, one strong term → 0.63, two → 0.86, never 1: repeating a theme across twelve steps
    must not outvote a title that states the aim."""
    return 1.0 - math.exp(-points)


def _instrument(group: str | None) -> str | None:
    # Other frameworks' headings ("MOIT 12", "ตัวชี้วัดที่ 1 : การจัดซื้อจัดจ้าง") name no instrument:
    # MOIT is not OIT, and their indicator numbers are not this framework's.
    found = _INSTRUMENT_RE.findall((group or "").upper())
    return found[0] if len(set(found)) == 1 else None


def _rank(
    scores: dict[int, float],
    evidence: dict[int, dict[str, float]],
    first: dict[int, tuple[int, int, int]],
    mentions: dict[int, list[tuple[float, float]]],
) -> list[Target]:
    """Targets from the scores, for indicators with more than a lone hint (see _supported).

    Equal scores go to the indicator named first, title before steps: Thai states the aim first
    ("ป้องกันการรับสินบนในการจัดซื้อจัดจ้าง" is about bribes)."""
    supported = {no: score for no, score in scores.items() if _supported(mentions[no])}
    # Rounded, so that sums reached in a different order still tie.
    ordered = sorted(supported.items(), key=lambda item: (-round(item[1], 9), first[item[0]], item[0]))
    if not ordered:
        return []
    floor = max(MIN_SCORE, MIN_SHARE * ordered[0][1])
    kept = [(no, score) for no, score in ordered if score >= floor][:MAX_TARGETS]
    return [
        Target(no, rank, round(score, 2), sorted(evidence[no], key=lambda t: -evidence[no][t]))
        for rank, (no, score) in enumerate(kept, start=1)
    ]


def _supported(mentions: list[tuple[float, float]]) -> bool:
    """A strong term, two weak mentions (two terms, or one term in two fields), or a weak term in the
    title or a heading, which state the aim. One weak word in the steps or results alone is more often
    boilerplate ("ประชาสัมพันธ์ให้ทราบ", "แต่งตั้งคณะทำงาน") than what the measure is about."""
    return len(mentions) > 1 or any(term > WEAK_WEIGHT or field >= TITLE_WEIGHT for term, field in mentions)


@cache
def _stopwords() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords())


def title_words(title: str) -> list[str]:
    """The distinct content words of a measure title, for matching one measure across reports and years."""
    return sorted({w for w in _words(title) if w not in _stopwords() and len(w) > 1})
