"""The generated rule reference (python -m matcheck.rules.docs) covers every rule with its documentation."""

from __future__ import annotations

from matcheck.rules import RULES
from matcheck.rules.docs import main, render_all


def test_reference_has_a_row_and_a_section_per_rule():
    text = render_all()
    for module in RULES.values():
        assert f"| {module.CODE} | [`{module.NAME}`]" in text
        assert f"## {module.CODE} `{module.NAME}`" in text
    assert text.count("**How to fix.**") == len(RULES)


def test_check_mode_detects_a_stale_file(tmp_path, capsys):
    target = tmp_path / "rules.md"
    assert main(["-o", str(target)]) == 0
    assert main(["-o", str(target), "--check"]) == 0
    target.write_text(target.read_text(encoding="utf-8") + "stale\n", encoding="utf-8")
    assert main(["-o", str(target), "--check"]) == 1
    assert "out of date" in capsys.readouterr().err


def test_committed_reference_is_current():
    """docs/rules.md is generated; editing a rule's docstring without regenerating it fails here."""
    from pathlib import Path

    target = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    assert main(["-o", str(target), "--check"]) == 0, "run: python -m matcheck.rules.docs"


def test_the_ocr_confidence_threshold_is_named_in_the_rule_sources_and_written_from_the_constant():
    """MIN_OCR_CONFIDENCE (results.py) is the one place of the threshold: a rule's docstring names it
    (``{MIN_OCR_CONFIDENCE}``) and the documentation (docs/rules.md, ``matcheck explain``, SARIF) shows its value."""
    import inspect
    import re

    from matcheck.results import MIN_OCR_CONFIDENCE
    from matcheck.rules.base import documented

    value = f"{MIN_OCR_CONFIDENCE:g}"
    naming = []
    for module in RULES.values():
        source = inspect.getsource(module)
        docstring = source.split('"""')[1]
        assert not re.search(rf"(?<![\d.]){re.escape(value)}(?!\d)", docstring), f"{module.NAME} copies {value}"
        if "{MIN_OCR_CONFIDENCE}" in docstring:
            naming.append(module.NAME)
            assert "{MIN_OCR_CONFIDENCE}" not in module.__doc__ and value in module.__doc__, module.NAME
    assert sorted(naming) == ["identity-mismatch", "material-expired", "tax-months-incomplete", "unit-mismatch"]
    assert documented("at least {MIN_OCR_CONFIDENCE}.") == f"at least {value}."
