"""Text rendering of ``matcheck scan``: one row per file (or per document inside a multi-document PDF) with its
real type, material, person, confidence and key fields, then the problems met on files."""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from rich.table import Table

from matcheck.dates import Month
from matcheck.report.text.console import string_console
from matcheck.textsafe import escape_control
from matcheck.results import PERSON_LABELS, Document

HEADERS = {
    "zh": ("文件", "类型", "材料", "所属人", "置信度", "关键信息", "问题"),
    "en": ("file", "type", "material", "person", "confidence", "key fields", "problems"),
}
PERSON = PERSON_LABELS
UNRECOGNISED = {"zh": "未识别", "en": "unrecognised"}
SUMMARY = {"zh": "{n} 个文件，{docs} 份材料：已识别 {known}，未识别 {unknown}，有问题 {problems}，OCR {ocr}",
           "en": "{n} files, {docs} documents: {known} recognised, {unknown} unrecognised, {problems} with problems, "
                 "{ocr} OCR'd"}

# the fields worth a glance, by material family (vocabulary: matcheck/documents/fields.py)
KEY_FIELDS = ("school", "level", "degree", "study_mode", "enrol_date", "grad_date", "major", "cert_no",
              "period_start", "period_end", "tax_months", "withholding_units", "si_months", "si_units",
              "si_backpaid_months", "valid_from", "valid_until", "valid_long_term", "registration_date",
              "employer", "term_start", "term_end", "open_ended", "post", "company_name", "qual_name", "qual_level",
              "obtained", "hukou_pages", "issue_date")


def _value(value: Any) -> str:
    if isinstance(value, (date, Month)):
        return str(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        if items and all(isinstance(i, Month) for i in items):
            return f"{items[0]}…{items[-1]} ({len(items)})" if len(items) > 1 else str(items[0])
        return "、".join(_value(i) for i in items[:3]) + ("…" if len(items) > 3 else "")
    return str(value)


def key_fields(fields: Mapping[str, Any], limit: int = 5) -> str:
    parts = [f"{k}={_value(fields[k])}" for k in KEY_FIELDS if fields.get(k) not in (None, "", [], (), set())]
    if not parts:
        parts = [f"{k}={_value(fields[k])}" for k in ("names", "id_numbers", "credit_codes") if fields.get(k)]
    return "; ".join(parts[:limit])


def problems_of(doc: Document) -> str:
    out = []
    for o in doc.observations:
        reason = o.args.get("reason") or o.args.get("file_type") or ""
        out.append(f"{o.rule}: {reason}" if reason else o.rule)
    return "\n".join(out)


class ScanText:
    def scan(self, documents: tuple[Document, ...], lang: str = "zh") -> str:
        lang = lang if lang in HEADERS else "zh"
        console, buf = string_console(width=160)
        table = Table(show_lines=False, pad_edge=False, expand=False)
        for header in HEADERS[lang]:
            table.add_column(header, overflow="fold")
        for doc in documents:
            name = escape_control(doc.ref)
            person = PERSON[lang].get(doc.person or "", "") + (f" {doc.person_name}" if doc.person_name else "")
            kind = doc.file_type + (" OCR" if doc.ocr else "")
            table.add_row(name, kind, doc.material or UNRECOGNISED[lang], person.strip() or "-",
                          f"{doc.confidence:.2f}" if doc.material else "-", key_fields(doc.fields) or "-",
                          problems_of(doc) or "")
        console.print(table)
        files = {d.path for d in documents}
        console.print(SUMMARY[lang].format(
            n=len(files), docs=len(documents), known=sum(1 for d in documents if d.material),
            unknown=sum(1 for d in documents if not d.material),
            problems=sum(1 for d in documents if d.observations), ocr=sum(1 for d in documents if d.ocr)))
        return buf.getvalue()
