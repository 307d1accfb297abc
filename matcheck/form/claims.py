"""What the applicant claims for each 积分指标, in words for the form's 指标申报 section (指标申报内容).

One function per indicator id (contracts.md §3), each a pure function of the Profile; the points themselves come
from the Score, never from here.
"""

from __future__ import annotations

from typing import Callable

from matcheck.form.layout import TO_VERIFY, fmt_date, fmt_month
from matcheck.profile import Profile


def _join(parts: list[str], sep: str = "；") -> str:
    return sep.join(p for p in parts if p)


def _education(p: Profile) -> str:
    out = []
    for i, e in enumerate(p.education):
        if e.level in (None, "初中", "高中", "中专", "职高", "技校") and not p.is_to_verify(f"education[{i}]"):
            continue
        degree = f"{e.degree}学位" if e.degree and e.degree != "none" else ""
        what = " ".join(x for x in (e.level or TO_VERIFY, degree) if x)
        where = " ".join(x for x in (e.school, e.major, e.mode) if x)
        when = f"{fmt_month(e.end)}毕业" if e.end else ""
        out.append(_join([what, where, when], "，"))
    return _join(out)


def _qualification(p: Profile) -> str:
    out = []
    for q in p.qualifications:
        what = " ".join(x for x in (q.kind, q.level, q.name) if x) or TO_VERIFY
        when = f"{fmt_date(q.obtained)}取得" if q.obtained else ""
        out.append(_join([what, when], "，"))
    return _join(out)


def _social_insurance(p: Profile) -> str:
    out = []
    for s in p.social_insurance:
        span = f"{fmt_month(s.from_)}至{fmt_month(s.to, '今')}"
        base = f"基数{s.base_multiple:g}倍社平" if s.base_multiple is not None else (
            f"基数{s.base:g}元" if s.base is not None else "")
        out.append(_join([span, s.unit or "", base, "补缴" if s.backpaid else ""], "，"))
    return _join(out)


def _shortage_major(p: Profile) -> str:
    return _join([f"{e.major or ''}（{e.major_code or '代码未填'}），{e.school or ''}"
                  for e in p.education if e.shortage_major])


def _investment(p: Profile) -> str:
    inv = p.bonus.investment
    if inv is None:
        return ""
    share = f"个人出资比例{inv.share:.0%}" if inv.share is not None else ""
    if inv.route == "tax":
        return _join([f"投资纳税：近三年年均纳税{inv.average_annual_tax or 0:,.0f}元", share], "，")
    if inv.route == "employment":
        return _join([f"带动本地就业：近三年年均聘用本市户籍人员{inv.average_local_hires or 0:g}人", share], "，")
    return _join(["投资纳税或带动本地就业", share], "，")


def _special(kind: str) -> Callable[[Profile], str]:
    def claim(p: Profile) -> str:
        return _join([_join([s.area or s.kind or "", f"{fmt_month(s.from_)}至{fmt_month(s.to, '今')}",
                             "在该区域居住" if s.lives_there else ""], "，")
                      for s in p.bonus.special_posts if s.kind == kind])
    return claim


def _fresh_graduate(p: Profile) -> str:
    return "全日制应届高校毕业生" if p.bonus.fresh_graduate else ""


def _award(p: Profile) -> str:
    return _join([_join([a.name or "", a.level or "", fmt_date(a.date)], "，") for a in p.bonus.awards])


def _spouse_hukou(p: Profile) -> str:
    s = p.spouse
    if s is None or not s.shanghai_hukou:
        return ""
    return _join([f"配偶{s.name or ''}为本市户籍", f"{fmt_date(s.hukou_since)}起本市户籍" if s.hukou_since else "",
                  f"{fmt_date(s.married)}结婚登记" if s.married else ""], "，")


def _flag(text: str, attr: str) -> Callable[[Profile], str]:
    return lambda p: text if getattr(p.bonus, attr) else ""


def _age(p: Profile) -> str:
    birth = p.applicant.birth_date
    return f"出生日期{fmt_date(birth)}（据公民身份号码）" if birth else ""


def _deductions(p: Profile) -> str:
    r = p.records
    parts = [f"提供虚假材料{len(r.false_materials)}次" if r.false_materials else "",
             f"行政拘留{len(r.detentions)}次" if r.detentions else "",
             f"刑事犯罪{len(r.criminal)}次" if r.criminal else ""]
    return _join(parts, "，")


CLAIMS: dict[str, Callable[[Profile], str]] = {
    "age": _age,
    "education": _education,
    "qualification": _qualification,
    "social_insurance_years": _social_insurance,
    "social_insurance_base": _social_insurance,
    "shortage_major": _shortage_major,
    "investment": _investment,
    "public_service": _special("公共服务"),
    "remote_area": _special("远郊重点区域"),
    "fresh_graduate": _fresh_graduate,
    "award": _award,
    "spouse_hukou": _spouse_hukou,
    "entrepreneur": _flag("创业人才", "entrepreneur"),
    "intermediary": _flag("创新创业中介服务人才", "intermediary"),
    "deductions": _deductions,
}


def claim_text(profile: Profile, indicator_id: str) -> str:
    """The applicant's claim for one indicator, or "" when nothing is claimed for it."""
    fn = CLAIMS.get(indicator_id)
    return fn(profile) if fn else ""
