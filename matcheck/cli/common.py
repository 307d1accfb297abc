"""What every command shares: options, error handling (one line, exit 2), output to stdout or ``-o``.

Exit codes (contracts.md §2): 0 nothing blocking; 1 an error-level finding (for ``score``: standard not reached);
2 the input could not be used. An unexpected internal error prints one line and exits 3
(``MATCHECK_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import functools
import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Optional

import typer

from matcheck.console import info
from matcheck.dates import check_assessment_date, parse_date
from matcheck.errors import PolicyVersionError, ProfileError, UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


class Lang(str, Enum):
    zh = "zh"
    en = "en"


def parse_as_of(value: Optional[str]) -> Optional[date]:
    if value is None or value == "":
        return None
    try:
        parsed = parse_date(value)
    except ValueError:
        raise UsageError(f"--as-of: {value!r} is not a date (YYYY-MM-DD)") from None
    try:
        return check_assessment_date(parsed)
    except ValueError as exc:
        raise UsageError(f"--as-of: {exc}") from None


def write_output(text: str, output: Optional[Path], reading: Optional[Path] = None) -> None:
    """The report goes to stdout, or to ``-o FILE`` (written atomically; never inside ``reading``, the applicant
    folder the command reads)."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from matcheck.outputs import write_output_file  # start-up: the folder walker is not needed for --help

    write_output_file(output, text.encode("utf-8") if isinstance(text, str) else text, reading)
    info(f"wrote {output}")


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every user-facing error into one line on stderr and exit code 2; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        show_pii = bool(kwargs.get("show_pii"))
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except ProfileError as exc:
            for line in exc.lines:
                info(error_line(line, show_pii))
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except (UsageError, PolicyVersionError) as exc:
            info(error_line(f"matcheck: {exc}", show_pii))
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except KeyboardInterrupt:
            info("matcheck: interrupted")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(EXIT_OK) from None
        except Exception as exc:  # a bug: still one line, unless debugging
            if os.environ.get("MATCHECK_DEBUG"):
                raise
            info(error_line(f"matcheck: internal error: {type(exc).__name__}: {exc} (set MATCHECK_DEBUG=1 for "
                            "details)", show_pii))
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


def check_ocr_backend() -> None:
    """For a command that reads documents (``check``, ``scan``, ``batch``, ``init --from-documents``): a wrong
    ``MATCHECK_OCR_BACKEND`` is a usage error before anything is read (one line naming the variable and the words
    it takes, exit 2), not a failure on every photo. Commands that read no documents never look at it.
    :func:`matcheck.documents.ocr.requested_backend` is the one validator."""
    from matcheck.documents.ocr import OcrBackendError, requested_backend  # cheap: no runtime imported

    try:
        requested_backend()
    except OcrBackendError as exc:
        raise UsageError(str(exc)) from None


def error_line(text: str, show_pii: bool = False) -> str:
    """An error message as printed: one line of bounded length, control characters escaped, ID numbers masked
    (unless --show-pii)."""
    from matcheck.report.pii import masked  # start-up: renderers load only when a report is written
    from matcheck.textsafe import clip, escape_control

    return clip(escape_control(masked(text, show_pii)), 400)


# Option factories: every flag has an environment variable (pip-audit style).
def as_of_option() -> Any:
    return typer.Option(None, "--as-of", envvar="MATCHECK_AS_OF", metavar="YYYY-MM-DD",
                        help="Assessment date (default: the profile's as_of, else today).")


def policy_option() -> Any:
    return typer.Option(None, "--policy", envvar="MATCHECK_POLICY", metavar="auto|2013|2018|2023",
                        help="Policy version (default: the profile's, else chosen by the date).")


def output_option() -> Any:
    return typer.Option(None, "-o", "--output", envvar="MATCHECK_OUTPUT", help="Write the report to FILE.")


def lang_option() -> Any:
    return typer.Option(Lang.zh, "--lang", envvar="MATCHECK_LANG", help="Language of messages: zh or en.")


def show_pii_option() -> Any:
    return typer.Option(False, "--show-pii", envvar="MATCHECK_SHOW_PII", help="Show ID numbers unmasked.")


def reading_progress() -> Callable[[int, int, str], None] | None:
    """A progress callback for reading a folder: one overwritten line on a terminal (OCR takes a second or so an
    image), the file name escaped and masked; None when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None

    def progress(i: int, n: int, path: str) -> None:
        from matcheck.report.pii import mask_pii
        from matcheck.textsafe import escape_control

        sys.stderr.write(f"\r\033[K读取 {i}/{n}: {mask_pii(escape_control(path))}" + ("\n" if i == n else ""))
        sys.stderr.flush()

    return progress
