"""``-o FILE``: where a report, form or sheet may be written, and the atomic write itself.

Used by the CLI and by :mod:`matcheck.form`; a path that cannot take the file is bad input
(:class:`~matcheck.errors.UsageError`, exit 2), not a crash.
"""

from __future__ import annotations

import os
from pathlib import Path

from matcheck.atomic import write_atomic
from matcheck.documents.walk import enclosing_applicant
from matcheck.errors import UsageError


def refuse_inside_applicant(path: Path, reading: Path | None = None, option: str = "-o") -> None:
    """UsageError when ``path`` is inside an applicant's folder: one that holds a profile, or ``reading`` (the
    folder being read, which may hold none yet: ``init FOLDER --from-documents``)."""
    path = Path(path)
    inside = enclosing_applicant(path.parent)
    if inside is None and reading is not None:
        real, root = Path(os.path.realpath(path.parent)), Path(os.path.realpath(reading))
        if real == root or root in real.parents:
            inside = reading
    if inside is not None:
        raise UsageError(f"{option}: {path} is inside the applicant folder {inside}; "
                         "matcheck never writes into an applicant's folder, choose another place")


def write_output_file(path: Path, data: bytes, reading: Path | None = None) -> None:
    """Write ``-o FILE`` atomically; a path that cannot take the file is bad input (exit 2), not a crash.

    matcheck never writes into an applicant's folder (contracts.md §5): a FILE inside a folder that holds a
    profile (or inside ``reading``, the folder being read) is refused, as ``batch --out`` is (a printed form left
    there would be read back as a supplied file).
    """
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"-o: {path} is a folder (expected a file name)")
    if not path.parent.exists():
        raise UsageError(f"-o: folder {path.parent} does not exist")
    if not path.parent.is_dir():
        raise UsageError(f"-o: {path.parent} is not a folder")
    refuse_inside_applicant(path, reading)
    try:
        write_atomic(path, data, mode=0o666, parents=False)
    except OSError as exc:
        raise UsageError(f"-o: cannot write {path} ({exc.strerror or exc})") from None
