"""Nonsense is never scored: each implausible claim is one line and exit 2 (docs/checking.md says why a refusal and
not a finding), and the scorer is never reached."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcheck.cli import app
from tests.profile.test_bad_profiles import GOOD  # one valid profile for the bad-input tests
from matcheck.policy import params_at
from datetime import date

CEILING = params_at(date(2026, 11, 20))["social_insurance_base.ceiling_multiple"]
BORN_LATER = "320102202703154515"  # born 2027-03-15, after as_of (check digit valid)

CASES = [
    ("base_over_ceiling", GOOD.replace("base_multiple: 1.2", f"base_multiple: {CEILING + 0.5}"),
     ["social_insurance[0].base_multiple", "ceiling"]),
    ("base_1000", GOOD.replace("base_multiple: 1.2", "base_multiple: 1000"), ["1000", "ceiling"]),
    ("degree_not_yet", GOOD.replace("end: 2014-06", "end: 2031-06"), ["education[0].end", "2031-06", "after"]),
    ("study_before_birth", GOOD.replace("start: 2010-09", "start: 1980-09"), ["education[0].start", "before"]),
    ("si_in_future", GOOD.replace("from: 2022-07, to: 至今", "from: 2027-07, to: 至今"),
     ["social_insurance[0].from", "after"]),
    ("spouse_is_applicant", GOOD + 'spouse: {name: 李明, id_number: "320102199203154514"}\n',
     ["spouse.id_number", "applicant's own"]),
    ("child_is_applicant", GOOD + 'children: [{name: 李明, id_number: "320102199203154514"}]\n',
     ["children[0].id_number", "applicant's own"]),
    ("born_after_as_of", GOOD.replace("320102199203154514", BORN_LATER).replace("start: 2010-09", "start: 2030-09")
     .replace("end: 2014-06", "end: 2031-06"), ["applicant.id_number", "after the assessment date"]),
]


@pytest.mark.parametrize("case_id,text,words", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("command", ["score", "checklist"])
def test_implausible_claim_is_refused(tmp_path: Path, case_id: str, text: str, words: list[str],
                                      command: str) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, [command, str(path), "--format", "json"])
    assert result.exit_code == 2, (result.exit_code, result.stdout[-300:])
    assert result.stdout == ""  # nothing scored, nothing listed
    for word in words:
        assert word in result.stderr, (word, result.stderr)
    assert "320102199203154514" not in result.stderr


def test_ceiling_and_the_top_tier_still_score(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(GOOD.replace("base_multiple: 1.2", f"base_multiple: {CEILING}"), encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr


def test_as_of_option_moves_the_line(tmp_path: Path) -> None:
    """A degree ending in 2031 is refused on 2026-11-20 but fine when assessed in 2032."""
    path = tmp_path / "profile.yaml"
    path.write_text(GOOD.replace("end: 2014-06", "end: 2031-06"), encoding="utf-8")
    assert CliRunner().invoke(app, ["score", str(path)]).exit_code == 2
    assert CliRunner().invoke(app, ["score", str(path), "--as-of", "2032-01-10"]).exit_code in (0, 1)
