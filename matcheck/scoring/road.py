"""The road to 120 (达到标准分值的路径): when the total is below the standard, simulate forward.

* **At the current pace**: month by month for up to ``HORIZON_MONTHS``, age advancing, 社保 continuing at the
  latest month's unit and base multiple, spouse and special-post years accruing, deductions leaving their window;
  the first date the total reaches the standard is ``Road.reaches_on``.
* **Quickest claims**: for each indicator, the first date its points rise at the current pace; and, for each 社保基数
  tier above the current one, the date it would be reached if the base were raised to that tier from next month.

A pure function of the assessment (each simulated day is assessed under the same ``--policy`` request).
"""

from __future__ import annotations

from datetime import date
from dataclasses import replace

from matcheck.assessment import Assessment
from matcheck.dates import Month, add_years, full_years
from matcheck.profile import Profile
from matcheck.results import Road, RoadStep, Score
from matcheck.scoring.context import Ctx, fmt_num
from matcheck.scoring.insurance import social_insurance_base
from matcheck.scoring.ledger import InsuranceMonth, Ledger, build_ledger
from matcheck.scoring.total import score_context

HORIZON_MONTHS = 120  # how far the simulation looks ahead (10 years); not a policy value
MAX_STEPS = 8  # road steps shown


def _continued(ledger: Ledger, last: Month, horizon_end: Month, multiple: float | None) -> Ledger:
    """The ledger with 社保 continuing after ``last`` like the latest month (optionally at another base)."""
    latest = ledger.get(last)
    if latest is None or latest.backpaid:
        return ledger
    m = latest.multiple(ledger.source) if multiple is None else multiple
    sim = [InsuranceMonth(month, -1, latest.unit, m, None, False, latest.unit_mismatch, latest.provisional)
           for month in (last + k for k in range(1, horizon_end - last + 1))]
    return ledger.extended(sim, ledger.through if ledger.through > horizon_end else horizon_end)


