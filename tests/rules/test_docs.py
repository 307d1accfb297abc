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
