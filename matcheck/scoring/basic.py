"""基础指标: 年龄 (age), 教育背景 (education), 专业技术职称和技能等级 (qualification) — rules.md §2.1, §7."""

from __future__ import annotations

from matcheck import rule_names
from matcheck.dates import age_on
from matcheck.results import Observation
from matcheck.scoring.context import Build, Ctx, IndicatorResult, Refs, fmt_num
from matcheck.scoring.insurance import base_rule_months


def _take_highest(b: Build, candidates: list[tuple[int, str, bool]], any_pending: bool) -> None:
    """Within one indicator only the highest record counts (rules.md §2: not summed); the first of equals wins.
    Provisional if the chosen record is, or if any record is 待核实 (it could turn out the highest)."""
    b.points, b.reason, provisional = max(candidates, key=lambda c: c[0])
    b.provisional = provisional or any_pending


def age(ctx: Ctx) -> IndicatorResult:
    """年龄: ≤43 → 30; 44–55 → 5 + 2 × (56 − 周岁); 56–60 → 5; over 60 → 0 and a finding. 周岁 on as_of."""
    refs = Refs(ctx, "§2.1 年龄, §7 Age")
    top = refs("age.max_points")
    base = refs("age.base_points")
    step = refs("age.points_per_year_younger")
    pivot = refs("age.pivot_age")
    oldest = refs("age.max_age")
    youngest = ctx.params["age.min_age"]  # cited only when it decides something
    b = Build("age", refs)
    birth = ctx.profile.applicant.birth_date
    if birth is None:
        b.counted = False
        b.provisional = ctx.pending("applicant.id_number")
        b.reason = ("身份证号码待核实，无法计算周岁：暂计0分" if b.provisional
                    else "未填写身份证号码，无法计算周岁：0分")
        return b.done()
    years = age_on(birth, ctx.as_of)
    head = f"{ctx.as_of}满{years}周岁："
    if years > oldest:
        b.points, b.counted = 0, False
        b.reason = head + f"超过{oldest}周岁，计0分"
        b.observations.append(Observation(rule_names.NOT_ELIGIBLE, {
            "gate": "age", "age": years, "max_age": oldest,
            "detail": f"{ctx.as_of}已满{years}周岁，超过{oldest}周岁：年龄计0分，且一般已不在就业缴费年龄"},
            subject="applicant.id_number"))
        return b.done()
    if years >= pivot:
        b.points = base
        b.reason = head + f"{pivot}–{oldest}周岁计{base}分"
    else:
        raw = base + step * (pivot - years)
        if raw > top:
            b.points = top
            b.reason = head + f"min({top}, {base} + {step} × ({pivot} − {years})) = min({top}, {raw}) = {top}"
        else:
            b.points = raw
            b.reason = head + f"{base} + {step} × ({pivot} − {years}) = {raw}"
    if years < youngest:
        refs("age.min_age")
        b.observations.append(Observation(rule_names.NOT_ELIGIBLE, {
            "gate": "age", "age": years, "min_age": youngest,
            "detail": f"{ctx.as_of}仅{years}周岁，未满{youngest}周岁"}, subject="applicant.id_number"))
    return b.done()


# --------------------------------------------------------------------------- education

_GRADUATE = ("博士", "硕士")  # 研究生 levels: 学历 and 学位 both needed for their tier


def _bachelor_tier(held: set[str]) -> tuple[str, str]:
    """The 本科 tier: with the 学士学位 (held on some record) 本科 + 学士, otherwise 本科 alone."""
    return ("本科学士", "本科 + 学士") if "学士" in held else ("本科", "本科（资料中无学士学位）")


def _education_key(level: str | None, degree: str | None, held: set[str]) -> tuple[str | None, str]:
    """The points-table key of one education record and a note on how it was chosen.

    ``held``: the 学位 the profile shows on any record. A 硕士/博士 with only one of 学历/学位 scores as the level
    below (matcheck's decision on the points measures' "研究生学历学位"), and the level below counts only with its
    own 学位: 硕士 without 学位 → 本科 + 学士 only if a 学士 is held, else 本科; 博士 without 学位 → 硕士 only if a
    硕士学位 is held, else the 本科 tier. A 本科 record with a 硕士/博士 学位 (同等学力申硕: the 学位 without the
    学历) is the same case seen from the 学位 side: it scores the 本科 tier.
    """
    if level == "本科":
        if degree == "学士":
            return "本科学士", "本科 + 学士学位"
        if degree in _GRADUATE:
            key, tier = _bachelor_tier(held)
            return key, (f"本科学历 + {degree}学位（同等学力，无{degree}研究生学历）：学历学位只具其一，按下一档"
                         f"（{tier}）计")
        return "本科", "本科（无学士学位）"
    if level in _GRADUATE:
        if degree == level:
            return level, f"{level}研究生学历 + {level}学位"
        if level == "博士" and "硕士" in held:
            return "硕士", "博士学历但未申报博士学位，按下一档（硕士学历 + 硕士学位）计"
        key, tier = _bachelor_tier(held)
        skipped = "硕士学位，" if level == "博士" else ""
        return key, (f"{level}学历但未申报{level}学位，{skipped}按下一档计；下一档须持有本档学位：{tier}")
    if level == "大专":
        return "大专", "大专（高职）"
    return None, f"{level or '未填写层次'}（大专以下不计分）"


