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
    """The console entry point. A usage error (an unknown option, a bad value, a missing argument) is one line on
    stderr and exit 2, like every other bad input (contracts.md §2), not typer's boxed panel."""
    import sys

    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        sys.stderr.write("matcheck: aborted\n")
        sys.exit(1)
    except Exception as exc:
        if not (hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int)):
            raise
        if type(exc).__name__ == "NoArgsIsHelpError":  # `matcheck` alone: the help (rich prints it), exit 2 as before
            help_text = exc.format_message()
            if help_text.strip():
                sys.stderr.write(help_text.rstrip("\n") + "\n")
            sys.exit(exc.exit_code)
        ctx = getattr(exc, "ctx", None)
        where = f"{ctx.command_path}: " if ctx is not None else "matcheck: "
        message = " ".join(exc.format_message().split())
        hint = f" (`{ctx.command_path} -h` for help)" if ctx is not None else ""
        sys.stderr.write(f"{where}{message}{hint}\n")
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
