"""The batch's parts on their own: discovery, the resume manifest, the summary rows, the HTML overview."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from matcheck.batch.discover import discover, enclosing_applicant
from matcheck.batch.html import overview_html
from matcheck.batch.resume import Manifest, fingerprint, path_key
from matcheck.batch.summary import summary_csv, summary_data
from matcheck.batch.work import ApplicantOutcome, ApplicantTask, IndicatorPoints, classify_failure, summarise
from matcheck.profile import ProfileError, load_profile
from matcheck.results import Checklist, CheckReport, Finding, MaterialStatus
from tests.batch.applicants import make_root, write_applicant


# --------------------------------------------------------------------------- discovery

def test_discover_finds_applicant_folders_and_does_not_descend(tmp_path: Path) -> None:
    keys = make_root(tmp_path, 6)
    # a profile.yaml deeper inside an applicant folder is that applicant's file, not another applicant
    inner = tmp_path / keys[0] / "old" / "profile.yaml"
    inner.parent.mkdir()
    inner.write_text("applicant: {}\n", encoding="utf-8")
    (tmp_path / ".hidden" / "x").mkdir(parents=True)
    (tmp_path / ".hidden" / "x" / "profile.yaml").write_text("{}", encoding="utf-8")
    out = tmp_path / "reports"
    (out / "applicants" / "y").mkdir(parents=True)
    (out / "applicants" / "y" / "profile.yaml").write_text("{}", encoding="utf-8")
    found = discover(tmp_path, skip=(out,))
    assert [a.key for a in found] == keys
    assert all(a.profile.is_file() for a in found)


def test_root_that_is_itself_an_applicant(tmp_path: Path) -> None:
    write_applicant(tmp_path / "solo", 1)
    found = discover(tmp_path / "solo")
    assert [a.key for a in found] == ["solo"]


def test_out_inside_an_applicant_folder_is_refused(tmp_path: Path) -> None:
    write_applicant(tmp_path / "a", 1)
    assert enclosing_applicant(tmp_path / "a" / "reports") == (tmp_path / "a").resolve()
    assert enclosing_applicant(tmp_path / "reports") is None


# --------------------------------------------------------------------------- resume manifest

def test_fingerprint_changes_with_content_and_reuses_hashes(tmp_path: Path) -> None:
    write_applicant(tmp_path / "a", 2)
    first = fingerprint(tmp_path / "a")
    assert "profile.yaml" in first.files and "材料/个税.pdf" in first.files
    again = fingerprint(tmp_path / "a", {path_key(k): list(v) for k, v in first.files.items()})
    assert again.digest == first.digest
    # a stale hash with the same size and mtime is trusted (the git-index shortcut) ...
    fake = {path_key(k): list(v) for k, v in first.files.items()}
    fake[path_key("profile.yaml")][2] = "0" * 64
    assert fingerprint(tmp_path / "a", fake).digest != first.digest
    # ... and a changed file (new mtime) is hashed again
    pdf = tmp_path / "a" / "学位证书.pdf"
    data = pdf.read_bytes()
    pdf.write_bytes(data + b"% changed\n")
    os.utime(pdf, ns=(pdf.stat().st_atime_ns, pdf.stat().st_mtime_ns + 1_000_000))
    changed = fingerprint(tmp_path / "a", {path_key(k): list(v) for k, v in first.files.items()})
    assert changed.digest != first.digest
    assert changed.files["学位证书.pdf"][2] != first.files["学位证书.pdf"][2]


def test_manifest_survives_a_torn_last_line(tmp_path: Path) -> None:
    m = Manifest(tmp_path)
    m.record("a", "in1", "s", {"profile.yaml": (1, 2, "h")}, {"key": "a", "exit_code": 0})
    m.record("b", "in2", "s", {}, {"key": "b", "exit_code": 3})
    m.close()
    with open(tmp_path / "manifest.jsonl", "a", encoding="utf-8") as f:
        f.write('{"key": "c", "inputs": "in3", "sett')  # the process was killed mid-write
    m2 = Manifest(tmp_path).load()
    assert set(m2.entries) == {path_key("a"), path_key("b")}  # names are hashed in the manifest
    assert m2.unchanged("a", "in1", "s") is not None
    assert m2.unchanged("a", "in1", "other settings") is None
    assert m2.unchanged("a", "changed", "s") is None
    assert m2.unchanged("b", "in2", "s") is None  # an internal error is always redone
    m2.record("c", "in3", "s", {}, {"key": "c", "exit_code": 1})
    m2.close()
    assert set(Manifest(tmp_path).load().entries) == {path_key(k) for k in "abc"}
    m2.compact()
    lines = (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["key"] for x in lines] == sorted(path_key(k) for k in "abc")


def test_manifest_keeps_file_stamps_that_hold_an_id_like_window(tmp_path: Path) -> None:
    """A file's mtime in nanoseconds is a 19-digit integer; one with an ID-number-like window inside it (here
    1 + 320102199203154514) must stay a number: masking the manifest's JSON text turned it into 1320102********4514,
    which is no JSON, and --resume stopped with an internal error. The outcome's strings are still masked."""
    m = Manifest(tmp_path)
    m.record("a", "in1", "s", {"x.pdf": (10, 1320102199203154514, "h")},
             {"key": "a", "exit_code": 1, "message": "身份证号 320102199203154514（1992-03-15）不一致"})
    m.close()
    entry = Manifest(tmp_path).load().entries[path_key("a")]
    assert entry["files"][path_key("x.pdf")] == [10, 1320102199203154514, "h"]
    text = (tmp_path / "manifest.jsonl").read_text(encoding="utf-8")
    assert "320102199203154514（" not in text and "1992-03-15" not in text
    assert "320102********4514" in entry["outcome"]["message"]


