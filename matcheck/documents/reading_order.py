"""A PDF page's text in reading order, rebuilt from the positions of its text runs when the text layer's own order
is not the reading order.

A text layer lists runs in the order they were *drawn*. Most generators draw top to bottom, but form-filling
software often draws every label first and every value in a second pass, and a two-column table may be drawn
column by column; read in drawing order, ``学校名称`` is followed by ``专业`` and the school comes twenty lines later.
pypdf's text visitor gives each run's position; when the drawing order goes back up the page to a row it has
already written (the sign of a second pass), the page is rebuilt row by row: runs whose baselines are within half
a line of each other form one line, left to right; a wide horizontal gap between two runs becomes a tab (a table
cell boundary, as the DOCX reader writes it). A page drawn in reading order is left exactly as pypdf gives it.
"""

from __future__ import annotations

from dataclasses import dataclass

REVISITS_TO_REBUILD = 3  # runs that start a line on a row already written ...
REVISIT_SHARE = 0.15  # ... and this share of the page's runs (a watermark or a footer drawn out of turn is not)
CELL_GAP = 2.0  # a horizontal gap wider than this many font sizes separates two cells


@dataclass(frozen=True)
class TextRun:
    x: float
    y: float  # PDF user space: larger is higher on the page
    size: float
    text: str


class RunCollector:
    """``visitor_text`` for :meth:`pypdf.PageObject.extract_text`: the position of every non-blank run."""

    def __init__(self) -> None:
        self.runs: list[TextRun] = []

    def __call__(self, text, cm, tm, font_dict, font_size) -> None:
        if not text or not text.strip():
            return
        try:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(tm[3] * cm[3]) or 1.0
            size = float(font_size or 10) * scale
        except (TypeError, IndexError):
            return
        for i, part in enumerate(p for p in text.split("\n") if p.strip()):
            self.runs.append(TextRun(float(x), float(y) - i * size * 1.2, max(size, 1.0), part.strip()))


def out_of_order(runs: list[TextRun]) -> bool:
    """True when many runs start a new line on a row that was already written (a second pass of values, a table
    drawn column by column) or are written to the left of the run before them on the same row: at least :data:`REVISITS_TO_REBUILD` runs and :data:`REVISIT_SHARE` of them. A run that
    continues the row of the run before it, or starts a row never written, is in order (a footer or a watermark
    drawn first or last costs one or two)."""
    revisits = 0
    rows: list[float] = []
    previous: TextRun | None = None
    for run in runs:
        tol = run.size * 0.5
        new_line = previous is None or abs(run.y - previous.y) > tol
        if new_line and any(abs(run.y - r) <= tol for r in rows):
            revisits += 1
        elif not new_line and run.x < previous.x - tol:  # a row written right to left
            revisits += 1
        rows.append(run.y)
        previous = run
    return revisits >= max(REVISITS_TO_REBUILD, REVISIT_SHARE * len(runs))


def rebuild(runs: list[TextRun]) -> str:
    """The runs as lines, top to bottom, left to right; a wide gap between runs becomes a tab."""
    ordered = sorted(runs, key=lambda r: -r.y)
    lines: list[list[TextRun]] = []
    for run in ordered:
        if lines and abs(lines[-1][0].y - run.y) <= max(run.size, lines[-1][0].size) * 0.5:
            lines[-1].append(run)
        else:
            lines.append([run])
    out = []
    for line in lines:
        line.sort(key=lambda r: r.x)
        text = line[0].text
        for prev, run in zip(line, line[1:]):
            end = prev.x + _width(prev.text) * prev.size
            text += ("\t" if run.x - end > CELL_GAP * run.size else "") + run.text
        out.append(text)
    return "\n".join(out)


def _width(text: str) -> float:
    """Approximate advance of ``text`` in font sizes (CJK full width, others about half)."""
    return sum(1.0 if ord(c) > 0x2E80 else 0.55 for c in text)


def page_text(page) -> str:
    """A pypdf page's text, in reading order."""
    collector = RunCollector()
    text = page.extract_text(visitor_text=collector) or ""
    if len(collector.runs) > 3 and out_of_order(collector.runs):
        return rebuild(collector.runs)
    return text
