"""Through the real entry point (``python -m matcheck``): a bad option, a bad option value or a missing argument is
one line on stderr and exit 2 (contracts.md §2), not typer's multi-line panel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROFILE = str(ROOT / "samples" / "li-ming" / "profile.yaml")


@pytest.mark.parametrize("args,words", [
    (["score", PROFILE, "--bogus"], ["score", "No such option: --bogus"]),
    (["score", PROFILE, "--lang", "fr"], ["--lang", "'fr'"]),
    (["batch", "samples", "--jobs", "abc", "--out", "/tmp/never"], ["--jobs"]),
    (["score"], ["Missing argument"]),
    (["nosuchcommand"], ["No such command"]),
])
def test_usage_error_is_one_line_exit_2(args: list[str], words: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-m", "matcheck", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "╭" not in proc.stderr, proc.stderr
    for w in words:
        assert w in proc.stderr, (w, proc.stderr)


def test_exit_codes_still_pass_through() -> None:
    ok = subprocess.run([sys.executable, "-m", "matcheck", "score", PROFILE, "--format", "json"], cwd=ROOT,
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.lstrip().startswith("{")
    bad = subprocess.run([sys.executable, "-m", "matcheck", "explain", "nosuchrule"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "matcheck", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **env})


def test_a_wrong_ocr_backend_leaves_commands_that_read_no_documents_alone(tmp_path: Path) -> None:
    """MATCHECK_OCR_BACKEND is looked at only by commands that read documents: score, checklist and form work."""
    env = {"MATCHECK_OCR_BACKEND": "tesseract"}
    score = _run(["score", PROFILE, "--format", "json"], env)
    assert score.returncode == 0 and score.stdout.lstrip().startswith("{"), score.stderr
    checklist = _run(["checklist", PROFILE], env)
    assert checklist.returncode == 0 and "居住证" in checklist.stdout, checklist.stderr
    form = _run(["form", PROFILE, "-o", str(tmp_path / "form.docx")], env)
    assert form.returncode == 0 and (tmp_path / "form.docx").stat().st_size > 0, form.stderr
    assert "MATCHECK_OCR_BACKEND" not in score.stderr + checklist.stderr + form.stderr


@pytest.mark.parametrize("args", [
    ["check", "samples/li-ming", "--cache-dir", "{tmp}/cache"],
    ["scan", "samples/li-ming", "--cache-dir", "{tmp}/cache"],
    ["init", "samples/li-ming", "--from-documents", "--cache-dir", "{tmp}/cache"],
    ["batch", "samples", "--out", "{tmp}/out"],
])
def test_a_wrong_ocr_backend_stops_commands_that_read_documents_in_one_line(args: list[str], tmp_path: Path) -> None:
    proc = _run([a.format(tmp=tmp_path) for a in args], {"MATCHECK_OCR_BACKEND": "tesseract"})
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stdout == "", proc.stderr
    assert "MATCHECK_OCR_BACKEND" in proc.stderr and "'tesseract'" in proc.stderr, proc.stderr
    assert "auto" in proc.stderr and "onnxruntime" in proc.stderr, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing read, nothing written


def test_a_columns_that_is_not_a_number_is_ignored() -> None:
    """COLUMNS is the shell's: ``COLUMNS=abc`` renders at the default width, not an internal error (exit 3)."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    plain = subprocess.run([sys.executable, "-m", "matcheck", "score", PROFILE], cwd=ROOT, capture_output=True,
                           text=True, timeout=60, env=env)
    odd = subprocess.run([sys.executable, "-m", "matcheck", "score", PROFILE], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, env={**env, "COLUMNS": "abc"})
    assert plain.returncode == 0, plain.stderr
    assert (odd.returncode, odd.stdout, odd.stderr) == (plain.returncode, plain.stdout, plain.stderr)
