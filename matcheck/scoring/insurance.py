"""社保年限 (years of Shanghai social insurance) and 社保缴费基数 (the base bonus), rules.md §1.1, §2.1, §2.2, §7."""

from __future__ import annotations

from datetime import date

from matcheck.dates import Month
from matcheck.scoring.context import Build, Ctx, IndicatorResult, Refs, fmt_num
from matcheck.scoring.ledger import InsuranceMonth, average_wage, wage_used


def window(ctx: Ctx, months: int) -> tuple[Month, Month]:
    """The ``months`` calendar months ending with the month before ``as_of``."""
    end = ctx.last_month
    return end - (months - 1), end


def multiples(ctx: Ctx, records: list[InsuranceMonth]) -> list[float]:
    """The base multiples of the qualifying months that claim a base."""
    out = []
    for r in records:
        if r.qualifying:
            m = ctx.ledger.multiple(r)
            if m is not None:
                out.append(m)
    return out


def count_at_least(ctx: Ctx, records: list[InsuranceMonth], k: float) -> int:
    """Qualifying months whose base is ≥ k × 社平 (a month without a claimed base does not count)."""
    return sum(1 for m in multiples(ctx, records) if m >= k)


def _cite_wages(refs: Refs, records: list[InsuranceMonth]) -> None:
    """Cite the 社平 values used to turn a yuan base into a multiple (and the unpublished year a stand-in serves)."""
    for r in records:
        if r.base_multiple is None and r.base is not None:
            refs.add(average_wage(r.month))
            refs.add(wage_used(r.month)[0])


def stands_in(r: InsuranceMonth) -> bool:
    """A counted month whose yuan base is turned into a multiple by a stand-in 社平 (its 社保年度's is not
    published or not found): the one test of the base bonus's note and of every provisional window."""
    return r.qualifying and r.wage_provisional


def provisional_window(ctx: Ctx, records: list[InsuranceMonth]) -> bool:
    """A result over these months is provisional: a month of a 待核实 period, a 待核实 period that could not be
    placed, or a stand-in 社平 (the 社保基数 bonus and the 1× base rule of 职称/技能 alike)."""
    return any(r.provisional or stands_in(r) for r in records) or ctx.ledger.unplaced_pending


def stand_in_wages(records: list[InsuranceMonth]) -> str:
    """``（2026-07至2026-10所属社保年度的社平尚未公布…暂按2025-07起的12434元/月折算，结果暂定）``; "" when none stands in."""
    spans: dict[date, list[Month]] = {}
    for r in records:
        if stands_in(r):
            spans.setdefault(wage_used(r.month)[0].since, []).append(r.month)
    if not spans:
        return ""
    wages = {ref.since: ref.value for ref in (wage_used(months[0])[0] for months in spans.values())}
    parts = [f"{months[0]}至{months[-1]}" if months[0] != months[-1] else str(months[0]) for months in spans.values()]
    used = "、".join(f"{since:%Y-%m}起的{fmt_num(wages[since])}元/月" for since in spans)
    return (f"（{'、'.join(parts)}所属社保年度的社平尚未公布或未取得，以元填写的基数暂按{used}折算，结果暂定）")


def social_insurance_years(ctx: Ctx) -> IndicatorResult:
    """社保年限: 3 × ⌊计分月数 ÷ 12⌋, no cap; 补缴 and unit-mismatch months excluded."""
    refs = Refs(ctx, "§2.1 社保年限, §7 社保年限")
    per_year = refs("social_insurance_years.points_per_year")
    per = refs("social_insurance_years.months_per_year")
    cap = refs("social_insurance_years.cap")
    b = Build("social_insurance_years", refs)
    all_months = ctx.ledger.between(min(ctx.ledger.months), ctx.last_month) if ctx.ledger.months else []
    if not all_months:
        b.counted = False
        b.reason = "未申报本市职工社保缴费月份：0分"
        b.provisional = ctx.pending("social_insurance")
        return b.done()
    qualifying = [r for r in all_months if r.qualifying]
    backpaid = sum(1 for r in all_months if r.backpaid)
    mismatch = sum(1 for r in all_months if r.unit_mismatch and not r.backpaid)
    n = len(qualifying)
    years = n // per
    points = per_year * years
    excluded = []
    if backpaid:
        excluded.append(f"补缴 {backpaid} 个月")
    if mismatch:
        excluded.append(f"缴费单位与合同单位不一致 {mismatch} 个月")
    note = f"（已除去{'、'.join(excluded)}）" if excluded else ""
    b.reason = (f"截至{ctx.last_month}累计计分月数 {n}{note}：{per_year} × ⌊{n} ÷ {per}⌋ = {per_year} × {years} "
                f"= {points}")
    if cap is not None and points > cap:
        b.reason += f"，封顶 {cap}"
        points = cap
    b.points = points
    b.counted = points > 0
    # a period whose start is 待核实 is not on the ledger, but its months could count
    b.provisional = any(r.provisional for r in all_months) or ctx.ledger.unplaced_pending
    return b.done()


