"""加分指标 (bonus indicators) except 社保基数: 紧缺急需专业, 投资纳税/带动就业, 特定公共服务领域, 远郊重点区域,
应届毕业生, 表彰奖励, 配偶为本市户籍, 创业人才, 创新创业中介服务人才 — rules.md §2.2, §7."""

from __future__ import annotations

import math
from dataclasses import replace

from matcheck import rule_names
from matcheck.dates import full_years, full_years_of_months, months_between
from matcheck.results import Observation
from matcheck.scoring.context import Build, Ctx, IndicatorResult, Refs, fmt_num, not_claimed


def shortage_major(ctx: Ctx) -> IndicatorResult:
    """紧缺急需专业 30: a 全日制 record at an eligible level (default 大专) marked as a shortage major."""
    claims = [(i, e) for i, e in enumerate(ctx.profile.education) if e.shortage_major]
    if not claims:
        pending = "education" in ctx.profile.to_verify or any(
            ctx.pending(f"education[{i}].shortage_major") for i in range(len(ctx.profile.education)))
        return not_claimed(ctx, "shortage_major", "§2.2 紧缺急需专业, §7", pending=pending)
    refs = Refs(ctx, "§2.2 紧缺急需专业, §4 #13, §7 紧缺急需专业")
    pts = refs("shortage_major.points")
    levels = refs("shortage_major.eligible_levels")
    full_time_only = refs("shortage_major.full_time_only")
    b = Build("shortage_major", refs)
    texts = []
    for i, e in claims:
        path = f"education[{i}]"
        label = f"{e.level or '?'}{e.mode or ''}" + (f"（{e.major}）" if e.major else "")
        problem = None
        if e.level not in levels:
            problem = f"学历层次为{e.level or '未填写'}，仅{'/'.join(levels)}可计"
        elif full_time_only and e.mode != "全日制":
            problem = f"学习形式为{e.mode or '未填写'}，仅全日制可计"
        if problem:
            texts.append(f"{label}：{problem}")
            b.observations.append(Observation(rule_names.SHORTAGE_MAJOR_INELIGIBLE, {
                "detail": f"紧缺急需专业加分：{label}{problem}", "level": e.level, "mode": e.mode,
                "major": e.major, "eligible_levels": "/".join(levels), "points": pts}, subject=f"{path}.shortage_major"))
            continue
        b.points = pts
        b.provisional = ctx.pending(path)
        b.reason = (f"{label}属本市紧缺急需专业目录（专业名称和代码须与目录一致，岗位须与专业相符）：{pts}分")
        return b.done()
    b.counted = False
    b.reason = "；".join(texts) + "：0分"
    b.provisional = any(ctx.pending(f"education[{i}]") for i, _ in claims)
    return b.done()


