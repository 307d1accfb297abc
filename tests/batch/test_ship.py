"""Sending an applicant's files with its task (``--ship-files``), on the local pool and in-process: the folder read
on one side and checked from memory on the other gives the same report as a check of the folder itself, hostile
files included; the files in flight stay within the byte budget; a folder over it gets a row that says so; the
extraction cache is shared between the two ways (it is keyed by content). The cluster runs are in
test_cluster.py."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from matcheck.batch import ApplicantTask, check_one, run_batch
from matcheck.batch.ship import folder_view, ship_mode
from matcheck.check import take_applicant
from matcheck.documents import read_folder
from matcheck.documents.snapshot import FolderTooLarge
from matcheck.errors import UsageError
from matcheck.profile import load_profile
from tests.batch.applicants import add_hostile_files, make_root

KW = dict(as_of=None, policy=None, fail_on="error", use_cache=True, lang="zh", show_pii=False)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATCHECK_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    base = tmp_path_factory.mktemp("ship")
    keys = make_root(base / "root", 6, broken=(3,), corrupt=(5,))
    add_hostile_files(base / "root" / keys[0])
    return base / "root", keys


def _task(folder: Path, key: str, content=None) -> ApplicantTask:
    from datetime import date

    return ApplicantTask(key=key, folder=str(folder.resolve()), as_of=date(2026, 11, 20), width=110,
                         content=content)


def test_a_folder_sent_is_checked_as_the_folder_itself(root) -> None:
    """Every applicant (hostile files, a corrupt PDF, a broken profile): the same row and the same reports."""
    folder, keys = root
    for key in keys:
        here = check_one(_task(folder / key, key))
        sent = check_one(_task(folder / key, key, take_applicant(folder / key)))
        assert sent.row() | {"seconds": 0} == here.row() | {"seconds": 0}, key
        assert sent.rendered == here.rendered, key
    hostile = json.loads(check_one(_task(folder / keys[0], keys[0], take_applicant(folder / keys[0])))
                         .rendered["json"])
    said = json.dumps(hostile, ensure_ascii=False)
    for name, why in (("管道.pdf", "不是普通文件"), ("link-out.pdf", "链接指向文件夹之外"), ("扫描件-过大.pdf", "文件过大")):
        assert name in said and why in said, name


def test_what_is_sent_holds_only_what_the_reader_would_read(root) -> None:
    folder, keys = root
    content = take_applicant(folder / keys[0])
    held = {e.path: data for e, (data, _sha, _problem) in zip(content.files.entries, content.files.loaded)}
    assert held["管道.pdf"] is None and held["link-out.pdf"] is None and held["扫描件-过大.pdf"] is None
    assert all(b"root:" not in (data or b"") for data in held.values())  # /etc/passwd was never read
    assert content.nbytes == len(content.profile_bytes) + sum(len(d) for d in held.values() if d)
    assert content.nbytes < 1 << 20  # the 60 MB file is not in it
    with pytest.raises(FolderTooLarge):
        take_applicant(folder / keys[1], max_total=1000)


def test_a_missing_folder_and_a_broken_profile_give_the_same_lines(root, tmp_path: Path) -> None:
    folder, keys = root
    for path in (tmp_path / "gone", folder / keys[3]):
        here = check_one(_task(path, "x"))
        sent = check_one(_task(path, "x", take_applicant(path)))
        assert here.status == sent.status == "bad-input"
        assert sent.error == here.error and sent.rendered == here.rendered


def test_the_extraction_cache_is_shared_by_both_ways(root, tmp_path: Path) -> None:
    """Keyed by content: a folder read where it is fills the cache for the same files sent from elsewhere."""
    folder, keys = root
    applicant = folder / keys[1]
    profile = load_profile(applicant / "profile.yaml")
    cache = tmp_path / "shared-cache"
    read: list[str] = []
    first = read_folder(applicant, profile, cache_dir=cache, progress=lambda i, n, p: read.append(p))
    assert read  # a cold cache: every file read
    read.clear()
    files = take_applicant(applicant).files
    again = read_folder(applicant, profile, cache_dir=cache, files=files, progress=lambda i, n, p: read.append(p))
    assert again == first and read == []  # all from the cache


def test_the_files_in_flight_stay_within_the_budget(root, tmp_path: Path, monkeypatch) -> None:
    """A thread pool of 4 with 8 applicants allowed in flight, but a byte budget of ~2.5 folders: never more than
    the budget's worth is submitted, and still more than one runs at a time."""
    folder, keys = root
    sizes = {k: take_applicant(folder / k).nbytes for k in keys}
    budget = int(sorted(sizes.values())[-1] * 2.5)
    monkeypatch.setenv("MATCHECK_SHIP_MAX_BYTES", str(budget))
    lock, running, peak = threading.Lock(), {}, {"bytes": 0, "tasks": 0}

    global _probe
    _probe = (lock, running, peak)
    with ThreadPoolExecutor(4) as pool:
        code = run_batch(folder, tmp_path / "out", jobs=4, executor=pool, work=_measured, ship=True, **KW)
    assert code == 2
    assert 0 < peak["bytes"] <= budget
    assert peak["tasks"] >= 2
    rows = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))["applicants"]
    assert [r["status"] for r in rows].count("checked") == 5


_probe = None


