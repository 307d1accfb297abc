"""Progress of a batch on stderr: a rich progress bar on a terminal, else one line every few applicants; both
with an estimate of the time left (:class:`TimeLeft`)."""

from __future__ import annotations

import sys
import time
from typing import Any, Callable, TextIO


class TimeLeft:
    """The time left in a batch, from the pace of the applicants checked so far.

    The pace is measured from the moment each worker has finished its first two applicants (the first pays for
    starting the worker and building the OCR engine, the second still runs slow), as completions per second over
    all the later ones. Applicants reused by ``--resume`` cost nothing and are left out of the pace
    and of what is left. Tested on simulated batches (tests/batch/test_progress_eta.py) and measured on a real one
    (benchmarks/batch_bench.py): within 30% once a tenth of the applicants is done."""

    def __init__(self, total: int, clock: Callable[[], float] = time.monotonic, workers: int = 1):
        self.total, self.clock, self.workers = total, clock, max(1, workers)
        self.finished: list[float] = []  # clock at each checked applicant's completion
        self.reused = 0

    def add(self, reused: bool = False) -> None:
        if reused:
            self.reused += 1
        else:
            self.finished.append(self.clock())

    def seconds(self) -> float | None:
        """Seconds left, or None while fewer than three applicants were checked (too early to say)."""
        done = len(self.finished)
        left = self.total - done - self.reused
        if left <= 0:
            return 0.0
        if done < 3:
            return None
        first = min(2 * self.workers, done // 2)  # the pace from each worker's third applicant on (measured:
        window = done - 1 - first  # with OCR the first costs ~7x the usual, the second ~2x, then steady)
        span = self.finished[-1] - self.finished[first]
        if span <= 0:
            return None
        return max(0.0, left * span / window - (self.clock() - self.finished[-1]))


def format_seconds(seconds: float) -> str:
    """``about 2 h 05 min`` / ``about 4 min 10 s`` / ``about 40 s`` (to the stderr progress line)."""
    s = int(round(seconds))
    if s >= 3600:
        return f"about {s // 3600} h {s % 3600 // 60:02d} min"
    if s >= 60:
        return f"about {s // 60} min {s % 60:02d} s"
    return f"about {s} s"


class BatchProgress:
    """``advance(outcome)`` after each applicant; ``close()`` at the end. Never writes to stdout."""

    def __init__(self, total: int, stream: TextIO | None = None, *, every: int | None = None,
                 clock: Callable[[], float] = time.monotonic, workers: int = 1):
        self.total, self.done = total, 0
        self.eta = TimeLeft(total, clock, workers)
        self.stream = stream or sys.stderr
        self.bad = 0
        self._bar: Any = None
        self.every = every or max(1, min(50, -(-total // 20)))  # about 20 lines for a whole batch
        if _is_tty(self.stream):
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn("[bold]matcheck batch"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[note]}"), TimeElapsedColumn(), TextColumn("{task.fields[eta]}"),
                                 console=Console(file=self.stream), transient=False)
            self._task = self._bar.add_task("batch", total=total, note="", eta="")
            self._bar.start()

    def advance(self, outcome: Any) -> None:
        self.done += 1
        self.eta.add(bool(getattr(outcome, "reused", False)))
        if getattr(outcome, "status", "checked") in ("bad-input", "failed"):
            self.bad += 1
        note = f"{self.bad} could not be checked" if self.bad else ""
        left = self.eta.seconds() if self.done < self.total else None
        eta = f"{format_seconds(left)} left" if left is not None else ""
        if self._bar is not None:
            self._bar.update(self._task, advance=1, note=note, eta=eta)
        elif self.done % self.every == 0 or self.done == self.total:
            self.stream.write(f"matcheck batch: {self.done}/{self.total} applicants"
                              + "".join(f"; {x}" for x in (note, eta) if x) + "\n")
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
