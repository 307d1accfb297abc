"""What the folder rules share: labels, and the arguments of a message about a checklist line.

Whose a document is: :mod:`matcheck.checks.person`; names and units are compared with :mod:`matcheck.matching`.
"""

from __future__ import annotations

from typing import Any, Iterable

from matcheck.materials import material_label
from matcheck.results import PERSON_LABELS, Document
from matcheck.rules.base import make_finding

PERSON_ZH, PERSON_EN = PERSON_LABELS["zh"], PERSON_LABELS["en"]

# A cross-document mismatch is asserted only on a value read with confidence (matcheck.documents.fields:
# after its label, in its field's shape, and by OCR only above the OCR confidence threshold); otherwise the rule
# says what it could not verify, and where, at info level.
UNVERIFIED_MESSAGE = {
    "zh": "无法核对{doc}上的{what}（文件：{file}）：读出的“{found}”不可靠（{why}），请人工核对是否为 {expected}。",
    "en": "Could not verify the {what_en} on the {doc_en} (file: {file}): the value read, {found}, is not certain "
          "({why_en}); check by eye that it is {expected}.",
}
UNVERIFIED_HINT = {
    "zh": "打开该文件核对；若文件模糊或版式特殊，请换一份清晰的扫描件或官方打印件。",
    "en": "Open the file and check; if it is blurred or laid out unusually, supply a clear scan or the official print.",
}


def unsure_why(doc: Document, key: str) -> tuple[str, str] | None:
    """Why ``doc.fields[key]`` was not read with confidence, in zh and en; None when it was."""
    if doc.confident(key):
        return None
    if key in (doc.fields.get("unsure") or ()):
        return "未在其标签后读出", "not found after its label"
    return "文字识别置信度低", "low OCR confidence"


def unverified(rule: Any, facts: Any, doc: Document, key: str, what: str, what_en: str, found: Any,
               expected: Any, subject: str | None = None) -> Any:
    """The info-level "could not verify" finding of a rule, for a value not read with confidence."""
    why, why_en = unsure_why(doc, key) or ("", "")
    return make_finding(rule, facts, files=(doc.path,), subject=subject, severity="info",
                        message=UNVERIFIED_MESSAGE, hint=UNVERIFIED_HINT, doc=material_label(doc.material, "zh"),
                        doc_en=material_label(doc.material, "en"), what=what, what_en=what_en, found=found,
                        expected=expected, why=why, why_en=why_en, file=doc.ref)


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
