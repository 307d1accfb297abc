"""A batch over a hostile applicant folder never hangs, survives any file name, always writes its summary, and
stops on a signal. Real subprocesses, real FIFOs, a link to /dev/zero, every hang guarded (no timed assertion)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from matcheck.batch.resume import Manifest, fingerprint, path_key
from tests.batch.applicants import make_root
from tests.hostile.bounded import fails_on_hang

REPO = Path(__file__).resolve().parents[2]
BOUND = 120  # seconds: the whole hostile batch, on a loaded 2-core machine; a hang is forever


def _hostile_root(base: Path) -> tuple[Path, Path]:
    root = base / "root"
    make_root(root, 3, nested=False)
    bad = root / "applicant-0001"
    os.mkfifo(bad / "x.pdf")
    os.symlink("/dev/zero", bad / "zero.pdf")
    os.symlink("/etc/passwd", bad / "passwd.pdf")
    with open(os.fsencode(bad) + b"/bad\xff\x1b[2J.pdf", "wb") as fh:  # not UTF-8, and an escape sequence
        fh.write((bad / "学位证书.pdf").read_bytes())
    return root, bad


def _batch(root: Path, out: Path, *extra: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "matcheck", "batch", str(root), "--out", str(out), "--jobs", "1",
                             "--as-of", "2026-11-20", *extra], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, **(env or {})})


def _finished_batch(root: Path, out: Path, *extra: str, env: dict | None = None) -> tuple[int, str]:
    """Run a batch to its end within BOUND seconds (a hang fails the test, it is never waited for); its exit code
    and stderr."""
    proc = _batch(root, out, *extra, env=env)
    try:
        _stdout, stderr = proc.communicate(timeout=BOUND)
    finally:
        proc.kill()
    return proc.returncode, stderr.decode(errors="replace")


def test_fingerprint_never_opens_fifo_device_or_link_out(tmp_path: Path) -> None:
    _root, bad = _hostile_root(tmp_path)
    with fails_on_hang("fingerprint of a folder with a FIFO", BOUND):  # before the fix: blocks on the FIFO forever
        fp = fingerprint(bad)
    assert fp.files["x.pdf"][2].startswith("not-read:")
    assert fp.files["zero.pdf"][2].startswith("not-read:")
    assert fp.files["passwd.pdf"][2].startswith("not-read:")  # /etc/passwd is not hashed through the link
    assert "profile.yaml" in fp.files and not fp.files["profile.yaml"][2].startswith(("not-read", "unreadable"))
    bad_names = [k for k in fp.files if "\udcff" in k]
    assert bad_names and not fp.files[bad_names[0]][2].startswith(("not-read", "unreadable"))


def test_hostile_batch_finishes_writes_summary_and_resumes(tmp_path: Path) -> None:
    root, _bad = _hostile_root(tmp_path)
    out = tmp_path / "out"
    env = {"MATCHECK_CACHE_DIR": str(tmp_path / "cache")}
    code, stderr = _finished_batch(root, out, env=env)
    assert code in (0, 1, 2), stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["complete"] and [r["status"] for r in summary["applicants"]] == ["checked"] * 3
    (out / "summary.csv").read_text(encoding="utf-8")  # valid UTF-8 whatever the names
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert "\x1b" not in html
    report = (out / "applicants/applicant-0001/report.txt").read_text(encoding="utf-8")
    assert "\x1b" not in report and "\\x1b" in report  # the name is shown, its escape is made visible
    # the manifest knows the undecodable name (by its hash: no name, and so no ID number, is written there)
    files = Manifest(out).load().previous_files("applicant-0001")
    assert files and any(path_key(k) in files for k in fingerprint(_bad).files if "\udcff" in k)
    code, stderr = _finished_batch(root, out, "--resume", env=env)
    assert code in (0, 1, 2), stderr
    assert "3 unchanged (reused)" in stderr


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_signal_stops_a_batch_and_summary_is_written(tmp_path: Path, sig: int) -> None:
    root = tmp_path / "root"
    make_root(root, 12, nested=False)
    bad = root / "applicant-0000"
    os.mkfifo(bad / "x.pdf")
    os.symlink("/dev/zero", bad / "zero.pdf")
    out = tmp_path / "out"
    proc = _batch(root, out, env={"MATCHECK_CACHE_DIR": str(tmp_path / "cache")})
    try:
        deadline = time.monotonic() + BOUND
        while not (out / "manifest.jsonl").exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        if proc.poll() is None:
            proc.send_signal(sig)
            if sig == signal.SIGINT:
                time.sleep(0.3)
                proc.send_signal(sig)  # the second Ctrl-C stops at once
        _stdout, stderr = proc.communicate(timeout=60)
    finally:
        proc.kill()
    # stopped (by the signal: 130, or -SIG when a last Ctrl-C lands after the summary, at exit) or finished
    assert proc.returncode in (0, 1, 2, 130, -signal.SIGINT, -signal.SIGTERM), stderr.decode(errors="replace")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert len(summary["applicants"]) == 12
    if proc.returncode not in (0, 1, 2):
        assert not summary["complete"]


def test_undecodable_names_alone_never_abort_a_batch(tmp_path: Path) -> None:
    """A file name and an applicant folder name that are not UTF-8 (no FIFO here: this fails on names alone)."""
    root = tmp_path / "root"
    make_root(root, 2, nested=False)
    with open(os.fsencode(root / "applicant-0000") + b"/bad\xff.pdf", "wb") as fh:
        fh.write((root / "applicant-0000" / "学位证书.pdf").read_bytes())
    os.rename(root / "applicant-0001", os.fsencode(root) + b"/\xd5\xc5\xc8\xfd")  # 张三 in GBK
    out = tmp_path / "out"
    for extra in ((), ("--resume",)):
        code, stderr = _finished_batch(root, out, *extra, env={"MATCHECK_CACHE_DIR": str(tmp_path / "cache")})
        assert code in (0, 1, 2), stderr
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        assert [r["status"] for r in summary["applicants"]] == ["checked", "checked"]
        (out / "summary.csv").read_text(encoding="utf-8")
        (out / "summary.html").read_text(encoding="utf-8")
