"""The per-rule YAML cases (sqlfluff style): one parametrised test runs every case of every rule.

``tests/rules/cases/<rule-name>.yaml``::

    rule: overlapping-study
    cases:
      - name: 本科 starts after 大专 ends — passes
        as_of: 2026-11-20            # optional; else the base profile's
        profile: {...}               # deep-merged onto base_profile.yaml (mappings merge, lists replace)
        documents: [...]             # optional: Document facts {path, material, person, person_name, fields,
                                     #   observations: [{rule, args, subject}]}; the folder rules then run too
        config: {severity: {overlapping-study: error}, disabled: [...]}   # optional RuleConfig
        expect: []                   # or [{severity, subject, code, files, message_contains, hint_contains}, ...]

Each case runs the REAL scorer and checklist (``matcheck.pipeline``) and, with documents, the REAL material
statuses (``matcheck.gaps``), then ``run_rules``; only the findings of the case's rule are compared. Expected items
match findings by subset (each key optional), one finding each, and the counts must be equal. Every finding must
also render without a left-over ``{placeholder}`` in Chinese and in English.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from matcheck.dates import Month
from matcheck.profile import parse_profile
from matcheck.results import Document, Finding, Observation
from matcheck.rules import Facts, RuleConfig, run_rules
from tests.cases import deep_merge

HERE = Path(__file__).parent
CASES_DIR = HERE / "cases"
BASE_PROFILE = yaml.safe_load((HERE / "base_profile.yaml").read_text(encoding="utf-8"))
MONTH_FIELDS = frozenset({"tax_months", "si_months", "si_backpaid_months"})
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
MATCH_KEYS = frozenset({"severity", "subject", "code", "files", "message_contains", "hint_contains"})


def load_case_files() -> dict[str, dict]:
    out = {}
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[path.stem] = data
    return out


CASE_FILES = load_case_files()


def _params():
    for stem, data in CASE_FILES.items():
        for case in data.get("cases") or ():
            yield pytest.param(data["rule"], case, id=f"{stem}: {case['name']}")


def _month_list(values: Any) -> list[Month]:
    return [v if isinstance(v, Month) else Month.parse(str(v)) for v in values or ()]


def build_documents(raw: list[dict]) -> tuple[Document, ...]:
    docs = []
    for item in raw:
        fields = dict(item.get("fields") or {})
        for key in MONTH_FIELDS & set(fields):
            fields[key] = _month_list(fields[key])
        observations = tuple(Observation(o["rule"], o.get("args") or {}, tuple(o.get("files") or ()), o.get("subject"))
                             for o in item.get("observations") or ())
        docs.append(Document(
            path=item["path"], sha256=item.get("sha256", "0" * 64), size=item.get("size", 1000),
            file_type=item.get("file_type", "pdf"), material=item.get("material"),
            confidence=item.get("confidence", 1.0), person=item.get("person"), person_name=item.get("person_name"),
            fields=fields, ocr=item.get("ocr", False), observations=observations,
        ))
    return tuple(docs)


def run_case(case: dict, lang: str = "zh") -> tuple[Finding, ...]:
    from matcheck.pipeline import assess, build_checklist, score

    data = deep_merge(BASE_PROFILE, case.get("profile") or {})
    if case.get("as_of"):
        data["as_of"] = case["as_of"]
    profile = parse_profile(data, source=f"case {case['name']!r}")
    assessment = assess(profile)
    score = score(assessment)
    checklist = build_checklist(assessment)
    raw_config = case.get("config") or {}
    config = RuleConfig(severity=raw_config.get("severity") or {},
                        disabled=frozenset(raw_config.get("disabled") or ()), lang=lang)
    if "documents" in case:
        from matcheck.gaps import material_statuses

        documents = build_documents(case["documents"] or [])
        required = material_statuses(checklist, documents, assessment)
        facts = Facts(assessment=assessment, score=score, checklist=checklist, documents=documents,
                      required=required, config=config)
        return run_rules(facts)
    facts = Facts(assessment=assessment, score=score, checklist=checklist, config=config)
    return run_rules(facts, needs={"profile"})


def _matches(finding: Finding, expected: dict) -> bool:
    for key, want in expected.items():
        if key == "message_contains":
            if any(str(w) not in finding.message for w in (want if isinstance(want, list) else [want])):
                return False
        elif key == "hint_contains":
            if str(want) not in finding.hint:
                return False
        elif key == "files":
            if tuple(want) != finding.files:
                return False
        elif getattr(finding, key) != want:
            return False
    return True


def _show(findings: list[Finding]) -> str:
    return "\n".join(f"  {f.severity} {f.code} {f.subject} {f.files}: {f.message}" for f in findings) or "  (none)"


@pytest.mark.parametrize("rule, case", list(_params()))
def test_rule_case(rule: str, case: dict) -> None:
    expected = case.get("expect") or []
    for item in expected:
        unknown = set(item) - MATCH_KEYS
        assert not unknown, f"unknown expect keys {sorted(unknown)}; use {sorted(MATCH_KEYS)}"
    found = [f for f in run_case(case) if f.rule == rule]
    unmatched = list(found)
    for item in expected:
        hit = next((f for f in unmatched if _matches(f, item)), None)
        assert hit is not None, f"expected {item} among the {rule} findings:\n{_show(found)}"
        unmatched.remove(hit)
    assert not unmatched, f"unexpected {rule} findings:\n{_show(unmatched)}"
    for f in found:
        assert not PLACEHOLDER.search(f.message) and not PLACEHOLDER.search(f.hint), f"unfilled: {f}"
    if found:
        english = [f for f in run_case(case, lang="en") if f.rule == rule]
        assert len(english) == len(found)
        for f in english:
            assert not PLACEHOLDER.search(f.message) and not PLACEHOLDER.search(f.hint), f"unfilled (en): {f}"
