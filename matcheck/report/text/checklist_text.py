"""Text rendering of ``matcheck checklist``: the list an HR officer takes to the district talent service centre.

Grouped 基础材料 / 指标材料 / 同住人材料 / 其他事项, numbered, one block per line of the checklist: the material
and whose it is, original or copy, why (which indicator or fact asks for it), where to get it, what makes it valid
on the assessment date, what may replace it. Lines that depend on a fact marked 待核实 (or not stated) are marked
△ 视情况; recommended-only lines ○ 建议. The closing note lists what the sources could not pin down.

:func:`layout` is the shared, format-free structure; the Markdown renderer uses it too.
"""

from __future__ import annotations

from dataclasses import dataclass

from matcheck.materials import GROUPS, catalog, open_questions
from matcheck.results import PERSON_LABELS, Checklist, RequiredMaterial

GROUP_EN = {"基础材料": "Base documents", "指标材料": "Documents for the claimed indicators",
            "同住人材料": "Family members living with the applicant", "其他事项": "Other things to confirm"}
NUMERALS = "一二三四五六七八九十"
PERSON = PERSON_LABELS
WORDS = {
    "zh": {"title": "《上海市居住证》积分申请材料清单", "as_of": "评估日", "count": "共 {n} 项",
           "conditional_count": "其中 {n} 项视情况而定（△）", "optional_count": "{n} 项为建议自备（○）",
           "general": "除注明外，材料均带原件、交复印件；复印件用 A4 纸。",
           "copy": "原件/复印件", "why": "为什么", "where": "去哪里办", "validity": "有效要求",
           "alternatives": "可替代", "note": "注意", "depends": "视情况：取决于资料中待核实或未填写的",
           "conditional": "△ 视情况", "optional": "○ 建议", "practice": "（受理实践）", "confirm": "（确认事项，不是文件）",
           "open": "说明：以下内容公开来源未能确定，请向受理点确认", "weak": "本清单中来源较弱的项目（机构页面或单一来源）",
           "source": "来源", "empty": "（无）"},
    "en": {"title": "Shanghai Residence Permit points: materials checklist", "as_of": "assessment date",
           "count": "{n} items", "conditional_count": "{n} conditional (△)", "optional_count": "{n} recommended (○)",
           "general": "Unless stated otherwise, bring the original and hand in a copy (A4).",
           "copy": "original/copy", "why": "why", "where": "where to get it", "validity": "valid if",
           "alternatives": "or instead", "note": "note", "depends": "conditional: depends on facts to verify or not stated",
           "conditional": "△ conditional", "optional": "○ recommended", "practice": " (desk practice)", "confirm": " (to confirm, not a file)",
           "open": "Note: the public sources could not pin these down; confirm them at the centre",
           "weak": "Items in this list resting on weak sources (agency pages or a single source)",
           "source": "source", "empty": "(none)"},
}


@dataclass(frozen=True)
class Group:
    number: int
    name: str  # 基础材料 ...
    items: tuple[tuple[int, RequiredMaterial], ...]  # (running number, line)


def layout(checklist: Checklist) -> tuple[Group, ...]:
    """The checklist's lines by group, in order, numbered 1..N across groups; empty groups left out."""
    out, n = [], 0
    for name in GROUPS:
        lines = [i for i in checklist.items if i.group == name]
        if not lines:
            continue
        numbered = []
        for item in lines:
            n += 1
            numbered.append((n, item))
        out.append(Group(len(out) + 1, name, tuple(numbered)))
    return tuple(out)


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["zh"])


def group_title(group: Group, lang: str) -> str:
    if lang == "en":
        return f"{group.number}. {GROUP_EN.get(group.name, group.name)} ({group.name})"
    return f"{NUMERALS[group.number - 1]}、{group.name}"


def whose(item: RequiredMaterial, lang: str) -> str:
    label = PERSON.get(lang, PERSON["zh"]).get(item.person, item.person)
    return f"{label} {item.person_name}" if item.person_name and item.person in ("spouse", "child") else label


