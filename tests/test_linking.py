"""Linking measures to the indicators they target: clear cases, headings, spelling, and accuracy
against hand labels of the seed documents (tests/fixtures/measure_labels.csv)."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from ita import framework
from ita.errors import ParseError
from ita.linking import TERMS_PATH, WEAK_WEIGHT, link_measure, load_terms
from ita.parse.report import parse_report

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "documents"
LABELS = ROOT / "tests" / "fixtures" / "measure_labels.csv"


def primary(
    title: str, steps: list[str] | None = None, result: str | None = None, group: str | None = None
) -> int | None:
    targets = link_measure(title, steps or [], result, group)
    return targets[0].indicator_no if targets else None


@pytest.mark.parametrize(
    ("title", "indicator_no"),
    [
        ("มีแนวทางปฏิบัติเกี่ยวกับการใช้ทรัพย์สินของราชการ", 4),
        ("การรับรู้เกี่ยวกับแผนการจัดซื้อจัดจ้าง", 2),
        ("การใช้อำนาจและการบริหารงานบุคคลอย่างโปร่งใส", 3),
        ("จัดตั้งศูนย์ปฏิบัติการต่อต้านการทุจริต", 5),
        ("การปรับปรุงประสิทธิภาพการทำงานให้ดีขึ้น", 8),
        ("การปรับปรุงข้อมูลในเว็บไซต์ให้เป็นปัจจุบัน", 9),
        ("รณรงค์งดการให้ ไม่รับของขวัญในช่วงเทศกาล", 10),
        ("การให้ความรู้เกี่ยวกับผลประโยชน์ทับซ้อน", 1),
    ],
)
def test_clear_titles_link_to_their_indicator(title: str, indicator_no: int) -> None:
    assert primary(title) == indicator_no


def test_evidence_lists_the_matched_terms_strongest_first() -> None:
    targets = link_measure(
        "การใช้จ่ายงบประมาณ",
        ["เปิดเผยข้อมูลแผนการจัดซื้อจัดจ้างบนเว็บไซต์"],
        None,
        None,
    )
    assert [(t.indicator_no, t.rank) for t in targets] == [(2, 1), (9, 2)]
    assert targets[0].evidence == ["ใช้จ่ายงบประมาณ", "จัดซื้อจัดจ้าง"]
    assert targets[1].evidence == ["เปิดเผยข้อมูล", "เว็บไซต์"]


def test_one_term_in_the_title_outweighs_many_in_the_results() -> None:
    targets = link_measure("ลดขั้นตอนการขออนุญาต", [], "ปรับปรุงเว็บไซต์และเปิดเผยข้อมูลพื้นฐาน", None)
    assert [t.indicator_no for t in targets] == [8, 9]


@pytest.mark.parametrize(
    "title",
    ["การใช้ ทรัพย์สินของ ราชการ", "การใช้ทรัพย์ สินของราชการ", "ทรัพย์สินของทางราชการ", "ทรัพย์สินราชการ"],
)
def test_spacing_and_spelling_variants_still_match(title: str) -> None:
    assert primary(title) == 4


def test_latin_terms_match_across_case_hyphens_and_spaces() -> None:
    targets = link_measure("พัฒนาการให้บริการ (One- stop Service)", ["ใช้ระบบ e - service"], None, None)
    assert targets[0].indicator_no == 8
    assert targets[0].evidence == ["One stop service", "E-Service"]


def test_a_term_inside_a_longer_term_is_not_counted_twice() -> None:
    targets = link_measure("ประชาสัมพันธ์ข้อมูลผ่านเว็บไซต์", [], None, None)
    assert [(t.indicator_no, t.evidence) for t in targets] == [(9, ["ประชาสัมพันธ์ข้อมูล", "เว็บไซต์"])]
    # A complaint of corruption is not also a complaint in general (indicator 7).
    targets = link_measure("มาตรการจัดการเรื่องร้องเรียนการทุจริต", [], None, None)
    assert [(t.indicator_no, t.evidence) for t in targets] == [(10, ["ร้องเรียนการทุจริต"])]


def test_terms_that_merely_overlap_both_count() -> None:
    targets = link_measure("ประกาศหลักเกณฑ์การให้ยืมทรัพย์สินของทางราชการ", [], None, None)
    assert [(t.indicator_no, t.evidence) for t in targets] == [(4, ["ทรัพย์สินของทางราชการ", "ยืมทรัพย์สิน"])]
    targets = link_measure("การลดขั้นตอนการให้บริการ", [], None, None)
    assert [(t.indicator_no, t.evidence) for t in targets] == [(8, ["ลดขั้นตอน"]), (6, ["ขั้นตอนการให้บริการ"])]


@pytest.mark.parametrize(
    ("title", "indicator_no", "evidence"),
    [
        ("เพิ่มประสิทธิภาพในการสื่อสารกับประชาชน", 7, ["ประสิทธิภาพการสื่อสาร"]),
        ("ขั้นตอนการร้องเรียนเรื่องการทุจริต", 10, ["ร้องเรียนการทุจริต"]),
        ("ยกระดับคุณภาพดำเนินงานของกองช่าง", 6, ["คุณภาพการดำเนินงาน"]),
    ],
)
def test_connector_words_may_stand_between_a_terms_words_or_be_left_out(
    title: str, indicator_no: int, evidence: list[str]
) -> None:
    targets = link_measure(title, [], None, None)
    assert [(t.indicator_no, t.evidence) for t in targets] == [(indicator_no, evidence)]


def test_other_words_between_a_terms_words_break_the_match() -> None:
    # Only the bare weak "สื่อสาร" matches, not the indicator name "ประสิทธิภาพการสื่อสาร".
    targets = link_measure("ประสิทธิภาพของระบบงานและการสื่อสาร", [], None, None)
    assert [(t.indicator_no, t.evidence) for t in targets] == [(7, ["สื่อสาร"])]


def test_a_neutral_term_claims_boilerplate_without_scoring() -> None:
    # "จากการปฏิบัติหน้าที่" is No Gift wording, not a sign of indicator 1.
    targets = link_measure("ประกาศนโยบายไม่รับของขวัญจากการปฏิบัติหน้าที่", [], None, None)
    assert [(t.indicator_no, t.evidence) for t in targets] == [(10, ["ของขวัญ"])]
    targets = link_measure("มาตรการป้องกันการรับสินบน", ["มีแบบฟอร์มการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์"], None, None)
    assert [(t.indicator_no, t.evidence) for t in targets] == [(10, ["รับสินบน"])]


def test_a_neutral_row_loads_and_a_negative_weight_does_not(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("indicator_no,term,weight,note\n9,เว็บไซต์,0,\n", encoding="utf-8")
    assert [t.weight for t in load_terms(path).terms] == [0.0]
    path.write_text("indicator_no,term,weight,note\n9,เว็บไซต์,-1,\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"terms\.csv:2: indicator_no must be 1–10 and weight 0 or more"):
        load_terms(path)


def test_equal_scores_go_to_the_indicator_the_title_names_first() -> None:
    targets = link_measure("มาตรการป้องกันการรับสินบนในการจัดซื้อจัดจ้าง", [], None, None)
    assert [(t.indicator_no, t.score) for t in targets] == [(10, 1.9), (2, 1.9)]
    targets = link_measure("การจัดซื้อจัดจ้างโดยไม่รับสินบน", [], None, None)
    assert [(t.indicator_no, t.score) for t in targets] == [(2, 1.9), (10, 1.9)]


def test_one_weak_term_in_the_steps_is_no_target_but_in_the_title_or_repeated_it_is() -> None:
    assert link_measure("จัดกิจกรรมวันเด็ก", ["ประชาสัมพันธ์งานให้ประชาชนทราบ"], None, None) == []
    assert link_measure("ซ่อมแซมถนนในหมู่บ้าน", ["คำสั่งแต่งตั้งคณะกรรมการตรวจรับงานจ้าง"], None, None) == []
    targets = link_measure("ประชาสัมพันธ์กิจกรรมของเทศบาล", [], None, None)
    assert [(t.indicator_no, t.evidence) for t in targets] == [(7, ["ประชาสัมพันธ์"])]
    targets = link_measure("ส่งเสริมการมีส่วนร่วมของประชาชน", ["เชิญประชาชนมีส่วนร่วมในการประชุม"], None, None)
    assert [(t.indicator_no, t.evidence) for t in targets] == [(8, ["มีส่วนร่วม"])]
    targets = link_measure("การมีส่วนร่วมและรับฟังข้อเสนอแนะ", [], None, None)
    assert [(t.indicator_no, t.evidence) for t in targets] == [(8, ["มีส่วนร่วม", "ข้อเสนอแนะ"])]


def test_everyday_indicator_names_weigh_as_ordinary_terms() -> None:
    # "ปฏิบัติหน้าที่" here says who spends, not that the measure is about performance of duty.
    assert primary("ควบคุมการเบิกจ่ายเงินของผู้ปฏิบัติหน้าที่การเงิน") == 2


def test_an_instrument_heading_limits_the_choice_to_its_indicators() -> None:
    title = "จัดทำคู่มือการใช้ทรัพย์สินของราชการและเผยแพร่ข้อมูลบนเว็บไซต์"
    assert primary(title) == 4
    assert primary(title, group="มาตรการ/แนวทาง ยกระดับ OIT") == 9
    assert link_measure(title, [], None, "มาตรการ ยกระดับ EIT") == []


def test_the_instruments_indicators_come_from_the_measures_framework(monkeypatch) -> None:
    # a future framework that moved the website indicator into EIT needs a new JSON file, not new code
    current = framework.for_measures(2568)
    moved = [replace(i, instrument="EIT") if i.no == 9 else i for i in current.indicators]
    monkeypatch.setattr(framework, "for_measures", lambda year: replace(current, indicators=tuple(moved)))
    title = "จัดทำคู่มือการใช้ทรัพย์สินของราชการและเผยแพร่ข้อมูลบนเว็บไซต์"
    assert primary(title, group="มาตรการ ยกระดับ EIT") == 9


def test_an_issue_heading_is_evidence_like_the_title() -> None:
    heading = "ประเด็นที่ 3 กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ"
    targets = link_measure("จัดทำคู่มือ", [], None, heading)
    assert [(t.indicator_no, t.evidence) for t in targets] == [(4, ["ทรัพย์สินของราชการ", "ใช้ทรัพย์สิน"])]
    assert primary("จัดทำคู่มือ", group="ประเด็นที่ 2 การให้บริการและระบบ E-Service") == 8


@pytest.mark.parametrize(
    "heading",
    ["MOIT 16 หน่วยงานมีมาตรการจัดการเรื่องร้องเรียน", "ดัชนีความโปร่งใส ตัวชี้วัดที่ 9 : การจัดการเรื่องร้องเรียน"],
)
def test_another_frameworks_heading_is_evidence_not_a_limit(heading: str) -> None:
    # MOIT is the health ministry's list, not OIT; its numbers are not this framework's indicators.
    targets = link_measure("ศูนย์รับเรื่องราวร้องทุกข์", [], None, heading)
    assert [(t.indicator_no, t.evidence) for t in targets] == [(7, ["ร้องทุกข์", "ร้องเรียน"])]


def test_a_heading_naming_an_indicator_of_the_framework_puts_it_first() -> None:
    title = "จัดทำข้อมูลเผยแพร่ขั้นตอนการให้บริการที่สำคัญในเว็บไซต์ของหน่วยงาน"
    heading = "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ (I1-I6)"
    assert primary(title) != 1
    targets = link_measure(title, [], None, heading, fiscal_year=2564)
    assert targets[0].indicator_no == 1
    assert targets[0].evidence[0] == heading
    assert {t.indicator_no for t in targets[1:]} <= {6, 9} and len(targets) <= 3
    # an issue heading names it the same way
    assert link_measure(title, [], None, "ประเด็นที่ 1 การปฏิบัติหน้าที่")[0].indicator_no == 1
    # the name must agree with the number: "การใช้ทรัพย์สินของราชการ" is indicator 4, not 5
    assert link_measure("ทบทวนคู่มือ", [], None, "ตัวชี้วัดที่ 5 การใช้ทรัพย์สินของราชการ")[0].indicator_no == 4


@pytest.mark.parametrize("number", [1, 9])
def test_a_heading_numbering_another_frameworks_indicator_puts_nothing_first(number: int) -> None:
    heading = f"ตัวชี้วัดที่ {number} : การจัดซื้อจัดจ้าง"  # MOIT numbers procurement 1
    assert link_measure("ประกาศแผนการจัดซื้อจัดจ้างประจำปี", [], None, heading)[0].indicator_no == 2


def test_no_evidence_means_no_targets() -> None:
    assert link_measure("จัดกิจกรรมวันเด็กแห่งชาติ", ["เชิญชวนประชาชนเข้าร่วมงาน"], None, None) == []
    assert link_measure("", [], None, None) == []


def test_one_word_in_the_results_alone_is_too_little() -> None:
    assert link_measure("จัดกิจกรรมวันเด็กแห่งชาติ", [], "เผยแพร่ภาพบนเว็บไซต์", None) == []


def test_term_table_covers_every_indicator() -> None:
    table = load_terms(TERMS_PATH)
    assert 30 <= len(table.terms) <= 150
    # Every indicator has a term that can make it a target on its own.
    assert {t.indicator_no for t in table.terms if t.weight > WEAK_WEIGHT} == set(range(1, 11))


def test_every_term_row_is_explained_and_no_row_repeats_another() -> None:
    with TERMS_PATH.open(encoding="utf-8", newline="") as f:
        assert all(row["note"].strip() for row in csv.DictReader(f))
    # A spelling the connector rule already reads (ทรัพย์สินราชการ) needs no row of its own.
    patterns = [t.pattern.pattern for t in load_terms(TERMS_PATH).terms]
    assert len(patterns) == len(set(patterns))


def test_a_bad_term_row_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("indicator_no,term,weight,note\n4,ครุภัณฑ์,1.0,\n11,เว็บไซต์,0.5,\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"terms\.csv:3: indicator_no must be 1–10"):
        load_terms(path)


def test_primary_indicator_accuracy_on_the_seed_documents() -> None:
    """Hand labels were written before the linker; see the README for what this figure can and cannot say."""
    with LABELS.open(encoding="utf-8", newline="") as f:
        labels = {(row["document"], int(row["measure_no"])): row for row in csv.DictReader(f)}
    misses, total = [], 0
    for path in sorted(SEEDS.glob("*.txt")):
        # Matched by document order: the hand labels number unnumbered measures in order too.
        for order, measure in enumerate(parse_report(path).measures, start=1):
            label = labels.pop((path.name, order))
            total += 1
            got = primary(measure.title, measure.steps, measure.result, measure.group)
            if got != int(label["primary_indicator"]):
                misses.append(
                    f"{path.name[:3]} #{order} {label['title']}: labelled {label['primary_indicator']}, got {got}"
                )
    assert not labels, f"labelled measures the parser did not find: {sorted(labels)}"
    accuracy = (total - len(misses)) / total
    assert accuracy >= 0.85, f"accuracy {accuracy:.3f}; missed:\n" + "\n".join(misses)


def test_the_accuracy_script_scores_a_labelled_set(tmp_path: Path) -> None:
    from bench.linking_accuracy import evaluate, read_labels, summary_row

    labels = tmp_path / "labels.csv"
    with labels.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(
            f,
            [
                "title",
                "steps",
                "result",
                "group_heading",
                "fiscal_year",
                "primary_indicator",
                "secondary_indicators",
            ],
        )
        writer.writeheader()
        writer.writerows(
            [
                {"title": "แนวทางปฏิบัติการใช้ทรัพย์สินของราชการ", "fiscal_year": "2566", "primary_indicator": "4"},
                {
                    "title": "ปรับปรุงเว็บไซต์",
                    "steps": "เผยแพร่ข้อมูล | รณรงค์ No Gift Policy",
                    "primary_indicator": "10",
                },
                {"title": "ประชุมประจำเดือน", "primary_indicator": "3", "secondary_indicators": "1 5"},
            ]
        )
    measures = read_labels(labels)
    assert measures[1].steps == ["เผยแพร่ข้อมูล", "รณรงค์ No Gift Policy"]
    outcomes = evaluate(measures)
    assert [(o.right, o.among) for o in outcomes] == [(True, True), (False, True), (False, False)]
    assert summary_row("labels", outcomes) == "| labels | 3 | 1 (33%; 95 % 6%–79%) | 2 | 1 |"
