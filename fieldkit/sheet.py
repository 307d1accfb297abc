"""A printed sheet as positioned runs of text, and the writers that turn sheets into files.

A :class:`Sheet` is a list of :class:`Run` s placed in millimetres from the sheet's top-left corner. What makes
these files unlike ``synth/``'s is mostly *how* they are written:

* ``draw_order`` of a text PDF: ``reading`` (top to bottom), ``labels_first`` (every label, title and sentence
  first, then every value, bottom to top: the order form-filling software writes its second pass in), or
  ``columns`` (a two-column table written column by column);
* several sheets on one page (a copy-shop photocopy of an ID card's two sides, a 户口簿's 首页 and 本人页, two
  certificates side by side on one A4);
* an image (a phone photo or a flatbed scan) of the sheet, or an image-only PDF of several.

Nothing here knows what a document *is*; :mod:`fieldkit.papers` lays the documents out.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

A4 = (210.0, 297.0)
CARD = (85.6, 54.0)
MM = 72 / 25.4
PRODUCER = "matcheck fieldkit (样例 / SAMPLE)"


@dataclass(frozen=True)
class Run:
    x: float  # mm from the left edge
    y: float  # mm from the top edge (the run's baseline)
    text: str
    size: float = 10.5  # points
    role: str = "text"  # text | label | value | title


@dataclass
class Sheet:
    size: tuple[float, float] = A4
    runs: list[Run] = field(default_factory=list)

    def put(self, x: float, y: float, text: str, size: float = 10.5, role: str = "text") -> "Sheet":
        if text:
            self.runs.append(Run(x, y, str(text), size, role))
        return self

    def pair(self, x: float, y: float, label: str, value: str, gap: float = 0.0, size: float = 10.5,
             sep: str = "：") -> "Sheet":
        """A label and its value as two runs (so the value can be drawn in a later pass). ``gap`` in mm after the
        label; 0 places the value right after it."""
        label_text = f"{label}{sep}"
        self.put(x, y, label_text, size, "label")
        width = gap or _width_mm(label_text, size) + 1.0
        return self.put(x + width, y, value, size, "value")

    def lines(self, x: float, y: float, texts: Iterable[str], size: float = 10.5, leading: float = 1.6) -> float:
        """Consecutive lines of text; returns the y after the last."""
        step = size * leading / MM
        for t in texts:
            self.put(x, y, t, size)
            y += step
        return y


def _width_mm(text: str, size: float) -> float:
    """The printed width of ``text`` at ``size`` points (CJK full width, ASCII half)."""
    units = sum(1.0 if ord(c) > 0x2E80 else 0.55 for c in text)
    return units * size / MM


def stacked(sheets: Sequence[Sheet], size: tuple[float, float] = A4, gap: float = 12.0) -> Sheet:
    """Several sheets on one page, one below the other (a photocopy of two sides / two certificates)."""
    out = Sheet(size)
    y0 = gap
    for sheet in sheets:
        x0 = max(8.0, (size[0] - sheet.size[0]) / 2)
        out.runs.extend(replace(r, x=r.x + x0, y=r.y + y0) for r in sheet.runs)
        y0 += sheet.size[1] + gap
    return out


def _ordered(runs: list[Run], order: str) -> list[Run]:
    if order == "reading":
        return sorted(runs, key=lambda r: (round(r.y, 1), r.x))
    if order == "labels_first":
        first = sorted((r for r in runs if r.role != "value"), key=lambda r: (r.y, r.x))
        values = sorted((r for r in runs if r.role == "value"), key=lambda r: (-r.y, -r.x))
        return first + values
    if order == "columns":  # the left half top to bottom, then the right half
        return sorted(runs, key=lambda r: (r.x >= 100, r.y, r.x))
    raise ValueError(f"unknown draw order {order!r}")


def text_pdf(pages: Sequence[Sheet], draw_order: str = "reading") -> bytes:
    """A PDF with a text layer, one page per sheet, runs written in ``draw_order``."""
    from reportlab.pdfgen.canvas import Canvas

    from synth.fonts import register_pdf_font

    font = register_pdf_font()
    out = io.BytesIO()
    c = Canvas(out, pagesize=(pages[0].size[0] * MM, pages[0].size[1] * MM), invariant=1, pageCompression=1)
    c.setCreator(PRODUCER)
    c.setProducer(PRODUCER)
    for sheet in pages:
        w, h = sheet.size[0] * MM, sheet.size[1] * MM
        c.setPageSize((w, h))
        for run in _ordered(sheet.runs, draw_order):
            c.setFont(font, run.size)
            c.drawString(run.x * MM, h - run.y * MM, run.text)
        c.showPage()
    c.save()
    return out.getvalue()


def image(sheet: Sheet, long_side: int = 1800, paper: tuple[int, int, int] = (250, 250, 246)):
    """The sheet drawn as a clean RGB image (before any photo or scan effect)."""
    from PIL import Image, ImageDraw

    from synth.fonts import pil_font

    scale = long_side / max(sheet.size)  # px per mm
    img = Image.new("RGB", (round(sheet.size[0] * scale), round(sheet.size[1] * scale)), paper)
    draw = ImageDraw.Draw(img)
    for run in sheet.runs:
        px = run.size / MM * scale
        font = pil_font(round(px))
        draw.text((run.x * scale, run.y * scale - px), run.text, fill=(20, 20, 24), font=font)
    return img


def scan_pdf(sheets: Sequence[Sheet], seed: str) -> bytes:
    """An image-only PDF (a copy shop's "scan to PDF"), one greyscale scan per sheet."""
    from synth.documents.photo import image_pdf, scan_jpeg

    jpegs = [scan_jpeg(image(s), f"fieldkit:{seed}:{i}", long_side=1500, quality=70) for i, s in enumerate(sheets)]
    return image_pdf(jpegs, (sheets[0].size[0] * MM, sheets[0].size[1] * MM))


def photo(sheet: Sheet, seed: str) -> bytes:
    """A phone photo of the sheet (perspective, light, JPEG)."""
    from synth.documents.photo import photograph

    return photograph(image(sheet, long_side=1600), f"fieldkit:{seed}")
