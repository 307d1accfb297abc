"""Reading a generated PDF back with pypdf: text fragments with their position and font, and margin checks."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdf
from PIL import Image

A4_PT = (595.2756, 841.8898)
MM = 72 / 25.4


@dataclass(frozen=True)
class Fragment:
    page: int
    text: str
    x: float
    y: float
    font: str


def fragments(path: Path) -> list[Fragment]:
    out: list[Fragment] = []
    for number, page in enumerate(pypdf.PdfReader(str(path)).pages, start=1):
        def visit(text, cm, tm, font_dict, font_size, page_number=number):
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            font = str(font_dict.get("/BaseFont", "")) if font_dict else ""
            out.append(Fragment(page_number, text.strip(), x, y, font))
        page.extract_text(visitor_text=visit)
    return _lines(out)


def _lines(frags: list[Fragment]) -> list[Fragment]:
    """pypdf reports a line in pieces, each at the line's start: join consecutive pieces with the same origin."""
    out: list[Fragment] = []
    for f in frags:
        last = out[-1] if out else None
        if last and last.page == f.page and abs(last.x - f.x) < 0.01 and abs(last.y - f.y) < 0.01:
            out[-1] = Fragment(f.page, last.text + f.text, last.x, last.y, last.font)
        else:
            out.append(f)
    return out


def find(frags: list[Fragment], text: str) -> Fragment:
    hits = [f for f in frags if text in f.text]
    assert hits, f"{text!r} not found in the PDF"
    return hits[0]


def render_pages(path: Path, out_dir: Path, dpi: int = 50) -> list[Path]:
    """Render every page to PNG with pdftoppm (poppler), as a person printing it would see it."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(out_dir / "page")], check=True,
                   capture_output=True, timeout=60)
    return sorted(out_dir.glob("page-*.png"))


def ink_in_margins(png: Path, side_mm: float = 14.0, top_mm: float = 12.0) -> int:
    """How many dark pixels lie in the left, right and top margin strips (0: nothing spills off the layout)."""
    img = Image.open(png).convert("L")
    w, h = img.size
    px_per_mm = w / 210.0
    side, top = int(side_mm * px_per_mm), int(top_mm * px_per_mm)
    dark = 0
    for box in ((0, 0, side, h), (w - side, 0, w, h), (0, 0, w, top)):
        dark += sum(1 for v in img.crop(box).get_flattened_data() if v < 200)
    return dark
