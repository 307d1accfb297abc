"""The reader and the checker over fieldkit, the document family that is not synth's: clean folders give no error,
every planted problem is reported, and the material and the holder of ≥ 98% of the documents are read right.

The folders are text PDFs, DOCX, zips and office files written at test time (no OCR: the copy-shop *scan* is in
test_fieldkit_scans.py, marked ``ocr``)."""

from __future__ import annotations

import pytest

from fieldkit import PROBLEMS, VARIANTS
from fieldkit.measure import measure

ACCURACY = 0.98  # the bar: right material and person for at least 98% of the documents


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    return measure(tmp_path_factory.mktemp("fieldkit"))


@pytest.mark.parametrize("variant", VARIANTS)
def test_clean_folder_has_no_error(figures, variant):
    result = next(r for r in figures.clean if r.name == f"clean/{variant}")
    assert result.errors == []


@pytest.mark.parametrize("problem", sorted(PROBLEMS))
def test_planted_problem_is_reported(figures, problem):
    result = next(r for r in figures.planted if r.name == f"problem/{problem}")
    assert result.expect.must <= result.rules, f"expected {result.expect.must}, reported {sorted(result.rules)}"
    assert result.errors, "a planted problem makes the folder fail"


def test_planted_problem_adds_nothing_else_of_error_severity(figures):
    """One planted fault, one kind of error: the rest of the folder stays as clean as its variant."""
    for r in figures.planted:
        rules = {e.split(":", 1)[0] for e in r.errors}
        assert rules <= r.expect.must, f"{r.name}: errors {sorted(rules)} beyond {sorted(r.expect.must)}"


def test_material_and_person_accuracy(figures):
    right, total, wrong = figures.accuracy()
    assert total >= 100
    assert right / total >= ACCURACY, "\n".join(wrong)
