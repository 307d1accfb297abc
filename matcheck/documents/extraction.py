"""The record an extractor hands back for one file (what the cache stores): page texts, OCR or not, image
measurements, and the problems met while reading. Classification, fields and "whose" are computed from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageText:
    text: str
    ocr: bool = False
    confidence: float | None = None  # mean OCR confidence, for OCR'd pages


@dataclass
class Extraction:
    file_type: str
    pages: list[PageText] = field(default_factory=list)
    page_count: int | None = None
    image: dict[str, Any] | None = None  # {"width", "height", "sharpness", "contrast", "blank"}
    problems: list[dict[str, Any]] = field(default_factory=list)  # [{"rule": ..., "args": {...}}]
    engine: str | None = None  # the OCR engine that read the OCR'd pages (matcheck.documents.ocr.engine_tag)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)

    @property
    def ocr(self) -> bool:
        return any(p.ocr for p in self.pages)

    def problem(self, rule: str, reason: str, detail: str = "", **args: Any) -> "Extraction":
        self.problems.append({"rule": rule, "args": {"reason": reason, "detail": detail, **args}})
        return self

    def unreadable(self, reason: str, detail: str = "") -> "Extraction":
        return self.problem("unreadable-file", reason, detail)

    def to_json(self) -> dict[str, Any]:
        return {"file_type": self.file_type, "page_count": self.page_count, "image": self.image,
                "problems": self.problems, "engine": self.engine,
                "pages": [{"text": p.text, "ocr": p.ocr, "confidence": p.confidence} for p in self.pages]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Extraction":
        return cls(file_type=data["file_type"], page_count=data.get("page_count"), image=data.get("image"),
                   problems=list(data.get("problems") or ()), engine=data.get("engine"),
                   pages=[PageText(p["text"], bool(p.get("ocr")), p.get("confidence")) for p in data["pages"]])
