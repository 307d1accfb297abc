"""not-eligible: an eligibility gate of the application fails (实施细则 第二条).

**What it checks.** The scorer's eligibility gates (实施细则第二条 申请条件 (O4); how matcheck reads them:
docs/scoring.md, Eligibility gates), one finding per failed gate: a valid 《上海市居住证》 on the assessment date
(``residence_permit``); employed and paying Shanghai 职工社保 in the application month or the month before
(``current_insurance``); at least 6 of the last 12 months paid, 补缴 excluded (``paid_months``); the employer
registered in Shanghai, not a branch of an out-of-town company (``employer_registration``); and an age at which
one is still in insured employment (``age``, a warning: it is practice, not a gate in the rule text). An expired permit
is left to ``permit-expired``, which says more.

**Why it matters.** The centre does not accept (不予受理) an application that fails a gate: no points are assessed
at all, whatever the score would be (实施细则第二条 申请条件（O4） [B]; S1 Art. 2, S20, S23, S24).

**Example.** 社保 paid in Shanghai only from 2026-08 with ``as_of: 2026-11-20`` → error: 2025-11 to 2026-10 has 3
months paid, fewer than 6.

**How to fix.** Depends on the gate: wait until 6 months of Shanghai 社保 have been paid (补缴 months do not count);
make sure the employer pays 社保 for the application month; renew the 居住证; apply through an employer registered in
Shanghai. The 社保 record comes from 随申办 (社保 → 缴费记录) or the 社保 centre.
"""

from __future__ import annotations

from typing import Iterator

from matcheck import rule_names
from matcheck.checks.insurance import CURRENT_INSURANCE
from matcheck.results import Finding
from matcheck.rules.base import Facts, make_finding, render

CODE = "MC501"
NAME = rule_names.NOT_ELIGIBLE
SEVERITY = "error"
REFERENCE = "《上海市居住证积分管理办法实施细则》第二条 申请条件；《上海市居住证积分管理办法》第二条 (O4, O2; S1, S20, S23, S24) [B]"
NEEDS = frozenset({"profile"})
REPORTS = frozenset({CURRENT_INSURANCE})  # the checklist's prerequisite line is not reported again
MESSAGE = {
    "zh": "不符合积分申请条件：{detail}。中心对不符合条件的申请不予受理。",
    "en": "Not eligible to apply ({gate_en}): {detail}. The centre does not accept such an application.",
}
MESSAGE_PRACTICE = {
    "zh": "可能不符合积分申请条件：{detail}。",
    "en": "Probably not eligible to apply ({gate_en}): {detail}.",
}
HINT = {
    "zh": "先满足申请条件再提交。",
    "en": "Meet the condition before applying.",
}
GATES = {
    "residence_permit": ("the 居住证 is not valid on the application date",
                         "带上有效期内的《上海市居住证》；到期的先在随申办“居住证签注”办理签注/续签。",
                         "Bring a 居住证 valid on the application date; renew an expired one (随申办 居住证签注)."),
    "current_insurance": ("no Shanghai 社保 paid in the application month",
                          "申请当月须在职并由本单位正常缴纳本市职工社保；在随申办查询社保缴费记录，确认后再申请。",
                          "The employer must pay Shanghai 社保 for the application month; check the record in 随申办 "
                          "and apply once it shows."),
    # {required} and {window} come from the scorer's observation (eligibility.paid_months_* in checklists/)
    "paid_months": ("fewer than {required} of the last {window} months of Shanghai 社保",
                    "待最近{window}个月内正常缴纳本市职工社保满{required}个月（补缴不计）后再申请；缴费记录可在随申办打印。",
                    "Apply once {required} of the last {window} months of Shanghai 社保 are paid (back-paid months "
                    "do not count); print the record from 随申办."),
    "employer_registration": ("the employer is not registered in Shanghai",
                              "须由在本市注册的用人单位申请；外省市企业在沪分支机构的员工不能申请，可由本市注册的单位聘用后再申请。",
                              "The application must go through an employer registered in Shanghai; staff of a "
                              "branch of an out-of-town company cannot apply."),
    "age": ("age outside insured working age",
            "核对身份证号码（出生日期）；超过退休年龄一般已不能在职缴纳社保，无法申请。",
            "Check the ID number (birth date); past retirement age one is normally no longer in insured "
            "employment and cannot apply."),
}
PRACTICE_GATES = frozenset({"age"})  # practice, not rule text: a warning


def check(facts: Facts) -> Iterator[Finding]:
    for obs in facts.observations(NAME):
        gate = str(obs.args.get("gate") or "")
        if obs.args.get("verdict") in facts.reported_elsewhere:
            continue  # e.g. an expired permit: permit-expired words it, with the date and the renewal hint
        gate_en, hint_zh, hint_en = GATES.get(gate, (gate or "eligibility", HINT["zh"], HINT["en"]))
        gate_en = render({"en": gate_en}, "en", obs.args)
        yield make_finding(__name__, facts, files=obs.files, subject=obs.subject,
                           severity="warning" if gate in PRACTICE_GATES else None,
                           message=MESSAGE_PRACTICE if gate in PRACTICE_GATES else None,
                           hint={"zh": hint_zh, "en": hint_en}, **{**dict(obs.args), "gate_en": gate_en})
