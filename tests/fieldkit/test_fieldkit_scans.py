"""A copy shop's *scanned* stack (an image-only PDF, read by OCR): every document in it is found, whatever the
order, with two documents on one sheet. Marked ``ocr`` and ``slow`` (four pages through the real OCR engine)."""

from __future__ import annotations

import random

import pytest
import yaml

from fieldkit import papers as P
from fieldkit.case import make_case
from fieldkit.sheet import scan_pdf, stacked
from matcheck.documents import read_folder
from matcheck.profile import load_profile

pytestmark = [pytest.mark.ocr, pytest.mark.slow]


def test_scanned_stack_every_document_found(tmp_path):
    case = make_case(7)
    rng = random.Random(7)
    a = case.applicant
    (tmp_path / "profile.yaml").write_text(yaml.safe_dump(case.profile(), allow_unicode=True), encoding="utf-8")
    sheets = [stacked([P.id_back(a), P.id_front(a)]), stacked([P.degree_certificate(case, rng)]),
              stacked([P.hukou_own(a), P.hukou_front(a)]), stacked([P.high_school_diploma(case, rng)])]
    (tmp_path / "复印店扫描.pdf").write_bytes(scan_pdf(sheets, "stack-7"))
    docs = read_folder(tmp_path, load_profile(tmp_path / "profile.yaml"), use_cache=False)
    found = [(d.page, d.material, d.person) for d in docs]
    assert found == [(1, "id_card", "applicant"), (2, "degree_certificate", "applicant"),
                     (3, "hukou_booklet", "applicant"), (4, "high_school_diploma", "applicant")], found
    assert set(docs[0].fields["id_sides"]) == {"front", "back"}
    assert docs[2].fields.get("hukou_pages") == {"首页", "本人页"}
