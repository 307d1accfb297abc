"""What the folder rules share: labels, and the arguments of a message about a checklist line.

Whose a document is: :mod:`matcheck.checks.person`; names and units are compared with :mod:`matcheck.matching`.
"""

from __future__ import annotations

from typing import Any, Iterable

from matcheck.materials import material_label
from matcheck.results import PERSON_LABELS, Document

PERSON_ZH, PERSON_EN = PERSON_LABELS["zh"], PERSON_LABELS["en"]

def documents_of(docs: Iterable[Document], *materials: str) -> list[Document]:
    wanted = set(materials)
    return [d for d in docs if d.material in wanted]


_FINDING_KEYWORDS = frozenset({"files", "subject", "severity", "message", "hint"})


def status_subject(status: Any) -> str:
    """The subject of a finding about a checklist line: ``tax_record``, ``id_card[spouse]``, ``birth_certificate[child0]``."""
    item = status.item
    if status.person in ("applicant", "employer", "hr_officer"):
        return status.material
    if status.person == "child" and item is not None and item.person_index is not None:
        return f"{status.material}[child{item.person_index}]"
    return f"{status.material}[{status.person}]"


def status_args(status: Any) -> dict[str, Any]:
    """The values every message about a checklist line may name (name, whose, why, where, original/copy)."""
    item = status.item
    person = status.person
    child_name = item.person_name if item is not None and person == "child" and item.person_name else ""
    return {
        "name": status.name_zh or material_label(status.material, "zh"),
        "name_en": (item.name_en if item is not None else "") or material_label(status.material, "en"),
        "whose": PERSON_ZH.get(person, person) + child_name,
        "whose_en": PERSON_EN.get(person, person) + (f" {child_name}" if child_name else ""),
        "why": "、".join(item.reasons) if item is not None and item.reasons else "基础材料",
        "where": (item.where if item is not None else "") or "发证机关",
        "where_en": (getattr(item, "where_en", None) or (item.where if item is not None else "")) or "the issuer",
        "copy": (item.original_or_copy if item is not None else "") or "原件+复印件",
        "note": status.note or "",
        "paths": "、".join(status.files),
        **{k: (", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v) for k, v in status.args.items()
           if k not in _FINDING_KEYWORDS},
    }
