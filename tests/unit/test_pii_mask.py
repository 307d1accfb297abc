"""Default outputs mask every checksum-valid ID number (GB 11643), wherever it sits in the text."""

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
])
def test_valid_id_numbers_are_masked(text: str, expected: str) -> None:
    assert mask_pii(text) == expected


@pytest.mark.parametrize("text", [
    "320102199203154515",     # wrong check digit: not an ID number
    "1320102199203154514",    # 19 digits: part of a longer number
    "3201021992031545140",
    "91310115MA1H7ABC1A",     # a credit code
    "999931201405004862",     # a certificate number (no real birth date)
])
def test_other_numbers_are_left_alone(text: str) -> None:
    assert mask_pii(text) == text
