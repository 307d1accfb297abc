"""From a validated Profile to the documents it needs, each with its plain facts (资料所需文件及其内容).

:func:`plan_documents` returns one :class:`Planned` per file: the document kind (material name), whose it is
(applicant | spouse | child), the facts its renderer reads (synth.documents.*), and a default medium. What the
profile does not say (certificate numbers, principals, issuing offices, validity of an ID card) is drawn from the
seed, so the same profile and seed always give the same documents.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from matcheck.dates import Month, add_years, age_on, month_range
from matcheck.identity import parse_id_number
from matcheck.profile import Profile
from synth import people

# 社平 for printing a 缴费基数 in yuan where the policy data has none at all (before 社保年度 2013).
# Only used to print a plausible base on a synthetic 社保 page; never a rule value.
ASSUMED_AVERAGE_WAGE = 12183.0

_DISCIPLINE = (("计算机", "工学"), ("软件", "工学"), ("电子", "工学"), ("机械", "工学"), ("电气", "工学"),
               ("土木", "工学"), ("会计", "管理学"), ("管理", "管理学"), ("市场", "管理学"), ("经济", "经济学"),
               ("金融", "经济学"), ("英语", "文学"), ("汉语", "文学"), ("新闻", "文学"), ("数学", "理学"),
               ("物理", "理学"), ("化学", "理学"), ("法", "法学"), ("护理", "医学"), ("设计", "艺术学"))
_EDU_WORDS = {"本科": "大学本科", "大专": "大学专科", "硕士": "研究生", "博士": "研究生", "高中": "高中", "中专": "中专"}
_PROVINCE_FULL = {"上海": "上海市", "北京": "北京市", "天津": "天津市", "重庆": "重庆市"}


@dataclass
class Planned:
    kind: str
    person: str  # applicant | spouse | child
    facts: dict
    medium: str  # pdf | photo | scan | docx
    key: str = ""  # distinguishes two documents of one kind (education[1], children[0] ...)
    extra: dict = field(default_factory=dict)


_COURSES = (("03708", "中国近现代史纲要", 2), ("03709", "马克思主义基本原理概论", 4), ("00015", "英语（二）", 14),
            ("00023", "高等数学（工本）", 10), ("02195", "机械制造基础", 6), ("02202", "传感器与检测技术", 4),
            ("02240", "机械工程控制基础", 4), ("06999", "毕业设计（论文）", 0))


def _courses(e, rng: random.Random) -> list[tuple]:
    span = max(1, e.end - e.start)
    return [(code, name, credits, rng.randint(60, 92), e.start + round(span * (i + 1) / (len(_COURSES) + 1)))
            for i, (code, name, credits) in enumerate(_COURSES)]


def discipline(major: str | None) -> str:
    for word, disc in _DISCIPLINE:
        if major and word in major:
            return disc
    return "工学"


def police_office(address: str) -> str:
    """``江苏省南京市玄武区…`` → ``南京市公安局玄武分局``; ``上海市浦东新区…`` → ``上海市公安局浦东分局``."""
    m = re.match(r"^(?:.+?省)?(.+?市)(.+?(?:新区|区|县|市))", address or "")
    if not m:
        return "示例市公安局"
    district = re.sub(r"(新区|区|县|市)$", "", m.group(2))
    return f"{m.group(1)}公安局{district}分局"


def province_full(short: str | None) -> str:
    if not short:
        return ""
    return _PROVINCE_FULL.get(short, short + ("自治区" if short in ("内蒙古", "广西", "西藏", "宁夏", "新疆") else "省"))


def _fake_name(rng: random.Random) -> str:
    return rng.choice(people.SURNAMES) + rng.choice(("示例", "样本", "某")) + rng.choice("一二三四五六")


def _school_code(school: str | None) -> str:
    return f"9999{sum(map(ord, school or '')) % 10}"


def id_card_validity(birth: date, as_of: date, rng: random.Random) -> tuple[date, date | None]:
    """An issue date a few years before ``as_of`` and the end the 居民身份证法 §5 gives for the age at issue."""
    issued = date(as_of.year - rng.randint(2, 6), rng.randint(1, 12), rng.randint(1, 28))
    age = age_on(birth, issued)
    years = 5 if age < 16 else 10 if age <= 25 else 20 if age <= 45 else None
    return issued, (add_years(issued, years) if years else None)


def _average_wage(m: Month) -> float:
    try:
        from matcheck.scoring.ledger import wage_used

        ref = wage_used(m)[0]  # the 社平 matcheck divides by (the latest known one where a year is unpublished)
        value = ref.value if ref else None
    except Exception:  # noqa: BLE001 - the policy data may be mid-edit; printing a base must not fail
        value = None
    return float(value) if value else ASSUMED_AVERAGE_WAGE


def _monthly_tax(income: float) -> float:
    """A plausible 工资薪金 withholding for a synthetic page (not a tax calculation)."""
    taxable = max(0.0, income * 0.78 - 5000)
    return round(taxable * 0.1 - 210 if taxable > 3000 else taxable * 0.03, 2)


def plan_documents(p: Profile, seed: int | str, as_of: date) -> list[Planned]:
    rng = random.Random(f"facts:{seed}")
    a = p.applicant
    ident = parse_id_number(a.id_number)
    addr = a.hukou_address or people.REGIONS.get(a.province or "江苏", people.REGIONS["江苏"])[1] + "示例路1号"
    employer = p.employer.name or "上海示例信息科技有限公司"
    district = p.employer.district or "浦东新区"
    credit = p.employer.credit_code or people.credit_code(people.SHANGHAI_DISTRICTS.get(district, "310115"), 1)
    out: list[Planned] = []
    base = dict(name=a.name, sex=ident.sex, birth=ident.birth_date, id_number=ident.value,
                ethnicity=a.ethnicity or "汉")

    issued, valid_to = id_card_validity(ident.birth_date, as_of, rng)
    out.append(Planned("id_card", "applicant", dict(base, address=addr, issuer=police_office(addr),
                                                     valid_from=issued, valid_to=valid_to), "photo"))
    rp = a.residence_permit
    if rp is not None:
        out.append(Planned("residence_permit", "applicant", dict(
            base, hukou_address=addr, residence_address=a.shanghai_address or "上海市浦东新区示例路2弄3号",
            issuer=police_office(a.shanghai_address or "上海市浦东新区"), issue_date=rp.issued or as_of - timedelta(400),
            valid_until=rp.expires or as_of + timedelta(300), permit_number=rp.number), "photo"))
    top = max((e for e in p.education if e.level), key=lambda e: e.end or Month(1900, 1), default=None)
    married = p.spouse is not None and p.spouse.married is not None
    out.append(Planned("hukou_booklet", "applicant", dict(
        household_type=a.hukou_type or "家庭户", head_name=a.name, household_no=f"{rng.randint(1, 99999999):08d}",
        address=addr, registrar=police_office(addr) + "示例派出所", issue_date=date(ident.birth_date.year + 18, 9, 1),
        name=a.name, relation="户主", sex=ident.sex, birth_place=addr[:6], ethnicity=a.ethnicity or "汉",
        native_place=addr[:6], birth=ident.birth_date, id_number=ident.value,
        education=_EDU_WORDS.get(top.level, "") if top else "", marital="已婚" if married else "未婚",
        occupation=(p.contract.post if p.contract else "") or "", workplace=employer, moved_in="",
        registered=date(ident.birth_date.year + 18, 9, 1)), "scan"))

    for i, e in enumerate(p.education):
        if not e.level or not e.start or not e.end:
            continue
        rng_e = random.Random(f"edu:{seed}:{i}")
        edu = dict(base, school=e.school or "示例学校", major=e.major or "", level=e.level, start=e.start, end=e.end,
                   mode=e.mode or "全日制", enrol_date=e.start.first_day(), grad_date=e.end.last_day(),
                   principal=_fake_name(rng_e), verify_code=people.verify_code(rng_e),
                   update_date=as_of - timedelta(days=rng_e.randint(10, 40)), province_full=province_full(e.province))
        key = f"education[{i}]"
        if e.level in ("高中", "中专", "职高", "技校"):
            edu["cert_no"] = e.certificate_number or f"{e.end.year}{rng_e.randint(0, 99999999):08d}"
            out.append(Planned("high_school_diploma", "applicant", edu, "photo", key))
            continue
        if e.level not in ("大专", "本科", "硕士", "博士"):
            continue
        if e.certificate_number:
            edu["cert_no"] = e.certificate_number
        elif e.mode == "自考":
            edu["cert_no"] = people.self_study_diploma_number(people.REGIONS.get(e.province or "江苏", ("320102",))[0],
                                                              e.end.year, rng_e.randint(1, 99999), e.level)
        else:
            edu_type = {"全日制": 1, "网络": 7, "自考": 6}.get(e.mode or "全日制", 5)
            edu["cert_no"] = people.diploma_number(_school_code(e.school), edu_type, e.end.year, e.level,
                                                   rng_e.randint(1, 9999))
        out.append(Planned("xuexin_record", "applicant", edu, "pdf", key))
        if e.mode and e.mode not in ("全日制", "国外"):
            exam = dict(edu, exam_no=f"{rng_e.randint(10**11, 10**12 - 1)}", courses=_courses(e, rng_e))
            out.append(Planned("graduate_registration_form", "applicant", exam, "scan", key))
            out.append(Planned("transcript", "applicant", exam, "pdf", key))
        out.append(Planned("diploma", "applicant", edu, "photo", key))
        if e.degree and e.degree != "none":
            deg = dict(edu, degree=e.degree, degree_name=f"{discipline(e.major)}{e.degree}学位",
                       degree_no=people.degree_number(_school_code(e.school), e.degree, e.end.year,
                                                      rng_e.randint(1, 9999)),
                       degree_date=e.end.last_day(), verify_code=people.verify_code(rng_e))
            out.append(Planned("degree_verification_report", "applicant", deg, "pdf", key))
            out.append(Planned("degree_certificate", "applicant", deg, "photo", key))

    contract_start = p.contract.start if p.contract and p.contract.start else as_of - timedelta(days=700)
    for i, q in enumerate(p.qualifications):
        rng_q = random.Random(f"qual:{seed}:{i}")
        obtained = q.obtained or as_of - timedelta(days=500)
        key = f"qualifications[{i}]"
        if q.kind == "技能":
            digit = {"五级": 5, "四级": 4, "三级": 3, "二级": 2, "一级": 1}.get(q.level or "", 3)
            out.append(Planned("skill_certificate", "applicant", dict(
                base, occupation=q.name or "电工", work_type=(q.name or "电工"), level=q.level or "三级",
                cert_no=q.certificate_number or people.skill_certificate_number(obtained.year, digit,
                                                                                rng_q.randint(1, 99999)),
                issue_date=obtained, agency="上海示例职业技能评价中心（样例）"), "photo", key))
            title = {"二级": "技师", "一级": "高级技师"}.get(q.level or "", q.name or "")
        else:
            out.append(Planned("title_certificate", "applicant", dict(
                base, employer=employer, series="工程", major=(p.contract.post if p.contract else None) or "计算机应用",
                title_name=q.name or "工程师", level=q.level or "中级", method="考试" if q.by_exam else "评审",
                committee="上海市工程系列中级职称评审委员会（样例）", approval_no=f"沪人社专〔{obtained.year}〕0号",
                obtained=obtained, cert_no=q.certificate_number or f"SAMPLE{obtained.year}{rng_q.randint(0, 999999):06d}",
                issuer="上海市人力资源和社会保障局（样例）"), "pdf", key))
            title = q.name or "工程师"
        if q.appointed:
            start = max(obtained, contract_start)
            end = p.contract.end if p.contract and p.contract.end else add_years(start, 3)
            out.append(Planned("appointment_letter", "applicant", dict(
                name=a.name, title=title, start=start, end=end, employer=employer, date=start,
                number=f"PS-{start.year}-{rng_q.randint(1, 999):03d}"), "scan", key))

    out += _employment(p, seed, as_of, base, employer, credit, district, rng)
    out += _insurance_and_tax(p, seed, as_of, base, employer)
    out += _family(p, seed, as_of, a.name, ident, rng)
    return out


def _employment(p: Profile, seed, as_of: date, base: dict, employer: str, credit: str, district: str,
                rng: random.Random) -> list[Planned]:
    out = []
    rep = _fake_name(rng)
    address = f"上海市{district}示例路{rng.randint(1, 300)}号"
    c = p.contract
    established = date((c.start.year if c and c.start else as_of.year) - rng.randint(3, 9), rng.randint(1, 12), 2)
    out.append(Planned("business_license", "applicant", dict(
        credit_code=credit, name=employer, type="有限责任公司（自然人投资或控股）", legal_rep=rep,
        capital=f"人民币{rng.choice((100, 200, 500, 1000))}.0000万元整", established=established, term_to=None,
        address=address, registrar=f"上海市{district}市场监督管理局", issue_date=established + timedelta(days=400),
        scope="技术开发、技术咨询、技术服务（样例）"), "photo"))
    hr = people.make_person(f"{seed}:hr", province="上海")
    out.append(Planned("employer_letter", "applicant", dict(
        addressee=f"{district}人才服务中心", hr_name=hr.name, hr_id=hr.id_number, employer=employer, credit_code=credit,
        employees=[p.applicant.name], date=as_of - timedelta(days=7), phone="021-00000000"), "scan"))
    hr_from, hr_to = id_card_validity(hr.birth, as_of, random.Random(f"hr-id:{seed}"))
    out.append(Planned("id_card", "hr_officer", dict(
        name=hr.name, sex=hr.sex, birth=hr.birth, id_number=hr.id_number, ethnicity="汉", address=hr.hukou_address,
        issuer=police_office(hr.hukou_address), valid_from=hr_from, valid_to=hr_to), "photo"))
    out.append(Planned("application_form", "applicant", _application(p, as_of, base, employer, credit, rng), "scan"))
    out.append(Planned("pledge", "applicant", dict(name=base["name"], id_number=base["id_number"],
                                                   date=as_of - timedelta(days=7)), "scan"))
    if c is not None and c.start:
        months = 6 if c.end is None or (c.end - c.start).days > 1000 else 3
        out.append(Planned("labour_contract", "applicant", dict(
            employer=employer, employer_rep=rep, employer_address=address, employee=base["name"],
            employee_id=base["id_number"], employee_address=p.applicant.shanghai_address or "上海市示例路1号",
            start=c.start, end=c.end, probation_end=(Month.of(c.start) + months).first_day() - timedelta(days=1),
            post=c.post or "职员", work_place=f"上海市{district}", salary=15000, sign_date=c.start - timedelta(days=3)),
            "docx"))
    return out


def _application(p: Profile, as_of: date, base: dict, employer: str, credit: str, rng: random.Random) -> dict:
    """The 积分申请表 as the employer prints it from the system: the profile's facts, résumé from the last school."""
    c = p.contract
    resume = []
    last_school = max((e for e in p.education if e.end and e.level not in ("高中", "初中")),
                      key=lambda e: e.end, default=None)
    if last_school is not None:
        resume.append((last_school.start, last_school.end, f"{last_school.province or ''} {last_school.school} 学生"))
    for w in p.work_history:
        resume.append((w.from_, w.to, f"{w.province or ''} {w.unit or ''} {w.post or ''}"))
    s = p.spouse
    spouse = (dict(name=s.name, education=s.education or "大学本科", id_number=s.id_number or "",
                   shanghai_hukou=bool(s.shanghai_hukou)) if s is not None and s.name else None)
    rp = p.applicant.residence_permit
    return dict(serial=f"SAMPLE{as_of:%Y%m%d}{rng.randint(0, 9999):04d}", name=base["name"], employer=employer,
                credit_code=credit, date=as_of - timedelta(days=7), sex=base["sex"], ethnicity=base["ethnicity"],
                id_number=base["id_number"], hukou_address=p.applicant.hukou_address or "",
                shanghai_address=p.applicant.shanghai_address or "", phone=p.applicant.phone or people.fake_phone(
                    base["id_number"]), permit_until=(rp.expires if rp and rp.expires else as_of + timedelta(300)),
                marital="已婚" if s is not None and s.married else "未婚", post=(c.post if c else "") or "",
                contract_signed=(c.signed or c.start - timedelta(days=3)) if c and c.start else as_of,
                contract_start=c.start if c and c.start else as_of, contract_end=c.end if c else None,
                resume=[r for r in resume if r[0]], spouse=spouse,
                children=[dict(name=k.name or "", id_number=k.id_number or "", benefits=k.enjoys_benefits)
                          for k in p.children])


