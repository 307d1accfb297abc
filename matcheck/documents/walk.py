"""The safe walk of an applicant's folder (申请人材料文件夹): which files to read, and which to report instead.

* any depth, with ``os.scandir`` and ``follow_symlinks=False``: a link is never followed out of the folder; a link
  to a file inside the folder is read (it is the applicant's file), a link to a folder inside it is skipped (its
  files are walked where they really are), a link that resolves outside the folder (or nowhere) is reported;
* hidden and system files are skipped (``.DS_Store``, ``Thumbs.db``, ``desktop.ini``, ``~$`` Office lock files,
  ``__MACOSX``), and so is the folder's own ``profile.yaml`` (it is the claim, not a document);
* a file larger than ``max_bytes`` is reported, not read;
* a name that is not valid UTF-8 is walked with ``os.fsdecode`` (surrogateescape) and shown with the bad bytes
  replaced by U+FFFD;
* sockets, FIFOs and devices are reported, never opened (opening a FIFO would block);
* files are opened read-only, with ``O_NOATIME`` where the kernel allows it, so not even the access time changes.

Nothing here writes anything, anywhere.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from matcheck import safeio
from matcheck.data import is_within

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # a phone photo is 2-8 MB, a 60-page PDF well under 10 MB
MAX_DEPTH = 32
MAX_FILES = 5000

SYSTEM_NAMES = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r", "$recycle.bin",
                          "system volume information", "__macosx"})
# an applicant folder's profile, in the order it is looked for (check, scan and batch use this one list)
PROFILE_NAMES = ("profile.yaml", "profile.yml", "profile.json")


def size_limit(max_bytes: int | None = None) -> int:
    """The largest file the reader reads: ``max_bytes`` if given, else ``MATCHECK_MAX_FILE_BYTES``, else
    :data:`DEFAULT_MAX_BYTES`."""
    return max_bytes or int(os.environ.get("MATCHECK_MAX_FILE_BYTES") or DEFAULT_MAX_BYTES)


def profile_in(folder: Path) -> Path | None:
    """The profile file of an applicant folder, or None if it is not one."""
    for name in PROFILE_NAMES:
        if (Path(folder) / name).is_file():
            return Path(folder) / name
    return None


def enclosing_applicant(path: Path) -> Path | None:
    """The applicant folder (a folder with a profile) that is or contains ``path``, if any.

    matcheck never writes into an applicant's folder: ``batch --out`` and every ``-o`` inside one are refused.
    """
    path = Path(os.path.realpath(path))
    for candidate in (path, *path.parents):
        if profile_in(candidate) is not None:
            return candidate
    return None


@dataclass(frozen=True)
class Entry:
    """One file found in the folder. ``problem`` is (reason in Chinese, detail) when it must not be read."""

    path: str  # relative, POSIX separators, safe to print (bad bytes replaced)
    abspath: str  # what to open (may hold surrogate escapes)
    size: int
    problem: tuple[str, str] | None = None
    bad_name: bool = False
    rel: str = ""  # relative, POSIX separators, as walked (may hold surrogate escapes): unique within the folder


def display_name(name: str) -> str:
    """A name as the user should see it: undecodable bytes (surrogate escapes) become U+FFFD."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def is_skipped(name: str) -> bool:
    """Hidden (``.x``), system and Office lock (``~$x``) files."""
    return name.startswith(".") or name.startswith("~$") or name.lower() in SYSTEM_NAMES


def walk_folder(folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Entry]:
    """Every file under ``folder`` to read or to report, sorted by path. The folder must exist."""
    root = os.path.realpath(os.fspath(folder))
    out: list[Entry] = []
    _walk(root, root, "", 0, max_bytes, out)
    out.sort(key=lambda e: e.path)
    return out


def _walk(root: str, directory: str, prefix: str, depth: int, max_bytes: int, out: list[Entry]) -> None:
    try:
        entries = safeio.list_folder(directory)  # names and lstat results, without touching the folder's atime
    except OSError as exc:
        out.append(Entry(display_name(prefix.rstrip("/")) or ".", directory, 0,
                         ("文件夹无法读取", f"{type(exc).__name__}: {exc.strerror or exc}"), rel=prefix or "."))
        return
    for name, lst in entries:
        path = os.path.join(directory, name)
        if is_skipped(name):
            continue
        rel = prefix + name
        if depth == 0 and name.lower() in PROFILE_NAMES:
            continue
        if len(out) >= MAX_FILES:
            out.append(Entry(display_name(prefix) or ".", directory, 0,
                             ("文件过多，其余文件未读取", f"more than {MAX_FILES} files"), rel=prefix + "…"))
            return
        shown = display_name(rel)
        bad_name = shown != rel
        if isinstance(lst, OSError):
            out.append(Entry(shown, path, 0, ("文件无法读取", f"stat: {lst.strerror or lst}"), bad_name, rel))
            continue
        st = lst
        if stat.S_ISLNK(st.st_mode):
            _link(root, path, shown, bad_name, max_bytes, out, rel)
        elif stat.S_ISDIR(st.st_mode):
            if depth >= MAX_DEPTH:
                out.append(Entry(shown, path, 0, ("文件夹层级过深，未读取", f"depth > {MAX_DEPTH}"), bad_name,
                                 rel))
            else:
                _walk(root, path, rel + "/", depth + 1, max_bytes, out)
        elif stat.S_ISREG(st.st_mode):
            out.append(_file(shown, path, st.st_size, max_bytes, bad_name, rel))
        else:
            out.append(Entry(shown, path, 0, ("不是普通文件（设备、管道或套接字）", f"mode {oct(st.st_mode)}"),
                             bad_name, rel))


def _link(root: str, path: str, shown: str, bad_name: bool, max_bytes: int, out: list[Entry],
          rel: str) -> None:
    target = os.path.realpath(path)
    if not is_within(target, root):
        out.append(Entry(shown, path, 0, ("链接指向文件夹之外，未读取", f"link to {display_name(target)}"),
                         bad_name, rel))
        return
    try:
        st = os.stat(target)
    except OSError:
        out.append(Entry(shown, path, 0, ("链接指向的文件不存在", f"broken link to {display_name(target)}"),
                         bad_name, rel))
        return
    if stat.S_ISREG(st.st_mode):
        out.append(_file(shown, target, st.st_size, max_bytes, bad_name, rel))
    # a link to a folder inside the folder: its files are walked where they are


def _file(shown: str, abspath: str, size: int, max_bytes: int, bad_name: bool, rel: str) -> Entry:
    if size > max_bytes:
        return Entry(shown, abspath, size, ("文件过大，未读取", f"{size} bytes > limit {max_bytes}"), bad_name, rel)
    return Entry(shown, abspath, size, None, bad_name, rel)


def read_bytes(abspath: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's content, opened as :func:`matcheck.safeio.open_readonly` does (read-only, ``O_NOATIME`` when
    permitted, never blocking on a FIFO, regular files only); OSError if it cannot be read or has grown past
    ``max_bytes`` since the walk."""
    return safeio.read_bytes(abspath, max_bytes)
