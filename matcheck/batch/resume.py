"""Resuming a batch (断点续跑): a manifest in the output folder records, per applicant, what its report was made from.

The manifest is ``DIR/manifest.jsonl``, a journal: one JSON line is appended (and flushed) as each applicant
finishes, so a batch killed at any moment keeps every applicant that finished. A torn last line (the process
died mid-write) is ignored. At the end of a run the journal is compacted (rewritten atomically, one line per
applicant).

An entry holds the applicant's **inputs digest** (sha256 over every file of the folder, profile.yaml included:
relative path, size and content hash; a file only touched, same content, does not count as a change), the
per-file size/mtime/hash it was made from, the **settings digest** (matcheck version, --policy, --as-of, or
today's date when it is not given, --lang, --show-pii, --fail-on, and a digest of the policy data in
``checklists/``) and the outcome row. With ``--resume`` an applicant is skipped when both digests are unchanged and
its report is still in DIR; an applicant that failed with an internal error is always redone.

Like git's index, a file whose size and mtime are unchanged keeps the content hash recorded for it, so a resumed
run over unchanged folders only stats the files; a file whose size or mtime changed is hashed again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from matcheck.textsafe import json_text
from matcheck.atomic import write_atomic

MANIFEST_NAME = "manifest.jsonl"

# relative path → (size, mtime_ns, sha256)
FileStamps = dict[str, tuple[int, int, str]]


@dataclass(frozen=True)
class Fingerprint:
    digest: str
    files: FileStamps


def fingerprint(folder: Path, previous: Mapping[str, Any] | None = None, known: Mapping[str, str] | None = None,
                walked: list[tuple[str, str, int, int, str | None]] | None = None) -> Fingerprint:
    """The inputs digest of an applicant folder; ``previous`` (from the manifest) saves re-hashing unchanged files,
    ``known`` (relative path → SHA-256 of the content already read, :meth:`matcheck.check.ApplicantContent.hashes`)
    saves reading a file again; ``walked``: :func:`stamp_walk` of the folder taken before that content was read
    (so a file changed meanwhile has a new mtime next time, and is hashed again).

    The folder is walked and its files opened exactly as ``check`` reads them (``documents/walk.py`` and
    ``matcheck.safeio``): a link out of the folder, a FIFO, a device or a file over the size limit is recorded by
    what the walk says of it and never opened, so nothing here can block, spin or read outside the folder.
    """
    old: Mapping[str, Any] = previous or {}
    stamps: FileStamps = {}
    for rel, abspath, size, mtime, why in (stamp_walk(folder) if walked is None else walked):
        if why is not None:
            stamps[rel] = (size, mtime, why)
            continue
        before = old.get(path_key(rel))
        if before and int(before[0]) == size and int(before[1]) == mtime and \
                not str(before[2]).startswith(("unreadable:", "not-read:")):
            stamps[rel] = (size, mtime, str(before[2]))
        elif known and rel in known:
            stamps[rel] = (size, mtime, known[rel])
        else:
            stamps[rel] = (size, mtime, _sha256(abspath))
    h = hashlib.sha256()
    for rel in sorted(stamps):
        size, mtime, sha = stamps[rel]
        h.update(f"{rel}\0{size}\0{sha}\n".encode("utf-8", "surrogateescape"))  # content decides, not mtime
    return Fingerprint(h.hexdigest(), stamps)


def stamp_walk(folder: Path) -> list[tuple[str, str, int, int, str | None]]:
    """Every file of an applicant folder as ``check`` walks it (``documents/walk.py``), its profile last:
    ``(relative path, absolute path, size, mtime_ns, why)``, stat'd and never opened. ``why`` is None for a file
    that is read, else ``not-read:<problem>`` (a link out, a FIFO, a device, too large: what the walk says of it,
    size and mtime -1) or ``unreadable:<errno>`` (the stat failed). One walk for :func:`fingerprint` and
    :func:`matcheck.batch.ship.folder_view`."""
    from matcheck.documents.walk import profile_in, walk_folder

    entries = [(e.rel or e.path, e.abspath, e.problem) for e in walk_folder(folder)]
    profile = profile_in(folder)
    if profile is not None:
        entries.append((profile.name, os.fspath(profile), None))
    out: list[tuple[str, str, int, int, str | None]] = []
    for rel, abspath, problem in entries:
        if problem is not None:  # reported by the check, never read: what the walk says is what counts
            out.append((rel, abspath, -1, -1, f"not-read:{problem[0]}"))
            continue
        try:
            st = os.stat(abspath)  # a stat does not touch the access time
        except OSError as exc:
            out.append((rel, abspath, -1, -1, f"unreadable:{exc.errno}"))
            continue
        out.append((rel, abspath, st.st_size, st.st_mtime_ns, None))
    return out


def path_key(name: str) -> str:
    """How the manifest names an applicant or a file: a hash, so that an ID number in a folder or file name is
    never written there (a name is only ever looked up, never shown)."""
    return hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _files(folder: Path) -> Iterable[Path]:
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            yield Path(dirpath) / name


def _sha256(path: str | Path) -> str:
    from matcheck.documents.walk import DEFAULT_MAX_BYTES
    from matcheck.safeio import sha256_of

    try:
        return sha256_of(path, DEFAULT_MAX_BYTES)
    except OSError as exc:
        return f"unreadable:{exc.errno}"


def settings_digest(*, as_of: date | None, policy: str | None, lang: str, show_pii: bool, fail_on: str) -> str:
    """What, besides the folder, a report depends on. Without --as-of the date is today's, so a new day redoes."""
    from matcheck import __version__

    settings = {"matcheck": __version__, "policy": policy or "", "lang": lang, "show_pii": show_pii,
                "fail_on": fail_on, "as_of": as_of.isoformat() if as_of else f"today={date.today().isoformat()}",
                "data": policy_data_digest()}
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()


