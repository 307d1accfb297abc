"""``matcheck batch ROOT --out DIR``: every applicant folder under ROOT, in parallel, with a summary."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from matcheck.cli.common import (Lang, UsageError, as_of_option, check_ocr_backend, handle_errors, lang_option,
                                 parse_as_of, policy_option)


def register(app: typer.Typer) -> None:
    @app.command("batch")
    @handle_errors
    def batch(
        root: Path = typer.Argument(..., help="A folder with one sub-folder (with its profile.yaml) per applicant."),
        out: Path = typer.Option(..., "--out", envvar="MATCHECK_OUT", help="Where the reports and summary go."),
        jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", envvar="MATCHECK_JOBS", help="Parallel workers."),
        resume: bool = typer.Option(False, "--resume", envvar="MATCHECK_RESUME",
                                    help="Skip applicants whose inputs are unchanged since their report."),
        as_of: Optional[str] = as_of_option(),
        policy: Optional[str] = policy_option(),
        fail_on: str = typer.Option("error", "--fail-on", envvar="MATCHECK_FAIL_ON", help="error | warning"),
        no_cache: bool = typer.Option(False, "--no-cache", envvar="MATCHECK_NO_CACHE"),
        lang: Lang = lang_option(),
        show_pii: bool = typer.Option(False, "--show-pii", envvar="MATCHECK_SHOW_PII"),
        scheduler: Optional[str] = typer.Option(
            None, "--scheduler", envvar="MATCHECK_SCHEDULER",
            help="A Dask scheduler (tcp://HOST:8786, or tls://) to run the applicants on; needs the cluster extra."),
        ship_files: str = typer.Option(
            "auto", "--ship-files", envvar="MATCHECK_SHIP_FILES",
            help="auto | always | never: send each applicant's files with its task (always), only the folder's "
                 "path (never: workers see ROOT at the same path), or ask the workers first (auto)."),
    ) -> None:
        """Check many applicants in one run; writes per-applicant reports and summary.csv/json/html."""
        check_ocr_backend()
        from matcheck.batch import run_batch
        from matcheck.batch.ship import in_flight_bytes, ship_mode

        if jobs < 1:
            raise UsageError(f"--jobs: {jobs} must be at least 1")
        if fail_on not in ("error", "warning"):
            raise UsageError(f"--fail-on: {fail_on!r} is not error or warning")
        options = dict(resume=resume, as_of=parse_as_of(as_of), policy=policy, fail_on=fail_on,
                       use_cache=not no_cache, lang=lang.value, show_pii=show_pii)
        mode = ship_mode(ship_files)
        budget = in_flight_bytes()  # a bad MATCHECK_SHIP_MAX_BYTES is refused before anything runs
        if not scheduler:  # the local pool sees the folders; "always" sends the files all the same
            raise typer.Exit(run_batch(root, out, jobs=jobs, ship=mode == "always", **options))
        from matcheck.batch.cluster import ClusterError, allow_large_tasks, connect, shipping

        try:
            client, executor, slots = connect(scheduler)
        except ClusterError as exc:
            raise UsageError(str(exc)) from None
        allow_large_tasks(budget)

        try:
            code = run_batch(root, out, jobs=slots, executor=executor, ship=shipping(client, mode), **options)
        finally:
            client.close()
        raise typer.Exit(code)