def _insurance_and_tax(p: Profile, seed, as_of: date, base: dict, employer: str) -> list[Planned]:
    out = []
    last = Month.of(as_of) - 1
    months: dict[Month, dict] = {}
    for period in p.social_insurance:
        if not period.from_:
            continue
        for m in month_range(period.from_, min(period.to or last, last)):
            wage = _average_wage(m)
            amount = period.base or round((period.base_multiple or 1.0) * wage, 0)
            months[m] = dict(month=m, status="已记账", backpaid=(last if period.backpaid else None),
                             unit=period.unit or employer, base=float(amount))
    if months:
        first = max(min(months), last - 59)
        rows = [months.get(m, dict(month=m, status="未缴费", backpaid=None, unit="", base=0.0))
                for m in month_range(first, last)]
        out.append(Planned("social_insurance_record", "applicant", dict(
            base, print_date=as_of - timedelta(days=5), months=rows, total_months=len(months)), "pdf"))
    unit = (p.tax.withholding_unit if p.tax else None) or employer
    rows = []
    for m in month_range(last - 11, last):
        si = months.get(m)
        if si is None and not p.tax:
            continue
        income = round((si["base"] if si else 12000.0) * 1.0, 2)
        rows.append(dict(month=m, unit=(si["unit"] if si and not p.tax else unit), income=income,
                         tax=_monthly_tax(income)))
    if rows:
        rng = random.Random(f"tax:{seed}")
        tax = dict(base, issue_date=as_of - timedelta(days=3), verify_code=people.verify_code(rng),
                   district=p.employer.district or "浦东新区", rows=rows)
        out.append(Planned("tax_record", "applicant", tax, "pdf"))
        out.append(Planned("tax_income_detail", "applicant", tax, "pdf"))
    return out


