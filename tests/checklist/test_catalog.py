"""The materials catalog (checklists/materials.yaml) is complete and consistent, and its loader rejects bad data."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from matcheck.sources import ids_in
from matcheck.checklist.conditions import PREDICATES, parse_condition
from matcheck.checks.validity import VALIDITY_RULES
from matcheck.materials import CatalogError, catalog, catalog_path, lint_catalog, open_questions, parse_catalog
from matcheck.policy import load_parameters

RAW = yaml.safe_load(catalog_path().read_text(encoding="utf-8"))
MATERIALS = catalog()
IDS = list(MATERIALS)

# the ids the folder reader and the rules rely on (task brief; others may add)
CONTRACT_IDS = """employer_letter hr_officer_id residence_permit application_form id_card hukou_booklet hukou_certificate
labour_contract dispatch_agreement business_license xuexin_record degree_verification_report diploma
degree_certificate high_school_diploma graduate_registration_form transcript foreign_degree_certification
title_certificate skill_certificate vocational_qualification_certificate appointment_letter tax_record
social_insurance_record post_description award_certificate capital_verification_report business_archive
company_tax_record local_hires_proof marriage_certificate divorce_certificate birth_certificate one_child_certificate
school_enrolment_proof student_status_report personnel_file_accessible employer_registered_in_system
account_after_permit social_insurance_current_month""".split()


def test_ids_are_unique_in_the_file():
    counts = Counter(e["id"] for e in RAW["materials"])
    assert [i for i, n in counts.items() if n > 1] == []


def test_contract_ids_are_present():
    assert [i for i in CONTRACT_IDS if i not in MATERIALS] == []


@pytest.mark.parametrize("mid", IDS)
def test_entry_is_complete(mid):
    m = MATERIALS[mid]
    assert m.name_zh.strip() and m.name_en.strip() and m.where.strip() and m.original_or_copy.strip()
    assert m.whose in ("applicant", "spouse", "child", "employer", "hr_officer")
    assert m.source.strip() and ids_in(m.source), m.source  # a defined source id (matcheck policy lint checks it)
    assert m.confidence in ("A", "B", "C", "?")


@pytest.mark.parametrize("mid", [i for i in IDS if MATERIALS[i].kind == "document"])
def test_document_has_recognition_words(mid):
    r = MATERIALS[mid].recognise
    assert r is not None and r.keywords, f"{mid}: at least one recognition keyword"
    assert r.titles or MATERIALS[mid].document_of, f"{mid}: a title anchor (or document_of another type)"
    assert r.filenames, f"{mid}: at least one filename hint"


def test_priorities_are_unique_and_lint_is_clean():
    assert lint_catalog() == []


def test_every_condition_named_in_the_catalog_exists_and_every_predicate_is_used():
    used = {parse_condition(w)[1] for m in MATERIALS.values() for r in m.requires for w in r.when}
    assert used <= set(PREDICATES)
    assert set(PREDICATES) - used == set(), "a predicate nobody uses: drop it or use it"


def test_validity_rules_read_existing_parameters():
    params = load_parameters()
    for rule in VALIDITY_RULES.values():
        for name in rule.params:
            assert name in params, f"validity rule {rule.name} reads unknown parameter {name}"
    for m in MATERIALS.values():
        if m.validity and m.validity.rule:
            assert m.validity.rule in VALIDITY_RULES


def test_policy_parameters_used_by_conditions_exist():
    params = load_parameters()
    for name in ("materials.pledge_required", "materials.family_planning_proof_required",
                 "materials.online_registration_from", "materials.child_high_school_min_age",
                 "rules_profile.prior_education.requires", "rules_profile.prior_education.exempt_modes",
                 "rules_profile.prior_education.requires_if_upgrade_or_part_time"):
        assert name in params, name
    for name, p in params.items():
        if name.startswith("materials."):
            assert all(v.source and v.confidence in ("A", "B", "C", "?") for v in p.values), name


def test_alternatives_are_documents_of_the_catalog():
    for m in MATERIALS.values():
        for alt in m.alternatives:
            assert MATERIALS[alt].kind == "document"


def test_open_questions_have_sources():
    qs = open_questions()
    assert len(qs) >= 5 and all(q.zh and q.en and q.source for q in qs)


# --------------------------------------------------------------------------- the loader rejects bad data


def _one(**overrides):
    entry = {"id": "x_doc", "name_zh": "某材料", "name_en": "Some document", "whose": "applicant",
             "original_or_copy": "原件", "where": "某处", "source": "rules.md §3", "confidence": "B",
             "requires": [{"when": ["always"], "group": "基础材料", "reason": "测试"}],
             "recognise": {"titles": ["某材料"], "keywords": ["关键词"], "negative": [], "filenames": ["x"],
                           "priority": 5}}
    entry.update(overrides)
    return {"materials": [entry]}


def test_a_well_formed_entry_loads():
    assert parse_catalog(_one())["x_doc"].recognise.titles == ("某材料",)


@pytest.mark.parametrize("overrides, words", [
    ({"requires": [{"when": ["fact:no_such_thing"], "group": "基础材料", "reason": "r"}]}, "unknown condition"),
    ({"requires": [{"when": ["not:indicator:nope"], "group": "基础材料", "reason": "r"}]}, "unknown condition"),
    ({"requires": [{"when": ["edu:foreign"], "group": "指标材料", "reason": "r"}]}, "for_each: education"),
    ({"requires": [{"when": ["always"], "group": "杂项", "reason": "r"}]}, "group"),
    ({"requires": [{"when": ["always"], "group": "基础材料"}]}, "reason"),
    ({"requires": [{"when": ["always"], "group": "基础材料", "reason": "r", "person": "child"}]}, "for_each: child"),
    ({"source": ""}, "source"),
    ({"whose": "neighbour"}, "whose"),
    ({"confidence": "D"}, "confidence"),
    ({"colour": "red"}, "unknown key"),
    ({"alternatives": ["no_such_doc"]}, "not a material"),
    ({"validity": {"rule": "forever"}}, "unknown rule"),
    ({"recognise": None}, "recognise"),
    ({"recognise": {"titles": [], "keywords": [], "priority": 1}}, "at least one"),
    ({"recognise": {"titles": ["t"], "keywords": ["k"], "priority": "high"}}, "priority"),
    ({"id": "Bad-Id"}, "snake_case"),
])
def test_bad_entries_are_load_errors(overrides, words):
    with pytest.raises(CatalogError) as err:
        parse_catalog(_one(**overrides))
    assert words in str(err.value)
    assert all(line.startswith("materials.yaml: ") for line in err.value.lines)


def test_duplicate_ids_are_load_errors():
    data = _one()
    data["materials"].append(dict(data["materials"][0]))
    with pytest.raises(CatalogError, match="duplicate"):
        parse_catalog(data)


def test_unreadable_catalog_is_one_clear_error(tmp_path: Path):
    bad = tmp_path / "materials.yaml"
    bad.write_text("materials:\n  - id: x\n    where: a: b\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="cannot be read"):
        catalog(bad)


def test_docs_list_every_condition():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "materials.md").read_text(encoding="utf-8")
    missing = [name for name in PREDICATES if f"`{name}`" not in docs]
    assert missing == [], f"docs/materials.md does not list: {missing}"
