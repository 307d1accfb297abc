"""The sources behind matcheck's rules, values and materials (``checklists/sources.yaml``), and the check that every
reference a user reads can be looked up.

A *source id* (``O1``, ``S12``, ``D30``, ``K3``, ``W2``) names one entry of ``checklists/sources.yaml``: an official
document, a reprint, an agency page or public code, with its title, issuer, number, date, article, kind, where a
reader finds it and a confidence. References in ``checklists/`` and in the rule modules name the official document
and article in words, followed by the ids; ``docs/sources.md`` (generated here) lists every id.

    python -m matcheck.sources            # writes docs/sources.md (in a source checkout)
    python -m matcheck.sources --check    # exit 1 when docs/sources.md is out of date
"""

from __future__ import annotations

import argparse
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator


from matcheck.data import checklists_dir, load_yaml, write_generated

ID_PATTERN = re.compile(r"(?<![A-Za-z0-9_./-])([OSDKW]\d{1,2})(?:b)?(?![A-Za-z0-9_])")
"""A source id inside a reference (``S52b`` is the second page of ``S52``)."""

KINDS = ("official text", "official translation", "reprint", "agency page", "practice", "calculator code")

FORBIDDEN = re.compile(r"rules\.md|documents\.md|\bseeds? ?\d{3}|\.\./shared|shared/(?:domain|design|research|seeds)")
"""Names of the project's private design notes: no user-visible text may point at them (``docs/rules.md``, the
generated rule reference, is a file users have and is not matched: ``docs/rules.md`` contains ``/rules.md``)."""


def forbidden_mentions(text: str) -> list[str]:
    """The mentions of private notes in ``text`` (``docs/rules.md`` excepted: it ships with matcheck)."""
    return [m.group(0) for m in FORBIDDEN.finditer(text)
            if not (m.group(0) == "rules.md" and text[max(0, m.start() - 5):m.start()] == "docs/")]


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    kind: str
    confidence: str
    where: str
    issuer: str | None = None
    document_number: str | None = None
    date: str | None = None
    article: str | None = None
    note: str | None = None
    addresses: tuple[str, ...] = ()


class SourceDataError(ValueError):
    """checklists/sources.yaml is malformed (a bug in the data)."""


def _sources_file() -> Path:
    return checklists_dir() / "sources.yaml"


@lru_cache(maxsize=2)
def load_sources(path: Path | None = None) -> dict[str, Source]:
    """Every source by id."""
    file = path or _sources_file()
    data = load_yaml(file) or {}
    raw = data.get("sources")
    if not isinstance(raw, dict):
        raise SourceDataError(f"{file.name}: expected a mapping 'sources: {{id: {{title, kind, ...}}}}'")
    out: dict[str, Source] = {}
    for sid, entry in raw.items():
        if not ID_PATTERN.fullmatch(str(sid)):
            raise SourceDataError(f"{file.name}: {sid!r} is not a source id (O#, S#, D#, K# or W#)")
        if not isinstance(entry, dict) or not entry.get("title") or not entry.get("kind") or not entry.get("where"):
            raise SourceDataError(f"{file.name}: {sid}: title, kind and where are required")
        if entry["kind"] not in KINDS:
            raise SourceDataError(f"{file.name}: {sid}: kind {entry['kind']!r} is not one of {', '.join(KINDS)}")
        out[str(sid)] = Source(
            id=str(sid), title=str(entry["title"]), kind=entry["kind"], confidence=str(entry.get("confidence", "?")),
            where=str(entry["where"]), issuer=entry.get("issuer"), document_number=entry.get("document_number"),
            date=None if entry.get("date") is None else str(entry["date"]), article=entry.get("article"),
            note=entry.get("note"), addresses=tuple(entry.get("addresses") or ()))
    return out


def ids_in(text: str) -> list[str]:
    """The source ids a reference names, in order, without repeats."""
    return list(dict.fromkeys(m.group(1) for m in ID_PATTERN.finditer(text or "")))


