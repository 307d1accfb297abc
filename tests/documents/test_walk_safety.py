"""The safe walk and every kind of bad file: each is a finding on that file, never a crash, never a write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from matcheck.documents import read_folder
from matcheck.documents.cache import ExtractionCache
from matcheck.documents.reader import read_entry
from matcheck.documents.walk import walk_folder
from tests.documents.conftest import (TAX_LINES, TEST_RECOGNISERS, bomb_png, docx_bytes, encrypted_pdf, text_image,
                                      jpeg, text_pdf, write, zip_bomb_docx)


def _read(folder: Path, cache_dir: Path | None = None, **kw):
    return {d.path: d for d in read_folder(folder, None, use_cache=cache_dir is not None, cache_dir=cache_dir,
                                           recognisers=TEST_RECOGNISERS, **kw)}


def _reasons(doc) -> list[str]:
    return [o.args.get("reason", "") for o in doc.observations if o.rule == "unreadable-file"]


def test_any_depth_hidden_system_and_profile_skipped(folder: Path):
    pdf = text_pdf([TAX_LINES])
    write(folder, "a/b/c/d/个税.pdf", pdf)
    write(folder, ".hidden.pdf", pdf)
    write(folder, "a/.DS_Store", b"junk")
    write(folder, "a/Thumbs.db", b"junk")
    write(folder, "~$合同.docx", b"lock")
    write(folder, "__MACOSX/x.pdf", pdf)
    write(folder, "profile.yaml", b"applicant: {name: x}\n")
    docs = _read(folder)
    assert list(docs) == ["a/b/c/d/个税.pdf"]
    assert docs["a/b/c/d/个税.pdf"].material == "tax_record"


def test_link_outside_is_a_finding_and_not_followed(folder: Path, tmp_path: Path):
    secret = write(tmp_path, "outside/secret.pdf", text_pdf([TAX_LINES]))
    os.symlink(secret, folder / "link.pdf")
    os.symlink(tmp_path / "outside", folder / "outdir")
    inside = write(folder, "real.pdf", text_pdf([TAX_LINES]))
    os.symlink(inside, folder / "alias.pdf")
    docs = _read(folder)
    assert docs["link.pdf"].material is None and "文件夹之外" in _reasons(docs["link.pdf"])[0]
    assert "文件夹之外" in _reasons(docs["outdir"])[0]
    assert docs["alias.pdf"].material == "tax_record"  # a link to a file inside the folder is that file
    assert not any(p.startswith("outdir/") for p in docs)


def test_broken_link(folder: Path):
    os.symlink(folder / "gone.pdf", folder / "dangling.pdf")
    (doc,) = _read(folder).values()
    assert _reasons(doc) and doc.material is None


def test_size_limit_not_read(folder: Path):
    write(folder, "big.pdf", text_pdf([TAX_LINES]))
    (doc,) = _read(folder, max_bytes=1000).values()
    assert "文件过大" in _reasons(doc)[0] and doc.sha256 == ""


def test_non_utf8_name_is_read_and_reported(folder: Path):
    raw = os.fsencode(str(folder)) + b"/\xff\xfe\xb8\xf6\xcb\xb0.pdf"  # GBK bytes for 个税, not UTF-8
    with open(raw, "wb") as fh:
        fh.write(text_pdf([TAX_LINES]))
    (doc,) = _read(folder).values()
    assert "\ufffd" in doc.path and doc.path.endswith(".pdf")
    doc.path.encode("utf-8")  # printable
    assert doc.material == "tax_record"
    assert any("UTF-8" in r for r in _reasons(doc))


def test_fifo_is_not_opened(folder: Path):
    os.mkfifo(folder / "pipe.pdf")
    (doc,) = _read(folder).values()
    assert "不是普通文件" in _reasons(doc)[0]


def test_file_vanishing_after_the_walk(folder: Path):
    path = write(folder, "x.pdf", text_pdf([TAX_LINES]))
    (entry,) = walk_folder(folder)
    path.unlink()
    (doc,) = read_entry(entry, TEST_RECOGNISERS, (), None)
    assert "无法读取" in _reasons(doc)[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_permissions(folder: Path):
    path = write(folder, "locked.pdf", text_pdf([TAX_LINES]))
    path.chmod(0)
    try:
        (doc,) = _read(folder).values()
        assert "无法读取" in _reasons(doc)[0]
    finally:
        path.chmod(0o644)


def test_every_broken_kind_is_a_finding(folder: Path):
    pdf = text_pdf([TAX_LINES, TAX_LINES])
    write(folder, "empty.pdf", b"")
    write(folder, "truncated.pdf", pdf[: len(pdf) // 2])
    write(folder, "encrypted.pdf", encrypted_pdf(pdf))
    write(folder, "bomb.png", bomb_png())
    write(folder, "bomb.docx", zip_bomb_docx())
    write(folder, "garbage.jpg", b"\xff\xd8\xff\xe0" + os.urandom(3000))
    photo = jpeg(text_image(["个人所得税纳税记录"], (800, 600)))
    write(folder, "cut.jpg", photo[: len(photo) // 3])
    write(folder, "notzip.docx", b"PK\x03\x04" + b"\x00" * 100)
    docs = _read(folder)
    assert "空文件" in _reasons(docs["empty.pdf"])[0]
    assert "损坏" in _reasons(docs["truncated.pdf"])[0]
    assert "加密" in _reasons(docs["encrypted.pdf"])[0]
    assert "解压炸弹" in _reasons(docs["bomb.png"])[0]
    assert "压缩炸弹" in _reasons(docs["bomb.docx"])[0]
    assert _reasons(docs["garbage.jpg"]) and _reasons(docs["cut.jpg"]) and _reasons(docs["notzip.docx"])
    assert all(d.material is None for d in docs.values())


def test_pdf_without_eof_marker_is_repaired(folder: Path):
    pdf = text_pdf([TAX_LINES])
    cut = pdf[: pdf.rindex(b"%%EOF")]
    write(folder, "noeof.pdf", cut)
    (doc,) = _read(folder).values()
    assert doc.material == "tax_record", doc.observations


def test_folder_is_never_written(folder: Path, cache_dir: Path):
    write(folder, "个税.pdf", text_pdf([TAX_LINES]))
    write(folder, "sub/合同.docx", docx_bytes(["劳动合同", "甲方：上海示例信息科技有限公司", "乙方：李明"]))
    write(folder, "bad.pdf", b"%PDF-1.4 broken")
    contents = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    before = {p: (p.stat().st_mtime_ns, p.stat().st_atime_ns, p.stat().st_size) for p in folder.rglob("*")}
    _read(folder, cache_dir)
    _read(folder, cache_dir)
    after = {p: (p.stat().st_mtime_ns, p.stat().st_atime_ns, p.stat().st_size) for p in folder.rglob("*")}
    assert before == after  # nothing created, nothing modified, not even an access time
    assert contents == {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert any(cache_dir.rglob("*.json"))  # the cache went where it was told


def test_cache_inside_the_folder_is_refused(folder: Path):
    write(folder, "个税.pdf", text_pdf([TAX_LINES]))
    cache = ExtractionCache(folder / "cache", folder)
    assert not cache.enabled
    read_folder(folder, None, use_cache=True, cache_dir=folder / "cache", recognisers=TEST_RECOGNISERS)
    assert not (folder / "cache").exists()


def test_damaged_bytes_never_stop_the_folder(folder: Path):
    """Seeded random damage (flipped bytes, cut tails) to real PDFs and DOCX, cut JPEGs: every file still yields a
    Document, and the folder is read to the end."""
    import random

    rng = random.Random(20261120)
    originals = {"pdf": text_pdf([TAX_LINES]), "docx": docx_bytes(["劳动合同", "甲方：上海示例信息科技有限公司"]),
                 "jpg": jpeg(text_image(["个人所得税纳税记录"], (640, 200)))}
    names = []
    for i in range(24):
        ext, data = list(originals.items())[i % 3]
        data = bytearray(data)
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if i % 4 == 0 or ext == "jpg":  # a damaged but decodable photo would cost an OCR run: cut photos instead
            data = data[: rng.randrange(1, len(data) // 2)]
        write(folder, f"damaged{i:02d}.{ext}", bytes(data))
        names.append(f"damaged{i:02d}.{ext}")
    docs = read_folder(folder, None, use_cache=False, recognisers=TEST_RECOGNISERS)
    assert sorted({d.path for d in docs}) == names


def test_file_growing_past_the_limit_after_the_walk(folder: Path):
    pdf = text_pdf([TAX_LINES])
    path = write(folder, "growing.pdf", pdf)
    (entry,) = walk_folder(folder, max_bytes=len(pdf) + 10)
    with open(path, "ab") as fh:
        fh.write(b"\0" * 100)
    (doc,) = read_entry(entry, TEST_RECOGNISERS, (), None, max_bytes=len(pdf) + 10)
    assert "无法读取" in _reasons(doc)[0] and doc.material is None
