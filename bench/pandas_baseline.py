"""What a typical Streamlit app would do instead of queries/*.sql: load the three public views into pandas
on every rerun and compute each page's main aggregates there. bench_pages.py times it against the dashboard.

The frames come from the Parquet exports the Data page offers (ita/ui/exports.py), written once per run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ita import framework
from ita.ui import exports

VIEWS = exports.VIEWS


@dataclass(frozen=True)
class Scope:
    """The sidebar filters of one rerun (the same fields as ita.ui.filters.Filters)."""

    year: int
    province: str | None = None
    agency_type: str | None = None
    agency_id: int | None = None


def export(db_path: Path, folder: Path) -> None:
    """Write v_assessments, v_indicator_scores and v_measures as Parquet files into `folder`."""
    for view in VIEWS:
        frame = exports.view_frame(view, True, db_path)
        (folder / f"{view}.parquet").write_bytes(exports.to_bytes(frame, "parquet"))


def load(folder: Path) -> dict[str, pd.DataFrame]:
    """The three public views, read whole, as the baseline does on every rerun."""
    return {view: pd.read_parquet(folder / f"{view}.parquet") for view in VIEWS}


def _scoped(frame: pd.DataFrame, s: Scope) -> pd.DataFrame:
    keep = pd.Series(True, index=frame.index)
    if s.province is not None:
        keep &= frame["province"] == s.province
    if s.agency_type is not None:
        keep &= frame["agency_type"] == s.agency_type
    return frame[keep]


def overview(v: dict[str, pd.DataFrame], s: Scope) -> list[pd.DataFrame]:
    """Score trend, grade distribution per year, weakest indicators of the year."""
    a = _scoped(v["assessments"], s)
    trend = a.groupby("fiscal_year").agg(
        count_agencies=("score", "size"), mean_score=("score", "mean"), pass_share=("is_passing", "mean")
    )
    scored = a[a["score"].notna()]
    grades = scored.groupby(["fiscal_year", "grade_label"]).size().rename("count_agencies").reset_index()
    grades["share"] = grades["count_agencies"] / grades.groupby("fiscal_year")["count_agencies"].transform(
        "sum"
    )
    i = _scoped(v["indicator_scores"], s)
    i = i[i["fiscal_year"] == s.year]
    weakest = (
        i.assign(is_below=i["score"] < framework.for_year(s.year).pass_mark)
        .groupby("indicator_no")
        .agg(mean_score=("score", "mean"), median_score=("score", "median"), share_below=("is_below", "mean"))
        .sort_values("mean_score")
    )
    return [trend, grades, weakest]


def compare(v: dict[str, pd.DataFrame], s: Scope) -> list[pd.DataFrame]:
    """Ranking with ranks in province and type, the 40 lowest as a heatmap, grade transitions from last year."""
    a = v["assessments"]
    a = a[a["score"].notna()]
    now = a[a["fiscal_year"] == s.year].copy()
    before = a[a["fiscal_year"] == s.year - 1]
    now["rank_in_province"] = now.groupby("province")["score"].rank(method="min", ascending=False)
    now["rank_in_type"] = now.groupby(["province", "agency_type"])["score"].rank(
        method="min", ascending=False
    )
    now["percentile_in_type"] = now.groupby("agency_type")["score"].rank(pct=True)
    ranking = _scoped(now, s).merge(
        before[["agency_id", "score", "grade_label"]], on="agency_id", how="left", suffixes=("", "_previous")
    )
    ranking["change"] = ranking["score"] - ranking["score_previous"]
    ranking = ranking.sort_values(["score", "agency_name"], ascending=[False, True])
    lowest = ranking.nsmallest(40, "score")["assessment_id"]
    i = v["indicator_scores"]
    heatmap = i[i["assessment_id"].isin(lowest)].pivot_table(
        index="agency_id", columns="indicator_no", values="score"
    )
    moves = ranking.dropna(subset=["score_previous"])
    transitions = moves.groupby(["grade_label_previous", "grade_label"]).size()
    return [ranking, heatmap, transitions]


def indicators(v: dict[str, pd.DataFrame], s: Scope, threshold: float | None = None) -> list[pd.DataFrame]:
    """Points lost per indicator, spread by agency type, agencies below the threshold (default: the year's pass
    mark) for consecutive years."""
    threshold = framework.for_year(s.year).pass_mark if threshold is None else threshold
    i = _scoped(v["indicator_scores"], s)
    year = i[i["fiscal_year"] == s.year]
    per_instrument = year.groupby("instrument")["indicator_no"].transform("nunique")
    weight = year["instrument"].map(framework.for_year(s.year).weights).astype("float64") / per_instrument
    points = (
        year.assign(points_lost=weight * (100 - year["score"]))
        .groupby("indicator_no")
        .agg(mean_score=("score", "mean"), mean_points_lost=("points_lost", "mean"))
        .sort_values("mean_points_lost", ascending=False)
    )
    spread = year.groupby(["indicator_no", "agency_type"])["score"].describe()
    below = i[(i["fiscal_year"] <= s.year) & (i["score"] < threshold)]
    now = below[below["fiscal_year"] == s.year][["agency_id", "indicator_no"]]
    history = below.merge(now, on=["agency_id", "indicator_no"]).sort_values("fiscal_year", ascending=False)
    history["back"] = history.groupby(["agency_id", "indicator_no"]).cumcount() + 1
    unbroken = history[s.year - history["fiscal_year"] + 1 == history["back"]]
    streaks = unbroken.groupby(["agency_id", "indicator_no"]).size().rename("count_years_below")
    return [points, spread, streaks.sort_values(ascending=False).head(500)]


def follow_through(v: dict[str, pd.DataFrame], s: Scope) -> list[pd.DataFrame]:
    """Status shares, measures per target indicator, weak indicators no measure targets, the first 500 measures."""
    m = _scoped(v["measures"], s)
    m = m[m["fiscal_year"] == s.year]
    status = (
        m.assign(status=m["status"].fillna("unknown"))
        .groupby("status")
        .agg(count_measures=("measure_id", "size"), count_agencies=("agency_id", "nunique"))
    )
    status["share"] = status["count_measures"] / len(m)
    targets = m[["agency_id", "target_indicators"]].explode("target_indicators")
    by_target = targets.groupby("target_indicators").size()
    i = _scoped(v["indicator_scores"], s)
    weak = i[(i["fiscal_year"] == s.year - 1) & (i["score"] < framework.for_year(s.year - 1).pass_mark)]
    weak = weak[weak["agency_id"].isin(m["agency_id"].unique())]
    targeted = targets.dropna().rename(columns={"target_indicators": "indicator_no"}).drop_duplicates()
    targeted["indicator_no"] = targeted["indicator_no"].astype(weak["indicator_no"].dtype)
    flags = weak.merge(targeted, on=["agency_id", "indicator_no"], how="left", indicator=True)
    flags = flags[flags["_merge"] == "left_only"].sort_values("score").head(500)
    listing = m.sort_values(["agency_name", "agency_id", "measure_no"]).head(500)
    return [status, by_target, flags, listing]


def agency(v: dict[str, pd.DataFrame], s: Scope) -> list[pd.DataFrame]:
    """One agency's trend, its indicators and instruments beside its peers' medians, its measures by status."""
    a = v["assessments"]
    me = a[a["agency_id"] == s.agency_id]
    trend = me.sort_values("fiscal_year")
    kind, province = me["agency_type"].iat[0], me["province"].iat[0]
    i = v["indicator_scores"]
    near = i[(i["fiscal_year"] == s.year) & (i["province"] == province)]
    peers = near[(near["agency_type"] == kind) & (near["agency_id"] != s.agency_id)]
    own = near[near["agency_id"] == s.agency_id].set_index("indicator_no")["score"]
    indicators_vs_peers = pd.DataFrame(
        {
            "score": own,
            "peer_median": peers.groupby("indicator_no")["score"].median(),
            "province_median": near.groupby("indicator_no")["score"].median(),
        }
    )
    group = a[(a["agency_type"] == kind) & (a["province"] == province) & (a["agency_id"] != s.agency_id)]
    instruments = (
        group.melt(id_vars="fiscal_year", value_vars=["iit", "eit", "oit"], var_name="instrument")
        .groupby(["fiscal_year", "instrument"])["value"]
        .median()
    )
    m = v["measures"]
    measures = m[m["agency_id"] == s.agency_id]
    status = measures.groupby(["fiscal_year", measures["status"].fillna("unknown")]).size()
    return [trend, indicators_vs_peers, instruments, status, measures]


def data(v: dict[str, pd.DataFrame], s: Scope) -> list[pd.DataFrame]:
    """What is loaded: rows per origin and per fiscal year."""
    a, m = v["assessments"], v["measures"]
    inventory = pd.DataFrame(
        {
            "count_agencies": a.groupby("is_synthetic")["agency_id"].nunique(),
            "count_assessments": a.groupby("is_synthetic").size(),
            "count_measures": m.groupby("is_synthetic").size(),
        }
    )
    by_year = pd.DataFrame(
        {
            "count_scored": a.groupby(["fiscal_year", "is_synthetic"]).size(),
            "count_with_measures": m.groupby(["fiscal_year", "is_synthetic"])["agency_id"].nunique(),
            "count_measures": m.groupby(["fiscal_year", "is_synthetic"]).size(),
        }
    )
    return [inventory, by_year]


PAGES = {
    "overview": overview,
    "compare": compare,
    "indicators": indicators,
    "follow_through": follow_through,
    "agency": agency,
    "data": data,
}
