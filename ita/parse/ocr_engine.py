"""The OCR step behind one small interface: images of a page's cells → their text lines with confidences.

`TesseractEngine` runs Debian's tesseract with its Thai model once per page: every crop goes into one
call (a list of image files), so the model loads once however many cells the page has. Another engine
(a Thai vision-language model on a GPU, say) only has to implement `OcrEngine.read`; ITA_OCR_ENGINE
chooses one by name.
"""

from __future__ import annotations

import csv
import io
import itertools
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
_MAX_WORKERS = 4
_MARK_LINE_SHARE = 0.6  # a "line" lower than this share of the letters below it holds only their marks
_LINE_PITCH_MIN = 1.2  # letter heights: lines of text lie at least this far apart, baseline to baseline
_MIN_SHARE_PIXELS = 400_000  # about two table cells at 300 dpi: less is read by one process
# Symbols Thai text does not use, which the Thai model makes of Latin letters, and a grade
# (ระดับ A) it read as a digit or a stroke
_LATIN_SUSPECT_RE = re.compile(r"[|\[\]!{}=%@\"“”<>]|ระดับ\s*[^\u0e01-\u0e5bA-F\s]")
_UNSURE_THAI = 70.0  # a line with a word read below this may hold English the Thai model garbled
_SURE_LATIN_MIN = 70.0
_LATIN_MARGIN = 10.0  # how much surer of a word the English model must be than the Thai one
_THAI_LETTER_RE = re.compile(r"[\u0e01-\u0e2e]")
_LATIN_RUN_RE = re.compile(r"[A-Za-z]+")
_GRADE_RE = re.compile(r"AA|[A-F]")
# an instrument's code, which the Thai model turns into digits or a letter or two ("(1)", "(๐011)")
_INSTRUMENT_RE = re.compile(r"\(?(?:IIT|EIT|OIT)\)?[.,:]?")
_GRADE_BEFORE_RE = re.compile(r"ระดับ\s*$")


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
        lines = self._read(crops, self.languages, _PAGE_SEGMENTATION)
        if self.latin:
            lines = self._latin_read_again(crops, lines)
        return lines

    @property
    def latin(self) -> bool:
        return _has_language(self.executable, LATIN_LANGUAGE)

    def _read(self, images: Sequence[np.ndarray], languages: str, segmentation: str) -> list[list[TextLine]]:
        """Every image's lines: the images shared out, in order, among a few Tesseract processes run at
        once (each loads its model once and reads its share on one core)."""
        shares = _shares([image.size for image in images], _workers())
        with tempfile.TemporaryDirectory(prefix="ita-ocr-") as folder:
            running = [
                self._start(images[start:end], Path(folder) / f"{n}", languages, segmentation)
                for n, (start, end) in enumerate(shares)
            ]
            try:
                outputs = [process.communicate(timeout=_TIMEOUT_SECONDS) for process in running]
            finally:
                for process in running:
                    if process.poll() is None:
                        process.kill()
                        process.wait()
        lines: list[list[TextLine]] = []
        for process, (start, end), (out, err) in zip(running, shares, outputs, strict=True):
            if process.returncode != 0:
                raise OcrError(err.decode("utf-8", "replace").strip()[-300:])
            lines += _lines_from_tsv(out.decode("utf-8"), end - start)
        return lines

    def _start(
        self, images: Sequence[np.ndarray], folder: Path, languages: str, segmentation: str
    ) -> subprocess.Popen[bytes]:
        """Tesseract started on `images` (written into `folder`), giving its word table on stdout."""
        import cv2

        folder.mkdir()
        paths = []
        for n, image in enumerate(images):
            path = folder / f"{n:04d}.png"
            cv2.imwrite(str(path), image, [cv2.IMWRITE_PNG_COMPRESSION, 1])
            paths.append(str(path))
        listing = folder / "images.txt"
        listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
        command = [self.executable, str(listing), "stdout", "-l", languages, "--psm", segmentation]
        command += ["-c", "preserve_interword_spaces=1", "tsv"]
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)

    def _latin_read_again(
        self, crops: Sequence[np.ndarray], lines: list[list[TextLine]]
    ) -> list[list[TextLine]]:
        """Lines where the Thai model may have turned Latin letters into Thai or symbols ("ย11" for
        IIT, "(๐011)" for (OIT), "โ5๊-ว5อห/6อ6" for E-Service) read again with the English model, in
        one more call; an English word replaces the Thai reading it covers where it is surer of it
        (see _english_wins). Suspect are lines with a word read below _UNSURE_THAI or with symbols
        Thai text does not use, few of a page's lines."""
        suspects = [
            (c, n)
            for c, crop_lines in enumerate(lines)
            for n, line in enumerate(crop_lines)
            if _LATIN_SUSPECT_RE.search(line.text) or min(w.confidence for w in line.words) < _UNSURE_THAI
        ]
        if not suspects:
            return lines
        images = []
        for c, n in suspects:
            line, crop = lines[c][n], crops[c]
            top = min(w.top for w in line.words)
            bottom = max(w.bottom for w in line.words)
            y0, y1 = max(0, int(top) - 8), min(crop.shape[0], int(bottom) + 8)
            # the crop's width: the Thai model's boxes may end inside an English word
            images.append((_padded(crop[y0:y1]), -10, y0 - 10))
        read = self._read([image for image, _, _ in images], LATIN_LANGUAGE, "7")
        for (c, n), (_, dx, dy), found in zip(suspects, images, read, strict=True):
            latin = [w.moved(dx, dy) for line in found for w in line.words]
            words = _with_latin(list(lines[c][n].words), latin)
            if words != list(lines[c][n].words):
                lines[c][n] = ocr_line(words)
        return lines


