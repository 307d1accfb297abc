"""``matcheck checklist PROFILE``: text, Markdown and JSON on a full profile; bad input is one line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from matcheck.cli import app

HERE = Path(__file__).parent
BASE = yaml.safe_load((HERE / "base_profile.yaml").read_text(encoding="utf-8"))
FULL = {
    **BASE,
    "education": [
        {"level": "高中", "school": "南京市示例中学", "mode": "全日制", "start": "2007-09", "end": "2010-06"},
        {"level": "本科", "degree": "待核实", "school": "南京示例大学", "mode": "全日制", "start": "2010-09",
         "end": "2014-06"},
    ],
    "qualifications": [{"kind": "职称", "level": "中级", "name": "工程师", "obtained": "2021-12-15"}],
    "spouse": {"name": "王芳", "id_number": "310115199304052824", "shanghai_hukou": True, "married": "2018-05-20"},
    "children": [{"name": "李大明", "id_number": "31011520090315123X", "in_fulltime_high_school": True}],
}


@pytest.fixture()
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(FULL, allow_unicode=True), encoding="utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(app, ["checklist", *args])


def test_text(profile):
    result = run(str(profile))
    assert result.exit_code == 0, result.output
    out = result.stdout
    for heading in ("一、基础材料", "二、指标材料", "三、同住人材料", "四、其他事项"):
        assert heading in out
    assert "结婚证" in out and "配偶 王芳" in out and "子女 李大明" in out
    assert "学信网 chsi.com.cn" in out and "个人所得税 App" in out
    assert "税款所属期须覆盖 2026-05 至 2026-10" in out
    assert "△ 视情况" in out and "education[1].degree" in out  # the 学位 depends on a fact to verify
    assert "说明：以下内容公开来源未能确定" in out
    assert "310115199304052824" not in out  # no ID number ever printed unmasked


def test_markdown(profile):
    result = run(str(profile), "--format", "markdown")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# 《上海市居住证》积分申请材料清单")
    assert "## 一、基础材料" in out and "- [ ] **1. 《上海市居住证》积分申请表**" in out
    assert out.count("- [ ] ") == len(json.loads(run(str(profile), "--format", "json").stdout)["items"])


def test_json(profile):
    result = run(str(profile), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["as_of"] == "2026-11-20"
    by_key = {(i["material"], i["person"], i["subject"]): i for i in data["items"]}
    assert ("marriage_certificate", "applicant", None) in by_key
    assert ("id_card", "spouse", "spouse") in by_key
    degree = by_key[("degree_certificate", "applicant", "education[1]")]
    assert degree["conditional"] is True and degree["pending"] == ["education[1].degree"]
    school = by_key[("school_enrolment_proof", "child", "children[0]")]
    assert school["person_index"] == 0 and school["person_name"] == "李大明" and not school["conditional"]
    for item in data["items"]:
        assert {"material", "person", "group", "reasons", "where", "original_or_copy", "kind"} <= set(item)


def test_english(profile):
    result = run(str(profile), "--lang", "en")
    assert result.exit_code == 0
    assert "1. Base documents (基础材料)" in result.stdout and "Marriage certificate" in result.stdout


def test_as_of_option_moves_the_windows(profile):
    result = run(str(profile), "--as-of", "2026-03-10")
    assert "税款所属期须覆盖 2025-09 至 2026-02" in result.stdout


def test_output_file(profile, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "checklist.md"  # not into the applicant's folder (it holds profile.yaml)
    result = run(str(profile), "--format", "markdown", "-o", str(out))
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("args, words", [
    (["--format", "sarif"], "cannot render"),
    (["--format", "yaml"], "not one of"),
    (["--as-of", "2026-13-01"], "--as-of"),
])
def test_bad_options_exit_2(profile, args, words):
    result = run(str(profile), *args)
    assert result.exit_code == 2
    assert words in result.output and "Traceback" not in result.output


def test_bad_profile_exit_2(tmp_path):
    bad = tmp_path / "profile.yaml"
    bad.write_text("spouse:\n  shanghai_hukuo: true\n", encoding="utf-8")
    result = run(str(bad))
    assert result.exit_code == 2
    assert "shanghai_hukuo" in result.output and "Traceback" not in result.output
    missing = run(str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2 and "Traceback" not in missing.output
