"""Tables written as tab-separated lines: which column holds what, and the items inside a cell.

Agencies name their columns differently ("ขั้นตอน/วิธีการปฏิบัติ", "วิธีดำเนินการ", "ระยะเวลา ดำเนินการ"),
so columns are recognised by the words in their header, and cells are split into items by what
marks an item: ``<p>``/``<li>`` fragments, numbers "๑. " "1) " "๔.๑ ", or "- " bullets.
Text that leaves this module is plain: tags stripped, whitespace collapsed, Thai digits as written.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import NamedTuple

from ita.thai import arabic_digits
from ita.thai_dates import is_month

ROLES = (
    "no",
    "title",
    "steps",
    "responsible",
    "period",
    "period_start",
    "period_end",
    "result",
    "outcome",
    "suggestion",
    "followup",
    "group",
    "status",
    "status_not_started",
    "status_in_progress",
    "status_done",
    "count",
    "remark",
    "plan_actual",
    "other",
)
STATUS_ROLES = {
    "status_not_started": "not_started",
    "status_in_progress": "in_progress",
    "status_done": "done",
}
# First match wins, so the order settles overlaps: "กำหนดแล้วเสร็จ" is a deadline, not a status,
# "สรุปผลการดำเนินการตามมาตรการ" is a result although it names the measure, and "สถานะการดำเนินการ"
# (a column of status words, or a merged cell above the status columns) is a status.
_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # "ร้อยละความก้าวหน้า", "ร้อยละความสำเร็จ": how far a measure got, as a percentage
    ("status", ("สถานะ", "status", "ความก้าวหน้า", "ร้อยละความสำเร็จ")),
    ("status_not_started", ("ยังไม่", "ไม่ได้ดำเนิน", "notstarted")),
    ("status_in_progress", ("อยู่ระหว่าง", "กำลังดำเนิน", "บางส่วน", "inprogress", "ongoing")),
    # a period's two ends in columns of their own, under a merged "ระยะเวลา"
    ("period_start", ("เริ่มต้น", "วันเริ่ม", "วันที่เริ่ม", "startdate", "begin")),
    ("period_end", ("สิ้นสุด", "enddate", "finishdate")),
    ("period", ("ระยะเวลา", "กำหนดแล้วเสร็จ", "กำหนดเวลา", "ห้วงเวลา", "ช่วงเวลา", "กำหนดการ")),
    ("period", ("timeline", "timeframe", "period", "duration", "deadline", "schedule")),
    (
        "status_done",
        ("ดำเนินการแล้ว", "ดำเนินการเสร็จ", "เสร็จสิ้น", "เสร็จเรียบร้อย", "แล้วเสร็จ", "ครบถ้วน", "completed"),
    ),
    ("outcome", ("ผลลัพธ์", "ความสำเร็จ", "เป้าหมาย", "outcome", "kpi", "target")),
    # the instrument or indicator the measures below aim at, written once per group of rows; or the weak
    # point they answer ("ประเด็นที่ต้องแก้ไข/พัฒนา": an indicator and its score, in the NACC's form)
    ("group", ("แบบวัด", "เครื่องมือ", "ตัวชี้วัด", "instrument", "indicator", "ต้องแก้ไข", "ต้องพัฒนา")),
    ("result", ("ผลการดำเนิน", "ผลดำเนิน", "สรุปผล", "ผลการปฏิบัติ", "result", "progress", "output")),
    ("suggestion", ("เสนอแนะ", "suggestion", "recommendation")),
    ("followup", ("รายงานผล", "การรายงาน", "ติดตาม", "follow", "report", "monitor")),
    ("responsible", ("รับผิดชอบ", "responsib", "unit", "agency", "department", "owner")),
    ("steps", ("ขั้นตอน", "วิธี", "step", "method", "activit", "action", "howto")),
    ("title", ("มาตรการ", "โครงการ", "กิจกรรม", "ประเด็น", "measure", "project", "initiative")),
    ("steps", ("แนวทาง", "approach", "guideline")),
    ("remark", ("หมายเหตุ", "remark", "note")),
)
# The same words flat, in the same order: one loop instead of a generator per role (headers are
# tried on every table row, and the nested search was most of that time).
_ROLE_KEYS = tuple((key, role) for role, keys in _ROLE_WORDS for key in keys)
_MEASURE_HEADER = "มาตรการ"
_NUMBER_HEADERS = frozenset({"ที่", "ลำดับ", "ลำดับที่", "ข้อ", "no", "no.", "#", "item"})
# Status written as words in a status column ("ดำเนินการแล้ว", "Completed"). First match wins:
# "อยู่ระหว่างดำเนินการ (ยังไม่แล้วเสร็จ)" is in progress, and "ยังไม่แล้วเสร็จ" is not done.
_CHECK_MARKS = "✓✔√☑✅●"  # ● as web pages and forms mark a choice (a legend says so)
# A status cell of a form lists every choice with a box and checks the one that applies ("☑ ดำเนินการแล้ว
# ☐ อยู่ระหว่างดำเนินการ ☐ ยังไม่ดำเนินการ"); Word's check box control draws a checked box as ☒.
_EMPTY_BOXES = "☐□○"
_CHECKED_BOXES = _CHECK_MARKS + "☒■"
_CHECKED_CHOICE_RE = re.compile(f"[{_CHECKED_BOXES}](?P<choice>[^{_CHECKED_BOXES}{_EMPTY_BOXES}]*)")
_STATUS_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "in_progress",
        ("อยู่ระหว่าง", "กำลังดำเนิน", "บางส่วน", "inprogress", "ongoing", "underway", "⏳", "⌛", "🔄"),
    ),
    ("not_started", ("ยังไม่", "ไม่ได้ดำเนิน", "notstarted", "notyet", "pending", "❌", "✗", "✘")),
    (
        "done",
        ("แล้วเสร็จ", "เสร็จ", "ดำเนินการแล้ว", "เรียบร้อย", "ครบถ้วน", "completed", "complete", "done", "finished"),
    ),
    ("done", tuple(_CHECK_MARKS)),  # a tick in the one status column: done (web posts use ✅ ⏳ ❌)
)
_HEADER_CELL_MAX = 60
# A result that is a status and nothing more, squashed as status_stated compares it.
_STATUS_PHRASES = frozenset(
    {
        *("ดำเนินการแล้ว", "ดำเนินการแล้วเสร็จ", "ดำเนินการเสร็จแล้ว", "ดำเนินการเสร็จสิ้น", "เสร็จสิ้น"),
        *("ดำเนินการเสร็จเรียบร้อยแล้ว", "แล้วเสร็จ", "completed", "done"),
        *("อยู่ระหว่างดำเนินการ", "กำลังดำเนินการ", "inprogress", "ongoing"),
        *("ยังไม่ได้ดำเนินการ", "ยังไม่ดำเนินการ", "notstarted"),
    }
)
_PLAN_ACTUAL_RE = re.compile(r"แผน[/\-]?ผล(?:การดำเนินงาน|การดำเนินการ)?")
_PERCENT_RE = re.compile(r"(?:ร้อยละ)?(?P<value>\d{1,3}(?:\.\d+)?)%?")
PERIOD_ROLE = "when:"
_PERIOD_HEADER_MAX = 12  # "ต.ค.67", "กันยายน2568", "ไตรมาสที่4": a header cell naming a month or quarter alone
_QUARTER_HEADER_RE = re.compile(r"(?:ไตรมาส(?:ที่)?|q)[1-4]")
_BLANK = frozenset({"", "-", "–", "—", "--"})
# Words that open a unit's name; a space before one of them separates two units, any other space
# is a line wrap inside one name ("กองยุทธ ศาสตร์และ งบประมาณ").
_UNIT_PREFIXES = ("กอง", "สำนัก", "งาน", "ฝ่าย", "ทุก", "ส่วน", "หน่วย", "นัก", "ศูนย์", "ผู้", "นายก", "หัวหน้า", "คณะ")

_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_BLOCK_TAG_RE = re.compile(r"<(/?)(p|li|ul|ol)\b[^<>]*>", re.IGNORECASE)
_NUMBER_RE = re.compile(r"(?:^|(?<=\s))\(?(?P<n>\d{1,2})(?:\.(?P<sub>\d{1,2})\.?(?=\s)|[.)](?!\d))\)?\s*")
_MEASURE_NO_RE = re.compile(r"มาตรการที่\s*(?P<n>\d{1,2})\s*[:.]?\s*")
_LETTER_RE = re.compile(r"(?:^|(?<=\s))\(?(?P<letter>[ก-ฮ])[.)]\s+")
_LIST_LETTERS = "กขคงจฉชซ"
_BULLET_RE = re.compile(r"(?:^|(?<=\s))[-•●▪◦∙·]\s*(?=\S)")


@dataclass(frozen=True)
class _Item:
    text: str
    marker: str  # "number", "bullet" or "" for an item written without one


def strip_tags(text: str) -> str:
    """Plain text of a cell: tags removed, entities decoded, whitespace collapsed."""
    # This runs on every cell of every row, several times, so it avoids regex scans of Thai text
    # (slow) where it can: most cells hold no tag, and split() breaks on the same characters as \s.
    if "<" in text:
        text = _TAG_RE.sub(" ", text)
    return " ".join(html.unescape(text).split())


def is_blank(text: str) -> bool:
    """An empty cell, or one holding only a dash."""
    return strip_tags(text) in _BLANK


def is_checked(cell: str) -> bool:
    """A status cell ticked with ✓ (or ✔ √ ☑ ●, or a lone "/")."""
    text = strip_tags(cell)
    return any(mark in text for mark in _CHECK_MARKS) or text == "/"


def tick_note(cell: str) -> str | None:
    """The note written beside a tick ("✓ (ตรวจสอบได้จากเว็บไซต์)" → "ตรวจสอบได้จากเว็บไซต์"), if any."""
    if not is_checked(cell):
        return None
    text = strip_tags(cell)
    for mark in _CHECK_MARKS:
        text = text.replace(mark, " ")
    note = " ".join(text.strip(" /()").split())
    return note or None


def column_role(header_cell: str) -> str:
    """The role of a column from its header text, Thai or English; stray spaces inside words are ignored.
    A column of a month or quarter grid ("ต.ค." … "ก.ย.", "ไตรมาส ๑" … "ไตรมาส ๔") is "when:" and its header."""
    words = "".join(strip_tags(header_cell).split()).lower()
    if words.rstrip(".") in _NUMBER_HEADERS or words in _NUMBER_HEADERS:
        return "no"
    if words.startswith("จำนวน"):  # "จำนวน (มาตรการ)": a summary counting measures names no field of one
        return "count"
    if words in ("ผล", "ผลงาน"):  # a column headed just "result"
        return "result"
    if _PLAN_ACTUAL_RE.fullmatch(words):  # "แผน/ผล": a measure's plan row, then its actual row below
        return "plan_actual"
    if len(words) <= _PERIOD_HEADER_MAX and (
        is_month(strip_tags(header_cell)) or _QUARTER_HEADER_RE.fullmatch(arabic_digits(words))
    ):
        return PERIOD_ROLE + " ".join(strip_tags(header_cell).split())
    if any(part.startswith(_MEASURE_HEADER) for part in words.split("/")[1:]):
        return "title"  # "ข้อเสนอแนะ/มาตรการ", "ประเด็น/มาตรการ": the column holds the measures
    return next((role for key, role in _ROLE_KEYS if key in words), "other")


def periods_marked(row: dict[str, list[str]]) -> list[str]:
    """The months or quarters of a grid a row marks (any mark: ✓, /, x, a bar), in the columns' order;
    none for a row of what was actually done ("ผล" under "แผน/ผล"), whose marks are no plan."""
    if any(strip_tags(cell).startswith("ผล") for cell in row.get("plan_actual", [])):
        return []
    return [
        role.removeprefix(PERIOD_ROLE)
        for role, cells in row.items()
        if role.startswith(PERIOD_ROLE) and any(not is_blank(cell) for cell in cells)
    ]


def status_stated(cell: str) -> str | None:
    """The status a result cell states when it holds nothing else ("อยู่ระหว่างดำเนินการ"); a result in
    words of its own ("อยู่ระหว่างรวบรวมข้อมูล") states none."""
    words = "".join(strip_tags(cell).split()).lower().strip(".()")
    return status_word(words) if words in _STATUS_PHRASES else None


def status_opening(cell: str) -> str | None:
    """The status a remark opens with ("ยังไม่ได้ดำเนินการ เนื่องจากรอจัดสรรงบประมาณ" → not_started); a remark
    that only mentions one ("คาดว่าแล้วเสร็จ ต.ค. ๖๗") states none."""
    words = "".join(strip_tags(cell).split()).lower()
    opening = max((p for p in _STATUS_PHRASES if words.startswith(p)), key=len, default=None)
    return status_word(opening) if opening else None


def status_word(cell: str) -> str | None:
    """The status a cell of a status column states in words ("อยู่ระหว่างดำเนินการ" → in_progress) or as a
    percentage of progress (100 done, 0 not started, in progress between)."""
    words = arabic_digits("".join(strip_tags(cell).split()).lower())
    if any(box in words for box in _EMPTY_BOXES):  # the choices of a form: only the checked one says
        words = "".join(match["choice"] for match in _CHECKED_CHOICE_RE.finditer(words))
    if not words:
        return None
    if percent := _PERCENT_RE.fullmatch(words):
        share = float(percent["value"])
        return "done" if share >= 100 else "not_started" if share == 0 else "in_progress"
    return next((status for status, keys in _STATUS_WORDS if any(key in words for key in keys)), None)


def header_roles(cells: list[str]) -> list[str] | None:
    """Column roles when a row is a table header (see is_header); None for a data row."""
    roles = header_like(cells)
    return roles if roles is not None and is_header(roles) else None


def is_header(roles: list[str]) -> bool:
    """Whether a header-like row's roles make it a header: a measure column and two more columns it
    recognises, or a measure column and a status column, or a row of status columns under a merged
    "ผลการดำเนินการ"."""
    if roles.count("title") > 1:  # "มาตรการ | กิจกรรม": the second names what is done
        second = roles.index("title", roles.index("title") + 1)
        roles[second] = "steps"
    known = [r for r in roles if r not in ("other", "no")]
    return ("title" in roles and (len(known) >= 3 or "status" in roles)) or is_subheader(roles)


def header_like(cells: list[str]) -> list[str] | None:
    """Column roles of a row that could head a table (short cells, none numbered); None otherwise."""
    texts = [strip_tags(c) for c in cells]
    if any(len(t) > _HEADER_CELL_MAX or t.isdigit() or leading_number(t).number is not None for t in texts):
        return None
    return [column_role(t) for t in texts]


def is_subheader(roles: list[str]) -> bool:
    """A header row naming no measure column but two or more status columns, or a period's start and
    end: the second row of a header whose first row has one merged cell above them ("สถานะดำเนินงาน",
    "ผลการดำเนินการ", "ระยะเวลาดำเนินการ")."""
    if "title" in roles:
        return False
    return sum(r in STATUS_ROLES for r in roles) >= 2 or {"period_start", "period_end"} <= set(roles)


def is_summary_header(roles: list[str]) -> bool:
    """The header of a table summing up the measures by status ("สถานะการดำเนินการ | จำนวน (มาตรการ) |
    ร้อยละ"): a status column and a count, no measure column. Its rows are counts, not measures."""
    return "status" in roles and "count" in roles and "title" not in roles


def spanned_roles(header: list[str], cells: list[str]) -> list[str] | None:
    """Roles of a second header row that names the columns under one merged cell of the header above
    ("ผลการดำเนินงาน" over "ไตรมาสที่ ๑ (ต.ค. – ธ.ค. ๖๗) | ไตรมาสที่ ๒ …"): each column its own role, else
    the merged cell's, and a month or quarter under a merged result is a result's column, not a grid's.
    None unless the row fills every column under the merged cell (two or more) and nothing else."""
    filled = [i for i, cell in enumerate(cells) if strip_tags(cell)]
    if len(filled) < 2 or filled != list(range(filled[0], filled[-1] + 1)) or filled[0] >= len(header):
        return None
    first, last = filled[0], filled[-1]
    span_end = next((i for i in range(first + 1, len(header)) if strip_tags(header[i])), None)
    merged = column_role(header[first])  # "other" for a blank cell: no merged cell starts there
    if merged == "other" or span_end not in (None, last + 1):
        return None
    roles = ["other"] * len(cells)
    for i in filled:
        own = column_role(cells[i])
        grid_of_results = own.startswith(PERIOD_ROLE) and merged == "result"
        roles[i] = merged if own == "other" or grid_of_results else own
    return roles


def merge_header(roles: list[str], sub_roles: list[str]) -> list[str]:
    """Roles of a two-row header: the second row refines the columns it names."""
    width = max(len(roles), len(sub_roles))
    main = roles + ["other"] * (width - len(roles))
    sub = sub_roles + ["other"] * (width - len(sub_roles))
    return [s if s != "other" else m for m, s in zip(main, sub, strict=True)]


def cells_by_role(cells: list[str], roles: list[str]) -> dict[str, list[str]]:
    """A data row's cells grouped by the role of their column (extra cells count as "other")."""
    grouped: dict[str, list[str]] = {}
    for index, cell in enumerate(cells):
        role = roles[index] if index < len(roles) else "other"
        grouped.setdefault(role, []).append(cell)
    return grouped


class Numbered(NamedTuple):
    number: int | None
    sub: int | None  # the 2 of "1.2"
    text: str


# A Thai phrase wrapped by hand inside a cell: a line break or a new paragraph between two Thai letters.
_THAI_WRAP_RE = re.compile(
    r"(?<=[\u0e01-\u0e2e\u0e30-\u0e45\u0e47-\u0e4e])\s*(?:<br>|</p>\s*<p>)\s*(?=[\u0e01-\u0e4e])"
)


def run_on(cell: str) -> str:
    """A cell whose Thai words run on across the lines it was wrapped into by hand (no space between)."""
    return _THAI_WRAP_RE.sub("", cell) if "<" in cell else cell


def leading_number(text: str) -> Numbered:
    """The number a cell opens with ("๑. ", "1) ", "๑.๒ ", "มาตรการที่ ๒") and the text after it."""
    text = strip_tags(text)
    digits = arabic_digits(text)
    match = _NUMBER_RE.match(digits) or _MEASURE_NO_RE.match(digits)
    if not match:
        return Numbered(None, None, text)
    sub = match.groupdict().get("sub")
    return Numbered(int(match["n"]), int(sub) if sub else None, text[match.end() :].strip())


def is_list_item(text: str) -> bool:
    """Whether a line opens as an item of a list: numbered ("๑.", "(๑)"), lettered ("ก.") or bulleted."""
    digits = arabic_digits(strip_tags(text))
    return any(pattern.match(digits) for pattern in (_NUMBER_RE, _LETTER_RE, _BULLET_RE))


def split_items(cell: str) -> list[str]:
    """The items a cell lists, without their numbers or bullets.

    A list (``<ul>`` or "- " bullets) right after a numbered item holds its sub-points, which stay
    inside that item.
    """
    items: list[_Item] = []
    for text, in_list in _blocks(cell):
        pieces = _split_text(text)
        sub_points = in_list or all(p.marker == "bullet" for p in pieces)
        if sub_points and items and items[-1].marker == "number":
            points = " ".join(f"- {p.text}" for p in pieces)
            items[-1] = _Item(f"{items[-1].text} {points}", "number")
        else:
            items.extend(pieces)
    return [item.text for item in items if item.text]


def split_responsible(cell: str) -> list[str]:
    """The units named in a responsible cell, each once, in order."""
    units: list[str] = []
    for item in split_items(cell):
        for part in re.split(r"\s*[/,]\s*", item):
            units.extend(_split_units(part))
    return list(dict.fromkeys(u for u in units if u not in _BLANK))


def _blocks(cell: str) -> list[tuple[str, bool]]:
    """Text runs between <p>/<li>/<ul> tags, each flagged when it sits inside a list."""
    blocks: list[tuple[str, bool]] = []
    depth, in_item, position = 0, False, 0
    for tag in _BLOCK_TAG_RE.finditer(cell):
        blocks.append((strip_tags(cell[position : tag.start()]), depth > 0))
        position = tag.end()
        closing, name = tag[1] == "/", tag[2].lower()
        if name in ("ul", "ol"):
            depth = max(0, depth - 1) if closing else depth + 1
        elif name == "li":
            in_item = not closing
        elif not closing and not in_item:
            depth = 0  # a new paragraph ends a list someone forgot to close
    blocks.append((strip_tags(cell[position:]), depth > 0))
    return [(text, in_list) for text, in_list in blocks if text]


def _split_text(text: str) -> list[_Item]:
    return _split_numbered(text) or _split_lettered(text) or _split_bullets(text)


def _split_lettered(text: str) -> list[_Item]:
    """Items lettered in Thai order ("ก. … ข. … ค. …"), the first at the start; "ก.พ." is a month, not a
    marker, since a marker's dot is followed by a space."""
    markers = []
    for match in _LETTER_RE.finditer(text):
        if match["letter"] == _LIST_LETTERS[len(markers)] and (markers or match.start() == 0):
            markers.append(match)
            if len(markers) == len(_LIST_LETTERS):
                break
    if len(markers) < 2:
        return []
    ends = [m.start() for m in markers[1:]] + [len(text)]
    return [_Item(text[m.end() : end].strip(), "number") for m, end in zip(markers, ends, strict=True)]


def _split_numbered(text: str) -> list[_Item]:
    digits = arabic_digits(text)
    markers, previous = [], None
    for match in _NUMBER_RE.finditer(digits):
        n = int(match["n"])
        # Numbers count as item markers only in sequence (1, 2, 2, 3 …), so "๙๒.๙ คะแนน" stays text.
        if (match.start() == 0 or n == 1) if previous is None else n in (previous, previous + 1):
            markers.append(match)
            previous = n
    if not markers:
        return []
    items = [_Item(text[: markers[0].start()].strip(), "")]
    bounds = [m.end() for m in markers]
    ends = [m.start() for m in markers[1:]] + [len(text)]
    items += [_Item(text[start:end].strip(), "number") for start, end in zip(bounds, ends, strict=True)]
    return [item for item in items if item.text]


def _split_bullets(text: str) -> list[_Item]:
    digits = arabic_digits(text)
    bullets = [m.start() for m in _BULLET_RE.finditer(digits) if _is_bullet(digits, m.start())]
    if not bullets or (len(bullets) == 1 and bullets[0] > 0):
        return [_Item(text, "")]
    starts = sorted({0, *bullets})
    items = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        piece = text[start:end].strip()
        if start in bullets:
            items.append(_Item(_BULLET_RE.sub("", piece, count=1), "bullet"))
        else:
            items.append(_Item(piece, ""))
    return [item for item in items if item.text]


def _is_bullet(text: str, index: int) -> bool:
    # "E - service" and "๓ - ๕ วัน" are words joined by a dash, not a list.
    before, after = text[:index].rstrip(), text[index + 1 :].lstrip()
    return not (before and after and _latin_or_digit(before[-1]) and _latin_or_digit(after[0]))


def _latin_or_digit(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _split_units(text: str) -> list[str]:
    units: list[str] = []
    for word in text.split():
        if units and not (_opens_unit(word) and not _is_bare_prefix(units[-1])):
            units[-1] += word if _thai_joint(units[-1], word) else f" {word}"
        else:
            units.append(word)
    return units


def _opens_unit(word: str) -> bool:
    return word.lstrip("-").startswith(_UNIT_PREFIXES)


def _is_bare_prefix(unit: str) -> bool:
    return unit.lstrip("-") in _UNIT_PREFIXES


def _thai_joint(left: str, right: str) -> bool:
    """Whether two Thai words a space parts are one wrapped word; an abbreviation ("สำนักปลัด อบต.")
    keeps its space."""
    return "\u0e01" <= left[-1] <= "\u0e4e" and "\u0e01" <= right[0] <= "\u0e4e" and "." not in right
