"""Synthetic applicant folders (synth.applicant with synth.population people: text PDFs and DOCX, and with photos
through the real OCR): the draft loads as a profile, fills no fact wrongly (every filled fact is a sure reading),
and fills most of what the documents give."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcheck.draft import draft_folder, render
from matcheck.draft.folder import profile_of
from matcheck.draft.measure import measure
from matcheck.profile import load_profile

synth_applicant = pytest.importorskip("synth.applicant")


def _fill(folder: Path, cache: Path):
    truth = load_profile(folder / "profile.yaml")
    draft, _ = draft_folder(folder, truth.as_of, cache_dir=cache)
    return measure(truth, profile_of(render(draft, str(folder)), "draft"))


@pytest.mark.parametrize("seed", range(1, 7))
def test_population_folder_has_no_wrong_fact(tmp_path: Path, seed: int):
    folder = tmp_path / "applicant"
    synth_applicant.write_applicant(folder, images=False, seed=seed)
    fill = _fill(folder, tmp_path / "cache")
    assert fill.paths["wrong"] == []
    assert fill.count("correct") >= 0.6 * fill.total, fill.paths


@pytest.mark.ocr
@pytest.mark.slow
def test_population_folder_with_photos_has_no_wrong_fact(tmp_path: Path):
    folder = tmp_path / "applicant"
    synth_applicant.write_applicant(folder, images=True, seed=5)
    fill = _fill(folder, tmp_path / "cache")
    assert fill.paths["wrong"] == []
    assert fill.count("correct") >= 0.5 * fill.total, fill.paths
