"""The materials checklist (积分申请材料清单): profile → the documents to bring and the prerequisites to confirm.

``build_checklist(assessment)`` is a pure function of the assessment (profile, as_of, the parameters in force). For every catalog entry
(``checklists/materials.yaml``) and every requirement in it, the named conditions
(:mod:`matcheck.checklist.conditions`) are evaluated over the profile, once per entry of its ``for_each`` (one
diploma per education record, one 出生医学证明 per child). A material required several ways becomes one line with
all its reasons. A line required only through facts marked 待核实 (or, for a few family facts, not stated) is
``conditional`` and names the facts it depends on (``pending``).

Lines are grouped 基础材料 / 指标材料 / 同住人材料 / 其他事项 and keep the catalog order within a group.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from matcheck.assessment import Assessment
from matcheck.checklist.conditions import Item, evaluate, items_for
from matcheck.checks.validity import VALIDITY_RULES
from matcheck.materials import GROUPS, Material, Requirement, catalog
from matcheck.profile import Profile
from matcheck.results import Checklist, RequiredMaterial

_PERSON_ORDER = {"applicant": 0, "spouse": 1, "child": 2, "employer": 3, "hr_officer": 4}


@dataclass
class _Line:
    material: Material
    person: str
    person_index: int | None
    person_name: str | None
    subject: str | None
    group: str
    reasons: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (reason, pending facts)
    certain: bool = False  # at least one requirement holds without pending facts
    optional: bool = True  # every requirement that holds is optional
    pending: list[str] = field(default_factory=list)


def build_checklist(assessment: Assessment, materials: dict[str, Material] | None = None) -> Checklist:
    """The checklist for the assessment's profile on its date under the parameters in force."""
    materials = materials if materials is not None else catalog()
    profile = assessment.profile
    lines: dict[tuple[Any, ...], _Line] = {}
    for material in materials.values():
        for req in material.requires:
            for item in (items_for(req.for_each, profile) if req.for_each else [None]):
                cond = evaluate(req.when, assessment, item)
                if cond.holds:
                    _add(lines, material, req, item, profile, cond.pending)
    items = [_finish(line, assessment) for line in lines.values()]
    items.sort(key=lambda i: _sort_key(i, materials))
    return Checklist(as_of=assessment.as_of, items=tuple(items))


def _sort_key(item: RequiredMaterial, materials: dict[str, Material]) -> tuple[Any, ...]:
    """Group, then catalog order; a family member's papers stay together (the spouse's right after the 结婚证,
    each child's as one block), so the officer collects them person by person."""
    order = materials[item.material].order
    anchor: float = order
    block = ""
    if item.person == "spouse" and "marriage_certificate" in materials:
        anchor = materials["marriage_certificate"].order + 0.5
    elif item.person == "child" and "birth_certificate" in materials:
        anchor, block = materials["birth_certificate"].order + 0.5, f"{item.person_index:04d}"
    elif item.subject:  # one block per education record / qualification, in profile order
        for prefix, first in _BLOCKS:
            if item.subject.startswith(prefix) and first in materials:
                anchor, block = materials[first].order, _index_key(item.subject)
    return (GROUPS.index(item.group), anchor, block, order, _PERSON_ORDER[item.person], item.subject or "")


_BLOCKS = (("education[", "xuexin_record"), ("qualifications[", "title_certificate"),
           ("bonus.awards[", "award_certificate"))


def _index_key(path: str) -> str:
    """``education[12]`` → ``0012`` so that entries sort in profile order."""
    inside = path[path.index("[") + 1:path.index("]")]
    return f"{int(inside):04d}" if inside.isdigit() else path


def _add(lines: dict[tuple[Any, ...], _Line], material: Material, req: Requirement, item: Item | None,
         profile: Profile, pending: tuple[str, ...]) -> None:
    person_index = item.index if req.person == "child" and item is not None else None
    subject = _subject(req, item)
    key = (material.id, req.person, person_index, subject)
    line = lines.get(key)
    if line is None:
        line = lines[key] = _Line(material=material, person=req.person, person_index=person_index,
                                  person_name=_person_name(profile, req.person, item), subject=subject,
                                  group=req.group)
    elif not pending and not line.certain:  # the group of the first requirement that certainly holds
        line.group = req.group
    reason = req.reason + (f"：{_label(req.for_each, item)}" if req.for_each and item is not None
                           and req.person != "child" else "")
    if all(r != reason for r, _ in line.reasons):
        line.reasons.append((reason, pending))
    line.certain = line.certain or not pending
    line.optional = line.optional and req.optional
    line.pending.extend(p for p in pending if p not in line.pending)


def _subject(req: Requirement, item: Item | None) -> str | None:
    if item is not None:
        return item.path
    if req.person == "spouse":
        return "spouse"
    return None


def _person_name(profile: Profile, person: str, item: Item | None) -> str | None:
    if person == "applicant":
        return profile.applicant.name
    if person == "spouse":
        return profile.spouse.name if profile.spouse else None
    if person == "child" and item is not None:
        return item.value.name
    return None


def _label(scope: str | None, item: Item) -> str:
    """A short name for a profile entry, as the officer would say it: 本科·南京示例大学 (2010-09–2014-06)."""
    v = item.value
    if scope == "education":
        parts = [p for p in (v.level, v.degree if v.degree not in (None, "none") else None, v.school) if p]
        text = "·".join(parts) or item.path
        if v.start or v.end:
            text += f"（{v.start or '?'}–{v.end or '?'}）"
        if v.mode and v.mode != "全日制":
            text += f"，{v.mode}"
        return text
    if scope == "qualification":
        parts = [p for p in (v.kind, v.level, v.name) if p]
        return "·".join(parts) or item.path
    if scope == "award":
        parts = [p for p in (v.level, v.name, str(v.date) if v.date else None) if p]
        return "·".join(parts) or item.path
    return item.path


def _finish(line: _Line, assessment: Assessment) -> RequiredMaterial:
    m = line.material
    validity = None
    if m.validity is not None:
        parts = []
        if m.validity.rule:
            parts.append(VALIDITY_RULES[m.validity.rule].render(assessment))
        if m.validity.text:
            parts.append(m.validity.text)
        validity = "；".join(parts) or None
    # a line that certainly holds says which of its extra reasons are only possible; a conditional line says it once
    reasons = tuple(r + (f"（取决于：{'、'.join(p)}）" if p and line.certain else "") for r, p in line.reasons)
    return RequiredMaterial(
        material=m.id, person=line.person, group=line.group, name_zh=m.name_zh,  # type: ignore[arg-type]
        name_en=m.name_en, reasons=reasons, original_or_copy=m.original_or_copy, where=m.where,
        kind=m.kind, person_name=line.person_name, person_index=line.person_index,  # type: ignore[arg-type]
        conditional=not line.certain, validity=validity, alternatives=m.alternatives,
        source=m.source, subject=line.subject, optional=line.optional,
        pending=tuple(line.pending) if not line.certain else (), note=m.note, confidence=m.confidence,
        where_en=m.where_en, basis=m.basis,
    )


__all__ = ["build_checklist"]
