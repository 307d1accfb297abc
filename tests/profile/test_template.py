"""``matcheck init`` writes the commented template (comments in Chinese); it loads back cleanly and scores."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from matcheck.cli import app
from matcheck.profile import load_profile
from matcheck.profile.model import PROFILE_TOP_KEYS
from matcheck.profile.template import TEMPLATE


def test_init_writes_a_template_that_loads_back(tmp_path: Path) -> None:
    folder = tmp_path / "申请人"
    result = CliRunner().invoke(app, ["init", str(folder)])
    assert result.exit_code == 0, result.stderr
    written = folder / "profile.yaml"
    assert written.read_text(encoding="utf-8") == TEMPLATE
    profile = load_profile(written)
    assert profile.applicant.name == "李明"
    assert profile.to_verify == frozenset()
    assert profile.applicant.birth_date is not None
    assert profile.social_insurance and profile.education


def test_template_covers_every_top_level_key_and_is_commented_in_chinese() -> None:
    for key in PROFILE_TOP_KEYS:
        assert re.search(rf"^{key}:", TEMPLATE, re.M), f"template lacks {key}:"
    comments = [line.split("#", 1)[1] for line in TEMPLATE.splitlines() if "#" in line]
    assert len(comments) > 40
    assert all(re.search(r"[\u4e00-\u9fff]", c) or not c.strip() or re.match(r"\s*-? ?\w+:", c) for c in comments)


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "profile.yaml").write_text("applicant: {}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert (tmp_path / "profile.yaml").read_text(encoding="utf-8") == "applicant: {}\n"


def test_template_scores_through_the_cli(tmp_path: Path) -> None:
    CliRunner().invoke(app, ["init", str(tmp_path)])
    result = CliRunner().invoke(app, ["score", str(tmp_path / "profile.yaml"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    # 本科 + 学士 90 + age 30 + 社保 2022-07..2026-10 (52 months) 12 + 1.2× base 50 + spouse 8 years 32 = 214
    assert '"total": 214' in result.stdout


def test_init_on_a_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(a_file)])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "notes.txt: is a file" in result.stderr
    assert a_file.read_text(encoding="utf-8") == "x\n"
