"""Property tests (hypothesis): the total is the sum of the counted indicators (deductions negative), floored at
0 and 0 under a veto; it is never negative; it never falls when a qualifying 社保 month is added."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matcheck.dates import Month
from matcheck.identity import id_check_char
from matcheck.assessment import assess
from matcheck.profile import parse_profile
from matcheck.scoring import make_context, score_context

UNIT = "上海示例信息科技有限公司"
OTHER = "上海另一家公司"


def id_number(birth: date) -> str:
    first = f"320102{birth:%Y%m%d}451"
    return first + id_check_char(first)


@st.composite
def periods(draw, as_of: date):
    """Non-overlapping 社保 periods before the as_of month, with mixed bases, units and 补缴."""
    last = Month.of(as_of) - 1
    cursor = last - draw(st.integers(0, 150))
    out = []
    for _ in range(draw(st.integers(0, 4))):
        length = draw(st.integers(1, 40))
        end = min(cursor + (length - 1), last)
        if end < cursor:
            break
        p = {"from": str(cursor), "to": str(end), "unit": draw(st.sampled_from([UNIT, UNIT, OTHER])),
             "base_multiple": draw(st.sampled_from([None, 0.5, 0.79, 0.8, 1.0, 1.5, 2.0, 2.9, 3.0])),
             "backpaid": draw(st.booleans()) and draw(st.booleans())}
        out.append({k: v for k, v in p.items() if v is not None})
        cursor = end + 1 + draw(st.integers(0, 6))
        if cursor > last:
            break
    return out


@st.composite
def profiles(draw):
    as_of = draw(st.dates(date(2014, 1, 1), date(2029, 12, 31)))
    birth = draw(st.dates(date(1960, 1, 1), date(1999, 12, 31)))  # born before every date drawn below (a
    # profile with a fact before the birth is refused before scoring: matcheck/profile/plausible.py)
    level = draw(st.sampled_from([None, "高中", "大专", "本科", "硕士", "博士"]))
    data = {
        "applicant": {"id_number": id_number(birth)},
        "employer": {"name": UNIT},
        "contract": {"start": str(draw(st.dates(date(2008, 1, 1), as_of))), "open_ended": True},
        "social_insurance": draw(periods(as_of)),
    }
    if level:
        data["education"] = [{"level": level, "degree": draw(st.sampled_from(["none", "学士", "硕士", "博士"])),
                              "mode": draw(st.sampled_from(["全日制", "自考"])), "start": "2005-09", "end": "2009-06",
                              "shortage_major": draw(st.booleans())}]
    if draw(st.booleans()):
        data["qualifications"] = [{"kind": draw(st.sampled_from(["职称", "技能"])),
                                   "level": draw(st.sampled_from(["初级", "中级", "高级", "五级", "三级", "一级"]))}]
        if data["qualifications"][0]["kind"] == "技能" and data["qualifications"][0]["level"] in ("初级", "中级", "高级"):
            data["qualifications"][0]["level"] = "四级"
        if data["qualifications"][0]["kind"] == "职称" and data["qualifications"][0]["level"] in ("五级", "三级", "一级"):
            data["qualifications"][0]["level"] = "中级"
    if draw(st.booleans()):
        data["spouse"] = {"shanghai_hukou": True,
                          "married": str(draw(st.dates(max(date(2000, 1, 1), birth), as_of)))}
    data["records"] = {
        "false_materials": [str(d) for d in draw(st.lists(st.dates(date(2010, 1, 1), as_of), max_size=1))],
        "detentions": [str(d) for d in draw(st.lists(st.dates(date(2010, 1, 1), as_of), max_size=2))],
        "serious_criminal": draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans()),
    }
    data["bonus"] = {"awards": draw(st.lists(st.fixed_dictionaries({"level": st.sampled_from(["市级专项", "省部级"])}),
                                             max_size=2))}
    return as_of, data


def _score(as_of: date, data: dict, policy: str = "auto"):
    profile = parse_profile(data, source="hypothesis")
    s, _ = score_context(make_context(assess(profile, as_of, policy)), with_observations=False)
    return s


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(profiles(), st.sampled_from(["auto", "2013", "2018", "2023"]))
def test_total_is_sum_of_counted_less_deductions_and_never_negative(case, policy):
    as_of, data = case
    s = _score(as_of, data, policy)
    counted = sum(i.points for i in s.indicators if i.counted)
    assert s.total >= 0
    if s.vetoed:
        assert s.total == 0 and not s.reaches_standard
    else:
        assert s.total == max(0, counted)
        assert s.reaches_standard == (s.total >= s.standard)
    # the lower of education and qualification is never counted together with the higher
    edu, qual = s.indicator("education"), s.indicator("qualification")
    assert not (edu.counted and qual.counted)


@SETTINGS
@given(profiles(), st.data())
def test_adding_a_qualifying_month_never_lowers_the_total(case, data):
    as_of, facts = case
    last = Month.of(as_of) - 1
    covered = set()
    for p in facts["social_insurance"]:
        m = Month.parse(p["from"])
        while m <= Month.parse(p["to"]):
            covered.add(m)
            m = m + 1
    free = [last - k for k in range(0, 60) if (last - k) not in covered]
    if not free:
        return
    month = data.draw(st.sampled_from(free))
    multiple = data.draw(st.sampled_from([0.5, 0.8, 1.0, 2.0, 3.0]))
    before = _score(as_of, facts)
    added = dict(facts, social_insurance=facts["social_insurance"] + [
        {"from": str(month), "to": str(month), "unit": UNIT, "base_multiple": multiple}])
    after = _score(as_of, added)
    assert after.total >= before.total, (month, multiple, before.total, after.total)
    assert (after.indicator("social_insurance_years").points
            >= before.indicator("social_insurance_years").points)
