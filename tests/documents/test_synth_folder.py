"""A whole synthetic applicant folder (synth.applicant: the documents a real profile needs, as text PDFs and a
DOCX) read with the real catalog (checklists/materials.yaml): every file recognised as what it is, whose, and
the key facts agree with the profile. No OCR here (images=False); the OCR path is tested in test_ocr_images.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcheck.documents import scan_folder
from matcheck.profile import load_profile

synth_applicant = pytest.importorskip("synth.applicant")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Path, tuple]:
    folder = tmp_path_factory.mktemp("synth") / "applicant"
    synth_applicant.write_applicant(folder, images=False, seed=7)
    return folder, scan_folder(folder, use_cache=False)


def test_every_file_is_recognised_once(synthetic):
    folder, docs = synthetic
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != "profile.yaml"}
    assert {d.path for d in docs} == files
    assert [d.path for d in docs if d.material is None] == []
    assert len(docs) == len(files)  # no multi-page document was split (a form's body mentions other titles)
    assert not [d for d in docs if d.observations]


def test_whose_and_key_facts_match_the_profile(synthetic):
    folder, docs = synthetic
    profile = load_profile(folder / "profile.yaml")
    by = {d.material: d for d in docs if d.person == "applicant"}
    assert by["tax_record"].fields["id_numbers"][0] == profile.applicant.id_number
    assert by["tax_income_detail"].fields["withholding_units"] == [profile.employer.name]
    assert profile.employer.name in by["social_insurance_record"].fields["si_units"]
    assert by["labour_contract"].fields["employer"] == profile.employer.name
    assert by["labour_contract"].fields["term_start"] == profile.contract.start
    last = [e for e in profile.education if e.level not in ("高中", "中专")][-1]
    assert by["xuexin_record"].fields["school"] == last.school
    assert by["xuexin_record"].fields["level"] == last.level


def test_every_field_read_is_in_its_familys_vocabulary(synthetic):
    """Document.fields speaks the vocabulary of documents/fields.py: the common fields, what the reader adds about a
    document, and the fields of the family its type declares in checklists/materials.yaml, nothing else."""
    from matcheck.documents.fields import vocabulary
    from matcheck.materials import catalog

    _, docs = synthetic
    families = {catalog()[d.material].family for d in docs if d.material in catalog()}
    assert len(families - {None}) >= 5, f"the synthetic folder covers too few families: {families}"
    for d in docs:
        family = catalog()[d.material].family if d.material in catalog() else None
        assert set(d.fields) <= vocabulary(family), (d.path, d.material, family, set(d.fields) - vocabulary(family))
