"""Whose a child's file is (matcheck.gaps with matcheck.checks.person): one file answers one child's line.

The REAL profile parser, checklist and gaps stage run on Document records built as the folder reader makes them
(``person`` the role, ``person_name`` the profile name it matched). Two children whose names differ by one
character (李小明, 李小朋) are within the OCR name tolerance of each other: a file must still go to one of them.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from matcheck.checks.person import owner_of
from matcheck.gaps import material_statuses
from matcheck.pipeline import assess, build_checklist
from matcheck.profile import parse_profile
from matcheck.results import Document, MaterialStatus

ROOT = Path(__file__).resolve().parents[2]
BASE = yaml.safe_load((ROOT / "tests" / "rules" / "base_profile.yaml").read_text(encoding="utf-8"))
FAMILY = {"spouse": {"name": "王芳", "id_number": "310115199304052824", "shanghai_hukou": False},
          "children": [{"name": "李小明", "id_number": "310115201906011237"},
                       {"name": "李小朋", "id_number": "310115201201011237"}]}


def birth_certificate(name: str | None, ids: list[str] | None = None) -> Document:
    fields: dict[str, Any] = {"names": [name] if name else []}
    if ids:
        fields["id_numbers"] = ids
    return Document(path="出生证明.jpg", sha256="0" * 64, size=1000, file_type="jpeg", material="birth_certificate",
                    confidence=0.9, person="child", person_name=name, fields=fields, ocr=True)


def child_lines(doc: Document) -> tuple[dict[int, MaterialStatus], Any]:
    data = copy.deepcopy(BASE)
    data.update(copy.deepcopy(FAMILY))
    assessment = assess(parse_profile(data, source="test"))
    statuses = material_statuses(build_checklist(assessment), (doc,), assessment)
    lines = {s.item.person_index: s for s in statuses if s.material == "birth_certificate"}
    assert sorted(lines) == [0, 1]
    return lines, assessment


def test_one_certificate_answers_only_the_child_it_names() -> None:
    doc = birth_certificate("李小明")
    lines, assessment = child_lines(doc)
    assert (lines[0].status, lines[0].files) == ("present", ("出生证明.jpg",))
    assert (lines[1].status, lines[1].files) == ("missing", ())
    owner = owner_of(doc, assessment.profile, assessment.params)  # the decision identity-mismatch takes too
    assert (owner.role, owner.index) == ("child", 0)


def test_the_second_childs_certificate_answers_the_second_line() -> None:
    lines, _ = child_lines(birth_certificate("李小朋"))
    assert (lines[0].status, lines[1].status) == ("missing", "present")


def test_an_id_number_decides_before_the_name() -> None:
    lines, assessment = child_lines(birth_certificate("李小明", ["310115201201011237"]))
    assert (lines[0].status, lines[1].status) == ("missing", "present")


def test_a_certificate_whose_child_cannot_be_told_answers_neither_line_for_sure() -> None:
    doc = birth_certificate(None)  # neither name nor ID number read
    lines, assessment = child_lines(doc)
    for line in lines.values():
        assert (line.status, line.files, line.args.get("reason")) == ("unverified", ("出生证明.jpg",), "owner_unknown")
    assert owner_of(doc, assessment.profile, assessment.params) is None
