"""Turning a rendered page into what applicants actually hand in: a phone photo or a scan.

``photograph``: the page on a desk, seen slightly from the side (perspective and rotation), lit unevenly, a little
out of focus, with sensor noise, saved as a JPEG. ``scan``: a flatbed scan (grey, small skew, speckles) wrapped as
an image-only PDF page (pypdf reads no text from it: a reader must OCR it). Everything is seeded: the same seed
gives the same bytes.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

from synth.documents.surfaces import FIXED_PRODUCER


@dataclass(frozen=True)
class PhotoStyle:
    """How rough the photo is. ``rough()`` gives the low-quality variant used by the ``blurry:`` fault."""

    max_skew: float = 0.035  # corner displacement, fraction of the size
    max_rotation: float = 3.0  # degrees
    blur: float = 0.7  # Gaussian radius in px
    noise: float = 3.0  # Gaussian sigma in grey levels
    light: float = 0.28  # depth of the lighting falloff (0 = flat)
    quality: int = 62  # JPEG quality
    long_side: int = 1280  # px of the final photo

    @classmethod
    def rough(cls) -> "PhotoStyle":
        return cls(max_skew=0.06, max_rotation=7.0, blur=3.2, noise=14.0, light=0.5, quality=35, long_side=700)


def _coeffs(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> list[float]:
    """Perspective coefficients for PIL (maps output points ``dst`` back to input points ``src``)."""
    a = []
    b = []
    for (x, y), (u, v) in zip(dst, src):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b.extend([u, v])
    return list(np.linalg.solve(np.array(a, dtype=float), np.array(b, dtype=float)))


def photograph(page: Image.Image, seed: int | str, style: PhotoStyle = PhotoStyle()) -> bytes:
    """A JPEG "phone photo" of ``page`` (deterministic for a given seed and style)."""
    rng = random.Random(f"photo:{seed}")
    nrng = np.random.default_rng(abs(hash_seed(seed)))
    w, h = page.size
    pad = int(max(w, h) * 0.06)
    desk = tuple(rng.randint(95, 150) for _ in range(3))
    canvas = Image.new("RGB", (w + 2 * pad, h + 2 * pad), desk)
    canvas.paste(page, (pad, pad))
    scale = style.long_side / max(canvas.size)
    canvas = canvas.resize((round(canvas.width * scale), round(canvas.height * scale)), Image.LANCZOS)
    cw, ch = canvas.size
    k = style.max_skew
    angle = math.radians(rng.uniform(-style.max_rotation, style.max_rotation))
    cos, sin = math.cos(angle), math.sin(angle)
    src = [(0, 0), (cw, 0), (cw, ch), (0, ch)]
    dst = []
    for x, y in src:  # jitter each corner (perspective), then turn the whole page (rotation): one resampling
        x, y = x + rng.uniform(-k, k) * cw - cw / 2, y + rng.uniform(-k, k) * ch - ch / 2
        dst.append((cw / 2 + x * cos - y * sin, ch / 2 + x * sin + y * cos))
    img = canvas.transform((cw, ch), Image.PERSPECTIVE, _coeffs(src, dst), Image.BICUBIC, fillcolor=desk)
    if style.blur:
        img = img.filter(ImageFilter.GaussianBlur(style.blur))
    arr = np.asarray(img, dtype=np.float32)
    yy, xx = np.mgrid[0:arr.shape[0], 0:arr.shape[1]]
    cx, cy = rng.uniform(0.1, 0.9) * arr.shape[1], rng.uniform(0.1, 0.9) * arr.shape[0]
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / max(arr.shape)
    light = 1.05 - style.light * np.clip(dist, 0, 1.2)
    arr = arr * light[..., None] * np.array([1.0, 0.98, 0.93], dtype=np.float32)  # warm indoor light
    arr = arr + nrng.normal(0, style.noise, arr.shape).astype(np.float32)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    out = io.BytesIO()
    img.save(out, "JPEG", quality=style.quality, optimize=True)
    return out.getvalue()


def hash_seed(seed: int | str) -> int:
    """A stable integer from a seed (Python's ``hash`` of a str changes between runs)."""
    import hashlib

    return int.from_bytes(hashlib.sha256(str(seed).encode()).digest()[:8], "big")


def scan_jpeg(page: Image.Image, seed: int | str, *, long_side: int = 1240, quality: int = 55) -> bytes:
    """A greyscale flatbed scan of ``page`` as JPEG bytes: small skew, speckles, slightly grey paper."""
    rng = random.Random(f"scan:{seed}")
    nrng = np.random.default_rng(hash_seed(f"scan:{seed}"))
    img = page.convert("L")
    img = Image.blend(img, img.filter(ImageFilter.MinFilter(3)), 0.55)  # toner spread: copied strokes are bolder
    scale = long_side / max(img.size)
    img = img.resize((round(img.width * scale), round(img.height * scale)), Image.LANCZOS)
    img = img.rotate(rng.uniform(-1.2, 1.2), Image.BICUBIC, expand=False, fillcolor=255)
    arr = np.asarray(img, dtype=np.float32) * 0.93 + 8
    speckle = nrng.random(arr.shape) < 0.0015
    arr[speckle] = 40
    arr += nrng.normal(0, 1.5, arr.shape)
    out = io.BytesIO()
    Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L").save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def image_pdf(jpegs: list[bytes], page_size: tuple[float, float]) -> bytes:
    """An image-only PDF: one JPEG per page, no text layer (what a scanner's "scan to PDF" writes)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=page_size, invariant=1, pageCompression=1)
    c.setCreator(FIXED_PRODUCER)
    c.setProducer(FIXED_PRODUCER)
    for data in jpegs:
        c.drawImage(ImageReader(io.BytesIO(data)), 0, 0, width=page_size[0], height=page_size[1])
        c.showPage()
    c.save()
    return out.getvalue()
