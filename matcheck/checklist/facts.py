"""The facts behind the catalog's conditions: small predicates over the Profile, each answering with a
:class:`Cond` (holds / does not / may hold because the facts it reads are 待核实 or not stated).

They are named and documented in ONE table, :data:`matcheck.checklist.conditions.PREDICATES`; this module only
holds their bodies and the three-valued logic (:func:`both`, :func:`negate`, :func:`any_of`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

from matcheck.assessment import Assessment
from matcheck.dates import Month, age_on
from matcheck.identity import parse_id_number
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


Context = Assessment
"""What a condition reads: the assessment (profile, as_of, the parameters in force); one type for every stage."""


@dataclass(frozen=True)
class Item:
    """One entry of a ``for_each`` list: its index, the profile object and its profile path."""

    index: int
    value: Any
    path: str


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


def edu_tertiary(ctx: Context, item: Item) -> Cond:
    return fact(ctx.profile, f"{item.path}.level", item.value.level, lambda v: v in TERTIARY)


def edu_foreign(ctx: Context, item: Item) -> Cond:
    return fact(ctx.profile, f"{item.path}.mode", item.value.mode, lambda v: v == "国外")


def edu_domestic(ctx: Context, item: Item) -> Cond:
    e = item.value
    if e.mode is None and ctx.profile.is_to_verify(f"{item.path}.mode"):
        return maybe(f"{item.path}.mode")
    return NO if e.mode == "国外" else YES


def edu_has_degree(ctx: Context, item: Item) -> Cond:
    return fact(ctx.profile, f"{item.path}.degree", item.value.degree, lambda v: v in ("学士", "硕士", "博士"))


def edu_non_fulltime(ctx: Context, item: Item) -> Cond:
    return fact(ctx.profile, f"{item.path}.mode", item.value.mode, lambda v: v in NON_FULLTIME)


def edu_before_online(ctx: Context, item: Item) -> Cond:
    cutoff = Month.of(ctx.params["materials.online_registration_from"])
    return fact(ctx.profile, f"{item.path}.end", item.value.end, lambda m: m < cutoff)


def education_indicator(ctx: Context, _: Item | None) -> Cond:
    p = ctx.profile
    return any_of(edu_tertiary(ctx, Item(i, e, f"education[{i}]")) for i, e in enumerate(p.education))


def qualification_indicator(ctx: Context, _: Item | None) -> Cond:
    p = ctx.profile
    return any_of(qual_any(ctx, Item(i, q, f"qualifications[{i}]")) for i, q in enumerate(p.qualifications))


def qual_kind(kind: str) -> Callable[[Context, Item | None], Cond]:
    def check(ctx: Context, item: Item | None) -> Cond:
        assert item is not None
        return fact(ctx.profile, f"{item.path}.kind", item.value.kind, lambda v: v == kind)

    return check


def qual_any(ctx: Context, item: Item | None) -> Cond:
    assert item is not None
    q = item.value
    if q.kind is not None or q.level is not None:
        return YES
    return maybe(item.path) if ctx.profile.is_to_verify(item.path) else NO


def qual_out_of_town_skill(ctx: Context, item: Item | None) -> Cond:
    assert item is not None
    q, path = item.value, item.path
    return both([
        fact(ctx.profile, f"{path}.kind", q.kind, lambda v: v == "技能"),
        fact(ctx.profile, f"{path}.level", q.level, lambda v: v in ("三级", "二级", "一级")),
        fact(ctx.profile, f"{path}.obtained_in_shanghai",
             None if q.obtained_in_shanghai is None else not q.obtained_in_shanghai),
    ])


def qual_registered(ctx: Context, item: Item | None) -> Cond:
    assert item is not None
    q = item.value
    if q.registered is not None:  # stated either way: it is a 注册类 qualification
        return YES
    return maybe(f"{item.path}.registered") if ctx.profile.is_to_verify(f"{item.path}.registered") else NO


def shortage_major(ctx: Context, _: Item | None) -> Cond:
    p = ctx.profile
    return any_of(fact(p, f"education[{i}].shortage_major", e.shortage_major) for i, e in enumerate(p.education))


def bonus_flag(name: str) -> Callable[[Context, Item | None], Cond]:
    def check(ctx: Context, _: Item | None) -> Cond:
        return fact(ctx.profile, f"bonus.{name}", getattr(ctx.profile.bonus, name))

    return check


def investment(ctx: Context, _: Item | None) -> Cond:
    inv = ctx.profile.bonus.investment
    if inv is not None:
        return YES
    return maybe("bonus.investment") if ctx.profile.is_to_verify("bonus.investment") else NO


def investment_route(route: str) -> Callable[[Context, Item | None], Cond]:
    def check(ctx: Context, _: Item | None) -> Cond:
        inv = ctx.profile.bonus.investment
        if inv is None:
            return maybe("bonus.investment") if ctx.profile.is_to_verify("bonus.investment") else NO
        if inv.route is None:  # not stated or 待核实: either route's papers may be needed
            return maybe("bonus.investment.route")
        return YES if inv.route == route else NO

    return check


def list_claimed(attr: str) -> Callable[[Context, Item | None], Cond]:
    def check(ctx: Context, _: Item | None) -> Cond:
        items = getattr(ctx.profile.bonus, attr)
        if items:
            return YES
        return maybe(f"bonus.{attr}") if ctx.profile.is_to_verify(f"bonus.{attr}") else NO

    return check


def _fact_of(p: Profile, path: str, part: Any, attr: str) -> Cond:
    """A fact of a part of the profile (``spouse``, ``contract``) that may be absent, or 待核实 as a whole."""
    if part is None:
        return maybe(path) if p.is_to_verify(path) else NO
    return fact(p, f"{path}.{attr}", getattr(part, attr))


def spouse_hukou(ctx: Context, _: Item | None) -> Cond:
    return _fact_of(ctx.profile, "spouse", ctx.profile.spouse, "shanghai_hukou")


def spouse_cohabiting(ctx: Context, _: Item | None) -> Cond:
    """同住配偶: a spouse in the profile who lives with the applicant and is not marked as not enjoying 待遇."""
    p, s = ctx.profile, ctx.profile.spouse
    if s is None:
        return maybe("spouse") if p.is_to_verify("spouse") else NO
    return _lives_and_enjoys(p, s, "spouse")


def _lives_and_enjoys(p: Profile, person: Any, path: str) -> Cond:
    """同住 and 享受积分待遇, unless stated false (a 待核实 one is pending): for a spouse and for each child."""
    conds = []
    for attr in ("lives_with_applicant", "enjoys_benefits"):
        value = getattr(person, attr)
        if value is None and p.is_to_verify(f"{path}.{attr}"):
            conds.append(maybe(f"{path}.{attr}"))
        else:
            conds.append(NO if value is False else YES)
    return both(conds)


def spouse_foreign(ctx: Context, _: Item | None) -> Cond:
    s = ctx.profile.spouse
    return NO if s is None else fact(ctx.profile, "spouse.foreign", s.foreign)


def collective_hukou(ctx: Context, _: Item | None) -> Cond:
    return fact(ctx.profile, "applicant.hukou_type", ctx.profile.applicant.hukou_type, lambda v: v == "集体户")


def dispatched(ctx: Context, _: Item | None) -> Cond:
    return _fact_of(ctx.profile, "contract", ctx.profile.contract, "dispatched")


def child_benefits(ctx: Context, item: Item | None) -> Cond:
    assert item is not None
    return _lives_and_enjoys(ctx.profile, item.value, item.path)


def child_in_high_school(ctx: Context, item: Item | None) -> Cond:
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


def children_with_benefits(ctx: Context, _: Item | None) -> Cond:
    p = ctx.profile
    return any_of(child_benefits(ctx, Item(i, c, f"children[{i}]")) for i, c in enumerate(p.children))


def single_parent_with_child(ctx: Context, _: Item | None) -> Cond:
    """Children come with the applicant and no spouse is listed: if the parents are divorced (the profile has
    no marital status), the divorce papers are needed. Always pending: it asks the officer to confirm."""
    p = ctx.profile
    if p.spouse is not None:
        return NO
    kids = children_with_benefits(ctx, None)
    return both([kids, maybe("spouse")]) if kids.holds else NO


def prior_high_school_needed(ctx: Context, _: Item | None) -> Cond:
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


def high_school_levels(ctx: Context) -> tuple[str, ...]:
    return tuple(ctx.params["rules_profile.prior_education.high_school_levels"])


def edu_high_school_level(ctx: Context, item: Item) -> Cond:
    levels = high_school_levels(ctx)
    return fact(ctx.profile, f"{item.path}.level", item.value.level, lambda v: v in levels)


def high_school_listed(ctx: Context, _: Item | None) -> Cond:
    return any_of(edu_high_school_level(ctx, Item(i, e, f"education[{i}]"))
                  for i, e in enumerate(ctx.profile.education))


def param_flag(name: str) -> Callable[[Context, Item | None], Cond]:
    def check(ctx: Context, _: Item | None) -> Cond:
        return YES if ctx.params[name] else NO

    return check


def always(ctx: Context, _: Item | None) -> Cond:
    return YES


def scoped(fn: Callable[[Context, Item], Cond]) -> Callable[[Context, Item | None], Cond]:
    def check(ctx: Context, item: Item | None) -> Cond:
        assert item is not None, "scoped predicate without for_each"
        return fn(ctx, item)

    return check


def award_claimed(ctx: Context, item: Item) -> Cond:
    return YES


