"""SARIF 2.1.0 output of ``matcheck check`` (the format code-scanning tools and editors read).

One run; the tool's rules are every registered rule (code as ``id``, contract name as ``name``, the module
docstring as ``fullDescription``, the default severity as ``defaultConfiguration.level``); one result per finding,
located at its files (relative to the applicant folder, ``uriBaseId: APPLICANT_FOLDER``) or, when it names no
file, at the profile. The score, the checklist statuses and the hint ride in ``properties``.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any
from urllib.parse import quote

from matcheck import __version__
from matcheck.report.base import Renderer
from matcheck.report.json_format import _dump
from matcheck.results import CheckReport, Finding
from matcheck.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
BASE_ID = "APPLICANT_FOLDER"


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/")


def _folder_uri(folder: str | None) -> str:
    if not folder:
        return "file:///"
    uri = Path(folder).resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _rule_descriptor(module: Any) -> dict[str, Any]:
    doc = inspect.getdoc(module) or ""
    summary = doc.splitlines()[0].split(": ", 1)[-1] if doc else module.NAME
    return {
        "id": module.CODE,
        "name": module.NAME,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc or summary},
        "help": {"text": doc or summary},
        "defaultConfiguration": {"level": LEVEL[module.SEVERITY]},
        "properties": {"reference": module.REFERENCE, "needs": sorted(module.NEEDS)},
    }


def sarif_data(report: CheckReport, tool_version: str) -> dict[str, Any]:
    modules = sorted(RULES.values(), key=lambda m: m.CODE)
    index = {m.NAME: i for i, m in enumerate(modules)}
    profile_uri = _profile_location(report)
    results = []
    for f in report.findings:
        results.append(_result(f, index, profile_uri))
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "matcheck", "version": tool_version, "semanticVersion": tool_version,
                                "rules": [_rule_descriptor(m) for m in modules]}},
            "originalUriBaseIds": {BASE_ID: {"uri": _folder_uri(report.folder)}},
            "invocations": [{"executionSuccessful": True}],
            "results": results,
            "properties": {
                "verdict": report.worst or "ok",
                "score": {"total": report.score.total, "standard": report.score.standard,
                          "reaches_standard": report.score.reaches_standard,
                          "provisional": report.score.provisional, "policy": report.score.policy,
                          "as_of": report.score.as_of.isoformat()},
                "required": [{"material": r.material, "person": r.person, "status": r.status,
                              "files": list(r.files)} for r in report.required],
            },
        }],
    }


def _profile_location(report: CheckReport) -> dict[str, Any]:
    source = Path(report.profile_source)
    folder = Path(report.folder) if report.folder else None
    try:
        rel = source.resolve().relative_to(folder.resolve()) if folder else None
    except ValueError:
        rel = None
    if rel is not None:
        return {"uri": _uri(rel.as_posix()), "uriBaseId": BASE_ID}
    return {"uri": source.resolve().as_uri()}


def _result(f: Finding, index: dict[str, int], profile_uri: dict[str, Any]) -> dict[str, Any]:
    if f.files:
        locations = [{"physicalLocation": {"artifactLocation": {"uri": _uri(p), "uriBaseId": BASE_ID}}}
                     for p in f.files]
    else:
        locations = [{"physicalLocation": {"artifactLocation": dict(profile_uri)}}]
    if f.subject:
        for loc in locations:
            loc["logicalLocations"] = [{"name": f.subject, "kind": "member"}]
    out: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVEL[f.severity],
        "message": {"text": f"{f.message} {f.hint}".strip()},
        "locations": locations,
        "properties": {"rule": f.rule, "severity": f.severity, "hint": f.hint, "reference": f.reference,
                       "subject": f.subject},
    }
    if f.score_if_upheld is not None:
        out["properties"]["score_if_upheld"] = {"total": f.score_if_upheld.total,
                                                "reaches_standard": f.score_if_upheld.reaches_standard}
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    return out


class SarifRenderer(Renderer):
    kinds = frozenset({"check"})

    def check(self, report: CheckReport, lang: str = "zh") -> str:
        return _dump(sarif_data(report, __version__))
