"""Masking of personal identifiers in rendered output (privacy: ID numbers masked by default)."""

from __future__ import annotations

import re

from matcheck.identity import is_valid_id_number, mask_id_number

# Bounded by non-digits only: a letter next to the number (``ID320102….jpg``, ``a3201….pdf``) must not hide it.
_ID_CANDIDATE = re.compile(r"(?<![0-9])(\d{17}[\dXx])(?![0-9])")


def mask_pii(text: str) -> str:
    """Mask every checksum-valid 18-digit ID number in ``text`` (``320102********4514``)."""

    def repl(m: re.Match[str]) -> str:
        value = m.group(1)
        return mask_id_number(value) if is_valid_id_number(value) else value

    return _ID_CANDIDATE.sub(repl, text)
