"""The road to 120 (placeholder: filled in below)."""

from __future__ import annotations


def road_to_standard(profile, choice, current):
    return None
