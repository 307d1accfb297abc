"""The real-world spellings of dates, months, brackets and labels (shared/domain/documents.md §0.2).

A document builder asks a :class:`Variant` (seeded) for one spelling, so that a folder mixes ``2014年07月01日``,
``2014.7.1`` and ``二〇一四年七月一日``, full-width and ASCII brackets, and spaced labels (``姓　　名``), and the
reader is tested against that noise.

``fieldkit/`` (the independent generator) uses the neutral date spellings of this module, never synth's layouts.
"""

from __future__ import annotations

import random
from datetime import date

from matcheck.dates import Month

_DIGITS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    """1–31 in Chinese numerals: 7 → 七, 10 → 十, 21 → 二十一."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def cn_year(y: int) -> str:
    return "".join(_DIGITS[int(c)] for c in str(y))


def ymd_padded(d: date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def ymd(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def ymd_spaced(d: date) -> str:
    """身份证 style: ``1990年 3 月 7 日`` (unpadded, spaces around the numbers)."""
    return f"{d.year}年 {d.month} 月 {d.day} 日"


def dotted(d: date) -> str:
    return f"{d.year}.{d.month:02d}.{d.day:02d}"


def dotted_short(d: date) -> str:
    return f"{d.year}.{d.month}.{d.day}"


def iso(d: date) -> str:
    return d.isoformat()


def chinese(d: date) -> str:
    """``二〇一八年六月三十日`` (issue dates on diplomas and degree certificates)."""
    return f"{cn_year(d.year)}年{cn_number(d.month)}月{cn_number(d.day)}日"


def chinese_month(m: Month) -> str:
    return f"{cn_year(m.year)}年{cn_number(m.month)}月"


def ym_cn(m: Month) -> str:
    return f"{m.year}年{m.month:02d}月"


def ym_cn_short(m: Month) -> str:
    return f"{m.year}年{m.month}月"


def ym_dot(m: Month) -> str:
    return f"{m.year}.{m.month:02d}"


def ym_compact(m: Month) -> str:
    return f"{m.year}{m.month:02d}"


def ym_dash(m: Month) -> str:
    return f"{m.year}-{m.month:02d}"


def ascii_brackets(text: str) -> str:
    return text.replace("（", "(").replace("）", ")")


def spaced_label(label: str) -> str:
    """Two-character labels padded with ideographic spaces to the width of four: ``姓名`` → ``姓　　名``."""
    return f"{label[0]}　　{label[1]}" if len(label) == 2 else label


class Variant:
    """Seeded choices among real-world spellings; one per document so that a folder mixes them."""

    def __init__(self, seed: int | str):
        self.rng = random.Random(f"variant:{seed}")
        self.ascii = self.rng.random() < 0.35
        self.spaced = self.rng.random() < 0.4

    def date(self, d: date, *choices) -> str:
        """One of ``choices`` (formatting functions), default: the three common 年月日/dotted spellings."""
        return self.rng.choice(choices or (ymd_padded, ymd, dotted_short))(d)

    def brackets(self, text: str) -> str:
        return ascii_brackets(text) if self.ascii else text

    def label(self, text: str) -> str:
        return spaced_label(text) if self.spaced else text

    def pick(self, *options):
        return self.rng.choice(options)
