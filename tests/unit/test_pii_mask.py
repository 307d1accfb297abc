"""Default outputs mask every run that looks like an ID number (GB 11643: 17 digits and a check character, a
plausible birth year), whatever its check digit and wherever it sits: glued to other digits or written in groups.
Masking too much is safe; masking too little gives the person away."""

from __future__ import annotations

import pytest

from matcheck.report.pii import mask_pii


@pytest.mark.parametrize("text,expected", [
    ("320102199203154514", "320102********4514"),
    ("身份证号:11010519491231002X", "身份证号:110105********002X"),
    ("11010519491231002x", "110105********002X"),
    ("ID320102199203154514.jpg", "ID320102********4514.jpg"),  # letters next to it do not hide it
    ("a320102199203154514b", "a320102********4514b"),
    ("path/证320102199203154514.pdf", "path/证320102********4514.pdf"),
    ("320102199203154515", "320102********4515"),  # a mistyped check digit is still the person's number
    ("1320102199203154514", "1320102********4514"),  # glued to other digits
    ("20241105320102199203154514.pdf", "20241105320102********4514.pdf"),
    ("320102 19920315 4514", "320102 ******** 4514"),  # written in groups
    ("3201-0219-9203-1545-14", "3201-02**-****-**45-14"),
])
def test_valid_id_numbers_are_masked(text: str, expected: str) -> None:
    assert mask_pii(text) == expected


@pytest.mark.parametrize("text", [
    "91310115MA1H7ABC1A",     # a credit code
    "999931201405004862",     # a certificate number (2014-05-00 is no birth date)
    "13201021992031545159",   # glued to other digits with no window whose check digit is right
    "310000000000000001",     # a residence permit number (no plausible birth year)
    "1992-03-15 2022-11-15 2042-11-15",  # dates, with no ID number beside them, stay
    "2014-07 2022-06 2022-07 2026-10 2018-06",  # digit groups that do not add up to one number
])
def test_other_numbers_are_left_alone(text: str) -> None:
    assert mask_pii(text) == text


def test_birth_date_beside_a_masked_number_is_masked_too() -> None:
    text = '"id_numbers": ["320102199203154514"], "birth_date": "1992-03-15", 出生 1992年3月15日, other 2022-11-15'
    out = mask_pii(text)
    assert "1992-03-15" not in out and "1992年3月15日" not in out and "2022-11-15" in out
    assert "320102********4514" in out
