"""shortage-major-ineligible: a 紧缺急需专业 claim on a record that cannot score it.

**What it checks.** The scorer's observation on each education record marked ``shortage_major: true``: the 30-point
bonus counts only for a 全日制 record (《上海市居住证积分管理办法》第七条 加分指标 [B]) at an eligible level (``shortage_major.eligible_levels``,
by default 大专 only: practice, S7, S58 [C]). A non-全日制 record is an error; a 全日制 record at another level
(e.g. 本科) is a warning, since that restriction rests on agency practice.

**Why it matters.** The centre checks the 专业名称 and 专业代码 against the 本市紧缺急需专业目录, which lists about 105
全日制大专 majors; a claim outside it is refused and the 30 points are not given (《上海市居住证积分管理办法》第七条 加分指标, 受理审核口径（机构所述实践，非条文）).

**Example.** ``{level: 本科, mode: 全日制, major: 软件工程, shortage_major: true}`` → warning: only 大专 can score it.

**How to fix.** Check the major and its code in the 紧缺急需专业目录 published by 市人社局; drop the claim if the record
does not qualify. If only the name differs from the 目录, a school certificate of the 专业代码 helps; the post in the
劳动合同 (and a 岗位说明书) must match the major.
"""

from __future__ import annotations

from typing import Iterator

from matcheck import rule_names
from matcheck.results import Finding
from matcheck.rules.base import Facts, make_finding

CODE = "MC602"
NAME = rule_names.SHORTAGE_MAJOR_INELIGIBLE
SEVERITY = "error"
REFERENCE = "《上海市居住证积分管理办法》第七条第三款 紧缺急需专业；本市紧缺急需专业目录 (O2, O11; S7, S8, S58) [B]; 仅限全日制大专 (S7, S58) [C]"
NEEDS = frozenset({"profile"})
MESSAGE = {
    "zh": "{detail}：紧缺急需专业加分（{points}分）不予计分。",
    "en": "The shortage-major bonus (紧缺急需专业) does not apply to this record ({level}, {mode}; only 全日制 "
          "{eligible_levels}).",
}
HINT = {
    "zh": "对照市人社局公布的《本市紧缺急需专业目录》核对专业名称和代码（仅全日制{eligible_levels}）；不符合的请在 profile 中去掉 shortage_major。",
    "en": "Check the major and code against the 紧缺急需专业目录 of 市人社局 (全日制 {eligible_levels} only); drop "
          "shortage_major from the profile if it does not qualify.",
}


def check(facts: Facts) -> Iterator[Finding]:
    for obs in facts.observations(NAME):
        # Not 全日制: the rule text [B] → error. 全日制 at a level outside the 目录's (大专 only, practice [C]) → warning.
        full_time = obs.args.get("mode") == "全日制"
        yield make_finding(__name__, facts, files=obs.files, subject=obs.subject,
                           severity="warning" if full_time else None, **dict(obs.args))