@lru_cache(maxsize=1)
def policy_data_digest() -> str:
    """A digest of the rules as data (``checklists/``): a changed point value or catalog redoes every applicant."""
    from matcheck.data import checklists_dir

    h = hashlib.sha256()
    try:
        root = checklists_dir()
    except FileNotFoundError:
        return "no-data"
    for path in sorted(_files(root)):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + _sha256(path).encode() + b"\n")
    return h.hexdigest()


class Manifest:
    """The journal of finished applicants in DIR (see the module docstring)."""

    def __init__(self, out: Path):
        self.path = Path(out) / MANIFEST_NAME
        self.entries: dict[str, dict[str, Any]] = {}
        self._file: Any = None

    def load(self) -> "Manifest":
        """Read the journal; the last entry for a key wins; unreadable (torn) lines are skipped."""
        if not self.path.exists():
            return self
        with open(self.path, "r", encoding="utf-8", errors="replace") as f:
            for line in f:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                if isinstance(entry, dict) and isinstance(entry.get("key"), str):
                    self.entries[entry["key"]] = entry
        return self

    def previous_files(self, key: str) -> Mapping[str, Any] | None:
        """The file stamps recorded for applicant ``key``, by :func:`path_key` of each file's name."""
        entry = self.entries.get(path_key(key))
        return entry.get("files") if entry else None

    def unchanged(self, key: str, inputs: str, settings: str) -> dict[str, Any] | None:
        """The previous entry for ``key`` if its inputs and settings are the same and it did not fail internally."""
        entry = self.entries.get(path_key(key))
        if not entry or entry.get("inputs") != inputs or entry.get("settings") != settings:
            return None
        if (entry.get("outcome") or {}).get("exit_code") == 3:
            return None
        return entry

    def record(self, key: str, inputs: str, settings: str, files: FileStamps, outcome: Mapping[str, Any]) -> None:
        """Append one finished applicant to the journal (flushed at once, so a killed batch keeps it). Names are
        hashed and the outcome row masked (:func:`path_key`, ``mask_pii``): the manifest holds no ID number."""
        from matcheck.report.pii import mask_pii_values

        entry = {"key": path_key(key), "inputs": inputs, "settings": settings,
                 "files": {path_key(k): list(v) for k, v in files.items()}, "outcome": mask_pii_values(json.loads(json_text(dict(outcome), indent=None)))}
        self.entries[entry["key"]] = entry
        if self._file is None:
            self._file = self._open_for_append()
        self._file.write(json_text(entry, indent=None) + "\n")
        self._file.flush()

    def _open_for_append(self) -> Any:
        torn = False
        if self.path.exists() and self.path.stat().st_size:
            with open(self.path, "rb") as f:
                f.seek(-1, os.SEEK_END)
                torn = f.read(1) != b"\n"
        f = open(self.path, "a", encoding="utf-8")
        if torn:  # finish a line torn by a killed run, so the next entry starts on a line of its own
            f.write("\n")
        return f

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def compact(self, keys: Iterable[str] | None = None) -> None:
        """Rewrite the journal atomically with one line per applicant (only ``keys`` if given)."""
        self.close()
        wanted = {path_key(k) for k in keys} if keys is not None else None
        lines = [json_text(e, indent=None) + "\n" for k, e in sorted(self.entries.items())
                 if wanted is None or k in wanted]
        write_atomic(self.path, "".join(lines).encode("utf-8"))