# --------------------------------------------------------------------------- summary rows

def _report(tmp_path: Path) -> tuple[CheckReport, ApplicantTask]:
    from matcheck.pipeline import assess, score

    write_applicant(tmp_path / "a", 4)
    profile = load_profile(tmp_path / "a" / "profile.yaml")
    assessment = assess(profile)
    result = score(assessment)
    findings = (
        Finding("MC101", "missing-material", "error", "缺少个人所得税纳税记录", "到电子税务局打印", "rules.md"),
        Finding("MC301", "unit-mismatch", "warning", "社保单位与合同单位不一致", "核对", "rules.md"),
        Finding("MC901", "fact-to-verify", "info", "待核实", "", "rules.md"),
    )
    required = (MaterialStatus("tax_record", "applicant", "missing", name_zh="个人所得税纳税记录"),
                MaterialStatus("marriage_certificate", "spouse", "missing", name_zh="结婚证"),
                MaterialStatus("degree_certificate", "applicant", "present", ("学位证书.pdf",), name_zh="学位证书"))
    report = CheckReport(str(tmp_path / "a" / "profile.yaml"), str(tmp_path / "a"), result,
                         Checklist(assessment.as_of, ()), (), required, findings, assessment)
    return report, ApplicantTask(key="a", folder=str(tmp_path / "a"))


def test_summarise_a_check_report(tmp_path: Path) -> None:
    report, task = _report(tmp_path)
    row = summarise(report, task, "刘*")
    assert row.total == report.score.total and row.standard == report.score.standard
    assert row.reaches_standard == report.score.reaches_standard
    assert row.missing == ("个人所得税纳税记录", "结婚证（配偶）")
    assert (row.errors, row.warnings, row.infos) == (1, 1, 1)
    assert row.top_finding == "[error] missing-material: 缺少个人所得税纳税记录"
    assert row.exit_code == 1 and row.status == "checked"
    assert [i.id for i in row.indicators] == [i.id for i in report.score.indicators]
    # --fail-on warning makes a warning blocking; with no findings at all the exit code is 0
    from dataclasses import replace

    only_warning = replace(report, findings=report.findings[1:2])
    assert summarise(only_warning, task, None).exit_code == 0
    assert summarise(only_warning, replace(task, fail_on="warning"), None).exit_code == 1


def test_classify_failures() -> None:
    status, code, why = classify_failure(ProfileError(["p.yaml: a: bad", "p.yaml: b: bad"]))
    assert (status, code) == ("bad-input", 2) and why == "p.yaml: a: bad; p.yaml: b: bad"
    assert classify_failure(RuntimeError("boom"))[:2] == ("failed", 3)