def _reference_texts() -> Iterator[tuple[str, str]]:
    """(where, text) of every reference in checklists/ data (comments left out)."""
    root = checklists_dir()
    for path in sorted(root.rglob("*.yaml")):
        if path.name == "sources.yaml":
            continue
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.lstrip().startswith("#"):
                yield f"{path.relative_to(root.parent)}:{no}", line


def rule_texts(modules: Iterable[Any]) -> Iterator[tuple[str, str]]:
    """(where, text) of the rules' references and documentation (the caller passes ``matcheck.rules.RULES``:
    this module sits below the rules)."""
    for module in modules:
        yield f"rule {module.NAME} (REFERENCE)", module.REFERENCE
        yield f"rule {module.NAME} (documentation)", module.__doc__ or ""


def lint(more: Iterable[tuple[str, str]] = ()) -> list[str]:
    """Problems with the sources: an id used but not defined, a private note named in user-visible data
    (checklists/ and ``more``: (where, text) pairs such as :func:`rule_texts`)."""
    try:
        known = load_sources()
    except (OSError, SourceDataError) as exc:
        return [str(exc)]
    problems = []
    for where, text in itertools.chain(_reference_texts(), more):
        for sid in ids_in(text):
            if sid not in known:
                problems.append(f"{where}: source {sid} is not defined in checklists/sources.yaml")
        for bad in forbidden_mentions(text):
            problems.append(f"{where}: names {bad!r}, which users do not have (cite the document and a source id)")
    return problems


def render_markdown(sources: dict[str, Source] | None = None) -> str:
    """docs/sources.md: every source, grouped by family."""
    sources = sources or load_sources()
    families = [("O", "Official documents (what to look up)"), ("S", "Points rules, materials and practice"),
                ("D", "What the documents look like"), ("K", "Agency pages read as samples"),
                ("W", "社平 (上年度职工社会平均工资) from 社保年度 2023")]
    out = ["# Sources", "",
           "<!-- generated by `python -m matcheck.sources` from checklists/sources.yaml; do not edit by hand -->", "",
           "Every reference matcheck prints (a finding's `reference`, `matcheck explain`, `matcheck policy show`, the "
           "checklist notes) names the official document and article, or the agency and page, in words; the ids in "
           "brackets (`S12`, `O1`, ...) are the entries below. Confidence: **A** official text or translation; **B** "
           "article text reprinted the same way by two or more independent sites; **C** one reprint, an agency "
           "explanation or code; **?** not verified. The project has not seen the official Chinese text of the points "
           "measures: their articles are known from reprints, which is why most values are B or C. Addresses are "
           "those the research recorded in 2026-11; third-party pages move or vanish, so search the title.",
           ""]
    for prefix, heading in families:
        group = [s for s in sources.values() if s.id.startswith(prefix)]
        if not group:
            continue
        out += [f"## {heading}", "", "| id | source | kind | conf. | where to find it |", "|---|---|---|---|---|"]
        for s in sorted(group, key=lambda s: int(s.id[1:])):
            desc = s.title
            extra = [x for x in (s.issuer if s.issuer and s.issuer not in s.title else None,
                                 s.document_number if s.document_number and s.document_number not in s.title
                                 else None,
                                 s.date and f"date: {s.date}", s.article and f"articles: {s.article}",
                                 s.note) if x]
            if extra:
                desc += " — " + "; ".join(extra)
            where = s.where + (" — " + " ; ".join(s.addresses) if s.addresses else "")
            out.append(f"| {s.id} | {_cell(desc)} | {s.kind} | {s.confidence} | {_cell(where)} |")
        out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _docs_path() -> Path:
    return Path(__file__).resolve().parents[1] / "docs" / "sources.md"


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m matcheck.sources", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/sources.md is out of date")
    args = parser.parse_args(list(argv) if argv is not None else None)
    return write_generated(_docs_path(), render_markdown(), args.check, "python -m matcheck.sources")


if __name__ == "__main__":
    raise SystemExit(main())
