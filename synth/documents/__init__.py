"""One renderer per document type, and the ways a page reaches the folder.

``render(kind, facts, path, medium=..., seed=...)`` builds the document ``kind`` from plain ``facts`` (a dict; the
keys each builder reads are in its module docstring) and writes it as:

- ``pdf``   — a text PDF (reportlab, embedded CJK font subset; the text can be extracted),
- ``photo`` — a JPEG phone photo (skew, rotation, blur, noise, uneven light),
- ``rough`` — a bad phone photo (for the ``low-quality-image`` rule),
- ``scan``  — an image-only PDF (a scanned page, no text layer: a reader must OCR it),
- ``docx``  — only for ``labour_contract`` (python-docx, East Asian font set; as pdf/scan/photo it is a page).

Every document carries the mark 样例 / SAMPLE — 非真实文件 (documents.md §13). No seals, no real QR codes.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

from synth.documents import education, employment, family, forms, identity, money, qualification
from synth.documents.layout import Doc, draw
from synth.documents.photo import PhotoStyle, image_pdf, photograph, scan_jpeg
from synth.documents.surfaces import ImageSurface, PdfSurface
from synth.formats import Variant

BUILDERS: dict[str, Callable[[dict, Variant], Doc | list[Doc]]] = {
    "xuexin_record": education.xuexin_record,
    "degree_verification_report": education.degree_report,
    "diploma": education.diploma,
    "degree_certificate": education.degree_certificate,
    "high_school_diploma": education.high_school_diploma,
    "tax_record": money.tax_record,
    "tax_income_detail": money.tax_income_detail,
    "social_insurance_record": money.social_insurance_record,
    "id_card": identity.id_card,
    "residence_permit": identity.residence_permit,
    "hukou_booklet": identity.hukou_booklet,
    "marriage_certificate": family.marriage_certificate,
    "birth_certificate": family.birth_certificate,
    "business_license": employment.business_license,
    "employer_letter": employment.employer_letter,
    "appointment_letter": employment.appointment_letter,
    "labour_contract": employment.labour_contract_doc,
    "skill_certificate": qualification.skill_certificate,
    "title_certificate": qualification.title_certificate,
    "application_form": forms.application_form,
    "pledge": forms.pledge,
    "graduate_registration_form": forms.graduate_registration_form,
    "transcript": forms.transcript,
}
MEDIA = ("pdf", "photo", "rough", "scan", "docx")


def build(kind: str, facts: dict, seed: int | str = 0) -> list[Doc]:
    """The page(s) of document ``kind`` (a 身份证 has two sides, a 户口簿 two pages)."""
    if kind not in BUILDERS:
        raise KeyError(f"unknown document kind {kind!r}; known: {', '.join(sorted(BUILDERS))}")
    out = BUILDERS[kind](facts, Variant(f"{kind}:{seed}"))
    return out if isinstance(out, list) else [out]


def pdf_bytes(pages: list[Doc]) -> bytes:
    """A text PDF of ``pages`` (one or more Docs, each possibly several PDF pages)."""
    out = io.BytesIO()
    w, h = pages[0].size
    surface = PdfSurface(out, w, h, title=(pages[0].title or [pages[0].kind])[0])
    for i, doc in enumerate(pages):
        if i:
            surface.c.showPage()
            surface.c.setPageSize(doc.size)
            surface.width, surface.height = doc.size
        draw(doc, surface)
    surface.c.showPage()
    surface.c.save()
    return out.getvalue()


def page_image(doc: Doc, long_side: int = 1500):
    """``doc`` drawn as a clean RGB image (before any photo effect)."""
    w, h = doc.size
    surface = ImageSurface(w, h, long_side / max(w, h), doc.paper)
    draw(doc, surface)
    return surface.image


def side_by_side(images):
    """Two card sides (身份证 front and back) photographed together, one above the other, as applicants do."""
    from PIL import Image

    gap = 40
    width = max(i.width for i in images)
    out = Image.new("RGB", (width + 2 * gap, sum(i.height for i in images) + gap * (len(images) + 1)), (252, 252, 250))
    y = gap
    for im in images:
        out.paste(im, (gap, y))
        y += im.height + gap
    return out


def render_bytes(kind: str, facts: dict, medium: str = "pdf", seed: int | str = 0) -> bytes:
    """The file content of document ``kind`` in ``medium`` (see module docstring)."""
    if medium not in MEDIA:
        raise ValueError(f"unknown medium {medium!r}; expected one of {', '.join(MEDIA)}")
    if medium == "docx" and kind == "labour_contract":
        return employment.labour_contract_docx(facts, Variant(f"{kind}:{seed}"))
    if medium == "docx":
        raise ValueError(f"{kind} cannot be written as docx")
    pages = build(kind, facts, seed)
    if medium == "pdf":
        return pdf_bytes(pages)
    images = [page_image(p) for p in pages]
    if medium == "scan":
        return image_pdf([scan_jpeg(im, f"{kind}:{seed}:{i}") for i, im in enumerate(images)], pages[0].size)
    img = images[0] if len(images) == 1 else side_by_side(images)
    style = PhotoStyle.rough() if medium == "rough" else PhotoStyle()
    return photograph(img, f"{kind}:{seed}", style)


def render(kind: str, facts: dict, path: Path, *, medium: str = "pdf", seed: int | str = 0) -> Path:
    """Write document ``kind`` to ``path`` (parents created); returns ``path``."""
    data = render_bytes(kind, facts, medium, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
