"""The batch on a real Dask cluster: a ``distributed.LocalCluster`` of worker *processes* on loopback, driven
through the CLI (``--scheduler`` and MATCHECK_SCHEDULER) and through ``run_batch`` with the cluster's executor.
Rows, per-applicant reports, ``--resume`` and a worker killed mid-run behave as with the local process pool, with
the folders' paths sent (the workers see them) and with their files sent (``--ship-files``): on a cluster whose
workers share the file system, and on one whose workers truly cannot see the applicant folders (they run in a
private mount namespace where an empty file system hides them)."""

from __future__ import annotations

import json
import os
import selectors
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from matcheck.batch import ApplicantTask, check_one, run_batch
from tests.batch.applicants import add_hostile_files, make_root

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
    add_hostile_files(base / "root" / "applicant-0004")  # a FIFO, a link out, a file over the size limit
    return base / "root", keys


@pytest.fixture(scope="module")
def local(root, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The local pool's run, which every cluster run must equal."""
    folder, _keys = root
    out = tmp_path_factory.mktemp("local") / "out"
    done = _batch(str(folder), "--out", str(out), "--jobs", "2", "--as-of", "2026-11-20")
    assert done.returncode == 2, done.stderr
    return out


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory):
    import dask

    cache = tmp_path_factory.mktemp("worker-cache")
    old = os.environ.get("MATCHECK_CACHE_DIR")
    os.environ["MATCHECK_CACHE_DIR"] = str(cache)  # the workers inherit it: one cache shared by both
    # a task whose worker dies twice is given up (Dask's default is 3 tries; 2 keeps the test short)
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                      dashboard_address="127.0.0.1:0", silence_logs=50) as lc:
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


def test_cluster_rows_and_reports_equal_the_local_pool(root, local, cluster, tmp_path: Path) -> None:
    folder, keys = root
    remote = _batch(str(folder), "--out", str(tmp_path / "cluster"), "--as-of", "2026-11-20",
                    env={"MATCHECK_SCHEDULER": cluster.scheduler_address})
    assert remote.returncode == 2, remote.stderr  # the broken profile: exit 2 as with the local pool
    assert f"{N} applicants" in remote.stderr and "1 bad input" in remote.stderr
    assert "the 2 workers see the applicant folders as this machine does; sending paths" in remote.stderr
    assert _rows(tmp_path / "cluster") == _rows(local)
    assert list(_rows(tmp_path / "cluster")) == keys
    assert _reports(tmp_path / "cluster") == _reports(local)
    meta = json.loads((tmp_path / "cluster" / "summary.json").read_text(encoding="utf-8"))
    assert meta.get("jobs") == 2 or meta.get("meta", {}).get("jobs") == 2  # the cluster's worker slots


def test_files_sent_to_workers_give_the_same_rows_and_reports(root, local, cluster, tmp_path: Path) -> None:
    folder, _keys = root
    sent = _batch(str(folder), "--out", str(tmp_path / "sent"), "--as-of", "2026-11-20", "--scheduler",
                  cluster.scheduler_address, env={"MATCHECK_SHIP_FILES": "always"})
    assert sent.returncode == 2, sent.stderr
    assert "sending" not in sent.stderr  # always: nobody is asked
    assert _rows(tmp_path / "sent") == _rows(local)
    assert _reports(tmp_path / "sent") == _reports(local)
    hostile = (tmp_path / "sent" / "applicants" / "applicant-0004" / "report.json").read_text(encoding="utf-8")
    assert "管道.pdf" in hostile and "文件过大" in hostile and "链接指向文件夹之外" in hostile


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
    sent = "sent-" if task.content is not None else ""
    marker = Path(os.environ["MATCHECK_CACHE_DIR"]) / f"killed-{sent}{task.key.replace('/', '_')}"
    if task.key.endswith("applicant-0002") and not marker.exists():
        marker.write_text("x")
        os._exit(70)
    return check_one(task)


def kill_worker_always(task: ApplicantTask):
    """Kills every worker that checks applicant 2 (as a segfault in a PDF library would)."""
    if task.key.endswith("applicant-0002"):
        os._exit(70)
    return check_one(task)


