"""permit-expired: the 《上海市居住证》 is not valid on the application date (or runs out within the 签注 window).

**What it checks.** ``applicant.residence_permit.expires`` against the assessment date (``as_of``): expired before
it → error. Expiring within the renewal window (``rules_profile.permit.renewal_window_days``, 30 days) → warning:
the 签注 is due, and the points' validity ends with the permit's. The 有效期限 printed on a 居住证 file in a folder
is judged by ``material-expired`` (the folder check).

**Why it matters.** A valid 居住证 (有效期内) is the first condition of the application and its first basic
material (实施细则第四条、《积分申请的个人书面材料》（O4, O7）, 实施细则第二条 申请条件（O4） [B]); the centre does not accept an application on an expired permit. The 积分 stays
valid only as long as the permit does (受理审核口径（机构所述实践，非条文） [C]); a 签注 more than ``permit.late_renewal_grace_days`` days late also breaks the
continuity of residence years.

**Example.** ``residence_permit: {issued: 2023-03-01, expires: 2026-02-28}`` with ``as_of: 2026-11-20`` → error:
the permit expired on 2026-02-28.

**How to fix.** Renew (签注/续签) the 居住证 through 随申办 (居住证签注) or the 社区事务受理服务中心, then bring the
renewed card (or the 随申办 亮证 page) and update ``residence_permit.expires``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from matcheck.checks.permit import PERMIT_EXPIRED, permit_validity
from matcheck.results import Finding
from matcheck.rules.base import Facts, make_finding
from matcheck.rules.profile_facts import param

CODE = "MC502"
NAME = "permit-expired"
SEVERITY = "error"
REFERENCE = "《〈上海市居住证〉积分申请的个人书面材料》：有效期内的《上海市居住证》 (O7; S28) [B]; 积分有效期随居住证、签注逾期 (S37, S39) [C]"
NEEDS = frozenset({"profile"})
REPORTS = frozenset({PERMIT_EXPIRED})  # not-eligible leaves the expired permit to this rule while it is enabled
MESSAGE = {
    "zh": "《上海市居住证》已于{expires}到期（申请日{as_of}）：居住证不在有效期内，中心不受理积分申请。",
    "en": "The 上海市居住证 expired on {expires} (application date {as_of}); the centre does not accept an "
          "application on an expired permit.",
}
HINT = {
    "zh": "先在随申办“居住证签注”或社区事务受理服务中心办理签注/续签，带上有效的居住证（或随申办亮证页面），并更新 residence_permit.expires。",
    "en": "Renew it first (随申办 居住证签注, or the 社区事务受理服务中心), bring the valid card (or the 随申办 "
          "page) and update residence_permit.expires.",
}
MESSAGE_SOON = {
    "zh": "《上海市居住证》将于{expires}到期，距申请日{as_of}只有{days}天：积分有效期随居住证，需在到期前{window}天内办理签注。",
    "en": "The 上海市居住证 expires on {expires}, {days} days after the application date {as_of}; the points are "
          "valid only as long as the permit, and the 签注 is due in the {window} days before expiry.",
}
HINT_SOON = {
    "zh": "尽快在随申办“居住证签注”办理签注，办好后更新 residence_permit.expires；逾期超过{grace}天居住年限将不连续。",
    "en": "Do the 签注 now (随申办 居住证签注) and update residence_permit.expires; more than {grace} days late "
          "breaks the continuity of residence years.",
}


def check(facts: Facts) -> Iterator[Finding]:
    validity = permit_validity(facts.assessment)
    expires = validity.expires if validity else None
    subject = "applicant.residence_permit.expires"
    if validity is not None and expires is not None:
        if validity.expired:
            yield make_finding(__name__, facts, subject=subject, expires=expires, as_of=facts.as_of)
        else:
            window = param(facts, "permit.renewal_window_days")
            if expires - facts.as_of < timedelta(days=window):
                yield make_finding(__name__, facts, subject=subject, severity="warning", message=MESSAGE_SOON,
                                   hint=HINT_SOON, expires=expires, as_of=facts.as_of,
                                   days=(expires - facts.as_of).days, window=window,
                                   grace=param(facts, "permit.late_renewal_grace_days"))
