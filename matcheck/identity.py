"""Identifier checks: 公民身份号码 (GB 11643-1999) and 统一社会信用代码 (GB 32100-2015).

See shared/domain/documents.md §12. Also the masking used in every default output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_RE = re.compile(r"^\d{17}[\dX]$")

_CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")

_FULLWIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"Ｘ": "X", "ｘ": "X"})


def normalise_id_number(text: str) -> str:
    """Strip spaces, convert full-width digits and x/ｘ to the canonical form."""
    return re.sub(r"[\s\-]", "", text).translate(_FULLWIDTH).upper()


def id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


@dataclass(frozen=True)
class IdNumber:
    """A checked 18-digit 公民身份号码."""

    value: str
    birth_date: date
    sex: str  # "男" | "女"

    @property
    def province_code(self) -> str:
        return self.value[:2]


def id_number_problem(text: str) -> str | None:
    """Why ``text`` is not a valid 18-digit ID number, or None if it is."""
    v = normalise_id_number(text)
    if len(v) != 18:
        return f"has {len(v)} characters, expected 18"
    if not _ID_RE.match(v):
        return "must be 17 digits followed by a digit or X"
    try:
        date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        return f"birth date {v[6:14]} is not a real date"
    if id_check_char(v[:17]) != v[17]:
        return f"check digit is {v[17]}, expected {id_check_char(v[:17])} (GB 11643)"
    return None


def parse_id_number(text: str) -> IdNumber:
    problem = id_number_problem(text)
    if problem:
        raise ValueError(problem)
    v = normalise_id_number(text)
    birth = date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    return IdNumber(v, birth, "男" if int(v[16]) % 2 else "女")


def is_valid_id_number(text: str) -> bool:
    return id_number_problem(text) is None


def credit_code_check_char(first17: str) -> str:
    total = sum(_CREDIT_CHARSET.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS))
    return _CREDIT_CHARSET[(31 - total % 31) % 31]


def normalise_credit_code(text: str) -> str:
    return re.sub(r"[\s\-]", "", text).translate(_FULLWIDTH).upper()


def credit_code_problem(text: str) -> str | None:
    """Why ``text`` is not a valid 统一社会信用代码, or None if it is."""
    v = normalise_credit_code(text)
    if len(v) != 18:
        return f"has {len(v)} characters, expected 18"
    if not _CREDIT_RE.match(v):
        return "has characters outside the GB 32100 set (no I, O, S, V, Z)"
    if credit_code_check_char(v[:17]) != v[17]:
        return f"check character is {v[17]}, expected {credit_code_check_char(v[:17])} (GB 32100)"
    return None


def is_valid_credit_code(text: str) -> bool:
    return credit_code_problem(text) is None


def mask_id_number(value: str | None) -> str | None:
    """``320102199203154514`` → ``320102********4514``: enough to tell people apart, not to reuse."""
    if not value:
        return value
    v = normalise_id_number(value)
    if len(v) < 10:
        return "*" * len(v)
    return v[:6] + "*" * (len(v) - 10) + v[-4:]


def mask_name(name: str | None) -> str | None:
    """``李明`` → ``李*``; ``欧阳小明`` → ``欧***``."""
    if not name:
        return name
    return name[0] + "*" * (len(name) - 1)
