"""Which file belongs to which record (按学历/资格记录对应材料): the file-to-line assignment of :mod:`matcheck.gaps`.

An applicant with two education records (大专 全日制 and 自考 本科) has two 毕业证书 lines and two 学信网 备案表
lines on the checklist, each with ``RequiredMaterial.subject`` naming its profile entry (``education[1]``,
``education[2]``; ``qualifications[0]`` for a 职称/技能 line). A file satisfies such a line only if what was read
from it fits that entry.

**Comparing a file with a record** (:func:`fit`). Hard fields decide whether the file *can* be that record's:

* education: ``level`` (or a degree document's ``degree``: 学士 → 本科) equal to the entry's level after normalising
  with the profile's vocabulary (专科/高职 → 大专); ``school`` the same school, compared tolerantly
  (:func:`alike`);
* qualification: ``qual_level`` equal after normalising (技师 → 二级); ``qual_name`` the same name, tolerantly.

A hard field that differs is a contradiction: the file cannot satisfy the line. Every field that agrees (hard or
soft: ``grad_date``/``obtained`` month, ``cert_no``, ``major``) adds one to the file's *fit*; a field that is absent
or a soft field that differs adds nothing (dates and numbers are OCR-fragile and people round months).

**Assigning files to lines** (:func:`assign`), per group of lines of the same material for the same person — a
small greedy, enough for the handful of records an applicant has:

1. A file with a positive fit goes to the one line it fits best. Tied between lines (a diploma showing only a
   school two records share), or fitting nothing (no readable field), it is a *fallback* file for those lines.
2. Lines that got no file in step 1 share out the fallback files: the most constrained file first (fewest lines
   it could go to), each to the line with the fewest files so far (then checklist order). So two unreadable
   diplomas for two records give one each, never both to both. A line that got a fitting file in step 1 takes no
   fallback file ("a file with no readable fields only if no better file does").
3. A line still without a file, for which a fallback file existed but went to another line, is ``unverified``
   (which record that file is for cannot be told); otherwise its material is ``missing`` — with a note naming the
   files of that material that contradict the record.

**Alternatives** (成绩单 ↔ 毕业生登记表, 技能证书 ↔ 职业资格证书, 户口簿 ↔ 户籍证明): a line lists the files of its
own material; a file of an alternative material is used only when no file of the line's own material fits it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from matcheck.dates import Month
from matcheck.matching import edit_distance, normalise, same_unit
from matcheck.policy import Params
from matcheck.profile import Profile
from matcheck.profile.model import EDUCATION_LEVELS, QUALIFICATION_LEVELS, education_level
from matcheck.results import Document, RequiredMaterial

_SUBJECT = re.compile(r"^(education|qualifications)\[(\d+)\]$")


def record_of(item: RequiredMaterial, profile: Profile) -> tuple[str, Any] | None:
    """The profile entry a line is for: ``("education", Education)`` / ``("qualifications", Qualification)``."""
    m = _SUBJECT.match(item.subject or "")
    if not m:
        return None
    entries = profile.education if m.group(1) == "education" else profile.qualifications
    index = int(m.group(2))
    entry = entries[index] if index < len(entries) else None
    return (m.group(1), entry) if entry is not None else None


def describe_record(item: RequiredMaterial, profile: Profile) -> str:
    """The record a line is for, in words: ``合肥示例职业技术学院 大专``, ``电工 二级``."""
    record = record_of(item, profile)
    if record is None:
        return item.subject or ""
    kind, entry = record
    parts = (entry.school, entry.level) if kind == "education" else (entry.name, entry.level)
    return " ".join(str(p) for p in parts if p) or str(item.subject)


# --------------------------------------------------------------------------- comparing one file with one record


def _bare(text: Any) -> str:
    """Spaces, brackets and punctuation removed (OCR scatters them)."""
    return "".join(c for c in normalise(str(text or "")) if not unicodedata.category(c).startswith(("P", "S")))


def alike(expected: Any, found: Any, ocr: bool, params: Params) -> bool:
    """The same school (or 资格名称) with OCR tolerance: equal, one containing the other (a profile's shorter
    form, a 学院 inside its university), or — for an OCR'd file — within the unit-name edit tolerance
    (``rules_folder.units.ocr_max_edit_ratio``, at least one character). Names shorter than
    ``rules_folder.names.ocr_min_length_for_edits`` must match exactly even by OCR (电工 vs 焊工 are two trades).

    Erring towards "alike" is deliberate: a false "alike" only keeps a file in the running (its other fields still
    rank it), a false "different" would report a diploma that is there as missing."""
    a, b = _bare(expected), _bare(found)
    if not a or not b:
        return True  # nothing to compare is no contradiction
    if a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a)):
        return True
    if not ocr or min(len(a), len(b)) < int(params["rules_folder.names.ocr_min_length_for_edits"]):
        return False
    return same_unit(a, b, True, params)


def _level(value: Any, vocabulary: dict[str, str]) -> str | None:
    text = _bare(value)
    return vocabulary.get(text, vocabulary.get(text.lower(), text)) if text else None


def _month(value: Any) -> Month | None:
    if isinstance(value, Month):
        return value
    if isinstance(value, date):
        return Month.of(value)
    return None


def fit(doc: Document, kind: str, entry: Any, params: Params) -> int | None:
    """How many of the file's fields agree with the record; None when a hard field contradicts it."""
    f = doc.fields
    score = 0
    if kind == "education":
        doc_level = education_level(_bare(f.get("level")), _bare(f.get("degree")))
        hard = [(doc_level, _level(entry.level, EDUCATION_LEVELS), lambda a, b: a == b),
                (f.get("school"), entry.school, lambda a, b: alike(b, a, doc.ocr, params))]
        soft = [(_month(f.get("grad_date")), entry.end), (_bare(f.get("cert_no")), _bare(entry.certificate_number)),
                (_bare(f.get("major")), _bare(entry.major))]
    else:
        hard = [(_level(f.get("qual_level"), QUALIFICATION_LEVELS), _level(entry.level, QUALIFICATION_LEVELS),
                 lambda a, b: a == b),
                (f.get("qual_name"), entry.name, lambda a, b: alike(b, a, doc.ocr, params))]
        soft = [(f.get("obtained"), entry.obtained), (_bare(f.get("cert_no")), _bare(entry.certificate_number))]
    for found, expected, same in hard:
        if found and expected:
            if not same(found, expected):
                return None
            score += 1
    for found, expected in soft:
        if found and expected and (found == expected or (isinstance(found, str) and doc.ocr
                                                         and edit_distance(found, expected) <= 1)):
            score += 1
    return score


