"""The framework of each year is data: weights, indicators and grade bands from data/framework/."""

from __future__ import annotations

import pytest

from ita import framework
from tests.seed_values import NKR_2564 as SEED_NKR_2564

NKR_2564 = {int(no): score for no, score in SEED_NKR_2564.items()}


def test_2564_weights_reproduce_the_published_overall():
    fw = framework.for_year(2564)
    assert fw.overall(NKR_2564) == pytest.approx(92.898)
    assert fw.is_consistent(92.9, fw.overall(NKR_2564))
    assert fw.grade(92.9) == "A"


def test_an_incomplete_set_of_indicators_has_no_overall():
    fw = framework.for_year(2564)
    assert fw.overall({k: v for k, v in NKR_2564.items() if k != 10}) is None


@pytest.mark.parametrize(
    ("score", "grade"),
    [(95.0, "AA"), (94.99, "A"), (85.0, "A"), (84.99, "B"), (65.0, "C"), (50.0, "E"), (49.99, "F")],
)
def test_letter_bands_2562_to_2565(score, grade):
    assert framework.for_year(2563).grade(score) == grade


def test_pass_labels_need_every_instrument_from_2566():
    fw = framework.for_year(2568)
    # ITA.md: a 94.64 overall with EIT below 85 was rated only ผ่าน in 2568
    assert fw.grade(94.64, {"IIT": 97.0, "EIT": 84.0, "OIT": 99.0}) == "ผ่าน"
    assert fw.grade(96.0, {"IIT": 96.0, "EIT": 97.0, "OIT": 99.0}) == "ผ่านดีเยี่ยม"
    assert fw.grade(90.0, {"IIT": 90.0, "EIT": 86.0, "OIT": 92.0}) == "ผ่านดี"
    assert fw.grade(84.9, {"IIT": 90.0, "EIT": 86.0, "OIT": 92.0}) == "ไม่ผ่าน"


def test_old_model_years_carry_an_overall_only():
    fw = framework.for_year(2561)
    assert fw.model == "five_index" and not fw.indicators
    assert fw.overall(NKR_2564) is None


def test_a_year_without_a_framework_file_is_unknown():
    assert framework.for_year(2569) is None


@pytest.mark.parametrize(("year", "used"), [(2566, 2566), (2569, 2568), (2561, 2562), (None, 2568)])
def test_measures_aim_at_their_year_or_the_newest_earlier_framework(year, used):
    assert framework.for_measures(year).fiscal_year == used
