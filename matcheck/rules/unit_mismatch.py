"""unit-mismatch: the units on the 社保, 劳动合同, 个税 and 营业执照 are not one and the same employer.

**What it checks.** The employer's full name in the profile (``employer.name``, the 劳动合同 unit) against:

* the profile itself: ``tax.withholding_unit`` and the unit of every 社保 period since the contract started;
* when the folder is read: the 甲方 of the 劳动合同, the 名称 and 统一社会信用代码 on the 营业执照, the 缴费单位 on the
  社保 record (the employer must be among them, and every other unit must be one the profile's 社保 periods or
  work history name) and the 扣缴义务人 on the 个税 records (the employer must be among
  them; any other withholding unit in the window is a warning).

Names are compared in full after normalising spaces and brackets; abbreviations never match. A name read by OCR
may differ by a few characters (parameter ``rules_folder.units.ocr_max_edit_ratio``).

**Only a confident reading is an error.** A unit is read *with confidence* when it was found after its label
(甲方（用人单位）名称, 名称, 缴费单位, 扣缴义务人 …, or in that label's table cell) and looks like an organisation
(it ends in a legal suffix such as 有限公司), and — when read by OCR — the document's OCR confidence is at least
{MIN_OCR_CONFIDENCE}. A unit found otherwise (the first organisation on a contract whose parties carry no label) or read by a
low-confidence OCR can only raise an ``info``: ``无法核对劳动合同上的甲方（文件：…）``, so the officer looks.

**Why it matters.** 社保 months paid by a unit other than the contract unit do not count for 社保年限 or 社保基数
(《上海市居住证积分管理办法》第六条: an error), and the centres expect 个税 withholding unit = 社保 unit = contract
unit (agency practice: a warning); a mismatch is returned or loses the months.

**Example.** The contract's 甲方 is 上海示例信息科技有限公司 but the 个税 record's 扣缴义务人 is 上海示例人力资源有限公司
→ ``个税纳税记录上的扣缴义务人为 上海示例人力资源有限公司，与单位名称 上海示例信息科技有限公司 不一致``.

**How to fix.** If the employer pays through an agency (代缴) or a group company, the points are not counted on
those months: move 社保 and 个税 to the contracting employer. If it is a typo or an abbreviation in the profile,
write the full registered name from the 营业执照.
"""

from __future__ import annotations

from typing import Any, Iterator

from matcheck.dates import Month
from matcheck.matching import same_unit
from matcheck.materials import material_label
from matcheck.results import Document, Finding, field_list
from matcheck.rules.base import Facts, documented, make_finding
from matcheck.rules.folder_common import unsure_why, unverified

__doc__ = documented(__doc__)

TAX_SEVERITY = "warning"
"""个税 withholding unit = contract unit is agency practice (S59 [C]); the official text excludes only 社保 months
whose base does not match the 个税 (S10) and months paid by another unit: an error for those, a warning here."""

CODE = "MC302"
NAME = "unit-mismatch"
SEVERITY = "error"
REFERENCE = "《上海市居住证积分管理办法》第六条（缴费单位与劳动合同单位不一致的月份不计）；社保、合同、个税须同一单位（受理实践） (O2; S12, S27, S59) [B/C]"
NEEDS = frozenset({"profile"})  # the profile's own units always; the documents' when a folder was read
MESSAGE = {
    "zh": "{where}上的{what}为 {found}，与单位名称 {employer} 不一致{files_note}。",
    "en": "The {what_en} on the {where_en} is {found}, not the employer {employer}{files_note}.",
}
HINT = {
    "zh": "社保、个税和劳动合同须为同一单位（以营业执照上的全称为准）；由其他单位代缴的月份不计入积分。",
    "en": "社保, 个税 and the contract must be the same unit (its full name on the 营业执照); months paid by another "
          "unit do not count.",
}
MESSAGE_PROFILE = {
    "zh": "资料中 {where} 的{what}为 {found}，与单位名称（劳动合同单位）{employer} 不一致。",
    "en": "In the profile, {where_en} names {found} as the {what_en}, not the employer {employer}.",
}
MESSAGE_MISSING = {
    "zh": "{where}上没有单位 {employer}（只有 {found}）{files_note}。",
    "en": "The {where_en} does not show the employer {employer} (only {found}){files_note}.",
}
MESSAGE_UNKNOWN_UNIT = {
    "zh": "{where}上有缴费单位 {found}，资料中的社保和工作经历里都没有这个单位（资料称由 {employer} 缴纳）{files_note}。",
    "en": "The {where_en} shows the paying unit {found}, which neither the profile's 社保 periods nor its work "
          "history name (the profile says {employer} pays){files_note}.",
}
MESSAGE_EXTRA = {
    "zh": "{where}上除 {employer} 外还有扣缴义务人 {found}{files_note}。",
    "en": "Besides {employer}, the {where_en} shows another withholding unit: {found}{files_note}.",
}
HINT_EXTRA = {
    "zh": "确认这些月份的工资由谁发放；评估期内的个税应由合同单位扣缴（换过单位的，请说明时间）。",
    "en": "Check who paid the salary in those months; within the window the contract unit should withhold the tax.",
}
# 收入纳税明细 (tax_income_detail) is the 个税 view that names the 扣缴义务人; the 纳税记录 usually does not.
TAX_MATERIALS = ("tax_record", "tax_income_detail")
WHAT_EN = {"扣缴义务人": "withholding unit", "缴费单位": "paying unit", "甲方": "employer (甲方)",
           "名称": "company name", "统一社会信用代码": "credit code"}