def social_insurance_base(ctx: Ctx) -> IndicatorResult:
    """社保基数 bonus: the highest tier met in the window (2018+: cumulative; 2013: every month of 36 consecutive)."""
    refs = Refs(ctx, "§1.1, §2.2 社保基数, §6, §7 社保基数")
    win = refs("social_insurance_base.window_months")
    need = refs("social_insurance_base.required_months")
    consecutive = refs("social_insurance_base.consecutive")
    tiers = refs("social_insurance_base.tiers")
    top = refs("social_insurance_base.top_tier")
    cap = refs("social_insurance_base.cap")
    b = Build("social_insurance_base", refs)
    start, end = window(ctx, win)
    records = ctx.ledger.between(start, end)
    if not any(r.base is not None or r.base_multiple is not None for r in records):
        b.counted = False
        b.reason = f"{start}至{end}未申报社保缴费基数：0分"
        b.provisional = ctx.pending("social_insurance")
        return b.done()
    _cite_wages(refs, records)
    window_multiples = multiples(ctx, records)  # first, so a missing 社平 is reported for the earliest month
    stand_in = stand_in_wages(records)
    b.provisional = provisional_window(ctx, records)
    parts = []
    points = 0
    met = ""
    if top:
        t_start, t_end = window(ctx, top["window_months"])
        t_records = [r for r in records if t_start <= r.month <= t_end]
        n3 = sum(1 for m in multiples(ctx, t_records) if m >= top["multiple"])
        parts.append(f"最近{top['window_months']}个月（{t_start}至{t_end}）基数≥{fmt_num(top['multiple'])}倍社平 {n3} 个月"
                     f"（需{top['months']}）")
        if n3 >= top["months"]:
            points = top["points"]
            met = f"≥{fmt_num(top['multiple'])}倍满{top['months']}个月 → {points}分"
    counts = []
    for tier in tiers:
        n = sum(1 for m in window_multiples if m >= tier["multiple"])
        counts.append(f"≥{fmt_num(tier['multiple'])}倍 {n} 个月")
        ok = n >= need if not consecutive else (n >= win)
        if ok and not points:
            points = tier["points"]
            met = (f"≥{fmt_num(tier['multiple'])}倍" + (f"连续满{win}个月" if consecutive else f"累计满{need}个月")
                   + f" → {points}分")
    rule = f"（需连续{win}个月每月达到）" if consecutive else f"（需累计{need}个月）"
    parts.insert(0, f"最近{win}个月（{start}至{end}）中基数{'、'.join(counts)}{rule}")
    if points > cap:
        met += f"，封顶 {cap}"
        points = cap
    b.points = points
    b.counted = points > 0
    b.reason = "；".join(parts) + "：" + (met if points else "未达到任何档次，0分") + stand_in
    return b.done()


def base_rule_months(ctx: Ctx, window_months: int, k: float) -> tuple[int, Month, Month, bool]:
    """For the 1× rule: qualifying months at ≥ k × 社平 in the last ``window_months``; and whether any is 待核实."""
    start, end = window(ctx, window_months)
    records = ctx.ledger.between(start, end)
    return count_at_least(ctx, records, k), start, end, provisional_window(ctx, records)
