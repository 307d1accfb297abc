"""JSON output with the stable keys of contracts.md §3."""

from __future__ import annotations

from typing import Any

from matcheck.report.base import Renderer
from matcheck.report.jsonable import to_data
from matcheck.textsafe import json_text
from matcheck.results import Checklist, CheckReport, Document, Finding, Score


def score_data(score: Score, findings: tuple[Finding, ...]) -> dict[str, Any]:
    road = score.road
    return {
        "total": score.total,
        "standard": score.standard,
        "reaches_standard": score.reaches_standard,
        "provisional": score.provisional,
        "vetoed": score.vetoed,
        "policy": score.policy,
        "policy_note": score.policy_note,
        "as_of": score.as_of.isoformat(),
        "indicators": [
            {"id": i.id, "name": i.name, "points": i.points, "counted": i.counted, "reason": i.reason,
             "reference": i.reference, "provisional": i.provisional, "uncertain": i.uncertain}
            for i in score.indicators
        ],
        "road_to_standard": to_data(road) if road else None,
        "findings": [finding_data(f) for f in findings],
    }


def finding_data(f: Finding) -> dict[str, Any]:
    data = {"code": f.code, "rule": f.rule, "severity": f.severity, "message": f.message, "files": list(f.files),
            "hint": f.hint, "reference": f.reference, "subject": f.subject}
    if f.score_if_upheld is not None:  # contracts.md §3: only on a finding whose risk changes the score
        data["score_if_upheld"] = {"total": f.score_if_upheld.total,
                                   "reaches_standard": f.score_if_upheld.reaches_standard,
                                   "provisional": f.score_if_upheld.provisional}
    return data


def document_data(d: Document) -> dict[str, Any]:
    return {"path": d.path, "material": d.material, "person": d.person, "confidence": round(d.confidence, 3),
            "file_type": d.file_type, "sha256": d.sha256, "size": d.size, "pages": d.pages, "page": d.page,
            "ocr": d.ocr, "evidence": list(d.evidence), "person_name": d.person_name,
            "fields": to_data(d.fields)}


def checklist_data(c: Checklist) -> dict[str, Any]:
    return {"as_of": c.as_of.isoformat(), "items": [to_data(i) for i in c.items]}


class JsonRenderer(Renderer):
    kinds = frozenset({"score", "checklist", "check", "scan"})

    def score(self, score: Score, findings: tuple[Finding, ...], lang: str = "zh") -> str:
        return _dump(score_data(score, findings))

    def checklist(self, checklist: Checklist, lang: str = "zh") -> str:
        return _dump(checklist_data(checklist))

    def scan(self, documents: tuple[Document, ...], lang: str = "zh") -> str:
        # scan has no findings stage: each file carries the problems the folder reader noticed on it
        return _dump({"files": [{**document_data(d), "problems": [{"rule": o.rule, "args": to_data(dict(o.args))}
                                                                  for o in d.observations]}
                                for d in documents]})

    def check(self, report: CheckReport, lang: str = "zh") -> str:
        data = score_data(report.score, report.findings)
        data.update({
            "profile": report.profile_source,
            "folder": report.folder,
            "verdict": report.worst or "ok",
            "required": [{"material": r.material, "person": r.person, "status": r.status, "files": list(r.files),
                          "name": r.name_zh, "group": r.group, "kind": r.kind, "note": r.note}
                         for r in report.required],
            "files": [document_data(d) for d in report.documents],
            "checklist": checklist_data(report.checklist),
        })
        return _dump(data)


def _dump(data: Any) -> str:
    return json_text(data)
