"""Matching names and units as the centre does: after normalising spaces and brackets, with OCR tolerance.

A value read by OCR may differ by a few characters (the tolerance is a parameter in
``checklists/policy/parameters/rules_folder.yaml``); a value from a text PDF or DOCX must match exactly. ID numbers
(公民身份号码) are never compared loosely. At the bottom of the layers: the folder check (:mod:`matcheck.gaps`), the
record matching and the rules all compare through these functions.
"""

from __future__ import annotations

import re

from matcheck.policy import Params

_SPACES = re.compile(r"[\s\u3000]+")
_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "[", "】": "]", "［": "[", "］": "]"})


def normalise(text: str | None) -> str:
    """Spaces and ideographic spaces removed, full-width brackets made ASCII."""
    return _SPACES.sub("", text or "").translate(_BRACKETS)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions), for short strings."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def same_name(expected: str | None, found: str | None, ocr: bool, params: Params) -> bool:
    """A person's name on a document equals the profile's, allowing OCR noise for long enough names."""
    a, b = normalise(expected), normalise(found)
    if not a or not b:
        return False
    if a == b:
        return True
    if not ocr or len(a) < int(params["rules_folder.names.ocr_min_length_for_edits"]) or len(a) != len(b):
        return False
    return edit_distance(a, b) <= int(params["rules_folder.names.ocr_max_edits"])


def same_unit(expected: str | None, found: str | None, ocr: bool = False, params: Params | None = None) -> bool:
    """A unit's full name equals another's (no abbreviations): after normalising; with OCR noise allowed when
    ``ocr`` (then ``params`` gives the tolerance). The one comparison of units: the scorer's 缴费单位 = 合同单位
    (:mod:`matcheck.scoring.ledger`), ``unit-mismatch`` and the record matching all call it."""
    a, b = normalise(expected), normalise(found)
    if not a or not b:
        return False
    if a == b:
        return True
    if not ocr:
        return False
    if params is None:
        raise ValueError("same_unit: comparing OCR text needs the parameters (the tolerance)")
    allowed = max(1, int(len(a) * float(params["rules_folder.units.ocr_max_edit_ratio"])))
    return abs(len(a) - len(b)) <= allowed and edit_distance(a, b) <= allowed
