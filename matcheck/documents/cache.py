"""The extraction cache (提取结果缓存): page texts and image measurements keyed by the file's SHA-256.

Checking an unchanged folder again does no PDF parsing and no OCR: the content hash finds the stored extraction.
Classification, fields and "whose" are recomputed each time (they are cheap and depend on the catalog and the
profile, which may change).

* Where: ``$MATCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/matcheck``, else ``~/.cache/matcheck``; never inside the
  folder being read (if it would be, the cache is not used).
* Versioned: entries live under ``extract-v<EXTRACTOR_VERSION>/``; bump the version when an extractor changes what
  it returns, and old entries are simply never read again.
* Written atomically (temporary file + rename); a cache that cannot be written or read is ignored, never an error.
* JSON, not pickle: a cache file is data, and reading it cannot run code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from matcheck.documents.extraction import Extraction

EXTRACTOR_VERSION = 1


def default_cache_dir() -> Path:
    env = os.environ.get("MATCHECK_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "matcheck"


class ExtractionCache:
    def __init__(self, cache_dir: Path | None = None, folder: Path | None = None):
        base = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.root = base / f"extract-v{EXTRACTOR_VERSION}"
        self.enabled = True
        if folder is not None:
            real_root = os.path.realpath(base)
            real_folder = os.path.realpath(folder)
            if real_root == real_folder or real_root.startswith(real_folder.rstrip(os.sep) + os.sep):
                self.enabled = False  # never write into the applicant's folder

    def _path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.json"

    def get(self, sha256: str) -> Extraction | None:
        if not self.enabled:
            return None
        try:
            with open(self._path(sha256), "rb") as fh:
                return Extraction.from_json(json.loads(fh.read()))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, sha256: str, extraction: Extraction) -> None:
        if not self.enabled:
            return
        path = self._path(sha256)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(extraction.to_json(), ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            try:
                tmp.unlink()
            except OSError:
                pass
