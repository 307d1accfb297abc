"""The one YAML case dialect (tests/cases.py): every case file of the three suites loads with it, and a key outside
the dialect is refused rather than silently ignored (a misspelt ``expected:`` would otherwise check nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cases import load_case_file, load_cases

TESTS = Path(__file__).resolve().parents[1]
SUITES = (TESTS / "rules" / "cases", TESTS / "checklist" / "cases", TESTS / "scoring" / "golden")


@pytest.mark.parametrize("directory", SUITES, ids=[d.parent.name for d in SUITES])
def test_every_suite_loads_in_the_one_dialect(directory: Path) -> None:
    cases = load_cases(directory)
    assert cases and len({c.id for c in cases}) == len(cases)
    assert all(c.data.get("applicant") for c in cases), "each case's profile has the base's applicant"


def test_a_base_is_patched_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("cases:\n  - name: one\n    as_of: 2026-11-20\n    profile: {applicant: {name: 王五}}\n",
                    encoding="utf-8")
    _, (case,) = load_case_file(path, {"applicant": {"name": "李明", "id_number": "x"}, "employer": {"name": "E"}})
    assert case.data == {"applicant": {"name": "王五", "id_number": "x"}, "employer": {"name": "E"},
                         "as_of": case.as_of}
    assert case.id == "c: one" and case.documents is None and case.policy is None


@pytest.mark.parametrize("text, key", [
    ("cases:\n  - name: one\n    expected: {total: 1}\n", "expected"),
    ("rule: r\ncases: []\nbase_profile: {}\n", "base_profile"),
])
def test_a_key_outside_the_dialect_is_refused(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=key):
        load_case_file(path)


def test_case_names_are_unique_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("cases:\n  - name: one\n  - name: one\n", encoding="utf-8")
    with pytest.raises(ValueError, match="repeat"):
        load_case_file(path)
