"""Progress of a batch on stderr: a rich progress bar on a terminal, else one line every few applicants."""

from __future__ import annotations

import sys
from typing import Any, TextIO


class BatchProgress:
    """``advance(outcome)`` after each applicant; ``close()`` at the end. Never writes to stdout."""

    def __init__(self, total: int, stream: TextIO | None = None, *, every: int | None = None):
        self.total, self.done = total, 0
        self.stream = stream or sys.stderr
        self.bad = 0
        self._bar: Any = None
        self.every = every or max(1, min(50, -(-total // 20)))  # about 20 lines for a whole batch
        if _is_tty(self.stream):
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                       TimeRemainingColumn)

            self._bar = Progress(TextColumn("[bold]matcheck batch"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[note]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                                 console=Console(file=self.stream), transient=False)
            self._task = self._bar.add_task("batch", total=total, note="")
            self._bar.start()

    def advance(self, outcome: Any) -> None:
        self.done += 1
        if getattr(outcome, "status", "checked") in ("bad-input", "failed"):
            self.bad += 1
        note = f"{self.bad} could not be checked" if self.bad else ""
        if self._bar is not None:
            self._bar.update(self._task, advance=1, note=note)
        elif self.done % self.every == 0 or self.done == self.total:
            self.stream.write(f"matcheck batch: {self.done}/{self.total} applicants" + (f"; {note}" if note else "")
                              + "\n")
            self.stream.flush()

    def message(self, text: str) -> None:
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False)
        else:
            self.stream.write(text + "\n")
            self.stream.flush()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
