"""Link a measure to the ITA indicators it targets, with the words that show it.

Overseers ask whether an agency acted on its weak indicators, so every link must be explainable:
matching uses the editable term table data/indicator_terms.csv and returns the matched terms as
evidence. A measure without evidence gets no target rather than a guess.

Text and terms are both cut into Thai words (pythainlp newmm) after normalising, so a word broken
by a stray PDF space or written with Thai digits still matches.
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

from pythainlp.tokenize import word_tokenize

from ita.errors import ParseError
from ita.thai import normalize_text

TERMS_PATH = Path(__file__).resolve().parent.parent / "data" / "indicator_terms.csv"
# The 2562–2568 framework; a heading naming an instrument limits a measure to its indicators.
INSTRUMENT_INDICATORS = {"IIT": range(1, 6), "EIT": range(6, 9), "OIT": range(9, 11)}
# Where a word appears says how much the measure is about it: the title states the aim,
# steps say how, results often repeat boilerplate such as "published on the website".
# A field adds at most its weight to an indicator (see _saturate).
TITLE_WEIGHT = 3.0
STEPS_WEIGHT = 2.0
RESULT_WEIGHT = 1.0
# A match that starts or ends inside a word (newmm cut the text differently) is less certain.
SUBSTRING_FACTOR = 0.8
# About one weak term in the steps; a single term in the results alone is not enough.
MIN_SCORE = 0.75
# A secondary target must carry a fair share of the primary's evidence.
MIN_SHARE = 0.25
MAX_TARGETS = 3

_INSTRUMENT_RE = re.compile(r"(?<![A-Z])(IIT|EIT|OIT)(?![A-Z])")
_THAI_SPACE_RE = re.compile(r"(?<=[\u0e00-\u0e7f]) +(?=[\u0e00-\u0e7f])")
_THAI_RE = re.compile(r"[\u0e00-\u0e7f]")
_WORD_RE = re.compile(r"[a-z0-9]+|[\u0e00-\u0e7f]+")
# newmm keeps some nouns whole ("การขัดกัน", "การป้องกัน"); the prefix is still a word of its own.
_NOUN_PREFIX = "การ"


@dataclass(frozen=True)
class Term:
    indicator_no: int
    term: str
    weight: float
    key: str  # the term's words joined, as matched against a text's words joined
    is_thai: bool


@dataclass(frozen=True, eq=False)
class TermTable:
    """Terms ordered longest first, so a long term claims its words before a shorter one inside it."""

    terms: tuple[Term, ...]


@dataclass
class Target:
    indicator_no: int
    rank: int
    score: float
    evidence: list[str] = field(default_factory=list)


def load_terms(path: Path = TERMS_PATH) -> TermTable:
    """Read the term table (indicator_no, term, weight, note); raise ParseError on a bad row."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    terms = [_term(row, path.name, line) for line, row in enumerate(rows, start=2)]
    return TermTable(tuple(sorted(terms, key=lambda t: -len(t.key))))


def _term(row: dict[str, str], file: str, line: int) -> Term:
    try:
        indicator_no, weight = int(row["indicator_no"]), float(row["weight"])
    except (KeyError, TypeError, ValueError) as e:
        raise ParseError(file, f"expected indicator_no and weight as numbers ({e})", line) from None
    if not 1 <= indicator_no <= 10 or weight <= 0:
        raise ParseError(file, "indicator_no must be 1–10 and weight positive", line)
    key = "".join(_words(row["term"] or ""))
    if not key:
        raise ParseError(file, "empty term", line)
    return Term(indicator_no, row["term"].strip(), weight, key, bool(_THAI_RE.search(key)))


@cache
def _default_terms() -> TermTable:
    """The project's term table, read once per process."""
    return load_terms(TERMS_PATH)


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
    tokens = word_tokenize(chunk, engine="newmm", keep_whitespace=False)
    return tuple(word for token in tokens for word in _WORD_RE.findall(token))


def _field_matches(texts: list[str], table: TermTable) -> dict[Term, float]:
    """Terms found in any of a field's texts (a measure's steps are matched one by one)."""
    found: dict[Term, float] = {}
    for text in texts:
        for term, certainty in _matches(text, table):
            found[term] = max(found.get(term, 0.0), certainty)
    return found


