"""A rich console that renders to a string (wide enough for Chinese tables, no colour codes when piped)."""

from __future__ import annotations

import io
import os
import sys
from contextvars import ContextVar

from rich.console import Console

# The width a batch's text reports are rendered at, set by the batch for the duration of one rendering so that a
# report is the same whichever worker (process, thread, cluster node, each with its own COLUMNS) renders it.
REPORT_WIDTH: ContextVar[int | None] = ContextVar("REPORT_WIDTH", default=None)

from matcheck.report.pii import mask_unless_shown
from matcheck.textsafe import escape_control


class _SafeConsole(Console):
    """Every string printed or put in a table passes through here: control characters that came with untrusted
    text (a file name, a document's text in a finding, a profile value) are shown as escapes, never sent to the
    terminal. matcheck's own colours are styles, added after this, so they still work."""

    def render_str(self, text: str, **kwargs):  # type: ignore[override]
        return super().render_str(escape_control(mask_unless_shown(text), one_line=False), **kwargs)


DEFAULT_WIDTH = 110  # wide enough for the Chinese tables when the output is a file or a pipe
MIN_WIDTH = 40


def report_width() -> int:
    """The text reports' width on this machine: its ``COLUMNS`` (at least :data:`MIN_WIDTH`), else
    :data:`DEFAULT_WIDTH`. ``COLUMNS`` is the shell's, not matcheck's: a value that is not a number is ignored."""
    try:
        return max(MIN_WIDTH, int(os.environ.get("COLUMNS") or DEFAULT_WIDTH))
    except ValueError:
        return DEFAULT_WIDTH


def string_console(width: int | None = None) -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    console = _SafeConsole(file=buf, width=width or REPORT_WIDTH.get() or report_width(), force_terminal=color, markup=False,
                      color_system="standard" if color else None, highlight=False, soft_wrap=False)
    return console, buf
