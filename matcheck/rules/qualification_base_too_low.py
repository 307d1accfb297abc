"""qualification-base-too-low: a 中级/高级职称 or 二级/一级技能 without 6 of the last 12 months at a 1× 社保 base.

**What it checks.** The scorer's observation on each 职称/技能 claim of the 1×-base levels (《上海市居住证积分管理办法》第六条 基础指标, matcheck 的取舍（docs/scoring.md） 职称
/技能, from 2018): the number of months in the last 12 with a 社保缴费基数 ≥ 1 × the previous year's 社平
(上年度职工社会平均工资), against the 6 required. The window, the multiple and the count are policy parameters
(``qualification.*``).

**Why it matters.** Since 2018 the centre counts a 中级/高级职称 or a 技能 二级/一级 only for holders paid at least at
the average wage: below it the qualification scores 0, not 100/140 (沪府发〔2017〕98号 第六条; S11, S45, S50 [B]).
For an applicant who relies on it, the application then falls short of 120.

**Example.** 中级职称 工程师 with 社保 at 0.8× 社平 all of 2025-11 to 2026-10 → error: 0 months at ≥1×, 6 needed; the
职称 scores 0 (100 once met).

**How to fix.** The base is set by the employer's declared wage: from the next 社保年度 (July) it must be at least 1×
社平 for 6 months before the 职称 counts. Check the months in the 社保 record (随申办 → 社保 → 缴费记录), or claim
the education route meanwhile.
"""

from __future__ import annotations

from typing import Iterator

from matcheck import rule_names
from matcheck.results import Finding
from matcheck.rules.base import Facts, from_observations

CODE = "MC601"
NAME = rule_names.QUALIFICATION_BASE_TOO_LOW
SEVERITY = "error"
REFERENCE = "《上海市居住证积分管理办法》第六条：中级、高级职称和技能二级、一级须最近12个月内累计6个月社保缴费基数不低于上年度社平 (O2; S11, S45, S50) [B]"
NEEDS = frozenset({"profile"})
MESSAGE = {
    "zh": "{detail}，不满足1倍社保基数规则：该项计0分（满足后可计{points_if_met}分）。",
    "en": "{qualification} scores 0: it needs {required} months from {window_start} to {window_end} with a 社保 "
          "base of at least 1× the average wage, and has {months} (it would score {points_if_met}).",
}
HINT = {
    "zh": "在随申办“社保缴费记录”核对{window_start}至{window_end}各月缴费基数；基数需由单位按不低于上年度社平申报，满{required}个月后职称方可计分，其间可改按学历计分。",
    "en": "Check each month's base from {window_start} to {window_end} in the 随申办 社保 record; the employer must "
          "declare a base of at least the average wage for {required} months before the qualification counts; "
          "meanwhile claim the education route.",
}


def check(facts: Facts) -> Iterator[Finding]:
    yield from from_observations(__name__, facts)
