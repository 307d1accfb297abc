"""Progress lines and one-line summaries: they go to stderr, so stdout carries only the report."""

from __future__ import annotations

import sys


def info(message: str) -> None:
    """Progress and summaries go to stderr."""
    sys.stderr.write(message + "\n")
