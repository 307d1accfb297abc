"""The score (积分): every indicator of rules.md §2 under the policy version in force, and the road to 120.

``score(assessment) -> Score`` is a pure function of the assessment (profile, as_of, policy version, parameters).
Indicator families live in their own modules (:mod:`basic`, :mod:`insurance`, :mod:`bonus`, :mod:`deductions`);
:mod:`total` adds them up for one context, :mod:`combine` applies the exclusive groups, the floor and the veto;
:mod:`eligibility` turns the application gates into observations; :mod:`road` finds the date the standard is reached at the current pace.
Every number comes from ``checklists/policy/parameters`` (see ``matcheck policy show``).
"""

from __future__ import annotations

from dataclasses import replace

from matcheck.assessment import Assessment
from matcheck.policy import PolicyChoice
from matcheck.results import Score
from matcheck.scoring.road import road_to_standard
from matcheck.scoring.total import INDICATORS, make_context, score_context


def policy_note(choice: PolicyChoice) -> str | None:
    v = choice.version
    if choice.before_first:
        return f"评估日 {choice.as_of} 早于积分制度施行日 {v.start}：按 {v.id} 版（{v.document}）计算，仅供参考"
    if choice.lapsed:
        return (f"{v.id} 版（{v.document}）有效期至 {v.end}，评估日 {choice.as_of} 已超过：仍按该版计算，"
                f"请核实是否已有新规定")
    if choice.requested != "auto" and not v.covers(choice.as_of):
        return f"按指定的 {v.id} 版（{v.document}，{v.start}至{v.end}）计算；评估日 {choice.as_of} 不在该版施行期内"
    return None


def score(assessment: Assessment) -> Score:
    """The 积分 of the assessment's profile on its date under its policy version (with the road to the standard)."""
    s, _ = score_context(make_context(assessment))
    s = replace(s, policy_note=policy_note(assessment.choice))
    if not s.reaches_standard and not s.vetoed:
        s = replace(s, road=road_to_standard(assessment, s))
    return s


__all__ = ["INDICATORS", "score", "score_context", "make_context", "policy_note"]
