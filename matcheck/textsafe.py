"""Untrusted text made safe to show (终端、CSV、HTML、XML): the one escaping helper every renderer uses.

Text matcheck did not write — file names, a document's text quoted in a finding, profile keys and values — may
hold terminal control sequences (ESC ``\\x1b[2J``, OSC ``\\x1b]8;;…``), C1 controls (U+0080–U+009F, which some
terminals obey as ESC), raw newlines that would break a one-line field, NUL, bidirectional overrides that make a
name read backwards, and lone surrogates (a file name that is not UTF-8). :func:`escape_control` turns each of them
into a visible escape (``\\x1b``, ``\\u202e``), so what is printed is exactly what is there and nothing acts on the
terminal, a spreadsheet or an XML parser.

* ``one_line=True`` (a file name, a table cell, a summary row): newlines and tabs are escaped too;
* ``one_line=False`` (a multi-line report body): ``\\n`` and ``\\t`` stay, everything else is escaped.

:func:`json_text` dumps JSON that stays valid UTF-8 whatever the names (a lone surrogate is written as its
``\\udcXX`` escape and reads back as the same string). This module imports nothing from matcheck.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 (but \t \n), DEL, C1, the bidi embeddings/overrides/isolates, line/paragraph separators, BOM/ZWNBSP in text,
# and lone surrogates
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
                     "\ud800-\udfff]")
_UNSAFE_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
                              "\ud800-\udfff]")
# what json.dumps(ensure_ascii=False) leaves raw but a terminal may act on, and lone surrogates
_JSON_RAW = re.compile("[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_one(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_control(text: Any, *, one_line: bool = True) -> str:
    """``text`` with every control character escaped visibly (see the module docstring); ``None`` → ``""``."""
    if text is None:
        return ""
    s = text if isinstance(text, str) else str(text)
    return (_UNSAFE_ONE_LINE if one_line else _UNSAFE).sub(_escape_one, s)


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters: a longer text keeps its start and says how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit} more characters)"


def json_text(data: Any, *, indent: int | None = 2) -> str:
    """JSON with non-ASCII text as is (Chinese stays readable); lone surrogates (``\\udcXX``), C1 controls and
    bidi overrides as escapes, so the result always encodes as UTF-8, a terminal showing it obeys nothing in it,
    and ``json.loads`` gives back exactly the same strings."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
