"""Two drawing surfaces with one small API: a reportlab canvas (text PDF) and a Pillow image.

Both take top-left coordinates in points. ``text(x, y, s, size, anchor=...)`` draws with ``y`` as the baseline.
The PDF embeds a subset of the CJK font, so the text can be extracted (pypdf / pypdfium2); the canvas is built
with ``invariant=1`` so that the same input gives the same bytes.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from synth.fonts import pil_font, register_pdf_font

FIXED_PRODUCER = "matcheck synth (样例 / SAMPLE)"


class PdfSurface:
    def __init__(self, target: Path | io.BytesIO, width: float, height: float, title: str = "") -> None:
        from reportlab.pdfgen.canvas import Canvas

        self.width, self.height = width, height
        self.font = register_pdf_font()
        self.c = Canvas(target if isinstance(target, io.BytesIO) else str(target), pagesize=(width, height),
                        invariant=1, pageCompression=1)
        self.c.setTitle(title)
        self.c.setAuthor("")
        self.c.setCreator(FIXED_PRODUCER)
        self.c.setProducer(FIXED_PRODUCER)
        self.c.setSubject("样例 / SAMPLE — 非真实文件")

    def width_of(self, s: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(s, self.font, size)

    def _color(self, color: tuple[int, int, int], fill: bool = True) -> None:
        r, g, b = (v / 255 for v in color)
        (self.c.setFillColorRGB if fill else self.c.setStrokeColorRGB)(r, g, b)

    def text(self, x: float, y: float, s: str, size: float, *, anchor: str = "left", bold: bool = False,
             color: tuple[int, int, int] = (0, 0, 0)) -> None:
        self._color(color)
        self._color(color, fill=False)
        py = self.height - y
        w = self.width_of(s, size)
        x0 = x - w / 2 if anchor == "center" else x - w if anchor == "right" else x
        t = self.c.beginText(x0, py)
        t.setFont(self.font, size)
        if bold:  # the font has no bold face: fill and stroke the glyphs (text stays extractable, once)
            self.c.setLineWidth(size / 30)
            t.setTextRenderMode(2)
        t.textOut(s)
        self.c.drawText(t)

    def line(self, x1: float, y1: float, x2: float, y2: float, *, width: float = 0.5,
             color: tuple[int, int, int] = (0, 0, 0)) -> None:
        self._color(color, fill=False)
        self.c.setLineWidth(width)
        self.c.line(x1, self.height - y1, x2, self.height - y2)

    def rect(self, x: float, y: float, w: float, h: float, *, width: float = 0.5,
             color: tuple[int, int, int] = (0, 0, 0)) -> None:
        self._color(color, fill=False)
        self.c.setLineWidth(width)
        self.c.rect(x, self.height - y - h, w, h, stroke=1, fill=0)

    def watermark(self, s: str, *, size: float, color: tuple[int, int, int]) -> None:
        self.c.saveState()
        self._color(color)
        self.c.setFont(self.font, size)
        self.c.translate(self.width / 2, self.height / 2)
        self.c.rotate(30)
        self.c.drawCentredString(0, 0, s)
        self.c.restoreState()

    def new_page(self) -> None:
        self.c.showPage()

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


class ImageSurface:
    """A single page as an RGB image, ``scale`` pixels per point. Extra pages are not supported (cards, certificates)."""

    def __init__(self, width: float, height: float, scale: float, paper: tuple[int, int, int] = (255, 255, 255)):
        self.width, self.height, self.scale = width, height, scale
        self.image = Image.new("RGB", (round(width * scale), round(height * scale)), paper)
        self.draw = ImageDraw.Draw(self.image)
        self.pages = 1

    def width_of(self, s: str, size: float) -> float:
        return pil_font(round(size * self.scale)).getlength(s) / self.scale

    def text(self, x: float, y: float, s: str, size: float, *, anchor: str = "left", bold: bool = False,
             color: tuple[int, int, int] = (0, 0, 0)) -> None:
        if self.pages > 1:
            return
        a = {"left": "ls", "center": "ms", "right": "rs"}[anchor]
        font = pil_font(round(size * self.scale))
        self.draw.text((x * self.scale, y * self.scale), s, font=font, fill=color, anchor=a,
                       stroke_width=1 if bold and size * self.scale > 24 else 0, stroke_fill=color)

    def line(self, x1, y1, x2, y2, *, width: float = 0.5, color=(0, 0, 0)) -> None:
        if self.pages > 1:
            return
        k = self.scale
        self.draw.line((x1 * k, y1 * k, x2 * k, y2 * k), fill=color, width=max(1, round(width * k)))

    def rect(self, x, y, w, h, *, width: float = 0.5, color=(0, 0, 0)) -> None:
        if self.pages > 1:
            return
        k = self.scale
        self.draw.rectangle((x * k, y * k, (x + w) * k, (y + h) * k), outline=color, width=max(1, round(width * k)))

    def watermark(self, s: str, *, size: float, color: tuple[int, int, int]) -> None:
        if self.pages > 1:
            return
        font = pil_font(round(size * self.scale))
        layer = Image.new("L", self.image.size, 0)
        d = ImageDraw.Draw(layer)
        d.text((self.image.width / 2, self.image.height / 2), s, font=font, fill=255, anchor="mm")
        layer = layer.rotate(30, resample=Image.BICUBIC, center=(self.image.width / 2, self.image.height / 2))
        self.image.paste(Image.new("RGB", self.image.size, color), (0, 0), layer)
        self.draw = ImageDraw.Draw(self.image)

    def new_page(self) -> None:
        self.pages += 1
