"""``matcheck policy lint|show``: the policy data in checklists/ (every value with its source)."""

from __future__ import annotations

from typing import Optional

import typer

from matcheck.cli.common import (EXIT_BAD_INPUT, EXIT_OK, as_of_option, handle_errors, info, parse_as_of,
                                 policy_option, write_output)


def register(app: typer.Typer) -> None:
    policy_app = typer.Typer(help="The policy data: versions and dated parameters with their sources.",
                             no_args_is_help=True)
    app.add_typer(policy_app, name="policy")

    @policy_app.command("lint")
    @handle_errors
    def lint() -> None:
        """Fail when a policy value has no source or confidence, or a reference names an undefined source."""
        from matcheck.policy import lint as lint_policy
        from matcheck.policy import load_parameters
        from matcheck.rules import RULES
        from matcheck.sources import lint as lint_sources
        from matcheck.sources import rule_texts

        problems = lint_policy() + lint_sources(rule_texts(RULES.values()))
        for p in problems:
            info(p)
        count = len(load_parameters())
        info(f"{count} parameters, {len(problems)} problems")
        raise typer.Exit(EXIT_BAD_INPUT if problems else EXIT_OK)

    @policy_app.command("show")
    @handle_errors
    def show(as_of: Optional[str] = as_of_option(), policy: Optional[str] = policy_option()) -> None:
        """Every parameter in force on a date, with its value, date, source and confidence."""
        from datetime import date

        from matcheck.policy import choose_policy, load_parameters, params_at

        day = parse_as_of(as_of) or date.today()
        choice = choose_policy(day, policy or "auto")
        params = params_at(choice.parameter_day)
        lines = [f"policy {choice.version.id} ({choice.version.name}, {choice.version.document}); values on "
                 f"{choice.parameter_day}"]
        for name in sorted(load_parameters()):
            if params.has(name):
                ref = params.ref(name)
                lines.append(f"{name} = {ref.value!r}  (since {ref.since}; {ref.cite()})")
        write_output("\n".join(lines), None)
        raise typer.Exit(EXIT_OK)