def item_name(item: RequiredMaterial, lang: str) -> str:
    name = item.name_en if lang == "en" else item.name_zh
    if item.kind == "prerequisite":
        name += words(lang)["confirm"]
    return name


def marks(item: RequiredMaterial, lang: str) -> str:
    w = words(lang)
    parts = [w["conditional"]] if item.conditional else []
    if item.optional:
        parts.append(w["optional"] + (w["practice"] if item.basis == "practice" else ""))
    return " ".join(parts)


def details(item: RequiredMaterial, lang: str) -> list[tuple[str, str]]:
    """(label, text) pairs for one line, in reading order; the renderers only lay them out."""
    w = words(lang)
    sep = "；" if lang != "en" else "; "
    rows = []
    if item.kind == "document":
        rows.append((w["copy"], item.original_or_copy))
    rows.append((w["why"], sep.join(item.reasons)))
    rows.append((w["where"], (item.where_en or item.where) if lang == "en" else item.where))
    if item.validity:
        rows.append((w["validity"], item.validity))
    if item.alternatives:
        names = catalog()
        alt = [(names[a].name_en if lang == "en" else names[a].name_zh) if a in names else a for a in item.alternatives]
        rows.append((w["alternatives"], sep.join(alt)))
    if item.note:
        rows.append((w["note"], item.note))
    if item.conditional and item.pending:
        rows.append((w["depends"], "、".join(item.pending) if lang != "en" else ", ".join(item.pending)))
    return rows


def summary(checklist: Checklist, lang: str) -> str:
    w = words(lang)
    parts = [w["count"].format(n=len(checklist.items))]
    cond = sum(1 for i in checklist.items if i.conditional)
    opt = sum(1 for i in checklist.items if i.optional)
    if cond:
        parts.append(w["conditional_count"].format(n=cond))
    if opt:
        parts.append(w["optional_count"].format(n=opt))
    return ("，" if lang != "en" else ", ").join(parts)


def applicant_name(checklist: Checklist) -> str | None:
    return next((i.person_name for i in checklist.items if i.person == "applicant" and i.person_name), None)


def closing_notes(checklist: Checklist, lang: str) -> tuple[list[str], list[str]]:
    """(the catalog's open questions, the lines of this checklist whose source is [C] or [?])."""
    questions = [f"{q.zh}（{q.source}）" if lang != "en" else f"{q.en} ({q.source})" for q in open_questions()]
    weak = []
    seen: set[str] = set()
    for item in checklist.items:
        if item.confidence in ("C", "?") and item.material not in seen:
            seen.add(item.material)
            tag = f"[{item.confidence}]"
            weak.append(f"{item_name(item, lang)} — {item.source}" + ("" if item.source.endswith(tag) else f" {tag}"))
    return questions, weak


class ChecklistText:
    """Mixin for :class:`matcheck.report.text.TextRenderer`."""

    def checklist(self, checklist: Checklist, lang: str = "zh") -> str:
        w = words(lang)
        colon = "：" if lang != "en" else ": "
        name = applicant_name(checklist)
        out = [" — ".join(p for p in (w["title"], name, f"{w['as_of']} {checklist.as_of}") if p),
               summary(checklist, lang), w["general"], ""]
        for group in layout(checklist):
            out.append(group_title(group, lang))
            for n, item in group.items:
                mark = marks(item, lang)
                out.append(f"  □ {n}. {item_name(item, lang)} 〔{whose(item, lang)}〕" + (f" {mark}" if mark else ""))
                for label, text in details(item, lang):
                    out.append(f"       {label}{colon}{text}")
            out.append("")
        questions, weak = closing_notes(checklist, lang)
        out.append(w["open"] + colon)
        out.extend(f"  · {q}" for q in questions)
        if weak:
            out.append(w["weak"] + colon)
            out.extend(f"  · {x}" for x in weak)
        return "\n".join(out) + "\n"
