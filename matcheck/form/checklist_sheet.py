"""The materials checklist as a printable sheet (材料核对清单): one box to tick per item while packing.

``checklist_sheet(profile, checklist) -> FormModel`` is pure. Each item shows whose it is (本人 / 配偶 / 子女 …, with
the name), 原件/复印件, where to get it, and why it is needed; items grouped as in the Checklist (基础材料, 指标材料,
同住人材料, 其他事项). The sheet holds names but no ID numbers.
"""

from __future__ import annotations

from matcheck.form.layout import UNCHECKED, Cell, FormModel, Row, Section, fmt_date, label, value
from matcheck.materials import material_label
from matcheck.profile import Profile
from matcheck.results import PERSON_LABELS, Checklist, RequiredMaterial

SHEET_TITLE = "《上海市居住证》积分申请材料核对清单"
GROUP_ORDER = ("基础材料", "指标材料", "同住人材料", "其他事项")
WIDTHS = (0.05, 0.05, 0.19, 0.12, 0.14, 0.22, 0.23)
NUMERALS = "一二三四五六七八九十"
HEADER = ("√", "序号", "材料", "所属人", "原件/复印件", "何处取得", "说明")


def whose(item: RequiredMaterial) -> str:
    """``子女`` and, on the next line, ``（李小明）``: the person the document belongs to, with the name when known."""
    who = PERSON_LABELS["zh"].get(item.person, item.person)
    return f"{who}\n（{item.person_name}）" if item.person_name else who


def explanation(item: RequiredMaterial) -> str:
    parts = list(item.reasons)
    if item.validity:
        parts.append(f"有效期要求：{item.validity}")
    if item.alternatives:
        parts.append("或：" + "、".join(material_label(a) for a in item.alternatives))
    if item.kind == "prerequisite":
        parts.append("（事项确认，无需提交文件）")
    if item.conditional:
        parts.append("（依赖待核实事项）")
    return "；".join(p for p in parts if p)


def _item_row(n: int, item: RequiredMaterial) -> Row:
    return Row((Cell(UNCHECKED, align="center", key=f"box.{n}", large=True), value(str(n), align="center"),
                value(item.name_zh, key=f"item.{n}"), value(whose(item), key=f"whose.{n}"),
                value(item.original_or_copy, align="center", key=f"copy.{n}"), value(item.where, key=f"where.{n}"),
                Cell(explanation(item), small=True)))


def checklist_sheet(profile: Profile, checklist: Checklist) -> FormModel:
    a, e = profile.applicant, profile.employer
    head = Section("申请信息", (0.14, 0.36, 0.14, 0.36), (
        Row((label("申请人"), value(a.name or "", key="applicant.name"), label("申请单位"),
             value(e.name or "", key="employer.name"))),
        Row((label("核对日期"), value(fmt_date(checklist.as_of), key="as_of"), label("材料项数"),
             value(str(len(checklist.items)), key="count"))),
    ))
    groups = sorted({i.group for i in checklist.items}, key=lambda g: (GROUP_ORDER.index(g)
                                                                       if g in GROUP_ORDER else len(GROUP_ORDER), g))
    sections = [head]
    n = 0
    for number, group in enumerate(groups):
        rows = [Row(tuple(label(h) for h in HEADER), header=True)]
        for item in (i for i in checklist.items if i.group == group):
            n += 1
            rows.append(_item_row(n, item))
        sections.append(Section(f"{NUMERALS[number % len(NUMERALS)]}、{group}", WIDTHS, tuple(rows)))
    if not checklist.items:
        sections.append(Section("材料", (1.0,), (Row((value("（无）"),)),)))
    sections.append(Section("核对", (0.16, 0.34, 0.16, 0.34), (
        Row((label("核对人签字"), value(""), label("日期"), value("　　　　年　　月　　日", align="center")),
            min_height_mm=14.0),)))
    return FormModel(title=SHEET_TITLE, sections=tuple(sections),
                     subtitle="一般材料须出示原件并提交复印件；逐项核对后在“√”栏打勾。",
                     meta={"kind": "checklist_sheet", "applicant": a.name or "", "items": n})
