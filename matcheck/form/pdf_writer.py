"""A :class:`FormModel` as an A4 PDF (reportlab platypus), with the CJK font embedded so it prints the same everywhere.

Bordered tables with fixed column widths; every cell is a Paragraph with CJK word-wrap, so long values wrap inside
their box (a row taller than a page is split, never cut); header rows repeat on each page; "第N页 共M页" at the
foot of every page. The font comes from :mod:`matcheck.form.fonts` (wqy-microhei, face 0, embedded as a subset).
"""

from __future__ import annotations

import io
from typing import Any

from matcheck.form.layout import Cell, Cover, FormModel, Section

PAGE_MARGIN_MM = (16.0, 18.0, 18.0, 18.0)  # top, right, bottom, left
BODY_PT, LABEL_PT, SMALL_PT, TITLE_PT = 10.0, 9.0, 8.5, 18.0
LABEL_FILL = "#E8E8E8"
ORPHAN_MM = 35.0
# Chinese punctuation that must not start a line (避头点). reportlab's list (textsplit.ALL_CANNOT_START) is
# Japanese-centred and lacks the full-width comma and others, so a line could start with "，"; such a character
# instead hangs at the end of the previous line (its ink sits in the cell padding).
CANNOT_START_ZH = "，；：？！”’》〉」』）】"


def _teach_reportlab_chinese_line_breaks() -> None:
    """Add CANNOT_START_ZH to both copies of the list (one-fragment paragraphs use textsplit.wordSplit)."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):
        missing = "".join(c for c in CANNOT_START_ZH if c not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START = module.ALL_CANNOT_START + missing


def _styles(font: str) -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=font, fontSize=BODY_PT, leading=BODY_PT * 1.35, wordWrap="CJK",
                          alignment=TA_LEFT)
    return {
        "body": base,
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "label": ParagraphStyle("label", parent=base, fontSize=LABEL_PT, leading=LABEL_PT * 1.35, alignment=TA_CENTER),
        "box": ParagraphStyle("box", parent=base, fontSize=15, leading=18, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=base, fontSize=SMALL_PT, leading=SMALL_PT * 1.35),
        "pledge": ParagraphStyle("pledge", parent=base, fontSize=10.5, leading=19, firstLineIndent=21),
        "title": ParagraphStyle("title", parent=base, fontSize=TITLE_PT, leading=TITLE_PT * 1.4, alignment=TA_CENTER,
                                spaceAfter=4),
        "cover_title": ParagraphStyle("cover_title", parent=base, fontSize=24, leading=34, alignment=TA_CENTER),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=9, leading=13, alignment=TA_CENTER,
                                   spaceAfter=6),
        "section": ParagraphStyle("section", parent=base, fontSize=12, leading=17, spaceBefore=9, spaceAfter=3),
        "note": ParagraphStyle("note", parent=base, fontSize=8.5, leading=12, spaceAfter=3),
        "cover_label": ParagraphStyle("cover_label", parent=base, fontSize=12, leading=20),
        "cover_value": ParagraphStyle("cover_value", parent=base, fontSize=13, leading=20),
        "issuer": ParagraphStyle("issuer", parent=base, fontSize=14, leading=20, alignment=TA_CENTER),
    }


def _para(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph
    from xml.sax.saxutils import escape

    # Paragraph collapses runs of spaces; an ideographic space (U+3000) is kept as room to write in by hand.
    return Paragraph(escape(text).replace("\n", "<br/>").replace("\u3000", "&nbsp;" * 3), style)


def _cell_style(cell: Cell, styles: dict[str, Any]) -> Any:
    if cell.label:
        return styles["label"]
    if cell.small:
        return styles["small"]
    if cell.large:
        return styles["box"]
    return styles["center"] if cell.align == "center" else styles["body"]


def _section_table(section: Section, width: float, styles: dict[str, Any], pledge: bool,
                   split_in_row: bool = False) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    ncols = len(section.widths)
    data, commands, min_heights = [], [], []
    for r, row in enumerate(section.rows):
        line: list[Any] = []
        col = 0
        for cell in row.cells:
            style = styles["pledge"] if pledge and cell.span == ncols else _cell_style(cell, styles)
            line.append(_para(cell.text, style))
            line.extend([""] * (cell.span - 1))
            if cell.span > 1:
                commands.append(("SPAN", (col, r), (col + cell.span - 1, r)))
            if cell.label:
                commands.append(("BACKGROUND", (col, r), (col + cell.span - 1, r), colors.HexColor(LABEL_FILL)))
            col += cell.span
        data.append(line)
        min_heights.append(row.min_height_mm * mm if row.min_height_mm else 0)
    commands += [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 3),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("LEFTPADDING", (0, 0), (-1, -1), 4),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 6)]  # room for hanging punctuation
    table = Table(data, colWidths=[w * width for w in section.widths], repeatRows=section.header_rows,
                  minRowHeights=min_heights, splitInRow=int(split_in_row), hAlign="CENTER")
    table.setStyle(TableStyle(commands))
    return table


def _cover_flowables(cover: Cover, width: float, styles: dict[str, Any]) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

    lines = [[_para(f"{k}：", styles["cover_label"]), _para(v, styles["cover_value"])] for k, v in cover.lines]
    table = Table(lines, colWidths=[80 * mm, 90 * mm], hAlign="CENTER")
    table.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("TOPPADDING", (0, 0), (-1, -1), 9), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    out = [Spacer(1, 48 * mm), _para(cover.title, styles["cover_title"]), Spacer(1, 36 * mm), table,
           Spacer(1, 50 * mm), _para(cover.issuer, styles["issuer"])]
    if cover.note:
        out += [Spacer(1, 14 * mm), _para(cover.note, styles["note"])]
    return out + [PageBreak()]


def _numbered_canvas(font: str) -> type:
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    class NumberedCanvas(canvas.Canvas):
        """Defers each page so the footer can say 共M页 (the total)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(font, 9)
                self.drawCentredString(self._pagesize[0] / 2, 9 * mm, f"第{self._pageNumber}页 共{total}页")
                super().showPage()
            super().save()

    return NumberedCanvas