def investment(ctx: Ctx) -> IndicatorResult:
    """投资纳税 or 带动就业: 10 per full ¥100k average annual tax or per full 10 local hires, × the personal share,
    rounded down; the higher route counts; cap 100 (2013) / 120 (2018+)."""
    inv = ctx.profile.bonus.investment
    if inv is None or (inv.average_annual_tax is None and inv.average_local_hires is None):
        b = not_claimed(ctx, "investment", "§2.2 投资纳税/带动就业, §7")
        if ctx.pending("bonus.investment"):
            return IndicatorResult(replace(b.indicator, provisional=True, reason="投资数额待核实：暂计0分"))
        return b
    refs = Refs(ctx, "§2.2 投资纳税/带动就业, §4 #15, §7 投资纳税 / 带动就业")
    per = refs("investment.points_per_unit")
    cap = refs("investment.cap")
    b = Build("investment", refs)
    b.provisional = ctx.pending("bonus.investment")
    if inv.share is None:
        b.counted = False
        b.reason = "个人投资比例" + ("待核实：暂计0分" if b.provisional else "（share）未填写，无法计算：0分")
        return b.done()
    routes = []
    if inv.average_annual_tax is not None:
        unit = refs("investment.tax_unit")
        units = math.floor(inv.average_annual_tax / unit)
        pts = math.floor(round(units * per * inv.share, 6))  # 100 × 0.29 is 28.999… in binary
        routes.append((pts, f"投资纳税：年均纳税{fmt_num(inv.average_annual_tax)}元，满{fmt_num(unit)}元 {units} 个单位："
                            f"⌊{units} × {per} × {fmt_num(inv.share)}⌋ = {pts}"))
    if inv.average_local_hires is not None:
        unit = refs("investment.hires_unit")
        units = math.floor(inv.average_local_hires / unit)
        pts = math.floor(round(units * per * inv.share, 6))
        routes.append((pts, f"带动就业：年均聘用本市户籍{fmt_num(inv.average_local_hires)}人，满{unit}人 {units} 个单位："
                            f"⌊{units} × {per} × {fmt_num(inv.share)}⌋ = {pts}"))
    routes.sort(key=lambda r: -r[0])
    pts, text = routes[0]
    if len(routes) > 1:
        text += f"（两种方式取高；另一方式 {routes[1][0]}分）"
    if pts > cap:
        text += f"，封顶 {cap}"
        pts = cap
    b.points = pts
    b.counted = pts > 0
    b.reason = text
    return b.done()


def _post_months(ctx: Ctx, kind: str) -> tuple[int, bool, list[int]]:
    """Months worked in special posts of ``kind`` (inclusive, up to the month before as_of); pending; indexes."""
    total, pending, idx = 0, False, []
    for i, post in enumerate(ctx.profile.bonus.special_posts):
        if post.kind != kind or post.from_ is None:
            if post.kind == kind or ctx.pending(f"bonus.special_posts[{i}].kind"):
                pending = pending or ctx.pending(f"bonus.special_posts[{i}]")
            continue
        end = min(post.to or ctx.last_month, ctx.last_month)
        total += months_between(post.from_, end)
        pending = pending or ctx.pending(f"bonus.special_posts[{i}]")
        idx.append(i)
    return total, pending, idx


def _special(ctx: Ctx, indicator_id: str, kind: str, key: str) -> IndicatorResult:
    months, pending, idx = _post_months(ctx, kind)
    if not idx:
        pending = pending or "bonus.special_posts" in ctx.profile.to_verify
        return not_claimed(ctx, indicator_id, f"§2.2 {kind}, §7", pending=pending)
    refs = Refs(ctx, f"§2.2 {kind}, §4 #16, §7 特定公共服务 / 远郊重点区域")
    per = refs(f"special_posts.{key}.points_per_year")
    min_years = refs(f"special_posts.{key}.min_years")
    cap = refs(f"special_posts.{key}.cap")
    b = Build(indicator_id, refs, provisional=pending)
    years = full_years_of_months(months)
    if key == "remote_area" and refs("special_posts.remote_area.requires_residence"):
        lives = [ctx.profile.bonus.special_posts[i].lives_there for i in idx]
        if not any(lives):
            b.counted = False
            b.provisional = pending or any(ctx.pending(f"bonus.special_posts[{i}].lives_there") for i in idx)
            b.reason = f"在{kind}工作 {months} 个月，但未申报在该区域居住（须工作并居住）：0分"
            return b.done()
    if years < min_years:
        b.counted = False
        b.reason = f"在{kind}累计 {months} 个月，满 {years} 年，须满{min_years}年方计分：0分"
        return b.done()
    pts = per * years
    b.reason = f"在{kind}累计 {months} 个月，满 {years} 年（满{min_years}年起计）：{per} × {years} = {pts}"
    if cap is not None and pts > cap:
        b.reason += f"，封顶 {cap}"
        pts = cap
    b.points = pts
    return b.done()


def public_service(ctx: Ctx) -> IndicatorResult:
    """特定的公共服务领域 (环卫): 4 per full year, only from 5 full years; cap a parameter (none by default)."""
    return _special(ctx, "public_service", "公共服务", "public_service")


