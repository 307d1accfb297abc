"""Validity rules of materials (有效期要求): ONE table, each named rule with its wording and its verdict.

The catalog names a rule (``validity: {rule: recent_tax_months}``). Each rule says, for the assessment date, what
the checklist prints (``render``: exactly which months, which dates) and, when the folder holds the material, whether
the files meet it (``judge`` → a :class:`MaterialVerdict`, read by :mod:`matcheck.gaps`; None: nothing to judge on
a file). The numbers come from the policy data in force (never a literal here); ``params`` lists the parameters each
rule reads (a test checks that they exist).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from matcheck.assessment import Assessment
from matcheck.checks.contract import contract_requirement, contract_term
from matcheck.checks.permit import account_timing
from matcheck.checks.tax import months_covered, tax_window
from matcheck.results import Document


@dataclass(frozen=True)
class MaterialVerdict:
    """Whether the files of a checklist line meet it: ``status`` as :class:`~matcheck.results.MaterialStatus`
    has it (present | missing | incomplete | expired | unverified), a note, and the values a message may name."""

    status: str
    note: str | None = None
    args: dict[str, Any] | None = None


PRESENT = MaterialVerdict("present")


@dataclass(frozen=True)
class ValidityRule:
    name: str
    params: tuple[str, ...]
    render: Callable[[Assessment], str]
    judge: Callable[[str, list[Document], Assessment], MaterialVerdict] | None = None  # (material, files, ...)


def _valid_on(a: Assessment) -> str:
    return f"评估日 {a.as_of} 仍在有效期内"


def _recent_tax_months(a: Assessment) -> str:
    window = tax_window(a.as_of, a.params)
    return f"税款所属期须覆盖 {window[0]} 至 {window[-1]}（评估日前最近 {len(window)} 个月，逐月无缺）"


def _contract_term(a: Assessment) -> str:
    need = contract_requirement(a)
    return (f"合同期限不少于 {need.min_term_years} 年；到期日不早于 {need.end_not_before}"
            f"（评估日后至少剩 {need.min_months_left} 个月，部分版本的要求）；无固定期限合同可")


def _recent_years(a: Assessment) -> str:
    n = int(a.params["materials.investment_window_years"])
    last = a.as_of.year - 1
    return f"最近连续 {n} 个完整年度（{last - n + 1}–{last} 年），按年列明"


def _online_verification(a: Assessment) -> str:
    days = a.params["materials.review_working_days"]
    return f"在线验证有效期须覆盖递交日 {a.as_of} 及约{days}个工作日的审核期（学信网申请时自选验证期限）"


def _degree_online(a: Assessment) -> str:
    since: date = a.params["materials.degree_online_verification_from"]
    return f"在线验证有效期须覆盖递交日 {a.as_of}；{since} 以前授予的学位无在线验证报告，需学信网学位认证"


def _account_after_permit(a: Assessment) -> str:
    timing = account_timing(a)
    text = f"领取居住证满 {timing.needed} 个工作日后再创建积分账号"
    if timing.issued is not None:
        if timing.earliest is not None:
            text += f"（居住证 {timing.issued} 签发 → 不早于 {timing.earliest}）"
        else:
            text += f"（居住证 {timing.issued} 签发；该年份的工作日日历未知）"
    return text


# --------------------------------------------------------------------------- verdicts on the files


ID_SIDES_ZH = {"front": "正面（人像面）", "back": "反面（国徽面）"}


def _judge_card(material: str, docs: list[Document], a: Assessment) -> MaterialVerdict:
    """A card is valid when one of its files shows a validity ending on or after as_of (长期 counts); a 居民身份证
    is copied on both sides, so one whose sides were read must show both."""
    verdict = _card_validity(material, docs, a)
    if material == "id_card" and verdict.status == "present":
        sides = {s for d in docs if d.material == "id_card" for s in d.fields.get("id_sides") or ()}
        missing = [s for s in ("front", "back") if sides and s not in sides]
        if missing:
            return MaterialVerdict("incomplete", f"身份证缺少{'、'.join(ID_SIDES_ZH[s] for s in missing)}",
                                   {"reason": "side_missing", "missing_sides": missing})
    return verdict


def _card_validity(material: str, docs: list[Document], a: Assessment) -> MaterialVerdict:
    """Only a validity read with confidence (:meth:`Document.confident`) can make the card ``expired``; a past end
    read without confidence, or a later end read without it, leaves the card ``unverified`` (said, not asserted)."""
    ends = [(d, key, d.fields.get(key)) for d in docs for key in ("valid_until", "term_end")
            if isinstance(d.fields.get(key), date)]
    if any(d.fields.get("valid_long_term") for d in docs):
        return PRESENT
    if not ends:
        if material == "id_card":
            return PRESENT  # the front of an ID card carries no validity; nothing to check
        return MaterialVerdict("unverified", "有效期未能从文件读出", {"reason": "validity_unread"})
    sure = [(d, e) for d, key, e in ends if d.confident(key)]
    unsure = [(d, e) for d, key, e in ends if not d.confident(key)]
    if sure:
        best_doc, best_end = max(sure, key=lambda pair: pair[1])
        if best_end >= a.as_of:
            return MaterialVerdict("present", None, {"valid_until": best_end})
    if unsure:
        doc, end = max(unsure, key=lambda pair: pair[1])
        return MaterialVerdict("unverified", f"有效期读作 {end}，但读数不确定（{doc.ref}），请人工核对",
                               {"reason": "validity_unsure", "valid_until": end, "as_of": a.as_of, "file": doc.path})
    return MaterialVerdict("expired", f"有效期至 {best_end}，早于评估日 {a.as_of}",
                           {"reason": "past_end", "valid_until": best_end, "as_of": a.as_of, "file": best_doc.path})


def _judge_tax(material: str, docs: list[Document], a: Assessment) -> MaterialVerdict:
    tax_docs = [d for d in docs if d.material == "tax_record"]
    if not tax_docs:
        return PRESENT  # 完税证明: pre-2019 periods
    window = tax_window(a.as_of, a.params)
    if not any(d.fields.get("tax_months") for d in tax_docs):
        return MaterialVerdict("unverified", "纳税记录上的税款所属期未能读出，无法确认覆盖的月份",
                               {"reason": "months_unread", "window": [str(m) for m in window]})
    covered = months_covered(tax_docs)
    missing = [m for m in window if m not in covered]
    args = {"window": [str(m) for m in window], "missing_months": [str(m) for m in missing],
            "covered": [str(m) for m in sorted(covered)]}
    unsure = [d for d in tax_docs if d.fields.get("tax_months") and not d.confident("tax_months")]
    if missing and unsure:  # months read without confidence cannot show that a month is missing
        return MaterialVerdict("unverified", f"纳税记录上的月份读数不确定（{'、'.join(d.ref for d in unsure)}），"
                               f"无法确认是否覆盖 {window[0]}至{window[-1]}，请人工核对",
                               {"reason": "months_unsure", **args})
    if missing:
        return MaterialVerdict("incomplete", f"未覆盖 {window[0]}至{window[-1]} 中的 {'、'.join(map(str, missing))}",
                               {"reason": "months_missing", **args})
    return MaterialVerdict("present", None, args)


def _judge_contract(material: str, docs: list[Document], a: Assessment) -> MaterialVerdict:
    terms = [(d, contract_term(d.fields.get("term_start"), d.fields.get("term_end"), bool(d.fields.get("open_ended")),
                               a)) for d in docs]
    readable = [(d, t) for d, t in terms if t.readable]
    if not readable:
        return MaterialVerdict("unverified", "劳动合同的期限未能从文件读出", {"reason": "term_unread"})
    sure = [(d, t) for d, t in readable if d.confident("term_start") and d.confident("term_end")]
    if len(sure) < len(readable):  # a term read without confidence can show a contract valid, never one that fails
        verdict = _contract_verdict(sure, a) if sure else None
        if verdict is not None and verdict.status == "present":
            return verdict
        doc = next(d for d, _ in readable if not (d.confident("term_start") and d.confident("term_end")))
        return MaterialVerdict("unverified", f"劳动合同期限的读数不确定（{doc.ref}），请人工核对",
                               {"reason": "term_unsure", "file": doc.path})
    return _contract_verdict(readable, a)


def _contract_verdict(readable: list, a: Assessment) -> MaterialVerdict:
    """The verdict on the contracts whose terms were read (with confidence): valid if one of them qualifies."""
    problems = []
    for d, t in readable:
        if t.open_ended:
            return MaterialVerdict("present", None, {"open_ended": True})
        start, end = t.start, t.end
        if t.ended:
            problems.append(MaterialVerdict("expired", f"合同已于 {end} 到期", {
                "reason": "past_end", "term_start": start, "term_end": end, "as_of": a.as_of, "file": d.path}))
            continue
        if t.too_short:
            years = t.requirement.min_term_years
            problems.append(MaterialVerdict("expired", f"合同期限 {start} 至 {end} 不足 {years} 年", {
                "reason": "term_too_short", "term_start": start, "term_end": end, "min_term_years": years,
                "file": d.path}))
            continue
        if t.few_months_left:
            left = t.requirement.min_months_left
            problems.append(MaterialVerdict("expired", f"合同 {end} 到期，距评估日 {a.as_of} 不足 {left} 个月", {
                "reason": "too_few_months_left", "term_start": start, "term_end": end, "as_of": a.as_of,
                "min_months_left": left, "file": d.path,
                # the months-left rule is agency practice (some materials lists, S31 [C]), not the official list:
                # what it raises is a warning (severity follows the source), as contract-too-short's is
                "severity": "warning", "practice": True}))
            continue
        return MaterialVerdict("present", None, {"term_start": start, "term_end": end})
    return problems[0]


_RULES = (
    ValidityRule("valid_on_as_of", (), _valid_on, _judge_card),
    ValidityRule("recent_tax_months", ("rules_folder.tax_record.window_months",
                                       "rules_folder.tax_record.window_end_lag_months"), _recent_tax_months,
                 _judge_tax),
    ValidityRule("contract_term", ("rules_profile.contract.min_term_years", "rules_profile.contract.min_months_left"),
                 _contract_term, _judge_contract),
    ValidityRule("recent_years", ("materials.investment_window_years",), _recent_years),
    ValidityRule("online_verification", ("materials.review_working_days",), _online_verification),
    ValidityRule("degree_online_coverage", ("materials.degree_online_verification_from",), _degree_online),
    ValidityRule("account_after_permit", ("rules_profile.permit.min_working_days_before_account",),
                 _account_after_permit),
)

VALIDITY_RULES: dict[str, ValidityRule] = {r.name: r for r in _RULES}
