"""Reading one file into :class:`matcheck.results.Document` s: read once, hash, sniff, extract (or take the cached
extraction), classify (per page for multi-document PDFs), parse fields, decide whose. Every problem becomes an
Observation on the Document; nothing here raises for a bad file."""

from __future__ import annotations

import hashlib
import os
from typing import Any, Sequence

from matcheck.documents.cache import ExtractionCache
from matcheck.documents.classify import UNRECOGNISED, Recogniser, classify, split_pages
from matcheck.documents.extraction import Extraction, PageText
from matcheck.documents.fields_extract import extract_fields
from matcheck.documents.person import Person, whose
from matcheck.documents.sniff import IMAGE_TYPES, sniff
from matcheck.documents.walk import DEFAULT_MAX_BYTES, Entry, read_bytes
from matcheck.results import Document, Observation
from matcheck.rule_names import UNREADABLE_FILE as UNREADABLE
from matcheck.rule_names import UNRECOGNISED_FILE

NOT_READ_TYPES = frozenset({"doc", "zip", "archive", "unknown"})
MAX_TEXT_BYTES = 2 * 1024 * 1024


def extract(data: bytes) -> Extraction:
    """Sniff and extract; the one function whose result the cache stores."""
    sniffed = sniff(data)
    if sniffed.problem:
        return Extraction(sniffed.file_type).unreadable(*sniffed.problem)
    kind = sniffed.file_type
    if kind == "pdf":
        from matcheck.documents.extract_pdf import extract_pdf

        return extract_pdf(data)
    if kind in IMAGE_TYPES:
        from matcheck.documents.extract_image import extract_image

        return extract_image(data, kind)
    if kind == "docx":
        from matcheck.documents.extract_docx import extract_docx

        return extract_docx(data)
    if kind == "text":
        return Extraction("text", [PageText(data[:MAX_TEXT_BYTES].decode("utf-8", "replace"))], 1)
    return Extraction(kind)


def _obs(problem: dict[str, Any], path: str) -> Observation:
    return Observation(problem["rule"], dict(problem["args"]), (path,))


def unreadable_document(entry: Entry, reason: str, detail: str, sha256: str = "") -> Document:
    return Document(path=entry.path, sha256=sha256, size=entry.size, file_type="unknown", material=None,
                    confidence=0.0, observations=(Observation(UNREADABLE, {"reason": reason, "detail": detail},
                                                              (entry.path,)),))


def load(entry: Entry, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes | None, str, tuple[str, str] | None]:
    """(content, SHA-256, problem): the file read once, read-only. ``problem`` when it could not be read."""
    if entry.problem:
        return None, "", entry.problem
    try:
        data = read_bytes(entry.abspath, max_bytes)
    except OSError as exc:
        return None, "", ("文件无法读取（权限或读写错误）", f"{type(exc).__name__}: {exc.strerror or exc}")
    return data, hashlib.sha256(data).hexdigest(), None


def read_entry(entry: Entry, recognisers: Sequence[Recogniser], people: tuple[Person, ...],
               cache: ExtractionCache | None, max_bytes: int = DEFAULT_MAX_BYTES,
               loaded: tuple[bytes | None, str, tuple[str, str] | None] | None = None) -> list[Document]:
    """The Documents of one walked file (one, or several for a PDF holding several documents). ``loaded`` is the
    result of :func:`load` when the caller has already read the file."""
    data, sha256, problem = loaded if loaded is not None and (loaded[0] is not None or loaded[2]) else \
        load(entry, max_bytes)
    if problem:
        return [unreadable_document(entry, *problem)]
    extraction = cache.get(sha256) if cache else None
    if extraction is None:
        try:
            extraction = extract(data)
        except MemoryError:
            extraction = Extraction("unknown").unreadable("文件过大，内存不足，未读取", "MemoryError")
        except RecursionError as exc:
            extraction = Extraction("unknown").unreadable("文件结构异常，无法读取", f"RecursionError: {exc}")
        except Exception as exc:  # noqa: BLE001 - a parser's unexpected error on one file must not stop the folder
            if os.environ.get("MATCHECK_DEBUG"):
                raise
            extraction = Extraction("unknown").unreadable("文件结构异常，无法读取", f"{type(exc).__name__}: {exc}")
        if cache:
            cache.put(sha256, extraction)
    del data
    return documents_of(entry, sha256, extraction, recognisers, people)


def documents_of(entry: Entry, sha256: str, ex: Extraction, recognisers: Sequence[Recogniser],
                 people: tuple[Person, ...]) -> list[Document]:
    observations = [_obs(p, entry.path) for p in ex.problems]
    unreadable = any(p["rule"] == UNREADABLE for p in ex.problems)
    if entry.bad_name:
        observations.append(Observation(UNREADABLE, {"reason": "文件名不是有效的 UTF-8 编码，请重命名",
                                                     "detail": f"name shown as {entry.path}"}, (entry.path,)))
    texts = [p.text for p in ex.pages]
    ranges = split_pages(texts, entry.path, recognisers) if texts else [(0, 0)]
    docs = []
    for n, (start, end) in enumerate(ranges):
        text = "\n".join(texts[start:end])
        match = classify(text, entry.path, recognisers) if text.strip() else UNRECOGNISED
        fields = extract_fields(text, match.material) if text.strip() else {}
        if ex.image:
            fields["image"] = dict(ex.image)
        page_confs = [p.confidence for p in ex.pages[start:end] if p.confidence is not None]
        if page_confs:
            fields["ocr_confidence"] = round(min(page_confs), 3)
        person = whose(text, fields.get("names", []), fields.get("id_numbers", []), people) if text else None
        obs = list(observations) if n == 0 else []
        if match.material is None and not unreadable and n == 0:
            args = {"file_type": ex.file_type}
            if ex.file_type in NOT_READ_TYPES:
                args["reason"] = {"doc": "旧版 Word .doc 文件无法读取，请另存为 .docx 或 PDF",
                                  "zip": "压缩包或其他 Office 文件，请解压或另存为 PDF",
                                  "archive": "压缩包，请解压后放入文件夹"}.get(ex.file_type, "无法识别的文件类型")
            obs.append(Observation(UNRECOGNISED_FILE, args, (entry.path,)))
        docs.append(Document(
            path=entry.path, sha256=sha256, size=entry.size, file_type=ex.file_type, material=match.material,
            confidence=match.confidence, evidence=match.evidence, person=person.role if person else None,
            person_name=person.name if person else None, fields=fields,
            pages=(end - start) if len(ranges) > 1 else ex.page_count, text_chars=len(text),
            ocr=any(p.ocr for p in ex.pages[start:end]), page=start + 1 if len(ranges) > 1 else None,
            observations=tuple(obs)))
    return docs
