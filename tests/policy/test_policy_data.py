"""The policy data is honest: every value has a source and a confidence, every version has its parameters, and
the scoring code holds no points literal (the rules are data)."""

from __future__ import annotations

import tokenize
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcheck.cli import app
from matcheck.policy import lint, load_parameters, params_at, versions
from matcheck.policy.parameters import load_parameters as _load
from matcheck.sources import ids_in

SCORING = Path(__file__).resolve().parents[2] / "matcheck" / "scoring"


def test_policy_lint_passes_through_the_cli() -> None:
    result = CliRunner().invoke(app, ["policy", "lint"])
    assert result.exit_code == 0, result.stderr
    assert "0 problems" in result.stderr


SCORING_FILES = ("age", "average_wage", "award", "deductions", "education", "eligibility", "fresh_graduate",
                 "investment", "qualification", "shortage_major", "social_insurance_base", "social_insurance_years",
                 "special_posts", "spouse_hukou", "standard", "talent")


def test_every_value_has_source_and_confidence() -> None:
    assert lint() == []
    for name, param in load_parameters().items():
        if name.split(".")[0] not in SCORING_FILES:
            continue
        for v in param.values:
            # a value names a defined source or matcheck's own documented decision, never a private note
            assert ids_in(v.source) or "docs/scoring.md" in v.source, (name, v.since, v.source)
            assert v.confidence in ("A", "B", "C", "?"), (name, v.since)


def test_lint_catches_a_value_without_source(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "description: x\npoints:\n  description: y\n  values:\n    2018-01-01: {value: 30}\n", encoding="utf-8")
    problems = lint(_load(tmp_path))
    assert any("has no source" in p for p in problems)
    assert any("confidence" in p for p in problems)


@pytest.mark.parametrize("version", versions(), ids=lambda v: v.id)
def test_each_version_has_every_scoring_parameter(version) -> None:
    params = params_at(version.start)
    for name in ("age.max_points", "education.points", "qualification.points", "qualification.base_rule",
                 "social_insurance_years.points_per_year", "social_insurance_base.tiers",
                 "social_insurance_base.window_months", "social_insurance_base.cap", "investment.cap",
                 "special_posts.remote_area.cap", "spouse_hukou.cap", "deductions.false_materials",
                 "deductions.veto_family_planning", "standard.score", "fresh_graduate.points", "award.points"):
        assert params.has(name), (version.id, name)


def test_versions_differ_where_rules_md_says() -> None:
    v2013, v2018 = params_at(date(2015, 1, 1)), params_at(date(2019, 1, 1))
    assert v2013["social_insurance_base.window_months"] == 36 and v2018["social_insurance_base.window_months"] == 48
    assert v2013["social_insurance_base.top_tier"] is None and v2018["social_insurance_base.top_tier"]["points"] == 120
    assert v2013["investment.cap"] == 100 and v2018["investment.cap"] == 120
    assert not v2013["qualification.base_rule"]["applies"] and v2018["qualification.base_rule"]["applies"]


def test_average_wage_table_by_social_insurance_year() -> None:
    wages = load_parameters()["average_wage.monthly"]
    assert wages.at(date(2013, 7, 1)).value == 4692
    assert wages.at(date(2014, 6, 1)).value == 4692  # 社保年度 2013 runs to June 2014
    assert wages.at(date(2021, 7, 1)).value == 10338
    assert wages.at(date(2022, 7, 1)).value is None  # not found: the 2021 figure stands in (provisional)
    assert [wages.at(date(y, 7, 1)).value for y in (2023, 2024, 2025)] == [12183, 12307, 12434]
    assert wages.at(date(2026, 7, 1)).value is None  # not published yet: the 2025 figure stands in
    assert wages.at(date(2013, 6, 1)) is None


# Literals the scoring code may hold: none of them is a points value, cap, window or threshold.
ALLOWED_LITERALS = {
    "0", "0.0", "1",
    "6",  # round(multiple, 6): decimal places
    "12",  # months in a calendar year (rules.md §7 Dates and months: a full year is 12 counted months)
    "120",  # road.HORIZON_MONTHS: how far the simulation looks ahead
    "8",  # road.MAX_STEPS: how many road steps are shown
}


def test_scoring_code_holds_no_points_literal() -> None:
    found = []
    for path in sorted(SCORING.glob("*.py")):
        with path.open(encoding="utf-8") as fh:
            for tok in tokenize.generate_tokens(fh.readline):
                if tok.type == tokenize.NUMBER and tok.string not in ALLOWED_LITERALS:
                    found.append(f"{path.name}:{tok.start[0]}: {tok.string}")
    assert not found, "numbers belong in checklists/policy/parameters: " + ", ".join(found)


def test_policy_show_reads_matcheck_policy_like_every_command() -> None:
    result = CliRunner().invoke(app, ["policy", "show", "--as-of", "2026-11-20"], env={"MATCHECK_POLICY": "2018"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("policy 2018 ")
    default = CliRunner().invoke(app, ["policy", "show", "--as-of", "2026-11-20"], env={"MATCHECK_POLICY": ""})
    assert default.exit_code == 0 and default.stdout.startswith("policy 2023 ")
