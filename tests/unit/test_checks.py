"""One check per fact (matcheck/checks/): the stages that show a fact read the same verdict, so they agree.

Each test builds a real profile (the rule cases' clean applicant, tests/rules/base_profile.yaml) and runs the real
stages — scorer, checklist, folder check (gaps), rules — on it; nothing is mocked.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from matcheck.assessment import assess
from matcheck.checklist.build import build_checklist
from matcheck.checks.insurance import current_insurance
from matcheck.checks.permit import account_timing
from matcheck.checks.person import owner_of
from matcheck.gaps import material_statuses
from matcheck.matching import same_unit
from matcheck.profile import parse_profile
from matcheck.rules import Facts, run_rules
from matcheck.scoring import score
from matcheck.scoring.ledger import build_ledger
from matcheck.dates import Month
from matcheck.workdays import working_days_between

BASE = yaml.safe_load((Path(__file__).resolve().parents[1] / "rules" / "base_profile.yaml").read_text("utf-8"))


def _profile(**changes):
    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        node = data
        *parents, last = path.split(".")
        for key in parents:
            node = node[key]
        node[last] = value
    return parse_profile(data, source="test")


def _run(profile):
    assessment = assess(profile)
    checklist = build_checklist(assessment)
    required = material_statuses(checklist, (), assessment)
    result = score(assessment)
    findings = run_rules(Facts(assessment=assessment, score=result, checklist=checklist, documents=(),
                               required=required))
    return assessment, result, checklist, required, findings


def _status(required, material):
    return next(s for s in required if s.material == material)


# --------------------------------------------------------------------------- same unit


@pytest.mark.parametrize("employer, written", [
    ("上海示例信息科技有限公司", "上海示例 信息科技有限公司"),
    ("上海示例信息科技(上海)有限公司", "上海示例信息科技（上海）有限公司"),
    ("上海示例信息科技[上海]有限公司", "上海示例信息科技【上海】有限公司"),  # the scorer used to call these two units
    ("上海示例信息科技有限公司", "上海另一家科技有限公司"),
])
def test_scorer_and_unit_mismatch_compare_units_alike(employer: str, written: str) -> None:
    """The scorer's 缴费单位 = 合同单位 (the ledger) and unit-mismatch decide with the same comparison."""
    data = copy.deepcopy(BASE)
    data["employer"]["name"] = employer
    data["tax"]["withholding_unit"] = employer
    data["social_insurance"][0]["unit"] = written
    profile = parse_profile(data, source="test")
    ledger = build_ledger(profile, Month.parse("2026-10"))
    scorer_says_same = not ledger.get(Month.parse("2026-10")).unit_mismatch
    _, _, _, _, findings = _run(profile)
    rule_says_same = not any(f.rule == "unit-mismatch" and f.subject == "social_insurance[0].unit" for f in findings)
    assert scorer_says_same == rule_says_same == same_unit(employer, written)


# --------------------------------------------------------------------------- account after permit


@pytest.mark.parametrize("days_after", range(0, 12))
def test_account_timing_one_verdict_for_the_checklist_line_and_permit_too_recent(days_after: int) -> None:
    """Around the 国庆 holiday: the prerequisite line and permit-too-recent agree day by day, and the checklist
    names the same earliest day."""
    issued = date(2026, 9, 30)
    created = issued + timedelta(days=days_after)
    profile = _profile(**{"applicant.residence_permit": {"issued": issued.isoformat(), "expires": "2027-09-29"},
                          "applicant.account_created": created.isoformat(), "as_of": "2026-11-20"})
    assessment, _, checklist, required, findings = _run(profile)
    timing = account_timing(assessment)
    assert timing.earliest == date(2026, 10, 10)  # 10-01..10-07 off; 10-08, 10-09, then 调休 Saturday 10-10
    assert timing.too_early == (working_days_between(issued, created) < timing.needed) == (created < timing.earliest)
    line = _status(required, "account_after_permit")
    assert line.status == ("missing" if timing.too_early else "present")
    assert any(f.rule == "permit-too-recent" for f in findings) == timing.too_early
    assert not any(f.rule == "missing-material" and f.subject == "account_after_permit" for f in findings)
    wording = next(i.validity for i in checklist.items if i.material == "account_after_permit")
    assert f"不早于 {timing.earliest}" in wording


def test_account_created_years_after_the_permit_is_present_not_a_crash() -> None:
    """Working days are counted over at most three years; an account created later is long past the wait (the
    folder check used to stop with an internal error here)."""
    profile = _profile(**{"applicant.residence_permit": {"issued": "2021-03-01", "expires": "2027-02-28"},
                          "applicant.account_created": "2025-06-02"})
    _, _, _, required, findings = _run(profile)
    assert _status(required, "account_after_permit").status == "present"
    assert not any(f.rule in ("permit-too-recent", "missing-material") for f in findings
                   if f.subject in ("account_after_permit", "applicant.account_created"))