def _bounded_batch(client, folder: Path, out: Path, work, seconds: float = 240, ship: bool = False) -> int:
    """run_batch on the cluster with a deadline: a cluster that has lost every worker makes Dask wait for one
    forever, which must fail this test, not hang the suite."""
    import threading

    client.wait_for_workers(2, timeout=90)
    result: dict[str, int] = {}
    thread = threading.Thread(target=lambda: result.setdefault(
        "code", run_batch(folder, out, jobs=2, executor=client.get_executor(pure=False), work=work, ship=ship,
                          **KW)),
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
                                     dashboard_address="127.0.0.1:0", silence_logs=50) as cluster, \
            distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        _check_killed_worker_runs(client, folder, keys, tmp_path)


def _check_killed_worker_runs(client, folder: Path, keys: list[str], tmp_path: Path) -> None:
    for ship in (False, True):  # a task that carries the files is run again elsewhere all the same
        once, always = tmp_path / f"once-{ship}", tmp_path / f"always-{ship}"
        code = _bounded_batch(client, folder, once, kill_worker_once, ship=ship)
        assert code == 2  # the broken profile; the killed worker cost nothing
        rows = _rows(once)
        assert all(r["status"] == "checked" for k, r in rows.items() if not k.endswith(f"{BROKEN:04d}"))
        code = _bounded_batch(client, folder, always, kill_worker_always, ship=ship)
        assert code == 3
        rows = _rows(always)
        lost = rows[next(k for k in keys if k.endswith("applicant-0002"))]
        assert lost["status"] == "failed" and "worker process died" in lost["error"]
        assert sum(r["status"] == "checked" for r in rows.values()) == N - 2  # as with the local pool


def test_unreachable_scheduler_is_one_line_exit_2(root, tmp_path: Path) -> None:
    folder, _keys = root
    done = _batch(str(folder), "--out", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:9",
                  env={"MATCHECK_CLUSTER_TIMEOUT": "3"})
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Dask scheduler at tcp://127.0.0.1:9" in done.stderr


# ---------------------------------------------------------------------------- workers that cannot see the folders

BLIND_CLUSTER = """
import sys, dask, distributed
with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                              dashboard_address="127.0.0.1:0", silence_logs=50) as lc:
    print(lc.scheduler_address, flush=True)
    sys.stdin.read()  # until the test closes it
"""


@pytest.fixture(scope="module")
def blind_cluster(root, tmp_path_factory: pytest.TempPathFactory):
    """A LocalCluster started in a private mount namespace in which an empty tmpfs is mounted over the folder that
    holds the applicants: its scheduler and worker processes share this machine's loopback but truly cannot see
    the applicant folders (as workers on other machines without a shared file system). Needs ``unshare``
    (util-linux) and permission for a mount namespace (root, or unprivileged user namespaces)."""
    folder, _keys = root
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("needs unshare (util-linux) to give the workers a file system without the applicants")
    cache = tmp_path_factory.mktemp("blind-cache")
    flags = ["-m"] if os.geteuid() == 0 else ["-r", "-m"]
    cmd = [unshare, *flags, "--propagation", "private", "sh", "-c",
           'mount -t tmpfs -o size=1m,mode=0700 hidden "$0" && exec "$1" -c "$2"',
           str(folder.parent), sys.executable, BLIND_CLUSTER]
    proc = subprocess.Popen(cmd, cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "MATCHECK_CACHE_DIR": str(cache)})
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    address = proc.stdout.readline().strip() if selector.select(timeout=90) else ""
    if not address.startswith("tcp://"):
        proc.kill()
        why = proc.communicate(timeout=30)[1].strip().splitlines()[-1:] or ["no answer"]
        pytest.skip(f"cannot start a cluster in a private mount namespace here: {why[0]}")
    try:
        yield address
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


def test_workers_that_cannot_see_the_folders_are_sent_the_files(root, local, blind_cluster, tmp_path) -> None:
    folder, keys = root
    never = _batch(str(folder), "--out", str(tmp_path / "never"), "--as-of", "2026-11-20",
                   "--scheduler", blind_cluster, "--ship-files", "never")
    rows = _rows(tmp_path / "never")
    assert never.returncode == 2 and all(r["status"] == "bad-input" for r in rows.values()), never.stderr
    assert all("folder not found" in r["error"] for r in rows.values())  # they truly do not see them
    auto = _batch(str(folder), "--out", str(tmp_path / "auto"), "--as-of", "2026-11-20",
                  "--scheduler", blind_cluster)
    assert auto.returncode == 2, auto.stderr
    assert "2 of 2 workers do not see the applicant folders" in auto.stderr
    assert _rows(tmp_path / "auto") == _rows(local)
    assert _reports(tmp_path / "auto") == _reports(local)
    # --resume: only the changed applicant is sent and checked again
    changed = keys[5]
    profile = folder / changed / "profile.yaml"
    original = profile.read_text(encoding="utf-8")
    try:
        profile.write_text(original + "\n# edited\n", encoding="utf-8")
        again = _batch(str(folder), "--out", str(tmp_path / "auto"), "--as-of", "2026-11-20",
                       "--scheduler", blind_cluster, "--resume")
    finally:
        profile.write_text(original, encoding="utf-8")
    assert again.returncode == 2, again.stderr
    resumed = json.loads((tmp_path / "auto" / "summary.json").read_text(encoding="utf-8"))["applicants"]
    assert [r["key"] for r in resumed if not r["reused"]] == [changed]


