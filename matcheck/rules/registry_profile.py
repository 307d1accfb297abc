"""The profile rules (education chain, study location, permit, contract, eligibility), registered explicitly.

Owned by the profile-rules engineer; :mod:`matcheck.rules` imports ``PROFILE_RULES`` into the full registry.
"""

from __future__ import annotations

from types import ModuleType

PROFILE_RULES: tuple[ModuleType, ...] = ()
