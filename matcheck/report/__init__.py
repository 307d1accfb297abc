"""Renderers: one small interface, one class per output format, picked by name (pip-audit style).

Every renderer turns a frozen result into text. A format that does not support a kind of result (e.g. SARIF for
``score``) is refused with a clear usage error (exit 2). Binary documents (the DOCX/PDF form and checklist sheet)
are written by :mod:`matcheck.form`, not here.
"""

from __future__ import annotations

import importlib

from matcheck.errors import UsageError
from matcheck.report.base import Renderer

# format name → "module:Class" (imported only when used, so start-up stays light)
FORMATS: dict[str, str] = {
    "text": "matcheck.report.text:TextRenderer",
    "json": "matcheck.report.json_format:JsonRenderer",
    "markdown": "matcheck.report.markdown:MarkdownRenderer",
    "sarif": "matcheck.report.sarif:SarifRenderer",
    "junit": "matcheck.report.junit:JunitRenderer",
}


def renderer(name: str, kind: str) -> Renderer:
    """The renderer for format ``name``; UsageError if unknown or if it cannot render ``kind``."""
    target = FORMATS.get(name)
    if target is None:
        raise UsageError(f"--format: {name!r} is not one of: {', '.join(FORMATS)}")
    module_name, cls_name = target.split(":")
    try:
        cls = getattr(importlib.import_module(module_name), cls_name)
    except ModuleNotFoundError:
        raise UsageError(f"--format: {name!r} is not available in this build") from None
    instance: Renderer = cls()
    if kind not in instance.kinds:
        raise UsageError(f"--format: {name!r} cannot render `{kind}`; use one of: "
                         + ", ".join(n for n in FORMATS if n == "text" or n == "json" or kind in _kinds(n)))
    return instance


def _kinds(name: str) -> frozenset[str]:
    module_name, cls_name = FORMATS[name].split(":")
    try:
        return getattr(importlib.import_module(module_name), cls_name).kinds
    except ModuleNotFoundError:
        return frozenset()


__all__ = ["FORMATS", "Renderer", "renderer"]
