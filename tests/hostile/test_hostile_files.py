"""Generated hostile files, each read in a fresh process (so its peak memory is its own): bombs, FIFOs,
links, devices, encrypted, truncated, huge, mislabelled and control-character names. Each is a finding on that
file (or skipped, for what is never a document), never a crash or a hang (the subprocess's timeout= guards it;
no timed assertion) and a bounded amount of memory. Then all of them together in one real `check`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.check.conftest import BASE_PROFILE, make_applicant
from tests.documents.conftest import (TAX_LINES, bomb_png, docx_bytes, encrypted_pdf, jpeg, text_image, text_pdf,
                                      zip_bomb_docx)
from tests.hostile.bombs import flate_bomb_pdf, padded_docx

REPO = Path(__file__).resolve().parents[2]
MEMORY_MB = 300  # peak RSS of a fresh process reading one file (the interpreter and libraries: ~100 MB) ...
OCR_MEMORY_MB = 1000  # ... or one that is OCR'd (the OCR engine alone peaks near 600 MB)
OCR_READ = {"jpeg-named.pdf"}
CTL_NAME = "ctl\x1b[2J\x07name\u202efdp.pdf"
READ_AS_WHAT_THEY_ARE = {"pdf-named.jpg", "jpeg-named.pdf", CTL_NAME}  # real documents: a name is just a name


def _files() -> dict[str, bytes | str]:
    """name → content (bytes), or a special kind (str): fifo, link-out, link-zero, link-dangling, link-loop, huge."""
    pdf = text_pdf([TAX_LINES])
    image = jpeg(text_image(["个人所得税纳税记录"]))
    docx = docx_bytes(["劳动合同", "甲方：上海示例信息科技有限公司"])
    return {
        "flate-bomb.pdf": flate_bomb_pdf(300),
        "padded-xml.docx": padded_docx(30),
        "zip-bomb.docx": zip_bomb_docx(400),
        "pixel-bomb.png": bomb_png(),
        "encrypted.pdf": encrypted_pdf(pdf),
        "truncated.pdf": pdf[: len(pdf) // 3],
        "truncated.jpg": image[: len(image) // 3],
        "truncated.docx": docx[: len(docx) // 2],
        "empty.pdf": b"",
        "pdf-named.jpg": pdf,
        "jpeg-named.pdf": image,
        "text-named.docx": "这不是Word文件\n".encode() * 100,
        "elf-named.pdf": b"\x7fELF" + os.urandom(4096),
        CTL_NAME: pdf,
        "fifo.pdf": "fifo",
        "zero.pdf": "link-zero",
        "passwd.pdf": "link-out",
        "dangling.pdf": "link-dangling",
        "loop.pdf": "link-loop",
        "huge.pdf": "huge",
    }


def _make(folder: Path, name: str, content: bytes | str) -> None:
    path = folder / name
    if content == "fifo":
        os.mkfifo(path)
    elif content == "link-zero":
        os.symlink("/dev/zero", path)
    elif content == "link-out":
        os.symlink("/etc/passwd", path)
    elif content == "link-dangling":
        os.symlink(folder / "gone.pdf", path)
    elif content == "link-loop":
        os.symlink(path, path)
    elif content == "huge":
        with open(path, "wb") as fh:  # sparse: 3 GB on paper, nothing on disk
            fh.truncate(3 * 1024**3)
    else:
        path.write_bytes(content)


_PROBE = """
import json, sys
from pathlib import Path
from matcheck.documents import read_folder
docs = read_folder(Path(sys.argv[1]), None, use_cache=False)
# VmHWM: this process image's peak (ru_maxrss would carry the forking parent's peak over the exec)
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"mb": hwm // 1024,
                  "files": [[d.path, d.material, [o.args.get("reason", o.rule) for o in d.observations]]
                            for d in docs]}, ensure_ascii=False))
"""

NAMES = list(_files())


@pytest.fixture(scope="module")
def hostile_files() -> dict[str, bytes | str]:
    return _files()


@pytest.mark.parametrize("name", NAMES, ids=[n.encode("ascii", "backslashreplace").decode() for n in NAMES])
def test_each_hostile_file_is_bounded(tmp_path: Path, hostile_files: dict[str, bytes | str], name: str) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    _make(folder, name, hostile_files[name])
    proc = subprocess.run([sys.executable, "-c", _PROBE, str(folder)], cwd=REPO, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "MATCHECK_OCR_THREADS": "1"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout)
    assert result["mb"] < (OCR_MEMORY_MB if name in OCR_READ else MEMORY_MB), result
    files = result["files"]
    if name in READ_AS_WHAT_THEY_ARE:  # mislabelled but real: read for what it is (by content, not name)
        assert files and files[0][1] == "tax_record", files
    else:
        assert files and files[0][1] is None and files[0][2], files  # a finding on that file, nothing recognised


def test_all_hostile_files_in_one_check(tmp_path: Path, hostile_files: dict[str, bytes | str]) -> None:
    import copy

    folder = make_applicant(tmp_path / "all", profile=copy.deepcopy(BASE_PROFILE))
    for name, content in hostile_files.items():
        _make(folder, name, content)
    with open(os.fsencode(folder) + b"/bad\xff\xfe.pdf", "wb") as fh:
        fh.write(text_pdf([TAX_LINES]))
    proc = subprocess.run([sys.executable, "-m", "matcheck", "check", str(folder), "--no-cache", "--format", "json"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    data = json.loads(proc.stdout)
    flagged = {p for f in data["findings"] for p in f["files"]}  # unreadable-file, or a mislabelled file's finding
    assert set(hostile_files) - READ_AS_WHAT_THEY_ARE <= flagged, sorted(set(hostile_files) - flagged)
    assert "bad\ufffd\ufffd.pdf" in flagged  # read, and its undecodable name reported
