"""Image quality (照片/扫描件质量): size, sharpness, contrast, blank — measured on the image OCR will read.

The measures are cheap (one grayscale copy at most 800 px, ~20 ms) and need only Pillow (the median filter runs
in OpenCV when it is there, as it is beside the OCR: the same medians, 50× faster than Pillow's rank filter):

* ``sharpness``: how much of the image's contrast survives as edges — 100 × the standard deviation of an edge
  filter (``ImageFilter.FIND_EDGES``) over the standard deviation of the grey levels, after a 3×3 median filter
  (sensor noise would otherwise count as "sharp"). Contrast-independent; measured on synthetic phone photos: 48-77
  for ordinary photos, about 20 for the rough (blurred, noisy) ones, 16 for a certificate blurred by 4 px;
* ``contrast``: standard deviation of the grey levels (0-127); a washed-out or dark photo scores low;
* ``blank``: almost no variation at all (a white page, a lens cap).

These are reading-quality heuristics for this tool, not policy values (the centre's own wording is only that copies
must be clear, 清晰可辨), so they live here as constants.
"""

from __future__ import annotations

from typing import Any

from PIL import Image, ImageFilter, ImageStat

from matcheck.results import MIN_OCR_CONFIDENCE  # one threshold for OCR confidence (results.Document.confident)

MIN_SIDE = 600  # px: below this a certificate's small print is unreadable
MIN_SHARPNESS = 30.0
MIN_CONTRAST = 20.0
BLANK_STDDEV = 3.0
_MEASURE_SIDE = 800


def measure(image: Image.Image) -> dict[str, Any]:
    """``{"width", "height", "sharpness", "contrast", "blank"}`` of an RGB or L image."""
    width, height = image.size
    gray = image.convert("L")
    if max(gray.size) > _MEASURE_SIDE:
        gray.thumbnail((_MEASURE_SIDE, _MEASURE_SIDE))
    gray = _median3(gray)
    contrast = ImageStat.Stat(gray).stddev[0]
    edges = gray.filter(ImageFilter.FIND_EDGES)
    # the filter leaves a 1-px frame; crop it away so the border does not count as "sharp"
    if edges.width > 4 and edges.height > 4:
        edges = edges.crop((1, 1, edges.width - 1, edges.height - 1))
    sharpness = 100 * ImageStat.Stat(edges).stddev[0] / max(contrast, 1.0)
    return {"width": width, "height": height, "sharpness": round(sharpness, 1), "contrast": round(contrast, 1),
            "blank": contrast < BLANK_STDDEV}


def quality_problems(metrics: dict[str, Any], ocr_confidence: float | None = None) -> list[str]:
    """Reasons (Chinese, one line each) why an image is too poor to rely on; empty when it is fine."""
    reasons = []
    if metrics.get("blank"):
        return ["图片几乎空白"]
    if min(metrics["width"], metrics["height"]) < MIN_SIDE:
        reasons.append(f"分辨率过低（{metrics['width']}×{metrics['height']}）")
    if metrics["sharpness"] < MIN_SHARPNESS:
        reasons.append(f"图片模糊（清晰度 {metrics['sharpness']}）")
    if metrics["contrast"] < MIN_CONTRAST:
        reasons.append(f"对比度过低（{metrics['contrast']}）")
    if ocr_confidence is not None and ocr_confidence < MIN_OCR_CONFIDENCE:
        reasons.append(f"文字识别置信度低（{ocr_confidence:.2f}）")
    return reasons


def _median3(gray: Image.Image) -> Image.Image:
    """The 3×3 median of a grey image (tests/documents/test_ocr_images.py checks both ways give the same pixels)."""
    try:
        import cv2
        import numpy as np
    except ImportError:
        return gray.filter(ImageFilter.MedianFilter(3))
    return Image.fromarray(cv2.medianBlur(np.asarray(gray), 3))