@lru_cache(maxsize=8192)
def _matches(text: str, table: TermTable) -> tuple[tuple[Term, float], ...]:
    """Each term found in the text with its certainty (1, or SUBSTRING_FACTOR inside a word)."""
    words = _words(text)
    joined = "".join(words)
    bounds = _word_bounds(words)
    spans: list[tuple[int, int]] = []
    found: dict[Term, float] = {}
    for term in table.terms:
        start = joined.find(term.key)
        while start != -1:
            end = start + len(term.key)
            aligned = start in bounds and end in bounds
            # A term inside a longer match is part of it ("ประชาสัมพันธ์" in "ประชาสัมพันธ์ข้อมูล");
            # terms that merely overlap are both there ("ลดขั้นตอน", "ขั้นตอนการให้บริการ").
            inside = any(s <= start and end <= e for s, e in spans)
            if (aligned or term.is_thai) and not inside:
                spans.append((start, end))
                found[term] = max(found.get(term, 0.0), 1.0 if aligned else SUBSTRING_FACTOR)
            start = joined.find(term.key, start + 1)
    return tuple(found.items())


def _word_bounds(words: tuple[str, ...]) -> set[int]:
    """Offsets in the joined words where a word starts or ends, counting a การ prefix as a word."""
    starts = list(accumulate((len(word) for word in words), initial=0))
    prefixed = {
        start + len(_NOUN_PREFIX)
        for start, word in zip(starts[:-1], words, strict=True)
        if word.startswith(_NOUN_PREFIX)
    }
    return set(starts) | prefixed


def link_measure(
    title: str,
    steps: list[str],
    result: str | None,
    group: str | None,
    terms: TermTable | None = None,
) -> list[Target]:
    """Rank the indicators a measure targets, best first, at most MAX_TARGETS, each with its evidence.

    A group naming an instrument (IIT/EIT/OIT) limits the choice to its indicators; any other group
    heading (a ประเด็น) is evidence weighted like the title. Evidence lists the terms as the table
    writes them, strongest first. `terms` defaults to data/indicator_terms.csv.
    """
    table = terms or _default_terms()
    instrument = _instrument(group)
    fields = [([title], TITLE_WEIGHT), (steps, STEPS_WEIGHT), ([result or ""], RESULT_WEIGHT)]
    if group and not instrument:
        fields.append(([group], TITLE_WEIGHT))
    allowed = INSTRUMENT_INDICATORS[instrument] if instrument else range(1, 11)
    scores: dict[int, float] = defaultdict(float)
    evidence: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for texts, weight in fields:
        found: dict[int, float] = defaultdict(float)
        for term, certainty in _field_matches(texts, table).items():
            if term.indicator_no in allowed:
                found[term.indicator_no] += term.weight * certainty
                evidence[term.indicator_no][term.term] += term.weight * certainty * weight
        for no, points in found.items():
            scores[no] += weight * _saturate(points)
    return _rank(scores, evidence)


def _saturate(points: float) -> float:
    """0 → 0, one strong term → 0.63, two → 0.86, never 1: repeating a theme across twelve steps
    must not outvote a title that states the aim."""
    return 1.0 - math.exp(-points)


def _instrument(group: str | None) -> str | None:
    found = _INSTRUMENT_RE.findall((group or "").upper())
    return found[0] if len(set(found)) == 1 else None


def _rank(scores: dict[int, float], evidence: dict[int, dict[str, float]]) -> list[Target]:
    ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if not ordered:
        return []
    floor = max(MIN_SCORE, MIN_SHARE * ordered[0][1])
    kept = [(no, score) for no, score in ordered if score >= floor][:MAX_TARGETS]
    return [
        Target(no, rank, round(score, 2), sorted(evidence[no], key=lambda t: -evidence[no][t]))
        for rank, (no, score) in enumerate(kept, start=1)
    ]


@cache
def _stopwords() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords())


def title_words(title: str) -> list[str]:
    """The distinct content words of a measure title, for matching one measure across reports and years."""
    return sorted({w for w in _words(title) if w not in _stopwords() and len(w) > 1})
