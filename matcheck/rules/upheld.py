"""What if the centre upholds a risk: the score of the profile with the risk applied, computed by the scorer.

A rule module whose warning can change the score says what upholding it means: ``UPHELD = NOT_ACCEPTED`` when the
centre would not accept the profile entry the finding's subject names (the 本科 of a 专本套读, a record refused for
三地一致, a record without its prerequisite, a claim whose 待核实 fact turns out against the applicant), or, for
anything else, a function ``upheld(facts, finding) -> Profile | None`` giving the profile as the centre would take
it. :func:`attach` re-scores that profile with the same assessment date and policy (the total only: not the road
to the standard) and puts ``score_if_upheld`` (total, whether the standard is still reached) on the finding when
it differs from the score as claimed. There is no second copy of any arithmetic here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from types import ModuleType
from typing import Iterable

from matcheck.profile import Profile
from matcheck.results import Finding, UpheldScore
from matcheck.rules.base import Facts
from matcheck.scoring import make_context, score_context

_INDEXED = re.compile(r"^(?P<section>[a-z_.]+)\[(?P<index>\d+)\](?P<rest>.*)$")


def without_entry(profile: Profile, path: str) -> Profile | None:
    """``profile`` without the list entry ``path`` names (``education[2]``, ``social_insurance[0].backpaid`` → the
    whole entry): the claim not accepted. The 待核实 paths of later entries move down with them. None when ``path``
    names no list entry of the profile."""
    m = _INDEXED.match(path or "")
    if m is None:
        return None
    section, index = m["section"], int(m["index"])
    owner: object = profile
    *parents, leaf = section.split(".")
    for name in parents:
        owner = getattr(owner, name, None)
        if owner is None:
            return None
    items = getattr(owner, leaf, None)
    if not isinstance(items, list) or index >= len(items):
        return None
    kept = items[:index] + items[index + 1:]

    def shift(p: str) -> str | None:
        mm = _INDEXED.match(p)
        if mm is None or mm["section"] != section:
            return p
        i = int(mm["index"])
        if i == index:
            return None
        return f"{section}[{i - 1 if i > index else i}]{mm['rest']}"

    to_verify = frozenset(q for q in (shift(p) for p in profile.to_verify) if q is not None)
    if parents:  # e.g. bonus.awards[1]
        parent = owner.model_copy(update={leaf: kept})  # type: ignore[attr-defined]
        return _set(profile, parents, parent).model_copy(update={"to_verify": to_verify})
    return profile.model_copy(update={leaf: kept, "to_verify": to_verify})


def _set(profile: Profile, parents: list[str], value: object) -> Profile:
    if len(parents) == 1:
        return profile.model_copy(update={parents[0]: value})
    raise ValueError(f"nested path too deep: {'.'.join(parents)}")


NOT_ACCEPTED = "not_accepted"
"""``UPHELD`` of a rule whose finding, upheld, means the entry its subject names is not accepted."""


def _not_accepted(facts: Facts, finding: Finding) -> Profile | None:
    return without_entry(facts.profile, finding.subject or "")


_DECLARED = {NOT_ACCEPTED: _not_accepted}


def attach(facts: Facts, module: ModuleType, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` of ``module``, each with ``score_if_upheld`` when upholding it changes the score."""
    hook = _DECLARED[module.UPHELD] if hasattr(module, "UPHELD") else getattr(module, "upheld", None)
    findings = list(findings)
    if hook is None or facts.score is None:
        return findings
    out = []
    for f in findings:
        profile = hook(facts, f)
        if profile is not None:
            s, _ = score_context(make_context(replace(facts.assessment, profile=profile)), with_observations=False)
            if s.total != facts.score.total or s.reaches_standard != facts.score.reaches_standard:
                f = replace(f, score_if_upheld=UpheldScore(s.total, s.reaches_standard, s.provisional))
        out.append(f)
    return out
