"""The one way matcheck opens a file it did not write (an applicant's document, a profile, a folder to hash).

* read-only, and with ``O_NOATIME`` where the kernel permits it (the process owns the file, or has
  ``CAP_FOWNER``), so reading does not even change the access time; where it does not permit it, a plain
  read-only open, and the access time follows the mount's policy (``relatime`` on most systems);
* ``O_NONBLOCK``: a FIFO that appeared since the folder was walked opens without waiting for a writer, and is then
  refused as "not a regular file" (a device or a socket likewise): nothing matcheck reads can block it;
* ``O_NOFOLLOW`` when asked (the caller decided where a link leads, see ``documents/walk.py``);
* only regular files are read, at most ``max_bytes`` of them.

This module sits at the bottom: it imports nothing from matcheck, so the profile loader, the folder walk and the
batch's resume fingerprint all use it.
"""

from __future__ import annotations

import hashlib
import os
import stat

_NOATIME = getattr(os, "O_NOATIME", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CHUNK = 1 << 20


class NotRegularFile(OSError):
    """The path is a FIFO, a device, a socket or a folder: never read."""


def open_readonly(path: str | os.PathLike[str], *, follow_links: bool = True) -> int:
    """A file descriptor for a regular file, opened read-only without blocking and without touching its atime.

    Raises :class:`NotRegularFile` for anything but a regular file and ``OSError`` when it cannot be opened.
    """
    before = os.stat(path, follow_symlinks=follow_links)
    if not stat.S_ISREG(before.st_mode):  # a device's driver is never even asked to open
        raise NotRegularFile(f"not a regular file (mode {oct(before.st_mode)})")
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | _NONBLOCK | (0 if follow_links else _NOFOLLOW)
    try:
        fd = os.open(path, flags | _NOATIME)
    except PermissionError:
        fd = os.open(path, flags)  # O_NOATIME needs ownership; fall back to a plain read-only open
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(f"not a regular file (mode {oct(st.st_mode)})")
        if _NONBLOCK:  # reads of a regular file never block; clear the flag so read() is a plain read
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def list_folder(path: str | os.PathLike[str]) -> list[tuple[str, os.stat_result | OSError]]:
    """The names in a folder (sorted) with their ``lstat`` results (or the OSError of one that could not be
    stat'ed). The folder is opened with ``O_NOATIME`` where permitted, so listing it leaves its access time as is."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NONBLOCK
    try:
        fd = os.open(path, flags | _NOATIME)
    except PermissionError:
        fd = os.open(path, flags)
    try:
        with os.scandir(fd) as it:
            names = sorted(e.name for e in it)
        out: list[tuple[str, os.stat_result | OSError]] = []
        for name in names:
            try:
                out.append((name, os.stat(name, dir_fd=fd, follow_symlinks=False)))
            except OSError as exc:
                out.append((name, exc))
        return out
    finally:
        os.close(fd)


def read_bytes(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The file's content; ``OSError`` if it cannot be read, is not a regular file or is (or grew) past
    ``max_bytes``."""
    fd = open_readonly(path)
    with os.fdopen(fd, "rb", closefd=True) as fh:
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise OSError(f"file is {size} bytes, past the limit of {max_bytes} bytes")
        # ask for the size we expect (+1 to notice growth): read(n) allocates n bytes up front, so asking for the
        # limit would cost a 50 MB allocation per file
        data = fh.read(size + 1)
        if len(data) > size:  # still being written: read on, up to the limit
            data += fh.read(max_bytes + 1 - len(data))
    if len(data) > max_bytes:
        raise OSError(f"file grew past the limit of {max_bytes} bytes")
    return data


def sha256_of(path: str | os.PathLike[str], max_bytes: int | None = None) -> str:
    """SHA-256 of a regular file, streamed (opened as :func:`open_readonly` does); ``OSError`` as there, or when
    more than ``max_bytes`` (if given) would have to be hashed."""
    h = hashlib.sha256()
    fd = open_readonly(path)
    seen = 0
    with os.fdopen(fd, "rb", closefd=True) as fh:
        while chunk := fh.read(_CHUNK):
            seen += len(chunk)
            if max_bytes is not None and seen > max_bytes:
                raise OSError(f"file is past the limit of {max_bytes} bytes")
            h.update(chunk)
    return h.hexdigest()
