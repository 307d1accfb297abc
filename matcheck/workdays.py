"""Working days (工作日) by the official holiday calendar, 调休 included.

Two sources, in this order:

1. our own table ``checklists/calendar/workdays.yaml`` (法定节假日 and 调休上班日 by year, each year with its
   source, the State Council's 《国务院办公厅关于YYYY年部分节假日安排的通知》);
2. the ``chinese-calendar`` package (1.11.0 covers 2004-2026).

A day in a year that neither source knows raises :class:`CalendarUnknown` ("calendar for 2027 not known"): the
caller says it could not check. There is no silent weekends-only fallback: a 调休 Saturday is a working day
(2026-10-10), and a holiday Monday is not.

``add_working_days(day, n)`` is the n-th working day after ``day``; ``working_days_between(start, end)`` counts
the working days after ``start`` up to and including ``end``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any


from matcheck.data import checklists_dir, load_yaml

LIBRARY = "chinese-calendar"
MAX_SPAN_DAYS = 3 * 366  # a guard: nothing in the 积分 rules counts working days over years


class CalendarUnknown(LookupError):
    """The official working-day calendar of ``year`` is not known to matcheck."""

    def __init__(self, year: int):
        self.year = year
        super().__init__(f"calendar for {year} not known (working days after the State Council's holiday notice; "
                         f"add the year to checklists/calendar/workdays.yaml)")


class CalendarDataError(ValueError):
    """checklists/calendar/workdays.yaml is malformed (a bug in the data, not in the user's input)."""


@dataclass(frozen=True)
class YearCalendar:
    """One year of 法定节假日 and 调休上班日, from our table."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str
    confidence: str

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5


def _dates(entry: Any, where: str) -> list[date]:
    """A date, or a ``FROM/TO`` range (both included)."""
    if isinstance(entry, date):
        return [entry]
    if isinstance(entry, str) and "/" in entry:
        first, last = (part.strip() for part in entry.split("/", 1))
        try:
            start, end = date.fromisoformat(first), date.fromisoformat(last)
        except ValueError:
            raise CalendarDataError(f"{where}: {entry!r} is not a date range FROM/TO (YYYY-MM-DD)") from None
        if end < start or (end - start).days > 31:
            raise CalendarDataError(f"{where}: {entry!r} is not a plausible holiday range")
        return [start + timedelta(days=i) for i in range((end - start).days + 1)]
    raise CalendarDataError(f"{where}: {entry!r} is not a date (YYYY-MM-DD) or a range FROM/TO")


def parse_table(data: Any, name: str = "workdays.yaml") -> dict[int, YearCalendar]:
    if not isinstance(data, dict) or not isinstance(data.get("years") or {}, dict):
        raise CalendarDataError(f"{name}: expected a mapping with `years:`")
    out: dict[int, YearCalendar] = {}
    for year, body in (data.get("years") or {}).items():
        where = f"{name}: years.{year}"
        if not isinstance(year, int) or not isinstance(body, dict):
            raise CalendarDataError(f"{where}: expected a year number and a mapping")
        if not str(body.get("source") or "").strip() or str(body.get("confidence")) not in ("A", "B", "C", "?"):
            raise CalendarDataError(f"{where}: every year needs a `source` and a `confidence` (A, B, C or ?)")
        holidays = [d for e in body.get("holidays") or () for d in _dates(e, f"{where}.holidays")]
        workdays = [d for e in body.get("workdays") or () for d in _dates(e, f"{where}.workdays")]
        stray = [d for d in holidays + workdays if d.year != year]
        if stray:
            raise CalendarDataError(f"{where}: {stray[0]} is not in {year}")
        if set(holidays) & set(workdays):
            raise CalendarDataError(f"{where}: {sorted(set(holidays) & set(workdays))[0]} is both a holiday and "
                                    f"a workday")
        out[year] = YearCalendar(year, frozenset(holidays), frozenset(workdays), str(body["source"]).strip(),
                                 str(body["confidence"]))
    return out


@lru_cache(maxsize=4)
def load_table(path: Path | None = None) -> dict[int, YearCalendar]:
    """Our override table, by year."""
    p = path or checklists_dir() / "calendar" / "workdays.yaml"
    return parse_table(load_yaml(p), p.name)


def _library_is_workday(day: date) -> bool:
    import chinese_calendar

    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        raise CalendarUnknown(day.year) from None


def is_workday(day: date, table: dict[int, YearCalendar] | None = None) -> bool:
    """True on a 工作日 (调休 weekend days included); :class:`CalendarUnknown` for a year no source knows."""
    years = load_table() if table is None else table
    if day.year in years:
        return years[day.year].is_workday(day)
    return _library_is_workday(day)


def calendar_source(year: int, table: dict[int, YearCalendar] | None = None) -> str:
    """Where the working days of ``year`` come from (for messages); :class:`CalendarUnknown` if nowhere."""
    years = load_table() if table is None else table
    if year in years:
        return years[year].source
    _library_is_workday(date(year, 6, 1))  # raises CalendarUnknown when the package lacks the year
    import chinese_calendar

    return f"{LIBRARY} {getattr(chinese_calendar, '__version__', '')}".strip()


def add_working_days(day: date, n: int, table: dict[int, YearCalendar] | None = None) -> date:
    """The ``n``-th working day after ``day`` (``n`` ≥ 0; 0 gives ``day`` itself).

    >>> add_working_days(date(2026, 9, 30), 3)   # 10-01..10-07 off, 10-08, 10-09, then 调休 Saturday 10-10
    datetime.date(2026, 10, 10)
    """
    if n < 0:
        raise ValueError(f"n must be ≥ 0, got {n}")
    current, found = day, 0
    while found < n:
        current += timedelta(days=1)
        if (current - day).days > MAX_SPAN_DAYS:
            raise ValueError(f"{n} working days after {day} is beyond the supported span")
        if is_workday(current, table):
            found += 1
    return current


def working_days_between(start: date, end: date, table: dict[int, YearCalendar] | None = None) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` ≤ ``start``)."""
    if end <= start:
        return 0
    if (end - start).days > MAX_SPAN_DAYS:
        raise ValueError(f"{start} to {end} is beyond the supported span")
    return sum(1 for i in range(1, (end - start).days + 1) if is_workday(start + timedelta(days=i), table))


__all__ = ["CalendarDataError", "CalendarUnknown", "YearCalendar", "add_working_days", "calendar_source",
           "is_workday", "load_table", "parse_table", "working_days_between"]
