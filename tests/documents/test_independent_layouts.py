"""The five situations of issue 10, one by one, on documents laid out by fieldkit (not synth): qualified party
labels and signature blocks, copy-shop stacks, text layers out of reading order, e-mail attachments, ID card
sides. Real files: text PDFs (reportlab), DOCX (python-docx), zips written here."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from fieldkit import papers as P
from fieldkit.case import make_case
from fieldkit.folders import _zip, legacy_doc_bytes, xlsx_bytes
from fieldkit.sheet import stacked, text_pdf
from matcheck.documents import read_folder
from matcheck.documents.archive import members
from matcheck.documents.classify import catalog_recognisers, split_documents
from matcheck.documents.extract_pdf import extract_pdf
from matcheck.documents.fields_extract import extract_fields
from matcheck.documents.sniff import sniff
from matcheck.profile import load_profile

CASE = make_case(5)
RNG = random.Random(5)


def _text(pdf: bytes) -> list[str]:
    return [p.text for p in extract_pdf(pdf).pages]


# 1. labour contracts ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("two_column", [False, True])
def test_contract_parties_with_qualified_labels_and_signature_block(two_column):
    text = "\n".join(_text(text_pdf(P.labour_contract_pdf(CASE, RNG, two_column=two_column),
                                    "columns" if two_column else "reading")))
    fields = extract_fields(text, "labour_contract")
    assert fields["employer"] == CASE.employer
    assert fields["employee"] == CASE.applicant.name
    assert "unsure" not in fields


def test_contract_docx_two_column_party_table():
    from matcheck.documents.extract_docx import extract_docx

    text = extract_docx(P.labour_contract_docx(CASE, RNG, two_column=True)).pages[0].text
    fields = extract_fields(text, "labour_contract")
    assert (fields["employer"], fields["employee"]) == (CASE.employer, CASE.applicant.name)


@pytest.mark.parametrize("value", ["签订日期", "名称", "乙方(签字)", "甲方(盖章)", "盖章", "姓名:"])
def test_a_label_word_is_never_a_party(value):
    fields = extract_fields(f"劳动合同\n甲方:{value}\n乙方:{value}", "labour_contract")
    assert fields.get("employee") is None
    assert fields.get("employer") in (None,)


# 2. copy-shop stacks ----------------------------------------------------------------------------------------

def test_stack_every_document_found_whatever_the_order():
    a = CASE.applicant
    pages = [stacked([P.degree_certificate(CASE, RNG), P.diploma(CASE, RNG)]), stacked([P.id_back(a), P.id_front(a)]),
             stacked([P.hukou_own(a)]), stacked([P.hukou_front(a)]), stacked([P.high_school_diploma(CASE, RNG)])]
    parts = split_documents(_text(text_pdf(pages)), "scan.pdf", catalog_recognisers())
    from matcheck.documents.classify import classify

    found = [(p.first_page + 1, classify(p.text, "scan.pdf", catalog_recognisers()).material) for p in parts]
    assert found == [(1, "degree_certificate"), (1, "diploma"), (2, "id_card"), (3, "hukou_booklet"),
                     (5, "high_school_diploma")]


def test_label_that_contains_a_title_does_not_split():
    text = "中国高等教育学位在线验证报告\n姓名\n张三\n学位证书编号:\n1000142015000123\n居住地住址:\n上海"
    assert len(split_documents([text], "x.pdf", catalog_recognisers())) == 1


# 3. text layers out of reading order --------------------------------------------------------------------------

def test_values_drawn_in_a_second_pass_are_read_beside_their_labels():
    text = _text(text_pdf(P.xuexin_record(CASE, RNG), "labels_first"))[0]
    fields = extract_fields(text, "xuexin_record")
    assert fields["school"] == CASE.university
    assert fields["major"] == CASE.major
    assert fields["level"] == "本科" and fields["study_mode"] == "全日制"


def test_a_page_drawn_in_reading_order_is_left_as_pypdf_reads_it():
    from pypdf import PdfReader

    pdf = text_pdf(P.xuexin_record(CASE, RNG), "reading")
    assert _text(pdf)[0] == PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


# 4. e-mail attachments --------------------------------------------------------------------------------------

def test_zip_with_gbk_names_subfolder_and_macosx():
    data = _zip([("扫描件/学位证.pdf", b"%PDF-1.4 x"), ("__MACOSX/扫描件/._学位证.pdf", b"x"), (".DS_Store", b"x")])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert not zf.infolist()[0].flag_bits & 0x800  # really written without the UTF-8 flag
    assert [m.name for m in members(data, 10_000)] == ["扫描件/学位证.pdf"]


def test_zip_bomb_is_refused_before_inflating():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.pdf", b"\0" * (30 * 1024 * 1024))
    [m] = list(members(out.getvalue(), 100 * 1024 * 1024))
    assert m.data is None and "压缩炸弹" in m.problem[0]


@pytest.mark.parametrize("data, kind", [(xlsx_bytes([["a"]]), "xlsx"), (legacy_doc_bytes(), "doc")])
def test_office_files_are_named_for_what_they_are(data, kind):
    assert sniff(data).file_type == kind


def test_folder_with_zip_office_files_and_a_bad_name(tmp_path):
    import os
    import yaml

    (tmp_path / "profile.yaml").write_text(yaml.safe_dump(CASE.profile(), allow_unicode=True), encoding="utf-8")
    (tmp_path / "材料.zip").write_bytes(_zip([("扫描件/学位证.pdf", text_pdf([P.degree_certificate(CASE, RNG)]))]))
    (tmp_path / "社保.xlsx").write_bytes(xlsx_bytes([["缴费年月"]]))
    with open(os.path.join(os.fsencode(tmp_path), "毕业证".encode("gbk") + b".pdf"), "wb") as fh:
        fh.write(text_pdf([P.diploma(CASE, RNG)]))
    docs = read_folder(tmp_path, load_profile(tmp_path / "profile.yaml"), use_cache=False)
    by_path = {d.path: d for d in docs}
    assert by_path["材料.zip/扫描件/学位证.pdf"].material == "degree_certificate"
    assert by_path["材料.zip/扫描件/学位证.pdf"].person == "applicant"
    assert "电子表格" in by_path["社保.xlsx"].observations[0].args["reason"]
    bad = next(d for d in docs if "\ufffd" in d.path)
    assert bad.material == "diploma"
    assert [o.args.get("severity") for o in bad.observations] == ["info"]


# 5. identity cards ------------------------------------------------------------------------------------------

def _id_folder(tmp_path, files):
    import yaml

    (tmp_path / "profile.yaml").write_text(yaml.safe_dump(CASE.profile(), allow_unicode=True), encoding="utf-8")
    for name, sheet in files.items():
        (tmp_path / name).write_bytes(text_pdf([stacked([sheet])]))
    return read_folder(tmp_path, load_profile(tmp_path / "profile.yaml"), use_cache=False)


def test_a_back_is_paired_with_its_front(tmp_path):
    a = CASE.applicant
    docs = {d.path: d for d in _id_folder(tmp_path, {"身份证正面.pdf": P.id_front(a), "身份证反面.pdf": P.id_back(a)})}
    assert docs["身份证反面.pdf"].person == "applicant"
    assert docs["身份证正面.pdf"].fields["id_sides"] == ["front", "back"]


def test_an_unpaired_back_is_nobodys_and_not_the_hr_officers(tmp_path):
    from matcheck.check import check_applicant

    a = CASE.applicant
    docs = {d.path: d for d in _id_folder(tmp_path, {"身份证.pdf": stacked([P.id_front(a)]),
                                                     "身份证反面.pdf": P.id_back(a), "反面2.pdf": P.id_back(CASE.hr)})}
    # two backs, one front: the file names decide (身份证 / 身份证反面), not the order the backs come in
    assert docs["身份证反面.pdf"].fields.get("paired_with") == "身份证.pdf"
    assert docs["身份证反面.pdf"].person == "applicant"
    assert docs["身份证.pdf"].fields.get("paired_with") == "身份证反面.pdf"
    assert "paired_with" not in docs["反面2.pdf"].fields and docs["反面2.pdf"].person is None
    report = check_applicant(tmp_path, use_cache=False)
    status = {(s.material, s.person): s for s in report.required}
    assert status[("hr_officer_id", "hr_officer")].status == "missing"


def test_zip_in_zip_is_read_one_level_deep_and_deeper_is_reported(tmp_path):
    inner = _zip([("学位证.pdf", text_pdf([P.degree_certificate(CASE, RNG)]))])
    middle = _zip([("内层.zip", inner)])
    (tmp_path / "外层.zip").write_bytes(_zip([("中层.zip", middle), ("毕业证.pdf", text_pdf([P.diploma(CASE, RNG)]))]))
    docs = {d.path: d for d in read_folder(tmp_path, None, use_cache=False)}
    assert docs["外层.zip/毕业证.pdf"].material == "diploma"
    deep = docs["外层.zip/中层.zip/内层.zip"]
    assert deep.material is None and "嵌套" in deep.observations[0].args["reason"]
