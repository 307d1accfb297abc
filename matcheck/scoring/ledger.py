"""The 社保 ledger (社会保险缴费明细): one record per calendar month, from the profile's ``social_insurance`` periods.

A month *qualifies* (计分月) unless it was back-paid (补缴) or it falls in the current employment and its paying
unit differs from the contract unit (缴费单位 ≠ 劳动合同单位) — rules.md §2.1 社保年限, §4 #1–2, §7.

The base multiple of a month is ``base_multiple`` as written, or ``base`` ÷ the 社平 (上年度职工社会平均工资) of
that month's 社保年度 (July–June) from ``checklists/policy/parameters/average_wage.yaml``. A 社保年度 whose 社平 is
not published (or was not found: ``value: null``) uses the latest figure before it, and the month is *provisional*
(the indicator that reads it says so). Only a month before the table begins has no 社平 at all: asking for its
multiple raises a one-line :class:`ProfileError` (write ``base_multiple``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property
from dataclasses import dataclass, replace
from typing import Iterable

from matcheck.dates import Month, month_range
from matcheck.matching import same_unit
from matcheck.policy import ValueRef, load_parameters
from matcheck.profile import Profile, ProfileError

WAGE_PARAMETER = "average_wage.monthly"


def average_wage(month: Month) -> ValueRef | None:
    """The 社平 (元/月) in force in ``month``, with its source; None (or a ref with value None) when unknown."""
    param = load_parameters().get(WAGE_PARAMETER)
    return param.at(month.first_day()) if param else None


def wage_used(month: Month) -> tuple[ValueRef | None, bool]:
    """The 社平 a yuan base of ``month`` is divided by, and whether it stands in for an unpublished one.

    The figure of the month's 社保年度 when known; otherwise the latest known figure before it (provisional).
    (None, False) before the table begins.
    """
    ref = average_wage(month)
    if ref is not None and ref.value:
        return ref, False
    param = load_parameters().get(WAGE_PARAMETER)
    earlier = [v for v in (param.values if param else ()) if v.value and v.since <= month.first_day()]
    return (earlier[-1], True) if earlier else (None, False)


@dataclass(frozen=True)
class InsuranceMonth:
    """One month of Shanghai 城镇职工社保."""

    month: Month
    period: int  # index in profile.social_insurance (-1: simulated by the road to 120)
    unit: str | None
    base_multiple: float | None  # as written in the profile
    base: float | None  # yuan, as written
    backpaid: bool
    unit_mismatch: bool
    provisional: bool  # the period has a 待核实 fact

    @property
    def qualifying(self) -> bool:
        return not self.backpaid and not self.unit_mismatch

    @property
    def wage_provisional(self) -> bool:
        """A yuan base divided by a stand-in 社平 (this 社保年度's figure is not published or not found)."""
        return self.base_multiple is None and self.base is not None and wage_used(self.month)[1]

    def multiple(self, source: str = "profile") -> float | None:
        """Base ÷ 社平 of this month's 社保年度 (rounded to 6 places); None when no base was claimed."""
        if self.base_multiple is not None:
            return round(self.base_multiple, 6)
        if self.base is None:
            return None
        wage, _ = wage_used(self.month)
        if wage is None:
            y = self.month.social_insurance_year()
            raise ProfileError([
                f"{source}: social_insurance[{self.period}].base: {self.month} is before the first 社平 matcheck knows "
                f"(社保年度 {y}-07 – {y + 1}-06 is not in its table); write base_multiple (base ÷ 社平) for this "
                f"period instead"])
        return round(self.base / wage.value, 6)


@dataclass(frozen=True)
class Ledger:
    """Every claimed 社保 month up to ``through`` (inclusive), by month."""

    months: dict[Month, InsuranceMonth]
    through: Month
    source: str = "profile"
    unit_checked: bool = True  # False when the contract unit or start is unknown (mismatch cannot be seen)
    unplaced_pending: bool = False  # a period whose months are 待核实 (no ``from``) could not be placed

    def get(self, m: Month) -> InsuranceMonth | None:
        return self.months.get(m)

    @cached_property
    def _sorted(self) -> tuple[list[int], list[InsuranceMonth]]:
        keys = sorted(self.months, key=lambda m: m.index)
        return [m.index for m in keys], [self.months[m] for m in keys]

    def between(self, start: Month, end: Month) -> list[InsuranceMonth]:
        """The claimed months from ``start`` to ``end`` inclusive, in order."""
        idx, recs = self._sorted
        return recs[bisect_left(idx, start.index):bisect_right(idx, end.index)]

    def qualifying(self, start: Month | None = None, end: Month | None = None) -> list[InsuranceMonth]:
        start = start or (min(self.months) if self.months else self.through)
        end = end or self.through
        return [r for r in self.between(start, end) if r.qualifying]

    @cached_property
    def _multiples(self) -> dict[Month, float | None]:
        return {}

    def multiple(self, record: InsuranceMonth) -> float | None:
        """The record's base multiple, computed once per ledger."""
        cache = self._multiples
        key = record.month
        if key not in cache or self.months.get(key) is not record:
            value = record.multiple(self.source)
            if self.months.get(key) is record:
                cache[key] = value
            return value
        return cache[key]

    def extended(self, records: Iterable[InsuranceMonth], through: Month) -> "Ledger":
        """A copy with simulated months added (the road to 120)."""
        months = dict(self.months)
        for r in records:
            months[r.month] = r
        return replace(self, months=months, through=through)


def _better(a: InsuranceMonth, b: InsuranceMonth, source: str) -> InsuranceMonth:
    """Two periods cover one month: keep the qualifying one, then the higher base."""
    if a.qualifying != b.qualifying:
        return a if a.qualifying else b
    try:
        ma, mb = a.multiple(source) or 0.0, b.multiple(source) or 0.0
    except ProfileError:
        return a
    return a if ma >= mb else b


def build_ledger(profile: Profile, through: Month) -> Ledger:
    """The ledger of ``profile``'s 社保 periods, cut at ``through``. A period ``to: 至今`` runs to ``through``."""
    contract_unit = profile.employer.name
    contract_start = Month.of(profile.contract.start) if profile.contract and profile.contract.start else None
    # 缴费单位 = 合同单位 cannot be checked while the contract unit or start is 待核实: such months are provisional.
    tv = profile.to_verify
    unit_pending = contract_unit is None and (profile.is_to_verify("employer.name") or "employer" in tv)
    start_pending = contract_start is None and (profile.is_to_verify("contract.start") or "contract" in tv)
    months: dict[Month, InsuranceMonth] = {}
    unplaced_pending = False
    for i, period in enumerate(profile.social_insurance):
        pending = profile.is_to_verify(f"social_insurance[{i}]")
        if period.from_ is None:
            unplaced_pending = unplaced_pending or pending
            continue
        end = period.to or through
        pending = pending or unit_pending or bool(
            start_pending and contract_unit and period.unit and not same_unit(period.unit, contract_unit))
        for m in month_range(period.from_, min(end, through)):
            mismatch = bool(contract_start and m >= contract_start and contract_unit and period.unit
                            and not same_unit(period.unit, contract_unit))
            rec = InsuranceMonth(m, i, period.unit, period.base_multiple, period.base, bool(period.backpaid),
                                 mismatch, pending)
            months[m] = _better(months[m], rec, profile.source) if m in months else rec
    return Ledger(months, through, profile.source, unit_checked=bool(contract_unit and contract_start),
                  unplaced_pending=unplaced_pending)
