"""contract-too-short: the 劳动(聘用)合同 is shorter than 1 year, has ended, or has under 2 months left.

**What it checks.** The contract term (``contract.start`` … ``contract.end``; 无固定期限 ``open_ended: true`` always
passes): a term under ``rules_profile.contract.min_term_years`` (1 year: 2025-07-01 to 2026-06-30 is exactly one
year) is an error; a contract that ended before the assessment date is an error; one that ends within
``rules_profile.contract.min_months_left`` (2) months of it is a warning. The term printed on a 劳动合同 file in a
folder is judged by ``material-expired`` (the folder check), so that one contract gives one finding per source.

**Why it matters.** A 劳动(聘用)合同 of one year or more is a basic material of every application (实施细则第四条、《积分申请的个人书面材料》（O4, O7）
item 6 [B]); the centre does not accept a shorter one. Some versions of the materials list also ask for at least 2
months left before it expires (S31 [C]); an expired contract means the applicant is not in the employment the
application is based on.

**Example.** ``contract: {start: 2026-06-01, end: 2027-01-31}`` → error: an 8-month contract. ``contract: {start:
2024-01-01, end: 2026-12-31}`` with ``as_of: 2026-11-20`` → warning: only 1 month and 11 days left.

**How to fix.** Renew (续签) the contract with the employer for at least a year (or sign a 无固定期限 contract),
then bring the new 劳动合同 (原件+复印件) and update ``contract``. 派遣 staff also bring the 派遣协议.
"""

from __future__ import annotations

from typing import Iterator

from matcheck.checks.contract import contract_term
from matcheck.results import Finding
from matcheck.rules.base import Facts, make_finding

CODE = "MC504"
NAME = "contract-too-short"
SEVERITY = "error"
REFERENCE = "《上海市居住证积分管理办法实施细则》第四条、《〈上海市居住证〉积分申请的个人书面材料》：劳动（聘用）合同一年以上 (O4, O7; S28, S29) [B]; “到期前至少剩2个月”只见于部分清单 (S31) [C]"
NEEDS = frozenset({"profile"})
MESSAGE = {
    "zh": "劳动合同期限{start}至{end}不足{years}年：中心要求一年及以上的劳动(聘用)合同。",
    "en": "The labour contract runs {start} to {end}, less than {years} year(s); the centre requires a contract "
          "of at least one year.",
}
HINT = {
    "zh": "与单位续签一年及以上（或无固定期限）的劳动合同，带上新合同原件和复印件，并更新 profile 的 contract。",
    "en": "Renew the contract with the employer for a year or more (or open-ended), bring the new contract "
          "(original + copy) and update contract in the profile.",
}
MESSAGE_ENDED = {
    "zh": "劳动合同已于{end}到期（申请日{as_of}）：申请所依据的劳动关系不在合同期内。",
    "en": "The labour contract ended on {end} (application date {as_of}); the employment the application rests "
          "on is no longer under contract.",
}
MESSAGE_SOON = {
    "zh": "劳动合同将于{end}到期，申请日{as_of}时剩余不足{months}个月：部分受理点要求合同剩余期限至少{months}个月。",
    "en": "The labour contract ends on {end}, less than {months} months after the application date {as_of}; some "
          "desks require at least {months} months left.",
}
HINT_SOON = {
    "zh": "申请前与单位续签劳动合同，带上续签后的合同（原件+复印件），并更新 contract.end。",
    "en": "Renew the contract before applying, bring the renewed contract (original + copy) and update "
          "contract.end.",
}


def check(facts: Facts) -> Iterator[Finding]:
    contract = facts.profile.contract
    if contract is None or contract.open_ended or contract.end is None:
        return
    start, end = contract.start, contract.end
    term = contract_term(start, end, False, facts.assessment)  # the same verdict judges a contract file
    subject = "contract"
    if term.too_short:
        yield make_finding(__name__, facts, subject=subject, start=start, end=end,
                           years=term.requirement.min_term_years)
    if term.ended:
        yield make_finding(__name__, facts, subject=subject, message=MESSAGE_ENDED, hint=HINT_SOON,
                           end=end, as_of=facts.as_of)
        return
    if term.few_months_left:
        yield make_finding(__name__, facts, subject=subject, severity="warning", message=MESSAGE_SOON,
                           hint=HINT_SOON, end=end, as_of=facts.as_of, months=term.requirement.min_months_left)