def _dates(profile: Profile, as_of: date, params) -> list[date]:
    """The days the total can change: the 1st of every month, anniversaries (spouse years), deductions expiring."""
    end = add_years(as_of, HORIZON_MONTHS // 12)
    days = {(Month.of(as_of) + k).first_day() for k in range(1, HORIZON_MONTHS + 1)}
    sp = profile.spouse
    if sp and sp.married:
        start = max(sp.married, sp.hukou_since or sp.married)
        first = full_years(start, as_of) + 1
        days.update(add_years(start, y) for y in range(first, first + HORIZON_MONTHS // 12 + 1)
                    if as_of < add_years(start, y) <= end)
    rec = profile.records
    windows = ((rec.false_materials, params["deductions.false_materials"]["window_years"]),
               (rec.detentions, params["deductions.detention"]["window_years"]),
               (rec.criminal, params["deductions.criminal"]["window_years"]))
    for dates, years in windows:
        for d in dates:
            if d is not None:
                for y in (years, years + 1):
                    day = add_years(d, y)
                    if as_of < day <= end:
                        days.add(day)
                        days.add(date.fromordinal(day.toordinal() + 1))
    return sorted(d for d in days if as_of < d <= end)


def _contexts(assessment: Assessment, ledger: Ledger, days: list[date]):
    for day in days:
        yield day, Ctx(assessment=assessment.on(day), ledger=ledger)


def _simulate(assessment: Assessment, ledger: Ledger, days: list[date]):
    """Yield (day, Score) for each day, on the same ledger."""
    for day, ctx in _contexts(assessment, ledger, days):
        s, _ = score_context(ctx, with_observations=False)
        yield day, s


def road_to_standard(assessment: Assessment, current: Score) -> Road:
    profile, as_of = assessment.profile, assessment.as_of
    standard = current.standard
    gap = standard - current.total
    base_ledger = build_ledger(profile, Month.of(as_of))
    last = Month.of(as_of) - 1
    latest = base_ledger.get(last) or base_ledger.get(Month.of(as_of))
    horizon_end = Month.of(as_of) + HORIZON_MONTHS
    days = _dates(profile, as_of, assessment.params)
    paying = latest is not None and not latest.backpaid
    pace_multiple = latest.multiple(profile.source) if paying else None
    ledger = _continued(base_ledger, latest.month if paying else last, horizon_end, None) if paying else base_ledger

    reaches_on = None
    firsts: dict[str, tuple[date, int, int]] = {}
    now = {i.id: i for i in current.indicators}
    for day, s in _simulate(assessment, ledger, days):
        for ind in s.indicators:
            before = now.get(ind.id)
            if ind.id not in firsts and before is not None and ind.points > before.points and ind.counted:
                firsts[ind.id] = (day, before.points if before.counted else 0, ind.points)
        if s.total >= standard and not s.vetoed:
            reaches_on = day
            break

    steps: list[RoadStep] = []
    for ind_id, (day, old, new) in sorted(firsts.items(), key=lambda kv: kv[1][0]):
        name = now[ind_id].name
        steps.append(RoadStep(f"{name}按目前情况增至{new}分（现计{old}分）", new - old, day))

    # Raising the base: each 社保基数 tier above the current one, from next month.
    steps.extend(_base_steps(assessment, base_ledger, latest if paying else None, now, horizon_end))

    steps.sort(key=lambda st: (st.on is None, st.on or date.max, -st.points))
    years = HORIZON_MONTHS // 12
    if paying and pace_multiple is not None:
        pace = (f"按目前模式（社保由{latest.unit or '当前单位'}以{fmt_num(pace_multiple)}倍社平每月继续缴纳，年龄增长，"
                f"配偶等年限累积）模拟{years}年")
    elif paying:
        pace = f"按目前模式（社保继续缴纳但未申报基数，年龄增长，配偶等年限累积）模拟{years}年"
    else:
        pace = f"{last}未在缴纳本市社保，按不再缴费、年龄增长模拟{years}年"
    reason = pace + ("：" + (f"{reaches_on} 总分达到{standard}分" if reaches_on else f"期间总分达不到{standard}分"))
    return Road(gap=gap, reaches_on=reaches_on, reason=reason, steps=tuple(steps[:MAX_STEPS]))


def _base_steps(assessment: Assessment, base_ledger: Ledger, latest: InsuranceMonth | None,
                now: dict, horizon_end: Month) -> list[RoadStep]:
    """提高社保基数: for each tier above the current points, the date reached if paid at that tier from next month."""
    profile, choice = assessment.profile, assessment.choice
    ctx_params = assessment.params
    tiers = list(ctx_params["social_insurance_base.tiers"])
    top = ctx_params["social_insurance_base.top_tier"]
    if top:
        tiers.insert(0, {"multiple": top["multiple"], "points": top["points"]})
    current = now["social_insurance_base"].points if now["social_insurance_base"].counted else 0
    cur_multiple = latest.multiple(profile.source) if latest is not None else None
    out = []
    for tier in tiers:
        if tier["points"] <= current:
            continue
        k = tier["multiple"]
        raise_needed = cur_multiple is None or cur_multiple < k
        # not paying now: payments resume with the as_of month (the month the step names), not the unpaid month before
        start_from = Month.of(choice.as_of) if latest is None else latest.month
        if latest is None:
            template = InsuranceMonth(start_from, -1, profile.employer.name, k, None, False, False, False)
            led = base_ledger.extended([template], base_ledger.through)
        else:
            led = base_ledger
        ledger = _continued(led, start_from, horizon_end, k if raise_needed else None)
        days = [(Month.of(choice.as_of) + j).first_day() for j in range(1, HORIZON_MONTHS + 1)]
        for day, ctx in _contexts(assessment, ledger, days):
            ind = social_insurance_base(ctx).indicator
            if ind.points >= tier["points"]:
                how = (f"自{Month.of(choice.as_of)}起以≥{fmt_num(k)}倍社平缴纳社保" if raise_needed
                       else f"按目前基数（{fmt_num(cur_multiple)}倍社平）继续缴纳")
                out.append(RoadStep(f"社保缴费基数：{how}，达到{tier['points']}分档", tier["points"] - current,
                                    day))
                break
    return out


__all__ = ["road_to_standard", "HORIZON_MONTHS", "replace"]
