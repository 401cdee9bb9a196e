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
import re
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
LATIN_LANGUAGE = "eng"
_PAGE_SEGMENTATION = "6"  # each crop is one block of text
_TIMEOUT_SECONDS = 300
# Symbols Thai text does not use, which the Thai model makes of Latin letters.
# ... and a grade (ระดับ A) it read as a stroke
_THAI_LETTER_RE = re.compile(r"[\u0e01-\u0e2e]")
_LATIN_SUSPECT_RE = re.compile(r"[|\[\]!{}]|ระดับ\s*[^\u0e01-\u0e5bA-F\s]")
_LATIN_WORD_RE = re.compile(r"\(?[A-Za-z]{2,}[A-Za-z0-9.)-]*|(?P<grade>AA|[A-F])")  # ITA, (IIT), E-Service


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
        if not crops:
            return []
        lines = _lines_from_tsv(self._tsv(crops, self.languages, _PAGE_SEGMENTATION), len(crops))
        if self.latin:
            lines = self._latin_read_again(crops, lines)
        return lines

    @property
    def latin(self) -> bool:
        return _has_language(self.executable, LATIN_LANGUAGE)

    def _tsv(self, images: Sequence[np.ndarray], languages: str, segmentation: str) -> str:
        """Tesseract's word table for all `images` in one call, so its model loads once."""
        import cv2

        with tempfile.TemporaryDirectory(prefix="ita-ocr-") as folder:
            paths = []
            for n, image in enumerate(images):
                path = Path(folder) / f"{n:04d}.png"
                cv2.imwrite(str(path), image, [cv2.IMWRITE_PNG_COMPRESSION, 1])
                paths.append(str(path))
            listing = Path(folder) / "images.txt"
            listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
            command = [self.executable, str(listing), "stdout", "-l", languages, "--psm", segmentation]
            command += ["-c", "preserve_interword_spaces=1", "tsv"]
            env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
            done = subprocess.run(
                command, capture_output=True, timeout=_TIMEOUT_SECONDS, env=env, check=False
            )
        if done.returncode != 0:
            raise OcrError(done.stderr.decode("utf-8", "replace").strip()[-300:])
        return done.stdout.decode("utf-8")

    def _latin_read_again(
        self, crops: Sequence[np.ndarray], lines: list[list[TextLine]]
    ) -> list[list[TextLine]]:
        """Lines where the Thai model turned Latin letters into symbols ("|โก," for ITA, "(|[1)" for
        IIT) read again with the Thai and English models together, in one more call: the pair is
        slower, and few lines have English words."""
        suspects = [
            (c, n)
            for c, crop_lines in enumerate(lines)
            for n, line in enumerate(crop_lines)
            if _LATIN_SUSPECT_RE.search(line.text)
        ]
        if not suspects:
            return lines
        images = []
        for c, n in suspects:
            line, crop = lines[c][n], crops[c]
            y0, y1 = max(0, int(line.top) - 8), min(crop.shape[0], int(line.bottom) + 8)
            x0, x1 = max(0, int(line.x0) - 6), min(crop.shape[1], int(line.x1) + 6)
            images.append((_padded(crop[y0:y1, x0:x1]), x0 - 10, y0 - 10))
        languages = f"{self.languages}+{LATIN_LANGUAGE}"
        read = _lines_from_tsv(self._tsv([image for image, _, _ in images], languages, "7"), len(images))
        for (c, n), (_, dx, dy), found in zip(suspects, images, read, strict=True):
            latin = [
                Word(w.text, w.x0 + dx, w.top + dy, w.x1 + dx, w.bottom + dy, w.confidence)
                for line in found
                for w in line.words
                if _LATIN_WORD_RE.fullmatch(w.text)
            ]
            if latin:
                lines[c][n] = ocr_line(_with_latin(list(lines[c][n].words), latin))
        return lines


def _with_latin(words: list[Word], latin: list[Word]) -> list[Word]:
    """The Thai model's words with the English words laid over the ones they cover."""
    for word in latin:
        covered = [w for w in words if word.x0 - 2 <= (w.x0 + w.x1) / 2 <= word.x1 + 2]
        if _LATIN_WORD_RE.fullmatch(word.text)["grade"] and any(
            _THAI_LETTER_RE.search(w.text) for w in covered
        ):
            continue  # a lone capital is a grade only where the Thai model saw no Thai
        if covered:
            at = words.index(covered[0])
            words = [w for w in words if w not in covered]
            words.insert(at, word)
    return words


def _padded(image: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.copyMakeBorder(image, 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=255)


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


@cache
def _has_language(executable: str, language: str) -> bool:
    listed = subprocess.run([executable, "--list-langs"], capture_output=True, timeout=30, check=False)
    return language in listed.stdout.decode("utf-8", "replace").split()
