"""The ITA framework of each fiscal year, read from data/framework/<year>.json.

A new year's framework (indicators, instrument weights, grade bands, pass mark, the tolerance a quoted
overall may differ from the computed one by) is a new JSON file, not a code change. Scores are recomputed
from indicators with the year's own weights.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FRAMEWORK_DIR = Path(__file__).resolve().parent.parent / "data" / "framework"


@dataclass(frozen=True)
class Indicator:
    no: int
    name_th: str
    name_en: str
    instrument: str


@dataclass(frozen=True)
class Instrument:
    code: str
    name_th: str
    name_en: str
    weight: float


@dataclass(frozen=True)
class Grade:
    label: str
    min_score: float
    min_instrument_score: float | None = None


@dataclass(frozen=True)
class Framework:
    fiscal_year: int
    model: str  # "ita10" (ten indicators, three instruments) or "five_index" (overall only)
    grade_scheme: str  # "letters", "ratings" (pass labels) or "levels"
    pass_mark: float | None
    pass_share_target: float | None  # the national strategy's share of agencies at or above the pass mark
    score_tolerance: float  # published overalls are rounded, to two decimals and sometimes to one
    instruments: tuple[Instrument, ...]
    indicators: tuple[Indicator, ...]
    grades: tuple[Grade, ...]
    # the letters AA–F by score: the grades of a letters year; in a pass-label year, the letters agencies
    # still quote beside the label ("96.04 (ผ่าน) ระดับ AA")
    letters: tuple[Grade, ...]
    note: str

    @property
    def weights(self) -> dict[str, float]:
        return {i.code: i.weight for i in self.instruments}

    def instrument_scores(self, indicators: dict[int, float]) -> dict[str, float] | None:
        """Mean indicator score per instrument, or None unless every indicator is present."""
        if not self.indicators or any(i.no not in indicators for i in self.indicators):
            return None
        out: dict[str, float] = {}
        for code in self.weights:
            scores = [indicators[i.no] for i in self.indicators if i.instrument == code]
            out[code] = sum(scores) / len(scores)
        return out

    def overall(self, indicators: dict[int, float]) -> float | None:
        """The overall score the framework gives these indicator scores (None when incomplete)."""
        by_instrument = self.instrument_scores(indicators)
        if by_instrument is None:
            return None
        return sum(self.weights[code] * score for code, score in by_instrument.items())

    def grade(self, score: float, instruments: dict[str, float] | None = None) -> str:
        """The grade or pass label for an overall score (and instrument scores where bands need them)."""
        for band in self.grades:
            if score < band.min_score:
                continue
            if band.min_instrument_score is not None and (
                instruments is None or min(instruments.values()) < band.min_instrument_score
            ):
                continue
            return band.label
        return self.grades[-1].label

    def letter(self, score: float) -> str | None:
        """The letter a score earns, or None in a year without letters (the five-index years)."""
        return next((band.label for band in self.letters if score >= band.min_score), None)

    def result_contradictions(
        self, score: float, grade: str | None, rating: str | None
    ) -> list[tuple[str, str]]:
        """How a quoted letter or pass label disagrees with the score beside it, in English and Thai: one of
        them was typed wrong. A label is held to the pass mark only: the instrument scores ผ่านดี and
        ผ่านดีเยี่ยม also need are rarely quoted beside it, and that rule is unverified."""
        said = []
        band = next((band for band in self.grades if band.label == rating), None)
        mark = self.pass_mark
        if band is not None and mark is not None and (band.min_score >= mark) != (score >= mark):
            if band.min_score >= mark:
                said.append(
                    (
                        f"rated {rating} with {score:g}, below the pass mark {mark:g}",
                        f"ได้ผล '{rating}' ด้วยคะแนน {score:g} ซึ่งต่ำกว่าเกณฑ์ผ่าน {mark:g}",
                    )
                )
            else:
                said.append(
                    (
                        f"rated {rating} with {score:g}, at or above the pass mark {mark:g}",
                        f"ได้ผล '{rating}' ทั้งที่คะแนน {score:g} ถึงเกณฑ์ผ่าน {mark:g}",
                    )
                )
        letter = self.letter(score)
        if grade and letter and grade != letter:
            said.append(
                (
                    f"graded {grade} with {score:g}, which is {letter}",
                    f"ได้ระดับ {grade} ด้วยคะแนน {score:g} ซึ่งตรงกับระดับ {letter}",
                )
            )
        return said

    def is_consistent(self, quoted: float, computed: float) -> bool:
        """Whether a quoted overall agrees with the one computed from the indicators, within the tolerance."""
        return abs(quoted - computed) <= self.score_tolerance


def load(path: Path) -> Framework:
    raw = json.loads(path.read_text(encoding="utf-8"))
    grades = tuple(Grade(g["label"], g["min_score"], g.get("min_instrument_score")) for g in raw["grades"])
    quoted = tuple(Grade(g["label"], g["min_score"]) for g in raw.get("letters_quoted", []))
    return Framework(
        fiscal_year=raw["fiscal_year"],
        model=raw["model"],
        grade_scheme=raw["grade_scheme"],
        pass_mark=raw.get("pass_mark"),
        pass_share_target=raw.get("pass_share_target"),
        score_tolerance=raw["score_tolerance"],
        instruments=tuple(
            Instrument(i["code"], i["name_th"], i["name_en"], i["weight"]) for i in raw["instruments"]
        ),
        indicators=tuple(
            Indicator(i["no"], i["name_th"], i["name_en"], i["instrument"]) for i in raw["indicators"]
        ),
        grades=grades,
        letters=grades if raw["grade_scheme"] == "letters" else quoted,
        note=raw.get("note", ""),
    )


def frameworks() -> dict[int, Framework]:
    """Every fiscal year's framework in FRAMEWORK_DIR, keyed by B.E. year."""
    return _frameworks_in(FRAMEWORK_DIR)


@cache
def _frameworks_in(directory: Path) -> dict[int, Framework]:
    loaded = (load(p) for p in sorted(directory.glob("*.json")))
    return {f.fiscal_year: f for f in loaded}


def for_year(fiscal_year: int) -> Framework | None:
    """The framework of a year, or None for a year whose framework is not in data/framework yet."""
    return frameworks().get(fiscal_year)


def for_measures(fiscal_year: int | None) -> Framework:
    """The ten-indicator framework a year's measures aim at: the year's own, else the newest before it.

    Agencies write a year's measures before the NACC publishes that year's framework. Without a year,
    the newest; for a year before the first ten-indicator framework, the first.
    """
    return _for_measures_in(FRAMEWORK_DIR, fiscal_year)


@cache
def _for_measures_in(directory: Path, fiscal_year: int | None) -> Framework:
    ten_indicators = [f for _, f in sorted(_frameworks_in(directory).items()) if f.model == "ita10"]
    earlier = [f for f in ten_indicators if fiscal_year is None or f.fiscal_year <= fiscal_year]
    return earlier[-1] if earlier else ten_indicators[0]
