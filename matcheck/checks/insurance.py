"""社保 in the application month (申请当月在缴本市职工社保): paid for the assessment month or one of the
``eligibility.current_month_lag`` months before it (the month in progress may not be posted yet), 补缴 excluded.

One decision for the scorer's eligibility gate (``not-eligible``, gate ``current_insurance``) and the checklist's
prerequisite line ``social_insurance_current_month`` (:mod:`matcheck.gaps`).
"""

from __future__ import annotations

from dataclasses import dataclass

from matcheck.assessment import Assessment
from matcheck.dates import Month

CURRENT_INSURANCE = "social_insurance_current_month"  # the verdict's name (also the checklist's prerequisite line)


@dataclass(frozen=True)
class CurrentInsurance:
    """``month``: the latest month of the window with a normal (not back-paid) Shanghai 社保 payment, or None;
    ``to_verify``: the profile marks its 社保 待核实 (then no payment in the window proves nothing)."""

    as_of_month: Month
    lag: int
    month: Month | None
    to_verify: bool = False

    @property
    def paying(self) -> bool:
        return self.month is not None

    @property
    def disproved(self) -> bool:
        """The profile shows no payment in the window and does not mark its 社保 待核实: the gate fails
        (``not-eligible``) and the prerequisite line is ``missing``."""
        return not self.paying and not self.to_verify


def current_insurance(assessment: Assessment) -> CurrentInsurance:
    """Whether the profile's 社保 periods show a normal payment in the assessment month or the ``lag`` before."""
    profile = assessment.profile
    as_of_month = Month.of(assessment.as_of)
    lag = int(assessment.params["eligibility.current_month_lag"])
    to_verify = profile.is_to_verify("social_insurance")
    for month in (as_of_month - k for k in range(lag + 1)):
        for period in profile.social_insurance:
            if (period.from_ is not None and period.from_ <= month and (period.to is None or period.to >= month)
                    and not period.backpaid):
                return CurrentInsurance(as_of_month, lag, month, to_verify)
    return CurrentInsurance(as_of_month, lag, None, to_verify)
