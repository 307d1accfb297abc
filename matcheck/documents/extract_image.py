"""Text from a photo or scan (照片、扫描件): decode once, apply EXIF orientation, downscale, measure, OCR.

Safety: Pillow's decompression-bomb limit is lowered to :data:`matcheck.documents.budget.PHOTO_PIXELS` and its
warning is turned into an error, so a tiny PNG that claims 400 million pixels is refused before it is decoded. A truncated image raises when
loaded and is reported. HEIC photos are decoded when ``pillow-heif`` is installed (optional extra ``heic``);
otherwise they are reported as unreadable with the fix (export as JPEG).
"""

from __future__ import annotations

import io
import warnings
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from matcheck import rule_names
from matcheck.documents.budget import PHOTO_PIXELS
from matcheck.documents.extraction import Extraction, PageText
from matcheck.documents.quality import measure, quality_problems

MAX_OCR_SIDE = 2000  # px: longer sides are downscaled before OCR (rapidocr resizes further itself)

ORIENTATION_TAG = 0x0112  # EXIF: 5-8 turn the picture by 90° (width and height swap)

Image.MAX_IMAGE_PIXELS = PHOTO_PIXELS


def _heif_available() -> bool:
    try:
        import pillow_heif  # type: ignore[import-not-found]
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


def decode(data: bytes, max_side: int | None = None) -> Image.Image:
    """The image, fully loaded, upright (EXIF orientation applied), RGB. Raises on bombs and damaged files.

    ``max_side``: a JPEG at least twice that size is decoded by libjpeg at 1/2, 1/4 or 1/8 scale, never below
    ``max_side`` (a 12 Mpx phone photo: ~4× less decoding, and no large resize after it). ``image.info
    ["delivered_size"]`` keeps the size as delivered (upright), which the quality check reports."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data)) as raw:
            if getattr(raw, "n_frames", 1) > 1:
                raw.seek(0)  # a multi-frame GIF/TIFF: the first frame
            width, height = raw.size
            if max_side and raw.format == "JPEG" and max(width, height) >= 2 * max_side:
                longer = max(width, height)
                # at least 1 px a side: a strip of 2000:1 would ask for 0 (ZeroDivisionError in Pillow's draft)
                raw.draft("RGB", (max(1, width * max_side // longer), max(1, height * max_side // longer)))
            raw.load()
            turned = raw.getexif().get(ORIENTATION_TAG) in (5, 6, 7, 8)
            image = ImageOps.exif_transpose(raw)
            if image.mode != "RGB":
                image = image.convert("RGB")
            elif image is raw:
                image = raw.copy()
    image.info["delivered_size"] = (height, width) if turned else (width, height)
    return image


def prepare(image: Image.Image) -> tuple[Image.Image, dict[str, Any]]:
    """Downscale to :data:`MAX_OCR_SIDE` and measure quality (size reported as delivered, before downscaling)."""
    width, height = image.info.get("delivered_size", image.size)
    if max(width, height) > MAX_OCR_SIDE:
        image = image.copy() if image.readonly else image
        image.thumbnail((MAX_OCR_SIDE, MAX_OCR_SIDE), Image.Resampling.LANCZOS)
    metrics = measure(image)
    metrics["width"], metrics["height"] = width, height
    return image, metrics


def extract_image(data: bytes, file_type: str) -> Extraction:
    out = Extraction(file_type, page_count=1)
    if file_type == "heic" and not _heif_available():
        return out.unreadable("HEIC 照片无法在本机解码，请导出为 JPEG 后再放入", "pillow-heif is not installed")
    try:
        image = decode(data, MAX_OCR_SIDE)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        return out.unreadable("图片像素数异常（疑似解压炸弹），未读取", str(exc))
    except UnidentifiedImageError as exc:
        return out.unreadable("图片无法识别或已损坏", str(exc))
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        return out.unreadable("图片已损坏或不完整，无法读取", f"{type(exc).__name__}: {exc}")
    image, metrics = prepare(image)
    out.image = metrics
    if metrics["blank"]:
        out.pages = [PageText("", ocr=False)]
    else:
        from matcheck.documents.ocr import ocr_image

        result = ocr_image(image)
        out.pages = [PageText(result.text, ocr=True, confidence=result.confidence)]
    add_quality_problems(out)
    return out


def add_quality_problems(out: Extraction) -> None:
    """A ``low-quality-image`` problem when the image (or the first scanned page) is too poor to rely on."""
    if out.image is None:
        return
    confs = [p.confidence for p in out.pages if p.ocr and p.confidence is not None]
    reasons = quality_problems(out.image, min(confs) if confs else None)
    if reasons:
        out.problems.append({"rule": rule_names.LOW_QUALITY_IMAGE,
                             "args": {"reason": "；".join(reasons), **{k: out.image[k] for k in
                                                                       ("width", "height", "sharpness", "contrast")},
                                      "ocr_confidence": round(min(confs), 3) if confs else None}})
