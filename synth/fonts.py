"""The one CJK font every synthetic document uses (WenQuanYi Micro Hei, TrueType outlines).

reportlab cannot load CFF-outline CJK fonts (Noto), so the TrueType ``wqy-microhei.ttc`` is used for PDFs and
images alike (shared/research/tooling.md §2). ``MATCHECK_FONT`` overrides the path.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
PDF_FONT_NAME = "SynthCJK"


class FontMissing(RuntimeError):
    pass


def font_path() -> Path:
    """The CJK TrueType font, from ``MATCHECK_FONT`` or the Debian default; a clear error if absent."""
    path = Path(os.environ.get("MATCHECK_FONT") or DEFAULT_FONT)
    if not path.is_file():
        raise FontMissing(
            f"CJK font not found: {path}. Install the Debian package fonts-wqy-microhei "
            f"(apt-get install fonts-wqy-microhei) or set MATCHECK_FONT to a TrueType (.ttf/.ttc) CJK font.")
    return path


@lru_cache(maxsize=None)
def register_pdf_font() -> str:
    """Register the font with reportlab (embedded as a subset) and return its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(PDF_FONT_NAME, str(font_path()), subfontIndex=0))
    return PDF_FONT_NAME


@lru_cache(maxsize=64)
def pil_font(size_px: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path()), size=max(6, int(size_px)), index=0)
