"""The command line: a thin typer app. Each command lives in its own module and only parses, calls one
pipeline function and renders. Nothing heavy (OCR, PDF, DOCX) is imported until a command needs it."""

from __future__ import annotations

import typer

from matcheck.cli import batch_cmd, check_cmd, checklist_cmd, form_cmd, init_cmd, policy_cmd, rules_cmd, scan_cmd, score_cmd

app = typer.Typer(
    name="matcheck",
    help="《上海市居住证》积分 pre-check, offline: score, materials checklist, folder reading, findings, form, batch.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

for _module in (score_cmd, checklist_cmd, check_cmd, scan_cmd, form_cmd, batch_cmd, rules_cmd, init_cmd, policy_cmd):
    _module.register(app)


def main() -> None:
    app()
