"""The caches (提取结果缓存), both keyed by content hashes, both outside the applicant's folder:

* **extraction**, per file: page texts and image measurements keyed by the file's SHA-256. A changed folder
  re-extracts only the files whose content changed; nothing else is parsed or OCR'd again.
* **analysis**, per folder: the finished Documents (classification, fields, whose), keyed by the SHA-256 of the
  folder's manifest — every file's path, size and content hash — together with a fingerprint of the catalog's
  recognisers, of the profile's people and of both versions. Checking an unchanged folder again costs the walk,
  the hashing and one cache read.

* Where: ``$MATCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/matcheck``, else ``~/.cache/matcheck``; never inside the
  folder being read (if it would be, the cache is not used).
* Versioned: entries live under ``extract-v<EXTRACTOR_VERSION>/``; bump the version when an extractor changes what
  it returns, and old entries are simply never read again.
* Written atomically (temporary file + rename); a cache that cannot be written or read is ignored, never an error.
* JSON, not pickle: a cache file is data, and reading it cannot run code.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from matcheck.dates import Month
from matcheck.documents.extraction import Extraction
from matcheck.results import Document, Observation

EXTRACTOR_VERSION = 4  # 2: sharpness measured as edge spread over contrast; 3: PDF text in reading order, zips
ANALYSIS_VERSION = 1  # bump when classification, fields or "whose" change what they return


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
        self.analysis_root = base / f"analysis-v{ANALYSIS_VERSION}-{EXTRACTOR_VERSION}"
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
        self._write(self._path(sha256), extraction.to_json())

    def get_analysis(self, key: str) -> tuple[Document, ...] | None:
        if not self.enabled:
            return None
        try:
            with open(self.analysis_root / key[:2] / f"{key}.json", "rb") as fh:
                return tuple(decode_document(d) for d in json.loads(fh.read()))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put_analysis(self, key: str, documents: tuple[Document, ...]) -> None:
        self._write(self.analysis_root / key[:2] / f"{key}.json", [encode_document(d) for d in documents])

    def _write(self, path: Path, data: Any) -> None:
        if not self.enabled:
            return
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, path)
        except (OSError, TypeError, ValueError):
            try:
                tmp.unlink()
            except OSError:
                pass


def analysis_key(manifest: list[tuple[Any, ...]], context: str) -> str:
    """SHA-256 of the folder manifest (path, size, content hash, problem per file) and the context fingerprint."""
    h = hashlib.sha256(context.encode("utf-8", "surrogatepass"))
    for row in manifest:
        h.update(repr(row).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# --------------------------------------------------------------------------- Documents as tagged JSON


def _enc(v: Any) -> Any:
    if isinstance(v, Month):
        return {"$m": v.index}
    if isinstance(v, list) and v and all(isinstance(i, Month) for i in v):
        return {"$ml": [i.index for i in v]}  # tax_months, si_months: long lists, decoded in one go
    if isinstance(v, list) and v and all(type(i) is date for i in v):
        return {"$dl": [i.toordinal() for i in v]}  # dates
    if isinstance(v, list) and all(type(i) is str for i in v):
        return {"$sl": v}  # names, id_numbers, units: returned as they are
    if isinstance(v, date):
        return {"$d": v.isoformat()}
    if isinstance(v, (set, frozenset)):
        return {"$s": [_enc(i) for i in sorted(v, key=str)]}
    if isinstance(v, tuple):
        return {"$t": [_enc(i) for i in v]}
    if isinstance(v, list):
        return [_enc(i) for i in v]
    if isinstance(v, dict):
        if all(isinstance(k, str) for k in v):
            return {"$o": {k: _enc(i) for k, i in v.items()}}
        return {"$p": [[_enc(k), _enc(i)] for k, i in v.items()]}
    return v


def _dec(v: Any) -> Any:
    if v is None or type(v) in (str, int, float, bool):
        return v
    if isinstance(v, list):
        return [_dec(i) for i in v]
    if isinstance(v, dict):
        (tag, value), = v.items()
        if tag == "$sl":
            return list(value)
        if tag == "$dl":
            return [date.fromordinal(i) for i in value]
        if tag == "$ml":
            return [Month.from_index(i) for i in value]
        if tag == "$m":
            return Month.from_index(value)
        if tag == "$d":
            return date.fromisoformat(value)
        if tag == "$s":
            return {_dec(i) for i in value}
        if tag == "$t":
            return tuple(_dec(i) for i in value)
        if tag == "$o":
            return {k: _dec(i) for k, i in value.items()}
        if tag == "$p":
            return {_dec(k): _dec(i) for k, i in value}
        raise ValueError(f"unknown tag {tag}")
    return v


def encode_document(doc: Document) -> dict[str, Any]:
    data = {f.name: getattr(doc, f.name) for f in fields(Document)}
    data["observations"] = [{"rule": o.rule, "args": _enc(dict(o.args)), "files": list(o.files), "subject": o.subject}
                            for o in doc.observations]
    data["fields"] = _enc(dict(doc.fields))
    data["evidence"] = list(doc.evidence)
    return data


def decode_document(data: dict[str, Any]) -> Document:
    data = dict(data)
    data["observations"] = tuple(Observation(o["rule"], _dec(o["args"]), tuple(o["files"]), o.get("subject"))
                                 for o in data["observations"])
    data["fields"] = _dec(data["fields"])
    data["evidence"] = tuple(data["evidence"])
    return Document(**data)
