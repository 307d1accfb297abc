"""Classification (catalog words, evidence, unrecognised, multi-document PDFs), whose, and the content-hash cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcheck.documents import read_folder, reader
from matcheck.documents.classify import Recogniser, classify, recognisers_from
from matcheck.documents.person import Person, near_name, whose
from matcheck.profile import parse_profile
from tests.documents.conftest import (APPLICANT_ID, CHILD_ID, CONTRACT_PARAS, SPOUSE_ID, TAX_LINES, TEST_RECOGNISERS,
                                      XUEXIN_LINES, docx_bytes, text_pdf, write)

PROFILE = {
    "as_of": "2026-11-20",
    "applicant": {"name": "李明", "id_number": APPLICANT_ID},
    "spouse": {"name": "王芳", "id_number": SPOUSE_ID},
    "children": [{"name": "李小明", "id_number": CHILD_ID}],
}


def test_title_decides_with_evidence_and_confidence():
    m = classify("\n".join(TAX_LINES), "scan001.pdf", TEST_RECOGNISERS)
    assert m.material == "tax_record" and m.title and 0.9 < m.confidence <= 0.99
    assert "个人所得税纳税记录" in m.evidence and "税款所属期" in m.evidence


def test_negative_words_and_priority():
    # a 备案表 mentions 毕(结)业 and 证书编号 but the diploma's negative (电子注册备案表) rules the diploma out
    assert classify("\n".join(XUEXIN_LINES) + "\n毕业证书", "x.pdf", TEST_RECOGNISERS).material == "xuexin_record"
    # two titles: the lower priority (checked first) wins
    both = "劳动合同 甲方 乙方\n个人所得税纳税记录"
    assert classify(both, "x.pdf", TEST_RECOGNISERS).material == "tax_record"


def test_unrecognised_is_not_guessed_and_filename_alone_never_decides():
    assert classify("会议纪要 今天讨论了午餐", "纳税.pdf", TEST_RECOGNISERS).material is None
    assert classify("", "个税纳税记录.pdf", TEST_RECOGNISERS).material is None
    weak = classify("甲方 乙方 合同期限", "合同.pdf", TEST_RECOGNISERS)  # keywords only, no title
    assert weak.material == "labour_contract" and weak.confidence < 0.6 and not weak.title


def test_ocr_spacing_and_brackets_still_match():
    assert classify("教 育 部 学 历 证 书 电 子 注 册 备 案 表\n毕（结）业日期", "a.jpg", TEST_RECOGNISERS).material == \
        "xuexin_record"


def test_recognisers_from_catalog_shapes():
    items = [{"id": "tax_record", "recognise": {"titles": ["个人所得税纳税记录"], "keywords": ["税款所属期"],
                                                "negative": [], "filenames": ["纳税"], "priority": 50}},
             {"id": "other"}]
    (r,) = recognisers_from(items)
    assert r == Recogniser("tax_record", ("个人所得税纳税记录",), ("税款所属期",), (), ("纳税",), 50)


def test_one_pdf_holding_several_documents_is_split_by_page(folder: Path):
    pages = [TAX_LINES, ["个人所得税纳税记录（续）", "2026.10.10 320.00 2026.10.15 工资薪金所得 2026.09 国家税务总局上海市浦东新区税务局"],
             XUEXIN_LINES]
    write(folder, "合并扫描.pdf", text_pdf(pages))
    docs = read_folder(folder, None, use_cache=False, recognisers=TEST_RECOGNISERS)
    assert [(d.material, d.page, d.pages) for d in docs] == [("tax_record", 1, 2), ("xuexin_record", 3, 1)]
    assert all(d.path == "合并扫描.pdf" for d in docs)


def test_whose_applicant_spouse_child(folder: Path):
    profile = parse_profile(PROFILE, "profile.yaml")
    write(folder, "个税.pdf", text_pdf([TAX_LINES]))
    spouse_lines = [line.replace("李明", "王芳").replace(APPLICANT_ID, SPOUSE_ID) for line in XUEXIN_LINES]
    write(folder, "配偶学历.pdf", text_pdf([spouse_lines]))
    write(folder, "出生证明.pdf", text_pdf([["出生医学证明", "新生儿姓名：李小朋", "母亲姓名：王芳",
                                             f"有效身份证件号码：{SPOUSE_ID}"]]))
    write(folder, "合同.docx", docx_bytes(CONTRACT_PARAS))
    docs = {d.path: d for d in read_folder(folder, profile, use_cache=False, recognisers=TEST_RECOGNISERS)}
    assert (docs["个税.pdf"].person, docs["个税.pdf"].person_name) == ("applicant", "李明")
    assert docs["配偶学历.pdf"].person == "spouse"
    assert docs["出生证明.pdf"].person == "child"  # the 新生儿 comes first; OCR noise in one character tolerated
    assert docs["合同.docx"].person == "applicant"


def test_whose_ids_must_be_checksum_valid_and_short_names_exact():
    people = (Person("applicant", "李明", APPLICANT_ID), Person("spouse", "王芳", SPOUSE_ID))
    bad_id = APPLICANT_ID[:-1] + ("0" if APPLICANT_ID[-1] != "0" else "1")
    assert whose(f"身份证号 {bad_id}", [], [], people) is None
    assert whose("姓名 李朋", ["李朋"], [], people) is None  # two-character names: exact only
    assert whose(f"号码 {SPOUSE_ID}", [], [SPOUSE_ID], people).role == "spouse"
    assert near_name("李小朋", "李小明") and not near_name("张大朋", "李小明")


def test_second_run_reads_from_the_cache_and_no_cache_bypasses(folder: Path, cache_dir: Path, monkeypatch):
    write(folder, "个税.pdf", text_pdf([TAX_LINES]))
    write(folder, "合同.docx", docx_bytes(CONTRACT_PARAS))
    calls: list[int] = []
    real = reader.extract
    monkeypatch.setattr(reader, "extract", lambda data: calls.append(len(data)) or real(data))
    first = read_folder(folder, None, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS)
    assert len(calls) == 2
    second = read_folder(folder, None, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS)
    assert len(calls) == 2 and second == first  # no PDF or DOCX work the second time, same result
    read_folder(folder, None, use_cache=False, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS)
    assert len(calls) == 4
    write(folder, "个税.pdf", text_pdf([TAX_LINES + ["改动"]]))  # changed content → new hash → read again
    read_folder(folder, None, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS)
    assert len(calls) == 5


def test_corrupt_cache_entry_is_ignored(folder: Path, cache_dir: Path):
    write(folder, "个税.pdf", text_pdf([TAX_LINES]))
    first = read_folder(folder, None, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS)
    for entry in cache_dir.rglob("*.json"):
        entry.write_text("{not json")
    assert read_folder(folder, None, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS) == first


@pytest.mark.parametrize("env", ["MATCHECK_CACHE_DIR", "XDG_CACHE_HOME"])
def test_default_cache_location(env, tmp_path, monkeypatch):
    from matcheck.documents.cache import default_cache_dir

    monkeypatch.delenv("MATCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv(env, str(tmp_path))
    assert default_cache_dir() == (tmp_path if env == "MATCHECK_CACHE_DIR" else tmp_path / "matcheck")


def test_analysis_cache_follows_the_profile_and_the_catalog(folder: Path, cache_dir: Path):
    write(folder, "个税.pdf", text_pdf([TAX_LINES]))
    (anonymous,) = read_folder(folder, None, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS)
    profile = parse_profile(PROFILE, "profile.yaml")
    (known,) = read_folder(folder, profile, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS)
    assert anonymous.person is None and known.person == "applicant"
    (other,) = read_folder(folder, profile, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS[1:])
    assert other.material is None  # the tax_record recogniser is gone: the cached analysis is not reused
    assert read_folder(folder, profile, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS) == (known,)


def test_progress_is_reported_per_file_read_and_not_on_a_cache_hit(folder: Path, cache_dir: Path):
    write(folder, "a.pdf", text_pdf([TAX_LINES]))
    write(folder, "b/c.docx", docx_bytes(CONTRACT_PARAS))
    seen: list[tuple[int, int, str]] = []
    read_folder(folder, None, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS, progress=lambda *a: seen.append(a))
    assert seen == [(1, 2, "a.pdf"), (2, 2, "b/c.docx")]
    read_folder(folder, None, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS, progress=lambda *a: seen.append(a))
    assert len(seen) == 2


def test_analysis_cache_follows_the_catalogs_families(folder: Path, cache_dir: Path, monkeypatch):
    """The fields a document gets follow its material's ``family:`` in the catalog: editing it is never served
    from a cached analysis made under the old family."""
    from dataclasses import replace

    from matcheck.documents import fields_extract

    write(folder, "个税.pdf", text_pdf([TAX_LINES]))
    (taxed,) = read_folder(folder, None, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS)
    assert "tax_months" in taxed.fields
    catalog = fields_extract.catalog()
    edited = {**catalog, "tax_record": replace(catalog["tax_record"], family=None)}
    monkeypatch.setattr(fields_extract, "catalog", lambda: edited)
    (common,) = read_folder(folder, None, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS)
    assert common.material == "tax_record" and "tax_months" not in common.fields


@pytest.mark.ocr
def test_analysis_is_kept_under_the_engine_that_read_not_the_one_first_tried(folder: Path, cache_dir: Path,
                                                                            monkeypatch):
    """OpenVINO asked for but failing to start: onnxruntime reads the photo, and the folder's analysis is not kept
    under OpenVINO's name; once OpenVINO starts, the folder is read again by it (no mixing of two engines)."""
    from matcheck.documents import ocr
    from tests.documents.conftest import jpeg, text_image

    if not all(ocr._installed(b) for b in ocr.BACKENDS):
        pytest.skip("needs both backends")

    def broken(config):
        raise RuntimeError("no CPU plugin")

    write(folder, "个税.jpg", jpeg(text_image(TAX_LINES[:6])))
    monkeypatch.setenv("MATCHECK_OCR_BACKEND", "openvino")
    monkeypatch.setattr(ocr, "_engine", None)
    with monkeypatch.context() as m:
        m.setattr(ocr, "_OpenVinoSession", broken)
        read_folder(folder, None, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS)
        assert ocr.engine_tag().startswith("onnxruntime-")
    monkeypatch.setattr(ocr, "_engine", None)  # a new process, where OpenVINO starts
    seen: list[tuple[int, int, str]] = []
    (doc,) = read_folder(folder, None, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS,
                         progress=lambda *a: seen.append(a))
    assert seen == [(1, 1, "个税.jpg")] and ocr.engine_tag().startswith("openvino-")
    monkeypatch.setattr(ocr, "_engine", None)  # the next test builds its own


def test_the_tests_cache_key_is_not_in_the_runners_home(folder: Path, cache_dir: Path):
    from matcheck.data import is_within
    from matcheck.documents.cache import cache_key_path

    write(folder, "个税.pdf", text_pdf([TAX_LINES]))
    read_folder(folder, None, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS)
    assert cache_key_path().is_file() and not is_within(cache_key_path(), Path.home())
