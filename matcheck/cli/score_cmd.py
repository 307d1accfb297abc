"""``matcheck score PROFILE``: the score, indicator by indicator, and the road to 120."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from matcheck.cli.common import (EXIT_FINDINGS, EXIT_OK, Lang, as_of_option, handle_errors, lang_option, output_option,
                                 parse_as_of, policy_option, show_pii_option, write_output)


def register(app: typer.Typer) -> None:
    @app.command("score")
    @handle_errors
    def score(
        profile: Path = typer.Argument(..., help="The applicant's profile (YAML or JSON)."),
        as_of: Optional[str] = as_of_option(),
        policy: Optional[str] = policy_option(),
        format: str = typer.Option("text", "--format", "-f", envvar="MATCHECK_FORMAT", help="text | json | markdown"),
        output: Optional[Path] = output_option(),
        lang: Lang = lang_option(),
        show_pii: bool = show_pii_option(),
    ) -> None:
        """The score under the policy in force on a date, with the reason and rule behind every figure."""
        from matcheck.pipeline import assess, profile_findings, score
        from matcheck.profile import load_profile
        from matcheck.report import renderer
        from matcheck.report.pii import render_masked
        from matcheck.rules import RuleConfig

        fmt = renderer(format, "score")
        prof = load_profile(profile)
        assessment = assess(prof, parse_as_of(as_of), policy)
        result = score(assessment)
        findings = profile_findings(assessment, result, config=RuleConfig(lang=lang.value))
        write_output(render_masked(lambda: fmt.score(result, findings, lang=lang.value), show_pii), output)
        raise typer.Exit(EXIT_OK if result.reaches_standard else EXIT_FINDINGS)
