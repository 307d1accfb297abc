"""The profile loader's hard limits: each hostile class is one bounded line on stderr and exit 2, fast, never a
traceback (exit 3), never a hang (guarded, not timed) or a memory blow-up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcheck.cli import app
from tests.profile.test_bad_profiles import GOOD  # one valid profile for the bad-input tests
from matcheck.errors import MAX_LINE_CHARS
from matcheck.profile.load import MAX_NODES
from tests.hostile.bounded import fails_on_hang


LAUGHS = "a: &a [" + ",".join(['"lol"'] * 9) + "]\n" + "".join(
    f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]\n" for p, c in zip("abcdefgh", "bcdefghi"))

# (id, file name, content, extra args, words the one line must hold)
CASES = [
    ("billion_laughs", "profile.yaml", LAUGHS, [], ["expands to more than", str(MAX_NODES)]),
    ("recursive_alias", "profile.yaml", "a: &a [*a]\n", [], ["inside its own anchor"]),
    ("recursive_alias_map", "profile.yaml", "a: &a {b: *a}\n", [], ["inside its own anchor"]),
    ("deep_nesting", "profile.yaml", "x: " + "[" * 1000 + "]" * 1000 + "\n", [], ["nested more than"]),
    ("deep_json", "profile.json", '{"x": ' + "[" * 5000 + "]" * 5000 + "}", [], ["nested more than"]),
    ("huge_int", "profile.yaml", GOOD.replace("base_multiple: 1.2", "base_multiple: " + "9" * 4301), [],
     ["a number of 4301 characters"]),
    ("huge_int_json", "profile.json", '{"as_of": ' + "9" * 4301 + "}", [], ["a number of 4301 characters"]),
    ("bad_float_tag", "profile.yaml", "applicant: {name: !!float x}\n", [], ["'x' cannot be read as float"]),
    ("bad_int_tag", "profile.yaml", "applicant: {name: !!int abc}\n", [], ["'abc' cannot be read as int"]),
    ("bad_bool_tag", "profile.yaml", "applicant: {name: !!bool maybe}\n", [], ["'maybe' cannot be read as bool"]),
    ("inf", "profile.yaml", GOOD.replace("base_multiple: 1.2", "base_multiple: .inf"), [], ["not a finite number"]),
    ("nan", "profile.yaml", GOOD.replace("base_multiple: 1.2", "base_multiple: .nan"), [], ["not a finite number"]),
    ("inf_json", "profile.json", '{"social_insurance": [{"base_multiple": Infinity}]}', [], ["not a finite number"]),
    ("as_of_far", "profile.yaml", GOOD.replace("as_of: 2026-11-20", "as_of: 9999-12-31"), [],
     ["as_of", "9999-12-31", "plausible"]),
    ("as_of_option_far", "profile.yaml", GOOD, ["--as-of", "9999-12-31"], ["--as-of", "9999-12-31", "plausible"]),
    ("duplicate_key", "profile.yaml", GOOD + "as_of: 2020-01-01\n", [], ["'as_of' is given twice"]),
    ("duplicate_key_json", "profile.json", '{"as_of": "2026-01-01", "as_of": "2020-01-01"}', [], ["given twice"]),
    ("internal_source", "profile.yaml", GOOD + "source: elsewhere\n", [], ["source: unknown key"]),
    ("internal_to_verify", "profile.yaml", GOOD + "to_verify: [applicant]\n", [], ["to_verify: unknown key"]),
    ("control_chars", "profile.yaml", GOOD.replace("applicant:\n", 'applicant:\n  "n\\e]8;;x\\a\\nme": 1\n'), [],
     ["\\x1b]8;;x\\x07\\nme", "unknown key"]),
    ("huge_value_line", "profile.yaml", GOOD.replace("as_of: 2026-11-20", "as_of: [" + "1," * 15_000 + "1]"), [],
     ["as_of"]),
]


@pytest.mark.parametrize("case_id,name,content,args,words", CASES, ids=[c[0] for c in CASES])
def test_hostile_profile_is_one_bounded_line(tmp_path: Path, case_id: str, name: str, content: str, args: list[str],
                                             words: list[str]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with fails_on_hang(case_id):  # an unbounded alias expansion never returns
        result = CliRunner().invoke(app, ["score", str(path), *args])
    assert result.exit_code == 2, (result.exit_code, result.output[-500:], result.exception)
    lines = result.stderr.splitlines()
    assert 1 <= len(lines) <= 3, lines[:5]
    assert all(len(line) <= MAX_LINE_CHARS + 60 for line in lines), [len(x) for x in lines]
    assert not any(re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", line) for line in lines)
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.stderr, (word, result.stderr)


def test_good_profile_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path)])
    assert result.exit_code in (0, 1), result.output


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    """A profile that uses an anchor for a repeated unit name stays valid: the limit is on expansion, not use."""
    text = GOOD.replace("employer: {name: 上海示例信息科技有限公司", "employer: {name: &unit 上海示例信息科技有限公司")
    text = text.replace("unit: 上海示例信息科技有限公司, base_multiple", "unit: *unit, base_multiple")
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path)])
    assert result.exit_code in (0, 1), result.output
