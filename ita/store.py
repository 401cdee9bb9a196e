"""Every imported original, kept by its content beside the database, so that no rebuild loses an upload.

The store of `data/ita.duckdb` is the folder `data/ita.originals/`. Each original is a file named by the
sha256 of its bytes (the `documents.sha256` of what was imported from it) with its own extension:
`ab/ab12…ef.txt`. `index.jsonl` lists them in the order they were first imported, with the name each was
imported under, so that `build` imports them again after data/ in the same order and a corrected document
again supersedes the one it corrected. A file is written whole or not at all (a private name, then a rename);
writers take turns on the database's lock (ita/snapshot.py), so one store has one writer at a time.

To open an original, e.g. a PDF at a page: `store.original_path(sha256)`, or `Store.beside(db_path).path(sha256)`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ita import db

INDEX = "index.jsonl"
_SHA256 = re.compile(r"[0-9a-f]{64}")
_PARTIAL = ".part"


class StoreError(ValueError):
    """An original that cannot be kept as asked."""


@dataclass(frozen=True)
class Original:
    sha256: str
    name: str  # the name it was first imported under, as `documents.file_name` has it
    path: Path


class Store:
    """The originals in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def beside(cls, db_path: Path) -> Store:
        """The store of a database: `data/ita.duckdb` → `data/ita.originals/` (by the published name, not a version)."""
        return cls(db_path.with_name(f"{db_path.stem}.originals"))

    def path(self, sha256: str) -> Path | None:
        """The kept original whose bytes have this sha256, or None."""
        if not _SHA256.fullmatch(sha256):
            raise StoreError(f"not a sha256: {sha256!r}")
        shard = self.folder / sha256[:2]
        if not shard.is_dir():
            return None
        return next(
            (
                p
                for p in sorted(shard.iterdir())
                if p.name.partition(".")[0] == sha256 and p.suffix != _PARTIAL
            ),
            None,
        )

    def put(self, source: Path, name: str, sha256: str | None = None) -> Path:
        """Keep the bytes of `source`, imported as `name`, unless they are kept already; returns where they are.

        `sha256` is the digest the importer read: bytes that no longer match it are refused.
        """
        return self.put_all([(source, name, sha256)])[0]

    def put_all(self, files: list[tuple[Path, str, str | None]]) -> list[Path]:
        """`put` for (source, name, sha256) triples in order, with one write of the index for all of them."""
        kept, entries = [], []
        for source, name, sha256 in files:
            data = source.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if sha256 is not None and digest != sha256:
                raise StoreError(f"{name}: the file changed while it was imported")
            if found := self.path(digest):
                kept.append(found)
                continue
            target = self.folder / digest[:2] / f"{digest}{source.suffix.lower()}"
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + _PARTIAL)
            try:
                _write_synced(partial, data)
                partial.replace(target)
            finally:
                partial.unlink(missing_ok=True)
            kept.append(target)
            entries.append(json.dumps({"sha256": digest, "name": name}, ensure_ascii=False) + "\n")
        if entries:
            with (self.folder / INDEX).open("a", encoding="utf-8") as index:
                index.write("".join(entries))
                index.flush()
                os.fsync(index.fileno())
        return kept

    def originals(self) -> list[Original]:
        """Every kept original in the order first imported; any the index misses (a crash between the file and
        its line) after them, named by their file."""
        seen: dict[str, Original] = {}
        for sha256, name in self._indexed():
            if sha256 not in seen and (path := self.path(sha256)):
                seen[sha256] = Original(sha256, name, path)
        unlisted = [
            p
            for p in sorted(self.folder.glob("??/*"))
            if p.suffix != _PARTIAL and _SHA256.fullmatch(p.name.partition(".")[0] or "")
        ]
        for path in sorted(unlisted, key=lambda p: p.stat().st_mtime_ns):
            sha256 = path.name.partition(".")[0]
            seen.setdefault(sha256, Original(sha256, path.name, path))
        return list(seen.values())

    def add_all(self, other: Store) -> int:
        """Keep every original of another store (an export's, a backup's), in its order; returns how many."""
        originals = other.originals()
        for original in originals:
            self.put(original.path, original.name, original.sha256)
        return len(originals)

    def _indexed(self) -> Iterator[tuple[str, str]]:
        try:
            lines = (self.folder / INDEX).read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return
        for line in lines:
            try:
                entry = json.loads(line)
                yield entry["sha256"], entry["name"]
            except (ValueError, KeyError, TypeError):
                continue  # a line torn by a crash: its file is found as unlisted


def original_path(sha256: str, db_path: Path | None = None) -> Path | None:
    """The original a document was imported from, by its `documents.sha256` (default: the dashboard's database)."""
    return Store.beside(db_path or db.DEFAULT_DB).path(sha256)


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
