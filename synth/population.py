"""Many different plausible applicants (合成申请人群体) from a seed, for batch tests and benchmarks.

``random_profile(seed, as_of)`` gives a profile dict (contracts.md §1) of a clean, eligible-looking applicant: a
person born 1982–2000 with a hukou outside Shanghai, 大专/本科/硕士 (full-time, with the 高中 before it), a
Shanghai employer with a GB 32100-valid fake credit code, a contract covering ``as_of``, 社保 at 0.8–2.2× for
1–8 years, the 个税 unit equal to the employer, and sometimes a Shanghai-hukou spouse. Whether the score reaches
120 varies with the draw, as in a real intake.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from matcheck.dates import Month
from synth import people

EMPLOYERS = (("上海示例信息科技有限公司", "浦东新区"), ("上海示例智能制造有限公司", "闵行区"),
             ("上海示例生物医药有限公司", "浦东新区"), ("上海示例贸易有限公司", "静安区"),
             ("上海示例咨询管理有限公司", "徐汇区"), ("上海示例物流有限公司", "杨浦区"))
SCHOOLS = {"江苏": "南京示例大学", "安徽": "合肥示例大学", "河南": "郑州示例大学", "湖北": "武汉示例大学",
           "山东": "济南示例大学", "浙江": "杭州示例大学", "四川": "成都示例大学", "江西": "南昌示例大学",
           "湖南": "长沙示例大学"}
MAJORS = (("计算机科学与技术", "080901"), ("软件工程", "080902"), ("会计学", "120203K"), ("机械工程", "080201"),
          ("市场营销", "120202"), ("英语", "050201"))


def random_profile(seed: int | str, as_of: date = date(2026, 11, 20)) -> dict:
    rng = random.Random(f"population:{seed}")
    province = rng.choice(sorted(SCHOOLS))
    person = people.make_person(f"pop:{seed}", province=province,
                                birth=date(rng.randint(1982, 2000), rng.randint(1, 12), rng.randint(1, 28)))
    index = sum(map(ord, str(seed))) * 7 + rng.randint(0, 10**6)
    employer, district = rng.choice(EMPLOYERS)
    credit = people.credit_code(people.SHANGHAI_DISTRICTS[district], index % 10**8)
    level = rng.choice(("大专", "本科", "本科", "本科", "硕士"))
    hs_end = person.birth.year + 18
    start = Month(hs_end, 9)
    years = {"大专": 3, "本科": 4, "硕士": 7}[level]
    end = Month(hs_end + years, 6)
    major, code = rng.choice(MAJORS)
    education = [dict(level="高中", school=f"{person.hukou_address[:6]}示例中学", province=province, mode="全日制",
                      start=str(Month(hs_end - 3, 9)), end=str(Month(hs_end, 6)))]
    if level == "硕士":
        education.append(dict(level="本科", degree="学士", school=SCHOOLS[province], province=province, mode="全日制",
                              start=str(start), end=str(Month(hs_end + 4, 6)), major=major, major_code=code))
        education.append(dict(level="硕士", degree="硕士", school=SCHOOLS[province], province=province, mode="全日制",
                              start=str(Month(hs_end + 4, 9)), end=str(end), major=major))
    else:
        education.append(dict(level=level, degree="学士" if level == "本科" else "none", school=SCHOOLS[province],
                              province=province, mode="全日制", start=str(start), end=str(end), major=major,
                              major_code=code))
    last = Month.of(as_of) - 1
    si_years = rng.randint(1, 8)
    si_start = max(last - (si_years * 12 - 1), end + 1)
    contract_start = si_start.first_day()
    # A 居住证 valid on as_of (3-year term, issued 30–1000 days before), as most real applicants hold; faults make
    # the expired ones on purpose.
    permit_issued = as_of - timedelta(days=rng.randint(30, 1000))
    if permit_issued.month == 2 and permit_issued.day == 29:
        permit_issued -= timedelta(days=1)
    profile: dict = {
        "as_of": as_of.isoformat(),
        "applicant": dict(name=person.name, id_number=person.id_number, ethnicity="汉",
                          phone=people.fake_phone(seed), hukou_address=person.hukou_address,
                          shanghai_address=f"上海市{district}示例路{rng.randint(1, 300)}弄{rng.randint(1, 30)}号",
                          residence_permit=dict(number=f"31{index % 10**16:016d}", issued=permit_issued.isoformat(),
                                                expires=permit_issued.replace(year=permit_issued.year + 3).isoformat())),
        "employer": dict(name=employer, credit_code=credit, district=district, registered_in_shanghai=True),
        "contract": dict(start=contract_start.isoformat(),
                         end=date(as_of.year + rng.randint(1, 3), 6, 30).isoformat(), post="职员"),
        "work_history": [dict(**{"from": str(end + 1)}, to=str(si_start - 1) if si_start > end + 1 else str(end + 1),
                              province=province, unit="示例前雇主有限公司", post="职员"),
                         dict(**{"from": str(si_start)}, to="至今", province="上海", unit=employer, post="职员")],
        "education": education,
        "social_insurance": [dict(**{"from": str(si_start)}, to=str(last), unit=employer,
                                  base_multiple=round(rng.uniform(0.8, 2.2), 1))],
        "tax": dict(withholding_unit=employer),
    }
    if si_start <= end + 1:
        profile["work_history"] = profile["work_history"][1:]
    if rng.random() < 0.35:
        spouse = people.make_person(f"spouse:{seed}", sex="女" if person.sex == "男" else "男", province="上海",
                                    birth=date(person.birth.year + rng.randint(-2, 2), rng.randint(1, 12), 15))
        married = date(as_of.year - rng.randint(1, 9), rng.randint(1, 12), rng.randint(1, 28))
        profile["spouse"] = dict(name=spouse.name, id_number=spouse.id_number, shanghai_hukou=True,
                                 hukou_since=spouse.birth.isoformat(), married=married.isoformat())
    return profile