def render_pdf(model: FormModel) -> bytes:
    """The PDF bytes for ``model`` (A4 portrait)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate
    from reportlab.platypus.doctemplate import LayoutError

    from matcheck.form.fonts import register_reportlab_font

    font = register_reportlab_font()
    _teach_reportlab_chinese_line_breaks()
    styles = _styles(font)
    top, right, bottom, left = (m * mm for m in PAGE_MARGIN_MM)
    for split_in_row in (False, True):
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=A4, topMargin=top, rightMargin=right, bottomMargin=bottom,
                                leftMargin=left, title=model.title, author="matcheck", subject=model.title,
                                creator="matcheck", invariant=1)
        try:
            return _build(model, doc, buf, font, styles, split_in_row)
        except LayoutError:
            # A row taller than a page (a huge value): build again letting rows split across pages, never cut.
            # Not the default: reportlab may then leave an empty sliver of a row at the foot of a page.
            if split_in_row:
                raise
    raise AssertionError("unreachable")


def _build(model: FormModel, doc: Any, buf: io.BytesIO, font: str, styles: dict[str, Any], split_in_row: bool) -> bytes:
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, PageBreak

    width = doc.width
    story: list[Any] = []
    if model.cover is not None:
        story += _cover_flowables(model.cover, width, styles)
    else:
        story.append(_para(model.title, styles["title"]))
    if model.subtitle:
        story.append(_para(model.subtitle, styles["subtitle"]))
    for section in model.sections:
        if section.page_break_before and story and not isinstance(story[-1], PageBreak):
            story.append(PageBreak())
        # A heading never ends a page alone: start a new page when less than ORPHAN_MM is left. (keepWithNext
        # would move the whole table to the next page instead of splitting it.)
        story.append(CondPageBreak(ORPHAN_MM * mm))
        story.append(_para(section.title, styles["section"]))
        if section.note:
            story.append(_para(section.note, styles["note"]))
        story.append(_section_table(section, width, styles, pledge=section.prose, split_in_row=split_in_row))
    if model.footnote:
        story.append(_para(model.footnote, styles["note"]))
    doc.build(story, canvasmaker=_numbered_canvas(font))
    return buf.getvalue()
