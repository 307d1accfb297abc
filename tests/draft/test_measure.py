"""The draft's fill measure: a draft value counts as correct when it is the truth as the centre compares names."""

from __future__ import annotations

from matcheck.draft.measure import measure
from matcheck.profile.load import parse_profile


def _profile(employer: str):
    return parse_profile({"as_of": "2026-11-20", "applicant": {"name": "李明"},
                          "employer": {"name": employer}}, source="test")


def test_a_unit_name_read_with_ascii_brackets_is_the_same_unit():
    fill = measure(_profile("上海示例（集团）有限公司"), _profile("上海示例(集团) 有限公司"))
    assert "employer.name" in fill.paths["correct"]
    assert "employer.name" not in fill.paths["wrong"]


def test_a_different_unit_is_wrong():
    fill = measure(_profile("上海示例（集团）有限公司"), _profile("上海示例(控股)有限公司"))
    assert "employer.name" in fill.paths["wrong"]
