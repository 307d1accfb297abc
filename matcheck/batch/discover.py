"""Finding the applicant folders (申请人材料目录) under a batch root.

An applicant folder is a folder that holds a ``profile.yaml`` (contracts.md §5; like ``matcheck check``, a
``profile.yml`` or ``profile.json`` is accepted too). The walk never descends into an
applicant folder looking for more: sub-folders of an applicant folder are that applicant's files. Hidden folders
(``.git``, ``.cache``), symlinked folders (loops) and the batch's own output folder are skipped. The order is
stable (sorted by relative path), so summaries and resumed runs line up.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from matcheck.documents.walk import PROFILE_NAMES, enclosing_applicant, profile_in
from matcheck.safeio import list_folder

PROFILE_NAME = PROFILE_NAMES[0]


@dataclass(frozen=True)
class ApplicantFolder:
    """One applicant: ``key`` is the folder relative to the root (POSIX), unique within the batch."""

    key: str
    folder: Path

    @property
    def profile(self) -> Path:
        return profile_in(self.folder) or self.folder / PROFILE_NAME


def discover(root: Path, *, skip: tuple[Path, ...] = ()) -> list[ApplicantFolder]:
    """Every applicant folder under ``root`` (``root`` itself if it holds a profile.yaml), sorted by key."""
    root = Path(root)
    skipped = {_real(p) for p in skip}
    if profile_in(root) is not None:
        return [ApplicantFolder(key=root.resolve().name or "applicant", folder=root)]
    found: list[ApplicantFolder] = []
    pending = [root]
    while pending:  # listed with matcheck.safeio: O_NOATIME where permitted, links never followed
        here = pending.pop()
        try:
            entries = list_folder(here)
        except OSError:
            continue
        names = {name for name, _st in entries}
        if here != root and any(n in names for n in PROFILE_NAMES) and profile_in(here) is not None:
            found.append(ApplicantFolder(key=PurePosixPath(*here.relative_to(root).parts).as_posix(), folder=here))
            continue  # do not descend into an applicant folder
        pending.extend(here / name for name, st in entries
                       if not name.startswith(".") and isinstance(st, os.stat_result) and stat.S_ISDIR(st.st_mode)
                       and _real(here / name) not in skipped)
    return sorted(found, key=lambda a: a.key)


__all__ = ["PROFILE_NAME", "PROFILE_NAMES", "ApplicantFolder", "discover", "enclosing_applicant", "profile_in"]


def _real(p: Path) -> Path:
    return Path(os.path.realpath(p))