# --------------------------------------------------------------------------- assigning files to lines


@dataclass
class Pick:
    """The files a record line ends with; ``shared`` files were given to another line (record unknown);
    ``contradicting`` files are of the line's material but another record's; ``possible`` owner-unknown files
    (no name or ID read) that could be this record's."""

    files: list[Document] = field(default_factory=list)
    shared: list[Document] = field(default_factory=list)
    contradicting: list[Document] = field(default_factory=list)
    possible: set[str] = field(default_factory=set)  # paths of owner-unknown files that do not contradict it


def assign(lines: list[int], fits: dict[int, dict[str, tuple[Document, int]]]) -> dict[int, Pick]:
    """``fits[line][path] = (doc, fit)`` for the files that do not contradict the line → a :class:`Pick` per line
    (the greedy of the module docstring; ``lines`` in checklist order)."""
    picks = {line: Pick() for line in lines}
    docs: dict[str, Document] = {}
    for line in lines:
        docs.update({path: doc for path, (doc, _) in fits[line].items()})
    fallback: dict[str, list[int]] = {}
    for path in sorted(docs):
        scores = {line: fits[line][path][1] for line in lines if path in fits[line]}
        best = max(scores.values())
        top = [line for line in lines if scores.get(line) == best]
        if best > 0 and len(top) == 1:
            picks[top[0]].files.append(docs[path])
        else:
            fallback[path] = top
    needy = [line for line in lines if not picks[line].files]
    order = sorted(fallback, key=lambda p: (sum(1 for ln in fallback[p] if ln in needy), p))
    for path in order:
        open_lines = [ln for ln in fallback[path] if ln in needy]
        if open_lines:
            target = min(open_lines, key=lambda ln: (len(picks[ln].files), lines.index(ln)))
            picks[target].files.append(docs[path])
    for line in lines:
        if not picks[line].files:
            picks[line].shared = [docs[p] for p in sorted(fallback) if line in fallback[p]]
    return picks
