"""identity-mismatch: a name, ID number, education record or marriage date on a document differs from the profile.

**What it checks.** Every recognised document against the profile (and so against the 积分申请表 printed from it):

* **ID numbers** (公民身份号码): on a document that belongs to a person of the application, every checksum-valid
  number must be that person's (or, on a 结婚证 / 出生医学证明, another family member's). Strict: the folder reader
  keeps only numbers that pass the GB 11643 checksum, and two valid numbers are two people, never "OCR noise".
* **Names**: the owner's name must be printed on the document. A name read by OCR may differ by one character for
  names of three or more characters (parameters in ``rules_folder.yaml``); a name in a text PDF must match.
* **Education** (the 学信网 备案表 and 学位在线验证报告, whose fields are labelled): the school, 学习形式, 入学 and 毕业 months and
  the degree on the record against the profile's education entry of the same level. A record of a level the
  profile does not list is a warning.
* **Marriage**: the 登记日期 on the 结婚证 against ``spouse.married``; the spouse's ID number on it against
  ``spouse.id_number``.

**Only a confident reading is an error.** A name, school, date or mode is read *with confidence* when it was
found after its label (姓名, 乙方（劳动者）姓名, 学校名称 …, or in that label's table cell) in the shape the field must
have (a name is 2–5 Chinese characters and never a label word such as 签订日期, 名称, 盖章 or 签字; a school ends in
大学/学院/学校; a date parses), and — when read by OCR — the document's OCR confidence is at least {MIN_OCR_CONFIDENCE}. A value
read otherwise raises only an ``info``: ``无法核对…上的姓名（文件：…）``, naming the field and the file.

**Why it matters.** The centre checks the 申请表 against the documents and 学信网; a form that does not match them
is returned, and a difference in identity data can be read as false materials (−150 points for 3 years).

**Example.** The 学信网 备案表 says 学习形式 业余 and 入学 2011-03 while the profile says 全日制 and 2010-09 →
``学历电子注册备案表上的学习形式为 业余，与资料中 education[1]（本科）的 全日制 不一致``.

**How to fix.** Correct the profile (and so the form) to what the document says. If the document itself is wrong,
have it corrected where it was issued (学信网 record: the school's 学籍 office; 身份证: the 派出所; 结婚证: the
民政局婚姻登记处) before applying.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from matcheck.checks.person import PersonFacts, owner_of, people
from matcheck.dates import Month
from matcheck.matching import edit_distance, normalise, same_name, same_unit
from matcheck.materials import material_label
from matcheck.policy import Params
from matcheck.profile import Profile
from matcheck.profile.model import education_level
from matcheck.results import Document, Finding, field_list
from matcheck.rules.base import Facts, documented, make_finding
from matcheck.rules.folder_common import unsure_why, unverified

__doc__ = documented(__doc__)

CODE = "MC301"
NAME = "identity-mismatch"
SEVERITY = "error"
REFERENCE = "《上海市居住证》积分申请表及个人书面材料须与本人身份证件一致 (O7, O9; S33, S34) [B]"
NEEDS = frozenset({"documents"})
MESSAGE = {
    "zh": "{doc}上的{what}为 {found}，与资料中{whose}的{what} {expected} 不一致（文件：{file}）。",
    "en": "The {what_en} on the {doc_en} is {found}; the profile says {expected} for {whose_en} (file: {file}).",
}
HINT = {
    "zh": "以证件为准更正资料（及申请表）；若证件本身有误，先到发证机关更正。",
    "en": "Correct the profile (and the form) to match the document; if the document is wrong, have the issuer "
          "correct it first.",
}
HINT_ID = {
    "zh": "核对资料中{whose}的身份证号（以居民身份证为准）；证件上的号码有误的，到派出所更正。",
    "en": "Check the {whose_en}'s ID number in the profile against the ID card; a wrong number on a document is "
          "corrected by the 派出所.",
}
HINT_EDUCATION = {
    "zh": "以学信网（chsi.com.cn → 学信档案）上的记录为准更正资料中的学历信息；学信网记录有误的，请毕业学校的学籍"
          "管理部门更正。",
    "en": "Correct the profile's education to the 学信网 record (chsi.com.cn → 学信档案); a wrong record is corrected by "
          "the school's 学籍 office.",
}
HINT_UNLISTED = {
    "zh": "若该学历属实，请在资料的 education 中补充（前置学历也需列出）；若不是本人的记录，请移出文件夹。",
    "en": "If the record is the applicant's, add it to the profile's education (prior education counts too); "
          "otherwise remove the file.",
}
HINT_MARRIAGE = {
    "zh": "以结婚证上的登记日期为准更正资料中的 spouse.married（配偶加分按结婚年限计算）。",
    "en": "Correct spouse.married to the 登记日期 on the 结婚证 (the spouse points count the years of marriage).",
}
MESSAGE_UNLISTED = {
    "zh": "{doc}显示一条{level}学历（{school}），资料的 education 中没有这一层次（文件：{file}）。",
    "en": "The {doc_en} shows a {level} record ({school}) that the profile's education does not list (file: {file}).",
}

WHAT_EN = {"身份证号": "ID number", "姓名": "name", "学校": "school", "学习形式": "study mode", "入学年月": "start month",
           "毕业年月": "graduation month", "学位": "degree", "结婚登记日期": "marriage registration date"}
# Documents on which every valid ID number must belong to a person of the application.
ID_STRICT = frozenset({"id_card", "residence_permit", "tax_record", "social_insurance_record", "labour_contract",
                       "marriage_certificate", "birth_certificate", "title_certificate", "skill_certificate",
                       "vocational_qualification_certificate", "xuexin_record", "degree_verification_report"})
# The labelled 学信网 reports only: a paper diploma's school and dates sit in a sentence read by OCR (too noisy to
# call a mismatch); its existence is what missing-material checks.
EDUCATION_DOCS = ("xuexin_record", "degree_verification_report")


def check(facts: Facts) -> Iterator[Finding]:
    params = facts.params
    profile = facts.profile
    for doc in facts.documents or ():
        if doc.material is None:
            continue
        owner = owner_of(doc, profile, params)
        if owner is not None:
            yield from _ids(facts, doc, owner, profile)
            yield from _names(facts, doc, owner, params)
        if doc.material in EDUCATION_DOCS and doc.person == "applicant":
            yield from _education(facts, doc, params)
        if doc.material == "marriage_certificate":
            yield from _marriage(facts, doc, profile)


def _finding(facts: Facts, doc: Document, what: str, found: Any, expected: Any, whose: PersonFacts | str,
             subject: str, hint: dict[str, str] | None = None, **extra: Any) -> Finding:
    if isinstance(whose, PersonFacts):
        whose_zh, whose_en = whose.label("zh"), whose.label("en")
    else:
        whose_zh, whose_en = whose, whose
    return make_finding(__name__, facts, files=(doc.path,), subject=subject, hint=hint,
                        doc=material_label(doc.material, "zh"), doc_en=material_label(doc.material, "en"),
                        what=what, what_en=WHAT_EN.get(what, what), found=found, expected=expected, whose=whose_zh,
                        whose_en=whose_en, file=doc.path, **extra)


def _ids(facts: Facts, doc: Document, owner: PersonFacts, profile: Profile) -> Iterator[Finding]:
    if doc.material not in ID_STRICT or not owner.id_number:
        return
    everyone = people(profile)
    known = {p.id_number for p in everyone if p.id_number}
    on_doc = [str(i) for i in field_list(doc, "id_numbers")]
    unknown = [i for i in on_doc if i not in known]
    if not unknown:
        return
    if doc.material == "marriage_certificate" and owner.role == "applicant" and owner.id_number in on_doc:
        spouse = next((p for p in everyone if p.role == "spouse"), None)
        if spouse is not None and spouse.id_number:
            for number in unknown:
                yield _finding(facts, doc, "身份证号", number, spouse.id_number, spouse, "spouse.id_number", HINT_ID)
        return
    if owner.id_number in on_doc and doc.material in ("birth_certificate",):
        return  # a parent's number we do not know (the other parent may not be in the profile)
    for number in unknown:
        yield _finding(facts, doc, "身份证号", number, owner.id_number, owner, f"{owner.path}.id_number", HINT_ID)


def _names(facts: Facts, doc: Document, owner: PersonFacts, params: Params) -> Iterator[Finding]:
    names = [str(n) for n in field_list(doc, "names") if n]
    if not names or not owner.name:
        return
    if any(same_name(owner.name, n, doc.ocr, params) for n in names):
        return
    others = [p.name for p in people(facts.profile) if p is not owner and p.name]
    strangers = [n for n in names if not any(same_name(o, n, doc.ocr, params) for o in others)]
    if not strangers:
        return  # only other family members are named: whose it is was decided by their names, nothing to compare
    found = min(strangers, key=lambda n: edit_distance(normalise(n), normalise(owner.name)))
    if unsure_why(doc, "names"):
        yield unverified(__name__, facts, doc, "names", "姓名", WHAT_EN["姓名"], found, owner.name, f"{owner.path}.name")
        return
    yield _finding(facts, doc, "姓名", found, owner.name, owner, f"{owner.path}.name")


def _education(facts: Facts, doc: Document, params: Params) -> Iterator[Finding]:
    f = doc.fields
    level = education_level(f.get("level"), f.get("degree"))
    if not level:
        return
    entries = [(i, e) for i, e in enumerate(facts.profile.education) if e.level == level]
    if not entries:
        if doc.material == "xuexin_record":
            yield make_finding(__name__, facts, files=(doc.path,), subject="education", severity="warning",
                               message=MESSAGE_UNLISTED, hint=HINT_UNLISTED, doc=material_label(doc.material, "zh"),
                               doc_en=material_label(doc.material, "en"), level=level,
                               school=f.get("school") or "?", file=doc.path)
        return
    school = f.get("school")
    index, entry = next(((i, e) for i, e in entries if school and same_unit(e.school, school, doc.ocr, params)),
                        entries[0])
    subject = f"education[{index}]"
    whose_label = f"{subject}（{level}）"
    for key, what in (("school", "学校"), ("study_mode", "学习形式"), ("enrol_date", "入学年月"), ("grad_date", "毕业年月"),
                      ("degree", "学位")):
        if f.get(key) is not None and unsure_why(doc, key):  # not read with confidence: nothing is asserted on it
            f = {k: v for k, v in f.items() if k != key}
            yield unverified(__name__, facts, doc, key, what, WHAT_EN[what], doc.fields[key], "?", f"{subject}.{key}")
    school = f.get("school")
    if school and entry.school and not same_unit(entry.school, school, doc.ocr, params):
        yield _finding(facts, doc, "学校", school, entry.school, whose_label, f"{subject}.school", HINT_EDUCATION)
    mode = f.get("study_mode")
    if mode and entry.mode and entry.mode != "国外" and mode != entry.mode:
        yield _finding(facts, doc, "学习形式", mode, entry.mode, whose_label, f"{subject}.mode", HINT_EDUCATION)
    tolerance = int(params["rules_folder.education.date_tolerance_months"])
    for key, attr, what in (("enrol_date", "start", "入学年月"), ("grad_date", "end", "毕业年月")):
        value, claimed = f.get(key), getattr(entry, attr)
        if doc.material == "degree_verification_report" and key == "grad_date":
            continue  # 获学位日期 is the degree's date, not the 毕业 date
        if isinstance(value, date) and claimed is not None and abs(Month.of(value) - claimed) > tolerance:
            yield _finding(facts, doc, what, Month.of(value), claimed, whose_label, f"{subject}.{attr}",
                           HINT_EDUCATION)
    degree = f.get("degree")
    if degree and entry.degree and entry.degree != "none" and degree != entry.degree:
        yield _finding(facts, doc, "学位", degree, entry.degree, whose_label, f"{subject}.degree", HINT_EDUCATION)


def _marriage(facts: Facts, doc: Document, profile: Profile) -> Iterator[Finding]:
    spouse = profile.spouse
    registered = doc.fields.get("registration_date")
    if spouse is None or spouse.married is None or not isinstance(registered, date):
        return
    if registered != spouse.married and unsure_why(doc, "registration_date"):
        yield unverified(__name__, facts, doc, "registration_date", "结婚登记日期", WHAT_EN["结婚登记日期"], registered,
                         spouse.married, "spouse.married")
    elif registered != spouse.married:
        yield _finding(facts, doc, "结婚登记日期", registered, spouse.married, "配偶" if facts.config.lang != "en"
                       else "spouse", "spouse.married", HINT_MARRIAGE)
