"""material-expired: a material is in the folder but out of date (居住证, 身份证 past its end; 劳动合同 too short).

**What it checks.** The validity read from the file itself, on the assessment date (``as_of``):

* a 上海市居住证 or 居民身份证 whose 有效期限 ends before ``as_of`` (长期 never ends);
* a 劳动(聘用)合同 that has ended or whose term is shorter than a year (an error), or that has fewer than
  ``rules_profile.contract.min_months_left`` months left: that rule is only in some materials lists (agency practice
  [C]), so it is a **warning** that says so, as ``contract-too-short``'s is for the same date in the profile.

The profile's own dates are checked by ``permit-expired`` and ``contract-too-short``; this rule checks the paper.
Only a date read **with confidence** can make this error (a value the reader found under its label, in the
shape of a date, and, on a photo or scan, with a mean OCR confidence of at least {MIN_OCR_CONFIDENCE}): a past end read without
confidence is ``material-incomplete``'s info "无法核对", naming the reading and the file, so nothing false is asserted.

**Why it matters.** The 受理点 accepts only a 居住证 that is 有效期内, a valid ID, and a contract of at least one
year; an expired card or a contract about to end is sent back, and the points validity follows the 居住证's.

**Example.** ``居住证.jpg`` shows 有效期至 2026-02-28 and the assessment date is 2026-11-20 →
``上海市居住证（申请人）已过期：有效期至 2026-02-28``.

**How to fix.** 居住证: 签注 (renew) it through 随申办 or the 社区事务受理服务中心, then scan the new card.
身份证: renew at the 派出所. 劳动合同: sign a renewal (续签) with the employer that runs at least a year and put
the new contract in the folder.
"""

from __future__ import annotations

from typing import Iterator

from matcheck.checks.contract import contract_requirement
from matcheck.results import Finding
from matcheck.rules.base import Facts, documented, make_finding
from matcheck.rules.folder_common import status_args, status_subject

__doc__ = documented(__doc__)

CODE = "MC102"
NAME = "material-expired"
SEVERITY = "error"
REFERENCE = "《〈上海市居住证〉积分申请的个人书面材料》：有效期内的居住证、身份证件，一年以上劳动合同 (O7; S28) [B]; 居住证签注与积分有效期 (S37, S39) [C]; 合同剩余期限 (S31) [C]"
NEEDS = frozenset({"documents"})
MESSAGE = {
    "zh": "{name}（{whose}）已过期：{note}（文件：{paths}）。",
    "en": "{name_en} ({whose_en}) is out of date: it ends {valid_until}{term_end}, assessment date {as_of} "
          "(file: {paths}).",
}
HINT = {
    "zh": "换发或续签后，把新的{name}放进文件夹：{where}。",
    "en": "Renew it and put the new one in the folder: {where}.",
}
MESSAGE_CONTRACT = {
    "zh": "{name}（{whose}）不符合要求：{note}（文件：{paths}）。",
    "en": "{name_en} ({whose_en}) does not qualify: term {term_start} to {term_end}, assessment date {as_of}; "
          "a term of at least {min_term_years} year(s) with at least {min_months_left} months left is needed "
          "(file: {paths}).",
}
MESSAGE_PRACTICE = {
    "zh": "{name}（{whose}）{note}：部分受理点（经办惯例，非官方材料清单）要求合同剩余期限至少{min_months_left}个月"
          "（文件：{paths}）。",
    "en": "{name_en} ({whose_en}) ends {term_end}, less than {min_months_left} months after the assessment date "
          "{as_of}; some desks (agency practice, not the official materials list) require at least "
          "{min_months_left} months left (file: {paths}).",
}
HINT_CONTRACT = {
    "zh": "与单位续签（或变更）劳动合同，期限至少{min_term_years}年、距到期至少{min_months_left}个月，把新合同放进文件夹。",
    "en": "Sign a renewal with the employer (at least {min_term_years} year(s), at least {min_months_left} months left) and put "
          "the new contract in the folder.",
}


def check(facts: Facts) -> Iterator[Finding]:
    need = contract_requirement(facts.assessment)
    for status in facts.required or ():
        if status.status != "expired":
            continue
        args = {"valid_until": "", "term_start": "", "term_end": "", "as_of": facts.as_of,
                "min_term_years": need.min_term_years, "min_months_left": need.min_months_left,
                **status_args(status)}
        if status.material == "labour_contract":
            practice = bool(status.args.get("practice"))  # the verdict says which requirement failed, and its weight
            yield make_finding(__name__, facts, files=status.files, subject=status_subject(status),
                               severity=status.args.get("severity"),
                               message=MESSAGE_PRACTICE if practice else MESSAGE_CONTRACT, hint=HINT_CONTRACT, **args)
        else:
            yield make_finding(__name__, facts, files=status.files, subject=status_subject(status), **args)
