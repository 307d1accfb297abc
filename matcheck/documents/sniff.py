"""The real type of a file from its content (文件真实类型), whatever its name says.

``filetype`` reads the magic bytes (tooling.md §7: it tells HEIC from MP4 and a zip from a DOCX, unlike puremagic);
any zip is then opened with ``zipfile`` to require ``[Content_Types].xml`` and ``word/document.xml`` (filetype's DOCX
check is a heuristic on the first bytes), and its members' declared sizes are checked before anything is inflated:
a zip bomb named ``.docx`` is refused here, not discovered by running out of memory.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import filetype

# Zip safety: what a real DOCX looks like is a few MB inflated at a ratio under ~20.
MAX_ZIP_MEMBERS = 2000
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100  # total uncompressed / compressed

_TYPES = {
    "pdf": "pdf", "jpg": "jpeg", "png": "png", "heic": "heic", "avif": "heic", "webp": "webp", "tif": "tiff",
    "bmp": "bmp", "gif": "gif", "docx": "docx", "doc": "doc", "xls": "xls", "ppt": "ppt", "zip": "zip",
    "xlsx": "zip", "pptx": "zip", "odt": "zip", "ods": "zip", "odp": "zip", "epub": "zip", "rar": "archive", "7z": "archive", "gz": "archive",
    "tar": "archive", "bz2": "archive", "xz": "archive", "rtf": "text",
}
_MAGIC = ((b"%PDF-", "pdf"), (b"\xff\xd8\xff", "jpeg"), (b"\x89PNG\r\n\x1a\n", "png"))
_OLE2 = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
IMAGE_TYPES = frozenset({"jpeg", "png", "heic", "webp", "tiff", "bmp", "gif"})


class UnsafeZip(ValueError):
    """A zip whose declared content is too large or too compressed to open safely."""


@dataclass(frozen=True)
class Sniffed:
    file_type: str  # pdf | jpeg | png | heic | webp | tiff | bmp | gif | docx | doc | xls | ppt | office-legacy |
    #                 xlsx | pptx | odf | zip | archive | text | empty | unknown
    problem: tuple[str, str] | None = None  # (reason zh, detail) when the content cannot be used safely


def sniff(data: bytes) -> Sniffed:
    """The type of ``data`` by content; a DOCX is checked as a zip (members and sizes) before it is called one."""
    if not data:
        return Sniffed("empty", ("空文件（0 字节）", "empty file"))
    head = data[:8192]
    for magic, name in _MAGIC:  # the common kinds without walking filetype's ~80 matchers
        if head.startswith(magic):
            return Sniffed(name)
    kind = filetype.guess(head)
    name = _TYPES.get(kind.extension, "unknown") if kind else None
    if name is None and head.startswith(_OLE2):
        return Sniffed("office-legacy")  # an OLE2 compound file filetype could not name: .doc/.xls/.ppt/.wps
    if name is None:
        if b"%PDF-" in data[:1024]:  # a PDF with junk before the header is still a PDF to readers
            return Sniffed("pdf")
        return Sniffed("text" if _looks_like_text(head) else "unknown")
    if name in ("zip", "docx"):
        try:
            return Sniffed(zip_kind(data))
        except UnsafeZip as exc:
            return Sniffed("zip", ("压缩内容异常（疑似压缩炸弹），未读取", str(exc)))
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            return Sniffed("docx" if name == "docx" else "zip", ("压缩文件损坏，无法打开", f"{type(exc).__name__}: {exc}"))
    return Sniffed(name)


def zip_kind(data: bytes) -> str:
    """``docx``, ``xlsx``, ``pptx`` (Office Open XML), ``odf`` (OpenDocument), else ``zip``; UnsafeZip if its
    declared sizes look like a bomb."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        check_zip_infos(infos, len(data))
        names = {i.filename for i in infos}
    if "[Content_Types].xml" in names:
        for part, kind in (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx")):
            if part in names:
                return kind
    if "mimetype" in names and "content.xml" in names:
        return "odf"  # an OpenDocument text, sheet or presentation
    return "zip"


def check_zip_infos(infos: list[zipfile.ZipInfo], compressed_size: int) -> None:
    if len(infos) > MAX_ZIP_MEMBERS:
        raise UnsafeZip(f"{len(infos)} members > {MAX_ZIP_MEMBERS}")
    total = sum(i.file_size for i in infos)
    if total > MAX_ZIP_UNCOMPRESSED:
        raise UnsafeZip(f"{total} bytes uncompressed > {MAX_ZIP_UNCOMPRESSED}")
    if total > 10 * 1024 * 1024 and total > MAX_ZIP_RATIO * max(compressed_size, 1):
        raise UnsafeZip(f"compression ratio {total // max(compressed_size, 1)} > {MAX_ZIP_RATIO}")


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 4  # a multi-byte character cut by the 8 KB window
