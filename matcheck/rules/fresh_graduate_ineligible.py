"""fresh-graduate-ineligible: the 全日制应届高校毕业生 bonus is claimed but the education does not support it.

**What it checks.** The scorer's observation when ``bonus.fresh_graduate`` is claimed and either no 全日制 higher
education record with an end month is in the profile, or the latest one ended more than
``fresh_graduate.max_months_since_graduation`` months before the assessment date (12 by default; the exact
definition of 应届 was not found, 《上海市居住证积分管理办法》第七条 加分指标 [?], decision in matcheck 的取舍（docs/scoring.md）).

**Why it matters.** The centre gives the 10 points only to a current-year graduate of a full-time programme; a
claim it cannot see in the 学信网 record is refused, and the total drops by 10.

**Example.** ``bonus: {fresh_graduate: true}`` with a 全日制 本科 ending 2022-06, assessed 2026-11 → warning.

**How to fix.** Drop the claim from the profile, or correct the graduation month of the latest 全日制 record
(check it on the 学信网 教育部学历证书电子注册备案表, chsi.com.cn → 学信档案).
"""

from __future__ import annotations

from typing import Iterator

from matcheck import rule_names
from matcheck.results import Finding
from matcheck.rules.base import Facts, from_observations

CODE = "MC604"
NAME = rule_names.FRESH_GRADUATE_INELIGIBLE
SEVERITY = "warning"
REFERENCE = "《上海市居住证积分管理办法》第七条 加分指标 全日制应届高校毕业生 (O1; S7, S57, S58) [B]; “应届”的界定未见条文，matcheck 按毕业后一定月数内计（参数 fresh_graduate.max_months_since_graduation；docs/scoring.md） [?]"
NEEDS = frozenset({"profile"})
MESSAGE = {
    "zh": "申报了应届毕业生加分，但{detail}：此项不计分。",
    "en": "The fresh-graduate bonus is claimed, but it does not apply ({detail}).",
}
HINT = {
    "zh": "核对学信网《教育部学历证书电子注册备案表》上的毕业日期；不属应届的，请在 profile 中去掉 bonus.fresh_graduate。",
    "en": "Check the graduation date on the 学信网 备案表; if not a current-year graduate, drop bonus.fresh_graduate.",
}


def check(facts: Facts) -> Iterator[Finding]:
    yield from from_observations(__name__, facts)
