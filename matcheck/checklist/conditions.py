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
from datetime import date
from typing import Any, Callable, Iterable

from matcheck.dates import Month, age_on
from matcheck.identity import parse_id_number
from matcheck.policy import Params
from matcheck.profile import Profile

TERTIARY = ("大专", "本科", "硕士", "博士")
NON_FULLTIME = ("自考", "成人", "网络", "函授", "业余")


@dataclass(frozen=True)
class Cond:
    """A predicate's answer. ``holds`` with ``pending`` set means "may hold: depends on these unconfirmed facts"."""

    holds: bool
    pending: tuple[str, ...] = ()

    @property
    def certain(self) -> bool:
        return self.holds and not self.pending


YES = Cond(True)
NO = Cond(False)


def maybe(*paths: str) -> Cond:
    return Cond(True, tuple(paths))


def both(conds: Iterable[Cond]) -> Cond:
    """AND: fails if any certainly fails; otherwise holds, pending on the union of the unconfirmed facts."""
    pending: list[str] = []
    for c in conds:
        if not c.holds:
            return NO
        pending.extend(p for p in c.pending if p not in pending)
    return Cond(True, tuple(pending))


def negate(c: Cond) -> Cond:
    """NOT: a pending answer stays pending (the fact may go either way)."""
    if c.pending:
        return c
    return NO if c.holds else YES


@dataclass(frozen=True)
class Context:
    profile: Profile
    as_of: date
    params: Params


@dataclass(frozen=True)
class Item:
    """One entry of a ``for_each`` list: its index, the profile object and its profile path."""

    index: int
    value: Any
    path: str


@dataclass(frozen=True)
class Predicate:
    name: str
    scope: str | None  # None (the whole profile) | education | qualification | child | award
    doc: str  # what it means, in the HR officer's terms (docs/materials.md lists these)
    fn: Callable[[Context, Item | None], Cond]


# --------------------------------------------------------------------------- helpers


def fact(profile: Profile, path: str, value: Any, test: Callable[[Any], bool] = bool) -> Cond:
    """A stated value is tested; a 待核实 one may hold; an absent one does not."""
    if value is not None:
        return YES if test(value) else NO
    return maybe(path) if profile.is_to_verify(path) else NO


def any_of(conds: Iterable[Cond]) -> Cond:
    """OR over entries: certain if one is certain; else pending on all the pending ones."""
    pending: list[str] = []
    for c in conds:
        if c.certain:
            return YES
        if c.holds:
            pending.extend(p for p in c.pending if p not in pending)
    return Cond(True, tuple(pending)) if pending else NO


def _edu_tertiary(ctx: Context, item: Item) -> Cond:
    return fact(ctx.profile, f"{item.path}.level", item.value.level, lambda v: v in TERTIARY)


def _edu_foreign(ctx: Context, item: Item) -> Cond:
    return fact(ctx.profile, f"{item.path}.mode", item.value.mode, lambda v: v == "国外")


def _edu_domestic(ctx: Context, item: Item) -> Cond:
    e = item.value
    if e.mode is None and ctx.profile.is_to_verify(f"{item.path}.mode"):
        return maybe(f"{item.path}.mode")
    return NO if e.mode == "国外" else YES


def _edu_has_degree(ctx: Context, item: Item) -> Cond:
    return fact(ctx.profile, f"{item.path}.degree", item.value.degree, lambda v: v in ("学士", "硕士", "博士"))


def _edu_non_fulltime(ctx: Context, item: Item) -> Cond:
    return fact(ctx.profile, f"{item.path}.mode", item.value.mode, lambda v: v in NON_FULLTIME)


def _edu_before_online(ctx: Context, item: Item) -> Cond:
    cutoff = Month.of(ctx.params["materials.online_registration_from"])
    return fact(ctx.profile, f"{item.path}.end", item.value.end, lambda m: m < cutoff)


def _education_indicator(ctx: Context, _: Item | None) -> Cond:
    p = ctx.profile
    return any_of(_edu_tertiary(ctx, Item(i, e, f"education[{i}]")) for i, e in enumerate(p.education))


def _qualification_indicator(ctx: Context, _: Item | None) -> Cond:
    p = ctx.profile
    return any_of(_qual_any(ctx, Item(i, q, f"qualifications[{i}]")) for i, q in enumerate(p.qualifications))


def _qual_kind(kind: str) -> Callable[[Context, Item | None], Cond]:
    def check(ctx: Context, item: Item | None) -> Cond:
        assert item is not None
        return fact(ctx.profile, f"{item.path}.kind", item.value.kind, lambda v: v == kind)

    return check


