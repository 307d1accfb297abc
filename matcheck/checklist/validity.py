"""Validity rules of materials (有效期要求), worded for the assessment date: one named rule per kind of window.

The catalog names a rule (``validity: {rule: recent_tax_months}``); the numbers come from the policy data in force
on the assessment date (never a literal here), so the sentence on the checklist says exactly which months, which
dates. ``PARAMS`` lists the parameters each rule reads (a test checks that they exist).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from matcheck.assessment import Assessment
from matcheck.checks.tax import tax_window
from matcheck.dates import add_months
from matcheck.workdays import CalendarUnknown, add_working_days


@dataclass(frozen=True)
class ValidityRule:
    name: str
    params: tuple[str, ...]
    render: Callable[[Assessment], str]


def _valid_on(a: Assessment) -> str:
    return f"评估日 {a.as_of} 仍在有效期内"


def _recent_tax_months(a: Assessment) -> str:
    window = tax_window(a.as_of, a.params)
    return f"税款所属期须覆盖 {window[0]} 至 {window[-1]}（评估日前最近 {len(window)} 个月，逐月无缺）"


def _contract_term(a: Assessment) -> str:
    years = int(a.params["rules_profile.contract.min_term_years"])
    left = int(a.params["rules_profile.contract.min_months_left"])
    return (f"合同期限不少于 {years} 年；到期日不早于 {add_months(a.as_of, left)}"
            f"（评估日后至少剩 {left} 个月，部分版本的要求）；无固定期限合同可")


def _recent_years(a: Assessment) -> str:
    n = int(a.params["materials.investment_window_years"])
    last = a.as_of.year - 1
    return f"最近连续 {n} 个完整年度（{last - n + 1}–{last} 年），按年列明"


def _online_verification(a: Assessment) -> str:
    return f"在线验证有效期须覆盖递交日 {a.as_of} 及约20个工作日的审核期（学信网申请时自选验证期限）"


def _degree_online(a: Assessment) -> str:
    since: date = a.params["materials.degree_online_verification_from"]
    return f"在线验证有效期须覆盖递交日 {a.as_of}；{since} 以前授予的学位无在线验证报告，需学信网学位认证"


def _account_after_permit(a: Assessment) -> str:
    n = int(a.params["rules_profile.permit.min_working_days_before_account"])
    permit = a.profile.applicant.residence_permit
    text = f"领取居住证满 {n} 个工作日后再创建积分账号"
    if permit is not None and permit.issued is not None:
        try:
            text += f"（居住证 {permit.issued} 签发 → 不早于 {add_working_days(permit.issued, n)}）"
        except CalendarUnknown:
            text += f"（居住证 {permit.issued} 签发；该年份的工作日日历未知）"
    return text


_RULES = (
    ValidityRule("valid_on_as_of", (), _valid_on),
    ValidityRule("recent_tax_months", ("rules_folder.tax_record.window_months",
                                       "rules_folder.tax_record.window_end_lag_months"), _recent_tax_months),
    ValidityRule("contract_term", ("rules_profile.contract.min_term_years", "rules_profile.contract.min_months_left"),
                 _contract_term),
    ValidityRule("recent_years", ("materials.investment_window_years",), _recent_years),
    ValidityRule("online_verification", (), _online_verification),
    ValidityRule("degree_online_coverage", ("materials.degree_online_verification_from",), _degree_online),
    ValidityRule("account_after_permit", ("rules_profile.permit.min_working_days_before_account",),
                 _account_after_permit),
)

VALIDITY_RULES: dict[str, ValidityRule] = {r.name: r for r in _RULES}
