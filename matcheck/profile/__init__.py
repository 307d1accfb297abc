"""The applicant profile (contracts.md §1): model, loading and validation."""

from matcheck.profile.load import ProfileError, load_profile, parse_profile
from matcheck.profile.model import Profile

__all__ = ["Profile", "ProfileError", "load_profile", "parse_profile"]
