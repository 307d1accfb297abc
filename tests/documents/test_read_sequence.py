"""The order files are read in: when a photo has to be OCR'd, the engine is built on a background thread while the
files that need no engine are read first; the Documents still come out in path order, and a folder with nothing to
OCR never starts (or imports) an OCR runtime."""

from __future__ import annotations

import subprocess
import sys

import pytest

from matcheck.documents import read_folder
from tests.documents.conftest import CONTRACT_PARAS, TAX_LINES, XUEXIN_LINES, docx_bytes, jpeg, text_image, text_pdf


def _folder(tmp_path, photo: bool):
    (tmp_path / "a-备案表.jpg" if photo else tmp_path / "a-备案表.pdf").write_bytes(
        jpeg(text_image(XUEXIN_LINES[:8], (1200, 900), 34)) if photo else text_pdf([XUEXIN_LINES]))
    (tmp_path / "b-个税.pdf").write_bytes(text_pdf([TAX_LINES]))
    (tmp_path / "c-合同.docx").write_bytes(docx_bytes(CONTRACT_PARAS))
    return tmp_path


@pytest.mark.ocr
def test_the_photo_is_read_last_and_documents_come_out_in_path_order(tmp_path):
    seen = []
    docs = read_folder(_folder(tmp_path, photo=True), use_cache=False, progress=lambda i, n, path: seen.append(path))
    assert seen == ["b-个税.pdf", "c-合同.docx", "a-备案表.jpg"]  # the engine builds meanwhile
    assert [d.path for d in docs] == ["a-备案表.jpg", "b-个税.pdf", "c-合同.docx"]
    assert docs[0].material == "xuexin_record" and docs[1].material and docs[2].material


def test_without_photos_the_files_are_read_in_path_order(tmp_path):
    seen = []
    read_folder(_folder(tmp_path, photo=False), use_cache=False, progress=lambda i, n, path: seen.append(path))
    assert seen == ["a-备案表.pdf", "b-个税.pdf", "c-合同.docx"]


def test_a_folder_with_nothing_to_ocr_never_imports_a_runtime(tmp_path):
    folder = _folder(tmp_path, photo=False)
    code = (f"import sys; from matcheck.documents import read_folder; read_folder({str(folder)!r}, use_cache=False);"
            "print(sorted(m for m in ('openvino', 'onnxruntime', 'rapidocr_onnxruntime', 'cv2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.ocr
def test_a_photo_read_from_the_cache_starts_no_engine(tmp_path):
    (tmp_path / "in").mkdir()
    folder = _folder(tmp_path / "in", photo=True)
    cache = tmp_path / "cache"
    read_folder(folder, cache_dir=cache)  # fills the cache
    (folder / "d-新.pdf").write_bytes(text_pdf([TAX_LINES + ["另一份"]]))  # a change: the folder is analysed again
    code = (f"import sys; from pathlib import Path; from matcheck.documents import read_folder;"
            f"read_folder(Path({str(folder)!r}), cache_dir=Path({str(cache)!r}));"
            "print('openvino' in sys.modules or 'onnxruntime' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
