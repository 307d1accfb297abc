"""The 个税 window (纳税记录须覆盖的月份): which months the records must cover, and which a folder's records do.

One definition for the checklist's wording (:mod:`matcheck.checks.validity`), the folder check
(:mod:`matcheck.gaps`) and ``tax-months-incomplete``.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from matcheck.dates import Month, month_range
from matcheck.policy import Params
from matcheck.results import Document, field_list


def tax_window(as_of: date, params: Params) -> tuple[Month, ...]:
    """The months the 个税 records must cover: ``window_months`` months ending ``window_end_lag_months`` before
    the as_of month (as_of 2026-11-20 → 2026-05 … 2026-10)."""
    n = int(params["rules_folder.tax_record.window_months"])
    last = Month.of(as_of) - int(params["rules_folder.tax_record.window_end_lag_months"])
    return tuple(month_range(last - (n - 1), last))


def months_covered(docs: Iterable[Document]) -> set[Month]:
    out: set[Month] = set()
    for d in docs:
        for m in field_list(d, "tax_months"):
            out.add(m if isinstance(m, Month) else Month.parse(str(m)))
    return out