def _qual_any(ctx: Context, item: Item | None) -> Cond:
    assert item is not None
    q = item.value
    if q.kind is not None or q.level is not None:
        return YES
    return maybe(item.path) if ctx.profile.is_to_verify(item.path) else NO


def _qual_out_of_town_skill(ctx: Context, item: Item | None) -> Cond:
    assert item is not None
    q, path = item.value, item.path
    return both([
        fact(ctx.profile, f"{path}.kind", q.kind, lambda v: v == "技能"),
        fact(ctx.profile, f"{path}.level", q.level, lambda v: v in ("三级", "二级", "一级")),
        fact(ctx.profile, f"{path}.obtained_in_shanghai",
             None if q.obtained_in_shanghai is None else not q.obtained_in_shanghai),
    ])


def _qual_registered(ctx: Context, item: Item | None) -> Cond:
    assert item is not None
    q = item.value
    if q.registered is not None:  # stated either way: it is a 注册类 qualification
        return YES
    return maybe(f"{item.path}.registered") if ctx.profile.is_to_verify(f"{item.path}.registered") else NO


def _shortage_major(ctx: Context, _: Item | None) -> Cond:
    p = ctx.profile
    return any_of(fact(p, f"education[{i}].shortage_major", e.shortage_major) for i, e in enumerate(p.education))


def _bonus_flag(name: str) -> Callable[[Context, Item | None], Cond]:
    def check(ctx: Context, _: Item | None) -> Cond:
        return fact(ctx.profile, f"bonus.{name}", getattr(ctx.profile.bonus, name))

    return check


def _investment(ctx: Context, _: Item | None) -> Cond:
    inv = ctx.profile.bonus.investment
    if inv is not None:
        return YES
    return maybe("bonus.investment") if ctx.profile.is_to_verify("bonus.investment") else NO


def _investment_route(route: str) -> Callable[[Context, Item | None], Cond]:
    def check(ctx: Context, _: Item | None) -> Cond:
        inv = ctx.profile.bonus.investment
        if inv is None:
            return maybe("bonus.investment") if ctx.profile.is_to_verify("bonus.investment") else NO
        if inv.route is None:  # not stated or 待核实: either route's papers may be needed
            return maybe("bonus.investment.route")
        return YES if inv.route == route else NO

    return check


def _list_claimed(attr: str) -> Callable[[Context, Item | None], Cond]:
    def check(ctx: Context, _: Item | None) -> Cond:
        items = getattr(ctx.profile.bonus, attr)
        if items:
            return YES
        return maybe(f"bonus.{attr}") if ctx.profile.is_to_verify(f"bonus.{attr}") else NO

    return check


def _spouse_hukou(ctx: Context, _: Item | None) -> Cond:
    s = ctx.profile.spouse
    if s is None:
        return maybe("spouse") if ctx.profile.is_to_verify("spouse") else NO
    return fact(ctx.profile, "spouse.shanghai_hukou", s.shanghai_hukou)


def _spouse_cohabiting(ctx: Context, _: Item | None) -> Cond:
    """同住配偶: a spouse in the profile who lives with the applicant and is not marked as not enjoying 待遇."""
    p, s = ctx.profile, ctx.profile.spouse
    if s is None:
        return maybe("spouse") if p.is_to_verify("spouse") else NO
    lives = YES if s.lives_with_applicant is not False else NO
    if s.lives_with_applicant is None and p.is_to_verify("spouse.lives_with_applicant"):
        lives = maybe("spouse.lives_with_applicant")
    enjoys = YES if s.enjoys_benefits is not False else NO
    if s.enjoys_benefits is None and p.is_to_verify("spouse.enjoys_benefits"):
        enjoys = maybe("spouse.enjoys_benefits")
    return both([lives, enjoys])


def _spouse_foreign(ctx: Context, _: Item | None) -> Cond:
    s = ctx.profile.spouse
    return NO if s is None else fact(ctx.profile, "spouse.foreign", s.foreign)


def _collective_hukou(ctx: Context, _: Item | None) -> Cond:
    return fact(ctx.profile, "applicant.hukou_type", ctx.profile.applicant.hukou_type, lambda v: v == "集体户")


def _dispatched(ctx: Context, _: Item | None) -> Cond:
    c = ctx.profile.contract
    if c is None:
        return maybe("contract") if ctx.profile.is_to_verify("contract") else NO
    return fact(ctx.profile, "contract.dispatched", c.dispatched)


def _child_benefits(ctx: Context, item: Item | None) -> Cond:
    assert item is not None
    c, path, p = item.value, item.path, ctx.profile
    conds = []
    for attr in ("lives_with_applicant", "enjoys_benefits"):
        value = getattr(c, attr)
        if value is None and p.is_to_verify(f"{path}.{attr}"):
            conds.append(maybe(f"{path}.{attr}"))
        else:
            conds.append(NO if value is False else YES)
    return both(conds)