def education(ctx: Ctx) -> IndicatorResult:
    """教育背景: 大专 50, 本科 60, 本科 + 学士 90, 硕士 100, 博士 110 — the highest record counts."""
    refs = Refs(ctx, "§2.1 教育背景, §7 Education")
    table = refs("education.points")
    b = Build("education", refs)
    if not ctx.profile.education:
        b.counted = False
        b.provisional = ctx.pending("education")
        b.reason = "学历待核实：暂计0分" if b.provisional else "未申报学历：0分"
        return b.done()
    candidates: list[tuple[int, str, bool]] = []  # (points, reason, provisional) per record
    any_pending = False  # a 待核实 record that is not the highest now could still be the highest
    held = {rec.degree for i, rec in enumerate(ctx.profile.education)
            if rec.degree and not ctx.pending(f"education[{i}].degree")}
    for i, rec in enumerate(ctx.profile.education):
        path = f"education[{i}]"
        pending = ctx.pending(path)
        if rec.level is None:
            cand = (0, f"第{i + 1}条学历层次待核实：暂计0分" if pending else f"第{i + 1}条学历未填写层次：0分", pending)
        else:
            key, how = _education_key(rec.level, rec.degree, held)
            pts = table.get(key, 0) if key else 0
            notes = []
            if ctx.pending(f"{path}.degree"):
                notes.append("学位待核实")
            if rec.foreign:
                notes.append("国(境)外学历，须留学服务中心认证书" + ("（已认证）" if rec.certified else "（未申报已认证）"))
            school = f"（{rec.school}）" if rec.school else ""
            text = f"{how}{school}：{pts}分" + (f"；{'；'.join(notes)}" if notes else "")
            cand = (pts, text, pending)
        candidates.append(cand)
        any_pending = any_pending or ctx.pending(path)
    _take_highest(b, candidates, any_pending)
    b.counted = b.points > 0
    return b.done()


# --------------------------------------------------------------------------- qualification


def qualification(ctx: Ctx) -> IndicatorResult:
    """职称/技能: 技能 15/30/60/100/140; 中级 100, 高级 140; 初级 0; from 2018 the 1× base rule for 中/高/二/一级."""
    refs = Refs(ctx, "§2.1 职称/技能, §7 职称 / 技能")
    table = refs("qualification.points")
    rule = refs("qualification.base_rule")
    b = Build("qualification", refs)
    quals = ctx.profile.qualifications
    if not quals:
        b.counted = False
        b.provisional = ctx.pending("qualifications")
        b.reason = ("职称、技能等级或职业资格待核实：暂计0分" if b.provisional
                    else "未申报职称、技能等级或职业资格：0分")
        return b.done()
    candidates: list[tuple[int, str, bool]] = []  # (points, reason, provisional) per certificate
    any_pending = False  # a 待核实 certificate that is not the highest now could still be the highest
    all_obs: list[Observation] = []
    for i, q in enumerate(quals):
        path = f"qualifications[{i}]"
        pending = ctx.pending(path)
        obs: list[Observation] = []
        label = f"{q.kind or '?'}{q.level or '?'}" + (f"（{q.name}）" if q.name else "")
        pts = (table.get(q.kind) or {}).get(q.level, 0) if q.kind and q.level else 0
        if q.kind is None or q.level is None:
            text = f"{label}：类别或等级" + ("待核实，暂计0分" if pending else "未填写，0分")
        elif q.level == "初级":
            text = f"{label}：初级职称不计分（条文转载未列初级档），0分"
            obs.append(Observation(rule_names.QUALIFICATION_NOT_COUNTED, {
                "detail": f"{label}：初级职称在积分中不计分", "level": q.level, "kind": q.kind}, subject=path))
        elif q.registered is False:
            pts, text = 0, f"{label}：注册类证书未注册或不在注册有效期内，0分"
        elif q.kind == "技能" and q.obtained_in_shanghai is False and not (
                q.level in refs("qualification.out_of_town_skill_levels") and q.verified_in_shanghai):
            pts = 0
            levels = refs("qualification.out_of_town_skill_levels")
            text = (f"{label}：外省市取得的技能证书须通过本市复评/验证，0分" if q.level in levels
                    else f"{label}：外省市取得的技能证书仅{'/'.join(levels)}可计分，0分")
        elif q.kind != "技能" and q.obtained_in_shanghai is False and not q.by_exam:
            pts, text = 0, f"{label}：评审取得的职称须在本市工作期间取得，0分"
        else:
            text = f"{label}：{pts}分"
            if rule.get("applies") and q.level in rule["levels"]:
                n, start, end, pend = base_rule_months(ctx, rule["window_months"], rule["min_multiple"])
                pending = pending or pend
                any_pending = any_pending or pend
                k = fmt_num(rule["min_multiple"])
                if n < rule["min_months"]:
                    text = (f"{label}：{start}至{end}社保基数≥{k}倍社平仅 {n} 个月，不满{rule['min_months']}个月"
                            f"（1倍基数规则），计0分（满足后为{pts}分）")
                    obs.append(Observation(rule_names.QUALIFICATION_BASE_TOO_LOW, {
                        "detail": f"{label}需最近{rule['window_months']}个月内至少{rule['min_months']}个月社保基数"
                                  f"≥{k}倍社平，{start}至{end}仅{n}个月", "months": n,
                        "required": rule["min_months"], "window_start": str(start), "window_end": str(end),
                        "points_if_met": pts, "qualification": label}, subject=path))
                    pts = 0
                else:
                    text += f"（{start}至{end}社保基数≥{k}倍社平 {n} 个月，满足1倍基数规则）"
            if q.appointed is False or q.matches_post is False:
                pending = True
                text += "；未提供聘书或岗位与专业不符，待核实"
        all_obs.extend(obs)
        cand = (pts, text, pending)
        candidates.append(cand)
        any_pending = any_pending or ctx.pending(path)
    _take_highest(b, candidates, any_pending)
    b.observations = all_obs
    b.counted = b.points > 0
    return b.done()
