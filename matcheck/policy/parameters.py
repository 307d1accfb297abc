"""Dated policy parameters, OpenFisca-style, read from ``checklists/policy/``.

Layout (one YAML file per indicator or theme under ``checklists/policy/parameters/``)::

    # checklists/policy/parameters/age.yaml
    description: 年龄 (age) indicator
    full_points_max_age:            # a parameter: a mapping with ``values``
      description: 满30分的最大周岁
      unit: 周岁
      values:
        2013-07-01: {value: 43, source: "rules.md §2.1 (S5, S12, S55)", confidence: B}

A node is either a group (a mapping of nodes, with an optional ``description``) or a parameter (a mapping with
``values``: date it applies from → {value, source, confidence, note?}). ``value`` may be a number, string, bool,
list or mapping (e.g. a table of tiers). ``source`` and ``confidence`` (A/B/C/?) are required on every value;
:func:`lint` reports any that lack them.

``params_at(day)`` gives a :class:`Params` view where ``p["age.full_points_max_age"]`` is the value in force on
``day`` and ``p.ref("age.full_points_max_age")`` is its :class:`ValueRef` (value, date, source, confidence).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator


from matcheck.data import checklists_dir, load_yaml

CONFIDENCES = ("A", "B", "C", "?")


@dataclass(frozen=True)
class ValueRef:
    """One dated value of a parameter, with where it comes from."""

    name: str
    value: Any
    since: date
    source: str
    confidence: str
    note: str | None = None
    unit: str | None = None
    description: str | None = None

    @property
    def uncertain(self) -> bool:
        """True for values resting on a [C] or [?] source: the report must say when a figure depends on one."""
        return self.confidence in ("C", "?")

    def cite(self) -> str:
        return f"{self.source} [{self.confidence}]"


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str | None
    unit: str | None
    values: tuple[ValueRef, ...]  # sorted by ``since``

    def at(self, day: date) -> ValueRef | None:
        current = None
        for v in self.values:
            if v.since <= day:
                current = v
        return current


class PolicyDataError(ValueError):
    """The policy data in checklists/ is malformed (a bug in the data, not in the user's input)."""


def _parameters_dir() -> Path:
    return checklists_dir() / "policy" / "parameters"


def _walk(node: Any, prefix: str, file: str) -> Iterator[Parameter]:
    if not isinstance(node, dict):
        raise PolicyDataError(f"{file}: {prefix or '(top)'}: expected a mapping, got {type(node).__name__}")
    if "values" in node:
        values = []
        raw_values = node["values"]
        if not isinstance(raw_values, dict) or not raw_values:
            raise PolicyDataError(f"{file}: {prefix}.values: expected a mapping of date → value")
        for since, entry in raw_values.items():
            if not isinstance(since, date):
                raise PolicyDataError(f"{file}: {prefix}.values: {since!r} is not a date (YYYY-MM-DD)")
            if not isinstance(entry, dict) or "value" not in entry:
                raise PolicyDataError(f"{file}: {prefix}.values.{since}: expected {{value, source, confidence}}")
            values.append(ValueRef(
                name=prefix, value=entry["value"], since=since, source=str(entry.get("source") or ""),
                confidence=str(entry.get("confidence") or ""), note=entry.get("note"),
                unit=node.get("unit"), description=node.get("description"),
            ))
        values.sort(key=lambda v: v.since)
        yield Parameter(prefix, node.get("description"), node.get("unit"), tuple(values))
        return
    for key, child in node.items():
        if key in ("description", "reference", "documentation"):
            continue
        yield from _walk(child, f"{prefix}.{key}" if prefix else str(key), file)


@lru_cache(maxsize=4)
def load_parameters(directory: Path | None = None) -> dict[str, Parameter]:
    """Every parameter under ``checklists/policy/parameters`` by dotted name (file stem first)."""
    root = directory or _parameters_dir()
    out: dict[str, Parameter] = {}
    for path in sorted(root.glob("*.yaml")):
        data = load_yaml(path) or {}
        for param in _walk(data, path.stem, path.name):
            out[param.name] = param
    return out


class Params:
    """The parameters in force on one day. ``p["social_insurance_years.points_per_year"]``."""

    def __init__(self, day: date, parameters: dict[str, Parameter]):
        self.day = day
        self._parameters = parameters

    def ref(self, name: str) -> ValueRef:
        param = self._parameters.get(name)
        if param is None:
            raise KeyError(f"no policy parameter {name!r} in checklists/policy/parameters")
        ref = param.at(self.day)
        if ref is None:
            raise KeyError(f"policy parameter {name!r} has no value in force on {self.day}")
        return ref

    def __getitem__(self, name: str) -> Any:
        return self.ref(name).value

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default

    def has(self, name: str) -> bool:
        param = self._parameters.get(name)
        return param is not None and param.at(self.day) is not None


def params_at(day: date) -> Params:
    return Params(day, load_parameters())


def lint(parameters: dict[str, Parameter] | None = None) -> list[str]:
    """Problems in the policy data: values without a source, bad confidences. Empty when all is well."""
    problems = []
    for name, param in sorted((parameters or load_parameters()).items()):
        if not param.description:
            problems.append(f"{name}: no description")
        for v in param.values:
            if not v.source.strip():
                problems.append(f"{name} (from {v.since}): value {v.value!r} has no source")
            if v.confidence not in CONFIDENCES:
                problems.append(f"{name} (from {v.since}): confidence {v.confidence!r} is not one of A, B, C, ?")
    return problems
