"""``check --from-documents`` reads the folder once: the Documents the draft was made from are checked when they
were read with the drafted profile's people (a fresh read would say the same of whose each document is); with
--no-cache every file was read (and every photo OCR'd) twice before."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from matcheck.cli import app
from tests.check.conftest import make_applicant


def test_check_from_documents_reads_each_file_once(tmp_path: Path, monkeypatch) -> None:
    from matcheck.documents import reader

    folder = make_applicant(tmp_path / "a")
    (folder / "profile.yaml").unlink()
    loads: Counter[str] = Counter()
    real = reader.load

    def counted(entry, *args, **kwargs):
        loads[entry.path] += 1
        return real(entry, *args, **kwargs)

    monkeypatch.setattr(reader, "load", counted)
    args = ["check", str(folder), "--from-documents", "--no-cache", "--as-of", "2026-11-20", "--format", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    assert loads and set(loads.values()) == {1}, loads