def _child_in_high_school(ctx: Context, item: Item | None) -> Cond:
    """满16周岁 (age from the ID number on as_of) and in 全日制普通高中; unknown facts make it pending."""
    assert item is not None
    c, path, p = item.value, item.path, ctx.profile
    min_age = int(ctx.params["materials.child_high_school_min_age"])
    if c.id_number:
        old_enough = YES if age_on(parse_id_number(c.id_number).birth_date, ctx.as_of) >= min_age else NO
    else:
        old_enough = maybe(f"{path}.id_number")  # age unknown: ask
    if not old_enough.holds:
        return NO
    if c.in_fulltime_high_school is True:
        school = YES
    elif c.in_fulltime_high_school is False:
        school = NO
    else:  # 待核实 or not stated for a child of that age: ask
        school = maybe(f"{path}.in_fulltime_high_school")
    return both([old_enough, school])


def _children_with_benefits(ctx: Context, _: Item | None) -> Cond:
    p = ctx.profile
    return any_of(_child_benefits(ctx, Item(i, c, f"children[{i}]")) for i, c in enumerate(p.children))


def _single_parent_with_child(ctx: Context, _: Item | None) -> Cond:
    """Children come with the applicant and no spouse is listed: if the parents are divorced (the profile has
    no marital status), the divorce papers are needed. Always pending: it asks the officer to confirm."""
    p = ctx.profile
    if p.spouse is not None:
        return NO
    kids = _children_with_benefits(ctx, None)
    return both([kids, maybe("spouse")]) if kids.holds else NO


def _prior_high_school_needed(ctx: Context, _: Item | None) -> Cond:
    """前置学历 (rules.md §7): a 大专 (not 自考) or a 全日制 本科 from scratch needs a 高中-level record; followed up
    the chain for levels the profile does not list (a 硕士 whose 本科 is not listed still implies one)."""
    p, params = ctx.profile, ctx.params
    requires: dict[str, list[str]] = params["rules_profile.prior_education.requires"]
    alt: dict[str, list[str]] = params["rules_profile.prior_education.requires_if_upgrade_or_part_time"]
    exempt: dict[str, list[str]] = params["rules_profile.prior_education.exempt_modes"]
    listed = {e.level for e in p.education if e.level}
    needed: set[str] = set()
    pending: list[str] = []
    for i, e in enumerate(p.education):
        if e.level is None:
            if p.is_to_verify(f"education[{i}].level"):
                pending.append(f"education[{i}].level")
            continue
        if e.mode in exempt.get(e.level, ()):
            continue
        if e.mode is None and p.is_to_verify(f"education[{i}].mode"):
            pending.append(f"education[{i}].mode")
        upgrade = e.upgrade or (e.mode is not None and e.mode not in ("全日制", "国外"))
        needed.update(alt[e.level] if upgrade and e.level in alt else requires.get(e.level, ()))
    frontier = [lvl for lvl in needed if lvl not in listed]
    while frontier:  # implied levels the profile does not list: assume the usual chain
        lvl = frontier.pop()
        for nxt in requires.get(lvl, ()):
            if nxt not in needed:
                needed.add(nxt)
                if nxt not in listed:
                    frontier.append(nxt)
    if "high_school" in needed:
        return YES
    return Cond(True, tuple(pending)) if pending else NO


def _high_school_levels(ctx: Context) -> tuple[str, ...]:
    return tuple(ctx.params["rules_profile.prior_education.high_school_levels"])


def _edu_high_school_level(ctx: Context, item: Item) -> Cond:
    levels = _high_school_levels(ctx)
    return fact(ctx.profile, f"{item.path}.level", item.value.level, lambda v: v in levels)


def _high_school_listed(ctx: Context, _: Item | None) -> Cond:
    return any_of(_edu_high_school_level(ctx, Item(i, e, f"education[{i}]"))
                  for i, e in enumerate(ctx.profile.education))


def _param_flag(name: str) -> Callable[[Context, Item | None], Cond]:
    def check(ctx: Context, _: Item | None) -> Cond:
        return YES if ctx.params[name] else NO

    return check


def _always(ctx: Context, _: Item | None) -> Cond:
    return YES


def _scoped(fn: Callable[[Context, Item], Cond]) -> Callable[[Context, Item | None], Cond]:
    def check(ctx: Context, item: Item | None) -> Cond:
        assert item is not None, "scoped predicate without for_each"
        return fn(ctx, item)

    return check


def _award_claimed(ctx: Context, item: Item) -> Cond:
    return YES


# --------------------------------------------------------------------------- THE table

