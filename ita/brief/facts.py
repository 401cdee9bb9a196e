"""The numbers of a province brief, read with the dashboard's own queries (so the brief and the pages agree)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

# run("name", **parameters) → the result of queries/<name>.sql: ita.db.run_query on a connection (the
# command line) or the dashboard's cached query (the Overview's download button)
Runner = Callable[..., pd.DataFrame]
RANKED = 10  # agencies shown at each end of the ranking: two pages hold 20 rows, not a province's hundreds
RED_FLAGS = 6
WEAKEST = 3


@dataclass(frozen=True)
class Brief:
    province: str
    year: int
    include_synthetic: bool
    trend: pd.DataFrame  # score_trend of the province: agencies, mean, share passing and the rules, per year
    national: pd.DataFrame  # national_results
    grades: pd.DataFrame  # grade_distribution of the year and the year before
    ranking: pd.DataFrame  # agency_ranking of the year, best first
    weakest: pd.DataFrame  # weakest_indicators, the WEAKEST of them
    red_flags: pd.DataFrame  # untargeted_weak_indicators, the RED_FLAGS weakest (count_total counts all)
    follow_through: pd.DataFrame  # follow_through_status of the year's measures
    sources: pd.DataFrame  # province_sources

    def result(self, year: int) -> pd.Series | None:
        """The province's agencies assessed, mean score and share passing in `year`, if it has results."""
        rows = self.trend[self.trend["fiscal_year"] == year]
        return rows.iloc[0] if len(rows) else None

    @property
    def pass_mark(self) -> float | None:
        """The pass mark of the brief's year, as its framework sets it (none in the five-index years)."""
        return self._rule("pass_mark")

    @property
    def pass_share_target(self) -> float | None:
        """The national target share at or above the pass mark, from the year's framework."""
        return self._rule("pass_share_target")

    def _rule(self, column: str) -> float | None:
        result = self.result(self.year)
        return None if result is None or pd.isna(result[column]) else float(result[column])

    def national_result(self, year: int) -> pd.Series | None:
        rows = self.national[self.national["fiscal_year"] == year]
        return rows.iloc[0] if len(rows) else None

    @property
    def has_synthetic(self) -> bool:
        return bool(self.sources["is_synthetic"].any())

    @property
    def count_red_flags(self) -> int:
        return int(self.red_flags["count_total"].iat[0]) if len(self.red_flags) else 0


def gather(run: Runner, province: str, year: int, *, include_synthetic: bool = True) -> Brief:
    """Everything the brief of `province` (its Thai name) in fiscal `year` shows."""
    scope = {
        "province": province,
        "district": None,
        "agency_type": None,
        "include_synthetic": include_synthetic,
    }
    grades = run("grade_distribution", **scope)
    return Brief(
        province=province,
        year=year,
        include_synthetic=include_synthetic,
        trend=run("score_trend", **scope),
        national=run("national_results"),
        grades=grades[grades["fiscal_year"].isin([year - 1, year])],
        ranking=run("agency_ranking", **scope, fiscal_year=year),
        weakest=run("weakest_indicators", **scope, fiscal_year=year).head(WEAKEST),
        red_flags=run("untargeted_weak_indicators", **scope, fiscal_year=year, indicator=None).head(
            RED_FLAGS
        ),
        follow_through=run("follow_through_status", **scope, fiscal_year=year, indicator=None),
        sources=run(
            "province_sources", province=province, fiscal_year=year, include_synthetic=include_synthetic
        ),
    )