def _outcomes() -> list[ApplicantOutcome]:
    ind = (IndicatorPoints("age", "年龄", 30, True), IndicatorPoints("education", "教育背景", 60, True),
           IndicatorPoints("qualification", "职称", 60, False), IndicatorPoints("deductions", "减分", -20, True))
    return [
        ApplicantOutcome("团队1/a", "/r/团队1/a", "checked", 1, name="李*", total=70, standard=120,
                         reaches_standard=False, indicators=ind, missing=("个人所得税纳税记录",), errors=1,
                         top_finding="[error] missing-material: =HYPERLINK(\"x\") 缺少"),
        ApplicantOutcome("b", "/r/b", "bad-input", 2, name="王*", error="b/profile.yaml: education[1].start: '2010-13' "
                         "is not a month (YYYY-MM) <script>alert(1)</script>"),
        ApplicantOutcome("c", "/r/c", "not-run", 0),
    ]


def test_summary_csv_is_excel_friendly_and_safe() -> None:
    text = summary_csv(_outcomes())
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [r["key"] for r in rows] == ["团队1/a", "b", "c"]
    assert rows[0]["name"] == "李*" and rows[0]["total"] == "70" and rows[0]["reaches_standard"] == "no"
    assert rows[0]["missing_count"] == "1" and rows[0]["top_finding"].startswith("[error]")
    assert rows[1]["status"] == "bad-input" and rows[1]["exit_code"] == "2" and "2010-13" in rows[1]["error"]
    assert rows[0]["report"] == "applicants/团队1/a/report.html"



def test_summary_json_masks_strings_and_stays_json(tmp_path: Path) -> None:
    """The summary's values are masked, not its JSON text: an ID-like long number stays a number (masking the text
    turned it into something json.loads refuses), an ID number in a string is masked with its birth date."""
    from matcheck.batch.summary import write_summaries

    meta = {"root": "/data/320102199203154514 (1992-03-15)", "stamp": 320102199203154514}
    data = write_summaries(tmp_path, _outcomes(), meta)
    on_disk = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert data == on_disk
    assert data["stamp"] == 320102199203154514
    assert "199203154514" not in data["root"] and "1992-03-15" not in data["root"], data["root"]
    assert data["root"].startswith("/data/320102")

# --------------------------------------------------------------------------- HTML overview

class _Checker(HTMLParser):
    VOID = {"meta", "input", "br", "img", "hr", "link"}
    SVG_EMPTY = {"rect", "line"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.rows = 0
        self.links: list[str] = []
        self.svgs = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "tr" and self.stack and self.stack[-1] == "tbody":
            self.rows += 1
        if tag == "a":
            self.links.append(a.get("href") or "")
        if tag == "svg":
            self.svgs += 1
        for name in ("src", "href"):
            if name in a and re.match(r"^[a-z]+:", a[name] or ""):
                self.errors.append(f"external {name}: {a[name]}")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()


def check_html(text: str) -> _Checker:
    assert "http://" not in text and "https://" not in text and "//cdn" not in text
    checker = _Checker()
    checker.feed(text)
    checker.close()
    assert not checker.errors, checker.errors[:5]
    assert checker.stack == [], checker.stack
    return checker


def test_overview_is_well_formed_self_contained_and_escaped() -> None:
    outcomes = _outcomes()
    data = summary_data(outcomes, {"generated": "2026-11-20T10:00:00", "policy": "auto", "as_of": "2026-11-20",
                                   "complete": False, "matcheck": "0.1.0"})
    page = overview_html(data, "zh")
    checker = check_html(page)
    assert checker.rows == 3
    assert "applicants/%E5%9B%A2%E9%98%9F1/a/report.html" in checker.links
    assert checker.svgs == 1  # only the checked applicant has a chart
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "本次运行未完成" in page  # an interrupted batch says so
    assert "<title>年龄: 30</title>" in page and "<title>减分: -20</title>" in page
    assert "职称: 60" not in page  # an indicator that is not counted is not drawn
    assert check_html(overview_html(data, "en"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_applicant_page(lang: str) -> None:
    from matcheck.batch.html import applicant_page

    page = applicant_page("团队1/a", "李*", "积分 70 <b>", lang)
    check_html(page)
    assert 'href="../../../summary.html"' in page and "积分 70 &lt;b&gt;" in page
