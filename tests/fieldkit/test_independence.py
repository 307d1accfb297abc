"""fieldkit is an independent generator (it tests the reader on layouts synth did not make): from synth it takes
people, the neutral spellings of dates and numbers (synth.formats), the font and the camera, never a layout."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# who the people are; how a date is spelt; the CJK font; how a finished sheet becomes a scan or a phone photo
SHARED = {"synth.people", "synth.formats", "synth.fonts", "synth.documents.photo"}


def _modules():
    for path in sorted((ROOT / "fieldkit").glob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_fieldkit_takes_no_layout_from_synth() -> None:
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("synth"):
                assert node.module in SHARED, f"{path.name} imports {node.module}"
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("synth") and a.name not in SHARED for a in node.names), path.name

