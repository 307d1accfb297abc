"""Text rendering of `scan` results (placeholder until the scan renderer lands)."""

from __future__ import annotations


class ScanText:
    pass
