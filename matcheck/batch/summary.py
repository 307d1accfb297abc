"""The batch summary (汇总表): one row per applicant, as CSV (for Excel) and JSON (for programs).

Columns: the folder, the name (masked unless --show-pii), status, exit code, score and standard, whether the
standard is reached, materials missing, counts of errors and warnings, the worst finding, and why an applicant could
not be checked. The CSV is UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; a text cell
that starts with ``= + - @`` gets a leading apostrophe so a spreadsheet does not run it as a formula.
"""

from __future__ import annotations

import csv
import hashlib
import json
import io
from typing import Any, Iterable, Mapping

from matcheck.atomic import write_atomic
from matcheck.batch.work import ApplicantOutcome
from matcheck.textsafe import escape_control, json_text

CSV_COLUMNS = ("key", "name", "status", "exit_code", "total", "standard", "reaches_standard", "provisional",
               "missing_count", "missing", "errors", "warnings", "top_finding", "error", "report", "reused")

SUMMARY_CSV, SUMMARY_JSON = "summary.csv", "summary.json"


def report_paths(key: str) -> dict[str, str]:
    """Where an applicant's reports go, relative to DIR (the folder structure under ROOT is mirrored). A folder
    named with an ID number is mirrored under the masked number (and a short hash, so two never collide)."""
    from matcheck.report.pii import mask_pii

    safe = mask_pii(key)
    if safe != key:
        safe += "~" + hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    base = f"applicants/{safe}"
    return {"json": f"{base}/report.json", "text": f"{base}/report.txt", "html": f"{base}/report.html"}


def csv_row(outcome: ApplicantOutcome) -> dict[str, Any]:
    row = outcome.row()
    missing = row.pop("missing")
    row.update(missing_count=len(missing), missing="；".join(missing), report=report_paths(outcome.key)["html"])
    return {k: _cell(row.get(k)) for k in CSV_COLUMNS}


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        value = escape_control(value)  # a file or folder name may hold ESC, newlines or undecodable bytes
        if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            return "'" + value
    return value


def summary_csv(outcomes: Iterable[ApplicantOutcome]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for outcome in outcomes:
        writer.writerow(csv_row(outcome))
    return "\ufeff" + buf.getvalue()


def counts(outcomes: Iterable[ApplicantOutcome]) -> dict[str, int]:
    """How many applicants: in all, reaching the standard, with errors, bad input, failed, not run, reused."""
    out = {"applicants": 0, "checked": 0, "reaches_standard": 0, "with_errors": 0, "with_warnings": 0,
           "bad_input": 0, "failed": 0, "not_run": 0, "reused": 0}
    for o in outcomes:
        out["applicants"] += 1
        out["checked"] += o.status == "checked"
        out["reaches_standard"] += bool(o.reaches_standard)
        out["with_errors"] += o.errors > 0
        out["with_warnings"] += o.warnings > 0
        out["bad_input"] += o.status == "bad-input"
        out["failed"] += o.status == "failed"
        out["not_run"] += o.status == "not-run"
        out["reused"] += o.reused
    return out


def summary_data(outcomes: list[ApplicantOutcome], meta: Mapping[str, Any]) -> dict[str, Any]:
    rows = []
    for o in outcomes:
        row = o.row()
        row["reports"] = report_paths(o.key) if o.status != "not-run" else {}
        rows.append(row)
    return {**meta, "counts": counts(outcomes), "applicants": rows}


def write_summaries(out: Any, outcomes: list[ApplicantOutcome], meta: Mapping[str, Any],
                    show_pii: bool = False) -> dict[str, Any]:
    """Write summary.csv and summary.json atomically into DIR; returns the JSON data (for the HTML overview).
    ID numbers (in folder names, findings, errors) are masked unless ``show_pii``."""
    from pathlib import Path

    from matcheck.report.pii import mask_pii_values, masked

    data = summary_data(outcomes, meta)
    if not show_pii:
        data = mask_pii_values(data)  # the values, not the JSON text (masking text can break a long number)
    text = json_text(data)
    write_atomic(Path(out) / SUMMARY_CSV, masked(summary_csv(outcomes), show_pii))
    write_atomic(Path(out) / SUMMARY_JSON, text + "\n")
    return json.loads(text)
