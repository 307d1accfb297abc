"""The one interface every output format implements."""

from __future__ import annotations

from typing import ClassVar

from matcheck.results import Checklist, CheckReport, Document, Finding, Score


class Renderer:
    """Subclasses set ``kinds`` to what they can render and implement those methods."""

    kinds: ClassVar[frozenset[str]] = frozenset()

    def score(self, score: Score, findings: tuple[Finding, ...], lang: str = "zh") -> str:
        raise NotImplementedError

    def checklist(self, checklist: Checklist, lang: str = "zh") -> str:
        raise NotImplementedError

    def check(self, report: CheckReport, lang: str = "zh") -> str:
        raise NotImplementedError

    def scan(self, documents: tuple[Document, ...], lang: str = "zh") -> str:
        raise NotImplementedError
