"""减分指标 (deductions) and 一票否决 (veto) — rules.md §2.3, §7 Deductions and veto.

−150 per false-materials record in the last 3 years; −50 per 行政拘留 in the last 5 years; −150 per criminal
record in the last 5 years (windows and points from ``deductions.yaml``). Veto: serious crime; 计划生育 violation
(a parameter; on by default in 2023, marked [?]).
"""

from __future__ import annotations

from dataclasses import dataclass

from matcheck.dates import add_years
from matcheck.scoring.context import Build, Ctx, IndicatorResult, Refs

KINDS = (("false_materials", "false_materials", "提供虚假材料"),
         ("detentions", "detention", "行政拘留"),
         ("criminal", "criminal", "一般刑事犯罪"))


@dataclass(frozen=True)
class Veto:
    vetoed: bool
    reasons: tuple[str, ...]
    provisional: bool


def deductions(ctx: Ctx) -> IndicatorResult:
    """The deductions indicator: negative points, per record inside its window."""
    refs = Refs(ctx, "§2.3 减分, §7 Deductions and veto")
    b = Build("deductions", refs)
    records = ctx.profile.records
    texts, outside, total = [], [], 0
    for field, key, label in KINDS:
        dates = getattr(records, field)
        if not dates and not ctx.pending(f"records.{field}"):
            continue
        rule = refs(f"deductions.{key}")
        since = add_years(ctx.as_of, -rule["window_years"])
        for i, d in enumerate(dates):
            if d is None:
                b.provisional = True
                texts.append(f"{label}第{i + 1}条日期待核实")
                continue
            if since < d <= ctx.as_of:
                total += rule["points"]
                texts.append(f"{label} {d}（{rule['window_years']}年内）：−{rule['points']}")
            else:
                outside.append(f"{label} {d}（不在{since}之后的{rule['window_years']}年内，不扣分）")
        b.provisional = b.provisional or ctx.pending(f"records.{field}")
    if not texts and not outside:
        b.counted = False
        b.reason = "无减分记录：0分"
        return b.done()
    b.points = -total
    b.counted = total > 0
    parts = texts + outside
    b.reason = "；".join(parts) + f"；合计 −{total}"
    return b.done()


def veto(ctx: Ctx) -> tuple[Veto, list]:
    """一票否决: serious crime, and 计划生育 violation where the version keeps it."""
    refs = Refs(ctx, "§2.3 一票否决")
    rec = ctx.profile.records
    reasons = []
    if rec.serious_criminal and refs("deductions.veto_serious_crime"):
        reasons.append("有严重刑事犯罪记录")
    if rec.family_planning_violation and refs("deductions.veto_family_planning"):
        reasons.append("有违反国家和本市计划生育政策记录" + ("（此项是否仍适用待核实 [?]）" if refs.uncertain else ""))
    pending = ctx.pending("records.serious_criminal") or ctx.pending("records.family_planning_violation")
    return Veto(bool(reasons), tuple(reasons), pending), refs.used
