"""``matcheck form PROFILE -o FILE.docx|FILE.pdf``: the pre-filled, printable 积分申请表."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from matcheck.cli.common import EXIT_OK, UsageError, as_of_option, handle_errors, info, parse_as_of, policy_option


def register(app: typer.Typer) -> None:
    @app.command("form")
    @handle_errors
    def form(
        profile: Path = typer.Argument(..., help="The applicant's profile (YAML or JSON)."),
        output: Path = typer.Option(..., "-o", "--output", envvar="MATCHECK_OUTPUT", help="FILE.docx or FILE.pdf"),
        as_of: Optional[str] = as_of_option(),
        policy: Optional[str] = policy_option(),
    ) -> None:
        """Print the pre-filled 《上海市居住证》积分申请表 as DOCX or PDF."""
        if output.suffix.lower() not in (".docx", ".pdf"):
            raise UsageError(f"-o: {output.name!r} must end in .docx or .pdf")
        from matcheck.form import write_application_form
        from matcheck.pipeline import assess, score
        from matcheck.profile import load_profile

        assessment = assess(load_profile(profile), parse_as_of(as_of), policy)
        write_application_form(assessment, score(assessment), output)
        info(f"wrote {output}")
        raise typer.Exit(EXIT_OK)
