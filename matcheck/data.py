"""Where the data in ``checklists/`` lives, for a source checkout and for an installed wheel; the one way a file of it
is parsed (:func:`load_yaml`); and the one way a generated document (``docs/rules.md``, ``docs/sources.md``) is
written or checked for being current."""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def checklists_dir() -> Path:
    """The ``checklists/`` folder: inside the wheel (``matcheck/_data/checklists``) or at the repository root."""
    for candidate in (_PKG / "_data" / "checklists", _PKG.parent / "checklists"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("matcheck: the checklists/ data folder is missing from this installation")


def default_cache_dir() -> Path:
    """Where matcheck keeps its caches (extraction results, compiled OCR models): ``$MATCHECK_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/matcheck``, else ``~/.cache/matcheck``."""
    env = os.environ.get("MATCHECK_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "matcheck"


def is_within(path: Path | str, folder: Path | str) -> bool:
    """``path`` is ``folder`` or inside it, links resolved: a cache there would write into the folder (an
    applicant's folder is never written to, so neither cache is kept inside the folder being read)."""
    real_path, real_folder = os.path.realpath(path), os.path.realpath(folder)
    return real_path == real_folder or real_path.startswith(real_folder.rstrip(os.sep) + os.sep)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster than the pure-Python scanner


def load_yaml(path: Path) -> Any:
    """A YAML file of ours (``checklists/``), parsed by a safe loader, C-accelerated when PyYAML has libyaml (the
    catalog and parameters are read by every command: ~0.3 s with the pure-Python loader). Profiles, which come
    from users, go through :mod:`matcheck.profile.load` and its limits instead."""
    with Path(path).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)  # noqa: S506 (a safe loader)


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
