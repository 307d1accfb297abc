"""A verdict another rule words gives one finding, not two (the rule's ``REPORTS``: the catalog's prerequisite
line is left to it by missing-material, the scorer's gate by not-eligible)."""

from __future__ import annotations

from pathlib import Path

import yaml

from matcheck.gaps import material_statuses
from matcheck.materials import catalog
from matcheck.pipeline import assess, build_checklist, score
from matcheck.profile import parse_profile
from matcheck.rules import RULES, Facts, RuleConfig, run_rules

BASE = yaml.safe_load((Path(__file__).parent / "base_profile.yaml").read_text(encoding="utf-8"))


def findings(profile_data: dict, config: RuleConfig = RuleConfig()):
    profile = parse_profile(profile_data, source="p.yaml")
    assessment = assess(profile)
    checklist = build_checklist(assessment)
    required = material_statuses(checklist, (), assessment)
    facts = Facts(assessment=assessment, score=score(assessment), checklist=checklist, documents=(),
                  required=required, config=config)
    return run_rules(facts), required


def test_every_reported_verdict_is_a_prerequisite_line_or_a_gate_verdict():
    """What a rule REPORTS is a verdict another stage also shows: a prerequisite line of the catalog or a verdict
    the scorer tags its eligibility observation with (a typo would silently report it twice)."""
    from matcheck.checks.permit import PERMIT_EXPIRED

    prerequisites = {m.id for m in catalog().values() if m.kind == "prerequisite"}
    reported = {v: rule for rule, m in RULES.items() for v in getattr(m, "REPORTS", ())}
    assert reported, "no rule declares REPORTS"
    for verdict, rule in reported.items():
        assert verdict in prerequisites | {PERMIT_EXPIRED}, f"{rule}: REPORTS {verdict!r} is no verdict"


def test_account_created_too_early_is_one_warning_not_also_a_missing_prerequisite():
    data = {**BASE, "applicant": {**BASE["applicant"]}}
    permit = data["applicant"]["residence_permit"]
    data["applicant"]["account_created"] = permit["issued"]  # same day: fewer than 3 working days
    found, required = findings(data)
    status = next(s for s in required if s.material == "account_after_permit")
    assert status.status == "missing"  # the checklist still shows ✗ on that line
    assert ("permit-too-recent", "warning") in [(f.rule, f.severity) for f in found]
    assert not [f for f in found if f.rule == "missing-material" and "account_after_permit" in (f.subject or "")]


def test_when_the_reporting_rule_is_disabled_missing_material_speaks():
    data = {**BASE, "applicant": {**BASE["applicant"]}}
    data["applicant"]["account_created"] = data["applicant"]["residence_permit"]["issued"]
    found, _ = findings(data, RuleConfig(disabled=frozenset({"permit-too-recent"})))
    assert [f for f in found if f.rule == "missing-material" and "account_after_permit" in (f.subject or "")]
