"""Facts a profile cannot truthfully claim (不合常理的申报): refused before anything is scored.

Each is one line and exit 2 (the batch: that applicant is "bad input"), because scoring it would award points for
something that cannot be: docs/checking.md lists them and says why they are refusals and not findings.

* a 社保 base multiple above the ceiling of the contribution base (``social_insurance_base.ceiling_multiple`` in
  ``checklists/``: the base is capped at that multiple of 社平);
* an applicant born after the assessment date (the birth date is read from the ID number);
* a date that must lie in the past (a course of study begun or finished, a qualification obtained, a marriage, a
  社保 period begun, a contract signed, an award) that is after the assessment date: a degree not yet obtained
  does not count yet;
* such a date before the applicant was born;
* a spouse or a child whose ID number is the applicant's own.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from matcheck.dates import Month
from matcheck.profile.model import Profile


def _past_facts(p: Profile) -> Iterator[tuple[str, Any]]:
    """(path, date or Month) of every claimed fact that has to have happened already."""
    for i, e in enumerate(p.education):
        yield f"education[{i}].start", e.start
        yield f"education[{i}].end", e.end
    for i, q in enumerate(p.qualifications):
        yield f"qualifications[{i}].obtained", q.obtained
    for i, s in enumerate(p.social_insurance):
        yield f"social_insurance[{i}].from", s.from_
    if p.contract is not None:  # (a contract may start later than it is signed, and than the assessment date)
        yield "contract.signed", p.contract.signed
    if p.spouse is not None:
        yield "spouse.married", p.spouse.married
    for i, a in enumerate(p.bonus.awards):
        yield f"bonus.awards[{i}].date", a.date


def implausible(profile: Profile, as_of: date, ceiling_multiple: float | None) -> list[str]:
    """One line (path: what is wrong) per fact the profile cannot truthfully claim on ``as_of``."""
    problems: list[str] = []
    born = profile.applicant.birth_date
    if born is not None and born > as_of:
        problems.append(f"applicant.id_number: the birth date it carries is after the assessment date {as_of}")
        born = None  # every date would be "before birth": one line says it
    for path, value in _past_facts(profile):
        if value is None:
            continue
        # a month is compared as a month (2026-11 is not after 2026-11-20), a date as a date
        later = value > Month.of(as_of) if isinstance(value, Month) else value > as_of
        earlier = born is not None and (value < Month.of(born) if isinstance(value, Month) else value < born)
        if later:
            problems.append(f"{path}: {value} is after the assessment date {as_of} (only what has already happened "
                            "counts: a degree not yet obtained scores nothing yet)")
        elif earlier:
            problems.append(f"{path}: {value} is before the applicant was born (by the ID number)")
    own = profile.applicant.id_number
    if own:
        if profile.spouse is not None and profile.spouse.id_number == own:
            problems.append("spouse.id_number: is the applicant's own ID number")
        for i, child in enumerate(profile.children):
            if child.id_number == own:
                problems.append(f"children[{i}].id_number: is the applicant's own ID number")
    if ceiling_multiple is not None:
        for i, s in enumerate(profile.social_insurance):
            if s.base_multiple is not None and s.base_multiple > ceiling_multiple:
                problems.append(f"social_insurance[{i}].base_multiple: {s.base_multiple:g} is above "
                                f"{ceiling_multiple:g} × 社平, the ceiling of the contribution base (缴费基数上限)")
    return problems
