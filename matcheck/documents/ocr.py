"""Offline OCR (文字识别) with rapidocr-onnxruntime 1.4.4, whose models ship inside the wheel (no download code).

The engine is imported lazily and built once per process: a folder of text PDFs never imports rapidocr, onnxruntime
or cv2. Results are assembled into lines in reading order (boxes grouped by their vertical centre, then sorted left
to right) so that label-based parsing works on OCR text as on a PDF text layer.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any

from PIL import Image

_engine: Any = None
_lock = threading.Lock()


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float | None  # mean box score, None when nothing was found
    boxes: int


def _thread_options() -> dict[str, int]:
    """``MATCHECK_OCR_THREADS=n`` caps onnxruntime's threads (the batch sets cores ÷ jobs, so parallel workers do
    not fight over the same cores); unset or invalid: onnxruntime's default (all cores)."""
    try:
        n = int(os.environ.get("MATCHECK_OCR_THREADS", ""))
    except ValueError:
        return {}
    return {"intra_op_num_threads": n, "inter_op_num_threads": 1} if n >= 1 else {}


def engine() -> Any:
    """The one RapidOCR engine of this process."""
    global _engine
    with _lock:
        if _engine is None:
            import logging

            from rapidocr_onnxruntime import RapidOCR

            _engine = RapidOCR(**_thread_options())
            logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        return _engine


def ocr_image(image: Image.Image) -> OcrResult:
    """The text of an (upright, downscaled) RGB image, as lines in reading order."""
    result, _elapsed = engine()(image)
    if not result:
        return OcrResult("", None, 0)
    items = []
    for box, text, score in result:
        ys = [p[1] for p in box]
        xs = [p[0] for p in box]
        items.append((min(ys), max(ys), min(xs), str(text), float(score)))
    lines = _lines(items)
    confidence = sum(i[4] for i in items) / len(items)
    return OcrResult("\n".join(lines), round(confidence, 4), len(items))


def _lines(items: list[tuple[float, float, float, str, float]]) -> list[str]:
    """Group boxes whose vertical centres lie within half a box height of a line's centre; order left to right."""
    rows: list[list[tuple[float, float, float, str, float]]] = []
    for item in sorted(items, key=lambda i: (i[0] + i[1]) / 2):
        centre = (item[0] + item[1]) / 2
        height = max(item[1] - item[0], 1.0)
        if rows:
            last = rows[-1]
            last_centre = sum((i[0] + i[1]) / 2 for i in last) / len(last)
            if abs(centre - last_centre) <= height / 2:
                last.append(item)
                continue
        rows.append([item])
    return [" ".join(i[3] for i in sorted(row, key=lambda i: i[2])) for row in rows]
