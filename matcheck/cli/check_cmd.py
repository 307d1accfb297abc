"""``matcheck check FOLDER``: score + checklist + what each file is + findings."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from matcheck.cli.common import (EXIT_FINDINGS, EXIT_OK, Lang, UsageError, as_of_option, check_ocr_backend,
                                 handle_errors, info, lang_option, output_option, parse_as_of, policy_option,
                                 show_pii_option, write_output)
from matcheck.textsafe import escape_control


def register(app: typer.Typer) -> None:
    @app.command("check")
    @handle_errors
    def check(
        folder: Path = typer.Argument(..., help="The applicant's folder: profile.yaml plus the supplied files."),
        profile: Optional[Path] = typer.Option(None, "--profile", "-p", envvar="MATCHECK_PROFILE",
                                               help="Profile file (default: FOLDER/profile.yaml)."),
        as_of: Optional[str] = as_of_option(),
        policy: Optional[str] = policy_option(),
        format: str = typer.Option("text", "--format", "-f", envvar="MATCHECK_FORMAT",
                                   help="text | json | markdown | sarif | junit"),
        output: Optional[Path] = output_option(),
        fail_on: str = typer.Option("error", "--fail-on", envvar="MATCHECK_FAIL_ON",
                                    help="Exit 1 on findings of this severity or worse: error | warning."),
        no_cache: bool = typer.Option(False, "--no-cache", envvar="MATCHECK_NO_CACHE",
                                      help="Read every file again (ignore the extraction cache)."),
        cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", envvar="MATCHECK_CACHE_DIR",
                                                 help="Where the extraction cache lives (never inside FOLDER)."),
        lang: Lang = lang_option(),
        show_pii: bool = show_pii_option(),
        from_documents: bool = typer.Option(False, "--from-documents",
                                            help="No profile: draft one from the folder's documents (as `matcheck "
                                                 "init FOLDER --from-documents`) and check with it."),
    ) -> None:
        """Check an applicant's folder before the trip to the centre."""
        check_ocr_backend()
        from matcheck.pipeline import check_folder
        from matcheck.report import renderer
        from matcheck.report.pii import masked, render_masked
        from matcheck.rules import RuleConfig

        if fail_on not in ("error", "warning"):
            raise UsageError(f"--fail-on: {fail_on!r} is not error or warning")
        fmt = renderer(format, "check")
        drafted = read = None
        if from_documents:
            from matcheck.cli.init_cmd import draft_text
            from matcheck.documents.person import people_of
            from matcheck.draft import people_of_folder
            from matcheck.draft.folder import profile_of

            if profile is not None:
                raise UsageError("--from-documents: not with --profile (the profile is drafted from the documents)")
            text, _, documents = draft_text(folder, parse_as_of(as_of), None, not no_cache, cache_dir)
            drafted = profile_of(text, f"{folder} (profile drafted from the documents)")
            # the draft's Documents say whose each is by the people people_of_folder found (the reader's holder)
            read = (documents, people_of(people_of_folder(documents)))
            info(masked(escape_control(
                f"{folder}: profile drafted from the documents ({len(drafted.to_verify)} facts 待核实); "
                f"`matcheck init {folder} --from-documents -o FILE` writes it to review"), show_pii))
        report = check_folder(folder, profile_path=profile, as_of=parse_as_of(as_of), policy=policy,
                              config=RuleConfig(lang=lang.value), use_cache=not no_cache, cache_dir=cache_dir,
                              profile=drafted, documents=read)
        write_output(render_masked(lambda: fmt.check(report, lang=lang.value), show_pii), output)
        info(masked(escape_control(summary_line(report)), show_pii))
        failing = {"error"} if fail_on == "error" else {"error", "warning"}
        raise typer.Exit(EXIT_FINDINGS if any(f.severity in failing for f in report.findings) else EXIT_OK)


def summary_line(report) -> str:
    """The one-line summary on stderr: ``samples/li-ming: 130/120, 0 errors, 1 warning, 2 notes; 14 files``."""
    from collections import Counter

    counts = Counter(f.severity for f in report.findings)
    missing = sum(1 for r in report.required if r.status in ("missing", "expired", "incomplete"))
    return (f"{report.folder}: {report.score.total}/{report.score.standard}"
            f"{' (provisional)' if report.score.provisional else ''}, {counts['error']} error(s), "
            f"{counts['warning']} warning(s), {counts['info']} note(s); {len(report.documents)} file(s), "
            f"{missing} checklist line(s) not satisfied")
