"""Turning the frozen result records into plain JSON-ready data (one place, used by every JSON-ish format)."""

from __future__ import annotations

import dataclasses
from matcheck.textsafe import json_text
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, Mapping

from matcheck.dates import Month


def to_data(obj: Any) -> Any:
    """Dataclasses → dicts, dates → ISO strings, months → ``YYYY-MM``, tuples/sets → lists."""
    if isinstance(obj, Month):  # before the dataclass case: a Month is a (frozen) dataclass too
        return str(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, Path):
        return obj.as_posix()
    if isinstance(obj, Mapping):
        return {str(k): to_data(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        items = [to_data(v) for v in obj]
        return sorted(items, key=str) if isinstance(obj, (set, frozenset)) else items
    return obj


def dumps(data: Any) -> str:
    return json_text(to_data(data))
