"""The province brief for the provincial meeting: headline numbers against the nation and last year, grades,
ranking, weakest indicators, red flags, follow-through and provenance, on at most two printed A4 pages.

Made by `python -m ita brief` and by the Overview's download button, from the same queries as the pages.
"""

from __future__ import annotations

from ita.brief.facts import Brief, Runner, gather
from ita.brief.render import render


def html(run: Runner, province: str, year: int, *, lang: str = "th", include_synthetic: bool = True) -> str:
    """The brief of `province` (its Thai name) in fiscal `year` as one self-contained HTML page."""
    return render(gather(run, province, year, include_synthetic=include_synthetic), lang)


__all__ = ["Brief", "Runner", "gather", "html", "render"]
