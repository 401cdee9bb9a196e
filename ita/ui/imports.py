"""Uploads from the Data page: the checks and import of `python -m ita import`, for an administrator.

Each upload is checked before anything is written (type by extension and by content, size), saved
under its own name in a private temporary folder so parser messages name it, and imported into a
private copy of the database that is published in one swap; its original is kept in the database's store
(ita/store.py), so a rebuild imports it again. A rejected file writes nothing.
"""

from __future__ import annotations

import hmac
import os
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from ita import db, load, snapshot
from ita.errors import ItaError, ParseError, RejectedError
from ita.parse import reader
from ita.store import Store
from ita.ui.labels import text

ACCEPTED_SUFFIXES = (
    *(".txt", ".md", ".html", ".htm", ".docx", ".csv", ".tsv", ".xlsx"),
    *(".pdf", ".png", ".jpg", ".jpeg"),
)
MAX_MB = load.MAX_FILE_BYTES // (1024 * 1024)
PASSWORD_ENV = "ITA_ADMIN_PASSWORD"
_ZIP_KINDS = {".docx": "Word (.docx)", ".xlsx": "Excel (.xlsx)"}  # both are zip packages
_ZIP_MAGIC = b"PK\x03\x04"
# Binary kinds known by their first bytes (a PDF may have a few bytes of junk before its header).
_BINARY_KINDS = {".pdf": ("PDF", (b"%PDF",)), ".png": ("PNG", (b"\x89PNG",))}
_BINARY_KINDS |= dict.fromkeys((".jpg", ".jpeg"), ("JPEG", (b"\xff\xd8\xff",)))
# One import at a time per process: snapshot.writing works on one private copy per process.
_write_lock = threading.Lock()


@dataclass(frozen=True)
class Outcome:
    """What became of one uploaded file: the message says it in the command line's words, `message_th` in
    Thai."""

    file: str
    is_imported: bool
    message: str
    warnings: tuple[str, ...] = ()
    warnings_th: tuple[str, ...] = ()
    message_th: str | None = None


def configured_password() -> str | None:
    """The administrator password from st.secrets["admin_password"] or $ITA_ADMIN_PASSWORD; None disables uploads."""
    secret = st.secrets.get("admin_password") if st.secrets.load_if_toml_exists() else None
    return str(secret) if secret else os.environ.get(PASSWORD_ENV) or None


def password_matches(entered: str, configured: str) -> bool:
    """Constant-time comparison, so the time taken tells nothing about the password."""
    return hmac.compare_digest(entered.encode("utf-8"), configured.encode("utf-8"))


def check(name: str, data: bytes) -> None:
    """Refuse a file before it is written anywhere: its type by extension and by content, its size."""
    suffix = Path(name).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        accepted = ", ".join(ACCEPTED_SUFFIXES)
        raise RejectedError(
            name,
            f"file type '{suffix or name}' is not accepted: use {accepted}",
            reason_th=f"ไม่รับไฟล์ประเภท '{suffix or name}': รับเฉพาะ {accepted}",
        )
    load.check_size(name, len(data))
    reader.reject_empty(data, name)
    if suffix in _BINARY_KINDS:
        kind, magics = _BINARY_KINDS[suffix]
        if not any(magic in data[:1024] for magic in magics):
            raise _misnamed(name, kind, "the content does not start as one")
    elif suffix in _ZIP_KINDS:
        if not data.startswith(_ZIP_MAGIC):
            raise _misnamed(name, _ZIP_KINDS[suffix], "the content is not a zip package")
    elif reader.looks_binary(data):
        raise ParseError(
            name,
            f"binary file: a {suffix} file must be text",
            reason_th=f"ไม่ใช่ไฟล์ข้อความ: ไฟล์ {suffix} ต้องมีเนื้อหาเป็นข้อความ",
        )


def _misnamed(name: str, kind: str, why: str) -> ParseError:
    """A file whose name says one kind and whose bytes another: renamed by hand, or a download that failed."""
    suffix = Path(name).suffix.lower()
    return ParseError(
        name, f"not a {kind} file: {why}", reason_th=f"ไม่ใช่ไฟล์ {kind}: เนื้อหาของไฟล์ไม่ตรงกับนามสกุล {suffix}"
    )


def import_uploads(
    files: Sequence[tuple[str, bytes]], db_path: Path | None = None, progress: load.FileProgress | None = None
) -> list[Outcome]:
    """Check, then import (name, bytes) pairs into the database (default: the dashboard's); one outcome per file.
    `progress` hears of each page of a PDF or scan as it is read (file, page, pages, how)."""
    outcomes: dict[int, Outcome] = {}
    accepted: list[tuple[int, str, bytes]] = []
    for index, (name, data) in enumerate(files):
        try:
            check(name, data)
        except ItaError as error:
            outcomes[index] = _refused(name, error)
        else:
            accepted.append((index, name, data))
    if accepted:
        path = db_path or db.DEFAULT_DB
        with _write_lock, tempfile.TemporaryDirectory() as folder, snapshot.writing(path) as con:
            importer = load.Importer(con, Store.beside(path), progress=progress)
            for index, name, data in accepted:
                outcomes[index] = _import_one(importer, Path(folder), name, data)
    return [outcomes[i] for i in range(len(files))]


def _import_one(importer: load.Importer, folder: Path, name: str, data: bytes) -> Outcome:
    path = folder / _safe_name(name)
    try:
        path.write_bytes(data)
        result = importer.import_file(path, display_name=name)
    except ItaError as error:
        return _refused(name, error)
    except OSError as error:
        return Outcome(
            name,
            False,
            f"{name}: {error.strerror}",
            message_th=f"{name}: อ่านหรือบันทึกไฟล์ไม่สำเร็จ ({error.strerror})",
        )
    finally:
        path.unlink(missing_ok=True)
    return Outcome(
        name,
        True,
        result.summary(),
        tuple(result.warnings),
        tuple(result.warnings_th),
        import_summary_th(result),
    )


def import_summary_th(result: load.ImportResult) -> str:
    """`ImportResult.summary` in Thai, for the Thai upload page."""
    return result.summary("th", text(f"kind_{result.kind}", "th"))


def _refused(name: str, error: ItaError) -> Outcome:
    return Outcome(name, False, str(error), message_th=error.in_thai())


def _safe_name(name: str) -> str:
    """The upload's own file name without any folder part, so parser messages name what the user sent."""
    base = Path(name.replace("\\", "/")).name
    return base if base and not base.startswith(".") else f"upload{Path(name).suffix.lower()}"
