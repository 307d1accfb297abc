"""The checklist cases (sqlfluff style): each YAML case (the one case dialect, ``tests/cases.py``) is a profile
patch over ``base_profile.yaml`` and the lines expected on, and not on, its materials checklist
(``expect: {present: [...], absent: [...]}``). One parametrised runner for every file in ``cases/``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from matcheck.checklist.build import build_checklist
from matcheck.results import RequiredMaterial
from tests.cases import Case, load_cases

HERE = Path(__file__).parent
ATTRIBUTES = {"material", "person", "person_index", "subject", "group", "conditional", "optional", "kind"}
EXPECT_KEYS = {"present", "absent"}
CASES = load_cases(HERE / "cases")


def checklist_for_case(case: Case):
    return build_checklist(case.assessment())


def _matches(item: RequiredMaterial, pattern: dict[str, Any]) -> bool:
    return all(getattr(item, k) == v for k, v in pattern.items())


def _show(items) -> str:
    return "\n".join(f"  {i.material} person={i.person}[{i.person_index}] subject={i.subject} group={i.group} "
                     f"conditional={i.conditional} optional={i.optional}" for i in items)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case):
    expect: dict[str, Any] = case.expect or {}
    assert set(expect) <= EXPECT_KEYS, f"unknown expect keys {sorted(set(expect) - EXPECT_KEYS)}"
    for pattern in (expect.get("present") or []) + (expect.get("absent") or []):
        assert set(pattern) <= ATTRIBUTES, f"unknown attribute in {pattern}"
    checklist = checklist_for_case(case)
    for pattern in expect.get("present") or []:
        assert any(_matches(i, pattern) for i in checklist.items), (
            f"expected a line matching {pattern}; the checklist has:\n{_show(checklist.items)}")
    for pattern in expect.get("absent") or []:
        hits = [i for i in checklist.items if _matches(i, pattern)]
        assert not hits, f"expected no line matching {pattern}; found:\n{_show(hits)}"


def test_every_condition_has_a_case():
    """Every predicate of the condition table is exercised by at least one case that expects a line from it."""
    from matcheck.checklist.conditions import PREDICATES, parse_condition
    from matcheck.materials import catalog

    expected = set()
    for case in CASES:
        expected.update(p["material"] for p in (case.expect or {}).get("present") or [] if "material" in p)
    uncovered = set()
    for name in PREDICATES:
        users = {m.id for m in catalog().values() for r in m.requires
                 if name in {parse_condition(w)[1] for w in r.when}}
        if users and not users & expected:
            uncovered.add(f"{name} (used by {sorted(users)})")
    assert not uncovered, f"conditions with no case expecting their materials: {sorted(uncovered)}"


def test_lines_are_unique_and_ordered_by_group():
    from matcheck.materials import GROUPS

    case = next(c for c in CASES if c.file.stem == "children")  # the first: a spouse and a child
    items = checklist_for_case(case).items
    keys = [(i.material, i.person, i.person_index, i.subject) for i in items]
    assert len(keys) == len(set(keys))
    assert [GROUPS.index(i.group) for i in items] == sorted(GROUPS.index(i.group) for i in items)
    assert all(i.reasons and all(r.strip() for r in i.reasons) and i.where for i in items)
