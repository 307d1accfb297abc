"""The independent document family (``fieldkit``: other layouts, label wordings, draw orders, zips, strays): the
draft loads and fills no fact wrongly."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcheck.draft import draft_folder, render
from matcheck.draft.folder import profile_of
from matcheck.draft.measure import measure
from matcheck.profile import load_profile

folders = pytest.importorskip("fieldkit.folders")


@pytest.mark.parametrize("variant", folders.VARIANTS)
def test_fieldkit_folder_has_no_wrong_fact(tmp_path: Path, variant: str):
    folder = tmp_path / variant
    folders.write_folder(folder, variant)
    truth = load_profile(folder / "profile.yaml")
    draft, _ = draft_folder(folder, truth.as_of, cache_dir=tmp_path / "cache")
    drafted = profile_of(render(draft, str(folder)), "draft")
    fill = measure(truth, drafted)
    assert not fill.paths["wrong"], fill.paths
    assert fill.count("correct") >= 0.5 * fill.total, fill.paths
