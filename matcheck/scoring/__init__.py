"""The score (积分): every indicator of rules.md §2 under the policy version in force, and the road to 120.

``score(profile, choice) -> Score`` is a pure function of the profile and the policy choice (version + as_of).
Indicator families live in their own modules (:mod:`basic`, :mod:`insurance`, :mod:`bonus`, :mod:`deductions`);
:mod:`combine` applies the exclusive groups, the floor and the veto; :mod:`eligibility` turns the application
gates into observations; :mod:`road` finds the date the standard is reached at the current pace.
Every number comes from ``checklists/policy/parameters`` (see ``matcheck policy show``).
"""

from __future__ import annotations

from matcheck.policy import PolicyChoice, params_at
from matcheck.profile import Profile
from matcheck.results import Observation, Score
from matcheck.scoring import basic, bonus, insurance
from matcheck.scoring.combine import combine
from matcheck.scoring.context import Ctx, IndicatorResult
from matcheck.scoring.deductions import deductions, veto
from matcheck.scoring.eligibility import eligibility
from matcheck.scoring.ledger import build_ledger

INDICATORS = (
    basic.age, basic.education, basic.qualification, insurance.social_insurance_years,
    insurance.social_insurance_base, bonus.shortage_major, bonus.investment, bonus.public_service,
    bonus.remote_area, bonus.fresh_graduate, bonus.award, bonus.spouse_hukou, bonus.entrepreneur,
    bonus.intermediary, deductions,
)
"""Every indicator function, in the order of contracts.md §3."""


def make_context(profile: Profile, choice: PolicyChoice) -> Ctx:
    from matcheck.dates import Month

    ledger = build_ledger(profile, Month.of(choice.as_of))
    return Ctx(profile=profile, as_of=choice.as_of, params=params_at(choice.parameter_day),
               version=choice.version.id, ledger=ledger)


def score_context(ctx: Ctx, with_observations: bool = True) -> tuple[Score, list[IndicatorResult]]:
    """Score one context (used by :func:`score` and by the road's month-by-month simulation)."""
    results = [f(ctx) for f in INDICATORS]
    v, _refs = veto(ctx)
    floor = ctx.params["standard.total_floor"]
    standard = ctx.params["standard.score"]
    combined = combine([r.indicator for r in results], floor, v.vetoed)
    observations: list[Observation] = []
    if with_observations:
        for r in results:
            observations.extend(r.observations)
        observations.extend(eligibility(ctx))
        if v.vetoed:
            observations.append(Observation("not-eligible", {
                "gate": "veto", "detail": "一票否决：" + "；".join(v.reasons) + "，总分计0"}, subject="records"))
    s = Score(total=combined.total, standard=standard, reaches_standard=combined.total >= standard and not v.vetoed,
              provisional=combined.provisional or v.provisional, policy=ctx.version, as_of=ctx.as_of,
              indicators=combined.indicators, vetoed=v.vetoed, observations=tuple(observations))
    return s, results


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


def score(profile: Profile, choice: PolicyChoice) -> Score:
    """The 积分 of ``profile`` on ``choice.as_of`` under ``choice.version`` (with the road to the standard)."""
    from dataclasses import replace

    from matcheck.scoring.road import road_to_standard

    ctx = make_context(profile, choice)
    s, _ = score_context(ctx)
    s = replace(s, policy_note=policy_note(choice))
    if not s.reaches_standard and not s.vetoed:
        s = replace(s, road=road_to_standard(profile, choice, s))
    return s


__all__ = ["INDICATORS", "score", "score_context", "make_context"]
