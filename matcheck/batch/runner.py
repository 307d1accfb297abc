"""``matcheck batch ROOT --out DIR``: every applicant folder under ROOT, checked in parallel (批量检查).

The per-applicant work is one function, :func:`matcheck.batch.work.check_one`, run through a
``concurrent.futures.Executor``: a process pool by default (``--jobs`` workers, started with the "forkserver"
method so no worker inherits a forked OCR engine), or any executor passed in (a thread pool; Dask's
``Client.get_executor()`` to spread a batch over a cluster). This module only plans, submits, collects and writes:

* at most ``2 × jobs`` applicants are in flight, so memory stays flat however large the batch; when the tasks carry
  the applicants' files (``ship``, ``ship.py``), also at most ``MATCHECK_SHIP_MAX_BYTES`` of files (one applicant
  at least);
* each finished applicant's reports are written atomically, then recorded in the manifest (``resume.py``);
* a worker process that dies (a crash in a PDF library, the OOM killer) breaks the pool: the pool is rebuilt and
  the applicants that were in flight are redone one at a time, so only the one that kills its worker gets a
  "failed" row; on a Dask cluster (``cluster.py``) the scheduler re-runs a dead worker's tasks elsewhere, and a
  task it gives up on (``KilledWorker``) is redone alone in the same way;
* Ctrl-C (or SIGTERM) stops submitting; the first Ctrl-C lets the applicants being checked finish, a second one
  stops at once. Either way the manifest keeps what finished, the summary is written with the rest marked
  "not-run", and ``--resume`` carries on;
* the exit code is the worst over all applicants (contracts.md §2), 130 when interrupted.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

from matcheck.atomic import write_atomic
from matcheck.batch.cluster import worker_lost
from matcheck.batch.discover import ApplicantFolder, discover, enclosing_applicant
from matcheck.batch.html import applicant_page, overview_html
from matcheck.batch.progress import BatchProgress
from matcheck.batch.resume import Fingerprint, Manifest, fingerprint, settings_digest
from matcheck.batch.summary import report_paths, write_summaries
from matcheck.report.pii import mask_pii
from matcheck.report.text.console import report_width
from matcheck.batch.ship import in_flight_bytes
from matcheck.batch.work import (EXIT_BAD_INPUT, EXIT_INTERNAL, STATUS_BAD_INPUT, STATUS_FAILED, STATUS_NOT_RUN,
                                 ApplicantOutcome, ApplicantTask, check_one, classify_failure,
                                 not_checked)
from matcheck.console import info
from matcheck.errors import UsageError

EXIT_INTERRUPTED = 130
SUMMARY_HTML = "summary.html"

__all__ = ["run_batch", "check_one", "default_executor", "ApplicantTask", "ApplicantOutcome"]


def default_executor(jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` worker processes ("forkserver" where available, else "spawn"), ignoring Ctrl-C."""
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["matcheck.batch.preload"])
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init, initargs=(jobs,))


