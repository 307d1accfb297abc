"""A module's imports come before its first definition (PEP 8): a function defined between imports hides what the
module depends on (batch/html.py had its escape function there)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_module_imports_after_a_definition() -> None:
    late = []
    for path in sorted((ROOT / "matcheck").rglob("*.py")):
        defined = None
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and defined is None:
                defined = node.name
            elif isinstance(node, (ast.Import, ast.ImportFrom)) and defined is not None:
                late.append(f"{path.relative_to(ROOT)}:{node.lineno} after {defined}")
    assert late == []
