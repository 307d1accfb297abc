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
