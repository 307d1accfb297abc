"""``matcheck rules`` and ``matcheck explain RULE``: the rule registry and each rule's documentation."""

from __future__ import annotations

import inspect
from typing import Optional

import typer

from matcheck.cli.common import EXIT_OK, UsageError, handle_errors, write_output


def register(app: typer.Typer) -> None:
    @app.command("rules")
    @handle_errors
    def rules(format: str = typer.Option("text", "--format", "-f", envvar="MATCHECK_FORMAT", help="text | json")) -> None:
        """All rules, with codes, names, severities and references."""
        from matcheck.report.jsonable import dumps
        from matcheck.rules import RULES

        rows = [{"code": m.CODE, "rule": m.NAME, "severity": m.SEVERITY, "needs": sorted(m.NEEDS),
                 "summary": (inspect.getdoc(m) or "").splitlines()[0], "reference": m.REFERENCE}
                for m in sorted(RULES.values(), key=lambda m: m.CODE)]
        if format == "json":
            write_output(dumps(rows), None)
        elif format == "text":
            from rich.console import Console
            from rich.table import Table

            table = Table(title="matcheck rules", show_lines=False)
            for col in ("code", "rule", "severity", "summary"):
                table.add_column(col, overflow="fold")
            for r in rows:
                table.add_row(r["code"], r["rule"], r["severity"], r["summary"].split(": ", 1)[-1])
            Console(soft_wrap=False).print(table)
        else:
            raise UsageError(f"--format: {format!r} is not text or json")
        raise typer.Exit(EXIT_OK)

    @app.command("explain")
    @handle_errors
    def explain(rule: str = typer.Argument(..., help="A rule name (missing-material) or code (MC101).")) -> None:
        """One rule's documentation: what it checks, why the centre cares, an example, how to fix it."""
        import difflib

        from matcheck.rules import RULES, get_rule

        module = get_rule(rule)
        if module is None:
            close = difflib.get_close_matches(rule, list(RULES), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else "; `matcheck rules` lists them"
            raise UsageError(f"no rule {rule!r}{hint}")
        header = (f"{module.CODE} {module.NAME} (severity: {module.SEVERITY})\n"
                  f"reference: {module.REFERENCE}\n\n")
        write_output(header + (inspect.getdoc(module) or ""), None)
        raise typer.Exit(EXIT_OK)
