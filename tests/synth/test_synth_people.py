"""Synthetic identifiers pass their checksums and have the shapes documents.md gives (§2, §6, §8, §11, §12)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from matcheck.identity import is_valid_credit_code, is_valid_id_number, parse_id_number
from synth import people
from synth.documents.money import upper_amount
from synth.formats import Variant, chinese, cn_number, spaced_label, ymd_spaced


@pytest.mark.parametrize("seed", range(40))
def test_person_id_number_is_valid_and_matches_birth_and_sex(seed):
    p = people.make_person(seed)
    parsed = parse_id_number(p.id_number)
    assert parsed.birth_date == p.birth and parsed.sex == p.sex
    assert p.id_number[:6] == people.REGIONS[p.province][0]
    assert p.hukou_address.startswith(people.REGIONS[p.province][1])


def test_person_is_deterministic_and_seeds_differ():
    assert people.make_person("a") == people.make_person("a")
    assert len({people.make_person(i).id_number for i in range(50)}) == 50


def _gb11714_ok(code9: str) -> bool:
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(code9[:8], weights))
    c = 11 - total % 11
    return code9[8] == ("X" if c == 10 else "0" if c == 11 else str(c))


@pytest.mark.parametrize("serial", [0, 1, 2, 35, 99999999])
def test_credit_codes_pass_gb32100_and_the_nested_gb11714_check(serial):
    code = people.credit_code("310115", serial)
    assert is_valid_credit_code(code)
    assert _gb11714_ok(code[8:17])
    assert code.startswith("91310115") and code[8:16] == f"{serial:08d}"  # visibly fake organisation code


def test_the_all_zero_code_of_documents_md():
    assert people.credit_code("310000", 0) == "91310000000000000U"


def test_identifier_shapes():
    assert re.fullmatch(r"^\d{5}[1567]\d{4}0[12456]\d{6}$", people.diploma_number("99991", 1, 2014, "本科", 12))
    assert re.fullmatch(r"^[ZT]?\d{5}[234]\d{4}\d{6}$", people.degree_number("99991", "学士", 2014, 12))
    assert people.degree_number("99999", "学士", 2018, 123) == "9999942018000123"  # documents.md §2.2 example
    skill = people.skill_certificate_number(2024, 3, 1)
    assert re.fullmatch(r"^[YS]\d{4}\d{2}\d{6}\d{2}[1-5]\d{6}$", skill) and skill[15] == "3" and skill[13:15] == "24"
    assert re.fullmatch(r"^(B?J)\d{6}-\d{4}-\d{5,6}$", people.marriage_certificate_number("310104", 2018, 1234))
    assert len(people.self_study_diploma_number("340104", 2017, 5)) == 17


def test_id_numbers_for_sex_and_serial():
    for serial in range(0, 500, 37):
        for sex in ("男", "女"):
            v = people.id_number("310115", date(1990, 3, 7), sex, serial)
            assert is_valid_id_number(v) and parse_id_number(v).sex == sex


def test_date_and_amount_spellings():
    assert chinese(date(2018, 6, 30)) == "二〇一八年六月三十日"
    assert chinese(date(2014, 7, 1)) == "二〇一四年七月一日"
    assert [cn_number(n) for n in (1, 10, 11, 20, 21, 31)] == ["一", "十", "十一", "二十", "二十一", "三十一"]
    assert ymd_spaced(date(1990, 3, 7)) == "1990年 3 月 7 日"
    assert spaced_label("姓名") == "姓　　名" and spaced_label("出生日期") == "出生日期"
    assert upper_amount(1234.56) == "壹仟贰佰叁拾肆元伍角陆分"
    assert upper_amount(1005) == "壹仟零伍元整"
    assert upper_amount(20000.5) == "贰万元伍角"


def test_variants_mix_spellings_across_documents():
    spellings = {Variant(i).date(date(2014, 7, 1)) for i in range(30)}
    assert spellings == {"2014年07月01日", "2014年7月1日", "2014.7.1"}
    assert {Variant(i).brackets("毕（结）业") for i in range(30)} == {"毕（结）业", "毕(结)业"}


def test_random_applicants_hold_a_permit_valid_on_as_of():
    """The population is for benchmarks and batch tests: its people are ordinary applicants, not expired ones."""
    from matcheck.profile import parse_profile
    from synth.population import random_profile

    for seed in range(60):
        profile = parse_profile(random_profile(seed), source=f"seed {seed}")
        permit = profile.applicant.residence_permit
        assert permit.issued < profile.as_of <= permit.expires, (seed, permit)
