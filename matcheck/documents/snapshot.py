"""An applicant folder's files as the reader would read them, taken on one machine to be read on another.

A batch whose Dask workers do not see the batch machine's folders (``matcheck batch --ship-files``, see
docs/batch.md) sends each applicant's files with the task. :func:`read_files` walks and reads the folder: it is
:func:`matcheck.documents.read_folder`'s own first pass — the same safe walk (``walk.py``), the same size limit,
the same one opener (``matcheck.safeio``) — so a link out of the folder, a FIFO, a device or a file over the size limit is
recorded by what the walk says of it and never read, here as there. The worker passes the result to
``read_folder(..., files=...)``, which then neither walks nor reads anything, and finds what it would have found
reading the folder itself (same paths, sizes, hashes, problems; the same cache keys).

Nothing here writes anything, anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from matcheck.documents.walk import Entry, size_limit, walk_folder

# what ``reader.load`` gives for one file: (content, SHA-256, problem)
Loaded = tuple[bytes | None, str, tuple[str, str] | None]


class FolderTooLarge(OSError):
    """The folder's readable files together are more than may be held in memory at once."""


@dataclass(frozen=True)
class FolderFiles:
    """The walk of a folder and every readable file's content (``loaded[i]`` belongs to ``entries[i]``; a content
    is ``None`` for a file that could not be read, or one past ``keep_bytes`` of :func:`read_files`)."""

    entries: tuple[Entry, ...]
    loaded: tuple[Loaded, ...]
    max_bytes: int

    @property
    def nbytes(self) -> int:
        """The bytes held (the files' contents)."""
        return sum(len(data) for data, _sha, _problem in self.loaded if data is not None)


def read_files(folder: Path, max_bytes: int | None = None, max_total: int | None = None,
               keep_bytes: int | None = None) -> FolderFiles:
    """Walk ``folder`` and read every file the reader would read, once (the first pass of
    :func:`matcheck.documents.read_folder`). ``max_total``: raise :class:`FolderTooLarge` (before reading anything)
    when the readable files together are larger. ``keep_bytes``: the contents are held up to this many bytes in
    all; past it a file keeps only its hash and problem (its content ``None``), and the reader reads it again."""
    from matcheck.documents.reader import load

    limit = size_limit(max_bytes)
    entries = walk_folder(folder, limit)
    total = sum(e.size for e in entries if e.problem is None)
    if max_total is not None and total > max_total:
        raise FolderTooLarge(f"{folder}: its files total {total} bytes, more than {max_total}")
    loaded, kept = [], 0
    for entry in entries:
        data, sha256, problem = load(entry, limit)  # the bytes, or a problem saying why not
        if data is not None and keep_bytes is not None:
            if kept + len(data) <= keep_bytes:
                kept += len(data)
            else:
                data = None
        loaded.append((data, sha256, problem))
    return FolderFiles(tuple(entries), tuple(loaded), limit)
