"""Coverage-guided fuzzing of the parsers with atheris (libFuzzer): only our own ItaError may escape.

Run: .venv/bin/pip install atheris && .venv/bin/python bench/fuzz_atheris.py -max_total_time=600
(any libFuzzer flag passes through). Where bench/fuzz_parsers.py mutates at random, atheris keeps the
inputs that reach new code: it starts from the real seed documents and a score sheet, and its bytes are
decoded as lines of a report or rows of a sheet, or written to a file of each kind the readers open
(bytes, encodings, .docx and .xlsx packages), so every layer from file reading to table parsing is
reached. A crash is saved as crash-<sha1> in the working directory; replay it by passing its path.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports():
    from ita.errors import ItaError
    from ita.parse.report import parse_report, parse_report_lines
    from ita.parse.sheet import parse_sheet, parse_sheet_rows

SUFFIXES = (".txt", ".html", ".docx", ".csv", ".xlsx")
FOLDER = Path(tempfile.mkdtemp(prefix="fuzz_atheris_"))


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    kind = fdp.ConsumeIntInRange(0, 2)
    try:
        if kind == 0:
            parse_report_lines(fdp.ConsumeUnicodeNoSurrogates(len(data)).splitlines(), "fuzz.txt")
        elif kind == 1:
            text = fdp.ConsumeUnicodeNoSurrogates(len(data))
            parse_sheet_rows([line.split(",") for line in text.splitlines()], "fuzz.csv")
        else:
            suffix = SUFFIXES[fdp.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
            path = FOLDER / f"fuzz{suffix}"
            path.write_bytes(fdp.ConsumeBytes(len(data)))
            (parse_sheet if suffix in (".csv", ".xlsx") else parse_report)(path)
    except ItaError:
        pass


def seed_corpus() -> Path:
    """The seeds as first inputs, each under the three ways of reading it (kind byte first)."""
    corpus = FOLDER / "corpus"
    corpus.mkdir()
    texts = [p.read_bytes() for p in sorted((ROOT / "data" / "documents").glob("*.txt"))]
    texts.append("หน่วยงาน,จังหวัด,ปีงบประมาณ,คะแนน\nเทศบาลนครขอนแก่น,ขอนแก่น,2566,88.5\n".encode())
    for i, text in enumerate(texts):
        for kind in range(3):
            (corpus / f"seed{i}_{kind}").write_bytes(
                text + bytes([kind])
            )  # the provider reads ints from the end
    return corpus


def main() -> None:
    flags = [arg for arg in sys.argv if arg.startswith("-")]
    inputs = [arg for arg in sys.argv[1:] if not arg.startswith("-")] or [str(seed_corpus())]
    atheris.Setup([sys.argv[0], *flags, *inputs], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
