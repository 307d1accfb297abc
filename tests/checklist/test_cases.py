"""The checklist cases (sqlfluff style): each YAML case is a profile fragment and the lines expected on, and not
on, its materials checklist. One parametrised runner for every file in ``cases/``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from matcheck.assessment import assess
from matcheck.checklist.build import build_checklist
from matcheck.profile import parse_profile
from matcheck.results import RequiredMaterial
from tests.cases import deep_merge

HERE = Path(__file__).parent
BASE: dict[str, Any] = yaml.safe_load((HERE / "base_profile.yaml").read_text(encoding="utf-8"))
ATTRIBUTES = {"material", "person", "person_index", "subject", "group", "conditional", "optional", "kind"}


def _cases() -> list[Any]:
    out = []
    for path in sorted((HERE / "cases").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            out.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return out


CASES = _cases()


def checklist_for_case(case: dict[str, Any]):
    data = deep_merge(BASE, case.get("profile") or {})  # as the rule cases and golden applicants do
    profile = parse_profile(data, source=f"case {case['name']!r}")
    as_of = case.get("as_of") or profile.as_of
    assert isinstance(as_of, date)
    return build_checklist(assess(profile, as_of, "auto"))


def _matches(item: RequiredMaterial, pattern: dict[str, Any]) -> bool:
    return all(getattr(item, k) == v for k, v in pattern.items())


def _show(items) -> str:
    return "\n".join(f"  {i.material} person={i.person}[{i.person_index}] subject={i.subject} group={i.group} "
                     f"conditional={i.conditional} optional={i.optional}" for i in items)


@pytest.mark.parametrize("case", CASES)
def test_case(case):
    for pattern in (case.get("present") or []) + (case.get("absent") or []):
        assert set(pattern) <= ATTRIBUTES, f"unknown attribute in {pattern}"
    checklist = checklist_for_case(case)
    for pattern in case.get("present") or []:
        assert any(_matches(i, pattern) for i in checklist.items), (
            f"expected a line matching {pattern}; the checklist has:\n{_show(checklist.items)}")
    for pattern in case.get("absent") or []:
        hits = [i for i in checklist.items if _matches(i, pattern)]
        assert not hits, f"expected no line matching {pattern}; found:\n{_show(hits)}"


def test_every_condition_has_a_case():
    """Every predicate of the condition table is exercised by at least one case that expects a line from it."""
    from matcheck.checklist.conditions import PREDICATES, parse_condition
    from matcheck.materials import catalog

    expected = set()
    for case in CASES:
        expected.update(p["material"] for p in case.values[0].get("present") or [] if "material" in p)
    uncovered = set()
    for name in PREDICATES:
        users = {m.id for m in catalog().values() for r in m.requires
                 if name in {parse_condition(w)[1] for w in r.when}}
        if users and not users & expected:
            uncovered.add(f"{name} (used by {sorted(users)})")
    assert not uncovered, f"conditions with no case expecting their materials: {sorted(uncovered)}"


def test_lines_are_unique_and_ordered_by_group():
    from matcheck.materials import GROUPS

    case = {"name": "full", "profile": yaml.safe_load((HERE / "cases" / "children.yaml").read_text(
        encoding="utf-8"))[0]["profile"]}
    items = checklist_for_case(case).items
    keys = [(i.material, i.person, i.person_index, i.subject) for i in items]
    assert len(keys) == len(set(keys))
    assert [GROUPS.index(i.group) for i in items] == sorted(GROUPS.index(i.group) for i in items)
    assert all(i.reasons and all(r.strip() for r in i.reasons) and i.where for i in items)
