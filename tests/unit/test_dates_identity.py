from datetime import date

import pytest

from matcheck.dates import (Month, add_years, age_on, full_years, month_range, months_between, parse_date,
                           spans_full_years)
from matcheck.identity import (credit_code_problem, id_number_problem, is_valid_credit_code, is_valid_id_number,
                               mask_id_number, parse_id_number)


def test_month_parse_and_arithmetic():
    assert Month.parse("2024-03") == Month(2024, 3)
    assert Month.parse("2024年3月") == Month(2024, 3)
    assert Month.parse("202403") == Month(2024, 3)
    assert Month(2024, 12) + 1 == Month(2025, 1)
    assert Month(2025, 1) - Month(2024, 12) == 1
    assert Month(2025, 1) - 1 == Month(2024, 12)
    assert months_between(Month(2024, 1), Month(2024, 12)) == 12
    assert months_between(Month(2024, 5), Month(2024, 4)) == 0
    assert list(month_range(Month(2024, 11), Month(2025, 2)))[-1] == Month(2025, 2)
    assert Month(2024, 6).social_insurance_year() == 2023
    assert Month(2024, 7).social_insurance_year() == 2024
    with pytest.raises(ValueError, match="is not a month"):
        Month.parse("2010-13")


def test_dates():
    assert parse_date("2014年7月1日") == date(2014, 7, 1)
    assert parse_date("2014.07.01") == date(2014, 7, 1)
    with pytest.raises(ValueError):
        parse_date("2014-02-30")
    assert add_years(date(2020, 2, 29), 1) == date(2021, 2, 28)
    assert full_years(date(2018, 5, 20), date(2026, 5, 19)) == 7
    assert full_years(date(2018, 5, 20), date(2026, 5, 20)) == 8
    assert age_on(date(1992, 3, 15), date(2026, 3, 14)) == 33


def test_id_numbers():
    assert is_valid_id_number("11010519491231002X")
    assert is_valid_id_number("310115199003071239")
    assert not is_valid_id_number("310115199003071238")
    assert "check digit" in id_number_problem("310115199003071238")
    assert "birth date" in id_number_problem("310115199002301234")
    parsed = parse_id_number("320102199203154514")
    assert parsed.birth_date == date(1992, 3, 15) and parsed.sex == "男"
    assert mask_id_number("320102199203154514") == "320102********4514"


def test_credit_codes():
    for good in ("91310000000000000U", "91310115MA1FL0A00C", "92310112MA1H7K904E"):
        assert is_valid_credit_code(good), good
    assert "check character" in credit_code_problem("91310115MA1FL0A00D")
    assert "outside" in credit_code_problem("91310115MA1FL0AO0C")


def test_a_list_marked_to_verify_is_empty_and_provisional():
    from matcheck.profile import parse_profile

    p = parse_profile({"applicant": {"name": "李明"}, "children": "待核实", "education": None,
                       "records": {"detentions": "unknown"}}, source="p.yaml")
    assert p.children == [] and p.education == [] and p.records.detentions == []
    assert p.is_to_verify("children") and p.is_to_verify("records.detentions")
    assert not p.is_to_verify("education")


@pytest.mark.parametrize("start,end,years,expected", [
    (date(2024, 3, 1), date(2027, 2, 28), 3, True),    # the day before the anniversary closes the term
    (date(2024, 3, 1), date(2027, 2, 27), 3, False),
    (date(2022, 7, 1), date(2025, 6, 30), 3, True),
    (date(2024, 2, 29), date(2027, 2, 27), 3, True),   # 29 Feb: the anniversary is 28 Feb
    (date(2024, 2, 29), date(2027, 2, 26), 3, False),
    (date(2026, 1, 1), date(2026, 12, 31), 1, True),
    (date(2026, 1, 2), date(2026, 12, 31), 1, False),
])
def test_spans_full_years(start: date, end: date, years: int, expected: bool) -> None:
    assert spans_full_years(start, end, years) is expected
