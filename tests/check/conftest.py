"""Fixtures for the end-to-end ``matcheck check`` tests: synthetic applicant folders (``synth``) and the CLI.

Folders are written by the real generator (text PDFs with Chinese text, DOCX contracts; ``images=False`` keeps
them OCR-free and fast) from the clean base applicant of the rule cases, with named ``faults``.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from matcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
BASE_PROFILE = yaml.safe_load((ROOT / "tests" / "rules" / "base_profile.yaml").read_text(encoding="utf-8"))
APPLICANT_ID = BASE_PROFILE["applicant"]["id_number"]


def make_applicant(folder: Path, faults: tuple[str, ...] = (), images: bool = False, seed: int = 1,
                   profile: dict | None = None) -> Path:
    from synth.applicant import ApplicantSpec, write_applicant

    write_applicant(folder, ApplicantSpec(profile=profile or BASE_PROFILE, seed=seed), images=images, faults=faults)
    return folder


def run_check(*args: str, cache_dir: Path):
    """``matcheck check ARGS`` in-process; returns the click Result (exit_code, stdout, stderr)."""
    return CliRunner().invoke(app, ["check", *args, "--cache-dir", str(cache_dir)])


def check_json(folder: Path, cache_dir: Path, *extra: str) -> tuple[int, dict]:
    result = run_check(str(folder), "--format", "json", *extra, cache_dir=cache_dir)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every entry under ``folder`` (files, folders, links) → (sha256 or kind, size, mtime_ns)."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() and not path.is_symlink() \
                else ("link" if path.is_symlink() else "dir")
            out[str(path.relative_to(folder))] = (digest, st.st_size, st.st_mtime_ns)
    st = folder.stat()
    out["."] = ("dir", 0, st.st_mtime_ns)
    return out


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("matcheck-cache")


@pytest.fixture(scope="session")
def baseline(tmp_path_factory, cache_dir) -> set[tuple[str, str | None]]:
    """(rule, subject) of every finding on the un-faulted synthetic applicant: what a fault must add to."""
    folder = make_applicant(tmp_path_factory.mktemp("baseline") / "李明")
    _, data = check_json(folder, cache_dir)
    return {(f["rule"], f["subject"]) for f in data["findings"]}