def _with_latin(words: list[Word], latin: list[Word]) -> list[Word]:
    """The Thai model's words with the English words laid over those they cover where they win."""
    for word in latin:
        covered = [w for w in words if word.x0 - 2 <= (w.x0 + w.x1) / 2 <= word.x1 + 2]
        before = words[: words.index(covered[0])] if covered else []
        if covered and _english_wins(word, covered, "".join(w.text for w in before)):
            at = words.index(covered[0])
            words = [w for w in words if w not in covered]
            words.insert(at, word)
    return words


def _english_wins(word: Word, covered: list[Word], before: str) -> bool:
    """Whether the English model's `word` is the better reading of the Thai model's `covered` words.

    It must look like English (a run of three letters: IIT, E-Service, Activities; or two read
    very surely where the Thai reading was not: "No."), or be a grade after ระดับ; and the English
    model must be surer of it than the Thai model was of the least sure word it covers. An
    instrument's code (IIT, EIT, OIT) wins however unsure the English model is of it (it gave
    "(OIT)" 0) wherever the Thai reading holds no Thai letter ("(๐011)") or is unsure. On Thai text
    the English model is unsure ("JOU" for รอบ at 71, Thai 97), and its high-confidence misreadings
    of Thai digits are short ("lo." for ๒.).
    """
    thai = "".join(w.text for w in covered)
    thai_confidence = min(w.confidence for w in covered)
    if thai == word.text:
        return False
    if _INSTRUMENT_RE.fullmatch(word.text):
        return not _THAI_LETTER_RE.search(thai) or thai_confidence < _UNSURE_THAI
    if word.confidence < _SURE_LATIN_MIN:
        return False
    if _GRADE_RE.fullmatch(word.text):
        return bool(_GRADE_BEFORE_RE.search(before)) and not _THAI_LETTER_RE.search(thai)
    letters = max((len(run) for run in _LATIN_RUN_RE.findall(word.text)), default=0)
    english = letters >= 3 or (letters == 2 and word.confidence >= 90 and thai_confidence < 50)
    return english and word.confidence >= thai_confidence + _LATIN_MARGIN


def _padded(image: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.copyMakeBorder(image, 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=255)


def _workers() -> int:
    """Tesseract processes to run at once: one per core, up to _MAX_WORKERS."""
    return max(1, min(_MAX_WORKERS, os.cpu_count() or 1))


def _shares(sizes: list[int], workers: int) -> list[tuple[int, int]]:
    """`sizes` cut into at most `workers` runs (start, end) of about equal total, none empty; work
    too small to share stays in one run, as a process costs more to start than it would save."""
    total = sum(sizes)
    count = max(1, min(workers, len(sizes), total // _MIN_SHARE_PIXELS))
    ends = list(itertools.accumulate(sizes))
    cuts = [0]
    for k in range(1, count):
        # the cut whose total before it is nearest to k/count of all, after the previous cut
        last = len(sizes) - (count - k)  # room for a run after each cut still to make
        cut = min(range(cuts[-1] + 1, last + 1), key=lambda n: abs(ends[n - 1] - total * k / count))
        cuts.append(cut)
    cuts.append(len(sizes))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


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
    return [_without_mark_lines(lines) for lines in out]


def _without_mark_lines(lines: list[TextLine]) -> list[TextLine]:
    """The lines without those Tesseract makes of the marks stacked above the next line (ไ ้ ์ read
    as a line of their own, "= ฆ ๕ ย"): over that line, and either closer to its baseline than a line
    of text can be or made of pieces lower than its letters, just above them."""
    kept = []
    for line, below in itertools.zip_longest(lines, lines[1:]):
        if below is None or line.x1 < below.x0 or line.x0 > below.x1:
            kept.append(line)
            continue
        letters = sorted(w.bottom - w.top for w in below.words)[len(below.words) // 4]
        height = _median([w.bottom - w.top for w in line.words])
        too_close = below.bottom - line.bottom < _LINE_PITCH_MIN * letters
        low_and_above = height < _MARK_LINE_SHARE * letters and line.bottom >= below.top - 0.5 * letters
        if not (too_close or low_and_above):
            kept.append(line)
    return kept


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


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
