"""How well the report parser reads the layout zoo (tests/fixtures/layouts), field by field.

Run: .venv/bin/python bench/layout_zoo.py [--misses] [--scans] [--batch A B]

Prints, per document and format, the expected fields the parse got right; the totals per batch (A: the
documents the parser was built on; B, C, D: written later and parsed once before any change for them); and
how often the linker's primary indicator is the labelled one (`"primary"` per measure), split into parse
errors (the measure itself was read wrong) and linking errors.
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
    parser.add_argument(
        "--scans",
        action="store_true",
        help="also print and scan each document at 300 dpi and read it by OCR (slow)",
    )
    parser.add_argument("--batch", nargs="*", help="only these batches (A B C D)")
    args = parser.parse_args()
    fields: Counter[tuple[str, bool]] = Counter()  # (batch, right) → fields
    links: Counter[tuple[str, str]] = Counter()  # (batch, outcome) → measures
    with tempfile.TemporaryDirectory() as folder:
        for layout in layouts():
            if args.batch and layout.batch not in args.batch:
                continue
            for suffix in layout.formats + (
                (".scan.pdf",) if args.scans and ".pdf" in layout.formats else ()
            ):
                try:
                    doc = parse_layout(layout, suffix, Path(folder))
                except ItaError as error:
                    print(f"{layout.name}{suffix}: rejected: {error.reason}")
                    total = len(checks_of_nothing(layout.expected))
                    fields[layout.batch, False] += total
                    if suffix == layout.written_as:  # linking is counted on the source format only
                        links[layout.batch, "parse error"] += len(layout.expected["measures"])
                    continue
                results = checks(doc, layout.expected)
                right = sum(c.ok for c in results)
                fields[layout.batch, True] += right
                fields[layout.batch, False] += len(results) - right
                print(f"{layout.name}{suffix}: {right} of {len(results)} fields right")
                if args.misses:
                    for c in results:
                        if not c.ok:
                            print(f"    {c.field}: expected {c.expected!r}, got {c.got!r}")
                if suffix == layout.written_as:
                    for outcome in link_outcomes(doc, layout.expected):
                        links[layout.batch, outcome] += 1
    for batch in sorted({b for b, _ in fields}):
        right, wrong = fields[batch, True], fields[batch, False]
        print(f"batch {batch}: {right} of {right + wrong} fields right ({right / (right + wrong):.0%})")
        outcomes = {o: n for (b, o), n in links.items() if b == batch}
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
    """Per labelled measure: 'right', a linking error (read right, linked wrong; the labelled indicator
    may still be among the targets) or 'parse error'."""
    out = []
    for index, labelled in enumerate(expected["measures"]):
        measure = doc.measures[index] if index < len(doc.measures) else None
        if measure is None or measure.title != labelled["title"] or measure.group != labelled.get("group"):
            out.append("parse error")
            continue
        targets = link_measure(
            measure.title, measure.steps, measure.result, measure.group, fiscal_year=doc.fiscal_year
        )
        ranked = [t.indicator_no for t in targets]
        if ranked[:1] == [labelled["primary"]]:
            out.append("right")
        else:
            out.append(
                "linking error, labelled among targets" if labelled["primary"] in ranked else "linking error"
            )
    return out


if __name__ == "__main__":
    main()
