"""申请资格 (eligibility gates, 实施细则 第二条) — findings, not points: rules.md §3.3, §7 Eligibility gates.

Each failed gate is an ``Observation(rule="not-eligible", args={"gate": ..., "detail": "<中文说明>", ...})``:
a valid 居住证 on as_of; employed and paying Shanghai 社保 in the as_of month or the month before; at least 6 of
the last 12 months paid, 补缴 excluded; the employer registered in Shanghai.
"""

from __future__ import annotations

from matcheck import rule_names
from matcheck.checks.insurance import CURRENT_INSURANCE, current_insurance
from matcheck.checks.permit import PERMIT_EXPIRED, permit_validity
from matcheck.results import Observation
from matcheck.scoring.context import Ctx


def eligibility(ctx: Ctx) -> list[Observation]:
    p = ctx.profile
    out: list[Observation] = []
    permit = permit_validity(ctx.assessment)
    if permit is None or not permit.stated:
        if not ctx.pending("applicant.residence_permit"):
            out.append(Observation(rule_names.NOT_ELIGIBLE, {
                "gate": "residence_permit", "detail": "资料未填写《上海市居住证》：申请积分须持有效居住证"},
                subject="applicant.residence_permit"))
    elif permit.not_yet_issued or permit.expired:
        out.append(Observation(rule_names.NOT_ELIGIBLE, {
            "gate": "residence_permit", "issued": str(permit.issued), "expires": str(permit.expires),
            "verdict": PERMIT_EXPIRED if permit.expired else None,
            "detail": f"{ctx.as_of}居住证不在有效期内（{permit.issued or '?'}至{permit.expires or '?'}）"},
            subject="applicant.residence_permit"))
    if p.employer.registered_in_shanghai is False:
        out.append(Observation(rule_names.NOT_ELIGIBLE, {
            "gate": "employer_registration", "employer": p.employer.name,
            "detail": "用人单位不在本市注册（外省市企业在沪分支机构的员工不能申请）"}, subject="employer.registered_in_shanghai"))
    current = current_insurance(ctx.assessment)
    if current.disproved:
        out.append(Observation(rule_names.NOT_ELIGIBLE, {
            "gate": "current_insurance", "verdict": CURRENT_INSURANCE, "detail": f"{ctx.as_of_month}或之前{current.lag}个月内没有正常缴纳本市职工社保"
                                                  "（申请当月须在职并缴纳）"}, subject="social_insurance"))
    need = ctx.params["eligibility.paid_months_min"]
    window = ctx.params["eligibility.paid_months_window"]
    start, end = ctx.last_month - (window - 1), ctx.last_month
    paid = sum(1 for r in ctx.ledger.between(start, end) if not r.backpaid)
    if paid < need and not ctx.pending("social_insurance"):
        out.append(Observation(rule_names.NOT_ELIGIBLE, {
            "gate": "paid_months", "months": paid, "required": need, "window": window, "window_start": str(start),
            "window_end": str(end),
            "detail": f"{start}至{end}正常缴纳本市职工社保 {paid} 个月，不足{need}个月（补缴不计）"},
            subject="social_insurance"))
    return out
