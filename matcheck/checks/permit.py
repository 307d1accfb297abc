"""The 居住证 facts: the points account created at least N working days after the permit was issued
(``rules_profile.permit.min_working_days_before_account``), and the permit valid on the assessment date.

One decision each for the checklist's wording (:mod:`matcheck.checks.validity`), the checklist's prerequisite line
(:mod:`matcheck.gaps`), the scorer's eligibility gate and the rules ``permit-too-recent`` / ``permit-expired``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from matcheck.assessment import Assessment
from matcheck.workdays import CalendarUnknown, add_working_days, working_days_between

ACCOUNT_AFTER_PERMIT = "account_after_permit"  # the verdict's name (also the checklist's prerequisite line)
PERMIT_EXPIRED = "permit_expired"


@dataclass(frozen=True)
class AccountTiming:
    """When the points account may be created, and whether it was created too early.

    ``earliest``: the ``needed``-th working day after ``issued`` (None when ``issued`` is unknown or the holiday
    calendar of a year on the way is not known: then ``unknown_year``/``unknown_detail`` say which);
    ``working_days``: working days after ``issued`` up to ``created`` (None when either date or the calendar is
    unknown, or the two are years apart)."""

    issued: date | None
    created: date | None
    needed: int
    earliest: date | None = None
    working_days: int | None = None
    unknown_year: int | None = None
    unknown_detail: str | None = None

    @property
    def too_early(self) -> bool | None:
        """True when the account was created before ``earliest``; None when that cannot be told."""
        if self.created is not None and self.earliest is not None:
            return self.created < self.earliest
        if self.working_days is not None:
            return self.working_days < self.needed
        return None


def account_timing(assessment: Assessment) -> AccountTiming:
    applicant = assessment.profile.applicant
    permit = applicant.residence_permit
    issued = permit.issued if permit is not None else None
    created = applicant.account_created
    needed = int(assessment.params["rules_profile.permit.min_working_days_before_account"])
    if issued is None:
        return AccountTiming(None, created, needed)
    earliest = unknown_year = unknown_detail = working_days = None
    try:
        earliest = add_working_days(issued, needed)
    except CalendarUnknown as exc:
        unknown_year, unknown_detail = exc.year, str(exc)
    if created is not None:
        try:
            working_days = working_days_between(issued, created)
        except CalendarUnknown as exc:
            if unknown_year is None:
                unknown_year, unknown_detail = exc.year, str(exc)
        except ValueError:  # years apart: beyond the calendar's span, and long past ``earliest``
            pass
    return AccountTiming(issued, created, needed, earliest, working_days, unknown_year, unknown_detail)


@dataclass(frozen=True)
class PermitValidity:
    """The 居住证's dates against the assessment date."""

    issued: date | None
    expires: date | None
    as_of: date

    @property
    def stated(self) -> bool:
        return self.issued is not None or self.expires is not None

    @property
    def expired(self) -> bool:
        return self.expires is not None and self.expires < self.as_of

    @property
    def not_yet_issued(self) -> bool:
        return self.issued is not None and self.issued > self.as_of


def permit_validity(assessment: Assessment) -> PermitValidity | None:
    """None when the profile has no 居住证 at all."""
    permit = assessment.profile.applicant.residence_permit
    if permit is None:
        return None
    return PermitValidity(permit.issued, permit.expires, assessment.as_of)