def check(facts: Facts) -> Iterator[Finding]:
    employer = facts.profile.employer.name
    if not employer:
        return
    yield from _profile(facts, employer)
    if facts.documents is not None:
        yield from _documents(facts, employer)


def _emit(facts: Facts, where: str, where_en: str, what: str, found: str, employer: str, subject: str,
          files: tuple[str, ...] = (), message: dict[str, str] | None = None, hint: dict[str, str] | None = None,
          severity: str | None = None) -> Finding:
    note = f"（文件：{'、'.join(files)}）" if files and facts.config.lang != "en" else (
        f" (file: {', '.join(files)})" if files else "")
    return make_finding(__name__, facts, files=files, subject=subject, message=message, hint=hint,
                        severity=severity, where=where, where_en=where_en, what=what,  # type: ignore[arg-type]
                        what_en=WHAT_EN.get(what, what), found=found, employer=employer, files_note=note)


def _mismatch(facts: Facts, doc: Document, key: str, what: str, found: str, employer: str, subject: str,
              **emit: Any) -> Finding:
    """A unit on ``doc`` that is not the employer: an error (or the given severity) when it was read with
    confidence; when the reader was unsure of it, only the info that it could not be verified, and where."""
    if unsure_why(doc, key):
        return unverified(__name__, facts, doc, key, what, WHAT_EN[what], found, employer, subject)
    return _emit(facts, material_label(doc.material, "zh"), material_label(doc.material, "en"), what, found, employer,
                 subject, (doc.path,), **emit)


def _profile(facts: Facts, employer: str) -> Iterator[Finding]:
    params = facts.params
    profile = facts.profile
    unit = profile.tax.withholding_unit if profile.tax else None
    if unit and not same_unit(employer, unit, False, params):
        yield _emit(facts, "tax.withholding_unit", "tax.withholding_unit", "扣缴义务人", unit, employer,
                    "tax.withholding_unit", message=MESSAGE_PROFILE, severity=TAX_SEVERITY)
    start = profile.contract.start if profile.contract and profile.contract.start else None
    since = Month.of(start) if start else None
    current = Month.of(facts.as_of)
    for i, period in enumerate(profile.social_insurance):
        if not period.unit or period.backpaid:
            continue
        end = period.to or current
        if since is not None and end < since:
            continue  # an earlier employer, before this contract
        if since is None and period.to is not None and period.to < current - 1:
            continue  # no contract start given: only the current period is the employer's
        if not same_unit(employer, period.unit, False, params):
            yield _emit(facts, f"social_insurance[{i}]", f"social_insurance[{i}]", "缴费单位", period.unit, employer,
                        f"social_insurance[{i}].unit", message=MESSAGE_PROFILE)


def _profile_units(facts: Facts) -> list[str]:
    """Every unit the profile names: the employer, its 社保 periods' units, its work history's units."""
    p = facts.profile
    return [u for u in [p.employer.name, *(s.unit for s in p.social_insurance), *(w.unit for w in p.work_history)]
            if u]


def _documents(facts: Facts, employer: str) -> Iterator[Finding]:
    params = facts.params
    credit = facts.profile.employer.credit_code
    for doc in facts.documents or ():
        where, where_en = material_label(doc.material, "zh"), material_label(doc.material, "en")
        files = (doc.path,)
        if doc.material == "labour_contract":
            party = doc.fields.get("employer")
            if party and not same_unit(employer, str(party), doc.ocr, params):
                yield _mismatch(facts, doc, "employer", "甲方", str(party), employer, "employer.name")
        elif doc.material == "business_license":
            name = doc.fields.get("company_name")
            if name and not same_unit(employer, str(name), doc.ocr, params):
                yield _mismatch(facts, doc, "company_name", "名称", str(name), employer, "employer.name")
            codes = [str(c) for c in field_list(doc, "credit_codes")]
            if credit and codes and credit not in codes:
                yield _emit(facts, where, where_en, "统一社会信用代码", "、".join(codes), credit,
                            "employer.credit_code", files)
        elif doc.material == "social_insurance_record" and doc.person in ("applicant", None):
            units = [str(u) for u in field_list(doc, "si_units")]
            if units and not any(same_unit(employer, u, doc.ocr, params) for u in units):
                yield _mismatch(facts, doc, "si_units", "缴费单位", "、".join(units), employer, "social_insurance",
                                message=MESSAGE_MISSING)
                continue
            known = _profile_units(facts)
            strangers = [u for u in units if not any(same_unit(k, u, doc.ocr, params) for k in known)]
            if strangers:
                yield _emit(facts, where, where_en, "缴费单位", "、".join(strangers), employer, "social_insurance",
                            files, message=MESSAGE_UNKNOWN_UNIT)
        elif doc.material in TAX_MATERIALS and doc.person in ("applicant", None):
            units = [str(u) for u in field_list(doc, "withholding_units")]
            if not units:
                continue  # the 纳税记录 has no 扣缴义务人 column (documents.md §3.1): nothing to compare
            if not any(same_unit(employer, u, doc.ocr, params) for u in units):
                yield _mismatch(facts, doc, "withholding_units", "扣缴义务人", "、".join(units), employer,
                                "tax.withholding_unit", message=MESSAGE_MISSING, severity=TAX_SEVERITY)
            else:
                others = [u for u in units if not same_unit(employer, u, doc.ocr, params)]
                if others:
                    yield _emit(facts, where, where_en, "扣缴义务人", "、".join(others), employer,
                                "tax.withholding_unit", files, message=MESSAGE_EXTRA, hint=HINT_EXTRA,
                                severity="warning")
