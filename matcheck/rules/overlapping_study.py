"""overlapping-study: a 本科 begun before the 大专 it builds on was finished (专本套读).

**What it checks.** Every pair of a 本科 and a 大专 record in the profile: the 本科 is flagged when its start
(入学, or 报考 for 自考) is in a month before the 大专's graduation month while the two periods overlap
(matcheck 的取舍（docs/scoring.md） 专本套读). Months are compared as written; a 本科 starting in the very month of the 大专 graduation
is not flagged (the profile cannot say which came first).

**Why it matters.** The centre does not accept a 本科 studied in parallel with the 专科 (专本套读): the 本科 is
rejected and the education scores as 大专 only (50 instead of 60/90). This holds however long after the 大专 the
本科 ended: what counts is that it was begun (报读) before the 大专 graduation (agency practice, 受理审核口径（机构所述实践，非条文） [C];
K2).

**Example.** 大专 2011-09 to 2014-06 and 自考 本科 2013-03 to 2016-12 → warning on the 本科: it started 2013-03,
before the 大专 graduation in 2014-06.

**How to fix.** Check the dates on the 学信网 《教育部学历证书电子注册备案表》 of both records (入学日期, 毕业日期)
and correct the profile if they were typed wrongly. If they are right, score the education as 大专 (or apply by
another route: 职称/技能, 社保年限); a 本科 begun after the 大专 graduation is the only remedy.
"""

from __future__ import annotations

from typing import Iterator

from matcheck.dates import Month
from matcheck.results import Finding
from matcheck.rules.base import Facts, make_finding
from matcheck.rules.profile_facts import education_text, overlaps, subject_of
from matcheck.rules.upheld import NOT_ACCEPTED

CODE = "MC402"
NAME = "overlapping-study"
SEVERITY = "warning"
REFERENCE = "积分受理审核口径：专本套读的本科不予认可（机构页面所述实践，非条文） (S41, S42, K2) [C]"
NEEDS = frozenset({"profile"})
UPHELD = NOT_ACCEPTED  # 专本套读 upheld: the centre does not accept this 本科; the education scores from the other records
MESSAGE = {
    "zh": "{bachelor}在{start}入学，早于大专（{college}）{graduated}毕业，属于专本套读：中心不认可该本科，学历届时只能按大专计分（本报告的分数仍按所填本科计算）。",
    "en": "{bachelor} began in {start}, before the 大专 ({college}) graduated in {graduated}: overlapping study "
          "(专本套读). The centre does not accept this 本科 and would score the education as 大专 (this "
          "report still scores the 本科 as claimed).",
}
HINT = {
    "zh": "核对学信网《教育部学历证书电子注册备案表》上两段学历的入学和毕业日期；日期填错请更正 profile，日期无误则按大专申报或改走职称/社保年限路线。",
    "en": "Check both records' 入学/毕业 dates on the 学信网 备案表; correct the profile if mistyped, otherwise "
          "claim the 大专 (or another route: 职称/技能, 社保年限).",
}


def check(facts: Facts) -> Iterator[Finding]:
    lang = facts.config.lang
    education = facts.profile.education
    open_end = Month.of(facts.as_of)
    for i, bachelor in enumerate(education):
        if bachelor.level != "本科" or bachelor.start is None:
            continue
        for college in education:
            if college.level != "大专" or college.end is None:
                continue
            if bachelor.start < college.end and overlaps(bachelor.start, bachelor.end, college.start or college.end,
                                                         college.end, open_end):
                yield make_finding(__name__, facts, subject=subject_of(i), bachelor=education_text(bachelor, lang),
                                   start=str(bachelor.start), college=college.school or "未填学校",
                                   graduated=str(college.end))
                break
