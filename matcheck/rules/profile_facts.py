"""Small readers shared by the profile rules: a ``rules_profile.*`` parameter of the assessment, how an education
record is named in a message, and where the applicant worked and paid 社保 during a period.

Not a rule (it has no CODE); the registry in :mod:`matcheck.rules.registry_profile` lists only rule modules.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from matcheck.dates import Month, month_range
from matcheck.profile.model import Education, Profile
from matcheck.results import Document
from matcheck.rules.base import Facts

PREFIX = "rules_profile."


def param(facts: Facts, name: str):
    """``param(facts, "contract.min_months_left")`` → the value of ``rules_profile.contract.min_months_left``."""
    return facts.params[PREFIX + name]


def period_text(start: Month | None, end: Month | None, lang: str = "zh") -> str:
    en = lang == "en"
    if start and end:
        return f"{start} to {end}" if en else f"{start}至{end}"
    if start:
        return f"from {start}" if en else f"{start}起"
    if end:
        return f"until {end}" if en else f"至{end}"
    return "dates not given" if en else "起止时间未填"


def education_text(e: Education, lang: str = "zh") -> str:
    """``南京示例大学 本科（自考，2012-09至2014-06）``: the record as the applicant knows it (``lang="en"``:
    ``南京示例大学 本科 (自考, 2012-09 to 2014-06)``)."""
    if lang == "en":
        return (f"{e.school or '(school not given)'} {e.level or '(level not given)'} "
                f"({e.mode or 'mode not given'}, {period_text(e.start, e.end, lang)})")
    school = e.school or "（未填学校）"
    mode = e.mode or "学习形式未填"
    return f"{school} {e.level or '（层次未填）'}（{mode}，{period_text(e.start, e.end)}）"


def subject_of(index: int) -> str:
    return f"education[{index}]"


def overlaps(a_start: Month | None, a_end: Month | None, b_start: Month | None, b_end: Month | None,
             open_end: Month) -> bool:
    """Do two inclusive month ranges share a month? A missing end means "until ``open_end``"."""
    if a_start is None or b_start is None:
        return False
    return a_start <= (b_end or open_end) and b_start <= (a_end or open_end)


def shanghai_si_months(profile: Profile, as_of: date) -> set[Month]:
    """Months of Shanghai 城镇职工社保 actually paid (补缴 months excluded: they prove nothing about the time)."""
    out: set[Month] = set()
    for period in profile.social_insurance:
        if period.from_ is None or period.backpaid:
            continue
        out.update(month_range(period.from_, period.to or Month.of(as_of)))
    return out


def provinces_worked(profile: Profile, start: Month, end: Month, as_of: date) -> dict[str, list[str]]:
    """Province → evidence (units from the work history; "上海社保" from 社保) for work during start..end."""
    found: dict[str, list[str]] = {}
    for period in profile.work_history:
        if period.province and overlaps(period.from_, period.to, start, end, Month.of(as_of)):
            found.setdefault(period.province, []).append(period.unit or "工作经历")
    si = shanghai_si_months(profile, as_of)
    if any(m in si for m in month_range(start, end)):
        found.setdefault("上海", []).append("上海社保")
    return found


def documents_of(facts: Facts, materials: Iterable[str]) -> tuple[Document, ...]:
    wanted = set(materials)
    return tuple(d for d in facts.documents or () if d.material in wanted and d.person in (None, "applicant"))
