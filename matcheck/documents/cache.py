"""The caches (提取结果缓存), both keyed by content hashes, both outside the applicant's folder:

* **extraction**, per file: page texts and image measurements keyed by the file's SHA-256. A changed folder
  re-extracts only the files whose content changed; nothing else is parsed or OCR'd again.
* **analysis**, per folder: the finished Documents (classification, fields, whose), keyed by the SHA-256 of the
  folder's manifest — every file's path, size and content hash — together with a fingerprint of the catalog's
  recognisers and field families (``family:``), of the profile's people and of both versions. Checking an
  unchanged folder again costs the walk, the hashing and one cache read.

* Where: ``$MATCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/matcheck``, else ``~/.cache/matcheck``; never inside the
  folder being read (if it would be, the cache is not used).
* Versioned: entries live under ``extract-v<EXTRACTOR_VERSION>/``; bump the version when an extractor changes what
  it returns, and old entries are simply never read again. An entry with OCR'd pages names the OCR engine that read
  them (backend, runtime version, pipeline: :func:`matcheck.documents.ocr.engine_tag`) and is used only by the same
  engine; the folder analysis is keyed on the engine too, so results of two OCR backends are never mixed.
* Written atomically (temporary file + rename); a cache that cannot be written or read is ignored, never an error.
* JSON, not pickle: a cache file is data, and reading it cannot run code.
* Encrypted with a per-user key (AES-256-GCM): a cache entry holds what the documents say, ID numbers included, so
  each file is sealed with a random 32-byte key kept in ``$XDG_CONFIG_HOME/matcheck/cache.key`` (else
  ``~/.config/matcheck/cache.key``; ``$MATCHECK_CACHE_KEY`` names another file), created on first use with mode
  0600. A cache folder copied elsewhere (a backup, a shared drive) reads as noise; a tampered or foreign entry
  fails authentication and is simply a miss. Without the key file (it cannot be created or read) the cache is off.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from matcheck.atomic import write_atomic
from matcheck.data import default_cache_dir, is_within  # noqa: F401 (where the caches live; re-exported)
from matcheck.dates import Month
from matcheck.documents.extraction import Extraction
from matcheck.results import Document, Observation

# 2: sharpness measured as edge spread over contrast; 3: PDF text in reading order, zips; 4: a PDF's text is
# rebuilt in reading order only when many runs start a line on a row already written (a watermark or footer drawn
# out of turn no longer triggers it)
EXTRACTOR_VERSION = 4
ANALYSIS_VERSION = 1  # bump when classification, fields or "whose" change what they return


class ExtractionCache:
    def __init__(self, cache_dir: Path | None = None, folder: Path | None = None):
        base = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.root = base / f"extract-v{EXTRACTOR_VERSION}"
        self.analysis_root = base / f"analysis-v{ANALYSIS_VERSION}-{EXTRACTOR_VERSION}"
        self.enabled = True
        if folder is not None and is_within(base, folder):
            self.enabled = False  # never write into the applicant's folder

    @functools.cached_property
    def _cipher(self) -> Any:
        """The AES-GCM cipher under the per-user key, made once per cache (not per entry); None turns the cache
        off (no key could be had, or no ``cryptography``): nothing is then read or written."""
        try:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        except ImportError:
            return None
        key = cache_key()
        return AESGCM(key) if key is not None else None

    def _path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.json"

    def has(self, sha256: str) -> bool:
        """An entry exists for this content (cheap: not opened; :meth:`get` may still refuse it)."""
        return self.enabled and self._path(sha256).is_file()

    def get(self, sha256: str) -> Extraction | None:
        if not self.enabled:
            return None
        try:
            extraction = Extraction.from_json(self._read(self._path(sha256)))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if extraction.ocr and not _same_engine(extraction.engine):
            return None  # read by another OCR engine: read again, never mix
        return extraction

    def _read(self, path: Path) -> Any:
        """The JSON data of one entry, decrypted and authenticated; ValueError when it is not ours."""
        cipher = self._cipher
        if cipher is None:
            raise ValueError("no cache key")
        from cryptography.exceptions import InvalidTag

        with open(path, "rb") as fh:
            blob = fh.read()
        if not blob.startswith(_MAGIC):
            raise ValueError("not an encrypted entry")  # e.g. a plain entry of an older version: a miss
        nonce, sealed = blob[len(_MAGIC):len(_MAGIC) + 12], blob[len(_MAGIC) + 12:]
        try:
            plain = cipher.decrypt(nonce, sealed, path.name.encode())
        except InvalidTag:
            raise ValueError("entry does not authenticate") from None
        return json.loads(plain)

    def put(self, sha256: str, extraction: Extraction) -> None:
        self._write(self._path(sha256), extraction.to_json())

    def get_analysis(self, key: str) -> tuple[Document, ...] | None:
        if not self.enabled:
            return None
        try:
            return tuple(decode_document(d) for d in self._read(self.analysis_root / key[:2] / f"{key}.json"))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put_analysis(self, key: str, documents: tuple[Document, ...]) -> None:
        self._write(self.analysis_root / key[:2] / f"{key}.json", [encode_document(d) for d in documents])

    def _write(self, path: Path, data: Any) -> None:
        if not self.enabled:
            return
        cipher = self._cipher
        if cipher is None:
            return
        try:
            plain = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
            nonce = os.urandom(12)
            write_atomic(path, _MAGIC + nonce + cipher.encrypt(nonce, plain, path.name.encode()))  # 0600, own temp
        except (OSError, TypeError, ValueError):
            pass  # a cache that cannot be written is only slower


_MAGIC = b"matcheck-cache-aesgcm-1\n"


class MemoryCache:
    """The extractions of one read, in memory: what a second analysis of the same folder takes instead of reading
    and OCR-ing every file again when the on-disk cache is not used (``--no-cache``)."""

    def __init__(self) -> None:
        self._entries: dict[str, Extraction] = {}

    def has(self, sha256: str) -> bool:
        return sha256 in self._entries

    def get(self, sha256: str) -> Extraction | None:
        return self._entries.get(sha256)

    def put(self, sha256: str, extraction: Extraction) -> None:
        self._entries[sha256] = extraction


def _same_engine(tag: str | None) -> bool:
    """Was an entry read by this process's OCR engine? Before the engine is built, :func:`engine_tag` names the
    backend that would be tried first; when that one cannot start and the other serves, entries carry the other's
    tag, so a mismatch is checked once more against the engine itself (which the miss would build anyway)."""
    from matcheck.documents.ocr import OcrBackendError, engine, engine_tag

    if tag == engine_tag():
        return True
    try:
        return tag == engine().tag
    except OcrBackendError:
        return False


def cache_key_path() -> Path:
    env = os.environ.get("MATCHECK_CACHE_KEY")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CONFIG_HOME")
    return (Path(xdg) if xdg else Path.home() / ".config") / "matcheck" / "cache.key"


def cache_key() -> bytes | None:
    """The per-user cache key (32 random bytes), made on first use with mode 0600; None if it cannot be had."""
    path = cache_key_path()
    for _attempt in range(2):
        try:
            with open(path, "rb") as fh:
                key = fh.read(33)
            return key if len(key) == 32 else None
        except FileNotFoundError:
            pass
        except OSError:
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue  # another process made it just now: read theirs
        except OSError:
            return None
        with os.fdopen(fd, "wb") as fh:
            fh.write(os.urandom(32))
    return None


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
