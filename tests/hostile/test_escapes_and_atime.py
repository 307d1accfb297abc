"""Control characters from untrusted text never reach a terminal, a spreadsheet or an XML parser; and `check` leaves
the access time of the profile, the folders and the files as they were."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcheck.cli import app
from matcheck.textsafe import escape_control, json_text
from tests.check.conftest import BASE_PROFILE, make_applicant

REPO = Path(__file__).resolve().parents[2]
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]")  # what must never be printed raw (\n and \t aside)
NASTY = "\x1b[31m红\x1b]8;;x\x07链接\x1b]8;;\x07\x9b2J\u202ecod.exe\x00"


@pytest.fixture(scope="module")
def nasty_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    profile = copy.deepcopy(BASE_PROFILE)
    profile["employer"]["district"] = "浦东新区"
    folder = make_applicant(tmp_path_factory.mktemp("esc") / "a", profile=profile)
    pdf = next(folder.rglob("*.pdf"))
    name = f"合同{NASTY.replace(chr(0), '')}\n第二行.pdf"
    shutil.copy(pdf, folder / name)
    # a profile value with escapes reaches the form/text through the unit name
    text = (folder / "profile.yaml").read_text(encoding="utf-8")
    (folder / "profile.yaml").write_text(text.replace("post: 软件工程师", 'post: "软件\\e[2J工程师\\x9b"', 1),
                                         encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit"])
def test_check_outputs_have_no_raw_controls(nasty_folder: Path, tmp_path: Path, fmt: str) -> None:
    result = CliRunner().invoke(app, ["check", str(nasty_folder), "--format", fmt, "--cache-dir",
                                      str(tmp_path / "c")])
    assert result.exit_code in (0, 1), result.stderr
    body = result.stdout
    if fmt == "text":
        assert not RAW.search(body.replace("\n", "").replace("\t", ""))
        assert "\\x1b" in body  # the file name is shown, its escapes made visible
    elif fmt == "junit":
        ET.fromstring(body.encode("utf-8"))  # well-formed XML (raises before the fix)
        assert not RAW.search(body.replace("\n", "").replace("\t", ""))
    else:
        json.loads(body)
        assert not RAW.search(body.replace("\n", ""))
    assert not RAW.search(result.stderr.replace("\n", ""))


def test_scan_text_has_no_raw_controls(nasty_folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["scan", str(nasty_folder), "--cache-dir", str(tmp_path / "c")])
    assert result.exit_code == 0, result.stderr
    assert not RAW.search(result.stdout.replace("\n", ""))


def test_batch_csv_and_html_have_no_raw_controls(nasty_folder: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATCHECK_CACHE_DIR", str(tmp_path / "c"))
    root = tmp_path / "root"
    shutil.copytree(nasty_folder, root / f"申请人{NASTY.replace(chr(0), '')}")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(root), "--out", str(out), "--jobs", "1", "--as-of", "2026-11-20"])
    assert result.exit_code in (0, 1), result.stderr
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".csv", ".html", ".txt", ".json"):
            text = path.read_text(encoding="utf-8")
            assert not RAW.search(text.replace("\n", "").replace("\r", "").replace("\t", "")), path.name


def test_escape_helper() -> None:
    assert escape_control("a\x1b[2Jb\nc") == "a\\x1b[2Jb\\nc"
    assert escape_control("a\nb\tc", one_line=False) == "a\nb\tc"
    assert escape_control("\x9b\u202e\udcff") == "\\x9b\\u202e\\udcff"
    assert json.loads(json_text({"k": "\udcff\x9b"}))["k"] == "\udcff\x9b"
    json_text({"k": "\udcff"}).encode("utf-8")


def _entries(folder: Path) -> list[Path]:
    out = [folder]
    for dirpath, dirnames, filenames in os.walk(folder):  # listing sets the folders' atime: done before the reset
        out.extend(Path(dirpath) / name for name in dirnames + filenames)
    return out


def test_check_leaves_access_times_alone(tmp_path: Path) -> None:
    """Access times set two days back (so even ``relatime`` would update them), then a real ``matcheck check``
    subprocess; every atime is as it was. (O_NOATIME needs the file's owner or CAP_FOWNER: the test's files are
    its own. Where the process may not use it, the mount's atime policy applies: docs/folder-reading.md.)"""
    folder = make_applicant(tmp_path / "atime", profile=copy.deepcopy(BASE_PROFILE))
    old = 1_700_000_000_000_000_000
    paths = _entries(folder)
    for p in paths:
        os.utime(p, ns=(old, p.stat().st_mtime_ns))
    before = {str(p): p.lstat().st_atime_ns for p in paths}  # a stat does not touch the atime
    assert set(before.values()) == {old}
    proc = subprocess.run([sys.executable, "-m", "matcheck", "check", str(folder), "--no-cache", "--format", "json"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    after = {str(p): p.lstat().st_atime_ns for p in paths}
    changed = sorted(k for k in before if after[k] != before[k])
    assert not changed, changed
