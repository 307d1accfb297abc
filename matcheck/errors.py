"""The errors a user can fix (exit code 2), at the bottom of the layers so every stage may raise them.

The CLI (:mod:`matcheck.cli.common`) turns each into one line on stderr; the batch runner turns each into one
applicant's failure. No module here imports anything from matcheck.
"""

from __future__ import annotations


class UsageError(Exception):
    """Bad input the user can fix (an option, an output path, a missing font): printed as one line, exit 2."""


class ProfileError(ValueError):
    """A profile that cannot be used. ``lines`` holds one line per problem, each naming file, path and value."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__(lines[0] if len(lines) == 1 else f"{lines[0]} (and {len(lines) - 1} more)")


class PolicyVersionError(ValueError):
    """``--policy`` (or the profile's ``policy``) names no known policy version."""
