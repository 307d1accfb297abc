"""Text from a PDF: the text layer with pypdf; pages without one (扫描件) rendered with pypdfium2 and OCR'd.

* a text layer drawn out of reading order (values in a second pass, a table column by column) is rebuilt from
  its runs' positions (:mod:`matcheck.documents.reading_order`);
* a text PDF never loads the OCR engine;
* encrypted with a user password → a problem (需要密码), not a crash; owner-password-only PDFs read normally;
* a PDF pypdf cannot open (missing ``%%EOF``, broken ``startxref``) is retried with PDFium, which repairs such
  files; if both fail it is reported as damaged or truncated.
"""

from __future__ import annotations

import io
import logging
import re

from matcheck.documents.budget import OVER_BUDGET, Deadline, pdf_limits, pdf_page_problem
from matcheck.documents.extraction import Extraction, PageText
from matcheck.documents.reading_order import page_text

MIN_TEXT_CHARS = 8  # a page with fewer non-blank characters than this is a scan: OCR it
MAX_PAGES = 200
MAX_OCR_PAGES = 20  # a scanned PDF longer than this: OCR the first pages only, and say so
RENDER_DPI = 150  # scanned pages: enough for 8-pt print (≈17 px), and OCR time grows with the area
MAX_RENDER_SIDE = 3000  # pixels

_BLANK = re.compile(r"\s+")


def _needs_ocr(text: str) -> bool:
    return len(_BLANK.sub("", text)) < MIN_TEXT_CHARS


def extract_pdf(data: bytes) -> Extraction:
    """Page texts of a PDF held in memory (the file is read once, by the caller)."""
    out = Extraction("pdf")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # "EOF marker not found" and friends: we report, not log
    with pdf_limits():  # every stream inflated at most PDF_STREAM_BYTES (documents/budget.py)
        return _extract_pdf(data, out)


def _extract_pdf(data: bytes, out: Extraction) -> Extraction:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

    deadline = Deadline()
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    return out.unreadable("PDF 已加密（需要密码），无法读取", "encrypted with a user password")
            except (FileNotDecryptedError, DependencyError, NotImplementedError) as exc:
                return out.unreadable("PDF 已加密（需要密码），无法读取", f"{type(exc).__name__}: {exc}")
        pages = reader.pages
        count = len(pages)
        texts = []
        for i in range(min(count, MAX_PAGES)):
            if deadline.spent:  # keep what was read; say the rest was not
                out.unreadable(OVER_BUDGET, f"reading took more than {deadline.seconds:g} s; "
                                            f"{i} of {count} pages read")
                break
            texts.append(page_text(pages[i]).replace("\x00", ""))
    except LimitReachedError as exc:  # a decompression bomb: never handed to PDFium, which has no such limits
        return out.unreadable(OVER_BUDGET, f"pypdf: {exc}")
    except FileNotDecryptedError as exc:
        return out.unreadable("PDF 已加密（需要密码），无法读取", f"{type(exc).__name__}: {exc}")
    except (PyPdfError, DependencyError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, OSError, AssertionError, ZeroDivisionError) as exc:
        return _with_pdfium(data, out, f"pypdf: {type(exc).__name__}: {exc}")
    out.page_count = count
    if count > MAX_PAGES:
        out.unreadable(f"PDF 页数过多（{count} 页），只读取了前 {MAX_PAGES} 页", f"{count} pages")
    scanned = [i for i, t in enumerate(texts) if _needs_ocr(t)]
    for i in list(scanned):  # PDFium renders without limits: a page over budget is reported, not rendered
        problem = pdf_page_problem(reader.pages[i])
        if problem:
            out.unreadable(OVER_BUDGET, f"page {i + 1}: {problem}")
            scanned.remove(i)
    out.pages = [PageText(t) for t in texts]
    if scanned:
        _ocr_pages(data, scanned, out)
    return out


def _with_pdfium(data: bytes, out: Extraction, why: str) -> Extraction:
    """PDFium opens many PDFs pypdf refuses (no ``%%EOF``, broken xref); use it for the text as well."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == 4:
            return out.unreadable("PDF 已加密（需要密码），无法读取", f"pdfium: {exc}")
        return out.unreadable("PDF 文件损坏或不完整，无法读取", f"{why}; pdfium: {exc}")
    try:
        count = len(pdf)
        out.page_count = count
        texts = []
        for i in range(min(count, MAX_PAGES)):
            page = pdf[i]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded().replace("\r\n", "\n"))
            textpage.close()
            page.close()
    except (pdfium.PdfiumError, OSError, ValueError) as exc:
        return out.unreadable("PDF 文件损坏或不完整，无法读取", f"{why}; pdfium: {exc}")
    finally:
        pdf.close()
    out.pages = [PageText(t) for t in texts]
    scanned = [i for i, t in enumerate(texts) if _needs_ocr(t)]
    if scanned:
        _ocr_pages(data, scanned, out)
    return out


def _ocr_pages(data: bytes, indexes: list[int], out: Extraction) -> None:
    """Render the scanned pages with PDFium and OCR them (the engine loads here, only when a page needs it)."""
    import pypdfium2 as pdfium

    from matcheck.documents.extract_image import add_quality_problems, prepare
    from matcheck.documents.ocr import ocr_image

    if len(indexes) > MAX_OCR_PAGES:
        out.unreadable(f"扫描版 PDF 页数过多，只识别了前 {MAX_OCR_PAGES} 页", f"{len(indexes)} scanned pages")
        indexes = indexes[:MAX_OCR_PAGES]
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        out.unreadable("扫描版 PDF 无法渲染，无法识别文字", f"pdfium: {exc}")
        return
    try:
        for i in indexes:
            page = pdf[i]
            width, height = page.get_size()  # points; a giant page must not become a giant bitmap
            scale = min(RENDER_DPI / 72, MAX_RENDER_SIDE / max(width, height, 1.0))
            image = page.render(scale=scale).to_pil()
            page.close()
            image, metrics = prepare(image)
            if out.image is None or (out.image["blank"] and not metrics["blank"]):
                out.image = metrics  # the first page with something on it speaks for the scan's quality
            if metrics["blank"]:
                continue  # an empty back side: nothing to read
            result = ocr_image(image)
            out.pages[i] = PageText(result.text, ocr=True, confidence=result.confidence)
    except (pdfium.PdfiumError, OSError, ValueError, MemoryError) as exc:
        out.unreadable("扫描版 PDF 无法渲染，无法识别文字", f"pdfium: {type(exc).__name__}: {exc}")
    finally:
        pdf.close()
    add_quality_problems(out)  # the first scanned page's measures and the OCR confidence
