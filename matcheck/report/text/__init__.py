"""The human report (rich): one mixin per kind of result, each in its own module."""

from __future__ import annotations

from matcheck.report.base import Renderer
from matcheck.report.text.check_text import CheckText
from matcheck.report.text.checklist_text import ChecklistText
from matcheck.report.text.scan_text import ScanText
from matcheck.report.text.score_text import ScoreText


class TextRenderer(ScoreText, ChecklistText, CheckText, ScanText, Renderer):
    kinds = frozenset({"score", "checklist", "check", "scan"})
