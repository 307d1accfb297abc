"""What the folder rules share: labels, and the arguments of a message about a checklist line.

Whose a document is: :mod:`matcheck.checks.person`; names and units are compared with :mod:`matcheck.matching`.
"""

from __future__ import annotations

import sys
from typing import Any, Iterable

from matcheck.materials import catalog
from matcheck.results import PERSON_LABELS, Document
from matcheck.rules.base import make_finding

PERSON_ZH, PERSON_EN = PERSON_LABELS["zh"], PERSON_LABELS["en"]

# Fallback names when the materials catalog cannot be read (the catalog's name_zh/name_en win).
_MATERIAL_ZH = {
    "id_card": "居民身份证", "residence_permit": "上海市居住证", "hukou_booklet": "户口簿", "hukou_certificate": "户籍证明",
    "labour_contract": "劳动合同", "business_license": "营业执照", "tax_record": "个人所得税纳税记录",
    "social_insurance_record": "社保缴费记录", "xuexin_record": "学历电子注册备案表",
    "degree_verification_report": "学位在线验证报告", "diploma": "毕业证书", "degree_certificate": "学位证书",
    "marriage_certificate": "结婚证", "birth_certificate": "出生医学证明", "employer_letter": "单位介绍信",
}


def material_label(material: str | None, lang: str = "zh") -> str:
    """The catalog's name of a material (``tax_record`` → 个人所得税纳税记录)."""
    if not material:
        return "未识别文件" if lang == "zh" else "unrecognised file"
    try:
        entry = catalog().get(material)
        if entry is not None:
            return str(getattr(entry, "name_en" if lang == "en" else "name_zh", None) or material)
    except Exception:  # the catalog is data owned elsewhere; a label must never break a rule
        pass
    return material if lang == "en" else _MATERIAL_ZH.get(material, material)


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


def from_file_observations(rule: Any, facts: Any, **defaults: Any) -> Iterable[Any]:
    """Like :func:`matcheck.rules.base.from_observations`, with the file's path as ``{file}`` for the message."""
    module = sys.modules[rule] if isinstance(rule, str) else rule
    for obs in facts.observations(module.NAME):
        args = {**defaults, "file": "、".join(obs.files) or "?", **dict(obs.args)}
        yield make_finding(module, facts, files=obs.files, subject=obs.subject or (obs.files[0] if obs.files else None),
                           **args)
