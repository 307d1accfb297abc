"""One applicant of the field kit: the people, the employer, the schools and dates, and the claimed profile.

The profile is what an HR officer types in; the documents (:mod:`fieldkit.papers`) are printed from the same facts
with other layouts. Seeded: ``make_case(seed)`` is the same case every time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from synth.people import Person, credit_code, make_person

AS_OF = date(2026, 11, 20)
_EMPLOYERS = ("上海澄川数据服务有限公司", "上海柘林精密机械股份有限公司", "上海旻泽供应链管理有限公司",
              "上海砚溪生物医药科技有限公司", "上海蓝杉建筑设计事务所有限公司")
_AGENCY = "上海恒宁人力资源服务有限公司"
_UNIVERSITIES = (("江南理工大学", "电子信息工程", "080701", "工学"), ("华东商贸大学", "会计学", "120203", "管理学"),
                 ("西湖师范学院", "汉语言文学", "050101", "文学"), ("淮海科技大学", "土木工程", "081001", "工学"))
_HIGH_SCHOOLS = ("常州市第五中学", "盐城市明德中学", "无锡市梁溪中学", "徐州市云龙中学")


@dataclass
class Case:
    seed: int
    applicant: Person
    spouse: Person | None
    hr: Person
    employer: str
    credit: str
    university: str
    major: str
    major_code: str
    discipline: str
    high_school: str
    contract_start: date
    contract_end: date
    permit_issued: date
    permit_expires: date
    married: date | None
    agency: str = _AGENCY
    extra: dict = field(default_factory=dict)

    @property
    def grad_year(self) -> int:
        return self.applicant.birth.year + 22

    def profile(self) -> dict:
        """The claimed profile (the same keys as ``matcheck init`` writes)."""
        a = self.applicant
        gy = self.grad_year
        p = {
            "as_of": AS_OF.isoformat(), "policy": "auto",
            "applicant": {"name": a.name, "id_number": a.id_number, "ethnicity": a.ethnicity, "phone": "13800000000",
                          "hukou_address": a.hukou_address, "shanghai_address": "上海市闵行区示例路88弄6号",
                          "residence_permit": {"number": "310000000000000%03d" % (self.seed % 1000),
                                               "issued": self.permit_issued.isoformat(),
                                               "expires": self.permit_expires.isoformat()},
                          "account_created": date(self.permit_issued.year, self.permit_issued.month,
                                                  self.permit_issued.day + 7).isoformat()},
            "employer": {"name": self.employer, "credit_code": self.credit, "district": "闵行区",
                         "registered_in_shanghai": True},
            "contract": {"start": self.contract_start.isoformat(), "end": self.contract_end.isoformat(),
                         "post": "工程师", "dispatched": False},
            "work_history": [{"from": f"{gy}-07", "to": "至今", "province": "上海", "unit": self.employer,
                              "post": "工程师"}],
            "education": [
                {"level": "高中", "school": self.high_school, "province": "江苏", "mode": "全日制",
                 "start": f"{gy - 7}-09", "end": f"{gy - 4}-06"},
                {"level": "本科", "degree": "学士", "school": self.university, "province": "江苏", "mode": "全日制",
                 "start": f"{gy - 4}-09", "end": f"{gy}-06", "major": self.major, "major_code": self.major_code},
            ],
            "social_insurance": [{"from": f"{self.contract_start.year}-{self.contract_start.month:02d}",
                                  "to": "2026-10", "unit": self.employer, "base_multiple": 1.1}],
            "tax": {"withholding_unit": self.employer},
        }
        if self.spouse is not None:
            s = self.spouse
            p["spouse"] = {"name": s.name, "id_number": s.id_number, "shanghai_hukou": True,
                           "hukou_since": s.birth.isoformat(), "married": self.married.isoformat()}
        return p


def make_case(seed: int, spouse: bool = True) -> Case:
    rng = random.Random(f"fieldkit-case:{seed}")
    sex = rng.choice(("男", "女"))
    birth = date(rng.randint(1988, 1995), rng.randint(1, 12), rng.randint(1, 28))
    applicant = make_person(f"fk-a-{seed}", sex=sex, birth=birth, province="江苏")
    partner = make_person(f"fk-s-{seed}", sex="女" if sex == "男" else "男", province="上海") if spouse else None
    hr = make_person(f"fk-h-{seed}", province="上海")
    for other in (partner, hr):  # three different names: whose a card is must be decidable
        if other is not None and other.name == applicant.name:
            raise ValueError("name clash; pick another seed")
    uni = _UNIVERSITIES[seed % len(_UNIVERSITIES)]
    start = date(2021 + seed % 3, 3 + seed % 6, 1)
    issued = date(2024, 2 + seed % 5, 3 + seed % 10)
    return Case(seed=seed, applicant=applicant, spouse=partner, hr=hr, employer=_EMPLOYERS[seed % len(_EMPLOYERS)],
                credit=credit_code("310112", 7000 + seed), university=uni[0], major=uni[1], major_code=uni[2],
                discipline=uni[3], high_school=_HIGH_SCHOOLS[seed % len(_HIGH_SCHOOLS)], contract_start=start,
                contract_end=date(start.year + 6, start.month, 1) - timedelta(days=1),
                permit_issued=issued, permit_expires=date(issued.year + 3, issued.month, issued.day - 1),
                married=date(2019, 1 + seed % 12, 10 + seed % 15) if spouse else None)
