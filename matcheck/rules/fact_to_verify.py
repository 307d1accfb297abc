"""fact-to-verify: a claimed fact is marked 待核实, so what depends on it is provisional.

**What it checks.** Every value written as ``待核实`` (or ``unknown``) in the profile.

**Why it matters.** The centre scores what the documents prove. A fact still "to verify" may turn out false, and
everything that depends on it (an indicator, the total, a required document) is shown as provisional until then.

**Example.** ``education[1].degree: 待核实`` → the 学士 is not confirmed; education scores as provisional.

**How to fix.** Confirm the fact from its document (here the 学位证书 or the 学信网 学位在线验证报告) and write the
value into the profile.
"""

from __future__ import annotations

from typing import Iterator

from matcheck.results import Finding
from matcheck.rules.base import Facts, make_finding
from matcheck.rules.upheld import NOT_ACCEPTED

CODE = "MC901"
NAME = "fact-to-verify"
SEVERITY = "info"
REFERENCE = "matcheck 的取舍：待核实的事实使相关指标和总分成为暂定分（docs/scoring.md）"
NEEDS = frozenset({"profile"})
# upheld: the 待核实 fact turns out against the applicant, the entry it belongs to is not accepted (a fact outside a
# list entry gives no upheld score: the scorer already counts it at 0 while it is 待核实)
UPHELD = NOT_ACCEPTED
MESSAGE = {
    "zh": "资料中 {path} 标记为“待核实”：依赖它的分值和材料均为暂定。",
    "en": "{path} is marked 待核实 (to verify): everything that depends on it is provisional.",
}
HINT = {
    "zh": "用对应的证明材料核实后，在 profile 中填写确定的值。",
    "en": "Confirm it from its document and write the value into the profile.",
}


def check(facts: Facts) -> Iterator[Finding]:
    for path in sorted(facts.profile.to_verify):
        yield make_finding(__name__, facts, subject=path, path=path)
