"""Unit tests around the score: policy notes, the 社平 error, provisional marking, the road's steps, the text
and JSON renderings, and the CLI's exit codes and -o."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcheck.cli import app
from matcheck.assessment import assess
from matcheck.profile import ProfileError, parse_profile
from matcheck.report.text import TextRenderer
from matcheck.scoring import score

BASE = {
    "applicant": {"id_number": "320102199203154514", "residence_permit": {"issued": "2024-03-01", "expires": "2027-02-28"}},
    "employer": {"name": "上海示例信息科技有限公司"},
    "contract": {"start": "2022-07-01", "end": "2027-06-30"},
    "education": [{"level": "大专", "mode": "全日制", "start": "2011-09", "end": "2014-06"}],
    "social_insurance": [{"from": "2022-07", "to": "至今", "unit": "上海示例信息科技有限公司", "base_multiple": 0.9}],
}
IDS = ("age", "education", "qualification", "social_insurance_years", "social_insurance_base", "shortage_major",
       "investment", "public_service", "remote_area", "fresh_graduate", "award", "spouse_hukou", "entrepreneur",
       "intermediary", "deductions")


def run(data: dict, as_of: date = date(2026, 11, 20), policy: str = "auto"):
    return score(assess(parse_profile(data, source="profile.yaml"), as_of, policy))


def test_every_contract_indicator_is_present_in_order() -> None:
    s = run(BASE)
    assert tuple(i.id for i in s.indicators) == IDS
    for ind in s.indicators:
        assert ind.reference.startswith(("《", "matcheck")), ind
        assert ind.reason


def test_reason_shows_the_arithmetic() -> None:
    data = dict(BASE, applicant=dict(BASE["applicant"], id_number="320102198211204513"))
    s = run(data)
    assert "44周岁：5 + 2 × (56 − 44) = 29" in s.indicator("age").reason
    assert "3 × ⌊52 ÷ 12⌋ = 3 × 4 = 12" in s.indicator("social_insurance_years").reason


def test_lapsed_policy_note_after_2027() -> None:
    s = run(BASE, as_of=date(2028, 3, 1))
    assert s.policy == "2023"
    assert s.policy_note and "2027-12-31" in s.policy_note and "已超过" in s.policy_note
    assert run(BASE).policy_note is None


def test_named_version_outside_its_dates_is_noted() -> None:
    s = run(BASE, policy="2013")
    assert s.policy == "2013" and "2013" in s.policy_note


def test_unpublished_average_wage_stands_in_and_says_so() -> None:
    data = dict(BASE, social_insurance=[{"from": "2022-07", "to": "至今", "unit": "上海示例信息科技有限公司",
                                         "base": 9000}])
    s = run(data)
    ind = next(i for i in s.indicators if i.id == "social_insurance_base")
    assert ind.provisional and s.provisional
    assert "尚未公布或未取得" in ind.reason and "10338" in ind.reason and "12434" in ind.reason, ind.reason


def test_a_month_before_the_wage_table_is_a_profile_error_naming_the_month() -> None:
    data = dict(BASE, social_insurance=[{"from": "2010-01", "to": "2014-02", "unit": "上海示例信息科技有限公司",
                                         "base": 9000}],
                education=[{"level": "大专", "mode": "全日制", "start": "2008-09", "end": "2011-06"}])  # done by then
    with pytest.raises(ProfileError) as err:
        run(data, as_of=date(2014, 3, 20))
    line = err.value.lines[0]
    assert "profile.yaml: social_insurance[0].base" in line and "2011-03" in line and "base_multiple" in line


def test_yuan_base_inside_the_known_table_is_fine() -> None:
    data = dict(BASE, social_insurance=[{"from": "2018-06", "to": "2022-05", "unit": "上海示例信息科技有限公司",
                                         "base": 16000}])
    s = run(data, as_of=date(2022, 6, 1))
    assert s.indicator("social_insurance_base").points == 50
    assert s.indicator("social_insurance_base").uncertain  # the 社平 table is [C]


def test_to_verify_makes_indicator_and_total_provisional() -> None:
    data = dict(BASE, education=[{"level": "本科", "degree": "待核实", "mode": "全日制", "start": "2010-09",
                                  "end": "2014-06"}])
    s = run(data)
    edu = s.indicator("education")
    assert edu.provisional and "待核实" in edu.reason and s.provisional


def test_road_gives_date_and_quickest_claims() -> None:
    s = run(BASE)
    # 大专 50 + 30 + 0.8× tier 25 + 52 months → 12 = 117
    assert s.total == 117 and not s.reaches_standard
    road = s.road
    assert road.gap == 3 and road.reaches_on == date(2027, 7, 1)
    steps = {st.description: st for st in road.steps}
    years = next(st for d, st in steps.items() if d.startswith("社保年限"))
    assert years.points == 3 and years.on == date(2027, 7, 1)
    raise_2x = next(st for d, st in steps.items() if "≥2倍" in d)
    # from 2026-11 at 2×: 36 months end with 2029-10 → 2029-11-01; 100 − 25 = 75
    assert raise_2x.points == 75 and raise_2x.on == date(2029, 11, 1)
    raise_3x = next(st for d, st in steps.items() if "≥3倍" in d)
    # 24 months at 3× end with 2028-10 → 2028-11-01; 120 − 25 = 95
    assert raise_3x.points == 95 and raise_3x.on == date(2028, 11, 1)


def test_no_road_when_reached() -> None:
    data = dict(BASE, education=[{"level": "本科", "degree": "学士", "mode": "全日制", "start": "2010-09",
                                  "end": "2014-06"}])
    assert run(data).road is None


def test_text_rendering_is_a_table_with_total_and_road() -> None:
    s = run(BASE)
    text = TextRenderer().score(s, ())
    assert "年龄" in text and "社保缴费基数" in text and "总分 117" in text
    assert "2027-07-01" in text and "┃" in text


def test_cli_json_keys_and_exit_codes(tmp_path: Path) -> None:
    import yaml

    below = tmp_path / "below.yaml"
    below.write_text(yaml.safe_dump(dict(BASE, as_of="2026-11-20"), allow_unicode=True), encoding="utf-8")
    out = tmp_path / "score.json"
    result = CliRunner().invoke(app, ["score", str(below), "--format", "json", "-o", str(out)])
    assert result.exit_code == 1  # the standard is not reached
    data = json.loads(out.read_text(encoding="utf-8"))
    for key in ("total", "standard", "reaches_standard", "provisional", "policy", "as_of", "indicators", "findings"):
        assert key in data
    assert data["total"] == 117 and data["standard"] == 120 and data["policy"] == "2023"
    assert {"id", "points", "counted", "reason", "reference"} <= set(data["indicators"][0])
    above = tmp_path / "above.yaml"
    above.write_text(yaml.safe_dump(dict(BASE, as_of="2026-11-20", education=[
        {"level": "本科", "degree": "学士", "mode": "全日制", "start": "2010-09", "end": "2014-06"}]),
        allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(above), "--as-of", "2026-11-20", "--policy", "2023"])
    assert result.exit_code == 0 and "已达到" in result.stdout


def test_road_base_steps_for_someone_not_paying_start_with_the_as_of_month() -> None:
    # 社保 2022-07..2025-12 at 0.9×, nothing since: as_of 2026-11-20, last counted month 2026-10 is unpaid.
    # Paying again at 3× from 2026-11 (the month the step names): 2026-11..2028-10 = 24 months → 2028-11-01
    # (the 2026-10 month was not paid and must not be credited, which would give 2028-10-01).
    # At 2× from 2026-11: ≥2× months in the 48-window: 2026-11..2029-10 = 36 → 2029-11-01.
    data = dict(BASE, social_insurance=[{"from": "2022-07", "to": "2025-12", "unit": "上海示例信息科技有限公司",
                                         "base_multiple": 0.9}])
    s = run(data)
    assert s.road is not None
    steps = {st.description: st for st in s.road.steps}
    raise_3x = next(st for d, st in steps.items() if "≥3倍" in d)
    assert "自2026-11起" in next(d for d in steps if "≥3倍" in d)
    assert raise_3x.on == date(2028, 11, 1)
    raise_2x = next(st for d, st in steps.items() if "≥2倍" in d)
    assert raise_2x.on == date(2029, 11, 1)


def test_equivalent_master_degree_is_reasoned_as_such() -> None:
    data = dict(BASE, education=[{"level": "本科", "degree": "硕士", "mode": "成人", "start": "2010-09",
                                  "end": "2014-06"}])
    ind = next(i for i in run(data).indicators if i.id == "education")
    assert ind.points == 60 and "同等学力" in ind.reason and "学历学位只具其一" in ind.reason, ind.reason
    assert "本科（无学士学位）" not in ind.reason


def test_master_without_degree_says_the_lower_level_needs_its_own_degree() -> None:
    data = dict(BASE, education=[{"level": "硕士", "degree": "none", "mode": "全日制", "start": "2014-09",
                                  "end": "2017-06"}])
    ind = next(i for i in run(data).indicators if i.id == "education")
    assert ind.points == 60 and "须持有本档学位" in ind.reason and "无学士学位" in ind.reason, ind.reason


@pytest.mark.parametrize("backpaid, provisional", [(False, True), (True, False)])
def test_stand_in_wage_marks_the_base_bonus_and_the_one_times_rule_alike(backpaid: bool, provisional: bool) -> None:
    """Yuan bases in 社保年度 2026 (社平 not published: a stand-in divides them) make both the 社保基数 bonus and a
    职称's 1× base rule provisional; the same months back-paid do not count, so neither is provisional by them.
    One test of "a stand-in 社平 was used" (scoring/insurance.py), read by both."""
    data = dict(BASE, qualifications=[{"kind": "职称", "level": "中级", "name": "工程师"}], social_insurance=[
        {"from": "2022-07", "to": "2026-06", "unit": "上海示例信息科技有限公司", "base_multiple": 1.2},
        {"from": "2026-07", "to": "2026-10", "unit": "上海示例信息科技有限公司", "base": 15000, "backpaid": backpaid}])
    s = run(data)
    base, qualification = s.indicator("social_insurance_base"), s.indicator("qualification")
    assert qualification.points > 0 and "满足1倍基数规则" in qualification.reason
    assert base.provisional == qualification.provisional == provisional
    assert ("尚未公布或未取得" in base.reason) == provisional
