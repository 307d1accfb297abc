"""The rule registry: every rule module, registered explicitly (yamllint style), by its stable name.

To add a rule: write ``matcheck/rules/<name>.py`` (see :mod:`matcheck.rules.base` for the constants), import it
in the registry of its family (``registry_profile.PROFILE_RULES`` for rules that need only the profile, score
and checklist; ``registry_folder.FOLDER_RULES`` for rules that need the folder read); add
``tests/rules/cases/<name>.yaml`` with pass and fail cases.
"""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType
from typing import Iterable

from matcheck.results import SEVERITIES, Finding
from matcheck.rules import fact_to_verify
from matcheck.rules.base import Facts, RuleConfig
from matcheck.rules.registry_folder import FOLDER_RULES
from matcheck.rules.registry_profile import PROFILE_RULES
from matcheck.rules.upheld import attach

_MODULES: tuple[ModuleType, ...] = (fact_to_verify, *PROFILE_RULES, *FOLDER_RULES)

RULES: dict[str, ModuleType] = {m.NAME: m for m in _MODULES}
RULES_BY_CODE: dict[str, ModuleType] = {m.CODE: m for m in _MODULES}


def get_rule(name_or_code: str) -> ModuleType | None:
    return RULES.get(name_or_code) or RULES_BY_CODE.get(name_or_code.upper())


def run_rules(facts: Facts, needs: Iterable[str] | None = None) -> tuple[Finding, ...]:
    """Run every enabled rule whose needs are met; findings sorted by severity, then code."""
    available = set(needs) if needs is not None else ({"profile", "documents"} if facts.documents is not None
                                                      else {"profile"})
    enabled = [m for m in _MODULES if m.NAME not in facts.config.disabled and set(m.NEEDS) <= available]
    out: list[Finding] = []
    for module in enabled:  # each rule leaves alone the verdicts the other enabled rules word (their REPORTS)
        elsewhere = frozenset(v for other in enabled if other is not module for v in getattr(other, "REPORTS", ()))
        out.extend(attach(facts, module, module.check(replace(facts, reported_elsewhere=elsewhere))))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return tuple(sorted(out, key=lambda f: (order[f.severity], f.code, f.subject or "", f.files)))


__all__ = ["RULES", "Facts", "RuleConfig", "get_rule", "run_rules"]