def test_a_tls_scheduler_without_certificates_is_one_line_exit_2(root, tmp_path: Path) -> None:
    """The files travel encrypted only with TLS; a tls:// scheduler and no certificates configured here is said in
    one line before anything is sent (Dask would otherwise fail deep inside with a TypeError)."""
    folder, _keys = root
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASK_DISTRIBUTED__COMM__TLS")}
    done = subprocess.run([sys.executable, "-m", "matcheck", "batch", str(folder), "--out", str(tmp_path / "o"),
                           "--scheduler", "tls://127.0.0.1:9"], cwd=REPO, capture_output=True, text=True,
                          env={**env, "MATCHECK_CLUSTER_TIMEOUT": "3"}, timeout=120)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "uses TLS, but no certificates are configured" in done.stderr


def _tls_files(folder: Path) -> dict[str, Path]:
    """A throw-away CA and one certificate for 127.0.0.1 signed by it (PEM files), made with ``cryptography``."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.timezone.utc)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "matcheck test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
          .not_valid_after(now + dt.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    files = {"ca": folder / "ca.pem", "cert": folder / "node.pem", "key": folder / "node.key"}
    files["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files["cert"].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files["key"].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    files["key"].chmod(0o600)
    return files


def test_files_sent_over_tls_as_docs_batch_md_says(root, local, tmp_path: Path) -> None:
    """The TLS set-up of docs/batch.md: a scheduler and workers that accept TLS only, and the batch machine given
    its certificate through Dask's DASK_DISTRIBUTED__COMM__TLS__* variables; the files travel encrypted."""
    from distributed.security import Security

    folder, _keys = root
    pem = _tls_files(tmp_path)
    security = Security(tls_ca_file=str(pem["ca"]), tls_scheduler_cert=str(pem["cert"]),
                        tls_scheduler_key=str(pem["key"]), tls_worker_cert=str(pem["cert"]),
                        tls_worker_key=str(pem["key"]), tls_client_cert=str(pem["cert"]),
                        tls_client_key=str(pem["key"]), require_encryption=True)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  protocol="tls", security=security, dashboard_address="127.0.0.1:0",
                                  silence_logs=50) as lc:
        assert lc.scheduler_address.startswith("tls://")
        done = _batch(str(folder), "--out", str(tmp_path / "tls"), "--as-of", "2026-11-20", "--scheduler",
                      lc.scheduler_address, "--ship-files", "always",
                      env={"DASK_DISTRIBUTED__COMM__TLS__CA_FILE": str(pem["ca"]),
                           "DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT": str(pem["cert"]),
                           "DASK_DISTRIBUTED__COMM__TLS__CLIENT__KEY": str(pem["key"])})
    assert done.returncode == 2, done.stderr
    assert _rows(tmp_path / "tls") == _rows(local)


def test_paths_decided_then_a_worker_that_sees_nothing_switches_to_files(root, local, blind_cluster,
                                                                         tmp_path: Path) -> None:
    """As if the workers had been asked when the batch started and had seen the folders, and then workers that do
    not see them had taken over (a worker that joined later): the run sends files from then on, and every row is
    the local pool's."""
    folder, _keys = root
    decided: list[list[Path]] = []
    with distributed.Client(blind_cluster, set_as_default=False) as client:
        code = run_batch(folder, tmp_path / "out", jobs=2, executor=client.get_executor(pure=False),
                         ship=lambda folders: decided.append(folders) or False,
                         **{**KW, "as_of": __import__("datetime").date(2026, 11, 20)})
    assert decided and code == 2
    assert _rows(tmp_path / "out") == _rows(local)
    assert _reports(tmp_path / "out") == _reports(local)
