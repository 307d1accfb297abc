"""JUnit XML output of ``matcheck check`` (CI systems and HR dashboards read it as a test report).

Two suites: ``materials`` has one test case per checklist line (a failure when it is missing, expired or
incomplete; skipped when it is only to be confirmed, or only recommended), ``rules`` one per registered rule (a failure when the rule
found an error; warnings and notes go to the case's ``system-out``; skipped when the rule is disabled or did not
run because no folder was read).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from matcheck.report.base import Renderer
from matcheck.results import CheckReport
from matcheck.textsafe import escape_control
from matcheck.rules import RULES

FAILING_STATUSES = ("missing", "expired", "incomplete")


def _case(suite: ET.Element, classname: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", {"classname": classname, "name": name, "time": "0"})


def _suite(root: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(root, "testsuite", {"name": name})


def _close(suite: ET.Element) -> dict[str, int]:
    cases = suite.findall("testcase")
    counts = {"tests": len(cases), "failures": sum(1 for c in cases if c.find("failure") is not None),
              "errors": 0, "skipped": sum(1 for c in cases if c.find("skipped") is not None)}
    for key, value in counts.items():
        suite.set(key, str(value))
    suite.set("time", "0")
    return counts


def junit_tree(report: CheckReport, lang: str = "zh") -> ET.Element:
    root = ET.Element("testsuites", {"name": f"matcheck check {report.folder}"})
    materials = _suite(root, "materials")
    for status in report.required:
        who = status.person + (f" {status.item.person_name}" if status.item is not None and status.person == "child"
                               and status.item.person_name else "")
        label = status.name_zh or status.material
        case = _case(materials, f"matcheck.materials.{status.group or 'materials'}",
                     f"{status.material} [{who}] {label}")
        detail = "; ".join(filter(None, [status.note, ", ".join(status.files)]))
        optional = status.item is not None and getattr(status.item, "optional", False)
        if status.status in FAILING_STATUSES and optional:
            ET.SubElement(case, "skipped", {"message": f"{label}: {status.status} (recommended, not required)"})
        elif status.status in FAILING_STATUSES:
            failure = ET.SubElement(case, "failure", {"type": status.status,
                                                      "message": f"{label}: {status.status}"})
            failure.text = detail or status.status
        elif status.status == "unverified":
            ET.SubElement(case, "skipped", {"message": f"{label}: {status.note or 'to confirm'}"})
        elif status.files:
            ET.SubElement(case, "system-out").text = ", ".join(status.files)

    rules = _suite(root, "rules")
    ran_folder = report.documents is not None
    by_rule: dict[str, list[Any]] = {}
    for f in report.findings:
        by_rule.setdefault(f.rule, []).append(f)
    for module in sorted(RULES.values(), key=lambda m: m.CODE):
        case = _case(rules, "matcheck.rules", f"{module.CODE} {module.NAME}")
        found = by_rule.get(module.NAME, [])
        errors = [f for f in found if f.severity == "error"]
        others = [f for f in found if f.severity != "error"]
        if errors:
            failure = ET.SubElement(case, "failure", {"type": "error",
                                                      "message": f"{len(errors)} error(s): {errors[0].message}"})
            failure.text = "\n".join(_line(f) for f in errors)
        elif not found and "documents" in module.NEEDS and not ran_folder:
            ET.SubElement(case, "skipped", {"message": "no folder was read"})
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in others)

    totals = [_close(s) for s in (materials, rules)]
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(t[key] for t in totals)))
    root.set("time", "0")
    return root


def _line(f: Any) -> str:
    files = f" [{', '.join(f.files)}]" if f.files else ""
    return f"{f.severity.upper()} {f.code} {f.message}{files} → {f.hint}"


def _well_formed(root: ET.Element) -> ET.Element:
    """XML 1.0 cannot hold most control characters at all (ElementTree writes them anyway, and the file no longer
    parses): every text and attribute taken from a file name, a finding or a profile is escaped visibly."""
    for el in root.iter():
        el.attrib.update({k: escape_control(v) for k, v in el.attrib.items()})
        if el.text:
            el.text = escape_control(el.text, one_line=False)
        if el.tail:
            el.tail = escape_control(el.tail, one_line=False)
    return root


class JunitRenderer(Renderer):
    kinds = frozenset({"check"})

    def check(self, report: CheckReport, lang: str = "zh") -> str:
        root = _well_formed(junit_tree(report, lang))
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True)
