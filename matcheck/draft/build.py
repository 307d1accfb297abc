"""Documents (+ as_of) → :class:`~matcheck.draft.model.Draft`: the profile facts the folder shows, each with where it
was read and how sure; conflicts and gaps left ``待核实``. A pure function of the Documents: no file is opened here.

The Documents must say whose each is (``Document.person``): :func:`people_of_folder` finds the applicant and the
spouse from documents read without a profile, and :func:`matcheck.draft.folder.draft_folder` has the reader decide
whose every document is with them (``read_folder(..., holder=people_of_folder)``: one reading of the folder), as
``matcheck check`` does.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, Callable, Iterable, Sequence

from matcheck.dates import Month
from matcheck.documents.person import near_name
from matcheck.draft.adapter import Doc
from matcheck.draft.model import Draft, Fact, Reading
from matcheck.identity import credit_code_problem, id_number_problem, parse_id_number
from matcheck.matching import normalise
from matcheck.profile.model import (DEGREES, EDUCATION_LEVELS, QUALIFICATION_LEVELS, STUDY_MODES, Applicant, Profile,
                                    Spouse, education_level, province_of)
from matcheck.results import Document

HOLDER_MATERIALS = ("residence_permit", "social_insurance_record", "tax_record", "labour_contract")
IDENTITY_MATERIALS = ("id_card", "hukou_booklet", "residence_permit", "social_insurance_record", "tax_record",
                      "labour_contract")
NAME_MATERIALS = IDENTITY_MATERIALS + ("xuexin_record", "degree_verification_report")
EDUCATION_MATERIALS = ("xuexin_record", "diploma", "high_school_diploma", "degree_certificate",
                       "degree_verification_report")
DEGREE_MATERIALS = ("degree_certificate", "degree_verification_report")
QUALIFICATION_KINDS = {"title_certificate": "职称", "skill_certificate": "技能",
                       "vocational_qualification_certificate": "职业资格"}
EMPLOYER_MATERIALS = ("labour_contract", "business_license", "employer_letter")

# Which document gives a fact the folder did not show (the comment of a 待核实 line).
WHERE = {
    "applicant.name": "身份证",
    "applicant.id_number": "身份证（或户口簿本人页、居住证）",
    "applicant.hukou_address": "身份证“住址”或户口簿本人页",
    "applicant.shanghai_address": "居住证上的居住地址",
    "applicant.residence_permit": "《上海市居住证》",
    "employer.name": "劳动合同的甲方，或营业执照的名称",
    "employer.credit_code": "营业执照（或单位介绍信）上的统一社会信用代码",
    "contract": "劳动（聘用）合同的合同期限",
    "education.level": "学信网《教育部学历证书电子注册备案表》或毕业证书",
    "education.school": "学信网备案表或毕业证书",
    "education.province": "学校所在省份：备案表和毕业证书不载明，按学校所在地填写",
    "education.mode": "学信网备案表的“学习形式”（普通高中、中专毕业证书一般为全日制）",
    "education.start": "学信网备案表的入学日期或毕业证书上的学习起止年月",
    "education.end": "学信网备案表的毕（结）业日期或毕业证书",
    "education.major": "学信网备案表或毕业证书上的专业",
    "education.degree": "学位证书或学信网《学位在线验证报告》（无学位写 none）",
    "qualification.obtained_in_shanghai": "证书的发证（评价）机构是否在本市",
    "qualification.appointed": "现单位出具的聘书（聘任证明）",
    "qualification.matches_post": "证书的专业/职业与现岗位是否相符（聘书、岗位说明）",
    "social_insurance.unit": "社保缴费记录上每段的缴费单位",
    "social_insurance.earlier": "完整的本市社保缴费记录（随申办/一网通办“社保缴费记录”，选全部年月）",
    "tax.withholding_unit": "个人所得税纳税记录（含扣缴义务人）或收入纳税明细",
    "spouse.married": "结婚证的登记日期",
    "spouse.shanghai_hukou": "配偶的户口簿（首页和本人页）",
    "spouse.hukou_since": "配偶户口簿本人页“何时由何地迁来本市”（本市出生的为出生日期）",
}


# --------------------------------------------------------------------------- facts from readings


def _key(v: Any) -> Any:
    """What two readings must share to agree: strings as the centre compares them (:func:`matching.normalise`)."""
    return normalise(v) if isinstance(v, str) else v


def decide(path: str, readings: Sequence[Reading], where: str = "") -> Fact:
    """One fact from its readings: agreeing sure readings fill it; disagreeing ones leave it 待核实 with all of
    them listed; only unsure readings leave it 待核实 with the reading shown; none: 待核实, ``where`` says why."""
    used = [r for r in readings if not r.remark.startswith("未采用")]
    if not used:
        return Fact(path, None, "unsure" if readings else "missing", tuple(readings), where)
    if len({_key(r.value) for r in used}) > 1:
        return Fact(path, None, "conflict", tuple(readings), where)
    if any(r.sure for r in used):
        return Fact(path, used[0].value, "read", tuple(readings))
    return Fact(path, None, "unsure", tuple(readings), where)


def derived(path: str, value: Any, note: str) -> Fact:
    """A fact that follows from other facts (the hukou type of nothing, a month before the first listed one)."""
    return Fact(path, value, "read", (), note)


class _Facts:
    def __init__(self) -> None:
        self.items: list[Fact] = []

    def add(self, path: str, readings: Iterable[Reading], where: str = "") -> Fact:
        fact = decide(path, list(readings), where)
        self.items.append(fact)
        return fact

    def put(self, fact: Fact) -> Fact:
        self.items.append(fact)
        return fact


def _r(doc: Doc, value: Any, remark: str = "", *keys: str) -> Reading:
    """A reading of ``value`` from ``doc``; sure when the document is and none of ``keys`` was read unsure."""
    return Reading(value, doc.source, doc.key_sure(*keys), remark)


def _readings(docs: Iterable[Doc], get: Callable[[Doc], Any], check: Callable[[Any], str] | None = None
              ) -> list[Reading]:
    """The non-empty values ``get`` gives per document; ``check(value)`` returning a reason marks it not used."""
    out = []
    for d in docs:
        v, sure = d.reading(get)
        if v is None or v == "" or v == []:
            continue
        problem = check(v) if check else ""
        out.append(Reading(v, d.source, sure, f"未采用：{problem}" if problem else ""))
    return out


def _address(v: str) -> str:
    return "" if province_of(v) else "读到的内容不是以省份开头的地址"


def _shanghai_address(v: str) -> str:
    return "" if province_of(v) == "上海" else "不是本市地址"


# --------------------------------------------------------------------------- whose: the first reading


def people_of_folder(documents: Sequence[Document]) -> Profile | None:
    """The applicant (and spouse) as a minimal Profile, from documents read without one: the ID number printed
    first on most of the holder's documents (居住证, 社保, 个税, 劳动合同), the name beside it; the spouse as the
    other person on the 结婚证. None when no holder document shows an ID number."""
    docs = [Doc.of(d) for d in documents]
    votes: Counter[str] = Counter()
    for d in docs:
        if d.material in HOLDER_MATERIALS and d.first("id_numbers"):
            votes[d.first("id_numbers")] += 2 if d.material == "residence_permit" else 1
    if not votes:
        return None
    ident = votes.most_common(1)[0][0]
    names: Counter[str] = Counter()
    for d in docs:
        if d.material in IDENTITY_MATERIALS and d.first("id_numbers") == ident:
            name = d.text("employee") if d.material == "labour_contract" else d.first("names")
            if name:
                names[name] += 1
    name = names.most_common(1)[0][0] if names else None
    spouse = None
    for d in docs:
        if d.material == "marriage_certificate" and ident in d.texts("id_numbers"):
            other_ids = [i for i in d.texts("id_numbers") if i != ident]
            other_names = [n for n in d.texts("names") if not (name and near_name(n, name))]
            if other_ids or other_names:
                spouse = Spouse(name=other_names[0] if other_names else None,
                                id_number=other_ids[0] if other_ids else None)
                break
    return Profile(applicant=Applicant(name=name, id_number=ident), spouse=spouse)


# --------------------------------------------------------------------------- the draft


def draft_from_documents(documents: Sequence[Document], as_of: date) -> Draft:
    """The draft profile the documents support. ``documents`` are read with the applicant known (see module doc)."""
    docs = [Doc.of(d) for d in documents if d.material]
    mine = [d for d in docs if d.person == "applicant"]
    facts = _Facts()
    remarks: list[str] = []
    _applicant(facts, mine)
    _employer(facts, docs)
    _contract(facts, mine)
    _education(facts, [d for d in docs if d.material in EDUCATION_MATERIALS and d.person in ("applicant", None)])
    _qualifications(facts, mine, docs)
    _social_insurance(facts, [d for d in mine if d.material == "social_insurance_record"])
    _tax(facts, [d for d in docs if d.material in ("tax_record", "tax_income_detail")
                 and d.person in ("applicant", None)])
    _spouse(facts, docs)
    items = _in_order(facts.items)
    unknown = sorted({d.path for d in documents if not d.material})
    if unknown:
        remarks.append("未识别、未采用的文件：" + "、".join(unknown))
    return Draft(as_of=as_of, facts=tuple(items), remarks=tuple(remarks))


def _in_order(items: list[Fact]) -> list[Fact]:
    """A start after its end (a misread date) cannot both be right: both are left 待核实, the readings shown."""
    by_path = {f.path: f for f in items}
    doubt: dict[str, str] = {}
    for f in items:
        for first, last in (("issued", "expires"), ("start", "end")):
            if f.path.endswith("." + first):
                other = by_path.get(f.path[: -len(first)] + last)
                if f.filled and other is not None and other.filled and other.value < f.value:
                    note = f"{first} {f.value} 晚于 {last} {other.value}，至少一个读错：请核对原件"
                    doubt[f.path] = doubt[other.path] = note
    return [Fact(f.path, None, "unsure", f.readings, doubt[f.path]) if f.path in doubt else f for f in items]


def _applicant(facts: _Facts, mine: list[Doc]) -> None:
    named = [d for d in mine if d.material in NAME_MATERIALS]
    facts.add("applicant.name", _readings(named, lambda d: d.text("employee") if d.material == "labour_contract"
                                          else d.first("names")), WHERE["applicant.name"])
    ids = [d for d in mine if d.material in IDENTITY_MATERIALS]
    facts.put(_with_birth_and_sex(decide("applicant.id_number", _readings(ids, lambda d: d.first("id_numbers"),
                                                                         id_number_problem),
                                         WHERE["applicant.id_number"]), ids))
    homes = [d for d in mine if d.material in ("id_card", "hukou_booklet")]
    facts.add("applicant.hukou_address", _readings(homes, lambda d: d.text("address"), _address),
              WHERE["applicant.hukou_address"])
    permits = [d for d in mine if d.material == "residence_permit"]
    facts.add("applicant.shanghai_address", _readings(permits, lambda d: d.text("address"), _shanghai_address),
              WHERE["applicant.shanghai_address"])
    where = WHERE["applicant.residence_permit"]
    facts.add("applicant.residence_permit.number", _readings(permits, lambda d: d.text("permit_number")), where)
    facts.add("applicant.residence_permit.issued",
              _readings(permits, lambda d: d.date("valid_from") or d.date("issue_date")), where)
    facts.add("applicant.residence_permit.expires", _readings(permits, lambda d: d.date("valid_until")), where)


def _with_birth_and_sex(fact: Fact, docs: list[Doc]) -> Fact:
    """The birth date and sex follow from the ID number; a document printing others puts the number in doubt."""
    if fact.value is None:
        return fact
    ident = parse_id_number(fact.value)
    printed = [_r(d, (d.date("birth_date"), d.text("sex"))) for d in docs if d.date("birth_date") or d.text("sex")]
    odd = [r for r in printed if (r.value[0] and r.value[0] != ident.birth_date) or (r.value[1] and r.value[1]
                                                                                        != ident.sex)]
    if odd:
        shown = "；".join(f"{r.source.file} 印 {r.value[0] or ''} {r.value[1] or ''}".strip() for r in odd)
        return Fact(fact.path, None, "conflict", fact.readings,
                    f"号码 {fact.value} 表示出生 {ident.birth_date}、{ident.sex}，但 {shown}：请核对身份证原件")
    return Fact(fact.path, fact.value, fact.status, fact.readings,
                f"出生日期 {ident.birth_date}、性别 {ident.sex} 由号码得出"
                + ("，与证件所印一致" if printed else ""))


def _employer(facts: _Facts, docs: list[Doc]) -> None:
    emp = [d for d in docs if d.material in EMPLOYER_MATERIALS and d.person != "spouse"]
    facts.add("employer.name", _readings(emp, lambda d: d.text("company_name") if d.material == "business_license"
                                         else d.text("employer")), WHERE["employer.name"])
    coded = [d for d in emp if d.material in ("business_license", "employer_letter")]
    facts.add("employer.credit_code", _readings(coded, lambda d: d.first("credit_codes"), credit_code_problem),
              WHERE["employer.credit_code"])


def _contract(facts: _Facts, mine: list[Doc]) -> None:
    contracts = [d for d in mine if d.material == "labour_contract"]
    where = WHERE["contract"]
    facts.add("contract.start", _readings(contracts, lambda d: d.date("term_start")), where)
    open_ended = [d for d in contracts if d.flag("open_ended")]
    if open_ended:
        facts.add("contract.open_ended", [_r(d, True, "", "open_ended") for d in open_ended], where)
    else:
        facts.add("contract.end", _readings(contracts, lambda d: d.date("term_end")), where)
    facts.add("contract.post", _readings(contracts, lambda d: d.text("post")), "劳动合同的工作岗位")


# --------------------------------------------------------------------------- education


def _doc_level(d: Doc) -> str | None:
    if d.material == "high_school_diploma":
        return "高中"
    return education_level(d.text("level"), d.text("degree"))


def _known(values, what: str) -> Callable[[Any], str]:
    """A check for :func:`_readings`: a value the profile does not know is shown, not used (the draft must load)."""
    known = set(values)
    return lambda v: "" if v in known else f"不是已知的{what}"


def _education_records(docs: list[Doc]) -> list[list[Doc]]:
    """Documents grouped by the education record they show: same 证书编号, else same school and level."""
    order = {m: i for i, m in enumerate(EDUCATION_MATERIALS)}
    records: list[list[Doc]] = []
    for d in sorted(docs, key=lambda d: (order[d.material], d.source.file)):
        level, school = _doc_level(d), d.text("school")
        cert = d.text("cert_no") if d.material not in DEGREE_MATERIALS else None
        home = None
        for rec in records:
            certs = {x.text("cert_no") for x in rec if x.material not in DEGREE_MATERIALS}
            if cert and cert in certs:
                home = rec
                break
        if home is None and school:
            same = [rec for rec in records if any(x.text("school") == school for x in rec)
                    and (level is None or any(_doc_level(x) in (level, None) for x in rec))]
            if len(same) == 1:
                home = same[0]
        if home is None:
            if not (level or school):
                continue
            records.append([d])
        else:
            home.append(d)
    return records


def _edu_end(rec: list[Doc]) -> Month:
    ends = [d.month("grad_date") for d in rec if d.material not in DEGREE_MATERIALS and d.month("grad_date")]
    return min(ends) if ends else Month(9999, 12)


def _education(facts: _Facts, docs: list[Doc]) -> None:
    records = sorted(_education_records(docs), key=_edu_end)
    if not records:
        facts.add("education", [], "学信网备案表、毕业证书（从高中写起，每段一条）")
    for i, rec in enumerate(records):
        p = f"education[{i}]"
        study = [d for d in rec if d.material not in DEGREE_MATERIALS]
        level = facts.add(f"{p}.level", _readings(rec, _doc_level, _known(EDUCATION_LEVELS.values(), "学历层次")),
                          WHERE["education.level"])
        if level.value in ("本科", "硕士", "博士") or any(d.material in DEGREE_MATERIALS for d in rec):
            facts.add(f"{p}.degree", _readings([d for d in rec if d.material in DEGREE_MATERIALS],
                                               lambda d: DEGREES.get(d.text("degree") or "", d.text("degree")),
                                               _known(DEGREES.values(), "学位")), WHERE["education.degree"])
        facts.add(f"{p}.school", _readings(rec, lambda d: d.text("school")), WHERE["education.school"])
        facts.add(f"{p}.province", [], WHERE["education.province"])
        facts.add(f"{p}.mode", _readings(study, lambda d: STUDY_MODES.get(d.text("study_mode") or "")),
                  WHERE["education.mode"])
        facts.add(f"{p}.start", _readings(study, lambda d: d.month("enrol_date")), WHERE["education.start"])
        facts.add(f"{p}.end", _readings(study, lambda d: d.month("grad_date")), WHERE["education.end"])
        if level.value != "高中":
            facts.add(f"{p}.major", _readings(rec, lambda d: d.text("major")), WHERE["education.major"])
        certs = _readings(study, lambda d: d.text("cert_no"))
        if certs:
            facts.add(f"{p}.certificate_number", certs)


# --------------------------------------------------------------------------- 职称 / 技能


def _qualifications(facts: _Facts, mine: list[Doc], docs: list[Doc]) -> None:
    certs = sorted((d for d in mine if d.material in QUALIFICATION_KINDS),
                   key=lambda d: (d.date("obtained") or date.max, d.source.file))
    appointed = [d for d in mine if d.material == "appointment_letter"]
    for i, d in enumerate(certs):
        p = f"qualifications[{i}]"
        facts.add(f"{p}.kind", [_r(d, QUALIFICATION_KINDS[d.material])])
        facts.add(f"{p}.level", _readings([d], lambda x: QUALIFICATION_LEVELS.get(x.text("qual_level") or "",
                                                                                   x.text("qual_level")),
                                          _known(QUALIFICATION_LEVELS.values(), "等级")), "证书上的等级（级别）")
        facts.add(f"{p}.name", _readings([d], lambda x: x.text("qual_name")), "证书上的资格（职业）名称")
        facts.add(f"{p}.obtained", _readings([d], lambda x: x.date("obtained")), "证书上的取得（发证）日期")
        if d.text("cert_no"):
            facts.add(f"{p}.certificate_number", [_r(d, d.text("cert_no"), "", "cert_no")])
        issuer = d.text("issuer")
        facts.add(f"{p}.obtained_in_shanghai", [_r(d, True, "发证机构在本市", "issuer")] if issuer and
                  province_of(issuer) == "上海" else [], WHERE["qualification.obtained_in_shanghai"])
        facts.add(f"{p}.appointed", [_r(a, True) for a in appointed], WHERE["qualification.appointed"])
        facts.add(f"{p}.matches_post", [], WHERE["qualification.matches_post"])


# --------------------------------------------------------------------------- 社保


def _social_insurance(facts: _Facts, records: list[Doc]) -> None:
    """Runs of consecutive months with the same unit, base and 补缴 mark, from every 社保 record of the applicant."""
    if not records:
        facts.add("social_insurance", [], "本市社保缴费记录（随申办/一网通办）")
        return
    month_docs: dict[Month, list[Doc]] = {}
    backpaid: set[Month] = set()
    for d in records:
        for m in d.months("si_months") + d.months("si_backpaid_months"):
            month_docs.setdefault(m, []).append(d)
        backpaid.update(d.months("si_backpaid_months"))
    if not month_docs:
        return

    def unit_readings(m: Month) -> list[Reading]:
        out = []
        for d in month_docs[m]:
            spans = [u for u, a, b in d.unit_periods() if a <= m <= b]
            units = spans or d.texts("si_units")
            if len(units) == 1:
                out.append(_r(d, units[0], "", "si_units", "si_unit_periods"))
            else:  # several units on the record and no span says which paid this month
                out.extend(_r(d, u, "未采用：记录列出多个单位，未写明此月属哪个") for u in units)
        return out

    def base_readings(m: Month) -> list[Reading]:
        return [_r(d, d.bases()[m], "", "si_bases") for d in month_docs[m] if m in d.bases()]

    months = sorted(month_docs)
    runs: list[list[Month]] = []
    sig = None
    for m in months:
        u, b = decide("", unit_readings(m)), decide("", base_readings(m))
        key = (u.status, _key(u.value), b.status, b.value, m in backpaid)
        if runs and key == sig and runs[-1][-1] + 1 == m:
            runs[-1].append(m)
        else:
            runs.append([m])
            sig = key
    listed = len(months)
    total = max((d.number("si_total_months") or 0 for d in records), default=0)
    i = 0
    if total > listed:
        p = f"social_insurance[{i}]"
        note = (f"累计缴费月数 {total}，记录只列出 {listed} 个月：更早的 {total - listed} 个月须按"
                + WHERE["social_insurance.earlier"] + "补填，可分多段")
        facts.put(Fact(f"{p}.from", None, "missing", (), note))
        facts.put(derived(f"{p}.to", months[0] - 1, "早于记录列出的第一个月"))
        facts.add(f"{p}.unit", [], WHERE["social_insurance.unit"])
        i += 1
    for run in runs:
        p = f"social_insurance[{i}]"
        first, last = run[0], run[-1]
        facts.add(f"{p}.from", [_r(d, first, "", "si_months") for d in month_docs[first]])
        facts.add(f"{p}.to", [_r(d, last, "", "si_months") for d in month_docs[last]])
        facts.add(f"{p}.unit", unit_readings(first), WHERE["social_insurance.unit"])
        bases = base_readings(first)
        if bases:
            facts.add(f"{p}.base", bases)
        if first in backpaid:
            facts.add(f"{p}.backpaid", [_r(d, True, "记录标为补缴", "si_backpaid_months") for d in month_docs[first]])
        i += 1


# --------------------------------------------------------------------------- 个税


def _tax(facts: _Facts, docs: list[Doc]) -> None:
    if not docs:
        facts.add("tax.withholding_unit", [], WHERE["tax.withholding_unit"])
        return
    readings = [_r(d, u, "", "withholding_units") for d in docs for u in d.texts("withholding_units")]
    months = sorted({m for d in docs for m in d.months("tax_months")})
    fact = decide("tax.withholding_unit", readings, WHERE["tax.withholding_unit"])
    if months:
        fact = Fact(fact.path, fact.value, fact.status, fact.readings,
                    (fact.note + "；" if fact.note else "") + f"税款所属期 {months[0]} 至 {months[-1]}，共 {len(months)} 个月")
    facts.put(fact)


# --------------------------------------------------------------------------- 配偶


def _spouse(facts: _Facts, docs: list[Doc]) -> None:
    certs = [d for d in docs if d.material == "marriage_certificate" and d.person in ("applicant", "spouse")]
    theirs = [d for d in docs if d.person == "spouse"]
    if not certs and not theirs:
        return
    applicant_ids = {d.first("id_numbers") for d in docs if d.person == "applicant" and d.material in
                     IDENTITY_MATERIALS} - {None}
    applicant_names = {d.first("names") for d in docs if d.person == "applicant" and d.material in
                       NAME_MATERIALS} - {None}

    def other(values: list[str], mine: set[str], near: bool = False) -> str | None:
        rest = [v for v in values if not any(v == x or (near and near_name(v, x)) for x in mine)]
        return rest[0] if len(rest) == 1 else None

    own = [d for d in theirs if d.material in ("id_card", "hukou_booklet")]
    facts.add("spouse.name", _readings(certs, lambda d: other(d.texts("names"), applicant_names, True))
              + _readings(own, lambda d: d.first("names")), "结婚证")
    facts.add("spouse.id_number", _readings(certs, lambda d: other(d.texts("id_numbers"), applicant_ids))
              + _readings(own, lambda d: d.first("id_numbers"), id_number_problem), "结婚证或配偶身份证")
    facts.add("spouse.married", _readings(certs, lambda d: d.date("registration_date")), WHERE["spouse.married"])
    booklets = [d for d in theirs if d.material == "hukou_booklet"]
    hukou = facts.add("spouse.shanghai_hukou",
                      _readings(booklets, lambda d: province_of(d.text("address")) == "上海"
                                if province_of(d.text("address")) else None), WHERE["spouse.shanghai_hukou"])
    if hukou.value is not False:
        facts.add("spouse.hukou_since", [], WHERE["spouse.hukou_since"])
