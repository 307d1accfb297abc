"""A small document model and one flow layout, drawn on either a PDF canvas or a Pillow image.

Each document type builds a :class:`Doc` (title lines, then blocks: label/value fields, paragraphs, tables) in the
label order of the real document (shared/domain/documents.md); :func:`draw` lays it out top-down on a
:class:`~synth.documents.surfaces.Surface`. The same ``Doc`` therefore becomes a text PDF, a photographed JPEG or
a scanned (image-only) PDF without a second layout.

Coordinates are points from the top-left corner; sizes are points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from synth import SAMPLE_MARK

PAGE_SIZES = {
    "A4": (595.0, 842.0),
    "A4L": (842.0, 595.0),
    "card": (243.0, 153.0),  # 85.6 × 54 mm: 身份证, 居住证
    "booklet": (400.0, 290.0),  # 户口簿 page, 结婚证 inner page
    "cert": (700.0, 495.0),  # 毕业证书 / 学位证书 / 职业技能等级证书 inner page
}

BLACK = (0, 0, 0)
GREY = (90, 90, 90)
RED = (200, 30, 30)


@dataclass
class Fields:
    """Label/value rows, one or more pairs per line. A ``None`` value leaves an empty cell (a blank to fill)."""

    rows: list[tuple[str, str | None]]
    columns: int = 1
    size: float = 10.5
    label_width: float = 0.28  # of a column's width
    grid: bool = False  # draw cell borders (forms like the 备案表)
    line_gap: float = 1.9  # × size


@dataclass
class Para:
    text: str
    size: float = 10.5
    align: str = "left"  # left | center | right
    indent: float = 0.0  # first-line indent in characters
    color: tuple[int, int, int] = BLACK
    gap_after: float = 0.5  # × size


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None  # fractions of the content width
    size: float = 8.0
    row_gap: float = 1.7  # row height × size


@dataclass
class Gap:
    height: float


@dataclass
class PageBreak:
    pass


Block = Union[Fields, Para, Table, Gap, PageBreak]


@dataclass
class Doc:
    """One document: ``kind`` is the material name (e.g. ``tax_record``), used for file names and faults only."""

    kind: str
    title: list[str]
    blocks: list[Block] = field(default_factory=list)
    page: str = "A4"
    title_size: float = 18.0
    photo_box: bool = False  # a 照片 rectangle at the top right
    frame: bool = False  # a decorative double border (certificates)
    paper: tuple[int, int, int] = (255, 255, 255)  # paper colour when drawn as an image
    header_note: str | None = None  # small grey line above the title (更新日期, 记录 stamp ...)
    margin: float = 0.08  # of the page width
    watermark: str = "样例 SAMPLE"

    @property
    def size(self) -> tuple[float, float]:
        return PAGE_SIZES[self.page]


def wrap(surface, text: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``, character by character (CJK has no spaces)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for ch in paragraph:
            if current and surface.width_of(current + ch, size) > width:
                lines.append(current)
                current = ch
            else:
                current += ch
        lines.append(current)
    return lines


def _decorate(doc: Doc, s) -> None:
    w, h = doc.size
    s.watermark(doc.watermark, size=w / 9, color=(236, 224, 224))
    if doc.frame:
        s.rect(8, 8, w - 16, h - 16, width=2.2, color=(150, 110, 60))
        s.rect(13, 13, w - 26, h - 26, width=0.7, color=(150, 110, 60))
    mark_size = max(5.5, w / 70)
    s.text(w - w * 0.03, mark_size * 1.8, SAMPLE_MARK, mark_size, anchor="right", color=RED)


def draw(doc: Doc, s) -> None:
    """Lay ``doc`` out on surface ``s``; a :class:`PageBreak` or an overflowing table starts a new page."""
    w, h = doc.size
    margin = w * doc.margin
    content = w - 2 * margin
    _decorate(doc, s)
    y = margin * 0.9
    if doc.header_note:
        s.text(margin, y, doc.header_note, max(6.0, doc.title_size * 0.42), color=GREY)
        y += doc.title_size * 0.8
    photo = (w - margin, 0.0)  # (left edge, bottom) of the 照片 box: fields beside it are narrower
    if doc.photo_box:
        bw, bh = w * 0.13, w * 0.17
        top = y + doc.title_size * (1.6 + 1.25 * len(doc.title))
        s.rect(w - margin - bw, top, bw, bh, width=0.6, color=GREY)
        s.text(w - margin - bw / 2, top + bh / 2, "照片", 8, anchor="center", color=GREY)
        photo = (w - margin - bw - 6, top + bh)
    for i, line in enumerate(doc.title):
        size = doc.title_size if i == 0 else doc.title_size * 0.62
        y += size * 1.25
        s.text(w / 2, y, line, size, anchor="center", bold=True)
    y += doc.title_size * 0.9

    def new_page() -> float:
        s.new_page()
        _decorate(doc, s)
        return margin

    for block in doc.blocks:
        if isinstance(block, PageBreak):
            y = new_page()
        elif isinstance(block, Gap):
            y += block.height
        elif isinstance(block, Para):
            lines = wrap(s, "　" * int(block.indent) + block.text, block.size, content)
            for line in lines:
                if y + block.size * 1.6 > h - margin * 0.6:
                    y = new_page()
                y += block.size * 1.55
                x = {"left": margin, "center": w / 2, "right": w - margin}[block.align]
                s.text(x, y, line, block.size, anchor=block.align, color=block.color)
            y += block.size * block.gap_after
        elif isinstance(block, Fields):
            y = _draw_fields(s, block, margin, content, y, photo)
        elif isinstance(block, Table):
            y = _draw_table(s, block, margin, content, y, h - margin * 0.6, new_page)


def _draw_fields(s, block: Fields, margin: float, content: float, y: float, photo: tuple[float, float]) -> float:
    col_w = content / block.columns
    line_h = block.size * block.line_gap
    rows = block.rows
    per_line = block.columns
    for start in range(0, len(rows), per_line):
        chunk = rows[start:start + per_line]
        right_limit = photo[0] if y < photo[1] else margin + content
        heights = []
        for c, (label, value) in enumerate(chunk):
            x0 = margin + c * col_w
            lw = col_w * block.label_width
            value_w = min(x0 + col_w, right_limit) - (x0 + lw) - 4
            lines = wrap(s, value or "", block.size, max(value_w, block.size * 2))
            heights.append(len(lines))
        n = max(heights)
        row_h = line_h * n
        for c, (label, value) in enumerate(chunk):
            x0 = margin + c * col_w
            lw = col_w * block.label_width
            value_w = min(x0 + col_w, right_limit) - (x0 + lw) - 4
            if block.grid:
                s.rect(x0, y, lw, row_h, width=0.5, color=GREY)
                s.rect(x0 + lw, y, min(col_w, right_limit - x0) - lw, row_h, width=0.5, color=GREY)
            base = y + line_h * 0.68
            s.text(x0 + 4, base, label, block.size, color=(40, 40, 40))
            for k, line in enumerate(wrap(s, value or "", block.size, max(value_w, block.size * 2))):
                s.text(x0 + lw + 4, base + k * line_h, line, block.size)
        y += row_h
    return y + block.size * 0.6


def _draw_table(s, t: Table, margin: float, content: float, y: float, bottom: float, new_page) -> float:
    n = len(t.header)
    widths = t.widths or [1 / n] * n
    xs = [margin]
    for f in widths:
        xs.append(xs[-1] + f * content)
    row_h = t.size * t.row_gap

    def row(cells: list[str], y: float, bold: bool = False) -> None:
        for i, cell in enumerate(cells):
            s.rect(xs[i], y, xs[i + 1] - xs[i], row_h, width=0.4, color=GREY)
            text = cell
            while text and s.width_of(text, t.size) > xs[i + 1] - xs[i] - 3:
                text = text[:-1]  # a cell never spills into the next one
            s.text((xs[i] + xs[i + 1]) / 2, y + row_h * 0.7, text, t.size, anchor="center", bold=bold)

    row(t.header, y, bold=True)
    y += row_h
    for cells in t.rows:
        if y + row_h > bottom:
            y = new_page()
            row(t.header, y, bold=True)
            y += row_h
        row(cells, y)
        y += row_h
    return y + t.size