def _measured(task: ApplicantTask):
    lock, running, peak = _probe
    with lock:
        running[task.key] = task.content.nbytes
        peak["bytes"] = max(peak["bytes"], sum(running.values()))
        peak["tasks"] = max(peak["tasks"], len(running))
    try:
        time.sleep(0.2)
        return check_one(task)
    finally:
        with lock:
            running.pop(task.key)


def test_a_folder_over_the_budget_gets_a_row_that_says_so(root, tmp_path: Path, monkeypatch) -> None:
    folder, keys = root
    monkeypatch.setenv("MATCHECK_SHIP_MAX_BYTES", "20000")  # every generated folder is larger
    code = run_batch(folder, tmp_path / "out", jobs=1, executor=ThreadPoolExecutor(1), ship=True, **KW)
    rows = {r["key"]: r for r in json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))["applicants"]}
    assert code == 2
    big = rows[keys[1]]
    assert big["status"] == "bad-input" and "too large to send to a worker" in big["error"]
    assert "MATCHECK_SHIP_MAX_BYTES" in big["error"]
    assert rows[keys[3]]["error"] and "profile.yaml" in rows[keys[3]]["error"]  # the broken profile: its own line


def test_ship_mode_and_the_folder_view(root, tmp_path: Path) -> None:
    assert ship_mode(None) == "auto" and ship_mode("Always") == "always"
    with pytest.raises(UsageError, match="--ship-files: 'sometimes' is not one of auto, always, never"):
        ship_mode("sometimes")
    folder, keys = root
    view = folder_view(str(folder / keys[0]))
    assert view == folder_view(str(folder / keys[0])) and folder_view(str(tmp_path / "nowhere")) == "missing"
    assert view != folder_view(str(folder / keys[1]))


def _cli(*args: str, env: dict | None = None):
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[2]
    return subprocess.run([sys.executable, "-m", "matcheck", "batch", *args], cwd=repo, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300)


def test_the_cli_sends_files_to_the_local_pool_on_request(root, tmp_path: Path) -> None:
    folder, _keys = root
    paths = _cli(str(folder), "--out", str(tmp_path / "paths"), "--jobs", "2", "--as-of", "2026-11-20")
    sent = _cli(str(folder), "--out", str(tmp_path / "sent"), "--jobs", "2", "--as-of", "2026-11-20",
                env={"MATCHECK_SHIP_FILES": "always"})
    assert paths.returncode == sent.returncode == 2, sent.stderr

    def rows(out: Path) -> list[dict]:
        data = json.loads((out / "summary.json").read_text(encoding="utf-8"))["applicants"]
        return [{k: v for k, v in r.items() if k != "seconds"} for r in data]

    assert rows(tmp_path / "sent") == rows(tmp_path / "paths")
    for report in (tmp_path / "paths" / "applicants").rglob("report.*"):
        twin = tmp_path / "sent" / report.relative_to(tmp_path / "paths")
        assert twin.read_bytes() == report.read_bytes(), report


@pytest.mark.parametrize("args, env, said", [
    (["--ship-files", "sometimes"], {}, "--ship-files: 'sometimes' is not one of auto, always, never"),
    ([], {"MATCHECK_SHIP_MAX_BYTES": "lots"}, "MATCHECK_SHIP_MAX_BYTES: 'lots' is not a number of bytes"),
    (["--scheduler", "tcp://127.0.0.1:9"], {"MATCHECK_CLUSTER_TIMEOUT": "soon"},
     "MATCHECK_CLUSTER_TIMEOUT: 'soon' is not a number of seconds"),
    (["--scheduler", "tcp://127.0.0.1:9"], {"MATCHECK_CLUSTER_TIMEOUT": "-1"},
     "MATCHECK_CLUSTER_TIMEOUT: -1.0 must be more than 0 seconds"),
])
def test_bad_ship_settings_are_one_line_exit_2(root, tmp_path: Path, args, env, said) -> None:
    folder, _keys = root
    done = _cli(str(folder), "--out", str(tmp_path / "o"), *args, env=env)
    assert done.returncode == 2 and done.stderr.strip().splitlines() == [f"matcheck: {said}"], done.stderr


def test_files_sent_are_read_once_and_fingerprinted_from_what_was_read(root, tmp_path: Path, monkeypatch) -> None:
    """With the files sent, the batch hashes no file it read for the task (the fingerprint takes the hashes of the
    content read), and the manifest's inputs digest is the one hashing the folder gives."""
    from matcheck.batch import resume
    from matcheck.batch.resume import Manifest, fingerprint, path_key

    folder, keys = root
    hashed: list[str] = []
    real = resume._sha256
    monkeypatch.setattr(resume, "_sha256", lambda path: hashed.append(str(path)) or real(path))
    with ThreadPoolExecutor(2) as pool:
        run_batch(folder, tmp_path / "out", jobs=2, executor=pool, ship=True, **KW)
    monkeypatch.setattr(resume, "_sha256", real)
    read = {str((folder / k / rel).resolve()) for k in keys for rel in take_applicant(folder / k).hashes()}
    assert read and not read & {str(Path(p).resolve()) for p in hashed}, sorted(read & set(hashed))[:3]
    entries = Manifest(tmp_path / "out").load().entries
    for key in keys:
        assert entries[path_key(key)]["inputs"] == fingerprint(folder / key).digest, key
