"""Text rendering of `score` results (placeholder until the score renderer lands)."""

from __future__ import annotations


class ScoreText:
    pass
