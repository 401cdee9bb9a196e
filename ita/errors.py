"""The one exception family of the project, caught only at the edges (CLI, upload page), and the
rejections that more than one check makes."""

from __future__ import annotations


class ItaError(Exception):
    """A problem with one input file: names the file, the line when known, and what was wrong.

    `reason_th` says it in Thai for the Thai pages, as `Warning_.message_th` does for a warning; `str()`
    stays English for the command line and logs.
    """

    def __init__(
        self, file: str, reason: str, line: int | None = None, *, reason_th: str | None = None
    ) -> None:
        self.file = file
        self.reason = reason
        self.line = line
        self.reason_th = reason_th
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"

    def in_thai(self) -> str:
        """'<file>: บรรทัด N: <reason in Thai>', the way the importer writes a warning's line in Thai."""
        reason = self.reason_th or self.reason
        return f"{self.file}: บรรทัด {self.line}: {reason}" if self.line else f"{self.file}: {reason}"


class ParseError(ItaError):
    """The file is not a readable ITA document or score sheet."""


class RejectedError(ItaError):
    """The file was read but its content fails a check (score range, year range, missing agency)."""


def unreadable(file: str, error: OSError) -> ParseError:
    """The operating system would not give the file's bytes (gone, a folder, no permission)."""
    detail = error.strerror or str(error)
    return ParseError(file, f"cannot read the file: {detail}", reason_th=f"อ่านไฟล์ไม่ได้: {detail}")


# B.E. fiscal years an ITA result can belong to; a year outside is a typo or another calendar, not data
ITA_YEARS = (2550, 2580)


def check_year(file: str, year: int, line: int | None, *, written: int | str | None = None) -> None:
    """Refuse a fiscal year outside ITA_YEARS, named as the file wrote it (`written`, else `year`)."""
    first, last = ITA_YEARS
    if not first <= year <= last:
        shown = year if written is None else written
        raise RejectedError(
            file,
            f"fiscal year {shown} is outside {first}–{last}",
            line,
            reason_th=f"ปีงบประมาณ {shown} อยู่นอกช่วงปีที่รับได้ ({first}–{last})",
        )


def score_outside(file: str, label: tuple[str, str], value: float, line: int | None) -> RejectedError:
    """A score beyond 0–100; `label` names it in English and Thai ("indicator 3", "ตัวชี้วัดที่ 3")."""
    english, thai = label
    return RejectedError(
        file,
        f"{english} {value:g} is outside 0–100",
        line,
        reason_th=f"{thai} เท่ากับ {value:g} ซึ่งอยู่นอกช่วง 0–100",
    )
