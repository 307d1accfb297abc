"""Every observation a stage emits is keyed by the name of a registered rule, so none is silently dropped.

Read from the source (:mod:`ast`): the first argument of every ``Observation(...)`` call and every ``"rule": ...``
entry of a problem dict in ``matcheck/``. A string literal there is refused outside the folder reader (the rule
name constants live in :mod:`matcheck.rule_names`); every value, literal or constant, must be a rule's NAME.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from matcheck import rule_names
from matcheck.rules import RULES

ROOT = Path(__file__).resolve().parents[2]
READER = "matcheck/documents/"  # the reader's problem dicts ({"rule": ...}) name rules too


def _emitted() -> list[tuple[str, int, str, ast.expr]]:
    out = []
    for path in sorted((ROOT / "matcheck").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        module = rel[:-3].replace("/", ".").removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Observation"
                    and node.args):
                out.append((rel, node.lineno, module, node.args[0]))
            elif isinstance(node, ast.Dict) and rel.startswith(READER):  # the reader's problem dicts
                for key, value in zip(node.keys, node.values):
                    if isinstance(key, ast.Constant) and key.value == "rule" and value is not None:
                        out.append((rel, node.lineno, module, value))
    return out


EMITTED = _emitted()


def _value(module: str, expr: ast.expr) -> object:
    """The value of a constant expression (a literal, a module constant, ``rule_names.X``) in ``module``."""
    if isinstance(expr, ast.Constant):
        return expr.value
    return eval(compile(ast.Expression(expr), module, "eval"), vars(importlib.import_module(module)))  # noqa: S307


def test_the_reader_of_emitters_finds_them() -> None:
    files = {rel for rel, *_ in EMITTED}
    assert {"matcheck/scoring/eligibility.py", "matcheck/scoring/bonus.py", "matcheck/documents/reader.py"} <= files


def test_every_rule_name_constant_is_a_registered_rule() -> None:
    names = {v for k, v in vars(rule_names).items() if k.isupper()}
    assert names and names <= set(RULES), names - set(RULES)


RE_KEYING = {"matcheck/rules/base.py", "matcheck/documents/reader.py", "matcheck/documents/cache.py",
             "matcheck/documents/extraction.py"}  # pass on a name made elsewhere (checked there)


def _is_constant(expr: ast.expr) -> bool:
    return (isinstance(expr, ast.Constant) or (isinstance(expr, ast.Name) and expr.id.isupper())
            or (isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name)
                and expr.value.id == "rule_names"))


@pytest.mark.parametrize("rel, line, module, expr", EMITTED, ids=[f"{r}:{n}" for r, n, *_ in EMITTED])
def test_every_emitted_observation_names_a_registered_rule(rel: str, line: int, module: str, expr: ast.expr) -> None:
    if isinstance(expr, ast.Constant):
        pytest.fail(f"{rel}:{line}: an observation named by a string literal; use matcheck.rule_names")
    if _is_constant(expr):
        name = _value(module, expr)
        assert name in RULES, f"{rel}:{line}: {name!r} is not a registered rule"
    else:
        assert rel in RE_KEYING, f"{rel}:{line}: cannot tell which rule {ast.unparse(expr)} names; use a constant"
