"""``matcheck scan FOLDER``: one row per file, JSON with the contract keys, masking, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcheck.cli import app
from matcheck.documents import classify
from tests.documents.conftest import (APPLICANT_ID, CONTRACT_PARAS, TAX_LINES, TEST_RECOGNISERS, docx_bytes,
                                      encrypted_pdf, text_pdf, write)


@pytest.fixture
def applicant(folder: Path, monkeypatch) -> Path:
    # a fixed catalog, so these tests do not depend on checklists/materials.yaml while it is being written
    monkeypatch.setattr(classify, "catalog_recognisers", lambda: TEST_RECOGNISERS)
    write(folder, "profile.yaml", f"applicant:\n  name: 李明\n  id_number: \"{APPLICANT_ID}\"\n".encode())
    write(folder, "税/个税.pdf", text_pdf([TAX_LINES]))
    write(folder, "合同.docx", docx_bytes(CONTRACT_PARAS))
    write(folder, "locked.pdf", encrypted_pdf(text_pdf([TAX_LINES])))
    write(folder, "notes.txt", "随便写的备忘\n".encode())
    return folder


def run(*args: str):
    return CliRunner().invoke(app, ["scan", *args])


def test_text_rows_per_file_with_masked_ids(applicant: Path, cache_dir: Path):
    result = run(str(applicant), "--cache-dir", str(cache_dir))
    assert result.exit_code == 0, result.output
    out = result.stdout
    for expected in ("税/个税.pdf", "tax_record", "申请人", "合同.docx", "labour_contract", "locked.pdf", "加密",
                     "notes.txt", "未识别", "tax_months=2026-01…2026-09 (9)"):
        assert expected in out, expected
    assert "profile.yaml" not in out and APPLICANT_ID not in out


def test_json_has_contract_keys_and_show_pii(applicant: Path, cache_dir: Path):
    result = run(str(applicant), "--format", "json", "--show-pii", "--cache-dir", str(cache_dir), "--lang", "en")
    assert result.exit_code == 0, result.output
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    tax = files["税/个税.pdf"]
    assert (tax["material"], tax["person"], tax["file_type"]) == ("tax_record", "applicant", "pdf")
    assert tax["confidence"] > 0.9 and tax["fields"]["tax_months"][0] == "2026-01"
    assert tax["fields"]["id_numbers"] == [APPLICANT_ID]
    assert files["locked.pdf"]["material"] is None
    (problem,) = files["locked.pdf"]["problems"]
    assert problem["rule"] == "unreadable-file" and "加密" in problem["args"]["reason"]
    assert files["notes.txt"]["problems"][0] == {"rule": "unrecognised-file", "args": {"file_type": "text"}}


def test_no_cache_and_bad_input_exit_2(applicant: Path, tmp_path: Path):
    assert run(str(applicant), "--no-cache").exit_code == 0
    missing = run(str(tmp_path / "nope"))
    assert missing.exit_code == 2 and "no such folder" in missing.output
    a_file = write(tmp_path, "file.pdf", b"%PDF")
    assert run(str(a_file)).exit_code == 2
    bad_profile = run(str(applicant), "--profile", str(tmp_path / "missing.yaml"))
    assert bad_profile.exit_code == 2
