"""Ruled tables from their lines: the grid of rows and columns, and which cells are merged.

The same code reads the vector lines of a PDF page (points) and the lines OpenCV finds on a scan
(pixels). A cell whose line to its right is missing spans into the next column; one whose line below
is missing runs on into the next row, and that row's cell reads empty, as a Word table's continued
vertical merge does (ita/parse/reader.py), so the table reader sees one model for every format.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """A horizontal line at y=`at` from x=`start` to `end`, or a vertical one at x=`at` from y=`start`."""

    horizontal: bool
    at: float
    start: float
    end: float


@dataclass(frozen=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    def holds(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom


@dataclass
class Table:
    box: Box
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    # cell (row, column) → the merged region it belongs to, named by its top-left cell
    owner: dict[tuple[int, int], tuple[int, int]]

    def region(self, row: int, column: int) -> Box:
        """The box of the region whose top-left cell is (row, column)."""
        last_row = max(r for (r, c), o in self.owner.items() if o == (row, column))
        last_column = max(c for (r, c), o in self.owner.items() if o == (row, column))
        return Box(self.xs[column], self.ys[row], self.xs[last_column + 1], self.ys[last_row + 1])

    def regions(self) -> list[tuple[int, int]]:
        """Top-left cells of the regions, row by row."""
        return sorted(set(self.owner.values()))

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        """The region (by its top-left cell) holding the point, or None outside the table."""
        if not self.box.holds(x, y):
            return None
        column = next((c for c in range(len(self.xs) - 1) if x <= self.xs[c + 1]), len(self.xs) - 2)
        row = next((r for r in range(len(self.ys) - 1) if y <= self.ys[r + 1]), len(self.ys) - 2)
        return self.owner[(row, column)]


def find_tables(rules: list[Rule], tolerance: float, min_size: float) -> list[Table]:
    """Tables drawn by `rules`: groups of crossing lines with at least two rows of cells or two columns,
    each at least `min_size` across; lines closer than `tolerance` count as one."""
    horizontal = _merge([r for r in rules if r.horizontal], tolerance)
    vertical = _merge([r for r in rules if not r.horizontal], tolerance)
    tables = []
    for hs, vs in _connected(horizontal, vertical, tolerance):
        table = _grid(hs, vs, tolerance)
        if table and table.box.x1 - table.box.x0 >= min_size and table.box.bottom - table.box.top >= min_size:
            tables.append(table)
    return sorted(tables, key=lambda t: (t.box.top, t.box.x0))


def _merge(rules: list[Rule], tolerance: float) -> list[Rule]:
    """Collinear pieces joined: a border drawn cell by cell is one line."""
    merged: list[Rule] = []
    for rule in sorted(rules, key=lambda r: (round(r.at / tolerance), r.start)):
        last = merged[-1] if merged else None
        touching = last and rule.start <= last.end + tolerance and rule.end >= last.start - tolerance
        if touching and abs(last.at - rule.at) <= tolerance:
            start, end = min(last.start, rule.start), max(last.end, rule.end)
            merged[-1] = Rule(last.horizontal, (last.at + rule.at) / 2, start, end)
        else:
            merged.append(rule)
    return merged


def _crosses(h: Rule, v: Rule, tolerance: float) -> bool:
    return (
        h.start - tolerance <= v.at <= h.end + tolerance and v.start - tolerance <= h.at <= v.end + tolerance
    )


def _connected(
    horizontal: list[Rule], vertical: list[Rule], tolerance: float
) -> list[tuple[list[Rule], list[Rule]]]:
    """Groups of lines that touch one another: one group per table."""
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if _crosses(h, v, tolerance):
                parent[find(i)] = find(len(horizontal) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), ([], []))[1].append(v)
    return [(hs, vs) for hs, vs in groups.values() if len(hs) >= 2 and len(vs) >= 2]


def _cluster(values: list[float], tolerance: float) -> list[float]:
    out: list[list[float]] = []
    for value in sorted(values):
        if out and value - out[-1][-1] <= tolerance:
            out[-1].append(value)
        else:
            out.append([value])
    return [sum(group) / len(group) for group in out]


def _grid(horizontal: list[Rule], vertical: list[Rule], tolerance: float) -> Table | None:
    ys = _cluster([h.at for h in horizontal], tolerance)
    xs = _cluster([v.at for v in vertical], tolerance)
    if len(ys) < 2 or len(xs) < 2:
        return None

    def ruled_across(y: float, x0: float, x1: float) -> bool:
        middle = (x0 + x1) / 2
        return any(abs(h.at - y) <= tolerance and h.start <= middle <= h.end for h in horizontal)

    def ruled_down(x: float, y0: float, y1: float) -> bool:
        middle = (y0 + y1) / 2
        return any(abs(v.at - x) <= tolerance and v.start <= middle <= v.end for v in vertical)

    rows, columns = len(ys) - 1, len(xs) - 1
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r in range(rows):
        for c in range(columns):
            if c and not ruled_down(xs[c], ys[r], ys[r + 1]):
                owner[(r, c)] = owner[(r, c - 1)]  # spans from the left
            elif r and not ruled_across(ys[r], xs[c], xs[c + 1]) and owner[(r - 1, c)][1] == c:
                owner[(r, c)] = owner[(r - 1, c)]  # runs on from above
            else:
                owner[(r, c)] = (r, c)
    return Table(Box(xs[0], ys[0], xs[-1], ys[-1]), xs, ys, owner)
