"""``matcheck check`` on the bundled sample folders (samples/*, real PDFs, DOCX and JPEG photos read with OCR).

The clean applicant (samples/li-ming) passes with exit code 0; the others give the findings their story is about
(docs/samples.md): zhang-wei's 自考本科 is a 专本套读 and a 三地一致 risk and his 高中 certificate is missing;
wang-fang's 技能 route lacks the employer's 聘书. Each sample is read once (the extraction cache then serves the
other formats); the folders stay byte-identical.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.check.conftest import ROOT, run_check, snapshot

pytestmark = [pytest.mark.ocr, pytest.mark.slow]
SAMPLES = ROOT / "samples"

# sample → (exit code, {(rule, subject, severity)} that must be among the findings; subject None = any)
EXPECTED = {
    "li-ming": (0, set()),
    # every risk of zhang-wei rests on desk practice only ([C]): warnings, exit 0 (1 with --fail-on warning)
    "zhang-wei": (0, {("overlapping-study", "education[2]", "warning"),
                      ("study-location-mismatch", "education[2]", "warning"),
                      ("missing-material", "high_school_diploma", "warning")}),
    "wang-fang": (1, {("missing-material", "appointment_letter", "error")}),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, tuple[int, dict, bool]]:
    """Each sample checked once, uncached, in JSON: (exit code, data, folder unchanged)."""
    cache = tmp_path_factory.mktemp("samples-cache")
    out = {}
    for name in EXPECTED:
        folder = SAMPLES / name
        before = snapshot(folder)
        result = run_check(str(folder), "--format", "json", cache_dir=cache)
        assert result.exit_code in (0, 1), result.output
        out[name] = (result.exit_code, json.loads(result.stdout), snapshot(folder) == before)
    out["_cache"] = cache  # type: ignore[assignment]
    return out


@pytest.mark.parametrize("name", list(EXPECTED))
def test_sample_gives_its_findings(name, runs):
    code, data, _ = runs[name]
    want_code, want = EXPECTED[name]
    found = {(f["rule"], f["subject"], f["severity"]) for f in data["findings"]}
    shown = "\n".join(f"  {f['severity']} {f['rule']} {f['subject']}: {f['message']}" for f in data["findings"])
    for rule, subject, severity in want:
        assert any(r == rule and s == severity and (subject is None or subj == subject) for r, subj, s in found), \
            f"{name}: expected {rule} {subject} {severity}; findings:\n{shown}"
    assert code == want_code, f"{name}: exit {code}, expected {want_code}; findings:\n{shown}"


def test_clean_sample_has_every_material(runs):
    _, data, _ = runs["li-ming"]
    not_there = [(r["material"], r["person"], r["status"]) for r in data["required"]
                 if r["kind"] == "document" and r["status"] != "present"]
    assert not not_there, not_there
    assert all(f["severity"] != "error" for f in data["findings"])


@pytest.mark.parametrize("name", list(EXPECTED))
def test_sample_folder_is_byte_identical(name, runs):
    assert runs[name][2], f"samples/{name} changed during the check"


def test_sample_text_report_and_masking(runs):
    cache: Path = runs["_cache"]  # type: ignore[assignment]
    profile = (SAMPLES / "li-ming" / "profile.yaml").read_text(encoding="utf-8")
    import re

    ids = re.findall(r"\b\d{17}[\dX]\b", profile)
    text = run_check(str(SAMPLES / "li-ming"), cache_dir=cache)
    assert text.exit_code == runs["li-ming"][0]
    assert "结论" in text.stdout and "材料清单" in text.stdout
    assert ids and not any(i in text.stdout for i in ids)


def test_fail_on_warning_turns_a_warning_only_folder_into_exit_1(runs, tmp_path):
    """li-ming with the points account created the day the 居住证 was issued: one warning (permit-too-recent), and
    no second finding for the same fact (permit-too-recent REPORTS it); exit 0 by default, 1 with --fail-on warning."""
    import shutil

    cache: Path = runs["_cache"]  # type: ignore[assignment]
    folder = tmp_path / "li-ming-early-account"
    shutil.copytree(SAMPLES / "li-ming", folder)
    profile = folder / "profile.yaml"
    text = profile.read_text(encoding="utf-8")
    assert "account_created: 2024-03-08" in text
    profile.write_text(text.replace("account_created: 2024-03-08", "account_created: 2024-03-01"), encoding="utf-8")

    result = run_check(str(folder), "--format", "json", cache_dir=cache)
    data = json.loads(result.stdout)
    assert [(f["rule"], f["severity"]) for f in data["findings"]] == [("permit-too-recent", "warning")]
    assert result.exit_code == 0
    assert run_check(str(folder), "--fail-on", "warning", cache_dir=cache).exit_code == 1


def test_every_default_output_of_every_sample_hides_ids(runs):
    """Every default output of every sample (the same outputs as tests/hostile/test_no_id_leaks.py, here with the
    OCR'd photos: ID cards, the 人事专员's too) holds no full ID number and no birth date beside a masked one."""
    from matcheck.cli import app
    from tests.hostile.leaks import ids_in, leaks
    from typer.testing import CliRunner

    cache: Path = runs["_cache"]  # type: ignore[assignment]
    searched = 0
    for name in EXPECTED:
        folder = SAMPLES / name
        shown = CliRunner().invoke(app, ["scan", str(folder), "--format", "json", "--show-pii", "--profile",
                                         str(folder / "profile.yaml"), "--cache-dir", str(cache)]).stdout
        known = ids_in(shown) | ids_in((folder / "profile.yaml").read_text(encoding="utf-8"))
        assert known, name
        for command, fmt in [("check", "text"), ("check", "json"), ("check", "sarif"), ("check", "junit"),
                             ("scan", "text"), ("scan", "json"), ("score", "text"), ("score", "json"),
                             ("checklist", "text"), ("checklist", "json"), ("checklist", "markdown")]:
            target = folder / "profile.yaml" if command in ("score", "checklist") else folder
            extra = ["--cache-dir", str(cache)] if command in ("check", "scan") else []
            result = CliRunner().invoke(app, [command, str(target), "--format", fmt, *extra])
            assert result.exit_code in (0, 1), (name, command, fmt, result.stderr)
            for stream in (result.stdout, result.stderr):
                found = leaks(stream, known)
                assert not found, (name, command, fmt, found)
                searched += 1
    print(f"\nsamples: {searched} outputs searched for ID numbers")


@pytest.mark.parametrize("name", list(EXPECTED))
def test_no_output_format_names_a_private_note(name, runs):
    """Every format of ``check`` names documents a user can look up, never the project's design notes."""
    from matcheck.sources import forbidden_mentions, ids_in, load_sources

    cache: Path = runs["_cache"]  # type: ignore[assignment]
    known = load_sources()
    for fmt in ("text", "json", "sarif", "junit"):
        result = run_check(str(SAMPLES / name), "--format", fmt, cache_dir=cache)
        assert result.exit_code in (0, 1), result.output
        assert not forbidden_mentions(result.stdout), (name, fmt, forbidden_mentions(result.stdout))
        if fmt == "json":
            for f in json.loads(result.stdout)["findings"]:
                assert all(i in known for i in ids_in(f["reference"])), f["reference"]
