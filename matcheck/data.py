"""Where the data in ``checklists/`` lives, for a source checkout and for an installed wheel."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def checklists_dir() -> Path:
    """The ``checklists/`` folder: inside the wheel (``matcheck/_data/checklists``) or at the repository root."""
    for candidate in (_PKG / "_data" / "checklists", _PKG.parent / "checklists"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("matcheck: the checklists/ data folder is missing from this installation")
