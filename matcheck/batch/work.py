"""The unit of work of a batch: one applicant folder in, one outcome row (and its rendered reports) out.

:func:`check_one` is a top-level function of one picklable argument, so any ``concurrent.futures.Executor`` can run
it: the default process pool, a thread pool, or a distributed engine's executor (Dask's ``Client.get_executor()``).
It never raises: a broken profile, an unreadable folder or a bug in a stage becomes an outcome that says why
(contracts.md §2: exit 2 for input that could not be used, 3 for an internal error), so one applicant never stops
the batch. It reads the applicant's folder — or, when the batch sent the folder's files with the task
(``ApplicantTask.content``, ``--ship-files``), reads nothing from disk and checks them from memory — and writes
nothing; the batch runner writes the reports it returns, so a remote worker needs read access to the folders at
most.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from matcheck.errors import PolicyVersionError, ProfileError, UsageError
from matcheck.report.pii import masked
from matcheck.results import PERSON_LABELS, SEVERITIES, CheckReport

if TYPE_CHECKING:
    from matcheck.check import ApplicantContent

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

STATUS_CHECKED = "checked"  # the check ran; exit 0 or 1 by its findings
STATUS_BAD_INPUT = "bad-input"  # the profile or folder could not be used (exit 2)
STATUS_FAILED = "failed"  # an internal error while checking this applicant (exit 3)
STATUS_NOT_RUN = "not-run"  # the batch was interrupted before this applicant was checked

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@dataclass(frozen=True)
class ApplicantTask:
    """Everything :func:`check_one` needs, as plain picklable values."""

    key: str
    folder: str
    as_of: date | None = None
    policy: str | None = None
    fail_on: str = "error"
    use_cache: bool = True
    lang: str = "zh"
    show_pii: bool = False
    width: int | None = None  # text report width, decided by the batch (not by the worker's COLUMNS)
    # the folder's profile and files, read on the batch machine (--ship-files): the worker reads nothing from disk
    content: ApplicantContent | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class IndicatorPoints:
    """One bar of the overview chart: an indicator (指标) and its points."""

    id: str
    name: str
    points: int
    counted: bool


@dataclass(frozen=True)
class ApplicantOutcome:
    """One applicant's row in the batch summary, plus the rendered reports (``rendered``) until they are written."""

    key: str
    folder: str
    status: str
    exit_code: int
    name: str | None = None  # masked unless --show-pii
    total: int | None = None
    standard: int | None = None
    reaches_standard: bool | None = None
    provisional: bool | None = None
    vetoed: bool | None = None
    policy: str | None = None
    as_of: str | None = None
    indicators: tuple[IndicatorPoints, ...] = ()
    missing: tuple[str, ...] = ()  # materials whose status is "missing"
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    top_finding: str | None = None  # "[severity] rule: message" of the worst finding
    error: str | None = None  # why the applicant could not be checked
    seconds: float = 0.0
    reused: bool = False  # taken from a previous run (--resume, inputs unchanged)
    # the worker found no folder at the task's path (it was sent the path, not the files): not part of the row
    unseen: bool = field(default=False, compare=False)
    rendered: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    def row(self) -> dict[str, Any]:
        """The summary row (JSON-ready, without the rendered reports)."""
        return {
            "key": self.key, "folder": self.folder, "name": self.name, "status": self.status,
            "exit_code": self.exit_code, "total": self.total, "standard": self.standard,
            "reaches_standard": self.reaches_standard, "provisional": self.provisional, "vetoed": self.vetoed,
            "policy": self.policy, "as_of": self.as_of,
            "indicators": [{"id": i.id, "name": i.name, "points": i.points, "counted": i.counted}
                           for i in self.indicators],
            "missing": list(self.missing), "errors": self.errors, "warnings": self.warnings, "infos": self.infos,
            "top_finding": self.top_finding, "error": self.error, "seconds": round(self.seconds, 3),
            "reused": self.reused,
        }

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "ApplicantOutcome":
        data = dict(row)
        data["indicators"] = tuple(IndicatorPoints(**i) for i in data.get("indicators") or ())
        data["missing"] = tuple(data.get("missing") or ())
        known = set(cls.__dataclass_fields__) - {"rendered"}
        return cls(**{k: v for k, v in data.items() if k in known})

    def without_reports(self) -> "ApplicantOutcome":
        return replace(self, rendered={})


def check_one(task: ApplicantTask) -> ApplicantOutcome:
    """Check one applicant folder (``matcheck check``) and render its JSON and text reports; never raises."""
    started = time.perf_counter()
    name = _shown_name(claimed_name(Path(task.folder), task.content), task.show_pii)
    base = dict(key=task.key, folder=task.folder, name=name)
    try:
        report = _check(task)
    except Exception as exc:  # noqa: BLE001 - every failure becomes this applicant's row
        status, code, why = classify_failure(exc)
        why = masked(why, task.show_pii)
        unseen = task.content is None and not Path(task.folder).is_dir()
        return ApplicantOutcome(**base, status=status, exit_code=code, error=why, unseen=unseen,
                                seconds=time.perf_counter() - started, rendered=_failure_reports(task, why, code))
    outcome = summarise(report, task, name)
    try:
        rendered = _render(report, task)
    except Exception as exc:  # noqa: BLE001 - a renderer bug must not lose the row
        why = f"internal error while writing the report: {type(exc).__name__}: {exc}"
        return replace(outcome, status=STATUS_FAILED, exit_code=EXIT_INTERNAL, error=masked(why, task.show_pii),
                       seconds=time.perf_counter() - started, rendered=_failure_reports(task, why, EXIT_INTERNAL))
    return replace(outcome, seconds=time.perf_counter() - started, rendered=rendered)


