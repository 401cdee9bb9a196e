"""Fuzz the parsers: random and mutated input must raise nothing but our own ParseError/RejectedError.

Run: .venv/bin/python bench/fuzz_parsers.py [--minutes 10]
Mutations start from the real seed documents (so the fuzzer reaches deep into table reading) and
from random bytes and random sheet rows. Any other exception is printed with the input that caused it.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ita.errors import ItaError  # noqa: E402
from ita.parse.report import parse_report, parse_report_lines  # noqa: E402
from ita.parse.sheet import parse_sheet, parse_sheet_rows  # noqa: E402

SEED_LINES = [
    p.read_text(encoding="utf-8").splitlines() for p in sorted((ROOT / "data" / "documents").glob("*.txt"))
]
ALPHABET = "\t<>/p ulimaxyz๐๑๒๓๔๕๖๗๘๙.-–()✓ต.ค.มี.ค.๒๕๖๕ตัวชี้วัดที่คะแนนระดับมาตรการผู้รับผิดชอบระยะเวลาผ่านAABEITOIT0123456789\n"


def mutate_lines(rng: random.Random) -> list[str]:
    lines = list(rng.choice(SEED_LINES))
    for _ in range(rng.randint(1, 12)):
        op = rng.randrange(5)
        i = rng.randrange(len(lines)) if lines else 0
        if op == 0 and lines:
            del lines[i]
        elif op == 1 and lines:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2 and lines:
            cut = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:cut] + "".join(rng.choices(ALPHABET, k=rng.randint(0, 20))) + lines[i][cut:]
        elif op == 3 and lines:
            lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
        else:
            lines.insert(i, "".join(rng.choices(ALPHABET, k=rng.randint(0, 80))))
    return lines


def random_rows(rng: random.Random) -> list[list]:
    header = rng.sample(
        ["หน่วยงาน", "จังหวัด", "อำเภอ", "ปีงบประมาณ", "คะแนน", "ระดับ", "ตัวชี้วัดที่ 1", "IIT", "x"], 5
    )
    values = ["เทศบาลนครขอนแก่น", "อบต.นาขุม", "2566", "๒๕๖๖", "88.5", "-1", "abc", "", None, 3.5, "AA", "ผ่าน"]
    return [header] + [[rng.choice(values) for _ in header] for _ in range(rng.randint(0, 6))]


def one_case(rng: random.Random, folder: Path) -> None:
    kind = rng.randrange(4)
    if kind == 0:
        parse_report_lines(mutate_lines(rng), "fuzz.txt")
    elif kind == 1:
        parse_sheet_rows(random_rows(rng), "fuzz.csv")
    else:
        suffix = rng.choice([".txt", ".html", ".docx", ".csv", ".xlsx"])
        path = folder / f"fuzz{suffix}"
        data = "\n".join(mutate_lines(rng)).encode(rng.choice(["utf-8", "cp874", "utf-16"]), errors="ignore")
        path.write_bytes(data if kind == 2 else rng.randbytes(rng.randint(0, 4096)))
        (parse_sheet if suffix in (".csv", ".xlsx") else parse_report)(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.minutes * 60
    cases = failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        while time.monotonic() < deadline:
            try:
                one_case(rng, Path(tmp))
            except ItaError:
                pass
            except Exception:
                failures += 1
                print(
                    f"case {cases} of --seed {args.seed} (deterministic: rerun to replay):", file=sys.stderr
                )
                traceback.print_exc()
            cases += 1
    print(f"{cases} cases in {args.minutes:g} min, {failures} unexpected exceptions")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
