"""The pipeline, as plain functions: profile + folder → facts → score, checklist, findings → report.

Each stage lives in its own module; this file only composes them, so the CLI and the batch runner call the same
functions and every stage can be tested without the CLI.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from matcheck.assessment import Assessment, assess, assessment_date  # noqa: F401 (assess, assessment_date re-exported)
from matcheck.check import ApplicantContent, check_applicant
from matcheck.checklist.build import build_checklist  # noqa: F401 (re-exported for the CLI)
from matcheck.profile import Profile
from matcheck.documents.person import Person
from matcheck.results import Checklist, CheckReport, Document, Finding, Score
from matcheck.rules import Facts, RuleConfig, run_rules
from matcheck.scoring import score  # noqa: F401 (re-exported for the CLI)


def profile_findings(assessment: Assessment, score: Score, checklist: Checklist | None = None,
                     config: RuleConfig = RuleConfig()) -> tuple[Finding, ...]:
    """The findings that need no folder: eligibility, education chain, study location, to-verify facts, ..."""
    facts = Facts(assessment=assessment, score=score, checklist=checklist, config=config)
    return run_rules(facts, needs={"profile"})


def check_folder(folder: Path, profile_path: Path | None = None, as_of: date | None = None,
                 policy: str | None = None, config: RuleConfig = RuleConfig(), use_cache: bool = True,
                 cache_dir: Path | None = None, profile: Profile | None = None,
                 content: ApplicantContent | None = None,
                 documents: tuple[tuple[Document, ...], tuple[Person, ...]] | None = None) -> CheckReport:
    """``matcheck check``: everything about one applicant folder, as a :class:`matcheck.results.CheckReport`.
    ``content``: the folder as read elsewhere (:func:`matcheck.check.take_applicant`), checked from memory;
    ``documents``: its Documents as read already, with the people they were read with (:func:`check_applicant`)."""
    return check_applicant(folder, profile_path=profile_path, as_of=as_of, policy=policy, config=config,
                           use_cache=use_cache, cache_dir=cache_dir, profile=profile, content=content,
                           documents=documents)
