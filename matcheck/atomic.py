"""Atomic writes for every report, form and summary: a temporary file in the same folder, then ``os.replace``.

A reader (or a resumed batch) sees either the old file or the new one, never half of one. The bottom of the
layers: it imports nothing from matcheck (the ``-o FILE`` checks live in :mod:`matcheck.outputs`).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_atomic(path: Path, data: bytes | str, *, mode: int = 0o600, parents: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    ``mode`` is the new file's permission before the umask (0o600: batch outputs, readable by their owner only;
    0o666: a report the user names with ``-o``, like any file they save). ``parents`` creates missing folders.
    Raises OSError; the temporary file never stays behind.
    """
    path = Path(path)
    if parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    # every renderer escapes undecodable names (matcheck.textsafe); should one slip through, it is written as a
    # visible escape rather than losing the report
    payload = data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), mode)
        except FileExistsError:
            continue
        break
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
