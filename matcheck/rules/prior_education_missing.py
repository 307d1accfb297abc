"""prior-education-missing: a 学历 whose 前置学历 (the record it was built on) is missing from the chain.

**What it checks.** The education chain (学历链) in the profile, per rules.md §7 前置学历: every 大专 needs a
高中-level record (高中, 中专, 职高, 技校) unless it is 自考; a 本科 needs a 高中-level record when it is 全日制
from scratch, and a 大专 record when it is a 专升本 (``upgrade: true``) or 非全日制; a 硕士 needs a 本科; a 博士 a
硕士. The levels and the exemption are parameters (``rules_profile.prior_education.*``). When a folder is read,
it also checks that the certificate of each prerequisite that the chain relies on is among the files (a 高中/中专
毕业证书, a 大专 毕业证书 or 学信网 record): a prerequisite that is only claimed is not yet proven.

**Why it matters.** At review the centre pulls the 档案 and verifies the education history (教育背景核实). A 大专 or
本科 without its 前置学历 in the 档案 is not accepted for points (agency practice, rules.md §4 #8 [C]); a missing
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
from matcheck.rules.profile_facts import documents_of, education_text, param, subject_of

CODE = "MC401"
NAME = "prior-education-missing"
SEVERITY = "warning"
REFERENCE = "rules.md §7 前置学历; §4 #8 (实施细则 第六条 档案 review; S41, S42, S44) [C]"
NEEDS = frozenset({"profile"})
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
MESSAGE_NO_CERTIFICATE = {
    "zh": "前置学历 {record} 的毕业证书不在材料中：{needed_by}以它为前置学历，中心调档时需要核对。",
    "en": "The certificate of the prior education {record} is not among the files; {needed_by} relies on it and "
          "the centre checks it in the 档案.",
}
HINT_NO_CERTIFICATE = {
    "zh": "把该学历的毕业证书（原件+复印件）扫描放入文件夹；遗失的高中/中专证书由原学校补办毕业证明书，大专及以上可用学信网"
          "《教育部学历证书电子注册备案表》。",
    "en": "Scan the certificate (original + copy) into the folder; a lost 高中/中专 certificate is reissued by the "
          "school, a 大专 or higher record can be the 学信网 备案表.",
}

# Which files prove a record of a given level: the 高中-level certificate, or any higher-education record.
HIGH_SCHOOL_MATERIALS = ("high_school_diploma",)
HIGHER_MATERIALS = ("diploma", "xuexin_record", "degree_certificate", "degree_verification_report",
                    "foreign_degree_certification")


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
    profile = facts.profile
    levels_present = [e.level for e in profile.education]
    if any(level is None for level in levels_present):
        # A record whose level is 待核实 may be the prerequisite: fact-to-verify says so; judge nothing here.
        return
    relied_on: dict[int, list[str]] = {}
    for i, record in enumerate(profile.education):
        needed = required_levels(record, facts)
        if not needed:
            continue
        sources = [j for j, e in enumerate(profile.education) if j != i and e.level in needed]
        if not sources:
            yield make_finding(__name__, facts, subject=subject_of(i), record=education_text(record),
                               needed=" / ".join(needed), level=record.level)
            continue
        for j in sources:
            relied_on.setdefault(j, []).append(education_text(record))
    if facts.documents is None:
        return
    high_school = set(param(facts, "prior_education.high_school_levels"))
    for j, needed_by in sorted(relied_on.items()):
        if _has_certificate(profile.education[j], facts, high_school):
            continue
        yield make_finding(__name__, facts, subject=subject_of(j), message=MESSAGE_NO_CERTIFICATE,
                           hint=HINT_NO_CERTIFICATE, record=education_text(profile.education[j]),
                           needed_by="、".join(needed_by))


def _has_certificate(record: Education, facts: Facts, high_school: set[str]) -> bool:
    """A file in the folder whose level (and, when both are known, school) is this record's."""
    materials = HIGH_SCHOOL_MATERIALS if record.level in high_school else HIGHER_MATERIALS
    for doc in documents_of(facts, materials):
        level = doc.fields.get("level")
        if level is not None and level != record.level and not (record.level in high_school and level in high_school):
            continue
        if level is None and doc.material not in HIGH_SCHOOL_MATERIALS:
            continue  # a 学信网 record without a readable level proves nothing about this one
        school = doc.fields.get("school")
        if school and record.school and school != record.school:
            continue
        return True
    return False
