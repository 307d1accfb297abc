"""Dates and months: the one place for "full years", "months between", month ranges and parsing.

A :class:`Month` is a calendar month (``2024-03``). Month ranges in profiles are inclusive.
A full year is 12 counted months, or the same day of month one year on (29 Feb → 28 Feb).
Working days (工作日, with 调休) live in :mod:`matcheck.workdays`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator

_MONTH_RE = re.compile(r"^\s*(\d{4})[-./年](\d{1,2})月?\s*$")
_COMPACT_MONTH_RE = re.compile(r"^\s*(\d{4})(\d{2})\s*$")
_DATE_RE = re.compile(r"^\s*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?\s*$")


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """A calendar month. Ordered, hashable; ``Month(2024, 3) + 1 == Month(2024, 4)``."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not 1-12")

    @classmethod
    def of(cls, d: date) -> "Month":
        return cls(d.year, d.month)

    @classmethod
    def parse(cls, text: str) -> "Month":
        """Parse ``2024-03``, ``2024-3``, ``2024.03``, ``2024年3月`` or ``202403``; ValueError otherwise."""
        m = _MONTH_RE.match(text) or _COMPACT_MONTH_RE.match(text)
        if not m:
            raise ValueError(f"{text!r} is not a month (YYYY-MM)")
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"{text!r} is not a month (YYYY-MM)")
        return cls(year, month)

    @property
    def index(self) -> int:
        """Months since year 0: makes arithmetic simple."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> "Month":
        return cls(index // 12, index % 12 + 1)

    def __add__(self, months: int) -> "Month":
        return Month.from_index(self.index + months)

    def __sub__(self, other: "Month | int") -> "Month | int":  # type: ignore[override]
        if isinstance(other, Month):
            return self.index - other.index
        return Month.from_index(self.index - other)

    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def last_day(self) -> date:
        nxt = self + 1
        return date.fromordinal(nxt.first_day().toordinal() - 1)

    def social_insurance_year(self) -> int:
        """The 社保年度 (July–June) this month belongs to, named by the year it starts in.

        2024-07 … 2025-06 → 2024.
        """
        return self.year if self.month >= 7 else self.year - 1

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def parse_date(text: str) -> date:
    """Parse ``2024-03-01``, ``2024.3.1``, ``2024/03/01`` or ``2024年3月1日``; ValueError otherwise."""
    m = _DATE_RE.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)") from None


# An assessment date (as_of, --as-of) outside this range is input nobody meant: refused with one line, exit 2.
# (Far dates also overflow date arithmetic: 9999-12-31 + one day.)
ASSESSMENT_DATES = (date(1990, 1, 1), date(2099, 12, 31))


def check_assessment_date(d: date) -> date:
    """``d`` if it can be an assessment date (:data:`ASSESSMENT_DATES`); ValueError otherwise."""
    low, high = ASSESSMENT_DATES
    if not low <= d <= high:
        raise ValueError(f"{d.isoformat()} is not a plausible assessment date (expected {low.isoformat()} to "
                         f"{high.isoformat()})")
    return d


def month_range(start: Month, end: Month) -> Iterator[Month]:
    """Every month from ``start`` to ``end``, both included (empty if end < start)."""
    for i in range(start.index, end.index + 1):
        yield Month.from_index(i)


def months_between(start: Month, end: Month) -> int:
    """Inclusive count of months from ``start`` to ``end`` (0 if end < start)."""
    return max(0, end.index - start.index + 1)


def add_years(d: date, years: int) -> date:
    """The same day ``years`` on; 29 Feb becomes 28 Feb in a common year."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def spans_full_years(start: date, end: date, years: int) -> bool:
    """An inclusive term ``start``..``end`` lasts at least ``years`` years (合同期限: 2024-03-01..2027-02-28 is 3)."""
    return end.toordinal() + 1 >= add_years(start, years).toordinal()


def full_years(start: date, end: date) -> int:
    """Whole years from ``start`` to ``end`` (周岁-style: the anniversary day counts as complete)."""
    if end < start:
        return 0
    years = end.year - start.year
    if add_years(start, years) > end:
        years -= 1
    return years


def age_on(birth: date, on: date) -> int:
    """周岁 (completed years of age) on a date."""
    return full_years(birth, on)


def full_years_of_months(months: int) -> int:
    """A full year is 12 counted months."""
    return months // 12


def add_months(d: date, months: int) -> date:
    """The same day ``months`` calendar months on (or back); a day the target month lacks becomes its last day.

    ``add_months(date(2026, 12, 31), 2) == date(2027, 2, 28)``.
    """
    target = Month.of(d) + months
    return target.first_day().replace(day=min(d.day, target.last_day().day))
