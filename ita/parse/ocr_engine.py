"""The OCR step behind one small interface: images of a page's cells → their text lines with confidences.

`TesseractEngine` runs Debian's tesseract with its Thai model once per page: every crop goes into one
call (a list of image files), so the model loads once however many cells the page has. Another engine
(a Thai vision-language model on a GPU, say) only has to implement `OcrEngine.read`; ITA_OCR_ENGINE
chooses one by name.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np

from ita.parse.page_layout import TextLine, Word, ocr_line

TESSERACT_LANGUAGES = "tha"
_PAGE_SEGMENTATION = "6"  # each crop is one block of text
_TIMEOUT_SECONDS = 300


class OcrEngine(Protocol):
    name: str

    def read(self, crops: Sequence[np.ndarray]) -> list[list[TextLine]]:
        """For each crop (a grey image of one cell or text area), its lines in the crop's pixel
        coordinates, each with its words' lowest confidence (0–100)."""
        ...


class OcrError(RuntimeError):
    """The OCR program failed on an image it was given."""


class TesseractEngine:
    name = "tesseract"

    def __init__(self, executable: str, languages: str = TESSERACT_LANGUAGES) -> None:
        self.executable = executable
        self.languages = languages

    def read(self, crops: Sequence[np.ndarray]) -> list[list[TextLine]]:
        import cv2

        if not crops:
            return []
        with tempfile.TemporaryDirectory(prefix="ita-ocr-") as folder:
            paths = []
            for n, crop in enumerate(crops):
                path = Path(folder) / f"{n:04d}.png"
                cv2.imwrite(str(path), crop, [cv2.IMWRITE_PNG_COMPRESSION, 1])
                paths.append(str(path))
            listing = Path(folder) / "crops.txt"
            listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
            command = [
                self.executable,
                str(listing),
                "stdout",
                "-l",
                self.languages,
                "--psm",
                _PAGE_SEGMENTATION,
            ]
            command += ["-c", "preserve_interword_spaces=1", "tsv"]
            env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
            done = subprocess.run(
                command, capture_output=True, timeout=_TIMEOUT_SECONDS, env=env, check=False
            )
        if done.returncode != 0:
            raise OcrError(done.stderr.decode("utf-8", "replace").strip()[-300:])
        return _lines_from_tsv(done.stdout.decode("utf-8"), len(crops))


def _lines_from_tsv(tsv: str, crops: int) -> list[list[TextLine]]:
    """Tesseract's word table → lines per crop (its page_num counts the images from 1)."""
    words: dict[tuple[int, int, int, int], list[dict[str, str]]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") != "5" or not (row.get("text") or "").strip():
            continue
        key = (int(row["page_num"]), int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        words.setdefault(key, []).append(row)
    out: list[list[TextLine]] = [[] for _ in range(crops)]
    for (page, *_), line in sorted(words.items()):
        out[page - 1].append(ocr_line([_word(w) for w in line]))
    return out


def _word(row: dict[str, str]) -> Word:
    left, top, width, height = (int(row[key]) for key in ("left", "top", "width", "height"))
    return Word(row["text"].strip(), left, top, left + width, top + height, float(row["conf"]))


@cache
def default_engine() -> OcrEngine | None:
    """The engine ITA_OCR_ENGINE names (default: tesseract), or None when it is not installed."""
    choice = os.environ.get("ITA_OCR_ENGINE", "tesseract")
    if choice != "tesseract":
        raise ValueError(f"unknown OCR engine {choice!r} (ITA_OCR_ENGINE): known engines: tesseract")
    executable = shutil.which("tesseract")
    if executable is None or not _has_language(executable, TESSERACT_LANGUAGES):
        return None
    return TesseractEngine(executable)


def _has_language(executable: str, language: str) -> bool:
    listed = subprocess.run([executable, "--list-langs"], capture_output=True, timeout=30, check=False)
    return language in listed.stdout.decode("utf-8", "replace").split()
