"""Masking of personal identifiers in rendered output (privacy: ID numbers masked by default).

A masked number keeps the region code and the last four characters (``320102********4514``). That only protects
the person if nothing else in the same output gives the masked digits back, so:

* **every** run that looks like a 公民身份号码 (a real birth date in digits 7–14) is masked, wherever it sits and
  whatever its check digit: alone, written in groups (``320102 19920315 4514``, ``3201-0219-9203-1545-14``: a run
  of digit groups with single spaces or hyphens that adds up to exactly 17 digits and a check character), or glued
  to other digits (``20241105320102199203154514.pdf``: every 18-digit window with a real birth date and a valid
  check digit is masked);
* the birth date of every number masked in a text is masked too wherever it appears in that text
  (``1992-03-15``, ``1992年3月15日``, ``1992.03.15``, ``19920315``), so a JSON ``"birth_date"`` or a list of
  dates found on an ID card cannot restore the number.
"""

from __future__ import annotations

import contextvars
import re
from contextlib import contextmanager
from datetime import date
from typing import Any, Callable, Iterable, Iterator, Optional, TypeVar

from matcheck.identity import id_check_char

_FULLWIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"Ｘ": "X", "ｘ": "X"})
_D = "0-9\uff10-\uff19"
# digit groups joined by single separators; an X (the check character) may close the run
_RUN = re.compile(rf"(?<![{_D}])[{_D}]+(?:[ \u3000\-][{_D}]+)*[XxＸｘ]?(?![{_D}])")
_SEP = frozenset(" \u3000-")
YEARS = range(1900, 2100)  # a window whose 7th-10th digits are no such year is not taken for a birth date


def _windows(digits: str, separated: bool) -> list[int]:
    """Starts of the 18-character windows of ``digits`` that are to be masked: a real birth date in a plausible
    year, whatever the check digit; inside a longer run of digits, a valid check digit too (a long serial number
    holds many windows with a date-like middle)."""
    if separated:  # grouped digits: the whole run must be one number
        candidates = [0] if len(digits) == 18 else []
    else:
        candidates = list(range(0, len(digits) - 17))
    out = []
    for start in candidates:
        window = digits[start:start + 18]
        if "X" in window[:17] or int(window[6:10]) not in YEARS:
            continue
        try:
            date(int(window[6:10]), int(window[10:12]), int(window[12:14]))
        except ValueError:
            continue
        if len(candidates) > 1 and id_check_char(window[:17]) != window[17]:
            continue
        out.append(start)
    return out


def mask_pii(text: str, births: Iterable[date] = ()) -> str:
    """Mask every ID-number-like run in ``text`` and the birth dates they carry (module docstring); ``births``:
    birth dates of numbers masked elsewhere in the same output (a table cell masked as it was laid out)."""
    return _mask(text, births)[0]


_Text = TypeVar("_Text", str, Optional[str])


def masked(text: _Text, show_pii: bool) -> _Text:
    """``text`` as any output shows it: ID numbers masked (:func:`mask_pii`) unless ``show_pii`` (--show-pii);
    None stays None."""
    return text if show_pii or text is None else mask_pii(text)


def render_masked(render: Callable[[], str], show_pii: bool) -> str:
    """A report rendered with ID numbers masked (each table cell as it is laid out, then the whole text, of those
    numbers' birth dates too), unless ``show_pii``."""
    with pii_shown(show_pii) as births:
        text = render()
    return text if show_pii else mask_pii(text, births)


def mask_pii_values(value: Any) -> Any:
    """``value`` (JSON-like: dicts, lists, strings, numbers) with :func:`mask_pii` applied to every string in it,
    the birth dates of numbers masked in any string masked in all of them. Numbers are left alone: masking the
    rendered JSON text instead would turn a long integer (a file's mtime in nanoseconds can hold an ID-like
    window) into something that is no longer JSON."""
    births: set[date] = set()

    def strings(v: Any) -> Iterator[str]:
        if isinstance(v, str):
            yield v
        elif isinstance(v, dict):
            for k, item in v.items():
                yield from strings(k)
                yield from strings(item)
        elif isinstance(v, (list, tuple)):
            for item in v:
                yield from strings(item)

    for text in strings(value):
        births |= _mask(text)[1]

    def masked(v: Any) -> Any:
        if isinstance(v, str):
            return mask_pii(v, births)
        if isinstance(v, dict):
            return {masked(k): masked(item) for k, item in v.items()}
        if isinstance(v, (list, tuple)):
            return [masked(item) for item in v]
        return v

    return masked(value)


def _mask(text: str, known: Iterable[date] = ()) -> tuple[str, set[date]]:
    masked = list(text)
    births: set[date] = set()
    for m in _RUN.finditer(text):
        run = m.group(0)
        positions = [m.start() + i for i, ch in enumerate(run) if ch not in _SEP]
        if len(positions) < 18:
            continue
        digits = "".join(text[p] for p in positions).translate(_FULLWIDTH).upper()
        for start in _windows(digits, separated=len(positions) != len(run)):
            window = digits[start:start + 18]
            try:
                births.add(date(int(window[6:10]), int(window[10:12]), int(window[12:14])))
            except ValueError:
                pass
            for p in positions[start + 6:start + 14]:
                masked[p] = "*"
            if window[17] == "X":
                masked[positions[start + 17]] = "X"  # the check character as it is printed (x → X)
    out = "".join(masked)
    every = births | set(known)
    return (_mask_dates(out, every) if every else out), births


def _mask_dates(text: str, births: set[date]) -> str:
    for born in births:
        y, m, d = born.year, born.month, born.day
        pattern = re.compile(rf"(?<![{_D}]){y}(?:(?P<sep>[-./年])0?{m}(?:(?P=sep)|月)0?{d}日?|{m:02d}{d:02d})"
                             rf"(?![{_D}])")
        text = pattern.sub(lambda mt: re.sub(f"[{_D}]", "*", mt.group(0)), text)
    return text


# Text reports lay names out in tables that wrap long cells, which can split a number over two lines where no
# later pass would find it: each cell is masked as it is laid out (report/text/console.py), unless --show-pii.
# The birth dates of the numbers masked cell by cell are collected, so the whole output is masked of them after.
_SHOWN: contextvars.ContextVar[tuple[bool, set[date]] | None] = contextvars.ContextVar("matcheck_show_pii",
                                                                                        default=None)


@contextmanager
def pii_shown(show: bool) -> Iterator[set[date]]:
    """Within this block, :func:`mask_unless_shown` leaves ID numbers as they are when ``show`` (--show-pii);
    yields the birth dates of the numbers it masked (pass them to :func:`mask_pii` for the whole output)."""
    births: set[date] = set()
    token = _SHOWN.set((show, births))
    try:
        yield births
    finally:
        _SHOWN.reset(token)


def mask_unless_shown(text: str) -> str:
    state = _SHOWN.get()
    if state is not None and state[0]:
        return text
    out, births = _mask(text, state[1] if state is not None else ())
    if state is not None:
        state[1].update(births)
    return out