def _family(p: Profile, seed, as_of: date, name: str, ident, rng: random.Random) -> list[Planned]:
    out = []
    s = p.spouse
    if s is not None and s.id_number and s.name:
        sid = parse_id_number(s.id_number)
        region = "310115" if s.shanghai_hukou else sid.value[:6]
        s_addr = (f"上海市浦东新区示例路{rng.randint(1, 300)}弄{rng.randint(1, 30)}号" if s.shanghai_hukou
                  else people.REGIONS["江苏"][1] + "示例路8号")
        spouse = dict(name=s.name, sex=sid.sex, birth=sid.birth_date, id_number=sid.value, ethnicity="汉")
        if s.married:
            out.append(Planned("marriage_certificate", "applicant", dict(
                holder=name, registration_date=s.married,
                cert_no=people.marriage_certificate_number(region, s.married.year, rng.randint(1, 9999)),
                registrar="上海市浦东新区民政局" if s.shanghai_hukou else "示例市民政局",
                spouses=[dict(name=name, sex=ident.sex, birth=ident.birth_date, id_number=ident.value), spouse]),
                "photo"))
        issued, valid_to = id_card_validity(sid.birth_date, as_of, random.Random(f"spouse-id:{seed}"))
        out.append(Planned("id_card", "spouse", dict(spouse, address=s_addr, issuer=police_office(s_addr),
                                                      valid_from=issued, valid_to=valid_to), "photo"))
        since = s.hukou_since
        moved = "" if not since or since == sid.birth_date else f"{since:%Y年%m月%d日}由外省市迁来"
        out.append(Planned("hukou_booklet", "spouse", dict(
            household_type="家庭户", head_name=s.name, household_no=f"{rng.randint(1, 99999999):08d}",
            address=s_addr, registrar=police_office(s_addr) + "示例派出所",
            issue_date=since or date(sid.birth_date.year + 18, 9, 1), relation="户主", sex=sid.sex,
            birth_place="上海市" if s.shanghai_hukou else "江苏省", native_place="上海市" if s.shanghai_hukou else "江苏省",
            education=s.education or "大学本科", marital="已婚" if s.married else "未婚", occupation="职员",
            workplace="上海示例贸易有限公司", moved_in=moved, registered=since or sid.birth_date,
            **{k: spouse[k] for k in ("name", "birth", "id_number", "ethnicity")}), "scan"))
    for i, child in enumerate(p.children):
        if not child.id_number:
            continue
        cid = parse_id_number(child.id_number)
        me = dict(name=name, age=age_on(ident.birth_date, cid.birth_date), id_number=ident.value)
        other = (dict(name=s.name, age=age_on(parse_id_number(s.id_number).birth_date, cid.birth_date),
                      id_number=s.id_number) if s is not None and s.id_number else
                 dict(name="（未填写）", age="", id_number=""))
        mother, father = (me, other) if ident.sex == "女" else (other, me)
        crng = random.Random(f"child:{seed}:{i}")
        out.append(Planned("birth_certificate", "child", dict(
            name=child.name, sex=cid.sex, born=cid.birth_date, born_time=f"{crng.randint(0, 23):02d}时{crng.randint(0, 59):02d}分",
            weeks=crng.randint(37, 41), weight_g=crng.randint(2900, 3800), length_cm=crng.randint(48, 53),
            place="上海市浦东新区", hospital="上海市示例妇幼保健院（样例）", mother=mother, father=father,
            issue_date=cid.birth_date + timedelta(days=5), cert_no=f"S{crng.randint(0, 999999999):09d}"),
            "photo", f"children[{i}]"))
    return out
