"""The pipeline, as plain functions: profile + folder → facts → score, checklist, findings → report.

Each stage lives in its own module; this file only composes them, so the CLI and the batch runner call the same
functions and every stage can be tested without the CLI.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from matcheck.policy import choose_policy, params_at
from matcheck.profile import Profile
from matcheck.results import Checklist, Finding, Score
from matcheck.rules import Facts, RuleConfig, run_rules


def assessment_date(profile: Profile, as_of: date | None = None) -> date:
    """--as-of, else the profile's as_of, else today."""
    return as_of or profile.as_of or date.today()


def score_profile(profile: Profile, as_of: date | None = None, policy: str | None = None) -> Score:
    from matcheck.scoring import score

    day = assessment_date(profile, as_of)
    return score(profile, choose_policy(day, policy or profile.policy))


def checklist_for(profile: Profile, as_of: date | None = None, policy: str | None = None) -> Checklist:
    from matcheck.checklist import build_checklist

    day = assessment_date(profile, as_of)
    choice = choose_policy(day, policy or profile.policy)
    return build_checklist(profile, day, params_at(choice.parameter_day))


def profile_findings(profile: Profile, score: Score, checklist: Checklist | None = None,
                     config: RuleConfig = RuleConfig()) -> tuple[Finding, ...]:
    """The findings that need no folder: eligibility, education chain, study location, to-verify facts, ..."""
    facts = Facts(profile=profile, as_of=score.as_of, score=score, checklist=checklist, config=config)
    return run_rules(facts, needs={"profile"})


def check_folder(folder: Path, profile_path: Path | None = None, as_of: date | None = None,
                 policy: str | None = None, config: RuleConfig = RuleConfig(), use_cache: bool = True,
                 cache_dir: Path | None = None, profile: Profile | None = None):
    """``matcheck check``: everything about one applicant folder, as a :class:`matcheck.results.CheckReport`."""
    from matcheck.check import check_applicant

    return check_applicant(folder, profile_path=profile_path, as_of=as_of, policy=policy, config=config,
                           use_cache=use_cache, cache_dir=cache_dir, profile=profile)
