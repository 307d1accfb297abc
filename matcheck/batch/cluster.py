"""A batch on a Dask distributed cluster (``matcheck batch ROOT --out DIR --scheduler tcp://HOST:8786``).

The runner takes any ``concurrent.futures.Executor``; this module connects to a scheduler and hands back Dask's
executor, with the number of worker threads as the batch's ``jobs`` (how many applicants are kept in flight:
twice that). Needs the optional extra ``pip install 'matcheck[cluster]'`` (``distributed``) on the machine that
runs the batch and on every worker, with matcheck itself installed on the workers.

What travels over the wire (``--ship-files``, ``ship.py``): each task is an
:class:`~matcheck.batch.work.ApplicantTask` — the applicant folder's *path* and the settings, a few hundred bytes,
when the workers see the folders at the same path (a shared or network file system); with the folder's profile
and files as bytes as well when they do not (:func:`workers_see` asks them) — and each result is the applicant's
outcome row with its rendered JSON and text reports. The batch machine writes every report. Each worker uses its
own extraction cache (``MATCHECK_CACHE_DIR`` in the worker's environment, else its user's ``~/.cache/matcheck``); a
cache directory shared by all workers works too, since entries are written atomically and keyed by content. A
``tls://`` scheduler needs Dask's TLS settings on this machine (``distributed.comm.tls.*``). See docs/batch.md.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any, Callable

from matcheck.errors import UsageError

DEFAULT_TIMEOUT_SECONDS = 30.0


class ClusterError(RuntimeError):
    """The scheduler cannot be reached, or the cluster extra is not installed (one line for the user)."""


def cluster_timeout() -> float:
    """Seconds to wait for the scheduler, or for the workers' answers (``MATCHECK_CLUSTER_TIMEOUT``, else
    :data:`DEFAULT_TIMEOUT_SECONDS`); a value that is not a positive number is refused (UsageError: exit 2)."""
    raw = os.environ.get("MATCHECK_CLUSTER_TIMEOUT")
    if not raw:
        return DEFAULT_TIMEOUT_SECONDS
    try:
        value = float(raw)
    except ValueError:
        raise UsageError(f"MATCHECK_CLUSTER_TIMEOUT: {raw!r} is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise UsageError(f"MATCHECK_CLUSTER_TIMEOUT: {value} must be more than 0 seconds")
    return value


def connect(address: str, timeout: float | None = None) -> tuple[Any, Any, int]:
    """``(client, executor, slots)`` for the scheduler at ``address``; ``slots``: worker threads (at least 1).
    ``timeout``: seconds to wait for the scheduler (default :func:`cluster_timeout`)."""
    if timeout is None:
        timeout = cluster_timeout()
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--scheduler needs the cluster extra: pip install 'matcheck[cluster]' "
                           "(the distributed package)") from None
    if address.strip().lower().startswith("tls://"):
        from distributed.security import Security

        if not Security().tls_ca_file:  # Dask's configuration (or DASK_DISTRIBUTED__COMM__TLS__* variables)
            raise ClusterError(f"--scheduler: {address} uses TLS, but no certificates are configured for this "
                               "machine: set DASK_DISTRIBUTED__COMM__TLS__CA_FILE, ..._TLS__CLIENT__CERT and "
                               "..._TLS__CLIENT__KEY (see docs/batch.md)")
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"--scheduler: cannot reach the Dask scheduler at {address} "
                           f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no answer'})") \
            from None
    slots = sum(client.nthreads().values()) or 1
    return client, client.get_executor(pure=False), slots


def worker_lost(exc: BaseException) -> bool:
    """The task's worker died each time it ran it (Dask gives up after ``allowed-failures`` tries)."""
    return type(exc).__name__ == "KilledWorker"


def workers_see(client: Any, folders: list[str], timeout: float | None = None) -> tuple[int, int]:
    """(workers that see ``folders`` as this machine does, workers asked): each worker computes the
    :func:`~matcheck.batch.ship.folder_view` of each folder, which must equal this machine's. A worker whose
    answer is an error (no matcheck there, a permission problem) does not see them; if the answers do not all come
    within ``timeout`` seconds (default :func:`cluster_timeout`; a worker stuck on a hung network mount), none is
    taken to see them."""
    import threading

    from matcheck.batch.ship import folder_views

    expected = folder_views(folders)
    asked = len(client.nthreads())
    answers: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: answers.update(client.run(folder_views, folders, on_error="return")),
                              daemon=True)
    thread.start()
    thread.join(cluster_timeout() if timeout is None else timeout)
    if thread.is_alive():
        return 0, asked
    seeing = sum(1 for answer in answers.values() if answer == expected)
    return seeing, len(answers)


def allow_large_tasks(nbytes: int) -> None:
    """Tasks that carry an applicant's files are large by design: raise Dask's "Sending large graph" warning
    threshold above the most that may be sent at once (the warning would otherwise print for every applicant)."""
    import dask

    dask.config.set({"distributed.admin.large-graph-warning-threshold": f"{nbytes + (16 << 20)}B"})


def shipping(client: Any, mode: str) -> bool | Callable[[list[Path]], bool]:
    """What ``run_batch(ship=...)`` needs for ``--ship-files mode``: True or False, or for ``auto`` a function that
    asks the workers about sample applicant folders (:func:`workers_see`), says on stderr what it found, and sends
    the files unless every worker sees the folders as this machine does."""
    if mode != "auto":
        return mode == "always"

    def decide(folders: list[Path]) -> bool:
        from matcheck.batch.ship import samples
        from matcheck.console import info

        seeing, asked = workers_see(client, [str(f) for f in samples(folders)])
        if asked and seeing == asked:
            info(f"matcheck batch: the {asked} workers see the applicant folders as this machine does; sending paths")
            return False
        blind = (f"{asked - seeing} of {asked} workers do not see the applicant folders as this machine does"
                 if asked else "no worker is connected yet to ask whether it sees the applicant folders")
        info(f"matcheck batch: {blind}; sending each applicant's files with its task")
        return True

    return decide