def _worker_init(jobs: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    # Share the cores between workers instead of each OCR engine using all of them (read by the OCR module, if
    # it supports it; an explicit setting wins).
    os.environ.setdefault("MATCHECK_OCR_THREADS", str(max(1, (os.cpu_count() or 1) // max(1, jobs))))


def run_batch(root: Path, out: Path, *, jobs: int, resume: bool = False, as_of: date | None = None,
              policy: str | None = None, fail_on: str = "error", use_cache: bool = True, lang: str = "zh",
              show_pii: bool = False, executor: Executor | None = None,
              work: Callable[[ApplicantTask], ApplicantOutcome] = check_one,
              ship: bool | Callable[[list[Path]], bool] = False) -> int:
    """Check every applicant folder under ``root``; reports and summary.csv/json/html into ``out``; exit code.

    ``executor``: any ``concurrent.futures.Executor`` to run the work on (default: a pool of ``jobs`` processes,
    which this function owns and shuts down; an executor passed in is left open). At most ``2 × jobs`` applicants
    are submitted at a time, so with a cluster's executor pass ``jobs`` = its number of worker slots. ``work``:
    the unit of work, a picklable top-level function (default :func:`check_one`). ``ship``: send each applicant's
    files with its task (``--ship-files``, ``ship.py``) — True, False, or a function of the applicant folders that
    decides (asks the workers whether they see them); a decision to send paths is then revised if a worker finds no
    folder that this machine sees (a worker that joined later): that applicant and the rest are sent with files.
    """
    from matcheck import __version__

    root, out = Path(root), Path(out)
    if not root.is_dir():
        raise UsageError(f"{root}: no such folder (expected a folder with one sub-folder per applicant)")
    inside = enclosing_applicant(out)
    if inside is not None:
        raise UsageError(f"--out: {out} is inside the applicant folder {inside}; "
                         "matcheck never writes into an applicant's folder, choose another --out")
    applicants = discover(root, skip=(out,))
    if not applicants:
        raise UsageError(f"{root}: no applicant folders found (an applicant folder holds a profile.yaml)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--out: cannot create {out} ({exc.strerror})") from None

    revisable = callable(ship)
    if callable(ship):
        ship = ship([a.folder.resolve() for a in applicants])
    settings = settings_digest(as_of=as_of, policy=policy, lang=lang, show_pii=show_pii, fail_on=fail_on)
    manifest = Manifest(out).load()
    template = ApplicantTask(key="", folder="", as_of=as_of, policy=policy, fail_on=fail_on, use_cache=use_cache,
                             lang=lang, show_pii=show_pii, width=report_width())
    batch = _Batch(applicants, out, manifest, settings, template, resume=resume, jobs=jobs, executor=executor,
                   work=work, budget=in_flight_bytes() if ship else None, revisable=revisable and not ship)
    interrupted = True
    try:
        interrupted = batch.run()
    finally:  # the summary is always written, whatever stopped the loop (a signal, a bug, a full disk)
        manifest.close()
        try:
            manifest.compact()
        except OSError:
            pass  # the journal as appended is still valid for --resume
        try:
            code = _write_summary(root, out, applicants, batch, interrupted, as_of=as_of, policy=policy, jobs=jobs,
                                  lang=lang, version=__version__)
        finally:
            batch.restore_signals()
    return code


def _write_summary(root: Path, out: Path, applicants: list[ApplicantFolder], batch: "_Batch", interrupted: bool, *,
                   as_of: date | None, policy: str | None, jobs: int, lang: str, version: str) -> int:
    """summary.csv/json/html from what finished (the rest "not-run"); the batch's exit code."""
    from matcheck.textsafe import escape_control

    outcomes = [batch.outcomes.get(a.key) or ApplicantOutcome(key=a.key, folder=str(a.folder),
                                                               status=STATUS_NOT_RUN, exit_code=0)
                for a in applicants]
    code = max((o.exit_code for o in outcomes), default=0)
    if interrupted:
        code = EXIT_INTERRUPTED
    meta = {"matcheck": version, "root": str(root), "out": str(out),
            "generated": datetime.now().isoformat(timespec="seconds"),
            "as_of": as_of.isoformat() if as_of else None, "policy": policy or "auto", "jobs": jobs,
            "complete": not interrupted, "exit_code": code}
    show_pii = batch.template.show_pii
    data = write_summaries(out, outcomes, meta, show_pii=show_pii)
    page = overview_html(data, lang)
    write_atomic(out / SUMMARY_HTML, page if show_pii else mask_pii(page))
    c = data["counts"]
    info(f"matcheck batch: {c['applicants']} applicants, {c['reaches_standard']} reach the standard, "
         f"{c['with_errors']} with errors, {c['bad_input']} bad input, {c['failed']} failed"
         + (f", {c['reused']} unchanged (reused)" if c["reused"] else "")
         + (f", {c['not_run']} not run (interrupted; use --resume)" if c["not_run"] else "")
         + f"; summary: {escape_control(str(out / SUMMARY_HTML))}")
    return code


class _Batch:
    """The submit/collect loop (see the module docstring)."""

    def __init__(self, applicants: list[ApplicantFolder], out: Path, manifest: Manifest, settings: str,
                 template: ApplicantTask, *, resume: bool, jobs: int, executor: Executor | None,
                 work: Callable[[ApplicantTask], ApplicantOutcome], budget: int | None = None,
                 revisable: bool = False):
        self.applicants, self.out, self.manifest, self.settings = applicants, out, manifest, settings
        self.template, self.resume, self.jobs = template, resume, max(1, jobs)
        self.budget = budget  # None: tasks carry paths; else their files, at most this many bytes in flight
        self.revisable = revisable  # paths were decided by asking the workers: a worker that sees none sends files
        self.injected, self.work = executor, work
        self.outcomes: dict[str, ApplicantOutcome] = {}
        self.stop = False  # first Ctrl-C / SIGTERM: submit no more
        self.abandon = False  # second Ctrl-C / SIGTERM: stop at once

    # ------------------------------------------------------------------ signals
    def _on_signal(self, signum: int, frame: Any) -> None:
        if self.stop or signum == signal.SIGTERM:
            self.abandon = True
        self.stop = True
        if not self.abandon:
            self.progress.message("matcheck batch: interrupted; finishing the applicants being checked "
                                  "(Ctrl-C again to stop at once)")

    def restore_signals(self) -> None:
        """Give Ctrl-C and SIGTERM back (after the summary is written: a signal meanwhile only sets the flags)."""
        for sig, handler in getattr(self, "_previous", {}).items():
            signal.signal(sig, handler)
        self._previous = {}

    def _install_signals(self) -> dict[int, Any]:
        if threading.current_thread() is not threading.main_thread():
            return {}
        return {sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}

    # ------------------------------------------------------------------ the loop
    def run(self) -> bool:
        """Run the batch; True if it was interrupted before every applicant was checked."""
        self.progress = BatchProgress(len(self.applicants), workers=self.jobs)
        self._previous = self._install_signals()
        pool = self.injected or default_executor(self.jobs)
        queue = deque(self.applicants)
        suspects: deque[tuple[ApplicantTask, Fingerprint]] = deque()
        inflight: dict[Future, tuple[ApplicantTask, Fingerprint, bool]] = {}
        held: tuple[ApplicantTask, Fingerprint] | None = None  # planned, waiting for room in the byte budget
        try:
            while not self.abandon and (inflight or ((queue or suspects or held) and not self.stop)):
                limit = 1 if suspects else 2 * self.jobs
                while not self.stop and len(inflight) < limit and (suspects or queue or held):
                    if suspects:  # after a worker died: one at a time, to find the one that kills it
                        task, fp = suspects.popleft()
                        inflight[pool.submit(self.work, task)] = (task, fp, True)
                        continue
                    if held is None:
                        held = self._plan(queue.popleft())
                        if held is None:
                            continue
                    if inflight and self.budget is not None and \
                            sum(_nbytes(t) for t, _fp, _a in inflight.values()) + _nbytes(held[0]) > self.budget:
                        break  # the files in flight are at the budget: wait for one to come back
                    task, fp = held
                    held = None
                    inflight[pool.submit(self.work, task)] = (task, fp, False)
                if not inflight:
                    continue
                done, _ = wait(list(inflight), timeout=0.5, return_when=FIRST_COMPLETED)
                broken = False
                for fut in done:
                    task, fp, alone = inflight.pop(fut)
                    exc = fut.exception()
                    if exc is None and self._unseen(fut.result(), task):
                        queue.appendleft(next(a for a in self.applicants if a.key == task.key))  # again, with files
                    elif exc is None:
                        self._finish(fut.result(), fp)
                    elif isinstance(exc, BrokenProcessPool) and self.injected is None and not alone:
                        suspects.append((task, fp))
                        broken = True
                    elif worker_lost(exc) and not alone:  # a cluster worker died with it: redo it alone
                        suspects.append((task, fp))
                    else:
                        self._finish(_lost(task, exc), fp)
                if broken or (self.injected is None and _is_broken(pool)):
                    for fut, (task, fp, _alone) in list(inflight.items()):
                        suspects.append((task, fp))
                    inflight.clear()
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = default_executor(self.jobs)
        finally:
            for fut in inflight:
                fut.cancel()
            if self.injected is None:
                if self.abandon:
                    _terminate_workers(pool)
                pool.shutdown(wait=not self.abandon, cancel_futures=True)
            self.progress.close()
        return len(self.outcomes) < len(self.applicants)

    def _plan(self, applicant: ApplicantFolder) -> tuple[ApplicantTask, Fingerprint] | None:
        """The task for one applicant, or None when --resume finds its report up to date (then it is reused)."""
        try:
            fp = fingerprint(applicant.folder, self.manifest.previous_files(applicant.key))
        except OSError as exc:  # the folder vanished or cannot be listed: the check says so on this applicant
            fp = Fingerprint(f"unreadable:{exc.errno}", {})
        if self.resume:
            entry = self.manifest.unchanged(applicant.key, fp.digest, self.settings)
            paths = report_paths(applicant.key)
            if entry and all((self.out / p).is_file() for p in paths.values()):
                # the manifest keeps the row masked: the key and folder are this applicant's own
                outcome = replace(ApplicantOutcome.from_row(entry["outcome"]), reused=True, key=applicant.key,
                                  folder=str(applicant.folder.resolve()))
                self.outcomes[applicant.key] = outcome
                self.progress.advance(outcome)
                return None
        task = replace(self.template, key=applicant.key, folder=str(applicant.folder.resolve()))
        if self.budget is None:
            return task, fp
        from matcheck.check import take_applicant
        from matcheck.documents.snapshot import FolderTooLarge

        try:
            return replace(task, content=take_applicant(Path(task.folder), max_total=self.budget)), fp
        except FolderTooLarge as exc:  # not sent: the row says why and what to do
            outcome = not_checked(task, STATUS_BAD_INPUT, EXIT_BAD_INPUT,
                                  f"{exc}: too large to send to a worker at once (MATCHECK_SHIP_MAX_BYTES); check "
                                  "it where the folder is visible (--ship-files never on a shared file system, or "
                                  "matcheck check)")
        except Exception as exc:  # noqa: BLE001 - one applicant's folder never stops the batch
            outcome = not_checked(task, *classify_failure(exc))
        self._finish(outcome, fp)
        return None

    def _unseen(self, outcome: ApplicantOutcome, task: ApplicantTask) -> bool:
        """A worker found no folder at a path this machine sees, and paths were only decided by asking the workers
        at the start: from now on the tasks carry the files (this applicant's, and any other sent as a path)."""
        if not (self.revisable and outcome.unseen and task.content is None and Path(task.folder).is_dir()):
            return False
        if self.budget is None:
            self.budget = in_flight_bytes()
            self.progress.message("matcheck batch: a worker does not see the applicant folders (it joined after "
                                  "they were asked); sending each applicant's files with its task from now on")
        return True

    def _finish(self, outcome: ApplicantOutcome, fp: Fingerprint) -> None:
        """Write the reports atomically, then record the applicant in the manifest (reports first, always)."""
        paths = report_paths(outcome.key)
        rendered = outcome.rendered
        if rendered:
            write_atomic(self.out / paths["json"], rendered["json"].rstrip("\n") + "\n")
            write_atomic(self.out / paths["text"], rendered["text"])
            page = applicant_page(outcome.key, outcome.name, rendered["text"], self.template.lang)
            write_atomic(self.out / paths["html"], page if self.template.show_pii else mask_pii(page))
        outcome = outcome.without_reports()
        self.manifest.record(outcome.key, fp.digest, self.settings, fp.files, outcome.row())
        self.outcomes[outcome.key] = outcome
        self.progress.advance(outcome)


def _lost(task: ApplicantTask, exc: BaseException) -> ApplicantOutcome:
    """The row of an applicant whose unit of work did not come back (its worker died, the executor failed)."""
    if isinstance(exc, BrokenProcessPool) or worker_lost(exc):
        why = "the worker process died while checking this applicant (a crash or out of memory; retried alone)"
    else:
        why = f"internal error in the executor: {type(exc).__name__}: {exc}"
    return not_checked(task, STATUS_FAILED, EXIT_INTERNAL, why)


def _nbytes(task: ApplicantTask) -> int:
    """The bytes of applicant files a task carries (0 when it carries the folder's path only)."""
    return task.content.nbytes if task.content is not None else 0


def _is_broken(pool: Executor) -> bool:
    return bool(getattr(pool, "_broken", False))


def _terminate_workers(pool: Executor) -> None:
    """Stop a process pool's workers now (a second Ctrl-C); there is no public API for this."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.terminate()
        except Exception:  # noqa: BLE001 - already gone
            pass
