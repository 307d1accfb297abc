"""A :class:`FormModel` as an A4 DOCX (python-docx), for offices that want to edit before printing.

Fonts: 宋体 for the text and 黑体 for titles, set on ``w:eastAsia`` as well as the Latin slots (python-docx's
``font.name`` sets only ascii/hAnsi, so Chinese would otherwise fall back to whatever Word picks). Tables are
"Table Grid" with a fixed layout and fixed column widths (gridCol and every cell), so long values wrap; header rows
repeat on each page (``w:tblHeader``); the footer says "第N页 共M页" with PAGE / NUMPAGES fields.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from matcheck.form.layout import Cell, Cover, FormModel, Section

BODY_FONT, TITLE_FONT, LATIN_FONT = "宋体", "黑体", "Times New Roman"
PAGE_MARGIN_MM = (16.0, 18.0, 18.0, 18.0)  # top, right, bottom, left
BODY_PT, LABEL_PT, SMALL_PT, BOX_PT = 10.0, 9.0, 8.5, 15.0
LABEL_FILL = "E8E8E8"


def set_fonts(target: Any, east_asia: str = BODY_FONT, latin: str = LATIN_FONT) -> None:
    """Set the Latin and the East Asian font on a run or a style (``w:rFonts`` ascii, hAnsi, eastAsia)."""
    target.font.name = latin
    rpr = target._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def _run(paragraph: Any, text: str, size: float = BODY_PT, east_asia: str = BODY_FONT, bold: bool = False) -> Any:
    run = paragraph.add_run(text)
    set_fonts(run, east_asia)
    run.font.size = Pt(size)
    run.font.bold = bold
    return run


def _paragraph(doc: Any, text: str, size: float = BODY_PT, align: Any = None, east_asia: str = BODY_FONT,
               before: float = 0, after: float = 0, keep_next: bool = False) -> Any:
    p = doc.add_paragraph()
    _run(p, text, size, east_asia)
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after, fmt.keep_with_next = Pt(before), Pt(after), keep_next
    if align is not None:
        p.alignment = align
    return p


def _shade(cell: Any, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _fixed_layout(table: Any, widths_mm: list[float]) -> None:
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for grid_col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
        grid_col.set(qn("w:w"), str(int(Mm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)


def _repeat_header(row: Any) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _fill(cell: Any, spec: Cell, prose: bool) -> None:
    p = cell.paragraphs[0]
    size = SMALL_PT if spec.small else LABEL_PT if spec.label else BOX_PT if spec.large else 10.5 if prose else BODY_PT
    _run(p, spec.text, size)
    if spec.label or spec.align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if prose:
        p.paragraph_format.first_line_indent = Pt(21)
        p.paragraph_format.line_spacing = 1.5
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if spec.label:
        _shade(cell, LABEL_FILL)


def _section_table(doc: Any, section: Section, width_mm: float) -> Any:
    ncols = len(section.widths)
    widths = [w * width_mm for w in section.widths]
    table = doc.add_table(rows=len(section.rows), cols=ncols)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _fixed_layout(table, widths)
    for r, row in enumerate(section.rows):
        cells = table.rows[r].cells
        col = 0
        for spec in row.cells:
            cell = cells[col]
            if spec.span > 1:
                cell = cell.merge(cells[col + spec.span - 1])
            _fill(cell, spec, section.prose and spec.span == ncols)
            col += spec.span
        if row.header:
            _repeat_header(table.rows[r])
        if row.min_height_mm:
            table.rows[r].height = Mm(row.min_height_mm)
            table.rows[r].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    return table


def _cover(doc: Any, cover: Cover) -> None:
    _paragraph(doc, "", before=110)
    _paragraph(doc, cover.title, 24, WD_ALIGN_PARAGRAPH.CENTER, TITLE_FONT, after=90)
    table = doc.add_table(rows=len(cover.lines), cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _fixed_layout(table, [80.0, 90.0])
    for r, (key, val) in enumerate(cover.lines):
        left, right = table.rows[r].cells
        _run(left.paragraphs[0], f"{key}：", 12)
        _run(right.paragraphs[0], val, 13)
        borders = OxmlElement("w:tcBorders")
        bottom = OxmlElement("w:bottom")
        for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "000000")):
            bottom.set(qn(k), v)
        borders.append(bottom)
        right._tc.get_or_add_tcPr().append(borders)
        table.rows[r].height = Mm(11)
        table.rows[r].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for c in (left, right):
            c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    _paragraph(doc, "", before=140)
    _paragraph(doc, cover.issuer, 14, WD_ALIGN_PARAGRAPH.CENTER)
    if cover.note:
        _paragraph(doc, cover.note, SMALL_PT, before=30)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _field(paragraph: Any, instr: str) -> None:
    """A Word field (PAGE / NUMPAGES) as begin / instrText / separate / "1" / end runs."""
    for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "1"), ("end", None)):
        run = _run(paragraph, "", 9)
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
            run._r.append(el)
        else:
            run.text = text


def _footer(section: Any) -> None:
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "第", 9)
    _field(p, "PAGE")
    _run(p, "页 共", 9)
    _field(p, "NUMPAGES")
    _run(p, "页", 9)


def render_docx(model: FormModel) -> bytes:
    """The DOCX bytes for ``model`` (A4 portrait)."""
    doc = Document()
    normal = doc.styles["Normal"]
    set_fonts(normal)
    normal.font.size = Pt(BODY_PT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(lang)
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin = (Mm(m) for m in PAGE_MARGIN_MM)
    sec.footer_distance = Mm(8)
    _footer(sec)
    width_mm = 210 - PAGE_MARGIN_MM[1] - PAGE_MARGIN_MM[3]
    doc.core_properties.title = model.title
    doc.core_properties.author = "matcheck"
    body = doc.paragraphs[0] if doc.paragraphs else None
    if body is not None:  # the template's empty first paragraph
        body._element.getparent().remove(body._element)
    if model.cover is not None:
        _cover(doc, model.cover)
    else:
        _paragraph(doc, model.title, 18, WD_ALIGN_PARAGRAPH.CENTER, TITLE_FONT, after=4)
    if model.subtitle:
        _paragraph(doc, model.subtitle, 9, WD_ALIGN_PARAGRAPH.CENTER, after=6)
    first = True
    for section in model.sections:
        p = _paragraph(doc, section.title, 12, east_asia=TITLE_FONT, before=9, after=3, keep_next=True)
        if section.page_break_before and not (first and model.cover is not None):
            p.paragraph_format.page_break_before = True
        first = False
        if section.note:
            _paragraph(doc, section.note, SMALL_PT, after=3, keep_next=True)
        _section_table(doc, section, width_mm)
    if model.footnote:
        _paragraph(doc, model.footnote, SMALL_PT, before=6)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
