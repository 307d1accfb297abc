"""Where the data in ``checklists/`` lives, for a source checkout and for an installed wheel; and the one way a
generated document (``docs/rules.md``, ``docs/sources.md``) is written or checked for being current."""

from __future__ import annotations

import sys
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


def write_generated(target: Path, text: str, check: bool, command: str, note: str = "") -> int:
    """Write ``text`` to ``target``, or with ``check`` compare: 0 when written or current, 1 (and a line naming
    ``command``) when the committed file is out of date."""
    if check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target}: out of date; run {command}", file=sys.stderr)
            return 1
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}{note}", file=sys.stderr)
    return 0
