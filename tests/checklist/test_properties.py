"""Properties of build_checklist over many generated profiles (hypothesis): it never fails, the base materials are
always there, lines are unique, and a fact marked 待核实 never removes a line that the confirmed fact would bring."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from matcheck.assessment import assess
from matcheck.checklist.build import build_checklist
from matcheck.profile import parse_profile

BASE: dict[str, Any] = yaml.safe_load((Path(__file__).parent / "base_profile.yaml").read_text(encoding="utf-8"))
ALWAYS = {"application_form", "employer_letter", "hr_officer_id", "residence_permit", "id_card", "labour_contract",
          "business_license", "tax_record", "employer_registered_in_system", "social_insurance_current_month"}
CHILD_IDS = ["310115201906011237", "31011520090315123X", "310115201001011232", "310115201012011238", None]

education = st.fixed_dictionaries({
    "level": st.sampled_from(["高中", "中专", "大专", "本科", "硕士", "博士", "待核实"]),
    "degree": st.sampled_from(["学士", "硕士", "博士", "none", "待核实"]),
    "mode": st.sampled_from(["全日制", "自考", "成人", "网络", "国外", "待核实"]),
    "upgrade": st.booleans(),
    "start": st.sampled_from(["1996-09", "2010-09", "2014-03"]),
    "end": st.sampled_from(["2000-06", "2014-06", "2016-12"]),
}).filter(lambda e: e["start"] < e["end"])
qualification = st.fixed_dictionaries({
    "kind": st.sampled_from(["职称", "技能", "职业资格", "待核实"]),
    "level": st.sampled_from(["中级", "高级", "三级", "四级"]),
    "obtained_in_shanghai": st.sampled_from([True, False, "待核实"]),
})
spouse = st.one_of(st.none(), st.fixed_dictionaries({
    "name": st.just("王芳"),
    "shanghai_hukou": st.sampled_from([True, False, "待核实"]),
    "foreign": st.booleans(),
    "lives_with_applicant": st.booleans(),
    "enjoys_benefits": st.sampled_from([True, False, None]),
}))
child = st.fixed_dictionaries({
    "name": st.just("李小明"),
    "id_number": st.sampled_from(CHILD_IDS),
    "in_fulltime_high_school": st.sampled_from([True, False, None, "待核实"]),
    "enjoys_benefits": st.booleans(),
})
fragment = st.fixed_dictionaries({
    "education": st.lists(education, max_size=3),
    "qualifications": st.lists(qualification, max_size=2),
    "spouse": spouse,
    "children": st.lists(child, max_size=2),
    "contract": st.fixed_dictionaries({"start": st.just("2022-07-01"), "end": st.just("2027-06-30"),
                                       "dispatched": st.sampled_from([True, False, "待核实"])}),
    "bonus": st.fixed_dictionaries({
        "entrepreneur": st.sampled_from([True, False, "待核实"]),
        "investment": st.one_of(st.none(), st.fixed_dictionaries({"route": st.sampled_from(["tax", "employment"]),
                                                                   "share": st.just(0.5)})),
    }),
})


def _build(data: dict[str, Any]):
    profile = parse_profile({**BASE, **{k: v for k, v in data.items() if v is not None}}, source="generated")
    return build_checklist(assess(profile))


def _keys(checklist) -> set[tuple[Any, ...]]:
    return {(i.material, i.person, i.person_index, i.subject) for i in checklist.items}


@settings(max_examples=150, deadline=None)
@given(fragment)
def test_any_profile_gives_a_sound_checklist(data):
    checklist = _build(data)
    keys = [(i.material, i.person, i.person_index, i.subject) for i in checklist.items]
    assert len(keys) == len(set(keys))
    assert ALWAYS <= {i.material for i in checklist.items if not i.conditional}
    for item in checklist.items:
        assert item.reasons and item.where and item.name_zh
        assert item.conditional == bool(item.pending)
        if item.person == "child":
            assert item.person_index is not None and item.subject == f"children[{item.person_index}]"
    if data["spouse"] is None:
        assert not any(i.person == "spouse" for i in checklist.items)


@settings(max_examples=100, deadline=None)
@given(fragment, st.sampled_from(["dispatched", "entrepreneur", "spouse_hukou"]))
def test_to_verify_keeps_every_line_the_confirmed_fact_brings(data, which):
    """待核实 means "may be true": the lines of the 'true' profile are all still there (some as conditional)."""
    if which == "spouse_hukou" and data["spouse"] is None:
        data = {**data, "spouse": {"name": "王芳"}}
    true, unknown = dict(data), dict(data)
    if which == "dispatched":
        true["contract"] = {**data["contract"], "dispatched": True}
        unknown["contract"] = {**data["contract"], "dispatched": "待核实"}
    elif which == "entrepreneur":
        true["bonus"] = {**data["bonus"], "entrepreneur": True}
        unknown["bonus"] = {**data["bonus"], "entrepreneur": "待核实"}
    else:
        true["spouse"] = {**data["spouse"], "shanghai_hukou": True}
        unknown["spouse"] = {**data["spouse"], "shanghai_hukou": "待核实"}
    assert _keys(_build(true)) <= _keys(_build(unknown))
