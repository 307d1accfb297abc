"""Bad profiles through the real CLI: each kind of mistake gives one clear line (file, field, value, what was
expected) on stderr and exit code 2 — never a traceback (contracts.md §2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcheck.cli import app

GOOD = """\
as_of: 2026-11-20
applicant:
  id_number: "320102199203154514"
  residence_permit: {issued: 2024-03-01, expires: 2027-02-28}
employer: {name: 上海示例信息科技有限公司, credit_code: "91310115MA1H7ABC1A"}
education:
  - {level: 本科, degree: 学士, mode: 全日制, start: 2010-09, end: 2014-06}
social_insurance:
  - {from: 2022-07, to: 至今, unit: 上海示例信息科技有限公司, base_multiple: 1.2}
"""

# (case id, file name, file content (str or bytes; None: do not create), extra CLI args, words the line must hold)
CASES = [
    ("missing_file", "profile.yaml", None, [], ["profile.yaml", "no such file"]),
    ("empty_file", "profile.yaml", "", [], ["profile.yaml", "empty"]),
    ("invalid_yaml", "profile.yaml", "applicant: {name: 李明\n", [], ["profile.yaml", "not valid YAML"]),
    ("invalid_json", "profile.json", '{"applicant": ', [], ["profile.json", "not valid JSON"]),
    ("not_utf8", "profile.yaml", "applicant:\n  name: 李明\n".encode("gb18030"), [], ["profile.yaml", "UTF-8"]),
    ("not_a_mapping", "profile.yaml", "- 李明\n- 本科\n", [], ["profile.yaml", "mapping"]),
    ("unknown_key_typo", "profile.yaml", GOOD.replace("id_number:", "id_numbr:"), [],
     ["applicant.id_numbr", "did you mean 'id_number'"]),
    ("unknown_top_key", "profile.yaml", GOOD + "educaton: []\n", [], ["educaton", "did you mean 'education'"]),
    ("bad_date", "profile.yaml", GOOD.replace("as_of: 2026-11-20", "as_of: 2026-13-01"), [],
     ["as_of", "2026-13-01", "YYYY-MM-DD"]),
    ("bad_month", "profile.yaml", GOOD.replace("start: 2010-09", "start: 2010-13"), [],
     ["education[0].start", "2010-13", "YYYY-MM"]),
    ("bad_id_checksum", "profile.yaml", GOOD.replace("320102199203154514", "320102199203154515"), [],
     ["applicant.id_number", "ID number"]),
    ("bad_credit_code", "profile.yaml", GOOD.replace("91310115MA1H7ABC1A", "91310115MA1H7ABC1B"), [],
     ["employer.credit_code", "统一社会信用代码"]),
    ("bad_enum", "profile.yaml", GOOD.replace("level: 本科", "level: 小学"), [],
     ["education[0].level", "小学", "expected one of"]),
    ("bad_number", "profile.yaml", GOOD.replace("base_multiple: 1.2", "base_multiple: 一点二"), [],
     ["social_insurance[0].base_multiple", "not a number"]),
    ("negative_number", "profile.yaml", GOOD.replace("base_multiple: 1.2", "base_multiple: -1"), [],
     ["social_insurance[0].base_multiple"]),
    ("end_before_start", "profile.yaml", GOOD.replace("end: 2014-06", "end: 2009-06"), [],
     ["education[0]", "before"]),
    ("bad_bool", "profile.yaml", GOOD.replace("{issued:", "{issued: 2024-03-01, expires: 2027-02-28}\n  account_created: 明天\n  x: {issued:").replace("  x: {issued: 2024-03-01, expires: 2027-02-28}\n", ""), [],
     ["applicant.account_created", "明天"]),
    # a base in yuan is scored from 2022-07 on (the latest 社平 stands in, provisionally); only a month before the
    # 社平 table begins (社保年度 2013) cannot be turned into a multiple
    ("base_yuan_before_the_wage_table", "profile.yaml",
     GOOD.replace("as_of: 2026-11-20", "as_of: 2014-03-20").replace("from: 2022-07", "from: 2010-01")
     .replace("expires: 2027-02-28", "expires: 2015-02-28").replace("issued: 2024-03-01", "issued: 2013-03-01")
     .replace("base_multiple: 1.2", "base: 12000").replace("start: 2010-09, end: 2014-06", "start: 2008-09, end: 2012-06"),
     [], ["social_insurance[0].base", "社平", "base_multiple"]),  # (a degree finished before that as_of)
    # study abroad is written on a mode: 国外 record; a non-province elsewhere says what to write instead
    ("abroad_on_a_domestic_record", "profile.yaml",
     GOOD.replace("mode: 全日制, start: 2010-09", "province: 国外, mode: 自考, start: 2010-09"), [],
     ["education[0].province", "国外", "mode: 国外", "country"]),
    ("abroad_in_work_history", "profile.yaml",
     GOOD + "work_history:\n  - {from: 2014-07, to: 2022-06, province: 海外, unit: X}\n", [],
     ["work_history[0].province", "海外", "leave province out"]),
    ("abroad_as_hukou_province", "profile.yaml", GOOD.replace('  id_number: "320102199203154514"',
     '  id_number: "320102199203154514"\n  hukou_province: 美国'), [], ["applicant.hukou_province", "美国", "户口簿"]),
    ("bad_as_of_option", "profile.yaml", GOOD, ["--as-of", "明天"], ["--as-of", "明天"]),
    ("bad_policy_option", "profile.yaml", GOOD, ["--policy", "2020"], ["2020", "2013"]),
    ("bad_policy_in_file", "profile.yaml", GOOD + "policy: 2020\n", [], ["policy", "2020"]),
    ("bad_format_option", "profile.yaml", GOOD, ["--format", "xml"], ["--format", "xml"]),
    ("directory_not_file", "adir", None, [], ["adir", "not a file"]),
]


@pytest.mark.parametrize("case_id,name,content,args,words", CASES, ids=[c[0] for c in CASES])
def test_bad_profile_one_line_exit_2(tmp_path: Path, case_id, name, content, args, words) -> None:
    target = tmp_path / name
    if case_id == "directory_not_file":
        target.mkdir()
    elif content is not None:
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(target), *args])
    err = result.stderr.strip()
    assert result.exit_code == 2, (result.exit_code, result.stdout, err)
    assert "Traceback" not in err and "Traceback" not in result.stdout
    lines = err.splitlines()
    assert len(lines) == 1, lines
    for w in words:
        assert w in lines[0], (w, lines[0])
    assert result.stdout == ""


def test_good_profile_scores(tmp_path: Path) -> None:
    (tmp_path / "profile.yaml").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(tmp_path / "profile.yaml"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    # 本科 + 学士 90 + age 30 (34 on 2026-11-20) + 社保 2022-07..2026-10 = 52 months → 3 × 4 = 12
    # + all 48 window months at 1.2× ≥ 1× → 50: 182
    assert '"total": 182' in result.stdout
