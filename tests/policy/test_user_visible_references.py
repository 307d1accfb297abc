"""No user-visible output names a file the user does not have (rules.md, documents.md, a seed, ../shared): score,
checklist, form, policy show, rules and explain, for every bundled sample, in every format (``check`` on the
samples, which needs the OCR, is in tests/check/test_samples.py). README.md and docs/ are checked too."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from matcheck.cli import app
from matcheck.rules import RULES
from matcheck.sources import forbidden_mentions

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p.name for p in (ROOT / "samples").iterdir() if (p / "profile.yaml").exists())


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code in (0, 1), (args, result.output)
    return result.stdout


@pytest.mark.parametrize("sample", SAMPLES)
def test_score_checklist_and_form_of_each_sample(sample: str, tmp_path: Path) -> None:
    profile = str(ROOT / "samples" / sample / "profile.yaml")
    outputs = {}
    for fmt in ("text", "json"):
        outputs[f"score {fmt}"] = run("score", profile, "--format", fmt)
    for fmt in ("text", "json", "markdown"):
        outputs[f"checklist {fmt}"] = run("checklist", profile, "--format", fmt)
    for suffix in ("pdf", "docx"):
        form = tmp_path / f"form.{suffix}"
        run("form", profile, "-o", str(form))
        outputs[f"form {suffix}"] = _text(form)
    sheet = tmp_path / "清单.docx"
    run("checklist", profile, "-o", str(sheet))
    outputs["checklist docx"] = _text(sheet)
    for what, text in outputs.items():
        assert text.strip(), what
        assert not forbidden_mentions(text), (sample, what, forbidden_mentions(text))


def test_policy_show_rules_and_explain() -> None:
    texts = {"policy show": run("policy", "show", "--as-of", "2026-11-20"),
             "policy show 2013": run("policy", "show", "--as-of", "2015-01-01"),
             "rules": run("rules"), "rules json": run("rules", "--format", "json")}
    texts.update({f"explain {name}": run("explain", name) for name in RULES})
    for what, text in texts.items():
        assert not forbidden_mentions(text), (what, forbidden_mentions(text))


def test_readme_and_docs() -> None:
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        assert not forbidden_mentions(path.read_text(encoding="utf-8")), path.name


def _text(path: Path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
