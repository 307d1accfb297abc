"""Text rendering of `checklist` results (placeholder until the checklist renderer lands)."""

from __future__ import annotations


class ChecklistText:
    pass
