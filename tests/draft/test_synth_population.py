"""Synthetic applicant folders (synth.applicant with synth.population people: text PDFs and DOCX, and with photos
through the real OCR): the draft loads as a profile, fills no fact wrongly (every filled fact is a sure reading),
and fills most of what the documents give."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcheck.draft import draft_folder, render
from matcheck.draft.folder import profile_of
from matcheck.draft.measure import measure
from matcheck.profile import ProfileError, load_profile

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


def _plain(draft) -> dict:
    """The draft's facts as plain YAML data, built from the Draft itself (not from the renderer): what an officer
    would type by hand with the same facts."""
    import re

    root: dict = {"as_of": draft.as_of.isoformat()}
    for fact in draft.facts:
        node: dict | list = root
        parts = re.findall(r"([a-z_]+)(?:\[(\d+)\])?", fact.path)
        for n, (key, index) in enumerate(parts):
            last = n == len(parts) - 1
            value = "待核实" if fact.value is None else str(fact.value) if not isinstance(
                fact.value, (bool, int, float)) else fact.value
            if index == "":
                if last:
                    node[key] = value
                else:
                    node = node.setdefault(key, {})
            else:
                items = node.setdefault(key, [])
                while len(items) <= int(index):
                    items.append({})
                node = items[int(index)]
                if last:
                    items[int(index)] = value
    return root


@pytest.mark.parametrize("seed", (2, 3))
def test_check_on_the_draft_gives_the_findings_of_the_same_facts_typed_by_hand(tmp_path: Path, seed: int):
    import yaml

    from matcheck.check import check_applicant

    folder = tmp_path / "applicant"
    synth_applicant.write_applicant(folder, images=False, seed=seed)
    truth = load_profile(folder / "profile.yaml")
    draft, _ = draft_folder(folder, truth.as_of, cache_dir=tmp_path / "cache")
    (tmp_path / "draft.yaml").write_text(render(draft, str(folder)), encoding="utf-8")
    (tmp_path / "hand.yaml").write_text(yaml.safe_dump(_plain(draft), allow_unicode=True), encoding="utf-8")

    def outcome(path: Path):
        try:
            r = check_applicant(folder, profile_path=path, as_of=truth.as_of, cache_dir=tmp_path / "cache")
        except ProfileError as exc:  # the same refusal on both sides counts as the same outcome; any other error fails
            return "stopped", tuple(line.split(": ", 1)[-1] for line in exc.lines)
        return tuple((f.rule, f.severity, f.message, f.files, f.subject) for f in r.findings), r.score.total

    assert load_profile(tmp_path / "draft.yaml").model_dump() == load_profile(tmp_path / "hand.yaml").model_dump()
    assert outcome(tmp_path / "draft.yaml") == outcome(tmp_path / "hand.yaml")
