"""Reading an applicant's folder (申请人材料文件夹): what each file is, whose, and what it says.

folder ──► safe walk ──► read once ──► SHA-256 ──► cache? ──► sniff ──► extract (pypdf | OCR | python-docx)
                                                               └──► classify (catalog) ──► fields ──► whose

:func:`read_folder` is the stage the pipeline calls; :func:`scan_folder` is what ``matcheck scan`` calls (it loads
``FOLDER/profile.yaml`` when present). Both are pure functions of the folder's content (plus the cache, which only
saves time) and never write into the folder. A file that cannot be read is a Document with an ``unreadable-file``
observation, never an exception. See ``docs/folder-reading.md``.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from matcheck.documents.walk import PROFILE_NAMES as PROFILE_FILES
from matcheck.results import Document

if TYPE_CHECKING:
    from matcheck.documents.snapshot import FolderFiles

KEEP_BYTES = 256 * 1024 * 1024  # bytes held between hashing and extracting; beyond this, files are read again


def read_folder(folder: Path, profile=None, *, use_cache: bool = True, cache_dir: Path | None = None,
                max_bytes: int | None = None, recognisers: Sequence | None = None,
                progress: Callable[[int, int, str], None] | None = None,
                holder: Callable[[tuple[Document, ...]], object] | None = None,
                files: "FolderFiles | None" = None) -> tuple[Document, ...]:
    """Every file under ``folder`` as Documents, sorted by path (and page). ``profile`` (a
    :class:`matcheck.profile.Profile`) tells whose each document is; ``recognisers`` default to the catalog's;
    ``progress(i, n, path)`` is called before each file that has to be read (not on a cache hit).

    ``holder`` (with no ``profile``: ``matcheck init --from-documents``) names the people from the documents read
    without them (a Profile, or None); whose each document is is then decided again from the same walk, the same
    bytes and hashes and the extractions just made (with the cache), so no file is read twice.

    ``files``: the folder as already walked and read (:func:`matcheck.documents.snapshot.read_files`, perhaps on
    another machine): then nothing is walked or read from disk here, and the result is the same."""
    from matcheck.documents.cache import ExtractionCache, MemoryCache, analysis_key
    from matcheck.documents.classify import catalog_recognisers
    from matcheck.documents.fields_extract import families
    from matcheck.documents.id_cards import pair_sides
    from matcheck.documents.person import people_of
    from matcheck.documents.reader import read_entry
    from matcheck.documents.snapshot import read_files

    from matcheck.documents.ocr import keep_out_of  # cheap: imports no runtime

    folder = Path(folder)
    if files is None and not folder.is_dir():
        raise NotADirectoryError(f"{folder}: not a folder")
    keep_out_of(folder, cache_dir)  # the OCR engine's compiled models: under cache_dir, never inside the folder
    if recognisers is None:
        recognisers = catalog_recognisers()
    people = people_of(profile)
    # pass 1: walk, read and hash every file once; keep the bytes (up to a budget) so a cache miss reads nothing
    # twice (files walked and read already, perhaps elsewhere: all of them are in memory and nothing is read again)
    if files is None:
        files = read_files(folder, max_bytes, keep_bytes=KEEP_BYTES)
    limit, entries, loaded = files.max_bytes, list(files.entries), list(files.loaded)
    note = progress or (lambda i, n, path: None)
    wanted = holder is not None and profile is None
    # without the cache, a second analysis (``holder``) takes the extractions of the first from memory
    cache = ExtractionCache(cache_dir, folder) if use_cache else MemoryCache() if wanted else None
    manifest = [(e.path, e.size, sha, problem, e.bad_name) for e, (_, sha, problem) in zip(entries, loaded)]
    from matcheck.documents.ocr import engine_tag  # cheap: names the OCR engine without importing it

    transient = any(p and p[0].startswith("文件无法读取") for _, _, p in loaded)  # may read next time: don't store
    order: list[int] = []

    def analyse(people, last: bool) -> tuple[Document, ...]:
        key = context = tag = None
        if use_cache:
            context, tag = _fingerprint(tuple(recognisers), people, families()), engine_tag()
            key = analysis_key(manifest, context + tag)
            cached = cache.get_analysis(key)
            if cached is not None:
                return cached
        first = not order  # a second analysis (``holder``) takes the first one's extractions: no progress again
        if first:
            order.extend(read_sequence(loaded, cache))
        by_entry: list[list[Document]] = [[] for _ in entries]
        for n, i in enumerate(order):
            if first:
                note(n + 1, len(entries), entries[i].path)
            by_entry[i] = read_entry(entries[i], recognisers, people, cache, limit, loaded[i])
            if last:
                loaded[i] = (None, loaded[i][1], loaded[i][2])  # free the bytes as soon as the file is done
        result = pair_sides([d for docs in by_entry for d in docs])
        if key is not None and not transient:
            # engine_tag() named the backend that would be tried first; if that one could not start and the other
            # read, the analysis is kept under the engine that read (the extractions carry its tag), never the first
            read_tag = engine_tag()
            cache.put_analysis(key if read_tag == tag else analysis_key(manifest, context + read_tag), result)
        return result

    result = analyse(people, last=not wanted)
    if wanted:
        found = people_of(holder(result))
        result = analyse(found, last=True) if found else result
    return result


def read_sequence(loaded: Sequence[tuple[bytes | None, str, object]], cache) -> list[int]:
    """The order the files are read in (the Documents come out in path order whatever it is): when some photo has
    to be OCR'd, the OCR engine starts building on a background thread (importing and compiling the runtime takes
    0.4 s, 1 s on a machine's first run) and the files that need no engine are read first, meanwhile."""
    from matcheck.documents.sniff import IMAGE_TYPES, sniff

    photos = [i for i, (data, sha256, _) in enumerate(loaded)
              if data is not None and sniff(data[:8192]).file_type in IMAGE_TYPES
              and not (cache is not None and cache.has(sha256))]
    if not photos:
        return list(range(len(loaded)))
    from matcheck.documents.ocr import warm_up

    warm_up()
    later = set(photos)
    return [i for i in range(len(loaded)) if i not in later] + photos


@lru_cache(maxsize=8)
def _fingerprint(recognisers: tuple, people: tuple, families: tuple) -> str:
    """What the analysis depends on besides the files: the catalog's recognisers, the profile's people, each
    material's field family (``family:``), and the source of the analysing modules (so a changed parser or catalog
    never serves stale cached fields)."""
    return hashlib.sha256(repr((recognisers, people, families, _code_fingerprint())).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    h = hashlib.sha256()
    for name in ("classify", "fields_extract", "person", "reader", "text", "id_cards", "archive", "reading_order"):
        try:
            h.update((Path(__file__).parent / f"{name}.py").read_bytes())
        except OSError:  # a build without sources: fall back to the declared version
            h.update(name.encode())
    return h.hexdigest()


def find_profile(folder: Path) -> Path | None:
    for name in PROFILE_FILES:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    return None


def scan_folder(folder: Path, profile_path: Path | None = None, use_cache: bool = True,
                cache_dir: Path | None = None,
                progress: Callable[[int, int, str], None] | None = None) -> tuple[Document, ...]:
    """``matcheck scan``: the folder's Documents, using ``profile_path`` or ``FOLDER/profile.yaml`` if present."""
    from matcheck.profile import load_profile

    path = profile_path or find_profile(folder)
    profile = load_profile(path) if path else None
    return read_folder(folder, profile, use_cache=use_cache, cache_dir=cache_dir, progress=progress)


__all__ = ["read_folder", "scan_folder", "find_profile"]