# --------------------------------------------------------------------------- 社保 in the application month


@pytest.mark.parametrize("periods, month", [
    ([{"from": "2022-07", "to": "2026-10", "unit": "上海示例信息科技有限公司", "base_multiple": 1.2}], "2026-10"),
    ([{"from": "2022-07", "to": "2026-09", "unit": "上海示例信息科技有限公司", "base_multiple": 1.2}], None),
    ([{"from": "2022-07", "to": "2026-09", "unit": "上海示例信息科技有限公司", "base_multiple": 1.2},
      {"from": "2026-10", "to": "2026-10", "unit": "上海示例信息科技有限公司", "base_multiple": 1.2, "backpaid": True}],
     None),
    ([{"from": "2022-07", "to": None, "unit": "上海示例信息科技有限公司", "base_multiple": 1.2}], "2026-11"),
])
def test_current_month_insurance_one_verdict_for_the_gate_and_the_checklist_line(periods, month) -> None:
    profile = _profile(social_insurance=periods)
    assessment, result, _, required, _ = _run(profile)
    verdict = current_insurance(assessment)
    paying = month is not None
    assert verdict.lag == assessment.params["eligibility.current_month_lag"]
    assert (verdict.paying, str(verdict.month) if verdict.month else None) == (paying, month)
    gate = [o.args.get("verdict") for o in result.observations
            if o.rule == "not-eligible" and o.args.get("gate") == "current_insurance"]
    assert gate == ([] if paying else ["social_insurance_current_month"])
    line = _status(required, "social_insurance_current_month")
    assert line.status == ("present" if paying else "missing")  # the profile disproves it: missing, not unverified
    assert line.args.get("reason") == (None if paying else "disproved")


def test_no_current_month_insurance_is_one_finding_worded_by_not_eligible() -> None:
    """not-eligible REPORTS the prerequisite line: while it is enabled missing-material stays silent on the line;
    disabled, missing-material words it as an unmet prerequisite."""
    profile = _profile(social_insurance=[{"from": "2022-07", "to": "2026-08", "unit": "上海示例信息科技有限公司",
                                          "base_multiple": 1.2}])
    assessment, result, checklist, required, findings = _run(profile)
    about = [(f.rule, f.subject) for f in findings if f.subject in ("social_insurance", "social_insurance_current_month")]
    assert about == [("not-eligible", "social_insurance")]
    from matcheck.rules.base import RuleConfig

    alone = run_rules(Facts(assessment=assessment, score=result, checklist=checklist, documents=(), required=required,
                            config=RuleConfig(disabled=frozenset({"not-eligible"}))))
    worded = [f for f in alone if f.subject == "social_insurance_current_month"]
    assert [(f.rule, f.severity) for f in worded] == [("missing-material", "error")]
    assert "前提条件未满足" in worded[0].message


def test_current_month_insurance_marked_to_verify_is_unverified_and_no_gate() -> None:
    """社保 待核实 in the profile: nothing is disproved, so neither the gate nor the line says it is not met."""
    data = copy.deepcopy(BASE)
    data["social_insurance"] = [{"from": "2022-07", "to": "2026-08", "unit": "待核实", "base_multiple": 1.2}]
    assessment, result, _, required, _ = _run(parse_profile(data, source="test"))
    assert current_insurance(assessment).to_verify and not current_insurance(assessment).disproved
    assert _status(required, "social_insurance_current_month").status == "unverified"
    assert not [o for o in result.observations if o.args.get("gate") == "current_insurance"]


def test_account_created_in_a_year_without_a_calendar_after_a_known_earliest_day_is_present() -> None:
    """Permit issued 2026-12-01 (the 3rd working day is known: 2026-12-04), account created 2027-01-11 (2027's
    calendar is unknown, so the days in between cannot be counted): permit-too-recent finds nothing, and the line
    says the same (it used to be unverified)."""
    profile = _profile(**{"applicant.residence_permit": {"issued": "2026-12-01", "expires": "2028-11-30"},
                          "applicant.account_created": "2027-01-11", "as_of": "2027-01-20"})
    assessment, _, _, required, findings = _run(profile)
    timing = account_timing(assessment)
    assert (timing.earliest, timing.working_days, timing.too_early) == (date(2026, 12, 4), None, False)
    line = _status(required, "account_after_permit")
    assert line.status == "present" and "2026-12-04" in line.note
    assert not [f for f in findings if f.rule == "permit-too-recent"]


# --------------------------------------------------------------------------- the contract term


