"""One assessment (一次评估): the profile, the assessment date, the policy version chosen, and its parameters.

Built once by the pipeline (:func:`assess`) and carried, frozen, by every stage: the scorer, the checklist, the
folder check, the rules, the form. No stage chooses a policy version or looks parameters up by itself, so a
verdict and its message always read the same values (with ``--policy`` naming a version outside its dates too:
then the parameters are those of :attr:`PolicyChoice.parameter_day`, not of the assessment date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from matcheck.policy import Params, PolicyChoice, choose_policy, params_at
from matcheck.errors import ProfileError
from matcheck.profile import Profile
from matcheck.profile.plausible import implausible


@dataclass(frozen=True)
class Assessment:
    """What every stage reads besides its own input: whose, on which day, under which policy, with which values."""

    profile: Profile
    as_of: date
    choice: PolicyChoice
    params: Params

    @property
    def policy(self) -> str:
        """The id of the policy version in force for this assessment (``2023``)."""
        return self.choice.version.id

    def on(self, day: date) -> "Assessment":
        """The same profile and the same ``--policy`` request assessed on another day (the road to 120 simulates
        the months ahead with the parameters in force on each of them). The profile was judged plausible once, when
        this assessment was made; a simulated day does not judge it again."""
        return _assessment(self.profile, day, self.choice.requested)


class AssessmentView:
    """For a stage's own context that carries an ``assessment``: its profile, date and parameters, read through."""

    assessment: Assessment

    @property
    def profile(self) -> Profile:
        return self.assessment.profile

    @property
    def as_of(self) -> date:
        return self.assessment.as_of

    @property
    def params(self) -> Params:
        """The parameters in force for this assessment (the chosen policy version's parameter day)."""
        return self.assessment.params


def assessment_date(profile: Profile, as_of: date | None = None) -> date:
    """--as-of, else the profile's as_of, else today."""
    return as_of or profile.as_of or date.today()


def assess(profile: Profile, as_of: date | None = None, policy: str | None = None) -> Assessment:
    """The assessment of ``profile`` on ``as_of`` (else the profile's, else today) under ``policy`` (else the
    profile's, else the version in force). PolicyVersionError for an unknown version."""
    made = _assessment(profile, assessment_date(profile, as_of), policy)
    problems = implausible(profile, made.as_of, made.params.get("social_insurance_base.ceiling_multiple"))
    if problems:  # nothing that cannot be is ever scored (matcheck/profile/plausible.py)
        raise ProfileError([f"{profile.source}: {line}" for line in problems])
    return made


def _assessment(profile: Profile, day: date, policy: str | None) -> Assessment:
    choice = choose_policy(day, policy or profile.policy)
    return Assessment(profile=profile, as_of=day, choice=choice, params=params_at(choice.parameter_day))