def remote_area(ctx: Ctx) -> IndicatorResult:
    """远郊重点区域 (临港): 2 per full year, only from 5 full years, cap 20; must work and live there."""
    return _special(ctx, "remote_area", "远郊重点区域", "remote_area")


def fresh_graduate(ctx: Ctx) -> IndicatorResult:
    """应届毕业生 10: claimed, and the latest 全日制 education ended at most 12 months before as_of."""
    if not ctx.profile.bonus.fresh_graduate:
        return not_claimed(ctx, "fresh_graduate", "§2.2 应届毕业生, §7", pending=ctx.pending("bonus.fresh_graduate"))
    refs = Refs(ctx, "§2.2 全日制应届高校毕业生, §7 应届毕业生")
    pts = refs("fresh_graduate.points")
    limit = refs("fresh_graduate.max_months_since_graduation")
    b = Build("fresh_graduate", refs, provisional=ctx.pending("bonus.fresh_graduate"))
    full_time = [(i, e) for i, e in enumerate(ctx.profile.education)
                 if e.full_time and e.end is not None and e.level in ("大专", "本科", "硕士", "博士")]
    if not full_time:
        b.counted = False
        b.reason = "申报应届毕业生，但未填写全日制高校学历的毕业时间：0分"
        b.observations.append(Observation(rule_names.FRESH_GRADUATE_INELIGIBLE, {
            "detail": "申报应届毕业生加分，但资料中没有带毕业年月的全日制高校学历"}, subject="bonus.fresh_graduate"))
        return b.done()
    i, latest = max(full_time, key=lambda t: t[1].end)
    b.provisional = b.provisional or ctx.pending(f"education[{i}]")
    gap = ctx.as_of_month - latest.end
    if gap > limit:
        b.counted = False
        b.reason = f"最近的全日制学历于{latest.end}毕业，距{ctx.as_of_month}已 {gap} 个月（超过{limit}个月，不属应届）：0分"
        b.observations.append(Observation(rule_names.FRESH_GRADUATE_INELIGIBLE, {
            "detail": f"最近的全日制学历于{latest.end}毕业，距评估日已{gap}个月，超过{limit}个月",
            "graduated": str(latest.end), "months": gap, "limit": limit}, subject="bonus.fresh_graduate"))
        return b.done()
    b.points = pts
    b.reason = f"全日制{latest.level}于{latest.end}毕业，距{ctx.as_of_month} {gap} 个月（≤{limit}个月）：{pts}分"
    return b.done()


def award(ctx: Ctx) -> IndicatorResult:
    """表彰奖励: the highest single award obtained while working in Shanghai: 30 / 60 / 110."""
    awards = ctx.profile.bonus.awards
    if not awards:
        return not_claimed(ctx, "award", "§2.2 表彰奖励, §7", "表彰奖励", pending=ctx.pending("bonus.awards"))
    refs = Refs(ctx, "§2.2 表彰奖励, §4 #14, §7 表彰奖励")
    table = refs("award.points")
    b = Build("award", refs)
    best: tuple[int, str, bool] = (0, "", False)
    skipped = []
    any_pending = False  # a 待核实 award that is not the highest now could still be the highest
    for i, a in enumerate(awards):
        any_pending = any_pending or ctx.pending(f"bonus.awards[{i}]")
        label = f"{a.level or '?'}" + (f"《{a.name}》" if a.name else "")
        if a.in_shanghai is False:
            skipped.append(f"{label}非在本市工作期间获得")
            continue
        pts = table.get(a.level, 0) if a.level else 0
        if pts > best[0] or not best[1]:
            best = (pts, f"{label}：{pts}分", ctx.pending(f"bonus.awards[{i}]"))
    b.points, b.reason, b.provisional = best
    b.provisional = b.provisional or any_pending
    if not b.reason:
        b.reason = "0分"
    if skipped:
        b.reason += "（不计：" + "；".join(skipped) + "）"
    if len([a for a in awards if a.in_shanghai is not False]) > 1:
        b.reason += "；多项表彰取最高一项"
    b.counted = b.points > 0
    return b.done()


