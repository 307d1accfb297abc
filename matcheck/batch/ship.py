"""Sending an applicant's files to a worker that does not see them (``matcheck batch --ship-files``).

``--ship-files`` (``MATCHECK_SHIP_FILES``) says what a task carries to a worker:

* ``never``: the folder's path only; the worker reads the folder itself (a shared or network file system);
* ``always``: the folder's profile and files, read on the batch machine (:func:`matcheck.check.take_applicant`:
  the same walk, size limit and opener as a local check, so a FIFO, a link out of the folder or a file over the
  size limit is the same finding, and is never read); the worker reads nothing from disk;
* ``auto`` (the default): ``never`` when every worker sees the folders as the batch machine does, else
  ``always``. Each worker is asked, once at the start of the run, for the :func:`folder_view` of a few sample
  applicant folders (every file's path, size and modification time as walked, and a hash of the profile), which
  must equal the batch machine's. A worker that sees no folder, or a different one at that path (another
  machine's stale copy), does not see it. If paths were decided and a worker then finds no folder at a path (it
  joined later), the runner sends that applicant again, and the rest of the run, with the files.

Memory: the batch keeps at most :func:`in_flight_bytes` of applicants' files in flight at once (one applicant at
least); an applicant whose files alone are larger is not sent (its row says so). See docs/batch.md.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Sequence

from matcheck.errors import UsageError

SHIP_MODES = ("auto", "always", "never")
DEFAULT_IN_FLIGHT_BYTES = 512 * 1024 * 1024  # ~ 2 x 8 workers x a 30 MB folder of phone photos
SAMPLE_FOLDERS = 3  # applicant folders a worker is asked about (first, middle, last)


def ship_mode(value: str | None) -> str:
    """``--ship-files`` checked: auto | always | never (UsageError otherwise)."""
    mode = (value or "auto").strip().lower()
    if mode not in SHIP_MODES:
        raise UsageError(f"--ship-files: {value!r} is not one of {', '.join(SHIP_MODES)}")
    return mode


def in_flight_bytes() -> int:
    """The most bytes of applicants' files in flight at once (``MATCHECK_SHIP_MAX_BYTES``, else 512 MiB)."""
    raw = os.environ.get("MATCHECK_SHIP_MAX_BYTES")
    if not raw:
        return DEFAULT_IN_FLIGHT_BYTES
    try:
        value = int(raw)
    except ValueError:
        raise UsageError(f"MATCHECK_SHIP_MAX_BYTES: {raw!r} is not a number of bytes") from None
    if value < 1:
        raise UsageError(f"MATCHECK_SHIP_MAX_BYTES: {value} must be at least 1")
    return value


def samples(folders: Sequence[Path]) -> list[Path]:
    """The applicant folders a worker is asked about: the first, the middle and the last."""
    if len(folders) <= SAMPLE_FOLDERS:
        return list(folders)
    return [folders[0], folders[len(folders) // 2], folders[-1]]


def folder_view(folder: str) -> str:
    """What a machine sees of an applicant folder, as a digest: every walked file's path, size, modification time
    and problem (:func:`matcheck.batch.resume.stamp_walk`: the safe walk of ``documents/walk.py``; nothing is
    opened) and the SHA-256 of the profile (a small file, read as ``check`` reads it). "missing" when the folder
    is not there. Runs on the batch machine and on each worker (:func:`matcheck.batch.cluster.workers_see`)."""
    from matcheck.batch.resume import stamp_walk
    from matcheck.documents.walk import DEFAULT_MAX_BYTES, profile_in
    from matcheck.safeio import sha256_of

    path = Path(folder)
    if not path.is_dir():
        return "missing"
    h = hashlib.sha256()
    profile = profile_in(path)
    try:
        h.update(f"profile\0{sha256_of(profile, DEFAULT_MAX_BYTES) if profile else '-'}\n".encode())
    except OSError as exc:
        h.update(f"profile\0unreadable:{exc.errno}\n".encode())
    for rel, _abspath, size, mtime, why in stamp_walk(path):
        h.update(f"{rel}\0{size}\0{mtime}\0{why or ''}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def folder_views(folders: Sequence[str]) -> dict[str, str]:
    """:func:`folder_view` of each folder (what a worker is asked)."""
    return {folder: folder_view(folder) for folder in folders}
