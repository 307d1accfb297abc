"""Searching rendered output for ID numbers that masking should have hidden (shared by the leak tests)."""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable

_ID = re.compile(r"(?<![0-9])[1-9]\d{16}[\dXx](?![0-9])")
_MASKED = re.compile(r"(?<![0-9])(\d{6})\*{8}(\d{3}[\dX])(?![0-9])")


def ids_in(text: str) -> set[str]:
    """Every plausible full ID number in ``text`` (birth year 1900-2099, a real date)."""
    found = set()
    for m in _ID.finditer(text):
        v = m.group(0).upper()
        try:
            date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
        except ValueError:
            continue
        if 1900 <= int(v[6:10]) < 2100:
            found.add(v)
    return found


def date_forms(born: date) -> list[str]:
    y, m, d = born.year, born.month, born.day
    return [f"{y}-{m:02d}-{d:02d}", f"{y}年{m}月{d}日", f"{y}年{m:02d}月{d:02d}日", f"{y}.{m:02d}.{d:02d}",
            f"{y}/{m:02d}/{d:02d}", f"{y}{m:02d}{d:02d}"]


def leaks(text: str, known_ids: Iterable[str]) -> list[str]:
    """What in ``text`` gives an ID number away: the number itself (plain, spaced, glued to other digits), or the
    birth date of a number that is shown masked."""
    found = []
    squeezed = re.sub(r"(?<=\d)[ \-\u3000](?=\d)", "", text)
    for full in known_ids:
        if full in text or full in squeezed:
            found.append(f"full ID {full[:6]}…")
    for m in _MASKED.finditer(text):
        for full in known_ids:
            if full.startswith(m.group(1)) and full.endswith(m.group(2)):
                born = date(int(full[6:10]), int(full[10:12]), int(full[12:14]))
                for form in date_forms(born):
                    if form in text:
                        found.append(f"birth date {form} beside masked {m.group(0)}")
    return found
