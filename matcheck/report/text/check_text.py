"""Text rendering of `check` results (placeholder until the check renderer lands)."""

from __future__ import annotations


class CheckText:
    pass
