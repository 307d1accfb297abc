"""Fuzzing profiles: mutations of a valid profile (hostile values in place of one scalar, lines deleted, duplicated
or garbled, YAML features thrown in), each through the real CLI (``matcheck score``). Every one ends in exit 0, 1
or 2 — never 3 (a traceback), never a hang (a per-example hang guard) — and an exit-2 message is bounded lines
without raw control characters. A deterministic, modest number of examples keeps it inside the CI budget."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from matcheck.cli import app
from tests.hostile.bounded import fails_on_hang

GOOD = """\
as_of: 2026-11-20
policy: auto
applicant:
  name: 李明
  id_number: "320102199203154514"
  residence_permit: {issued: 2024-03-01, expires: 2027-02-28}
  account_created: 2024-03-08
employer: {name: 上海示例信息科技有限公司, credit_code: "91310115MA1H7ABC1A", district: 浦东新区}
contract: {start: 2022-07-01, end: 2027-06-30, post: 软件工程师}
work_history:
  - {from: 2014-07, to: 2022-06, province: 江苏, unit: 南京示例软件有限公司}
education:
  - {level: 本科, degree: 学士, mode: 全日制, start: 2010-09, end: 2014-06, major: 计算机}
qualifications:
  - {kind: 职称, level: 中级, obtained: 2020-05-01}
social_insurance:
  - {from: 2022-07, to: 2026-10, unit: 上海示例信息科技有限公司, base_multiple: 1.2}
tax: {withholding_unit: 上海示例信息科技有限公司}
spouse: {name: 王芳, id_number: "310104199304051224", married: 2020-05-01, shanghai_hukou: false}
children:
  - {name: 李小明, id_number: "310104202001011238"}
"""

HOSTILE_VALUES = [
    ".inf", "-.inf", ".nan", "-1", "0", "1e309", "9" * 4301, "9" * 40, "!!float x", "!!int abc", "!!bool maybe",
    "9999-12-31", "0001-01-01", "2026-02-30", "2026-13", "至今", "待核实", "unknown", "null", "~", "[]", "{}",
    "[1, [2, [3]]]", "&a [*a]", "*nope", "'\x1b[2J\x07'", '"\\e]8;;x\\a\\u202e"', "'" + "长" * 20000 + "'",
    "320102199203154515", "'320102199203154514'", "true", "no", "0x1F", "0o17", "1_000", "3.0000001", "1000",
    "!!binary aGk=", "!!python/object:os.system ls", "!!set {a, b}", "!!omap [a: 1]", "!!timestamp x",
    "? [a]", "<<: {x: 1}", "|\n    multi\n    line", ">-\n    folded", "'", '"', "{", "[", "- - -",
]
YAML_BITS = ["%YAML 1.1", "---", "...", "&x", "*x", "<<: *x", "!!str", "? ", ": ", "- ", "#", "\t", "\x00", "\ufeff",
             "source: x", "to_verify: [a]", "extra_key: 1", "applicant: {}", "as_of: 2026-11-20"]

LINES = GOOD.splitlines()
SCALAR = re.compile(r"(:\s*)([^,{}\[\]\n]+?)(\s*[,}\]]|$)")


@st.composite
def mutated_profiles(draw) -> tuple[str, str]:
    """(class of mutation, profile text)."""
    kind = draw(st.sampled_from(["value", "value", "delete", "duplicate", "insert", "garble", "indent", "several"]))
    lines = list(LINES)
    steps = draw(st.integers(2, 5)) if kind == "several" else 1
    for _ in range(steps):
        k = draw(st.sampled_from(["value", "delete", "duplicate", "insert", "garble", "indent"])) \
            if kind == "several" else kind
        i = draw(st.integers(0, len(lines) - 1))
        if k == "value":
            spots = list(SCALAR.finditer(lines[i]))
            if spots:
                m = draw(st.sampled_from(spots))
                value = draw(st.sampled_from(HOSTILE_VALUES))
                lines[i] = lines[i][:m.start(2)] + value + lines[i][m.end(2):]
        elif k == "delete":
            del lines[i]
        elif k == "duplicate":
            lines.insert(i, lines[i])
        elif k == "insert":
            lines.insert(i, draw(st.sampled_from(YAML_BITS)) + draw(st.sampled_from(["", " 1", " [a]", " {b: 2}"])))
        elif k == "garble":
            line = lines[i]
            if line:
                j = draw(st.integers(0, len(line) - 1))
                lines[i] = line[:j] + draw(st.sampled_from(list(":{}[],&*!|>'\"-#%@`\x1b\x9b?"))) + line[j + 1:]
        elif k == "indent":
            lines[i] = draw(st.sampled_from(["", " ", "  ", "    ", "\t"])) + lines[i].lstrip()
        if not lines:
            lines = [""]
    return kind, "\n".join(lines) + "\n"


EXAMPLE_SECONDS = 20  # a hang is forever; a normal example takes tens of milliseconds


@seed(14)
@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(case=mutated_profiles())
def test_mutated_profiles_end_in_0_1_or_2(tmp_path: Path, case: tuple[str, str]) -> None:
    kind, text = case
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with fails_on_hang(f"({kind}):\n{text[:2000]}", EXAMPLE_SECONDS):
        result = CliRunner().invoke(app, ["score", str(path), "--format", "json"])
    assert result.exit_code in (0, 1, 2), (kind, result.exit_code, result.stderr[-500:], text[:2000])
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert 1 <= len(lines) <= 51, lines[:3]
        assert all(len(x) <= 460 for x in lines), max(len(x) for x in lines)
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.stderr.replace("\n", ""))
        assert "320102199203154514" not in result.stderr
