"""Drafting from real generated files (text PDFs with Chinese text, a DOCX contract): conflicts between documents
are 待核实 with every value named, never a silent pick; every filled fact names its file; the draft loads; the CLI
writes to -o or stdout and never into the folder; ``check --from-documents`` checks a folder without a profile."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from matcheck.cli import app
from matcheck.draft import draft_folder, render
from matcheck.draft.folder import profile_of
from matcheck.profile import load_profile
from tests.documents.conftest import (APPLICANT_ID, CONTRACT_PARAS, TAX_LINES, XUEXIN_LINES, cache_dir, docx_bytes,  # noqa: F401
                                      folder, text_pdf, write)

AS_OF = date(2026, 11, 20)
OTHER_UNIT = "上海另一示例贸易有限公司"


@pytest.fixture
def applicant(folder: Path) -> Path:
    write(folder, "个税.pdf", text_pdf([TAX_LINES]))
    write(folder, "合同.docx", docx_bytes(CONTRACT_PARAS))
    write(folder, "学信网备案表.pdf", text_pdf([XUEXIN_LINES]))
    return folder


def _line(text: str, key: str) -> str:
    return next(line for line in text.splitlines() if line.strip().startswith(f"{key}:")
                or line.strip().startswith(f"- {key}:"))


def test_facts_read_from_the_files_name_their_file(applicant: Path, cache_dir: Path):
    draft, _ = draft_folder(applicant, AS_OF, cache_dir=cache_dir)
    text = render(draft, str(applicant))
    profile = profile_of(text, "draft")
    assert profile.applicant.id_number == APPLICANT_ID and profile.applicant.name == "李明"
    assert profile.education[0].level == "本科" and profile.education[0].end.month == 7
    assert profile.education[0].mode == "全日制"
    assert profile.contract.start == date(2022, 7, 1) and profile.contract.end == date(2027, 6, 30)
    assert profile.tax.withholding_unit == "上海示例信息科技有限公司"
    assert "个税.pdf（文字层）" in _line(text, "id_number")
    assert "学信网备案表.pdf" in _line(text, "school")
    for fact in draft.facts:  # every filled fact has its file; every 待核实 says why
        if fact.status == "read" and fact.readings:
            assert all(r.source.file for r in fact.readings)
        if fact.value is None:
            assert fact.note or fact.readings, fact.path
    # not read: to verify, with the document that would give it
    assert "applicant.hukou_address" in profile.to_verify
    assert "身份证" in _line(text, "hukou_address")
    # claims no document shows: left out (not claimed), with how to add them
    assert profile.bonus.awards == [] and profile.records.detentions == []
    assert "# bonus:" in text and "#   special_posts: []" in text and "# records:" in text


def test_conflicting_documents_leave_the_fact_to_verify_and_list_both(applicant: Path, cache_dir: Path):
    write(applicant, "个税2.pdf", text_pdf([[line.replace("上海示例信息科技有限公司", OTHER_UNIT) for line in TAX_LINES]]))
    write(applicant, "备案表-补.pdf", text_pdf([[line.replace("2014年07月01日", "2014年06月30日")
                                                 for line in XUEXIN_LINES]]))
    draft, _ = draft_folder(applicant, AS_OF, cache_dir=cache_dir)
    text = render(draft, str(applicant))
    profile = profile_of(text, "draft")
    assert profile.tax.withholding_unit is None and "tax.withholding_unit" in profile.to_verify
    unit = _line(text, "withholding_unit")
    assert "材料不一致" in unit and "上海示例信息科技有限公司" in unit and OTHER_UNIT in unit
    assert len(profile.education) == 1  # one record (same 证书编号), its graduation month in doubt
    assert profile.education[0].end is None and "education[0].end" in profile.to_verify
    end = _line(text.split("\neducation:")[1], "end")
    assert "2014-07" in end and "2014-06" in end and "备案表-补.pdf" in end
    assert draft.fact("education[0].end").status == "conflict"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_init_writes_the_draft_to_o_or_stdout_never_into_the_folder(applicant: Path, cache_dir: Path, tmp_path):
    before = sorted(p.name for p in applicant.rglob("*"))
    out = tmp_path / "draft.yaml"
    result = run("init", str(applicant), "--from-documents", "-o", str(out), "--cache-dir", str(cache_dir),
                 "--as-of", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert load_profile(out).applicant.id_number == APPLICANT_ID
    result = run("init", str(applicant), "--from-documents", "--cache-dir", str(cache_dir))
    assert result.exit_code == 0 and yaml.safe_load(result.stdout)["applicant"]["name"] == "李明"
    result = run("init", str(applicant), "--from-documents", "-o", str(applicant / "draft.yaml"),
                 "--cache-dir", str(cache_dir))
    assert result.exit_code == 2 and "never writes into an applicant's folder" in result.output
    result = run("init", str(tmp_path / "nowhere"), "--from-documents")
    assert result.exit_code == 2 and "no such folder" in result.output
    assert sorted(p.name for p in applicant.rglob("*")) == before


def test_check_from_documents_checks_a_folder_without_a_profile(applicant: Path, cache_dir: Path, tmp_path):
    out = tmp_path / "draft.yaml"
    assert run("init", str(applicant), "--from-documents", "-o", str(out), "--cache-dir", str(cache_dir),
               "--as-of", "2026-11-20").exit_code == 0
    drafted = run("check", str(applicant), "--from-documents", "--as-of", "2026-11-20", "--format", "json",
                  "--cache-dir", str(cache_dir))
    written = run("check", str(applicant), "--profile", str(out), "--as-of", "2026-11-20", "--format", "json",
                  "--cache-dir", str(cache_dir))
    assert drafted.exit_code == written.exit_code and drafted.exit_code in (0, 1), drafted.output
    strip = lambda d: {k: v for k, v in d.items() if k not in ("profile", "profile_source")}  # noqa: E731
    assert strip(yaml.safe_load(drafted.stdout)) == strip(yaml.safe_load(written.stdout))
    assert run("check", str(applicant)).exit_code == 2  # without the option: no profile is still bad input
    both = run("check", str(applicant), "--from-documents", "--profile", str(out))
    assert both.exit_code == 2 and "--from-documents" in both.output


@pytest.mark.parametrize("use_cache", [True, False])
def test_the_folder_is_read_and_hashed_once(applicant: Path, cache_dir: Path, monkeypatch, use_cache: bool):
    """One reading: every file is loaded (read and hashed) once, though whose each document is is decided after the
    applicant is found (the draft used to read the folder a second time, re-hashing every file). The real loader
    runs; the spy only counts."""
    from matcheck.documents import reader

    loads: list[str] = []
    real = reader.load

    def counting(entry, *args, **kwargs):
        loads.append(entry.path)
        return real(entry, *args, **kwargs)

    monkeypatch.setattr(reader, "load", counting)
    draft, documents = draft_folder(applicant, AS_OF, use_cache=use_cache, cache_dir=cache_dir)
    assert sorted(loads) == ["个税.pdf", "合同.docx", "学信网备案表.pdf"]
    assert {d.path: d.person for d in documents} == {"个税.pdf": "applicant", "合同.docx": "applicant",
                                                      "学信网备案表.pdf": "applicant"}
    assert next(f for f in draft.facts if f.path == "applicant.id_number").value == APPLICANT_ID


@pytest.mark.parametrize("use_cache", [True, False])
def test_each_file_is_extracted_once(applicant: Path, cache_dir: Path, monkeypatch, use_cache: bool):
    """The second analysis (whose each document is, once the applicant is found) takes the first one's extractions
    — from the cache, or without it (``--no-cache``) from memory — instead of parsing (or OCR-ing) every file again."""
    from matcheck.documents import reader

    extracted: list[int] = []
    real = reader.extract

    def counting(data, *args, **kwargs):
        extracted.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(reader, "extract", counting)
    draft_folder(applicant, AS_OF, use_cache=use_cache, cache_dir=cache_dir)
    assert len(extracted) == 3


@pytest.mark.parametrize("use_cache", [True, False])
def test_progress_counts_each_file_once(applicant: Path, cache_dir: Path, use_cache: bool):
    """``init --from-documents`` reads the folder once, so its progress line counts 1..n once (the second analysis,
    from the extractions already made, is not reported as reading every file again)."""
    seen: list[tuple[int, int, str]] = []
    draft_folder(applicant, AS_OF, use_cache=use_cache, cache_dir=cache_dir,
                 progress=lambda i, n, path: seen.append((i, n, path)))
    assert [(i, n) for i, n, _ in seen] == [(1, 3), (2, 3), (3, 3)]
    assert sorted(p for _, _, p in seen) == ["个税.pdf", "合同.docx", "学信网备案表.pdf"]
