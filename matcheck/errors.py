"""The errors a user can fix (exit code 2), at the bottom of the layers so every stage may raise them.

The CLI (:mod:`matcheck.cli.common`) turns each into one line on stderr; the batch runner turns each into one
applicant's failure. No module here imports anything from matcheck but :mod:`matcheck.textsafe` (the bottom as well).
"""

from __future__ import annotations


class UsageError(Exception):
    """Bad input the user can fix (an option, an output path, a missing font): printed as one line, exit 2."""


MAX_LINE_CHARS = 300  # one profile problem, as printed
MAX_LINES = 50


class ProfileError(ValueError):
    """A profile that cannot be used. ``lines`` holds one line per problem, each naming file, path and value:
    each line bounded and with its control characters escaped, whatever the file held."""

    def __init__(self, lines: list[str]):
        from matcheck.textsafe import clip, escape_control  # the bottom too: imports nothing from matcheck

        shown = [clip(escape_control(line), MAX_LINE_CHARS) for line in lines[:MAX_LINES]]
        if len(lines) > MAX_LINES:
            shown.append(f"(and {len(lines) - MAX_LINES} more problems)")
        self.lines = shown
        super().__init__(shown[0] if len(shown) == 1 else f"{shown[0]} (and {len(lines) - 1} more)")


class PolicyVersionError(ValueError):
    """``--policy`` (or the profile's ``policy``) names no known policy version."""
