"""Combining the indicators into the total (rules.md §2 general rules, §7):

* 教育背景 vs 职称/技能: only the higher counts; the lower is shown with ``counted: false``.
* total = max(floor, basic + bonus − deductions); a veto (一票否决) makes the total 0.
* provisional: any indicator that depends on a 待核实 fact makes the total provisional (once verified, even an
  indicator now at 0 may count).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from matcheck.results import Indicator


@dataclass(frozen=True)
class Combined:
    indicators: tuple[Indicator, ...]
    total: int
    provisional: bool
    raw_total: int  # before the floor (for the reason line and property tests)


def exclusive_education_qualification(indicators: list[Indicator]) -> list[Indicator]:
    """教育背景与职称/技能二者取高 (on a tie, education counts)."""
    edu = next((i for i in indicators if i.id == "education"), None)
    qual = next((i for i in indicators if i.id == "qualification"), None)
    if edu is None or qual is None or edu.points <= 0 or qual.points <= 0:
        return indicators
    lower, higher = (qual, edu) if edu.points >= qual.points else (edu, qual)
    note = f"；与{higher.name}（{higher.points}分）二者取高，本项不计入总分"
    return [replace(i, counted=False, reason=i.reason + note) if i is lower else i for i in indicators]


def combine(indicators: list[Indicator], floor: int, vetoed: bool) -> Combined:
    indicators = exclusive_education_qualification(indicators)
    raw = sum(i.points for i in indicators if i.counted)
    total = 0 if vetoed else max(floor, raw)
    provisional = any(i.provisional for i in indicators)  # a 待核实 fact could change the total either way
    return Combined(tuple(indicators), total, provisional, raw)
