"""Accuracy of the measure linker on hand-labelled measures that are not in the repository.

Run: .venv/bin/python bench/linking_accuracy.py LABELS.csv [LABELS.csv ...] [--misses]

Each CSV has one labelled measure per row: title, steps (items joined with " | "), result, group_heading,
fiscal_year (B.E., may be empty), primary_indicator; other columns (the source, secondary indicators,
a rationale) are kept for the labeller and ignored here. Label the measures before running this on them:
a set the linker was tuned on no longer says how it does on documents nobody has seen. Prints, per file and in all: measures, primary right, primary among the linker's
targets, measures with no target; --misses lists every wrong primary with the linker's evidence.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ita.linking import Target, link_measure  # noqa: E402


@dataclass(frozen=True)
class Labelled:
    title: str
    steps: list[str]
    result: str | None
    group: str | None
    fiscal_year: int | None
    primary: int


@dataclass(frozen=True)
class Outcome:
    measure: Labelled
    targets: list[Target]

    @property
    def right(self) -> bool:
        return bool(self.targets) and self.targets[0].indicator_no == self.measure.primary

    @property
    def among(self) -> bool:
        return any(t.indicator_no == self.measure.primary for t in self.targets)


def read_labels(path: Path) -> list[Labelled]:
    with path.open(encoding="utf-8", newline="") as f:
        return [
            Labelled(
                title=row["title"],
                steps=[s.strip() for s in (row.get("steps") or "").split(" | ") if s.strip()],
                result=row.get("result") or None,
                group=row.get("group_heading") or None,
                fiscal_year=int(row["fiscal_year"]) if (row.get("fiscal_year") or "").strip() else None,
                primary=int(row["primary_indicator"]),
            )
            for row in csv.DictReader(f)
        ]


def evaluate(measures: list[Labelled]) -> list[Outcome]:
    return [
        Outcome(m, link_measure(m.title, m.steps, m.result, m.group, fiscal_year=m.fiscal_year))
        for m in measures
    ]


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95 % interval of a share, sound at small n and shares near 1."""
    share = hits / n
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def summary_row(name: str, outcomes: list[Outcome]) -> str:
    n = len(outcomes)
    right = sum(o.right for o in outcomes)
    low, high = wilson(right, n)
    return (
        f"| {name} | {n} | {right} ({right / n:.0%}; 95 % {low:.0%}–{high:.0%}) "
        f"| {sum(o.among for o in outcomes)} | {sum(not o.targets for o in outcomes)} |"
    )


def describe_miss(o: Outcome) -> str:
    found = "; ".join(f"{t.indicator_no}: {', '.join(t.evidence)}" for t in o.targets) or "no target"
    return f"- labelled {o.measure.primary}, linked {found} — {o.measure.title[:90]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", nargs="+", type=Path)
    parser.add_argument("--misses", action="store_true", help="list every wrong primary")
    args = parser.parse_args()
    print("| set | measures | primary right | primary among the targets | no target |")
    print("|---|---:|---:|---:|---:|")
    everything: list[Outcome] = []
    for path in args.labels:
        outcomes = evaluate(read_labels(path))
        everything += outcomes
        print(summary_row(path.name, outcomes))
    if len(args.labels) > 1:
        print(summary_row("all", everything))
    if args.misses:
        print()
        print("\n".join(describe_miss(o) for o in everything if not o.right))


if __name__ == "__main__":
    main()
