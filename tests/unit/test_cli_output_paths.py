"""``-o FILE`` that cannot take the report is bad input (one line, exit 2), and matcheck refuses to write into an
applicant's folder (contracts.md §5) — the same rule ``batch --out`` follows."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
PROFILE = ROOT / "samples" / "zhang-wei" / "profile.yaml"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def one_line_exit_2(result, *words: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    for w in words:
        assert w in result.stderr, (w, result.stderr)


def test_output_is_a_folder(tmp_path: Path) -> None:
    one_line_exit_2(run("score", str(PROFILE), "-o", str(tmp_path)), "is a folder")


def test_output_under_a_file(tmp_path: Path) -> None:
    a_file = tmp_path / "a.txt"
    a_file.write_text("x", encoding="utf-8")
    one_line_exit_2(run("score", str(PROFILE), "-o", str(a_file / "score.json")), "is not a folder")


@pytest.mark.parametrize("command,name", [("score", "score.json"), ("checklist", "清单.md"),
                                          ("checklist", "清单.pdf"), ("form", "申请表.docx")])
def test_output_into_an_applicant_folder_is_refused(tmp_path: Path, command: str, name: str) -> None:
    applicant = tmp_path / "applicant"
    (applicant / "sub").mkdir(parents=True)
    profile = applicant / "profile.yaml"
    profile.write_bytes(PROFILE.read_bytes())
    for target in (applicant / name, applicant / "sub" / name):
        one_line_exit_2(run(command, str(profile), "-o", str(target)), "applicant folder", "never writes")
    assert sorted(p.name for p in applicant.rglob("*")) == ["profile.yaml", "sub"]
    # next to the applicant folder is fine
    result = run(command, str(profile), "-o", str(tmp_path / name))
    assert result.exit_code in (0, 1), result.stderr
    assert (tmp_path / name).stat().st_size > 0
