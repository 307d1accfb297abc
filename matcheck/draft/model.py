"""The records of a draft profile: every fact with where it was read and how sure the reading was.

A :class:`Fact` is one profile value at a profile path (``applicant.id_number``, ``education[1].end``,
``social_insurance[0].from``). Its status says what the draft may do with it:

* ``read``     — every reading agrees and each was sure (text layer, or OCR at or above the threshold): filled in;
* ``unsure``   — only unsure readings (low OCR score, a value that failed a plausibility check): left ``待核实``, the
  reading shown in the comment for the officer to check against the original;
* ``conflict`` — documents disagree (two graduation months for one record, two withholding units): left ``待核实``
  with every value and its file in the comment, never a silent pick;
* ``missing``  — nothing in the folder gives it: ``待核实`` with the document that would.

A :class:`Draft` is the ordered facts plus the claims no document can show (left out, with how to add them).
Everything here is frozen; :mod:`matcheck.draft.build` makes it and :mod:`matcheck.draft.render` writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

Status = Literal["read", "unsure", "conflict", "missing"]


@dataclass(frozen=True)
class Source:
    """Where a value was read: the file (and page, for a PDF holding several documents), what it is, how."""

    file: str
    page: int | None
    material: str
    ocr: bool
    score: float | None  # the OCR score (0-1) when the text came from OCR

    @property
    def where(self) -> str:
        return f"{self.file}" + (f" 第{self.page}页" if self.page else "")

    @property
    def how(self) -> str:
        if not self.ocr:
            return "文字层"
        return f"OCR {self.score:.2f}" if self.score is not None else "OCR"


@dataclass(frozen=True)
class Reading:
    """One value as one document gives it."""

    value: Any
    source: Source
    sure: bool
    remark: str = ""  # e.g. "印在有效期限一栏"


@dataclass(frozen=True)
class Fact:
    path: str  # the profile path, e.g. "education[1].end"
    value: Any  # None: 待核实
    status: Status
    readings: tuple[Reading, ...] = ()
    note: str = ""  # for missing: which document gives it; otherwise a remark

    @property
    def filled(self) -> bool:
        return self.status == "read" and self.value is not None


@dataclass(frozen=True)
class Draft:
    """A draft profile: the facts in profile order, the remarks on the folder, and the as_of it was drafted for."""

    as_of: date
    facts: tuple[Fact, ...]
    remarks: tuple[str, ...] = ()  # folder-level: who the applicant was taken to be, documents not used, ...

    def fact(self, path: str) -> Fact | None:
        return next((f for f in self.facts if f.path == path), None)

    def counts(self) -> dict[str, int]:
        out = {"read": 0, "unsure": 0, "conflict": 0, "missing": 0}
        for f in self.facts:
            out[f.status] += 1
        return out
