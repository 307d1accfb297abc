"""The real type by content, whatever the extension; text out of PDFs (several pages) and DOCX (with tables)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from matcheck.documents import read_folder
from matcheck.documents.extract_docx import extract_docx
from matcheck.documents.extract_pdf import extract_pdf
from matcheck.documents.sniff import sniff
from tests.documents.conftest import (CONTRACT_PARAS, TAX_LINES, TEST_RECOGNISERS, XUEXIN_LINES, docx_bytes, jpeg,
                                      text_image, text_pdf, write)


def _png() -> bytes:
    buf = io.BytesIO()
    text_image(["x"], (200, 100)).save(buf, "PNG")
    return buf.getvalue()


HEIC_HEADER = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64


def test_types_by_content_not_extension():
    pdf, docx = text_pdf([["测试"]]), docx_bytes(["劳动合同"])
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as zf:
        zf.writestr("a.txt", "hello")
    assert sniff(pdf).file_type == "pdf"
    assert sniff(jpeg(text_image(["x"], (200, 100)))).file_type == "jpeg"
    assert sniff(_png()).file_type == "png"
    assert sniff(docx).file_type == "docx"
    assert sniff(plain_zip.getvalue()).file_type == "zip"
    assert sniff(HEIC_HEADER).file_type == "heic"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    assert sniff(ole + b"\xec\xa5\xc1\x00" + b"\x00" * 600).file_type == "doc"  # Word 97-2003 FIB magic at 512
    assert sniff("纯文本 plain text\n".encode()).file_type == "text"
    assert sniff(b"").file_type == "empty" and sniff(b"").problem
    assert sniff(b"junk before %PDF-1.4 ...").file_type == "pdf"


def test_mislabelled_files_are_read_by_what_they_are(folder: Path):
    write(folder, "备案表.jpg", text_pdf([XUEXIN_LINES]))  # a PDF named .jpg
    write(folder, "合同.pdf", docx_bytes(CONTRACT_PARAS))  # a DOCX named .pdf
    write(folder, "heic.jpg", HEIC_HEADER)
    write(folder, "旧合同.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"\xec\xa5\xc1\x00" + b"\x00" * 600)
    docs = {d.path: d for d in read_folder(folder, None, use_cache=False, recognisers=TEST_RECOGNISERS)}
    assert (docs["备案表.jpg"].file_type, docs["备案表.jpg"].material) == ("pdf", "xuexin_record")
    assert (docs["合同.pdf"].file_type, docs["合同.pdf"].material) == ("docx", "labour_contract")
    heic = docs["heic.jpg"]
    assert heic.file_type == "heic" and heic.observations  # decoded with pillow-heif, or reported with the fix
    legacy = docs["旧合同.docx"]
    assert legacy.file_type == "doc" and legacy.observations[0].rule == "unrecognised-file"
    assert ".docx" in legacy.observations[0].args["reason"]  # the fix: save it as .docx or PDF


def test_pdf_text_every_page_without_ocr():
    ex = extract_pdf(text_pdf([TAX_LINES, XUEXIN_LINES]))
    assert ex.page_count == 2 and not ex.ocr and not ex.problems
    assert "个人所得税纳税记录" in ex.pages[0].text and "教育部学历证书电子注册备案表" in ex.pages[1].text


def test_text_pdf_never_imports_the_ocr_engine(folder: Path):
    import subprocess
    import sys

    write(folder, "个税.pdf", text_pdf([TAX_LINES]))
    write(folder, "合同.docx", docx_bytes(CONTRACT_PARAS))
    code = ("import sys; from matcheck.documents import read_folder; from pathlib import Path;"
            f"read_folder(Path({str(folder)!r}), None, use_cache=False, recognisers=());"
            "print(sorted(m for m in ('rapidocr_onnxruntime', 'onnxruntime', 'cv2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "[]"


def test_docx_paragraphs_and_tables_in_order():
    data = docx_bytes(CONTRACT_PARAS, [["合同期限", "2022年07月01日至2027年06月30日"], ["工作岗位", "软件工程师"]])
    text = extract_docx(data).text
    assert text.index("甲方") < text.index("合同期限\t2022年07月01日至2027年06月30日")
    assert "工作岗位\t软件工程师" in text


def test_docx_that_is_not_a_word_package():
    ex = extract_docx(b"PK\x05\x06" + b"\x00" * 18)
    assert ex.problems and ex.problems[0]["rule"] == "unreadable-file"
