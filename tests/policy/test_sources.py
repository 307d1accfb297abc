"""checklists/sources.yaml: every source id used anywhere is defined, docs/sources.md is current, and no reference
a user reads points at the project's private notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcheck.rules import RULES
from matcheck.sources import (ID_PATTERN, SourceDataError, forbidden_mentions, ids_in, lint, load_sources, main,
                              render_markdown, rule_texts)

ROOT = Path(__file__).resolve().parents[2]


def test_every_id_used_is_defined_and_no_private_note_is_named() -> None:
    assert lint(rule_texts(RULES.values())) == []


def test_docs_sources_md_is_current() -> None:
    assert main(["--check"]) == 0, "run python -m matcheck.sources"


def test_every_source_says_where_to_find_it_and_how_sure() -> None:
    sources = load_sources()
    assert {"O1", "O2", "O4", "O7", "S1", "S59", "D30", "K3", "W1"} <= set(sources)
    for s in sources.values():
        assert s.where.strip() and s.title.strip(), s.id
        assert s.confidence in ("A", "B", "C", "?"), s.id
        assert not forbidden_mentions(" ".join(filter(None, (s.title, s.where, s.note)))), s.id
    official = sources["O1"]
    assert official.document_number == "沪府规〔2022〕21号" and official.kind == "official text"


def test_ids_are_found_in_references_and_only_there() -> None:
    assert ids_in("《上海市居住证积分管理办法》第六条 年龄 (S5, S12, S55) [B]") == ["S5", "S12", "S55"]
    assert ids_in("(S52b; D30, O1) K2.") == ["S52", "D30", "O1", "K2"]
    assert ids_in("MC402 2×社平 S-12 ASS1 docs/S1") == []
    assert ID_PATTERN.fullmatch("W4")


def test_private_notes_are_caught_but_docs_rules_md_is_not() -> None:
    assert forbidden_mentions("rules.md §7 专本套读 (seed 002); ../shared/domain/documents.md") == [
        "rules.md", "seed 002", "../shared", "documents.md"]
    assert forbidden_mentions("see docs/rules.md and docs/sources.md") == []


def test_lint_reports_an_undefined_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import matcheck.sources as sources

    monkeypatch.setattr(sources, "_reference_texts", lambda: iter([("x.yaml:1", "source: \"第六条 (S99)\"")]))
    assert lint() == ["x.yaml:1: source S99 is not defined in checklists/sources.yaml"]


def test_a_malformed_sources_file_is_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources:\n  S1: {title: x, kind: rumour, where: y}\n", encoding="utf-8")
    with pytest.raises(SourceDataError, match="kind 'rumour'"):
        load_sources(bad)


def test_rendered_page_lists_every_source() -> None:
    text = render_markdown()
    for sid in load_sources():
        assert f"| {sid} |" in text
    assert not forbidden_mentions(text)
