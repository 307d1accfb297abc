"""The rule registry: every rule is complete (constants, messages, documentation) and has pass and fail cases."""

from __future__ import annotations

import inspect
import re

import pytest

from matcheck.sources import forbidden_mentions, ids_in

from matcheck.results import SEVERITIES
from matcheck.rules import RULES, RULES_BY_CODE, get_rule
from matcheck.rules.registry_folder import FOLDER_RULES
from matcheck.rules.registry_profile import PROFILE_RULES
from tests.rules.test_rule_cases import CASE_FILES

# contracts.md §4 names, with the codes fixed in the rules task (task_rules_common.md).
CONTRACT_CODES = {
    "missing-material": "MC101", "material-expired": "MC102", "material-incomplete": "MC103",
    "unreadable-file": "MC201", "low-quality-image": "MC202", "unrecognised-file": "MC203",
    "identity-mismatch": "MC301", "unit-mismatch": "MC302", "tax-months-incomplete": "MC303",
    "prior-education-missing": "MC401", "overlapping-study": "MC402", "study-location-mismatch": "MC403",
    "foreign-degree-uncertified": "MC404", "not-eligible": "MC501", "permit-expired": "MC502",
    "permit-too-recent": "MC503", "contract-too-short": "MC504", "qualification-base-too-low": "MC601",
    "shortage-major-ineligible": "MC602", "fact-to-verify": "MC901",
}
# Added beyond contracts.md §4 (allowed: "add to them freely"): observations the scorer makes.
ADDED_CODES = {"qualification-not-counted": "MC603", "fresh-graduate-ineligible": "MC604"}
CODES = {**CONTRACT_CODES, **ADDED_CODES}
SECTIONS = ("**What it checks.**", "**Why it matters.**", "**Example.**", "**How to fix.**")
MODULES = sorted(RULES.values(), key=lambda m: m.CODE)
IDS = [m.NAME for m in MODULES]


def test_every_contract_rule_is_registered_once():
    assert sorted(RULES) == sorted(CODES), (
        f"missing: {sorted(set(CODES) - set(RULES))}; unknown: {sorted(set(RULES) - set(CODES))}")
    modules = [m.__name__ for m in PROFILE_RULES + FOLDER_RULES]
    assert len(modules) == len(set(modules)), "a rule is registered twice"


def test_profile_registry_holds_the_profile_rules():
    assert {m.NAME for m in PROFILE_RULES} == {
        "prior-education-missing", "overlapping-study", "study-location-mismatch", "foreign-degree-uncertified",
        "not-eligible", "permit-expired", "permit-too-recent", "contract-too-short", "qualification-base-too-low",
        "shortage-major-ineligible", "qualification-not-counted", "fresh-graduate-ineligible"}


def test_codes_are_the_fixed_ones_and_unique():
    assert len(RULES_BY_CODE) == len(RULES)
    for m in MODULES:
        assert m.CODE == CODES.get(m.NAME), f"{m.NAME}: code {m.CODE}"
        assert get_rule(m.CODE) is m and get_rule(m.NAME) is m and get_rule(m.CODE.lower()) is m


@pytest.mark.parametrize("module", MODULES, ids=IDS)
def test_rule_module_is_complete(module):
    assert module.NAME == module.__name__.rsplit(".", 1)[-1].replace("_", "-")
    assert module.SEVERITY in SEVERITIES
    # the reference names the document (or matcheck's documented decision) a user can look up, not a private note
    assert isinstance(module.REFERENCE, str) and (ids_in(module.REFERENCE) or "docs/" in module.REFERENCE)
    assert not forbidden_mentions(module.REFERENCE + (module.__doc__ or ""))
    assert set(module.NEEDS) <= {"profile", "documents"} and module.NEEDS
    for template in ("MESSAGE", "HINT"):
        texts = getattr(module, template)
        assert texts.get("zh") and texts.get("en"), f"{module.NAME}.{template} needs zh and en"
        assert re.search(r"[\u4e00-\u9fff]", texts["zh"]), f"{module.NAME}.{template}['zh'] is not Chinese"
    assert callable(module.check) and inspect.isgeneratorfunction(module.check)


@pytest.mark.parametrize("module", MODULES, ids=IDS)
def test_rule_documentation_has_every_section(module):
    doc = inspect.getdoc(module) or ""
    first = doc.splitlines()[0] if doc else ""
    assert first.startswith(f"{module.NAME}: ") and len(first) > len(module.NAME) + 10, first
    for section in SECTIONS:
        assert section in doc, f"{module.NAME}: docstring lacks {section}"


@pytest.mark.parametrize("module", MODULES, ids=IDS)
def test_rule_has_pass_and_fail_cases(module):
    data = CASE_FILES.get(module.NAME)
    assert data is not None, f"tests/rules/cases/{module.NAME}.yaml is missing"
    assert data["rule"] == module.NAME
    cases = data.get("cases") or []
    assert any(not c.get("expect") for c in cases), f"{module.NAME}: no passing case"
    assert any(c.get("expect") for c in cases), f"{module.NAME}: no failing case"
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), f"{module.NAME}: case names repeat"


# Every observation a stage emits names a registered rule: tests/unit/test_observations.py (rule_names constants).
