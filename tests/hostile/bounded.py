"""A hang guard for in-process hostile tests: not a time limit on the code (the standard: never a timed test), only
a way for a hang to fail the test instead of stopping the run. SIGALRM interrupts a blocking open() of a FIFO and
a Python loop alike; the main thread only (where pytest runs tests)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

HANG_SECONDS = 120  # a hang is forever; anything that returns at all is far inside this on a loaded machine


class _Hang(Exception):
    pass


def _alarm(signum, frame):  # noqa: ARG001
    raise _Hang()


@contextmanager
def fails_on_hang(what: str, seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Run the block; if it has not returned after ``seconds``, fail the test with ``what``."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        yield
    except _Hang:
        pytest.fail(f"hang: {what}")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
