"""prior-education-missing: a 学历 whose 前置学历 (the record it was built on) is missing from the chain.

**What it checks.** The education chain (学历链) in the profile, per matcheck 的取舍（docs/scoring.md） 前置学历: every 大专 needs a
高中-level record (高中, 中专, 职高, 技校) unless it is 自考; a 本科 needs a 高中-level record when it is 全日制
from scratch, and a 大专 record when it is a 专升本 (``upgrade: true``) or 非全日制; a 硕士 needs a 本科; a 博士 a
硕士. The levels and the exemption are parameters (``rules_profile.prior_education.*``), shared with the checklist,
which asks for the prerequisite's certificate (高中/中专 毕业证书, 大专 毕业证书); a certificate missing from a folder
is reported by ``missing-material``, not twice here.

**Why it matters.** At review the centre pulls the 档案 and verifies the education history (教育背景核实). A 大专 or
本科 without its 前置学历 in the 档案 is not accepted for points (agency practice, 受理审核口径（机构所述实践，非条文） [C]); a missing
高中 certificate is one of the commonest reasons an education-route application is sent back.

**Example.** ``education: [{level: 本科, mode: 成人, school: 某大学, start: 2016-03, end: 2018-07}]`` with no 大专
record → warning on ``education[0]``: a 成人 本科 needs the 大专 it was built on.

**How to fix.** Add the prerequisite record to the profile and bring its certificate. A lost 高中/中专 毕业证书 can be
reissued by the school as a 毕业证明书 (same effect), or the local 教育局 issues a proof; a 大专 or 本科 record
can be printed from 学信网 (《教育部学历证书电子注册备案表》). If the applicant truly never had the prerequisite,
apply by another route (职称/技能, 社保年限) — the centre will not accept this 学历.
"""

from __future__ import annotations

from typing import Iterator

from matcheck.profile.model import Education
from matcheck.results import Finding
from matcheck.rules.base import Facts, make_finding
from matcheck.rules.profile_facts import education_text, param, subject_of
from matcheck.rules.upheld import NOT_ACCEPTED

CODE = "MC401"
NAME = "prior-education-missing"
SEVERITY = "warning"
REFERENCE = "积分受理审核口径：前置学历须在档案中可查（机构页面所述实践；实施细则第六条 审核） (O4; S41, S42, S44) [C]"
NEEDS = frozenset({"profile"})
UPHELD = NOT_ACCEPTED  # 前置学历 upheld: the record without its prerequisite in the 档案 is not accepted
MESSAGE = {
    "zh": "{record}需要前置学历（{needed}），但学历经历中没有。中心调档核对学历时，缺少前置学历的{level}不予认可。",
    "en": "{record} needs a prior education record ({needed}), and the profile has none. The centre checks the "
          "chain in the personnel file (档案) and does not accept a {level} without it.",
}
HINT = {
    "zh": "在 profile 的 education 中补上前置学历，并带上其毕业证书：高中/中专证书遗失可由原学校补办毕业证明书或由当地"
          "教育局出具证明；大专/本科可在学信网打印《教育部学历证书电子注册备案表》。",
    "en": "Add the prerequisite to the profile's education and bring its certificate: a lost 高中/中专 certificate "
          "can be reissued by the school (毕业证明书) or certified by the local education bureau; a 大专/本科 "
          "record can be printed from 学信网 (学历证书电子注册备案表).",
}


def required_levels(record: Education, facts: Facts) -> tuple[str, ...]:
    """The levels any one of which satisfies ``record``'s 前置学历; () when it needs none."""
    if record.level is None:
        return ()
    if record.mode in (param(facts, "prior_education.exempt_modes").get(record.level) or ()):
        return ()
    alternative = param(facts, "prior_education.requires_if_upgrade_or_part_time").get(record.level)
    if alternative and (record.upgrade or (record.mode is not None and not record.full_time)):
        needed = alternative
    else:
        needed = param(facts, "prior_education.requires").get(record.level) or ()
    high_school = param(facts, "prior_education.high_school_levels")
    out: list[str] = []
    for level in needed:
        out.extend(high_school if level == "high_school" else [level])
    return tuple(out)


def check(facts: Facts) -> Iterator[Finding]:
    lang = facts.config.lang
    profile = facts.profile
    levels_present = [e.level for e in profile.education]
    if any(level is None for level in levels_present):
        # A record whose level is 待核实 may be the prerequisite: fact-to-verify says so; judge nothing here.
        return
    for i, record in enumerate(profile.education):
        needed = required_levels(record, facts)
        if not needed:
            continue
        if not any(j != i and e.level in needed for j, e in enumerate(profile.education)):
            yield make_finding(__name__, facts, subject=subject_of(i), record=education_text(record, lang),
                               needed=" / ".join(needed), level=record.level)
