"""The profile rules (education chain, study location, permit, contract, eligibility), registered explicitly.

Owned by the profile-rules engineer; :mod:`matcheck.rules` imports ``PROFILE_RULES`` into the full registry. Each
rule needs only the profile, the score and the checklist (``NEEDS = {"profile"}``); some also read the folder's
documents when one was read (``Facts.documents`` is not None).
"""

from __future__ import annotations

from types import ModuleType

from matcheck.rules import (contract_too_short, foreign_degree_uncertified, fresh_graduate_ineligible, not_eligible,
                            overlapping_study, qualification_not_counted,
                            permit_expired, permit_too_recent, prior_education_missing, qualification_base_too_low,
                            shortage_major_ineligible, study_location_mismatch)

PROFILE_RULES: tuple[ModuleType, ...] = (
    prior_education_missing,      # MC401
    overlapping_study,            # MC402
    study_location_mismatch,      # MC403
    foreign_degree_uncertified,   # MC404
    not_eligible,                 # MC501
    permit_expired,               # MC502
    permit_too_recent,            # MC503
    contract_too_short,           # MC504
    qualification_base_too_low,   # MC601
    shortage_major_ineligible,    # MC602
    qualification_not_counted,    # MC603
    fresh_graduate_ineligible,    # MC604
)
