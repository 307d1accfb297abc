"""The conditions (条件) of the materials catalog: named predicates over the Profile, in ONE explicit table.

``checklists/materials.yaml`` refers to them by name (``when: [indicator:education, not:fact:dispatched]``); the
catalog loader rejects a name that is not in :data:`PREDICATES`, and a scoped predicate (``edu:*``, ``qual:*``,
``child:*``, ``award:*``) used outside a requirement with the matching ``for_each``.

A predicate answers with a :class:`Cond`: it holds, it does not, or it *may* hold because the facts it reads are
marked 待核实 (or, for a few family facts, are simply not in the profile). ``pending`` names those facts (profile
paths); an item required only through pending conditions is shown as conditional (如适用).

Which indicators are claimed is read from the same facts the scorer reads (education entries, qualifications,
``spouse.shanghai_hukou``, ``bonus.*``): the checklist never needs the score.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from matcheck.checklist import facts as f
from matcheck.checklist.facts import NO, YES, Cond, Context, Item, both, negate  # noqa: F401 (re-exported)
from matcheck.profile import Profile


@dataclass(frozen=True)
class Predicate:
    name: str
    scope: str | None  # None (the whole profile) | education | qualification | child | award
    doc: str  # what it means, in the HR officer's terms (docs/materials.md lists these)
    fn: Callable[[Context, Item | None], Cond]


# --------------------------------------------------------------------------- THE table

_TABLE: tuple[Predicate, ...] = (
    Predicate("always", None, "每位申请人都需要", f.always),
    # indicators claimed (the facts the scorer reads)
    Predicate("indicator:education", None, "申报学历指标：资料中有大专及以上学历", f.education_indicator),
    Predicate("indicator:qualification", None, "申报职称/技能指标：资料中有职称、技能或职业资格", f.qualification_indicator),
    Predicate("indicator:shortage_major", None, "申报紧缺急需专业：某段学历标为紧缺专业", f.shortage_major),
    Predicate("indicator:investment", None, "申报投资纳税或带动本地就业", f.investment),
    Predicate("indicator:special_post", None, "申报特定公共服务领域或远郊重点区域", f.list_claimed("special_posts")),
    Predicate("indicator:fresh_graduate", None, "申报全日制应届高校毕业生", f.bonus_flag("fresh_graduate")),
    Predicate("indicator:entrepreneur", None, "申报创业人才", f.bonus_flag("entrepreneur")),
    Predicate("indicator:intermediary", None, "申报创新创业中介服务人才", f.bonus_flag("intermediary")),
    Predicate("indicator:spouse_hukou", None, "申报配偶为本市户籍", f.spouse_hukou),
    # facts
    Predicate("fact:collective_hukou", None, "申请人为集体户口", f.collective_hukou),
    Predicate("fact:dispatched", None, "劳动合同为派遣用工", f.dispatched),
    Predicate("fact:spouse_cohabiting", None, "有配偶，同住且享受积分待遇（未注明不享受）", f.spouse_cohabiting),
    Predicate("fact:spouse_foreign", None, "配偶为外籍人士", f.spouse_foreign),
    Predicate("fact:investment_tax_route", None, "投资加分走投资纳税路线（未注明路线时两者都列）",
              f.investment_route("tax")),
    Predicate("fact:investment_employment_route", None, "投资加分走带动本地就业路线（未注明路线时两者都列）",
              f.investment_route("employment")),
    Predicate("fact:prior_high_school_needed", None, "学历链需要高中阶段前置学历（matcheck 的前置学历规则，docs/scoring.md）",
              f.prior_high_school_needed),
    Predicate("fact:children_with_benefits", None, "有同住且享受积分待遇的子女", f.children_with_benefits),
    Predicate("fact:high_school_listed", None, "资料中填写了高中阶段学历（高中、中专、职高、技校）", f.high_school_listed),
    Predicate("fact:single_parent_with_child", None, "子女随迁而资料中无配偶（可能离异，须确认）",
              f.single_parent_with_child),
    # policy data (checklists/policy/parameters/materials.yaml)
    Predicate("policy:pledge_required", None, "该政策版本的基础材料含书面承诺", f.param_flag("materials.pledge_required")),
    Predicate("policy:family_planning_proof_required", None, "该政策版本要求同住子女的计划生育证明",
              f.param_flag("materials.family_planning_proof_required")),
    # per education entry
    Predicate("edu:tertiary", "education", "该段学历为大专及以上", f.scoped(f.edu_tertiary)),
    Predicate("edu:domestic", "education", "该段学历为国内学历", f.scoped(f.edu_domestic)),
    Predicate("edu:high_school_level", "education", "该段学历为高中阶段（高中、中专、职高、技校）",
              f.scoped(f.edu_high_school_level)),
    Predicate("edu:foreign", "education", "该段学历为国（境）外学历", f.scoped(f.edu_foreign)),
    Predicate("edu:has_degree", "education", "该段学历有学位（学士/硕士/博士）", f.scoped(f.edu_has_degree)),
    Predicate("edu:non_fulltime", "education", "该段学历为自考/成人/网络/函授/业余", f.scoped(f.edu_non_fulltime)),
    Predicate("edu:before_online_registration", "education", "该段学历在学信网电子注册开始之前毕业（日期见 materials.online_registration_from）",
              f.scoped(f.edu_before_online)),
    # per qualification
    Predicate("qual:any", "qualification", "申报的职称/技能/职业资格", f.qual_any),
    Predicate("qual:title", "qualification", "该项为专业技术职称", f.qual_kind("职称")),
    Predicate("qual:skill", "qualification", "该项为技能等级", f.qual_kind("技能")),
    Predicate("qual:professional_qualification", "qualification", "该项为专业技术类职业资格", f.qual_kind("职业资格")),
    Predicate("qual:out_of_town_skill_high", "qualification", "外省市取得的三级及以上技能证书", f.qual_out_of_town_skill),
    Predicate("qual:registered_type", "qualification", "注册类职业资格（资料填写了 registered）", f.qual_registered),
    # per child
    Predicate("child:benefits", "child", "同住且享受积分待遇的子女", f.child_benefits),
    Predicate("child:in_high_school_16_plus", "child", "子女满16周岁且在全日制普通高中就读", f.child_in_high_school),
    # per award
    Predicate("award:claimed", "award", "申报的表彰奖励", f.scoped(f.award_claimed)),
)

PREDICATES: dict[str, Predicate] = {p.name: p for p in _TABLE}
SCOPES = ("education", "qualification", "child", "award")


def parse_condition(text: str) -> tuple[bool, str]:
    """``not:fact:dispatched`` → (True, "fact:dispatched")."""
    return (True, text[4:]) if text.startswith("not:") else (False, text)


def evaluate(names: Iterable[str], ctx: Context, item: Item | None) -> Cond:
    """All of ``names`` (a requirement's ``when``), each possibly negated with ``not:``."""
    out = []
    for text in names:
        negated, name = parse_condition(text)
        c = PREDICATES[name].fn(ctx, item)
        out.append(negate(c) if negated else c)
    return both(out)


def items_for(scope: str, profile: Profile) -> list[Item]:
    """The entries a ``for_each`` scope iterates over, with their profile paths."""
    if scope == "education":
        return [Item(i, e, f"education[{i}]") for i, e in enumerate(profile.education)]
    if scope == "qualification":
        return [Item(i, q, f"qualifications[{i}]") for i, q in enumerate(profile.qualifications)]
    if scope == "child":
        return [Item(i, c, f"children[{i}]") for i, c in enumerate(profile.children)]
    if scope == "award":
        return [Item(i, a, f"bonus.awards[{i}]") for i, a in enumerate(profile.bonus.awards)]
    raise KeyError(scope)
