"""Golden applicants (OpenFisca/sqlfluff style): every case in ``golden/*.yaml`` is scored and compared.

The one case dialect (``tests/cases.py``): each file has a ``base`` profile and named ``cases``; a case's ``profile``
is deep-merged over the base (mappings merge, lists replace) and scored on its ``as_of`` under its ``policy``.
``expect`` holds the total and the points of the indicators named (the others are not
checked), and optionally ``provisional``, ``vetoed``, ``counted: {id: bool}``, ``observations: [rule, ...]``,
``reaches_on`` (the road to 120). Expected numbers are worked by hand in the YAML comments, never copied from
the code's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from matcheck.scoring import score
from tests.cases import Case, load_cases

GOLDEN = Path(__file__).parent / "golden"
CASES = load_cases(GOLDEN)


def test_enough_golden_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_golden(case: Case) -> None:
    assert case.as_of and case.policy, f"{case.id}: a golden case names its as_of and policy"
    case_id = case.id
    result = score(case.assessment())
    expected = case.expect
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
