"""permit-too-recent: the points account was (or would be) created fewer than 3 working days after the 居住证.

**What it checks.** ``applicant.account_created`` against ``applicant.residence_permit.issued``: the account should
be created no earlier than the 3rd working day (``rules_profile.permit.min_working_days_before_account``) after the
permit was issued. Working days follow the official holiday calendar, 调休 included (:mod:`matcheck.workdays`): the
3rd working day after 2026-09-30 is Saturday 2026-10-10. When no account date is given and the assessment date is
before that day, it warns not to create the account yet. A year whose official calendar matcheck does not know
gives an info finding saying it could not check.

**Why it matters.** The 居住证 data reaches the points system with a delay; an account created too early may not find
the permit, and the application stalls or has to be redone (agency advice, K1, K2 [?]; not among the 申请条件 of
实施细则第二条 (O4) nor in any other rule text — hence a warning).

**Example.** ``residence_permit.issued: 2026-09-30``, ``account_created: 2026-10-09`` → warning: the earliest safe
day was 2026-10-10 (10-01..10-07 are the 国庆 holiday, 10-10 a 调休 working Saturday).

**How to fix.** If the account was created too early and the system does not show the 居住证, ask the employer's HR to
re-check the applicant's account after the permit data has synced, or re-create it; otherwise create the account
on or after the day given.
"""

from __future__ import annotations

from typing import Iterator

from matcheck.checks.permit import ACCOUNT_AFTER_PERMIT, account_timing
from matcheck.results import Finding
from matcheck.rules.base import Facts, make_finding
from matcheck.rules.profile_facts import param

CODE = "MC503"
NAME = "permit-too-recent"
SEVERITY = "warning"
REFERENCE = "机构建议：领取《上海市居住证》数个工作日后再创建积分账号（数据同步，非条文；天数见参数 rules_profile.permit.min_working_days_before_account） (K1, K2) [?]"
NEEDS = frozenset({"profile"})
REPORTS = frozenset({ACCOUNT_AFTER_PERMIT})  # the checklist's prerequisite line is not reported again
MESSAGE = {
    "zh": "积分账号于{created}创建，距居住证领取日{issued}不足{n}个工作日（最早宜在{earliest}）：居住证数据可能尚未同步到积分系统。",
    "en": "The points account was created on {created}, fewer than {n} working days after the 居住证 was issued on "
          "{issued} (earliest advisable day: {earliest}); the permit data may not have reached the points system.",
}
HINT = {
    "zh": "请单位人事在积分系统中确认能查到该居住证；查不到时待数据同步后重新创建账号。",
    "en": "Ask the employer's HR to check that the points system shows the permit; if not, re-create the account "
          "once the data has synced.",
}
MESSAGE_WAIT = {
    "zh": "居住证于{issued}领取，单位最早应在{earliest}（领取后第{n}个工作日）再创建积分账号，以免居住证数据尚未同步。",
    "en": "The 居住证 was issued on {issued}; the employer should create the points account on or after {earliest} "
          "(the {n}th working day after), so that the permit data has synced.",
}
HINT_WAIT = {
    "zh": "等到{earliest}或之后再由单位人事创建积分账号，并在 profile 中填写 applicant.account_created。",
    "en": "Have HR create the account on or after {earliest}, then fill in applicant.account_created.",
}
MESSAGE_UNKNOWN = {
    "zh": "无法核对居住证领取（{issued}）后的{n}个工作日：{year}年的法定节假日安排（国务院办公厅通知）尚未收录。",
    "en": "Could not count {n} working days after the 居住证 issue date {issued}: the official holiday calendar for "
          "{year} is not known to matcheck ({detail}).",
}
HINT_UNKNOWN = {
    "zh": "按国务院办公厅当年部分节假日安排的通知自行数出第{n}个工作日（调休上班日算工作日）；维护者可把该年加入 checklists/calendar/workdays.yaml。",
    "en": "Count the {n}th working day by the State Council's holiday notice for that year (调休 working weekends "
          "count); maintainers can add the year to checklists/calendar/workdays.yaml.",
}


def check(facts: Facts) -> Iterator[Finding]:
    timing = account_timing(facts.assessment)
    issued, created, n, earliest = timing.issued, timing.created, timing.needed, timing.earliest
    if issued is None:
        return
    if created is None and facts.as_of < issued:
        return  # an as_of before the permit exists: nothing to advise yet
    subject = "applicant.account_created" if created else "applicant.residence_permit.issued"
    if earliest is None:  # the holiday calendar of a year on the way is not known
        margin = param(facts, "permit.unknown_calendar_margin_days")
        if created is None and facts.as_of > issued and (facts.as_of - issued).days > margin:
            return  # long past: the account can be created any time now
        yield make_finding(__name__, facts, subject=subject, severity="info", message=MESSAGE_UNKNOWN,
                           hint=HINT_UNKNOWN, issued=issued, n=n, year=timing.unknown_year,
                           detail=timing.unknown_detail)
        return
    if created is not None:
        if timing.too_early:
            yield make_finding(__name__, facts, subject=subject, created=created, issued=issued, n=n,
                               earliest=earliest)
    elif facts.as_of < earliest:
        yield make_finding(__name__, facts, subject=subject, message=MESSAGE_WAIT, hint=HINT_WAIT, issued=issued,
                           n=n, earliest=earliest)
