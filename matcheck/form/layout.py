"""The printable sheet as data: a title, an optional cover, then sections → rows → labelled cells.

Both printable documents (the 积分申请表 and the 材料核对清单) are built as a :class:`FormModel` by pure functions;
the DOCX and PDF writers only lay it out. Every section has fixed relative column widths (they sum to 1), so a long
value wraps inside its cell instead of pushing the table off the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from matcheck.dates import Month

CHECKED, UNCHECKED = "■", "□"  # both are in wqy-microhei; ☑/☐ are not
TO_VERIFY = "【待核实】"


@dataclass(frozen=True)
class Cell:
    """One box of a table. ``label`` cells are printed shaded and bold; ``key`` names the profile fact it shows."""

    text: str = ""
    span: int = 1
    label: bool = False
    key: str | None = None
    align: Literal["left", "center"] = "left"
    small: bool = False
    large: bool = False  # a box to tick by hand


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    header: bool = False  # repeated at the top of each page the section runs on
    min_height_mm: float | None = None  # room to sign or to put a seal


@dataclass(frozen=True)
class Section:
    title: str
    widths: tuple[float, ...]  # relative column widths, summing to 1
    rows: tuple[Row, ...]
    page_break_before: bool = False
    note: str | None = None  # a line under the title, e.g. how to fill it in
    prose: bool = False  # full-width cells are running text (a pledge), printed with a first-line indent

    def __post_init__(self) -> None:
        if abs(sum(self.widths) - 1.0) > 1e-6:
            raise ValueError(f"section {self.title!r}: widths sum to {sum(self.widths)}, not 1")
        for row in self.rows:
            if sum(c.span for c in row.cells) != len(self.widths):
                raise ValueError(f"section {self.title!r}: a row spans {sum(c.span for c in row.cells)} columns, "
                                 f"not {len(self.widths)}")

    @property
    def header_rows(self) -> int:
        n = 0
        for row in self.rows:
            if not row.header:
                break
            n += 1
        return n


@dataclass(frozen=True)
class Cover:
    """The cover page: the form's title, label/value lines and the issuing office."""

    title: str
    lines: tuple[tuple[str, str], ...]
    issuer: str
    note: str | None = None


@dataclass(frozen=True)
class FormModel:
    title: str
    sections: tuple[Section, ...]
    cover: Cover | None = None
    subtitle: str | None = None
    footnote: str | None = None
    to_verify: tuple[str, ...] = ()  # profile paths printed as 【待核实】
    meta: dict[str, Any] = field(default_factory=dict)

    def cells(self) -> list[Cell]:
        return [c for s in self.sections for r in s.rows for c in r.cells]

    def value_of(self, key: str) -> str | None:
        """The text printed for the profile fact ``key`` (first occurrence), or None."""
        return next((c.text for c in self.cells() if c.key == key), None)


# --------------------------------------------------------------------------- value formatting


def fmt_date(d: date | None) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日" if d else ""


def fmt_month(m: Month | None, present: str = "") -> str:
    return f"{m.year}年{m.month:02d}月" if m else present


def fmt_bool(v: bool | None) -> str:
    return "" if v is None else ("是" if v else "否")


def yes_no_boxes(v: bool | None) -> str:
    """``■是 □否``: the answer ticked, or both boxes empty when the fact is not given."""
    yes = CHECKED if v is True else UNCHECKED
    no = CHECKED if v is False else UNCHECKED
    return f"{yes}是　{no}否"


def label(text: str, span: int = 1) -> Cell:
    return Cell(text, span=span, label=True)


def value(text: str, key: str | None = None, span: int = 1, align: Literal["left", "center"] = "left") -> Cell:
    return Cell(text, span=span, key=key, align=align)
