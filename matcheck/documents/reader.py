"""Reading one file into :class:`matcheck.results.Document` s: read once, hash, sniff, extract (or take the cached
extraction), classify (per page for multi-document PDFs), parse fields, decide whose. Every problem becomes an
Observation on the Document; nothing here raises for a bad file."""

from __future__ import annotations

import hashlib
import os
from typing import Any, Sequence

from matcheck.documents.cache import ExtractionCache
from matcheck.documents.classify import UNRECOGNISED, Part, Recogniser, classify, split_documents
from matcheck.documents.extraction import Extraction, PageText
from matcheck.documents.fields_extract import extract_fields, unsure
from matcheck.documents.person import Person, whose
from matcheck.documents.sniff import IMAGE_TYPES, sniff
from matcheck.documents.walk import DEFAULT_MAX_BYTES, Entry, read_bytes
from matcheck.results import Document, Observation
from matcheck.rule_names import UNREADABLE_FILE as UNREADABLE
from matcheck.rule_names import UNRECOGNISED_FILE

NOT_READ_TYPES = frozenset({"doc", "xls", "ppt", "office-legacy", "xlsx", "pptx", "odf", "zip", "archive", "unknown"})
BAD_NAME_MESSAGE = {"zh": "文件名无法正确显示：{file}（{reason}）。",
                    "en": "{file}: the file name is not valid UTF-8 (the file was read); rename it."}
BAD_NAME_HINT = {"zh": "把文件改为正常的中文或英文文件名（Windows 压缩包在 Linux/macOS 上解压时文件名常会乱码）。",
                 "en": "Rename the file (names from a Windows zip unpacked on Linux or macOS often come out garbled)."}
# what to do with a file of a type the reader does not read (shown in the unrecognised-file finding)
NOT_READ_REASONS = {
    "doc": "旧版 Word .doc 文件无法读取，请另存为 .docx 或 PDF",
    "office-legacy": "旧版 Office 文件（.doc/.xls/.ppt）无法读取，请另存为 PDF 或 .docx",
    "xls": "电子表格无法作为材料读取，请打印或另存为 PDF（社保、个税记录请从官方渠道下载 PDF）",
    "xlsx": "电子表格无法作为材料读取，请打印或另存为 PDF（社保、个税记录请从官方渠道下载 PDF）",
    "ppt": "演示文稿无法作为材料读取，请另存为 PDF",
    "pptx": "演示文稿无法作为材料读取，请另存为 PDF",
    "odf": "OpenDocument 文件无法读取，请另存为 PDF 或 .docx",
    "zip": "压缩包中没有可读取的文件",
    "archive": "压缩包（rar、7z 等）无法读取，请解压后放入文件夹",
}
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
               loaded: tuple[bytes | None, str, tuple[str, str] | None] | None = None,
               depth: int = 0) -> list[Document]:
    """The Documents of one walked file (one, or several for a PDF holding several documents; one per member for a
    zip). ``loaded`` is the result of :func:`load` when the caller has already read the file (its bytes may have
    been let go: then the hash finds the extraction in the cache, and the file is read again only if it is not
    there); ``depth`` counts the zips this file is inside."""
    data, sha256, problem = loaded if loaded is not None else (None, "", None)
    extraction = cache.get(sha256) if cache and sha256 and not problem else None
    if data is None and not problem and (extraction is None or extraction.file_type == "zip"):
        # not read yet, or its bytes let go after hashing and nothing cached to read instead (a zip's members are
        # read from its bytes)
        data, sha256, problem = load(entry, max_bytes)
        extraction = cache.get(sha256) if cache and not problem else None
    if problem:
        return [unreadable_document(entry, *problem)]
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
        if extraction.ocr:
            from matcheck.documents.ocr import engine_tag

            extraction.engine = engine_tag()  # the engine now built: the one that read it
        if cache:
            cache.put(sha256, extraction)
    if extraction.file_type == "zip" and not extraction.problems:
        inside = _zip_documents(entry, data, recognisers, people, cache, max_bytes, depth)
        if inside is not None:
            return inside
    del data
    return documents_of(entry, sha256, extraction, recognisers, people)


