"""The materials catalog (材料目录): ``checklists/materials.yaml`` loaded into frozen records, and validated.

One list serves two readers: the checklist (what an applicant must bring, when, whose, original or copy, where
to get it) and the folder reader (how a file is recognised: the ``recognise`` block). See docs/materials.md.

    from matcheck.materials import catalog, recognisers
    catalog()["tax_record"].recognise.titles      # ("个人所得税纳税记录",)
    [m.id for m in recognisers()]                 # documents in the order their anchors are checked

Loading fails with :class:`CatalogError` (one line per problem: entry id, key, value, what was expected) on an
unknown key, a missing name/source/where, a duplicate id, an unknown condition name (``when``), a scoped
condition outside its ``for_each``, an unknown validity rule, or an alternative that is not in the catalog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from matcheck.checklist.conditions import PREDICATES, SCOPES, parse_condition
from matcheck.checks.validity import VALIDITY_RULES
from matcheck.data import checklists_dir, load_yaml

KINDS = ("document", "prerequisite")
WHOSE = ("applicant", "spouse", "child", "employer", "hr_officer")
GROUPS = ("基础材料", "指标材料", "同住人材料", "其他事项")
CONFIDENCES = ("A", "B", "C", "?")
FAMILIES = ("education", "tax", "social_insurance", "identity", "marriage", "employment", "qualification")
"""The field families a document type may declare (``family:``): which fields the folder reader extracts from it
(one extractor per family in ``documents/fields_extract.py``, the family's vocabulary in ``documents/fields.py``)."""
_ID = re.compile(r"^[a-z][a-z0-9_]*$")

_ENTRY_KEYS = {"id", "kind", "name_zh", "name_en", "whose", "original_or_copy", "where", "where_en", "requires",
               "validity", "alternatives", "note", "source", "confidence", "document_of", "recognise",
               "basis", "family"}
BASES = ("official", "practice")
PRACTICE_REASON = "（只见于受理实践，条文和官方材料清单未列：建议备齐，缺少时为警告）"
"""Appended to the reason of every requirement of a ``basis: practice`` entry (docs/checking.md: severity follows
the source)."""
_REQUIRED_KEYS = ("id", "name_zh", "name_en", "whose", "original_or_copy", "where", "requires", "source",
                  "confidence")
_REQ_KEYS = {"when", "for_each", "person", "group", "reason", "optional"}
_RECOGNISE_KEYS = {"titles", "keywords", "negative", "filenames", "priority"}
_VALIDITY_KEYS = {"rule", "text"}


class CatalogError(ValueError):
    """checklists/materials.yaml is malformed (a bug in the data, not in the user's input)."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Recognise:
    """How the folder reader recognises the document (documents.md §0.1)."""

    titles: tuple[str, ...]  # strong anchors: any one found → this material (checked in priority order)
    keywords: tuple[str, ...]  # supporting words (count matches)
    negative: tuple[str, ...]  # must NOT contain
    filenames: tuple[str, ...]  # filename hints (weak)
    priority: int  # lower = checked first


@dataclass(frozen=True)
class Requirement:
    """One way a material becomes required: ALL ``when`` conditions hold (for each entry of ``for_each``)."""

    when: tuple[str, ...]
    person: str
    group: str
    reason: str
    for_each: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class Validity:
    rule: str | None = None  # a named rule in matcheck/checks/validity.py (windows from the policy data)
    text: str | None = None  # a fixed sentence


@dataclass(frozen=True)
class Material:
    """One catalog entry (a document to bring, or a prerequisite to confirm)."""

    id: str
    kind: str
    name_zh: str
    name_en: str
    whose: str
    original_or_copy: str
    where: str
    requires: tuple[Requirement, ...]
    source: str
    confidence: str
    order: int  # position in the catalog (the checklist keeps this order within a group)
    where_en: str | None = None
    validity: Validity | None = None
    alternatives: tuple[str, ...] = ()
    note: str | None = None
    document_of: str | None = None  # physically another type (hr_officer_id is an id_card)
    recognise: Recognise | None = None
    basis: str = "official"  # official: an official text or list asks for it; practice: only agency practice does
    family: str | None = None  # the field family (FAMILIES) the folder reader extracts from it; None: common only


def catalog_path() -> Path:
    return checklists_dir() / "materials.yaml"


@lru_cache(maxsize=4)
def catalog(path: Path | None = None) -> dict[str, Material]:
    """Every material by id, in catalog order. Raises :class:`CatalogError` when the data is malformed."""
    path = path or catalog_path()
    try:
        data = load_yaml(path) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogError([f"{path.name}: cannot be read: {' '.join(str(exc).split())}"]) from None
    return parse_catalog(data, path.name)


@dataclass(frozen=True)
class OpenQuestion:
    """Something the sources could not pin down (the checklist's closing note)."""

    zh: str
    en: str
    source: str


@lru_cache(maxsize=4)
def open_questions(path: Path | None = None) -> tuple[OpenQuestion, ...]:
    """The catalog's ``open_questions``: what the sources could not pin down, with where that was noted."""
    path = path or catalog_path()
    data = load_yaml(path) or {}
    out = []
    for i, q in enumerate(data.get("open_questions") or []):
        if not isinstance(q, dict) or not all(str(q.get(k) or "").strip() for k in ("zh", "en", "source")):
            raise CatalogError([f"{path.name}: open_questions[{i}]: expected {{zh, en, source}}"])
        out.append(OpenQuestion(str(q["zh"]), str(q["en"]), str(q["source"])))
    return tuple(out)


def material_label(material: str | None, lang: str = "zh") -> str:
    """The catalog's name of a material (``tax_record`` → 个人所得税纳税记录; ``lang="en"``: its English name); the
    one table of material names for the reports, the rules and the printed sheet."""
    if not material:
        return "未识别文件" if lang == "zh" else "unrecognised file"
    entry = catalog().get(material)
    if entry is None:
        return material
    return str((entry.name_en if lang == "en" else entry.name_zh) or material)


def recognisers(path: Path | None = None) -> list[Material]:
    """Documents with a ``recognise`` block, in the order the folder reader checks them (priority, then id)."""
    docs = [m for m in catalog(path).values() if m.recognise is not None]
    return sorted(docs, key=lambda m: (m.recognise.priority, m.id))  # type: ignore[union-attr]


def parse_catalog(data: Any, file: str = "materials.yaml") -> dict[str, Material]:
    problems: list[str] = []
    entries = data.get("materials") if isinstance(data, dict) else None
    if isinstance(data, dict):
        problems.extend(f"{file}: unknown top-level key {k!r}" for k in data if k not in ("materials", "open_questions"))
    if not isinstance(entries, list):
        raise CatalogError([f"{file}: expected a top-level `materials:` list"])
    out: dict[str, Material] = {}
    for index, raw in enumerate(entries):
        where = f"{file}: materials[{index}]"
        if not isinstance(raw, dict):
            problems.append(f"{where}: expected a mapping, got {type(raw).__name__}")
            continue
        mid = raw.get("id")
        where = f"{file}: {mid or f'materials[{index}]'}"
        problems.extend(f"{where}: unknown key {k!r}" for k in raw if k not in _ENTRY_KEYS)
        problems.extend(f"{where}: {k}: missing or empty" for k in _REQUIRED_KEYS
                        if k != "requires" and not str(raw.get(k) or "").strip())
        if not isinstance(mid, str) or not _ID.match(mid):
            problems.append(f"{where}: id: {mid!r} is not a snake_case id")
            continue
        if mid in out:
            problems.append(f"{where}: id: duplicate id {mid!r}")
        kind = raw.get("kind", "document")
        if kind not in KINDS:
            problems.append(f"{where}: kind: {kind!r}; expected one of {', '.join(KINDS)}")
        whose = raw.get("whose")
        if whose not in WHOSE:
            problems.append(f"{where}: whose: {whose!r}; expected one of {', '.join(WHOSE)}")
        confidence = str(raw.get("confidence", ""))
        if confidence not in CONFIDENCES:
            problems.append(f"{where}: confidence: {confidence!r}; expected one of A, B, C, ?")
        requires = _requirements(raw.get("requires"), str(whose), where, problems, PREDICATES, SCOPES,
                                 parse_condition)
        basis = raw.get("basis", "official")
        if basis not in BASES:
            problems.append(f"{where}: basis: {basis!r}; expected one of {', '.join(BASES)}")
        elif basis == "practice":  # what only practice asks for is recommended (建议), never demanded
            requires = tuple(replace(r, optional=True, reason=r.reason + PRACTICE_REASON) for r in requires)
        validity = _validity(raw.get("validity"), where, problems, VALIDITY_RULES)
        recognise = _recognise(raw.get("recognise"), where, problems)
        family = raw.get("family")
        if family is not None and (kind != "document" or family not in FAMILIES):
            problems.append(f"{where}: family: {family!r}; a document's is one of {', '.join(FAMILIES)}")
            family = None
        if kind == "document" and recognise is None:
            problems.append(f"{where}: recognise: a document needs a recognise block (titles, keywords, ...)")
        alternatives = raw.get("alternatives") or []
        if not isinstance(alternatives, list) or not all(isinstance(a, str) for a in alternatives):
            problems.append(f"{where}: alternatives: expected a list of material ids")
            alternatives = []
        out[mid] = Material(
            id=mid, kind=kind, name_zh=str(raw.get("name_zh", "")), name_en=str(raw.get("name_en", "")),
            whose=str(whose), original_or_copy=str(raw.get("original_or_copy", "")), where=str(raw.get("where", "")),
            requires=requires, source=str(raw.get("source", "")), confidence=confidence, order=index,
            where_en=raw.get("where_en"), validity=validity, alternatives=tuple(alternatives),
            note=raw.get("note"), document_of=raw.get("document_of"), recognise=recognise,
            basis=str(basis), family=family,
        )
    for m in out.values():
        problems.extend(f"{file}: {m.id}: alternatives: {a!r} is not a material in the catalog"
                        for a in m.alternatives if a not in out)
        if m.document_of is not None and m.document_of not in out:
            problems.append(f"{file}: {m.id}: document_of: {m.document_of!r} is not a material in the catalog")
    if problems:
        raise CatalogError(problems)
    return out


def _requirements(raw: Any, whose: str, where: str, problems: list[str], predicates: dict[str, Any],
                  scopes: tuple[str, ...], parse_condition: Any) -> tuple[Requirement, ...]:
    if not isinstance(raw, list):
        problems.append(f"{where}: requires: expected a list (use [] for a material never required)")
        return ()
    out = []
    for i, r in enumerate(raw):
        at = f"{where}: requires[{i}]"
        if not isinstance(r, dict):
            problems.append(f"{at}: expected a mapping")
            continue
        problems.extend(f"{at}: unknown key {k!r}" for k in r if k not in _REQ_KEYS)
        when = r.get("when")
        if not isinstance(when, list) or not when or not all(isinstance(w, str) for w in when):
            problems.append(f"{at}: when: expected a non-empty list of condition names")
            when = []
        for_each = r.get("for_each")
        if for_each is not None and for_each not in scopes:
            problems.append(f"{at}: for_each: {for_each!r}; expected one of {', '.join(scopes)}")
        for text in when:
            _, name = parse_condition(text)
            pred = predicates.get(name)
            if pred is None:
                problems.append(f"{at}: when: unknown condition {name!r} (see matcheck/checklist/conditions.py)")
            elif pred.scope is not None and pred.scope != for_each:
                problems.append(f"{at}: when: {name!r} is about one {pred.scope} entry; it needs "
                                f"`for_each: {pred.scope}` (has {for_each!r})")
        person = r.get("person", whose)
        if person not in WHOSE:
            problems.append(f"{at}: person: {person!r}; expected one of {', '.join(WHOSE)}")
        if person == "child" and for_each != "child":
            problems.append(f"{at}: person: child needs `for_each: child` (one line per child)")
        group = r.get("group")
        if group not in GROUPS:
            problems.append(f"{at}: group: {group!r}; expected one of {', '.join(GROUPS)}")
        reason = str(r.get("reason") or "").strip()
        if not reason:
            problems.append(f"{at}: reason: missing (say which indicator or fact asks for it)")
        out.append(Requirement(when=tuple(when), person=str(person), group=str(group), reason=reason,
                               for_each=for_each, optional=bool(r.get("optional", False))))
    return tuple(out)


def _validity(raw: Any, where: str, problems: list[str], rules: dict[str, Any]) -> Validity | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not raw or set(raw) - _VALIDITY_KEYS:
        problems.append(f"{where}: validity: expected {{rule: NAME}} and/or {{text: ...}}")
        return None
    rule = raw.get("rule")
    if rule is not None and rule not in rules:
        problems.append(f"{where}: validity.rule: unknown rule {rule!r} (see matcheck/checks/validity.py)")
    return Validity(rule=rule, text=raw.get("text"))


def _recognise(raw: Any, where: str, problems: list[str]) -> Recognise | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problems.append(f"{where}: recognise: expected a mapping")
        return None
    problems.extend(f"{where}: recognise: unknown key {k!r}" for k in raw if k not in _RECOGNISE_KEYS)
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("titles", "keywords", "negative", "filenames"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(f"{where}: recognise.{key}: expected a list of non-empty strings")
            value = []
        lists[key] = tuple(value)
    priority = raw.get("priority")
    if not isinstance(priority, int) or isinstance(priority, bool):
        problems.append(f"{where}: recognise.priority: {priority!r} is not an integer")
        priority = 999
    if not (lists["titles"] or lists["keywords"]):
        problems.append(f"{where}: recognise: needs at least one title or keyword")
    return Recognise(priority=priority, **lists)


def lint_catalog(materials: dict[str, Material] | None = None) -> list[str]:
    """Softer problems than load errors: documents without any title anchor or filename hint, shared priorities."""
    materials = materials or catalog()
    problems = []
    seen: dict[int, str] = {}
    for m in materials.values():
        r = m.recognise
        if r is None:
            continue
        if not r.titles and m.document_of is None:
            problems.append(f"{m.id}: recognise: no title anchor (it can only be recognised by keywords)")
        if r.priority in seen:
            problems.append(f"{m.id}: recognise.priority {r.priority} is shared with {seen[r.priority]}")
        seen.setdefault(r.priority, m.id)
    return problems
