"""study-location-mismatch: a 非全日制 学历 studied where the applicant neither had the hukou nor worked (三地一致).

**What it checks.** For each 非全日制 record (自考, 成人, 网络, 函授, 业余 — a parameter), per matcheck 的取舍（docs/scoring.md） 三地一致:
the study province (the record's ``province``; for 网络教育 the 学习中心 in ``study_center``, where a 上海学习中心
counts as 上海) must be the hukou province, or a province where the applicant worked during the study (the work
history, or Shanghai 社保 months paid at the time; 补缴 months prove nothing). Study in 上海 needs Shanghai 社保
during the study itself. The profile holds the *current* hukou province only: if the hukou moved since the study,
say so with the 户口簿 迁移记录. 全日制 and foreign study are not subject to it. A record with no study province
gives an info finding (it could not be checked).

**Why it matters.** The centre accepts a part-time 学历 only if the study place matches the hukou place or the
place of work at the time, proven by 社保 or 个税 there (a work certificate alone is not enough; K2,
受理审核口径（机构所述实践，非条文） [C]). Otherwise the 学历 is not recognised and the education points fall away.

**Example.** hukou 江苏; 成人 本科 at a 浙江 school 2019-09 to 2022-01; work history: 上海 from 2018 → warning: studied
in 浙江 while the hukou was in 江苏 and the work and 社保 were in 上海.

**How to fix.** If the applicant did work in the study province at the time, add that period to the work history
and bring that province's 社保 缴费记录 (or 个税 记录, from 个人所得税 App) for the study period. For 网络教育 via a
上海学习中心, write ``study_center: 上海学习中心`` and bring the 学信网 record or 档案 page that shows it. If the
hukou was in the study province then, bring the 户口簿 page with the 迁移 record. Otherwise claim another route.
"""

from __future__ import annotations

from typing import Iterator

from matcheck.dates import Month, month_range
from matcheck.profile.model import Education, province_of
from matcheck.results import Finding
from matcheck.rules.base import Facts, make_finding
from matcheck.rules.profile_facts import (education_text, param, period_text, provinces_worked, shanghai_si_months,
                                          subject_of)
from matcheck.rules.upheld import NOT_ACCEPTED

CODE = "MC403"
NAME = "study-location-mismatch"
SEVERITY = "warning"
REFERENCE = "积分受理审核口径：非全日制学历须“三地一致”（机构页面所述实践，非条文） (S41, S42, S43, S44, K2) [C]"
NEEDS = frozenset({"profile"})
UPHELD = NOT_ACCEPTED  # 三地一致 upheld: the centre refuses this record; the education scores from the other records
MESSAGE = {
    "zh": "{record}在{study}就读，但户籍在{hukou}，就读期间的工作/社保在{worked}：学习地、户籍地、工作地不一致（三地一致），中心可能不认可该学历。",
    "en": "{record} was studied in {study}, but the hukou is in {hukou} and the work/社保 during the study was in "
          "{worked}: study place, hukou place and work place differ (三地一致); the centre may not accept it.",
}
HINT = {
    "zh": "如就读期间在{study}工作，请在工作经历中补上，并带上当地该期间的社保缴费记录或个税记录（个人所得税 App）；网络教育经上海学习中心的，填写 study_center 并带学信网/档案中的学习中心记录；当时户籍在{study}的，带户口簿迁移记录页。",
    "en": "If the applicant worked in {study} during the study, add it to the work history and bring that "
          "province's 社保 or 个税 record (个人所得税 App) for the period; for 网络教育 via a Shanghai 学习中心, set "
          "study_center and bring the record showing it; if the hukou was in {study} then, bring the 户口簿 "
          "迁移 page.",
}
MESSAGE_SHANGHAI = {
    "zh": "{record}在上海就读，但就读期间（{period}）没有上海社保缴纳记录：在沪就读的非全日制学历需要同期上海社保，中心可能不认可该学历。",
    "en": "{record} was studied in Shanghai, but there is no Shanghai 社保 during the study ({period}); a part-time "
          "学历 studied in Shanghai needs Shanghai 社保 at the time, and the centre may not accept it.",
}
HINT_SHANGHAI = {
    "zh": "在 social_insurance 中补上就读期间的上海社保，并带上随申办/社保中心打印的《城镇职工基本养老保险缴费情况》；补缴月份不能作为证明。",
    "en": "Add the Shanghai 社保 of the study period to social_insurance and bring the 缴费记录 printed from 随申办 "
          "or the 社保 centre; back-paid (补缴) months do not count as proof.",
}
MESSAGE_UNKNOWN = {
    "zh": "{record}为非全日制学历，但未填写学习地点（province 或网络教育的 study_center），无法核对三地一致。",
    "en": "{record} is part-time, but its study place (province, or study_center for 网络教育) is not given: "
          "三地一致 could not be checked.",
}
HINT_UNKNOWN = {
    "zh": "按学信网学历记录或毕业证书填写学习所在省份；网络教育填写学习中心所在地。",
    "en": "Fill in the study province from the 学信网 record or the certificate; for 网络教育, the 学习中心's place.",
}


def study_province(record: Education) -> str | None:
    """Where the study took place: the 学习中心 for 网络教育 (上海学习中心 → 上海), else the record's province."""
    if record.mode == "网络" and record.study_center:
        centre = province_of(record.study_center.strip())
        if centre:
            return centre
    return record.province


def check(facts: Facts) -> Iterator[Finding]:
    lang = facts.config.lang
    profile = facts.profile
    part_time = set(param(facts, "study_location.part_time_modes"))
    hukou = profile.applicant.province
    for i, record in enumerate(profile.education):
        if record.mode not in part_time:
            continue
        subject = subject_of(i)
        study = study_province(record)
        if study is None:
            if not profile.is_to_verify(subject):
                yield make_finding(__name__, facts, subject=subject, severity="info", message=MESSAGE_UNKNOWN,
                                   hint=HINT_UNKNOWN, record=education_text(record, lang))
            continue
        start, end = record.start, record.end or Month.of(facts.as_of)
        if start is None:
            continue  # the period is unknown: nothing to compare (fact-to-verify covers a 待核实 start)
        if study == "上海":
            si = shanghai_si_months(profile, facts.as_of)
            if not any(m in si for m in month_range(start, end)):
                yield make_finding(__name__, facts, subject=subject, message=MESSAGE_SHANGHAI, hint=HINT_SHANGHAI,
                                   record=education_text(record, lang), period=period_text(start, end, lang))
            continue
        if study == hukou:
            continue
        worked = provinces_worked(profile, start, end, facts.as_of)
        if study in worked:
            continue
        if hukou is None and profile.is_to_verify("applicant"):
            continue  # the hukou is 待核实: it may be the study province
        yield make_finding(__name__, facts, subject=subject, record=education_text(record, lang), study=study,
                           hukou=hukou or "（未填）", worked="、".join(sorted(worked)) or "（无记录）")
