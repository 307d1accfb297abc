"""Golden applicants (OpenFisca/sqlfluff style): every case in ``golden/*.yaml`` is scored and compared.

Each file has a ``base`` profile and named ``cases``; a case's ``profile`` is deep-merged over the base (mappings
merge, lists replace). ``expected`` holds the total and the points of the indicators named (the others are not
checked), and optionally ``provisional``, ``vetoed``, ``counted: {id: bool}``, ``observations: [rule, ...]``,
``reaches_on`` (the road to 120). Expected numbers are worked by hand in the YAML comments, never copied from
the code's output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from matcheck.assessment import assess
from matcheck.profile import parse_profile
from matcheck.scoring import score
from tests.cases import deep_merge

GOLDEN = Path(__file__).parent / "golden"


def load_cases() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    cases = []
    for path in sorted(GOLDEN.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        base = data.get("base") or {}
        for name, case in data["cases"].items():
            cases.append((f"{path.stem}::{name}", deep_merge(base, case.get("profile") or {}), case))
    return cases


CASES = load_cases()


def test_enough_golden_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case_id,facts,case", CASES, ids=[c[0] for c in CASES])
def test_golden(case_id: str, facts: dict[str, Any], case: dict[str, Any]) -> None:
    profile = parse_profile(facts, source=case_id)
    result = score(assess(profile, case["as_of"], str(case.get("policy", "auto"))))
    expected = case["expected"]
    got = {i.id: i.points for i in result.indicators}
    detail = "\n".join(f"  {i.id}: {i.points} counted={i.counted} {i.reason}" for i in result.indicators)
    for ind_id, points in (expected.get("indicators") or {}).items():
        assert got[ind_id] == points, f"{case_id}: {ind_id} = {got[ind_id]}, expected {points}\n{detail}"
    assert result.total == expected["total"], f"{case_id}: total {result.total}, expected {expected['total']}\n{detail}"
    if "provisional" in expected:
        assert result.provisional == expected["provisional"], detail
    if "vetoed" in expected:
        assert result.vetoed == expected["vetoed"]
    for ind_id, counted in (expected.get("counted") or {}).items():
        assert result.indicator(ind_id).counted == counted, f"{case_id}: {ind_id} counted\n{detail}"
    rules = {o.rule for o in result.observations}
    for rule in expected.get("observations") or ():
        assert rule in rules, f"{case_id}: no {rule} observation in {sorted(rules)}"
    if "reaches_on" in expected:
        assert result.road is not None and result.road.reaches_on == expected["reaches_on"], result.road
    assert result.reaches_standard == (result.total >= result.standard and not result.vetoed)
