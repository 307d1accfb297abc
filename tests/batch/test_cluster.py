"""The batch on a real Dask cluster: a ``distributed.LocalCluster`` of worker *processes* on loopback, driven
through the CLI (``--scheduler`` and MATCHECK_SCHEDULER) and through ``run_batch`` with the cluster's executor.
Rows, per-applicant reports, ``--resume`` and a worker killed mid-run behave as with the local process pool."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from matcheck.batch import ApplicantTask, check_one, run_batch
from tests.batch.applicants import make_root

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
N = 8
BROKEN = 3
KW = dict(as_of=None, policy=None, fail_on="error", use_cache=True, lang="zh", show_pii=False)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    base = tmp_path_factory.mktemp("cluster")
    keys = make_root(base / "root", N, broken=(BROKEN,))
    return base / "root", keys


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory):
    import dask

    cache = tmp_path_factory.mktemp("worker-cache")
    old = os.environ.get("MATCHECK_CACHE_DIR")
    os.environ["MATCHECK_CACHE_DIR"] = str(cache)  # the workers inherit it: one cache shared by both
    # a task whose worker dies twice is given up (Dask's default is 3 tries; 2 keeps the test short)
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                      dashboard_address=None, silence_logs=50) as lc:
            yield lc
    if old is None:
        os.environ.pop("MATCHECK_CACHE_DIR", None)
    else:
        os.environ["MATCHECK_CACHE_DIR"] = old


def _rows(out: Path) -> dict[str, dict]:
    rows = json.loads((out / "summary.json").read_text(encoding="utf-8"))["applicants"]
    return {r["key"]: {k: v for k, v in r.items() if k != "seconds"} for r in rows}


def _reports(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted((out / "applicants").rglob("report.*"))}


def _batch(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "matcheck", "batch", *args], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300)


def test_cluster_rows_and_reports_equal_the_local_pool(root, cluster, tmp_path: Path) -> None:
    folder, keys = root
    local = _batch(str(folder), "--out", str(tmp_path / "local"), "--jobs", "2", "--as-of", "2026-11-20")
    remote = _batch(str(folder), "--out", str(tmp_path / "cluster"), "--as-of", "2026-11-20",
                    env={"MATCHECK_SCHEDULER": cluster.scheduler_address})
    assert remote.returncode == local.returncode == 2, remote.stderr  # the broken profile: exit 2 both ways
    assert f"{N} applicants" in remote.stderr and "1 bad input" in remote.stderr
    assert _rows(tmp_path / "cluster") == _rows(tmp_path / "local")
    assert list(_rows(tmp_path / "cluster")) == keys
    assert _reports(tmp_path / "cluster") == _reports(tmp_path / "local")
    meta = json.loads((tmp_path / "cluster" / "summary.json").read_text(encoding="utf-8"))
    assert meta.get("jobs") == 2 or meta.get("meta", {}).get("jobs") == 2  # the cluster's worker slots


def test_cluster_resume_redoes_only_the_changed_applicant(root, cluster, tmp_path: Path) -> None:
    folder, keys = root
    out = tmp_path / "out"
    args = [str(folder), "--out", str(out), "--scheduler", cluster.scheduler_address]
    assert _batch(*args).returncode == 2
    changed = keys[5]
    profile = folder / changed / "profile.yaml"
    original = profile.read_text(encoding="utf-8")
    try:
        profile.write_text(original + "\n# edited\n", encoding="utf-8")
        second = _batch(*args, "--resume")
    finally:
        profile.write_text(original, encoding="utf-8")
    assert second.returncode == 2, second.stderr
    rows = json.loads((out / "summary.json").read_text(encoding="utf-8"))["applicants"]
    assert [r["key"] for r in rows if not r["reused"]] == [changed]


def kill_worker_once(task: ApplicantTask):
    """Kills its worker process the first time it meets applicant 2 (a marker file remembers); Dask then runs
    the task again on a live worker."""
    marker = Path(os.environ["MATCHECK_CACHE_DIR"]) / f"killed-{task.key.replace('/', '_')}"
    if task.key.endswith("applicant-0002") and not marker.exists():
        marker.write_text("x")
        os._exit(70)
    return check_one(task)


def kill_worker_always(task: ApplicantTask):
    """Kills every worker that checks applicant 2 (as a segfault in a PDF library would)."""
    if task.key.endswith("applicant-0002"):
        os._exit(70)
    return check_one(task)


def _bounded_batch(client, folder: Path, out: Path, work, seconds: float = 240) -> int:
    """run_batch on the cluster with a deadline: a cluster that has lost every worker makes Dask wait for one
    forever, which must fail this test, not hang the suite."""
    import threading

    client.wait_for_workers(2, timeout=90)
    result: dict[str, int] = {}
    thread = threading.Thread(target=lambda: result.setdefault(
        "code", run_batch(folder, out, jobs=2, executor=client.get_executor(pure=False), work=work, **KW)),
        daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        workers = len(client.scheduler_info().get("workers", {}))
        client.close()  # the batch's futures fail, its thread ends
        pytest.fail(f"the batch did not finish in {seconds} s ({workers} workers left on the cluster)")
    return result["code"]


def test_a_worker_killed_mid_run_is_replaced_and_the_batch_completes(root, tmp_path: Path, monkeypatch) -> None:
    """Its own cluster: the killed workers must be restarted by this cluster's nannies, whatever other tests did."""
    import dask

    folder, keys = root
    (tmp_path / "cache").mkdir()
    monkeypatch.setenv("MATCHECK_CACHE_DIR", str(tmp_path / "cache"))  # the workers inherit it (the marker's place)
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                     dashboard_address=None, silence_logs=50) as cluster, \
            distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        _check_killed_worker_runs(client, folder, keys, tmp_path)


def _check_killed_worker_runs(client, folder: Path, keys: list[str], tmp_path: Path) -> None:
    code = _bounded_batch(client, folder, tmp_path / "once", kill_worker_once)
    assert code == 2  # the broken profile; the killed worker cost nothing
    rows = _rows(tmp_path / "once")
    assert all(r["status"] == "checked" for k, r in rows.items() if not k.endswith(f"{BROKEN:04d}"))
    code = _bounded_batch(client, folder, tmp_path / "always", kill_worker_always)
    assert code == 3
    rows = _rows(tmp_path / "always")
    lost = rows[next(k for k in keys if k.endswith("applicant-0002"))]
    assert lost["status"] == "failed" and "worker process died" in lost["error"]
    assert sum(r["status"] == "checked" for r in rows.values()) == N - 2  # as with the local pool


def test_unreachable_scheduler_is_one_line_exit_2(root, tmp_path: Path) -> None:
    folder, _keys = root
    done = _batch(str(folder), "--out", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:9",
                  env={"MATCHECK_CLUSTER_TIMEOUT": "3"})
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Dask scheduler at tcp://127.0.0.1:9" in done.stderr
