"""The one dialect and the one loader of the YAML cases: rule cases (``tests/rules/cases``), checklist cases
(``tests/checklist/cases``) and golden applicants (``tests/scoring/golden``).

A case file::

    # what the cases are about, with sources (comments are kept: golden numbers are worked by hand there)
    rule: overlapping-study      # rule cases only: the rule whose findings are compared
    base: {...}                  # optional: the profile every case patches; else the suite's base_profile.yaml
    x-files: [&form {...}, ...]  # optional, any x-* key: YAML anchors the cases refer to (*form); not read
    cases:
      - name: 本科 starts after 大专 ends — passes
        as_of: 2026-11-20        # optional: the assessment date; else the profile's
        policy: "2023"           # optional: --policy; else the profile's, else the version in force
        profile: {...}           # a patch deep-merged onto the base (mappings merge, lists replace)
        documents: [...]         # rule cases only, optional: the folder's documents; the folder rules run too
        config: {...}            # rule cases only, optional: a RuleConfig (severity, disabled)
        expect: ...              # what the suite checks: rule findings (a list of finding patterns), checklist
                                 # lines ({present: [...], absent: [...]}), a score ({total, indicators, ...})

Every case becomes a :class:`Case`; :meth:`Case.assessment` is how every runner turns it into the REAL
:class:`~matcheck.assessment.Assessment` the pipeline's stages read.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

FILE_KEYS = frozenset({"rule", "base", "cases"})
CASE_KEYS = frozenset({"name", "as_of", "policy", "profile", "documents", "config", "expect"})
BASE_FILE = "base_profile.yaml"


def deep_merge(base: Any, over: Any) -> Any:
    """Mappings merge key by key; anything else (lists included) replaces. Neither input is changed."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = deep_merge(base.get(key), value) if key in base else copy.deepcopy(value)
        return out
    return copy.deepcopy(over)


@dataclass(frozen=True)
class Case:
    """One case of a case file, its profile already laid over the file's base."""

    id: str  # "<file stem>: <name>", the pytest id
    name: str
    file: Path
    rule: str | None  # the file's rule (rule cases)
    data: dict[str, Any] = field(repr=False)  # the profile: the base deep-merged with the case's patch
    as_of: date | None = None
    policy: str | None = None
    documents: list[dict[str, Any]] | None = field(default=None, repr=False)  # None: no folder
    config: dict[str, Any] = field(default_factory=dict)
    expect: Any = None

    def profile(self):
        from matcheck.profile import parse_profile

        return parse_profile(copy.deepcopy(self.data), source=f"case {self.id!r}")

    def assessment(self):
        """The assessment of the case's profile on its as_of under its policy (each else the profile's)."""
        from matcheck.assessment import assess

        return assess(self.profile(), self.as_of, self.policy)


def _check_keys(where: str, got: Any, allowed: frozenset[str], extensions: bool = False) -> None:
    if not isinstance(got, dict):
        raise ValueError(f"{where}: a mapping expected, got {type(got).__name__}")
    unknown = {k for k in set(got) - allowed if not (extensions and str(k).startswith("x-"))}
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}; the case dialect has {sorted(allowed)}")


def load_case_file(path: Path, default_base: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[Case]]:
    """The raw file (keys checked) and its cases."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    _check_keys(str(path), raw, FILE_KEYS, extensions=True)
    base = raw.get("base") if "base" in raw else (default_base or {})
    cases = []
    for item in raw.get("cases") or ():
        _check_keys(f"{path}: case {item.get('name')!r}" if isinstance(item, dict) else str(path), item, CASE_KEYS)
        data = deep_merge(base or {}, item.get("profile") or {})
        if item.get("as_of"):
            data["as_of"] = item["as_of"]
        policy = item.get("policy")
        cases.append(Case(
            id=f"{path.stem}: {item['name']}", name=item["name"], file=path, rule=raw.get("rule"), data=data,
            as_of=item.get("as_of"), policy=None if policy is None else str(policy),
            documents=list(item.get("documents") or ()) if "documents" in item else None, config=item.get("config") or {},
            expect=item.get("expect")))
    names = [c.name for c in cases]
    if len(names) != len(set(names)):
        raise ValueError(f"{path}: case names repeat")
    return raw, cases


def load_suite(directory: Path) -> dict[str, tuple[dict[str, Any], list[Case]]]:
    """Every case file of a suite's ``cases`` directory, by stem; the base is ``../base_profile.yaml`` if any."""
    base_path = directory.parent / BASE_FILE
    base = yaml.safe_load(base_path.read_text(encoding="utf-8")) if base_path.exists() else None
    return {path.stem: load_case_file(path, base) for path in sorted(directory.glob("*.yaml"))}


def load_cases(directory: Path) -> list[Case]:
    """Every case of a suite, in file and case order."""
    return [case for _, cases in load_suite(directory).values() for case in cases]
