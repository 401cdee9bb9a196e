"""What needs attention, on a database where each reason is planted exactly once (and one agency needs none)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from ita import db, snapshot
from ita.ui import attention
from tests.apptest import open_page, table, th

YEAR = 2565
AS_OF = date(2026, 1, 1)
PROVINCE = "ตราด"
# agency id → the one reason planted for it; agency 6 is in good standing
PLANTED = {
    1: "below_pass",
    2: "grade_dropped",
    3: "weak_untargeted",
    4: "overdue_measures",
    5: "parse_warnings",
}
AGENCIES = [(agency_id, f"องค์การบริหารส่วนตำบลทดสอบ{agency_id}") for agency_id in range(1, 7)]
DOCUMENTS = [
    # id, file, kind, agency, year
    (1, "sheets/trat_2564.csv", "score_sheet", None, 2564),
    (2, "sheets/trat_2565.csv", "score_sheet", None, 2565),
    (3, "documents/measures_3.txt", "measures", 3, 2565),
    (4, "documents/measures_4.txt", "measures", 4, 2565),
    (5, "documents/analysis_5.txt", "analysis", 5, 2565),
    (6, "documents/measures_6.txt", "measures", 6, 2565),
]
SCORES = {  # agency → (2564, 2565): 80 is B and below the pass mark, 96 AA, 90 A (letter grades in both years)
    1: (80.0, 80.0),
    2: (96.0, 90.0),
    3: (90.0, 90.0),
    4: (90.0, 90.0),
    5: (90.0, 90.0),
    6: (90.0, 92.0),
}
# 2564 indicator scores: agency 3 is weak on indicator 9, which its 2565 measure does not target
INDICATORS = {3: {9: 70.0, 10: 90.0}, 6: {9: 90.0, 10: 90.0}}
MEASURES = [
    # id, document, agency, title, end date, status, target indicator
    (1, 3, 3, "เผยแพร่มาตรการป้องกันการทุจริต", date(2022, 9, 30), "done", 10),
    (2, 4, 4, "ประชุมชี้แจงการปฏิบัติหน้าที่", date(2022, 6, 30), "in_progress", 1),  # overdue
    (3, 4, 4, "อบรมคุณธรรมจริยธรรม", date(2099, 9, 30), "not_started", 1),  # not yet due
    (4, 6, 6, "เผยแพร่มาตรการป้องกันการทุจริต", date(2022, 9, 30), "done", 10),
]


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("planted") / "planted.duckdb"
    with snapshot.writing(path, fresh=True) as con:
        con.executemany(
            "INSERT INTO agencies (agency_id, identity_key, name, agency_type, district, province, province_code)"
            " VALUES ($1, $2, $3, 'sao', 'เมืองตราด', $4, '23')",
            [(agency_id, f"sao|{name}|{PROVINCE}", name, PROVINCE) for agency_id, name in AGENCIES],
        )
        con.executemany(
            "INSERT INTO documents (document_id, file_name, sha256, kind, agency_id, fiscal_year, imported_at,"
            " parser_version) VALUES ($1, $2, $3, $4, $5, $6, TIMESTAMP '2026-01-01', 'test')",
            [(i, file, "sha-" + file, kind, agency, year) for i, file, kind, agency, year in DOCUMENTS],
        )
        assessments = [
            (10 * agency + offset, agency, year, score, 1 + offset, 1)
            for agency, scores in SCORES.items()
            for offset, (year, score) in enumerate(zip((2564, 2565), scores, strict=True))
        ]
        con.executemany(
            "INSERT INTO assessments (assessment_id, agency_id, fiscal_year, score, document_id, source_line)"
            " VALUES ($1, $2, $3, $4, $5, $6)",
            assessments,
        )
        con.executemany(
            "INSERT INTO indicator_scores (assessment_id, indicator_no, score) VALUES ($1, $2, $3)",
            [
                (10 * agency, no, score)
                for agency, scores in INDICATORS.items()
                for no, score in scores.items()
            ],
        )
        con.executemany(
            "INSERT INTO measures (measure_id, document_id, agency_id, fiscal_year, measure_no, title, start_date,"
            " end_date, status, first_line, last_line) VALUES ($1, $2, $3, 2565, 1, $4, DATE '2021-10-01', $5, $6,"
            " 10, 12)",
            [
                (i, document, agency, title, end, status)
                for i, document, agency, title, end, status, _ in MEASURES
            ],
        )
        con.executemany(
            "INSERT INTO measure_targets (measure_id, indicator_no, rank, evidence) VALUES ($1, $2, 1, ['test'])",
            [(i, target) for i, *_, target in MEASURES],
        )
        con.execute(
            "INSERT INTO document_warnings (document_id, line, message) VALUES (5, 12, 'a score line without a number')"
        )
    return path


@pytest.fixture(scope="module")
def listed(planted: Path) -> pd.DataFrame:
    with db.connect(planted) as con:
        return db.run_query(
            con,
            "attention_list",
            {
                "fiscal_year": YEAR,
                "as_of": AS_OF,
                "province": PROVINCE,
                "district": None,
                "agency_type": None,
                "include_synthetic": False,
            },
        )


def test_each_planted_reason_is_listed_once_and_nothing_else(listed: pd.DataFrame) -> None:
    assert sorted(zip(listed["agency_id"], listed["reason"], strict=True)) == sorted(PLANTED.items())
    assert list(listed["reason"]) == list(attention.REASONS)  # in the order the page shows them


def _row(listed: pd.DataFrame, reason: str) -> pd.Series:
    (row,) = [row for _, row in listed.iterrows() if row["reason"] == reason]
    return row


def test_below_the_pass_mark(listed: pd.DataFrame) -> None:
    row = _row(listed, "below_pass")
    assert (row["agency_id"], row["score"], row["label"]) == (1, 80.0, "B")
    assert attention.detail(row) == "คะแนน 80.00 (B)"


def test_grade_dropped(listed: pd.DataFrame) -> None:
    row = _row(listed, "grade_dropped")
    assert (row["agency_id"], row["previous_label"], row["label"]) == (2, "AA", "A")
    assert attention.detail(row) == "AA → A (คะแนน 96.00 → 90.00)"


def test_weak_indicator_no_measure_targets(listed: pd.DataFrame) -> None:
    row = _row(listed, "weak_untargeted")
    assert (row["agency_id"], list(row["indicator_nos"])) == (3, [9])
    assert attention.detail(row) == "ตัวชี้วัด 9"


def test_measures_past_their_end_date_and_not_done(listed: pd.DataFrame) -> None:
    row = _row(listed, "overdue_measures")
    assert (row["agency_id"], row["count_items"], row["first_end_date"]) == (4, 1, pd.Timestamp(2022, 6, 30))
    assert attention.detail(row) == "1 มาตรการ ครบกำหนดตั้งแต่ 30 มิ.ย. 2565"


def test_documents_with_parse_warnings(listed: pd.DataFrame) -> None:
    row = _row(listed, "parse_warnings")
    assert (row["agency_id"], row["count_items"], row["documents"]) == (5, 1, "documents/analysis_5.txt")
    assert attention.detail(row) == "1 คำเตือน ใน documents/analysis_5.txt"


def test_the_overview_counts_each_reason_and_links_each_row(
    planted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "DEFAULT_DB", planted)
    at = open_page(tab="ov_tab_attention", year=str(YEAR), province=PROVINCE, synthetic="0")
    (counts,) = [pills for pills in at.get("button_group") if pills.label == th("att_counts")]
    assert counts.options == [f"{th(f'reason_{reason}')} · 1" for reason in attention.REASONS]
    rows = table(at, th("att_reason"))
    assert list(rows[th("att_reason")]) == [th(f"reason_{reason}") for reason in attention.REASONS]
    assert list(rows[th("att_link")]) == [
        f"agency?agency={agency}&year={YEAR}&synthetic=0" for agency in PLANTED
    ]

    counts.set_value("overdue_measures").run()  # a reason's count is also its filter
    assert not at.exception
    assert list(table(at, th("att_reason"))[th("att_link")]) == [f"agency?agency=4&year={YEAR}&synthetic=0"]
