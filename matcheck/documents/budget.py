"""What reading one file may cost at most (每个文件的读取上限): the numbers in one place
(docs/folder-reading.md).

Declared sizes lie (a zip says 2 KB and inflates to 2 GB; a PDF stream's ``/Length`` says nothing of what its
filter makes of it), so the limits count **bytes actually inflated** and **time actually spent**:

* :data:`FILE_SECONDS` — reading one file (not counting OCR of a photo, which has its own bounds) stops after this
  long; what was read so far is kept and the file gets an ``unreadable-file`` finding saying it was cut short;
* :data:`INFLATE_BYTES` — all the parts of one DOCX together, inflated one chunk at a time and counted as they
  come (the central directory's sizes are not believed);
* :data:`XML_BYTES` — the XML parts of one DOCX (what python-docx parses: parse time grows with it; a real
  contract's ``document.xml`` is well under 1 MB);
* :data:`PDF_STREAM_BYTES` — one PDF stream after its filters (pypdf's own limits, set to this for every filter);
* :data:`PDF_IMAGE_PIXELS` — an image a PDF page declares (the page is then not rendered for OCR);
* :data:`PHOTO_PIXELS` — a photo or scan file (Pillow's decompression-bomb limit, checked before decoding).

A file over a budget is an ``unreadable-file`` finding ("内容过大或过于复杂"), never a crash, and never costs
more than about these amounts: memory stays near ``INFLATE_BYTES`` (DOCX) or a few × ``PDF_STREAM_BYTES`` (PDF).
"""

from __future__ import annotations

import io
import time
import zipfile
from contextlib import contextmanager
from typing import Iterator

FILE_SECONDS = 10.0
INFLATE_BYTES = 256 * 1024 * 1024
XML_BYTES = 8 * 1024 * 1024
PDF_STREAM_BYTES = 64 * 1024 * 1024
PDF_IMAGE_PIXELS = 60_000_000  # an image in a PDF page to render: an A4 page scanned at 600 dpi is 35 M pixels
PHOTO_PIXELS = 50_000_000  # a photo or scan file Pillow decodes: a 48 Mpx phone photo passes; 81 Mpx RGB ≈ 243 MB
_CHUNK = 1 << 16

OVER_BUDGET = "文件内容过大或过于复杂（超出读取上限），未完整读取"


class OverBudget(Exception):
    """Reading this file would cost more than its budget; the message says which and how much."""


class Deadline:
    """The time budget of one file: :meth:`check` raises :class:`OverBudget` once it is spent."""

    def __init__(self, seconds: float = FILE_SECONDS):
        self.seconds = seconds
        self.started = time.monotonic()

    @property
    def spent(self) -> bool:
        return time.monotonic() - self.started > self.seconds

    def check(self) -> None:
        if self.spent:
            raise OverBudget(f"reading took more than {self.seconds:g} s")


def check_zip_inflation(data: bytes, deadline: Deadline | None = None, *, total: int = INFLATE_BYTES,
                        xml: int = XML_BYTES) -> None:
    """Inflate every member of the zip in ``data`` (a DOCX), chunk by chunk, and count what comes out:
    :class:`OverBudget` past ``total`` bytes, past ``xml`` bytes of XML, or past the deadline."""
    inflated = xml_inflated = 0
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            is_xml = info.filename.lower().endswith((".xml", ".rels"))
            with zf.open(info) as member:
                while chunk := member.read(_CHUNK):
                    inflated += len(chunk)
                    xml_inflated += len(chunk) if is_xml else 0
                    if inflated > total:
                        raise OverBudget(f"its parts inflate to more than {total // 2**20} MB")
                    if xml_inflated > xml:
                        raise OverBudget(f"its XML inflates to more than {xml // 2**20} MB")
                    if deadline is not None:
                        deadline.check()


def pdf_page_problem(page) -> str | None:
    """Why rendering this (pypdf) page for OCR would cost more than the budget, or None: its content stream
    inflating past :data:`PDF_STREAM_BYTES`, or an image declared larger than :data:`PDF_IMAGE_PIXELS`. Call
    inside :func:`pdf_limits`. (PDFium, which renders the page, has no limits of its own.)"""
    from pypdf.errors import LimitReachedError, PyPdfError

    try:
        contents = page.get_contents()
        data = contents.get_data() if contents is not None else b""
        if len(data) > PDF_STREAM_BYTES:
            return f"its content stream inflates to more than {PDF_STREAM_BYTES // 2**20} MB"
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        for name in list(xobjects)[:1000]:
            obj = xobjects[name].get_object()
            if obj.get("/Subtype") == "/Image":
                pixels = int(obj.get("/Width", 0)) * int(obj.get("/Height", 0))
                if pixels > PDF_IMAGE_PIXELS:
                    return f"an image of {pixels} pixels (at most {PDF_IMAGE_PIXELS})"
    except LimitReachedError as exc:
        return f"pypdf: {exc}"
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError):
        return None  # not a budget question: the renderer reports what it cannot read
    return None


@contextmanager
def pdf_limits() -> Iterator[None]:
    """pypdf's decompression limits set to :data:`PDF_STREAM_BYTES` for every filter, for this block only."""
    from pypdf._configuration import apply_configuration, get_configuration

    current = get_configuration()
    names = ("zlib_maximum_output_length", "lzw_maximum_output_length", "run_length_maximum_output_length",
             "array_based_stream_maximum_output_length", "jbig2_maximum_output_length",
             "brotli_maximum_output_length", "maximum_declared_stream_length", "image_maximum_buffer_size")
    overwrites = {n: min(getattr(current, n), PDF_STREAM_BYTES) for n in names if hasattr(current, n)}
    with apply_configuration(**overwrites):
        yield
