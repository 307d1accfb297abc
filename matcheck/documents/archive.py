"""The files inside a zip attachment (材料.zip), read read-only and in memory, with the folder walk's limits.

People send their documents as the zip an e-mail client or Windows makes: names in GBK (or CP437 mojibake) without
the UTF-8 flag, sub-folders, macOS ``__MACOSX/._x`` resource forks, sometimes a zip inside the zip. Each member is
read like a file of the folder and reported as ``材料.zip/扫描件/学位证.pdf``.

Limits (the walk's, :mod:`matcheck.documents.walk`, and the zip checks of :mod:`matcheck.documents.sniff`):

* the archive's declared member count, total size and compression ratio are checked before anything is inflated;
* a member larger than the per-file limit is reported, not inflated; ``zipfile`` never inflates past a member's
  declared size;
* a zip inside a zip is opened up to :data:`MAX_NESTING` levels; deeper ones are reported;
* at most :data:`walk.MAX_FILES` members are read from one archive;
* hidden and system members (``.x``, ``__MACOSX/``, ``Thumbs.db``) are skipped like hidden files in the folder.

Nothing is written anywhere: no member is extracted to disk.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Iterator

from matcheck.documents.sniff import UnsafeZip, check_zip_infos
from matcheck.documents.walk import MAX_FILES, is_skipped

MAX_NESTING = 2  # a zip in a zip is read; a zip in a zip in a zip is reported


@dataclass(frozen=True)
class Member:
    name: str  # the member's path inside the archive, decoded
    data: bytes | None
    problem: tuple[str, str] | None = None
    size: int = 0


def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its author wrote it: UTF-8 when flagged, else GBK (Chinese Windows), else CP437."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437", "replace")
    for encoding in ("utf-8", "gbk"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def members(data: bytes, max_bytes: int) -> Iterator[Member]:
    """The members of the zip ``data`` in name order, inflated one at a time (only one member's content is held at
    once), or one Member with a problem for the whole archive. Raises nothing for a bad archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            check_zip_infos(infos, len(data))
            count = 0
            for info in sorted(infos, key=lambda i: member_name(i)):
                name = member_name(info).replace("\\", "/")
                parts = [p for p in name.split("/") if p]
                if info.is_dir() or not parts or any(is_skipped(p) or p in (".", "..") for p in parts):
                    continue
                name = "/".join(parts)
                count += 1
                if count > MAX_FILES:
                    yield Member(name, None, ("压缩包内文件过多，其余未读取", f"more than {MAX_FILES} members"))
                    return
                if info.flag_bits & 0x1:
                    yield Member(name, None, ("压缩包内文件已加密（需要密码），无法读取", "encrypted member"),
                                 info.file_size)
                    continue
                if info.file_size > max_bytes:
                    yield Member(name, None, ("文件过大，未读取", f"{info.file_size} bytes > limit {max_bytes}"),
                                 info.file_size)
                    continue
                try:
                    content = zf.read(info)
                except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
                    yield Member(name, None, ("压缩包内文件损坏，无法读取", f"{type(exc).__name__}: {exc}"),
                                 info.file_size)
                    continue
                yield Member(name, content, None, len(content))
    except UnsafeZip as exc:
        yield Member("", None, ("压缩内容异常（疑似压缩炸弹），未读取", str(exc)))
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        yield Member("", None, ("压缩文件损坏，无法打开", f"{type(exc).__name__}: {exc}"))
