"""Whole batch runs over generated applicant folders (text-only PDFs, fast): summary rows, exit code, resume,
interruption, an injected executor, a worker that dies."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from matcheck.batch import ApplicantTask, check_one, run_batch
from matcheck.batch.resume import path_key
from tests.batch.applicants import make_root, profile_data
from tests.batch.test_parts import check_html

REPO = Path(__file__).resolve().parents[2]
N = 14
BROKEN, CORRUPT = 3, 5


def _key(keys: list[str], i: int) -> str:
    return next(k for k in keys if k.endswith(f"applicant-{i:04d}"))


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    base = tmp_path_factory.mktemp("batch")
    keys = make_root(base / "root", N, broken=(BROKEN,), corrupt=(CORRUPT,))
    return base / "root", keys


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATCHECK_CACHE_DIR", str(tmp_path / "cache"))


def _cli(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "matcheck", "batch", *args], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300, **kw)


def _summary(out: Path) -> dict:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def test_batch_cli_rows_exit_code_and_html(root: tuple[Path, list[str]], tmp_path: Path) -> None:
    folder, keys = root
    out = tmp_path / "out"
    before = {p: p.stat().st_mtime_ns for p in folder.rglob("*")}
    proc = _cli(str(folder), "--out", str(out), "--jobs", "2", "--as-of", "2026-11-20")
    assert proc.returncode == 2, proc.stderr  # the worst applicant: a profile that could not be used
    assert proc.stdout == ""  # progress and the summary line go to stderr
    assert f"{N} applicants" in proc.stderr and "1 bad input" in proc.stderr
    assert {p: p.stat().st_mtime_ns for p in folder.rglob("*")} == before  # nothing written into the folders

    data = _summary(out)
    rows = {r["key"]: r for r in data["applicants"]}
    assert list(rows) == keys and data["complete"] is True and data["exit_code"] == 2
    broken = rows[_key(keys, BROKEN)]
    assert broken["status"] == "bad-input" and broken["exit_code"] == 2
    assert "education[1].start" in broken["error"] and "2010-13" in broken["error"]
    corrupt = rows[_key(keys, CORRUPT)]
    assert corrupt["status"] == "checked" and corrupt["total"] is not None
    corrupt_report = json.loads((out / corrupt["reports"]["json"]).read_text(encoding="utf-8"))
    assert any(f["rule"] == "unreadable-file" and any("学位证书.pdf" in x for x in f["files"])
               for f in corrupt_report["findings"]), corrupt_report["findings"]
    for key, row in rows.items():
        if key == _key(keys, BROKEN):
            continue
        report = json.loads((out / row["reports"]["json"]).read_text(encoding="utf-8"))
        assert row["total"] == report["total"] and row["reaches_standard"] == report["reaches_standard"]
        assert row["errors"] == sum(f["severity"] == "error" for f in report["findings"])
        assert row["exit_code"] == (1 if row["errors"] else 0)
        assert row["name"] and row["name"][1:] == "*" * (len(row["name"]) - 1)  # masked
        text = (out / row["reports"]["text"]).read_text(encoding="utf-8")
        assert "\x1b[" not in text and str(report["total"]) in text
    # ID numbers never appear unmasked in any output
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".json", ".txt", ".html", ".csv"):
            content = path.read_text(encoding="utf-8")
            for i in range(N):
                assert profile_data(i)["applicant"]["id_number"] not in content, path
    csv_rows = list(csv.DictReader(io.StringIO((out / "summary.csv").read_text(encoding="utf-8-sig"))))
    assert [r["key"] for r in csv_rows] == keys
    page = (out / "summary.html").read_text(encoding="utf-8")
    checker = check_html(page)
    assert checker.rows == N
    from urllib.parse import unquote
    for link in checker.links:
        assert (out / unquote(link)).is_file(), link
    check_html((out / rows[keys[0]]["reports"]["html"]).read_text(encoding="utf-8"))


def test_resume_skips_unchanged_and_redoes_changed(root: tuple[Path, list[str]], tmp_path: Path) -> None:
    folder, keys = root
    out = tmp_path / "out"
    kwargs = dict(jobs=2, as_of=None, policy=None, fail_on="error", use_cache=True, lang="zh", show_pii=False)
    with ThreadPoolExecutor(2) as pool:
        first = run_batch(folder, out, resume=False, executor=pool, **kwargs)
    changed = _key(keys, 6)
    profile = folder / changed / "profile.yaml"
    original = profile.read_text(encoding="utf-8")
    report = out / "applicants" / changed / "report.json"
    kept = out / "applicants" / keys[0] / "report.json"
    stamp_changed, stamp_kept = report.stat().st_mtime_ns, kept.stat().st_mtime_ns
    try:
        profile.write_text(original.replace("phone: '13800000006'", "phone: '13900000006'"), encoding="utf-8")
        assert profile.read_text(encoding="utf-8") != original
        with ThreadPoolExecutor(2) as pool:
            second = run_batch(folder, out, resume=True, executor=pool, **kwargs)
    finally:
        profile.write_text(original, encoding="utf-8")
    assert second == first
    rows = {r["key"]: r for r in _summary(out)["applicants"]}
    assert rows[changed]["reused"] is False and report.stat().st_mtime_ns != stamp_changed
    assert all(r["reused"] for k, r in rows.items() if k != changed)
    assert kept.stat().st_mtime_ns == stamp_kept
    assert _summary(out)["counts"]["reused"] == N - 1
    # a report deleted by hand is made again
    kept.unlink()
    with ThreadPoolExecutor(2) as pool:
        run_batch(folder, out, resume=True, executor=pool, **kwargs)
    assert kept.is_file() and _summary(out)["counts"]["reused"] == N - 2  # the restored profile changed back too


def test_injected_thread_pool_gives_the_same_rows_as_processes(root: tuple[Path, list[str]], tmp_path: Path) -> None:
    folder, _keys = root
    kwargs = dict(jobs=2, resume=False, as_of=None, policy=None, fail_on="warning", use_cache=False, lang="en",
                  show_pii=False)
    with ThreadPoolExecutor(max_workers=3) as pool:
        code_threads = run_batch(folder, tmp_path / "threads", executor=pool, **kwargs)
        assert pool.submit(lambda: 1).result() == 1  # an injected executor is left open
    code_procs = run_batch(folder, tmp_path / "procs", **kwargs)
    assert code_threads == code_procs == 2

    def strip(rows: list[dict]) -> list[dict]:
        return [{k: v for k, v in r.items() if k not in ("seconds",)} for r in rows]

    assert strip(_summary(tmp_path / "threads")["applicants"]) == strip(_summary(tmp_path / "procs")["applicants"])


def _wait_for_lines(path: Path, n: int, proc: subprocess.Popen, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists():
            lines = [x for x in path.read_text(encoding="utf-8", errors="replace").splitlines() if x.endswith("}")]
            if len(lines) >= n:
                return len(lines)
        time.sleep(0.005)
    raise AssertionError(f"the batch ended (rc={proc.poll()}) before {n} applicants were recorded")


@pytest.mark.parametrize("how", ["kill", "ctrl-c"])
def test_interrupted_batch_resumes(tmp_path: Path, how: str) -> None:
    folder = tmp_path / "root"
    keys = make_root(folder, 40, broken=(7,))
    out = tmp_path / "out"
    env = {**os.environ, "MATCHECK_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "matcheck", "batch", str(folder), "--out", str(out), "--jobs",
                             "1"], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        _wait_for_lines(out / "manifest.jsonl", 3, proc)
        if how == "kill":
            os.killpg(proc.pid, signal.SIGKILL)  # the whole process group, workers included
        else:
            os.kill(proc.pid, signal.SIGINT)  # the parent only: it lets the running applicant finish
        _out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    if how == "kill":
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 130, err
        data = _summary(out)
        assert data["complete"] is False and data["counts"]["not_run"] > 0
        assert "interrupted" in err
    hashed = {json.loads(x)["key"] for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
              if x.endswith("}")}
    done_before = {k for k in keys if path_key(k) in hashed}  # the manifest names applicants by a hash
    assert 3 <= len(done_before) < len(keys)

    resumed = _cli(str(folder), "--out", str(out), "--jobs", "2", "--resume", env={"MATCHECK_CACHE_DIR":
                                                                                   str(tmp_path / "cache")})
    assert resumed.returncode == 2, resumed.stderr
    data = _summary(out)
    rows = {r["key"]: r for r in data["applicants"]}
    assert list(rows) == keys and data["complete"] is True and data["counts"]["not_run"] == 0
    assert {k for k, r in rows.items() if r["reused"]} == done_before
    assert all((out / r["reports"]["json"]).is_file() for r in rows.values())
    assert not list(out.rglob("*.tmp"))  # no half-written report left behind


def crash_on_applicant_2(task: ApplicantTask):
    """A unit of work whose worker process dies on one applicant (as a segfault in a PDF library would)."""
    if task.key.endswith("applicant-0002"):
        os._exit(70)
    return check_one(task)


def test_a_worker_that_dies_costs_one_row(root: tuple[Path, list[str]], tmp_path: Path) -> None:
    folder, keys = root
    code = run_batch(folder, tmp_path / "out", jobs=2, as_of=None, policy=None, fail_on="error", use_cache=True,
                     lang="zh", show_pii=False, work=crash_on_applicant_2)
    assert code == 3
    rows = {r["key"]: r for r in _summary(tmp_path / "out")["applicants"]}
    assert rows["applicant-0002"]["status"] == "failed" and "worker process died" in rows["applicant-0002"]["error"]
    others = [r for k, r in rows.items() if k != "applicant-0002"]
    assert all(r["status"] in ("checked", "bad-input") for r in others)
    assert sum(r["status"] == "checked" for r in others) == N - 2


def test_bad_root_and_out_are_one_line_exit_2(tmp_path: Path) -> None:
    proc = _cli(str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "nope" in proc.stderr
    (tmp_path / "empty").mkdir()
    proc = _cli(str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and "no applicant folders" in proc.stderr
    make_root(tmp_path / "r", 1)
    proc = _cli(str(tmp_path / "r"), "--out", str(tmp_path / "r" / "applicant-0000" / "reports"))
    assert proc.returncode == 2 and "never writes into an applicant's folder" in proc.stderr
    assert not (tmp_path / "r" / "applicant-0000" / "reports").exists()