def spouse_hukou(ctx: Ctx) -> IndicatorResult:
    """配偶为本市户籍: 4 × full years since the later of marriage and the spouse's hukou date, cap 40."""
    sp = ctx.profile.spouse
    hukou_pending = ctx.pending("spouse.shanghai_hukou") or "spouse" in ctx.profile.to_verify
    if sp is None or (not sp.shanghai_hukou and not hukou_pending):
        # a spouse confirmed not to hold Shanghai hukou: the dates do not matter
        return not_claimed(ctx, "spouse_hukou", "§2.2 配偶为本市户籍人员, §7", "配偶为本市户籍", pending=hukou_pending)
    pending = hukou_pending or ctx.pending("spouse.married") or ctx.pending("spouse.hukou_since")
    refs = Refs(ctx, "§2.2 配偶为本市户籍人员, §7 配偶为本市户籍")
    per = refs("spouse_hukou.points_per_year")
    cap = refs("spouse_hukou.cap")
    refs("spouse_hukou.basis")
    b = Build("spouse_hukou", refs, provisional=pending)
    if sp.married is None:
        b.counted = False
        b.reason = "结婚登记日期" + ("待核实：暂计0分" if pending else "未填写，无法计算：0分")
        return b.done()
    start, basis = sp.married, f"结婚登记 {sp.married}"
    if sp.hukou_since is not None and sp.hukou_since > sp.married:
        start, basis = sp.hukou_since, f"配偶落户 {sp.hukou_since}（晚于结婚登记 {sp.married}）"
    elif sp.hukou_since is None:
        basis += "（未填写配偶落户日期，按结婚日期起算）"
    years = full_years(start, ctx.as_of)
    pts = per * years
    b.reason = f"自{basis}至{ctx.as_of}满 {years} 年：{per} × {years} = {pts}"
    if pts > cap:
        b.reason += f"，封顶 {cap}"
        pts = cap
    if not sp.shanghai_hukou:
        b.reason = "配偶本市户籍待核实；若属实：" + b.reason
    b.points = pts
    b.counted = pts > 0
    return b.done()


def _talent(ctx: Ctx, indicator_id: str, claimed: bool | None, key: str, label: str) -> IndicatorResult:
    if not claimed:
        return not_claimed(ctx, indicator_id, f"§2.2 {label}, §7", pending=ctx.pending(f"bonus.{key}"))
    refs = Refs(ctx, f"§2.2 {label}, §7 创业人才 / 创新创业中介服务人才")
    grants = refs(f"talent.{key}")
    standard = refs("standard.score")
    b = Build(indicator_id, refs, provisional=ctx.pending(f"bonus.{key}"))
    if not grants:
        b.counted = False
        b.reason = f"{label}在{ctx.version}版政策中未列为加分指标：0分"
        return b.done()
    b.points = standard
    b.reason = f"{label}经认定直接赋予标准分值：{standard}分（须符合市有关部门规定的条件）"
    return b.done()


def entrepreneur(ctx: Ctx) -> IndicatorResult:
    """创业人才: grants the standard score (120 points)."""
    return _talent(ctx, "entrepreneur", ctx.profile.bonus.entrepreneur, "entrepreneur", "创业人才")


def intermediary(ctx: Ctx) -> IndicatorResult:
    """创新创业中介服务人才: grants the standard score (120 points)."""
    return _talent(ctx, "intermediary", ctx.profile.bonus.intermediary, "intermediary", "创新创业中介服务人才")


__all__ = ["shortage_major", "investment", "public_service", "remote_area", "fresh_graduate", "award",
           "spouse_hukou", "entrepreneur", "intermediary"]
