"""The one place the draft reads :class:`matcheck.results.Document` fields (vocabulary:
:mod:`matcheck.documents.fields`). The folder reader's extraction is being reworked for other layouts; everything
the draft needs from a Document goes through :class:`Doc`, so a renamed or retyped field is fixed here only.

Values come back typed (``date``, :class:`~matcheck.dates.Month`, ``str``) whether the Document holds them as objects
(fresh from the reader) or as text (from JSON); a value that does not parse is treated as not read.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Callable, Mapping

from matcheck.dates import Month, parse_date
from matcheck.draft.model import Source
from matcheck.results import Document

# A draft fills a fact only on a reading surer than the one a finding needs (results.Document.confident, OCR
# ≥ results.MIN_OCR_CONFIDENCE): a wrongly filled fact would be typed into the application, so the draft asks more.
SURE_OCR = 0.90  # an OCR'd page whose mean rapidocr score is below this is an unsure reading for the draft
SURE_CLASS = 0.80  # a document recognised with less confidence than this gives unsure readings


def as_date(v: Any) -> date | None:
    if isinstance(v, date):
        return v
    if isinstance(v, str):
        try:
            return parse_date(v)
        except ValueError:
            return None
    return None


def as_month(v: Any) -> Month | None:
    """A month from a Month, a date (its month) or text (``2014-06`` / ``2014-06-30``)."""
    if isinstance(v, Month):
        return v
    if isinstance(v, date):
        return Month.of(v)
    if isinstance(v, str):
        d = as_date(v)
        if d:
            return Month.of(d)
        try:
            return Month.parse(v)
        except ValueError:
            return None
    return None


def as_text(v: Any) -> str | None:
    if isinstance(v, str) and v.strip():
        return v.strip()
    return None


@dataclass(frozen=True)
class Doc:
    """A Document as the draft sees it."""

    material: str | None
    person: str | None
    source: Source
    sure: bool  # the document as a whole: recognised with confidence, and OCR (if any) at or above SURE_OCR
    f: Mapping[str, Any]
    document: Document | None = field(default=None, compare=False, repr=False)
    seen: list[str] | None = field(default=None, compare=False, repr=False)  # only in :meth:`reading`'s own copy

    def key_sure(self, *keys: str) -> bool:
        """Sure for these fields: the document is, and the reader did not list any of them in ``unsure`` (a value
        found without its label or without the shape its field must have)."""
        return self.sure and (self.document is None or all(self.document.confident(k) for k in keys))

    def reading(self, get: Callable[["Doc"], Any]) -> tuple[Any, bool]:
        """``get(doc)`` and whether it is a sure reading: :meth:`key_sure` of the fields ``get`` read. ``get`` is
        handed a copy of this Doc that notes the keys it reads; this Doc keeps no state."""
        seen: list[str] = []
        value = get(replace(self, seen=seen))
        return value, self.key_sure(*seen)

    @classmethod
    def of(cls, d: Document) -> "Doc":
        fields = d.fields or {}
        score = fields.get("ocr_confidence")
        source = Source(file=d.path, page=d.page, material=d.material or "", ocr=bool(d.ocr),
                        score=float(score) if isinstance(score, (int, float)) else None)
        sure = d.confidence >= SURE_CLASS and (not d.ocr or (source.score is not None and source.score >= SURE_OCR))
        return cls(d.material, d.person, source, sure, fields, document=d)

    # typed getters ----------------------------------------------------------------------------------------------
    def _get(self, key: str) -> Any:
        if self.seen is not None:
            self.seen.append(key)
        return self.f.get(key)

    def text(self, key: str) -> str | None:
        return as_text(self._get(key))

    def date(self, key: str) -> date | None:
        return as_date(self._get(key))

    def month(self, key: str) -> Month | None:
        return as_month(self._get(key))

    def texts(self, key: str) -> list[str]:
        return [t for t in (as_text(v) for v in self._get(key) or ()) if t]

    def first(self, key: str) -> str | None:
        values = self.texts(key)
        return values[0] if values else None

    def months(self, key: str) -> list[Month]:
        return sorted({m for m in (as_month(v) for v in self._get(key) or ()) if m})

    def bases(self) -> dict[Month, float]:
        """``si_bases``: Month → yuan."""
        out = {}
        for k, v in (self._get("si_bases") or {}).items():
            m = as_month(k)
            if m is not None and isinstance(v, (int, float)):
                out[m] = float(v)
        return out

    def unit_periods(self) -> list[tuple[str, Month, Month]]:
        out = []
        for item in self._get("si_unit_periods") or ():
            try:
                unit, start, end = item
            except (TypeError, ValueError):
                continue
            a, b = as_month(start), as_month(end)
            if as_text(unit) and a and b:
                out.append((unit.strip(), a, b))
        return out

    def number(self, key: str) -> int | None:
        v = self._get(key)
        return v if isinstance(v, int) and not isinstance(v, bool) else None

    def flag(self, key: str) -> bool | None:
        v = self._get(key)
        return v if isinstance(v, bool) else None
