"""The one exception family of the project, caught only at the edges (CLI, upload page)."""

from __future__ import annotations


class ItaError(Exception):
    """A problem with one input file: names the file, the line when known, and what was wrong."""

    def __init__(self, file: str, reason: str, line: int | None = None) -> None:
        self.file = file
        self.reason = reason
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


class ParseError(ItaError):
    """The file is not a readable ITA document or score sheet."""


class RejectedError(ItaError):
    """The file was read but its content fails a check (score range, year range, missing agency)."""