@pytest.mark.parametrize("start, end, problem", [
    ("2022-07-01", "2027-06-30", None),
    ("2025-07-01", "2026-06-30", "past_end"),           # one year exactly, but ended before as_of
    ("2026-06-01", "2027-01-31", "term_too_short"),
    ("2024-01-01", "2026-12-31", "too_few_months_left"),  # 1 month 11 days left on 2026-11-20
])
def test_contract_term_one_verdict_for_the_profile_and_the_file(start: str, end: str, problem: str | None) -> None:
    """The profile's contract (contract-too-short) and the same term read from a 劳动合同 file (the checklist
    line's status → material-expired) are judged by one check."""
    from matcheck.results import Document

    profile = _profile(contract={"start": start, "end": end, "post": "软件工程师", "dispatched": False})
    assessment = assess(profile)
    checklist = build_checklist(assessment)
    contract_file = Document(path="劳动合同.pdf", sha256="0" * 64, size=1000, file_type="pdf",
                             material="labour_contract", confidence=0.9, person="applicant", person_name="李明",
                             fields={"term_start": date.fromisoformat(start), "term_end": date.fromisoformat(end)})
    required = material_statuses(checklist, (contract_file,), assessment)
    line = _status(required, "labour_contract")
    findings = run_rules(Facts(assessment=assessment, score=score(assessment), checklist=checklist,
                               documents=(contract_file,), required=required))
    profile_rule = [f for f in findings if f.rule == "contract-too-short"]
    file_rule = [f for f in findings if f.rule == "material-expired" and f.subject == "labour_contract"]
    if problem is None:
        assert line.status == "present" and not profile_rule and not file_rule
    else:
        assert line.status == "expired" and line.args["reason"] == problem
        assert profile_rule and file_rule
        # one fact, one weight: the months-left rule is agency practice (a warning) from either source
        assert {f.severity for f in file_rule} == {f.severity for f in profile_rule}


# --------------------------------------------------------------------------- whose a document is


def test_a_childs_certificate_goes_to_the_child_its_id_number_names() -> None:
    """Two children; a 出生医学证明 carrying 李小明's ID number, its name misread as 李小红 (the other child): the
    folder check answers 李小明's line with it (it used to answer 李小红's, by the name alone), and identity-mismatch
    takes 李小明 as its owner — one decision."""
    from matcheck.results import Document

    data = copy.deepcopy(BASE)
    data["children"] = [{"name": "李小明", "id_number": "310115201906011237"},
                        {"name": "李小红", "id_number": "31011520090315123X"}]
    profile = parse_profile(data, source="test")
    assessment = assess(profile)
    checklist = build_checklist(assessment)
    cert = Document(path="出生证明.jpg", sha256="0" * 64, size=1000, file_type="jpeg", material="birth_certificate",
                    confidence=0.9, person="child", person_name="李小红", ocr=True,
                    fields={"id_numbers": ["310115201906011237"], "names": ["李小红"]})
    required = material_statuses(checklist, (cert,), assessment)
    lines = {s.item.person_index: s for s in required if s.material == "birth_certificate"}
    assert lines[0].files == ("出生证明.jpg",) and lines[0].status == "present"
    assert lines[1].status == "missing"
    owner = owner_of(cert, profile, assessment.params)  # whose identity-mismatch compares it with
    assert (owner.role, owner.index, owner.path) == ("child", 0, "children[0]")


# --------------------------------------------------------------------------- one parameter view


def test_every_stage_reads_the_parameters_of_the_chosen_versions_day() -> None:
    """--policy 2013 on 2026-11-20 (outside 2013's dates): the parameters are those in force on the version's last
    day, for the scorer, the checklist and the rules alike (profile rules used to recompute them, folder rules read
    the assessment date's)."""
    profile = _profile()
    assessment = assess(profile, date(2026, 11, 20), "2013")
    current = assess(profile, date(2026, 11, 20), "2023")
    assert assessment.policy == "2013" and assessment.params.day == date(2017, 12, 31)
    # the scorer's output follows the version's day: the 社保基数 window of 2013 (36 months) is not 2023's (48)
    windows = [a.params["social_insurance_base.window_months"] for a in (assessment, current)]
    assert windows[0] != windows[1]
    for a, window in zip((assessment, current), windows):
        base = next(i for i in score(a).indicators if i.id == "social_insurance_base")
        assert base.reason.startswith(f"最近{window}个月"), base.reason
    facts = Facts(assessment=assessment, score=score(assessment))
    assert facts.params.day == date(2017, 12, 31)
    assert build_checklist(assessment).as_of == date(2026, 11, 20)
    result = score(assessment)
    assert result.policy == "2013" and "2013" in result.policy_note  # says the date is outside the version
