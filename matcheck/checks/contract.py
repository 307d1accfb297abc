"""The 劳动(聘用)合同 term (合同期限): at least ``rules_profile.contract.min_term_years`` years, not ended on the
assessment date, and at least ``rules_profile.contract.min_months_left`` months left (a practice some desks ask).

One decision for the profile's contract (``contract-too-short``), a contract file in the folder (the checklist
line's status, :mod:`matcheck.gaps` → ``material-expired``) and the checklist's wording
(:mod:`matcheck.checks.validity`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from matcheck.assessment import Assessment
from matcheck.dates import add_months, spans_full_years


@dataclass(frozen=True)
class ContractRequirement:
    """What a contract must satisfy on the assessment date."""

    min_term_years: int
    min_months_left: int
    end_not_before: date  # the assessment date plus ``min_months_left`` months


def contract_requirement(assessment: Assessment) -> ContractRequirement:
    years = int(assessment.params["rules_profile.contract.min_term_years"])
    left = int(assessment.params["rules_profile.contract.min_months_left"])
    return ContractRequirement(years, left, add_months(assessment.as_of, left))


@dataclass(frozen=True)
class ContractTerm:
    """One contract's term against the requirement. ``start``/``end`` as given (an unread value is not a date)."""

    start: Any
    end: Any
    open_ended: bool
    as_of: date
    requirement: ContractRequirement

    @property
    def readable(self) -> bool:
        return self.open_ended or isinstance(self.end, date)

    @property
    def too_short(self) -> bool:
        """Shorter than the minimum term (only when both ends are known; never for an open-ended contract)."""
        return (not self.open_ended and isinstance(self.start, date) and isinstance(self.end, date)
                and not spans_full_years(self.start, self.end, self.requirement.min_term_years))

    @property
    def ended(self) -> bool:
        return not self.open_ended and isinstance(self.end, date) and self.end < self.as_of

    @property
    def few_months_left(self) -> bool:
        """Not ended, but ending before ``end_not_before``."""
        return (not self.open_ended and isinstance(self.end, date) and not self.ended
                and self.end < self.requirement.end_not_before)


def contract_term(start: Any, end: Any, open_ended: bool, assessment: Assessment) -> ContractTerm:
    return ContractTerm(start, end, bool(open_ended), assessment.as_of, contract_requirement(assessment))
