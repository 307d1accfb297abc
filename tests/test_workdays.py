"""Working days by the official calendar (matcheck.workdays): 调休, holidays, our table, unknown years."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings, strategies as st

from matcheck.workdays import (CalendarDataError, CalendarUnknown, add_working_days, calendar_source, is_workday,
                               load_table, parse_table, working_days_between)


def test_third_working_day_after_national_day_eve_is_the_tiaoxiu_saturday():
    # 10-01..10-07 国庆 off; 10-08 Thu and 10-09 Fri work; 10-10 is a Saturday made a working day (调休).
    assert add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
    assert date(2026, 10, 10).weekday() == 5


def test_holiday_weekday_is_not_a_working_day_and_plain_weekend_is_not_either():
    assert not is_workday(date(2026, 10, 5))     # Monday in 国庆
    assert not is_workday(date(2026, 10, 11))    # ordinary Sunday
    assert is_workday(date(2026, 2, 14))         # 调休 Saturday before 春节
    assert not is_workday(date(2025, 1, 28))     # 2025 春节 (from chinese-calendar, not our table)
    assert is_workday(date(2025, 1, 26))         # 2025 调休 Sunday


def test_working_days_between_counts_after_start_up_to_end():
    assert working_days_between(date(2026, 9, 30), date(2026, 10, 10)) == 3
    assert working_days_between(date(2026, 9, 30), date(2026, 10, 9)) == 2
    assert working_days_between(date(2026, 10, 10), date(2026, 10, 10)) == 0
    assert working_days_between(date(2026, 10, 10), date(2026, 9, 30)) == 0
    assert add_working_days(date(2026, 3, 2), 0) == date(2026, 3, 2)


def test_unknown_year_is_a_clear_result_never_weekends_only():
    with pytest.raises(CalendarUnknown) as info:
        is_workday(date(2027, 3, 1))
    assert info.value.year == 2027 and "2027" in str(info.value)
    with pytest.raises(CalendarUnknown):
        add_working_days(date(2026, 12, 30), 5)   # runs into 2027
    with pytest.raises(CalendarUnknown):
        calendar_source(2027)
    with pytest.raises(CalendarUnknown):
        is_workday(date(2003, 6, 2))


def test_our_2026_table_agrees_with_chinese_calendar_every_day():
    table = load_table()
    assert 2026 in table and "2026" in table[2026].source
    day = date(2026, 1, 1)
    while day.year == 2026:
        assert table[2026].is_workday(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_a_table_year_overrides_and_extends_the_library():
    table = parse_table({"years": {2027: {
        "source": "test notice", "confidence": "?",
        "holidays": ["2027-10-01/2027-10-07"], "workdays": [date(2027, 10, 9)]}}})
    assert not is_workday(date(2027, 10, 4), table)
    assert is_workday(date(2027, 10, 9), table)            # a Saturday made a working day
    assert add_working_days(date(2027, 9, 30), 1, table) == date(2027, 10, 8)
    assert calendar_source(2027, table) == "test notice"
    assert calendar_source(2025, table).startswith("chinese-calendar")


@pytest.mark.parametrize("bad, words", [
    ({"years": {2027: {"holidays": [date(2027, 1, 1)]}}}, "source"),
    ({"years": {2027: {"source": "x", "confidence": "A", "holidays": ["2027-01-01/2026-12-30"]}}}, "range"),
    ({"years": {2027: {"source": "x", "confidence": "A", "holidays": [date(2026, 1, 1)]}}}, "not in 2027"),
    ({"years": {2027: {"source": "x", "confidence": "A", "holidays": [date(2027, 1, 1)],
                       "workdays": [date(2027, 1, 1)]}}}, "both"),
    ({"years": {2027: {"source": "x", "confidence": "A", "holidays": ["soon"]}}}, "not a date"),
])
def test_malformed_table_names_the_year_and_problem(bad, words):
    with pytest.raises(CalendarDataError, match=words):
        parse_table(bad)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 11, 30)), st.integers(0, 15))
def test_add_and_between_are_inverse(day, n):
    later = add_working_days(day, n)
    assert working_days_between(day, later) == n
    assert n == 0 or is_workday(later)
