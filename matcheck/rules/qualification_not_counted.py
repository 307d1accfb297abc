"""qualification-not-counted: a claimed 职称 that scores nothing (初级职称).

**What it checks.** The scorer's observation on each 职称 or 职业资格 claimed at 初级 level. The reprinted article
text of the points measures lists 技能 五级 to 一级 and 中级/高级 职称, but no 初级职称 tier (《上海市居住证积分管理办法》第六条 基础指标 [B]); one
agency page (K2) gives 60 points for it, which matcheck does not follow (matcheck 的取舍（docs/scoring.md）).

**Why it matters.** An applicant who counts on a 初级职称 to reach 120 will find it scores 0 at the centre; the
gap must be closed another way (education, 社保年限, 社保基数).

**Example.** ``qualifications: [{kind: 职称, level: 初级, name: 助理工程师}]`` → info: scores 0.

**How to fix.** Nothing to bring for it. To score on this indicator, a 中级职称 (100) or a 技能 certificate
(五级 15 … 一级 140) is needed; see ``matcheck score`` for the road to 120.
"""

from __future__ import annotations

from typing import Iterator

from matcheck import rule_names
from matcheck.results import Finding
from matcheck.rules.base import Facts, from_observations

CODE = "MC603"
NAME = rule_names.QUALIFICATION_NOT_COUNTED
SEVERITY = "info"
REFERENCE = "《上海市居住证积分管理办法》第六条 专业技术职称和技能等级（条文无初级职称档次） (O2; S12, S26, S46) [B]"
NEEDS = frozenset({"profile"})
MESSAGE = {
    "zh": "{detail}（积分办法只列中级、高级职称和技能五级至一级）。",
    "en": "A {kind} at {level} level scores no points: the measures list only 中级/高级 titles and skill levels 5 to 1.",
}
HINT = {
    "zh": "不必为它提交材料；如需在此项得分，须取得中级职称（{mid_title_points}分）或技能等级证书。",
    "en": "No document is needed for it; to score here, a 中级 title ({mid_title_points}) or a skill certificate is "
          "needed.",
}


def check(facts: Facts) -> Iterator[Finding]:
    points = facts.params["qualification.points"]  # the figure in the hint is the policy's, not a literal
    yield from from_observations(__name__, facts, mid_title_points=points["职称"]["中级"])