def _zip_documents(entry: Entry, data: bytes, recognisers: Sequence[Recogniser], people: tuple[Person, ...],
                   cache: ExtractionCache | None, max_bytes: int, depth: int) -> list[Document] | None:
    """The documents of a zip's members, each as ``材料.zip/学位证.pdf`` (None for an archive with no member to
    read: it is reported as the zip it is)."""
    from matcheck.documents.archive import MAX_NESTING, members

    if depth >= MAX_NESTING:
        return [unreadable_document(entry, "压缩包嵌套过深，未读取", f"more than {MAX_NESTING} nested zips")]
    docs: list[Document] = []
    for m in members(data, max_bytes):
        path = f"{entry.path}/{m.name}" if m.name else entry.path
        member = Entry(path, entry.abspath, m.size, m.problem, entry.bad_name)
        if m.problem or m.data is None:
            docs.append(unreadable_document(member, *(m.problem or ("文件无法读取", ""))))
            continue
        loaded = (m.data, hashlib.sha256(m.data).hexdigest(), None)
        docs.extend(read_entry(member, recognisers, people, cache, max_bytes, loaded, depth + 1))
    return docs or None


def _names_nobody(fields: dict[str, Any]) -> bool:
    return not fields.get("names") and not fields.get("id_numbers")


def documents_of(entry: Entry, sha256: str, ex: Extraction, recognisers: Sequence[Recogniser],
                 people: tuple[Person, ...]) -> list[Document]:
    observations = [_obs(p, entry.path) for p in ex.problems]
    unreadable = any(p["rule"] == UNREADABLE for p in ex.problems)
    if entry.bad_name:
        # the file itself was read: its name only cannot be shown exactly, which is worth an info, not an error
        observations.append(Observation(UNREADABLE, {"reason": "文件名不是有效的 UTF-8 编码（文件已读取），建议重命名",
                                                     "detail": f"name shown as {entry.path}", "severity": "info",
                                                     "message": BAD_NAME_MESSAGE, "hint": BAD_NAME_HINT},
                                        (entry.path,)))
    texts = [p.text for p in ex.pages]
    parts = split_documents(texts, entry.path, recognisers) if texts else [Part(0, 0, "")]
    docs = []
    for n, part in enumerate(parts):
        start, end, text = part.first_page, part.end_page, part.text
        match = classify(text, entry.path, recognisers) if text.strip() else UNRECOGNISED
        fields = extract_fields(text, match.material) if text.strip() else {}
        if ex.image:
            fields["image"] = dict(ex.image)
        page_confs = [p.confidence for p in ex.pages[start:end] if p.confidence is not None]
        if page_confs:
            fields["ocr_confidence"] = round(min(page_confs), 3)
        person = whose(text, fields.get("names", []), fields.get("id_numbers", []), people) if text else None
        if person is None and n > 0 and docs and _names_nobody(fields) and part.first_page < parts[n - 1].end_page:
            # a document that starts mid-sheet under another and names nobody: a certificate printing its body
            # above its title left its holder's name in the part above; take that holder, without confidence
            person = next((p for p in people if p.role == docs[-1].person and p.name == docs[-1].person_name), None)
            if person is not None:
                unsure(fields, "person")
        obs = list(observations) if n == 0 else []
        if match.material is None and not unreadable and n == 0:
            args = {"file_type": ex.file_type}
            if ex.file_type in NOT_READ_TYPES:
                args["reason"] = NOT_READ_REASONS.get(ex.file_type, "无法识别的文件类型")
            obs.append(Observation(UNRECOGNISED_FILE, args, (entry.path,)))
        docs.append(Document(
            path=entry.path, sha256=sha256, size=entry.size, file_type=ex.file_type, material=match.material,
            confidence=match.confidence, evidence=match.evidence, person=person.role if person else None,
            person_name=person.name if person else None, fields=fields,
            pages=(end - start) if len(parts) > 1 else ex.page_count, text_chars=len(text),
            ocr=any(p.ocr for p in ex.pages[start:end]), page=start + 1 if len(parts) > 1 else None,
            observations=tuple(obs)))
    return docs
