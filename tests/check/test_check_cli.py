"""``matcheck check`` through the CLI: exit codes, the JSON keys of contracts.md §3, SARIF 2.1.0 and JUnit XML
structure, masking, --fail-on, and the applicant's folder left byte-identical."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from matcheck.identity import mask_id_number
from tests.check.conftest import APPLICANT_ID, check_json, make_applicant, run_check, snapshot


@pytest.fixture(scope="module")
def faulty(tmp_path_factory) -> Path:
    """A folder with an ID-number mismatch (puts ID numbers in messages), a short tax record and a broken PDF."""
    return make_applicant(tmp_path_factory.mktemp("faulty") / "李明",
                          faults=("wrong-id:id_card", "tax-months-short", "corrupted:xuexin_record"))


def test_json_has_the_contract_keys(faulty, cache_dir):
    code, data = check_json(faulty, cache_dir)
    assert code == 1
    for key in ("total", "standard", "reaches_standard", "provisional", "policy", "as_of", "indicators",
                "findings", "required", "files"):
        assert key in data, key
    assert data["as_of"] == "2026-11-20" and data["standard"] == 120
    for item in data["required"]:
        assert set(item) >= {"material", "status", "files"}
        assert item["status"] in ("present", "missing", "incomplete", "expired", "unverified")
    for item in data["files"]:
        assert set(item) >= {"path", "material", "person", "confidence"}
        assert not Path(item["path"]).is_absolute()
    rules = set()
    for f in data["findings"]:
        assert set(f) >= {"code", "rule", "severity", "message", "files", "hint", "reference"}
        assert f["severity"] in ("error", "warning", "info") and f["message"] and f["hint"]
        rules.add(f["rule"])
    assert {"identity-mismatch", "tax-months-incomplete", "unreadable-file"} <= rules


def test_id_numbers_masked_unless_show_pii(faulty, cache_dir):
    masked = run_check(str(faulty), cache_dir=cache_dir)
    assert masked.exit_code == 1
    assert APPLICANT_ID not in masked.stdout and mask_id_number(APPLICANT_ID) in masked.stdout
    shown = run_check(str(faulty), "--show-pii", cache_dir=cache_dir)
    assert APPLICANT_ID in shown.stdout
    for fmt in ("json", "sarif", "junit"):
        out = run_check(str(faulty), "--format", fmt, cache_dir=cache_dir).stdout
        assert APPLICANT_ID not in out, fmt


def test_text_report_reads_top_down(faulty, cache_dir):
    out = run_check(str(faulty), cache_dir=cache_dir).stdout
    verdict, checklist, findings, files, score = (out.index(w) for w in ("结论", "材料清单", "发现的问题",
                                                                          "文件夹中的文件", "计算与理由"))
    assert verdict < checklist < findings < files < score
    assert "✗" in out[:findings] and "✓" in out[:findings]
    assert "→ 处理" in out and "MC303 tax-months-incomplete" in out
    if "提示（" in out:
        assert out.index("错误（") < out.index("提示（")
    english = run_check(str(faulty), "--lang", "en", cache_dir=cache_dir).stdout
    assert "Verdict" in english and "Materials checklist" in english


def test_sarif_is_structurally_valid(faulty, cache_dir):
    result = run_check(str(faulty), "--format", "sarif", cache_dir=cache_dir)
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-2.1.0.json")
    run = sarif["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "matcheck" and driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids)) and all(r["shortDescription"]["text"] for r in driver["rules"])
    assert all(r["defaultConfiguration"]["level"] in ("error", "warning", "note") for r in driver["rules"])
    base = run["originalUriBaseIds"]["APPLICANT_FOLDER"]["uri"]
    assert base.startswith("file://") and base.endswith("/")
    assert run["results"]
    for res in run["results"]:
        assert res["ruleId"] in ids and driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note") and res["message"]["text"]
        for loc in res["locations"]:
            art = loc["physicalLocation"]["artifactLocation"]
            assert art["uri"] and art["uri"].isascii() and " " not in art["uri"]  # percent-encoded Chinese names
    assert run["properties"]["score"]["total"] == check_json(faulty, cache_dir)[1]["total"]


def test_junit_is_well_formed(faulty, cache_dir):
    result = run_check(str(faulty), "--format", "junit", cache_dir=cache_dir)
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"materials", "rules"}
    total = 0
    for suite in suites.values():
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
        total += len(cases)
    assert int(root.get("tests")) == total
    failed = {c.get("name").split()[1] for c in suites["rules"].findall("testcase") if c.find("failure") is not None}
    assert {"identity-mismatch", "tax-months-incomplete", "unreadable-file"} <= failed
    tax = next(c for c in suites["materials"].findall("testcase") if c.get("name").startswith("tax_record "))
    assert tax.find("failure").get("type") == "incomplete"


def test_folder_is_byte_identical_after_every_format(tmp_path, cache_dir):
    folder = make_applicant(tmp_path / "李明", faults=("corrupted:tax_record", "unrelated-file"))
    before = snapshot(folder)
    for extra in ((), ("--format", "json"), ("--format", "sarif"), ("--format", "junit"), ("--no-cache",)):
        assert run_check(str(folder), *extra, cache_dir=cache_dir).exit_code == 1
    assert snapshot(folder) == before
    assert folder.resolve() not in cache_dir.resolve().parents


def test_output_file_and_fail_on(tmp_path, cache_dir):
    folder = make_applicant(tmp_path / "a", faults=("unrelated-file",))
    code, data = check_json(folder, cache_dir)
    severities = {f["severity"] for f in data["findings"]}
    out = tmp_path / "report.json"
    result = run_check(str(folder), "--format", "json", "-o", str(out), cache_dir=cache_dir)
    assert result.exit_code == code and json.loads(out.read_text(encoding="utf-8"))["findings"] == data["findings"]
    assert "error(s)" in result.stderr
    if "error" not in severities:
        assert code == 0
        warn = run_check(str(folder), "--fail-on", "warning", cache_dir=cache_dir).exit_code
        assert warn == (1 if "warning" in severities else 0)


@pytest.mark.parametrize("args, needle", [
    (("/nonexistent/applicant",), "folder not found"),
    (("{empty}",), "no profile"),
    (("{empty}", "--profile", "/nonexistent/p.yaml"), "profile not found"),
    (("{folder}", "--fail-on", "sometimes"), "--fail-on"),
    (("{folder}", "--format", "pdf"), "--format"),
    (("{folder}", "--as-of", "2026-13-01"), "--as-of"),
])
def test_bad_input_is_one_line_and_exit_2(args, needle, tmp_path, cache_dir):
    empty = tmp_path / "empty"
    empty.mkdir()
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "profile.yaml").write_text("applicant: {name: 李明}\n", encoding="utf-8")
    argv = [a.format(empty=empty, folder=folder) for a in args]
    result = run_check(*argv, cache_dir=cache_dir)
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in result.output


def test_bad_profile_in_folder_is_exit_2(tmp_path, cache_dir):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "profile.yaml").write_text("applicant:\n  id_number: '320102199203154515'\n", encoding="utf-8")
    result = run_check(str(folder), cache_dir=cache_dir)
    assert result.exit_code == 2 and "id_number" in result.stderr and "Traceback" not in result.output
