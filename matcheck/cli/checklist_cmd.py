"""``matcheck checklist PROFILE``: the materials to bring, each with why, whose, original/copy and where."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from matcheck.cli.common import (EXIT_OK, Lang, UsageError, as_of_option, handle_errors, lang_option, output_option,
                                 parse_as_of, policy_option, show_pii_option, write_output)


def register(app: typer.Typer) -> None:
    @app.command("checklist")
    @handle_errors
    def checklist(
        profile: Path = typer.Argument(..., help="The applicant's profile (YAML or JSON)."),
        as_of: Optional[str] = as_of_option(),
        policy: Optional[str] = policy_option(),
        format: str = typer.Option("text", "--format", "-f", envvar="MATCHECK_FORMAT",
                                   help="text | json | markdown (or -o FILE.docx / FILE.pdf for a printable sheet)"),
        output: Optional[Path] = output_option(),
        lang: Lang = lang_option(),
        show_pii: bool = show_pii_option(),
    ) -> None:
        """The required materials: base documents plus those each claimed indicator and family fact needs."""
        from matcheck.pipeline import assess, build_checklist
        from matcheck.profile import load_profile

        assessment = assess(load_profile(profile), parse_as_of(as_of), policy)
        result = build_checklist(assessment)
        if output is not None and output.suffix.lower() in (".docx", ".pdf"):
            from matcheck.form import write_checklist_sheet

            write_checklist_sheet(assessment, result, output)
            raise typer.Exit(EXIT_OK)
        from matcheck.report import renderer
        from matcheck.report.pii import render_masked

        fmt = renderer(format, "checklist")
        write_output(render_masked(lambda: fmt.checklist(result, lang=lang.value), show_pii), output)
        raise typer.Exit(EXIT_OK)
