"""score_if_upheld: a warned risk that changes the score carries the score the scorer gives the profile with the
risk applied (the 本科 of a 专本套读 not accepted, a 三地一致 record refused, a 待核实 entry not accepted), and
whether 120 is still reached; in the text report, the JSON and the SARIF. Worked by hand in the comments."""

from __future__ import annotations

import json
from datetime import date

import yaml
from typer.testing import CliRunner

from matcheck.assessment import assess
from matcheck.cli import app
from matcheck.pipeline import profile_findings
from matcheck.profile import parse_profile
from matcheck.rules import RuleConfig
from matcheck.rules.upheld import without_entry
from matcheck.scoring import score

AS_OF = date(2026, 11, 20)
# age 30 (born 1992); 大专 全日制 2011-09..2014-06 and a 自考 本科 + 学士 begun 2013-03 (专本套读, in 江苏 where the
# hukou is: no 三地一致 risk); 社保 from 2024-11 (24 months → 6), base_multiple 0.5 (no base tier)
PROFILE = {
    "as_of": "2026-11-20",
    "applicant": {"id_number": "320102199203154514", "hukou_province": "江苏",
                  "residence_permit": {"issued": "2024-03-01", "expires": "2027-02-28"}},
    "employer": {"name": "上海示例信息科技有限公司"},
    "contract": {"start": "2024-11-01", "open_ended": True},
    "work_history": [{"from": "2014-07", "to": "2024-10", "province": "江苏", "unit": "南京示例公司"}],
    "education": [
        {"level": "高中", "mode": "全日制", "province": "江苏", "start": "2008-09", "end": "2011-06"},
        {"level": "大专", "mode": "全日制", "province": "江苏", "school": "南京示例职业学院", "start": "2011-09",
         "end": "2014-06"},
        {"level": "本科", "degree": "学士", "mode": "自考", "province": "江苏", "school": "南京示例大学",
         "start": "2013-03", "end": "2016-12"},
    ],
    "social_insurance": [{"from": "2024-11", "to": "至今", "unit": "上海示例信息科技有限公司", "base_multiple": 0.5}],
}


def findings_of(data: dict):
    profile = parse_profile(data, source="profile.yaml")
    a = assess(profile, AS_OF)
    s = score(a)
    return s, profile_findings(a, s, config=RuleConfig())


def test_overlapping_study_upheld_drops_below_the_standard() -> None:
    # as claimed: 30 + 本科 + 学士 90 + 社保年限 6 = 126 (reached); upheld: the 本科 not accepted → 大专 50:
    # 30 + 50 + 6 = 86 (not reached)
    s, findings = findings_of(PROFILE)
    assert s.total == 126 and s.reaches_standard
    f = next(f for f in findings if f.rule == "overlapping-study")
    assert f.severity == "warning" and f.subject == "education[2]"
    assert f.score_if_upheld is not None
    assert (f.score_if_upheld.total, f.score_if_upheld.reaches_standard) == (86, False)


def test_a_risk_that_does_not_change_the_score_has_none() -> None:
    # a 硕士 + 硕士学位 also claimed (100): dropping the 本科 leaves 100 → the total does not move
    data = dict(PROFILE, education=PROFILE["education"] + [
        {"level": "硕士", "degree": "硕士", "mode": "全日制", "province": "江苏", "start": "2017-09", "end": "2020-06"}])
    s, findings = findings_of(data)
    f = next(f for f in findings if f.rule == "overlapping-study")
    assert s.total == 136 and f.score_if_upheld is None


def test_a_to_verify_entry_upheld() -> None:
    # the 社保 period's unit is 待核实: upheld, the period is not accepted → 社保年限 6 → 0: 126 − 6 = 120 (reached)
    data = dict(PROFILE, social_insurance=[dict(PROFILE["social_insurance"][0], unit="待核实")])
    s, findings = findings_of(data)
    f = next(f for f in findings if f.rule == "fact-to-verify" and f.subject == "social_insurance[0].unit")
    assert f.score_if_upheld is not None and f.score_if_upheld.total == s.total - 6
    assert f.score_if_upheld.reaches_standard == (s.total - 6 >= 120)


def test_without_entry_moves_later_to_verify_paths_down() -> None:
    data = dict(PROFILE, education=[dict(e) for e in PROFILE["education"]])
    data["education"][2]["start"] = "待核实"
    profile = parse_profile(data, source="p")
    assert "education[2].start" in profile.to_verify
    dropped = without_entry(profile, "education[1]")
    assert [e.level for e in dropped.education] == ["高中", "本科"]
    assert "education[1].start" in dropped.to_verify and "education[2].start" not in dropped.to_verify
    assert without_entry(profile, "education[9]") is None and without_entry(profile, "applicant.name") is None


def test_text_json_and_sarif_carry_it(tmp_path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(PROFILE, allow_unicode=True), encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(app, ["score", str(path)])
    assert "若中心认定该问题：总分 86，达不到标准分值 120" in text.stdout, text.stdout
    data = json.loads(runner.invoke(app, ["score", str(path), "--format", "json"]).stdout)
    f = next(f for f in data["findings"] if f["rule"] == "overlapping-study")
    assert f["score_if_upheld"]["total"] == 86 and f["score_if_upheld"]["reaches_standard"] is False
    assert all("score_if_upheld" not in g for g in data["findings"] if g["rule"] != "overlapping-study")
    # the folder check (only the profile in the folder): SARIF and the text report too
    cache = tmp_path / "cache"
    sarif = json.loads(runner.invoke(app, ["check", str(tmp_path), "--format", "sarif", "--cache-dir",
                                           str(cache)]).stdout)
    results = [r for run in sarif["runs"] for r in run["results"] if r["properties"]["rule"] == "overlapping-study"]
    assert results and results[0]["properties"]["score_if_upheld"] == {"total": 86, "reaches_standard": False}
    report = runner.invoke(app, ["check", str(tmp_path), "--cache-dir", str(cache)]).stdout
    assert "若中心认定该问题：总分 86，达不到标准分值 120" in report