def _check(task: ApplicantTask) -> CheckReport:
    from matcheck.pipeline import check_folder
    from matcheck.rules import RuleConfig

    return check_folder(Path(task.folder), as_of=task.as_of, policy=task.policy,
                        config=RuleConfig(lang=task.lang), use_cache=task.use_cache, content=task.content)


def classify_failure(exc: BaseException) -> tuple[str, int, str]:
    """(status, exit code, one-line reason) for an exception raised while checking one applicant."""
    if isinstance(exc, ProfileError):
        lines = list(exc.lines)
        more = f" (and {len(lines) - 3} more)" if len(lines) > 3 else ""
        return STATUS_BAD_INPUT, EXIT_BAD_INPUT, "; ".join(lines[:3]) + more
    if isinstance(exc, (UsageError, PolicyVersionError)):
        return STATUS_BAD_INPUT, EXIT_BAD_INPUT, str(exc)
    if isinstance(exc, (FileNotFoundError, NotADirectoryError, PermissionError)):
        return STATUS_BAD_INPUT, EXIT_BAD_INPUT, f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")
    return STATUS_FAILED, EXIT_INTERNAL, f"internal error: {type(exc).__name__}: {exc}"


def summarise(report: CheckReport, task: ApplicantTask, name: str | None) -> ApplicantOutcome:
    """The summary row of a finished check: score, materials missing, findings by severity, the worst finding."""
    score = report.score
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in SEVERITIES}
    order = {s: i for i, s in enumerate(SEVERITIES)}
    worst = sorted(report.findings, key=lambda f: order.get(f.severity, 9))
    top = f"[{worst[0].severity}] {worst[0].rule}: {worst[0].message}" if worst else None
    failing = {"error"} if task.fail_on == "error" else {"error", "warning"}
    code = EXIT_FINDINGS if any(f.severity in failing for f in report.findings) else EXIT_OK
    missing = tuple(_material_label(r.name_zh or r.material, r.person) for r in report.required
                    if r.status == "missing")
    return ApplicantOutcome(
        key=task.key, folder=task.folder, name=name, status=STATUS_CHECKED, exit_code=code,
        total=score.total, standard=score.standard, reaches_standard=score.reaches_standard,
        provisional=score.provisional, vetoed=score.vetoed, policy=report.assessment.policy,
        as_of=report.assessment.as_of.isoformat(),
        indicators=tuple(IndicatorPoints(i.id, i.name, i.points, i.counted) for i in score.indicators),
        missing=missing, errors=counts["error"], warnings=counts["warning"], infos=counts["info"],
        top_finding=masked(top, task.show_pii) if top else None)




def _material_label(name: str, person: str | None) -> str:
    """``学位证书`` for the applicant's own material, ``结婚证（配偶）`` for someone else's."""
    return name if person in ("applicant", "", None) else f"{name}（{PERSON_LABELS['zh'].get(person, person)}）"


def _render(report: CheckReport, task: ApplicantTask) -> dict[str, str]:
    from matcheck.report import renderer
    from matcheck.report.pii import render_masked
    from matcheck.report.text.console import REPORT_WIDTH

    token = REPORT_WIDTH.set(task.width)
    try:
        as_json = render_masked(lambda: renderer("json", "check").check(report, lang=task.lang), task.show_pii)
        as_text = render_masked(lambda: _ANSI.sub("", renderer("text", "check").check(report, lang=task.lang)),
                                task.show_pii)
    finally:
        REPORT_WIDTH.reset(token)
    return {"json": as_json, "text": as_text}


def not_checked(task: ApplicantTask, status: str, code: int, why: str) -> ApplicantOutcome:
    """The row (and reports) of an applicant that was not checked: ``why`` says so (masked unless --show-pii)."""
    why = masked(why, task.show_pii)
    return ApplicantOutcome(key=task.key, folder=task.folder, status=status, exit_code=code,
                            name=_shown_name(claimed_name(Path(task.folder), task.content), task.show_pii),
                            error=why, rendered=_failure_reports(task, why, code))


def _failure_reports(task: ApplicantTask, why: str, code: int) -> dict[str, str]:
    from matcheck.textsafe import escape_control, json_text

    why = masked(why, task.show_pii)
    data = {"folder": task.folder, "verdict": "bad-input" if code == EXIT_BAD_INPUT else "failed",
            "exit_code": code, "error": why}
    text = f"{escape_control(task.key)}\n\n无法检查 (could not be checked): {escape_control(why)}\n"
    return {"json": json_text(data), "text": text}


def claimed_name(folder: Path, content: ApplicantContent | None = None) -> str | None:
    """The applicant's name as written in profile.yaml, even when the profile does not validate (best effort);
    from ``content`` when the folder was sent with the task."""
    try:
        from matcheck.batch.discover import profile_in
        from matcheck.profile.load import decode_profile, read_profile_data

        if content is not None:
            if content.profile_bytes is None or content.profile_path is None:
                return None
            data = decode_profile(content.profile_bytes, Path(content.profile_path))
        else:
            data = read_profile_data(profile_in(folder) or folder / "profile.yaml")
        name = data.get("applicant", {}).get("name") if isinstance(data, dict) else None
        return str(name) if name not in (None, "") else None
    except Exception:  # noqa: BLE001 - the name is decoration; the check reports the real problem
        return None


def _shown_name(name: str | None, show_pii: bool) -> str | None:
    from matcheck.identity import mask_name

    return name if show_pii else mask_name(name)
