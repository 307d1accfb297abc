"""What the YAML case runners share (rule cases, checklist cases, golden applicants): how a case's partial profile
is laid over its base."""

from __future__ import annotations

import copy
from typing import Any


def deep_merge(base: Any, over: Any) -> Any:
    """Mappings merge key by key; anything else (lists included) replaces. Neither input is changed."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = deep_merge(base.get(key), value) if key in base else copy.deepcopy(value)
        return out
    return copy.deepcopy(over)
