"""Masking that cannot be undone: every default output of a hostile applicant folder (ID numbers in file names,
glued to other digits and spaced; a spouse; a mistyped check digit) is searched for full ID numbers and for the
birth date of any number shown masked. The batch's summary, reports and manifest, stderr and the extraction cache
too. (The bundled samples, read with OCR, are searched the same way in tests/check/test_samples.py.)"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcheck.cli import app
from tests.check.conftest import BASE_PROFILE, make_applicant
from tests.hostile.leaks import ids_in, leaks

APPLICANT = BASE_PROFILE["applicant"]["id_number"]  # 320102199203154514
SPOUSE = "310104199304051224"
MISTYPED = APPLICANT[:-1] + ("5" if APPLICANT[-1] != "5" else "6")

# every default output of every command that reads a profile or a folder
OUTPUTS = [
    ("check", "text"), ("check", "json"), ("check", "sarif"), ("check", "junit"),
    ("scan", "text"), ("scan", "json"),
    ("score", "text"), ("score", "json"),
    ("checklist", "text"), ("checklist", "json"), ("checklist", "markdown"),
]


def _profile() -> dict:
    data = copy.deepcopy(BASE_PROFILE)
    data["spouse"] = {"name": "王芳", "id_number": SPOUSE, "shanghai_hukou": False, "married": "2020-05-01"}
    return data


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("leaks")
    folder = make_applicant(base / "root" / f"{APPLICANT}_李明", profile=_profile())
    pdf = next(folder.rglob("*.pdf"))
    shutil.copy(pdf, folder / f"20241105{APPLICANT}.pdf")  # glued to a date
    shutil.copy(pdf, folder / f"身份证 {APPLICANT[:6]} {APPLICANT[6:14]} {APPLICANT[14:]}.pdf")  # spaced
    shutil.copy(pdf, folder / f"配偶{SPOUSE}.pdf")
    bad = base / "root" / "mistyped"
    bad.mkdir()
    (bad / "profile.yaml").write_text((folder / "profile.yaml").read_text(encoding="utf-8")
                                      .replace(APPLICANT, MISTYPED), encoding="utf-8")
    return folder, base / "cache"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _search(name: str, text: str, known: set[str]) -> None:
    found = leaks(text, known)
    assert not found, f"{name}: {found}"


@pytest.mark.parametrize("command,fmt", OUTPUTS, ids=[f"{c}-{f}" for c, f in OUTPUTS])
def test_default_outputs_hide_ids(hostile: tuple[Path, Path], command: str, fmt: str) -> None:
    folder, cache = hostile
    target = str(folder / "profile.yaml") if command in ("score", "checklist") else str(folder)
    extra = ["--cache-dir", str(cache)] if command in ("check", "scan") else []
    if command == "scan":
        extra += ["--profile", str(folder / "profile.yaml")]
    code, out, err = _run(command, target, "--format", fmt, *extra)
    assert code in (0, 1), err
    shown_code, shown, _ = _run(command, target, "--format", fmt, "--show-pii", *extra)
    known = {APPLICANT, SPOUSE} | ids_in(shown)
    if command in ("check", "scan"):
        assert APPLICANT in shown  # --show-pii shows it: the search below is not vacuous
    _search(f"{command} {fmt}", out, known)
    _search(f"{command} {fmt} stderr", err, known)


def test_error_lines_hide_a_mistyped_id(hostile: tuple[Path, Path]) -> None:
    folder, _cache = hostile
    bad = folder.parent / "mistyped"
    code, out, err = _run("score", str(bad / "profile.yaml"))
    assert code == 2 and "check digit" in err
    _search("score stderr (mistyped ID)", out + err, {MISTYPED, APPLICANT})
    code, _out, err = _run("score", str(bad / "profile.yaml"), "--show-pii")
    assert code == 2 and MISTYPED in err  # --show-pii shows it


def test_batch_outputs_manifest_and_cache_hide_ids(hostile: tuple[Path, Path], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _cache = hostile
    cache = tmp_path / "cache"
    monkeypatch.setenv("MATCHECK_CACHE_DIR", str(cache))
    out = tmp_path / "out"
    code, _o, err = _run("batch", str(folder.parent), "--out", str(out), "--jobs", "1", "--as-of", "2026-11-20")
    assert code == 2, err  # the mistyped applicant is bad input
    known = {APPLICANT, SPOUSE, MISTYPED}
    _search("batch stderr", err, known)
    written = sorted(p for p in out.rglob("*") if p.is_file())
    assert any(p.name == "manifest.jsonl" for p in written) and any(p.name == "summary.csv" for p in written)
    for path in written:
        _search(f"batch {path.relative_to(out)}", path.read_text(encoding="utf-8"), known)
        assert APPLICANT not in str(path.relative_to(out))  # report folders are named by the masked number
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert len(data["applicants"]) == 2
    # the extraction cache is encrypted: not one ID number, in any encoding, in any cache file (filled here by an
    # in-process check: the batch's forkserver workers keep the environment of the first batch of this process)
    code, _o, err = _run("check", str(folder), "--cache-dir", str(cache))
    assert code in (0, 1), err
    files = [p for p in cache.rglob("*") if p.is_file()]
    assert files
    for path in files:
        blob = path.read_bytes()
        for full in known:
            assert full.encode() not in blob and full.encode("utf-16-le") not in blob, path
        assert b"\xe6\x9d\x8e\xe6\x98\x8e" not in blob  # nor the name 李明 (the text is sealed)
