"""The total of one context: every indicator, the exclusive groups, the floor, the veto, the observations.

Used by :func:`matcheck.scoring.score` for the assessment date and by the road (:mod:`matcheck.scoring.road`) for
each day it simulates.
"""

from __future__ import annotations

from matcheck import rule_names
from matcheck.assessment import Assessment
from matcheck.dates import Month
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


def make_context(assessment: Assessment) -> Ctx:
    """The scoring context of an assessment: with its 社保 ledger up to the assessment month."""
    return Ctx(assessment=assessment, ledger=build_ledger(assessment.profile, Month.of(assessment.as_of)))


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
            observations.append(Observation(rule_names.NOT_ELIGIBLE, {
                "gate": "veto", "detail": "一票否决：" + "；".join(v.reasons) + "，总分计0"}, subject="records"))
    s = Score(total=combined.total, standard=standard, reaches_standard=combined.total >= standard and not v.vetoed,
              provisional=combined.provisional or v.provisional, policy=ctx.version, as_of=ctx.as_of,
              indicators=combined.indicators, vetoed=v.vetoed, observations=tuple(observations))
    return s, results
