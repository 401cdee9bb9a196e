"""How well the report parser reads the layout zoo (tests/fixtures/layouts), field by field.

Run: .venv/bin/python bench/layout_zoo.py [--misses]

Prints, per document and format, the expected fields the parse got right, the totals for the documents
the parser was developed on and for those held out of tuning (`"held_out": true`), and how often the
linker's primary indicator is the labelled one (`"primary"` per measure), split into parse errors (the
measure itself was read wrong) and linking errors.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ita.errors import ItaError  # noqa: E402
from ita.linking import link_measure  # noqa: E402
from tests.layouts import checks, layouts, parse_layout  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every field parsed wrong")
    args = parser.parse_args()
    fields: Counter[tuple[bool, bool]] = Counter()  # (held out, right) → fields
    links: Counter[tuple[bool, str]] = Counter()  # (held out, outcome) → measures
    with tempfile.TemporaryDirectory() as folder:
        for layout in layouts():
            for suffix in layout.formats:
                try:
                    doc = parse_layout(layout, suffix, Path(folder))
                except ItaError as error:
                    print(f"{layout.name}{suffix}: rejected: {error.reason}")
                    total = len(checks_of_nothing(layout.expected))
                    fields[layout.held_out, False] += total
                    links[layout.held_out, "parse error"] += len(layout.expected["measures"])
                    continue
                results = checks(doc, layout.expected)
                right = sum(c.ok for c in results)
                fields[layout.held_out, True] += right
                fields[layout.held_out, False] += len(results) - right
                print(f"{layout.name}{suffix}: {right} of {len(results)} fields right")
                if args.misses:
                    for c in results:
                        if not c.ok:
                            print(f"    {c.field}: expected {c.expected!r}, got {c.got!r}")
                if suffix == layout.source.suffix:
                    for outcome in link_outcomes(doc, layout.expected):
                        links[layout.held_out, outcome] += 1
    for held_out, label in ((False, "development set"), (True, "held out of tuning")):
        right, wrong = fields[held_out, True], fields[held_out, False]
        if right + wrong:
            print(f"{label}: {right} of {right + wrong} fields right ({right / (right + wrong):.0%})")
        outcomes = {o: n for (h, o), n in links.items() if h == held_out}
        if outcomes:
            print(
                f"  linking, {sum(outcomes.values())} measures: "
                + ", ".join(f"{o} {n}" for o, n in sorted(outcomes.items()))
            )


def checks_of_nothing(expected: dict) -> list:
    """The checks a document would have had: all wrong when the parser rejected it."""
    measures = sum(len([k for k in m if k != "primary"]) for m in expected["measures"])
    assessments = sum(len(a) for a in expected["assessments"])
    scalars = len(expected["agency"]) + 3 + ("report_period" in expected) + 2
    return [None] * (measures + assessments + scalars)


def link_outcomes(doc, expected: dict) -> list[str]:
    """Per labelled measure: 'right', 'linking error' (read right, linked wrong) or 'parse error'."""
    out = []
    for index, labelled in enumerate(expected["measures"]):
        measure = doc.measures[index] if index < len(doc.measures) else None
        if measure is None or measure.title != labelled["title"] or measure.group != labelled.get("group"):
            out.append("parse error")
            continue
        targets = link_measure(
            measure.title, measure.steps, measure.result, measure.group, fiscal_year=doc.fiscal_year
        )
        out.append("right" if targets and targets[0].indicator_no == labelled["primary"] else "linking error")
    return out


if __name__ == "__main__":
    main()
