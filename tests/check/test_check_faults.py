"""``matcheck check`` end to end on generated folders: each synth fault gives the finding it should, and only
what the fault explains is added to the un-faulted folder's findings."""

from __future__ import annotations

import pytest

from tests.check.conftest import check_json, make_applicant

# fault → the (rule, subject) findings it must add; subject None matches any subject
FAULTS = [
    ("missing:tax_record", {("missing-material", "tax_record")}),
    ("missing:labour_contract", {("missing-material", "labour_contract")}),
    ("expired:residence_permit", {("material-expired", "residence_permit")}),
    ("tax-months-short", {("tax-months-incomplete", "tax_record")}),
    ("pages-missing:hukou_booklet", {("material-incomplete", "hukou_booklet")}),
    ("wrong-unit:labour_contract", {("unit-mismatch", "employer.name")}),
    ("wrong-unit:tax_record", {("unit-mismatch", "tax.withholding_unit")}),
    ("wrong-unit:social_insurance_record", {("unit-mismatch", "social_insurance")}),
    ("wrong-id:id_card", {("identity-mismatch", "applicant.id_number")}),
    ("wrong-name:tax_record", {("identity-mismatch", "applicant.name")}),
    ("corrupted:xuexin_record", {("unreadable-file", None), ("missing-material", "xuexin_record")}),
    ("encrypted:tax_record", {("unreadable-file", None)}),
    ("empty-file", {("unreadable-file", None)}),
    ("unrelated-file", {("unrecognised-file", None)}),
]


def _covered(added: set, expected: set) -> bool:
    return all(any(r == rule and (subject is None or s == subject) for r, s in added) for rule, subject in expected)


@pytest.mark.parametrize("fault, expected", FAULTS, ids=[f for f, _ in FAULTS])
def test_fault_gives_its_finding(fault, expected, tmp_path, cache_dir, baseline):
    folder = make_applicant(tmp_path / "applicant", faults=(fault,))
    code, data = check_json(folder, cache_dir)
    found = {(f["rule"], f["subject"]) for f in data["findings"]}
    added = found - baseline
    assert _covered(added, expected), f"{fault}: expected {expected}, added {sorted(added, key=str)}"
    worst = {f["severity"] for f in data["findings"]}
    assert code == (1 if "error" in worst else 0)


def test_fault_statuses_in_the_checklist(tmp_path, cache_dir):
    folder = make_applicant(tmp_path / "applicant", faults=("missing:tax_record", "expired:residence_permit",
                                                            "pages-missing:hukou_booklet"))
    _, data = check_json(folder, cache_dir)
    status = {(r["material"], r["person"]): r for r in data["required"]}
    assert status[("tax_record", "applicant")]["status"] == "missing"
    assert status[("tax_record", "applicant")]["files"] == []
    assert status[("residence_permit", "applicant")]["status"] == "expired"
    assert status[("hukou_booklet", "applicant")]["status"] == "incomplete"
    present = status[("labour_contract", "applicant")]
    assert present["status"] == "present" and present["files"] == ["劳动合同书-最终版.docx"]


@pytest.mark.ocr
def test_blurry_photo_is_a_low_quality_warning(tmp_path, cache_dir):
    folder = make_applicant(tmp_path / "applicant", faults=("blurry:residence_permit",))  # only that one is a photo
    _, data = check_json(folder, cache_dir)
    quality = [f for f in data["findings"] if f["rule"] == "low-quality-image"]
    assert quality and all(f["severity"] == "warning" and f["files"] for f in quality)
