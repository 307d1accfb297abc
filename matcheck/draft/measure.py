"""How well a draft fills a known profile: for every fact of the known profile the draft could speak to (the facts
the documents give: identity, 居住证, employer, contract, education, 职称/技能, 社保, 个税, spouse), whether the
draft fills it correctly, fills it wrongly, leaves it ``待核实``, or does not mention it.

Used by ``benchmarks/draft_fill.py`` (the figures per folder) and the tests (no wrong fact). Both sides are
:class:`~matcheck.profile.Profile` s, the draft loaded from its rendered YAML exactly as ``matcheck`` loads it.

社保 is compared per period of the known profile: its first and last month (a draft that lists months before or
after it is wrong), its unit (every drafted month in it), and its base when the known profile states one in yuan (a
multiple cannot be compared with the yuan the documents print: counted as ``not_comparable``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from matcheck.dates import Month, month_range
from matcheck.matching import normalise
from matcheck.profile import Profile

OUTCOMES = ("correct", "wrong", "to_verify", "not_drafted")

APPLICANT = ("name", "id_number", "hukou_address", "shanghai_address")
PERMIT = ("number", "issued", "expires")
EMPLOYER = ("name", "credit_code")
CONTRACT = ("start", "end", "open_ended", "post")
EDUCATION = ("level", "degree", "school", "province", "mode", "start", "end", "major")
QUALIFICATION = ("kind", "level", "name", "obtained", "obtained_in_shanghai", "appointed", "matches_post")
SPOUSE = ("name", "id_number", "married", "shanghai_hukou", "hukou_since")


@dataclass
class Fill:
    """Counts per outcome, and the paths of each (for a report that says which)."""

    paths: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in OUTCOMES + ("not_comparable",)})

    def add(self, outcome: str, path: str) -> None:
        self.paths[outcome].append(path)

    @property
    def total(self) -> int:
        return sum(len(self.paths[k]) for k in OUTCOMES)

    def count(self, outcome: str) -> int:
        return len(self.paths[outcome])

    def share(self, outcome: str) -> float:
        return self.count(outcome) / self.total if self.total else 0.0


def _same(a: Any, b: Any) -> bool:
    """Equal, strings as the centre compares them (spaces ignored, full-width brackets as ASCII)."""
    if isinstance(a, str) and isinstance(b, str):
        return normalise(a) == normalise(b)
    return a == b


def _judge(fill: Fill, path: str, truth: Any, draft: Any, pending: bool) -> None:
    if truth is None:
        return  # the known profile does not state it: nothing to measure
    if draft is None:
        fill.add("to_verify" if pending else "not_drafted", path)
    else:
        fill.add("correct" if _same(truth, draft) else "wrong", path)


def _fields(fill: Fill, prefix: str, names: tuple[str, ...], truth, draft, draft_profile: Profile,
            draft_prefix: str | None = None) -> None:
    dp = draft_prefix or prefix
    for n in names:
        t = getattr(truth, n if n != "from" else "from_", None) if truth is not None else None
        d = getattr(draft, n, None) if draft is not None else None
        if n == "open_ended" and not t:
            continue
        if n == "degree" and t is None:
            continue
        # an unmatched record (draft None) is 待核实 only when the draft left the whole list so
        pending = draft_profile.is_to_verify(f"{dp}.{n}") if draft is not None else dp in draft_profile.to_verify
        _judge(fill, f"{prefix}.{n}", t, d, pending)


def _match(truth_items, draft_items, key) -> list[tuple[int, Any, int | None, Any]]:
    """Pairs (truth index, truth item, draft index, draft item) by ``key``; unmatched truth items get None."""
    used: set[int] = set()
    out = []
    for i, t in enumerate(truth_items):
        j = next((j for j, d in enumerate(draft_items) if j not in used and key(t, d)), None)
        if j is not None:
            used.add(j)
        out.append((i, t, j, draft_items[j] if j is not None else None))
    return out


def measure(truth: Profile, draft: Profile) -> Fill:
    """Compare ``draft`` (loaded from the rendered draft) with the known ``truth`` profile."""
    fill = Fill()
    _fields(fill, "applicant", APPLICANT, truth.applicant, draft.applicant, draft)
    if truth.applicant.residence_permit:
        _fields(fill, "applicant.residence_permit", PERMIT, truth.applicant.residence_permit,
                draft.applicant.residence_permit, draft)
    _fields(fill, "employer", EMPLOYER, truth.employer, draft.employer, draft)
    if truth.contract:
        _fields(fill, "contract", CONTRACT, truth.contract, draft.contract, draft)

    def same_record(t, d) -> bool:
        """Same level and school; or, where the draft left the level 待核实, same school and graduation month."""
        school = not t.school or not d.school or _same(t.school, d.school)
        return school and (t.level == d.level or (d.level is None and d.end is not None and d.end == t.end))

    for i, t, j, d in _match(truth.education, draft.education, same_record):
        _fields(fill, f"education[{i}]", EDUCATION, t, d, draft, f"education[{j}]" if j is not None else "education")
    for i, t, j, d in _match(truth.qualifications, draft.qualifications,
                             lambda t, d: t.kind == d.kind and t.level == d.level):
        _fields(fill, f"qualifications[{i}]", QUALIFICATION, t, d, draft,
                f"qualifications[{j}]" if j is not None else "qualifications")
    _insurance(fill, truth, draft)
    if truth.tax:
        pending = draft.is_to_verify("tax")
        _judge(fill, "tax.withholding_unit", truth.tax.withholding_unit,
               draft.tax.withholding_unit if draft.tax else None, pending)
    if truth.spouse:
        _fields(fill, "spouse", SPOUSE, truth.spouse, draft.spouse, draft)
    return fill


def _months(p: Profile, last: Month) -> dict[Month, tuple[int, Any]]:
    out = {}
    for i, s in enumerate(p.social_insurance):
        if s.from_ is None:
            continue
        for m in month_range(s.from_, min(s.to or last, last)):
            out[m] = (i, s)
    return out


def _insurance(fill: Fill, truth: Profile, draft: Profile) -> None:
    as_of = truth.as_of or draft.as_of or date.today()
    last = Month.of(as_of) - 1
    drafted = _months(draft, last)
    unplaced = any(s.from_ is None for s in draft.social_insurance) or draft.is_to_verify("social_insurance")
    for i, t in enumerate(truth.social_insurance):
        p = f"social_insurance[{i}]"
        start, end = t.from_, min(t.to or last, last)
        if start is None:
            continue
        inside = {m: v for m, v in drafted.items() if start <= m <= end}
        # first month: right when the draft starts there too (no drafted month before it that the known profile lacks)
        if start in drafted:
            ok = (start - 1) not in drafted or _months_of_other(truth, start - 1)
            fill.add("correct" if ok else "wrong", f"{p}.from")
        elif inside:
            fill.add("to_verify" if unplaced else "wrong", f"{p}.from")
        else:
            fill.add("to_verify" if unplaced else "not_drafted", f"{p}.from")
        # last month
        if end in drafted:
            ok = (end + 1) not in drafted or end + 1 > last or _months_of_other(truth, end + 1)
            fill.add("correct" if ok else "wrong", f"{p}.to")
        elif inside:
            fill.add("wrong", f"{p}.to")
        else:
            fill.add("to_verify" if unplaced else "not_drafted", f"{p}.to")
        # unit
        if t.unit:
            units = [d.unit for _, d in inside.values()]
            if not units:
                fill.add("to_verify" if unplaced else "not_drafted", f"{p}.unit")
            elif any(u is not None and not _same(u, t.unit) for u in units):
                fill.add("wrong", f"{p}.unit")
            elif any(u is None for u in units):
                fill.add("to_verify", f"{p}.unit")
            else:
                fill.add("correct", f"{p}.unit")
        # base
        if t.base is not None:
            bases = [d.base for _, d in inside.values() if d.base is not None]
            if not bases:
                fill.add("to_verify", f"{p}.base")
            else:
                fill.add("correct" if all(abs(b - t.base) < 0.5 for b in bases) else "wrong", f"{p}.base")
        elif t.base_multiple is not None:
            fill.add("not_comparable", f"{p}.base")


def _months_of_other(truth: Profile, m: Month) -> bool:
    """True when ``m`` is a month of another 社保 period of the known profile (a drafted neighbour is then right)."""
    return any(s.from_ and s.from_ <= m <= (s.to or Month(9999, 12)) for s in truth.social_insurance)