_TABLE: tuple[Predicate, ...] = (
    Predicate("always", None, "每位申请人都需要", _always),
    # indicators claimed (the facts the scorer reads)
    Predicate("indicator:education", None, "申报学历指标：资料中有大专及以上学历", _education_indicator),
    Predicate("indicator:qualification", None, "申报职称/技能指标：资料中有职称、技能或职业资格", _qualification_indicator),
    Predicate("indicator:shortage_major", None, "申报紧缺急需专业：某段学历标为紧缺专业", _shortage_major),
    Predicate("indicator:investment", None, "申报投资纳税或带动本地就业", _investment),
    Predicate("indicator:special_post", None, "申报特定公共服务领域或远郊重点区域", _list_claimed("special_posts")),
    Predicate("indicator:fresh_graduate", None, "申报全日制应届高校毕业生", _bonus_flag("fresh_graduate")),
    Predicate("indicator:entrepreneur", None, "申报创业人才", _bonus_flag("entrepreneur")),
    Predicate("indicator:intermediary", None, "申报创新创业中介服务人才", _bonus_flag("intermediary")),
    Predicate("indicator:spouse_hukou", None, "申报配偶为本市户籍", _spouse_hukou),
    # facts
    Predicate("fact:collective_hukou", None, "申请人为集体户口", _collective_hukou),
    Predicate("fact:dispatched", None, "劳动合同为派遣用工", _dispatched),
    Predicate("fact:spouse_cohabiting", None, "有配偶，同住且享受积分待遇（未注明不享受）", _spouse_cohabiting),
    Predicate("fact:spouse_foreign", None, "配偶为外籍人士", _spouse_foreign),
    Predicate("fact:investment_tax_route", None, "投资加分走投资纳税路线（未注明路线时两者都列）",
              _investment_route("tax")),
    Predicate("fact:investment_employment_route", None, "投资加分走带动本地就业路线（未注明路线时两者都列）",
              _investment_route("employment")),
    Predicate("fact:prior_high_school_needed", None, "学历链需要高中阶段前置学历（rules.md §7 前置学历）",
              _prior_high_school_needed),
    Predicate("fact:children_with_benefits", None, "有同住且享受积分待遇的子女", _children_with_benefits),
    Predicate("fact:high_school_listed", None, "资料中填写了高中阶段学历（高中、中专、职高、技校）", _high_school_listed),
    Predicate("fact:single_parent_with_child", None, "子女随迁而资料中无配偶（可能离异，须确认）",
              _single_parent_with_child),
    # policy data (checklists/policy/parameters/materials.yaml)
    Predicate("policy:pledge_required", None, "该政策版本的基础材料含书面承诺", _param_flag("materials.pledge_required")),
    Predicate("policy:family_planning_proof_required", None, "该政策版本要求同住子女的计划生育证明",
              _param_flag("materials.family_planning_proof_required")),
    # per education entry
    Predicate("edu:tertiary", "education", "该段学历为大专及以上", _scoped(_edu_tertiary)),
    Predicate("edu:domestic", "education", "该段学历为国内学历", _scoped(_edu_domestic)),
    Predicate("edu:high_school_level", "education", "该段学历为高中阶段（高中、中专、职高、技校）",
              _scoped(_edu_high_school_level)),
    Predicate("edu:foreign", "education", "该段学历为国（境）外学历", _scoped(_edu_foreign)),
    Predicate("edu:has_degree", "education", "该段学历有学位（学士/硕士/博士）", _scoped(_edu_has_degree)),
    Predicate("edu:non_fulltime", "education", "该段学历为自考/成人/网络/函授/业余", _scoped(_edu_non_fulltime)),
    Predicate("edu:before_online_registration", "education", "该段学历在学信网电子注册之前毕业（2002年前）",
              _scoped(_edu_before_online)),
    # per qualification
    Predicate("qual:any", "qualification", "申报的职称/技能/职业资格", _qual_any),
    Predicate("qual:title", "qualification", "该项为专业技术职称", _qual_kind("职称")),
    Predicate("qual:skill", "qualification", "该项为技能等级", _qual_kind("技能")),
    Predicate("qual:professional_qualification", "qualification", "该项为专业技术类职业资格", _qual_kind("职业资格")),
    Predicate("qual:out_of_town_skill_high", "qualification", "外省市取得的三级及以上技能证书", _qual_out_of_town_skill),
    Predicate("qual:registered_type", "qualification", "注册类职业资格（资料填写了 registered）", _qual_registered),
    # per child
    Predicate("child:benefits", "child", "同住且享受积分待遇的子女", _child_benefits),
    Predicate("child:in_high_school_16_plus", "child", "子女满16周岁且在全日制普通高中就读", _child_in_high_school),
    # per award
    Predicate("award:claimed", "award", "申报的表彰奖励", _scoped(_award_claimed)),
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
