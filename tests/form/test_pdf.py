"""The PDF: read back with pypdf (values in the right row, A4, embedded CJK font), long data wraps and fits."""

from __future__ import annotations

import pypdf
import pytest

from matcheck.form import render, write_application_form, write_checklist_sheet
from matcheck.form.model import application_form, resume_entries
from matcheck.pipeline import assess
from matcheck.profile import parse_profile
from tests.form.conftest import LONG_TAIL, assessed, base_data, compact, needs_pdftoppm, sample_checklist
from tests.form.pdfread import A4_PT, MM, fragments, ink_in_margins, render_pages


@pytest.fixture(scope="module")
def form_pdf(tmp_path_factory):
    profile = parse_profile(base_data(), "base.yaml")
    return write_application_form(*assessed(profile), tmp_path_factory.mktemp("pdf") / "申请表.pdf")


@pytest.fixture(scope="module")
def form_lines(form_pdf):
    return fragments(form_pdf)


def test_every_page_is_a4_and_numbered(form_pdf):
    reader = pypdf.PdfReader(str(form_pdf))
    n = len(reader.pages)
    assert 3 <= n <= 6
    for i, page in enumerate(reader.pages, start=1):
        assert abs(float(page.mediabox.width) - A4_PT[0]) < 0.5 and abs(float(page.mediabox.height) - A4_PT[1]) < 0.5
        assert f"第{i}页 共{n}页" in page.extract_text()


def test_the_cjk_font_is_embedded(form_pdf, form_lines):
    frags = form_lines
    assert frags and all("WenQuanYi" in f.font or "MatcheckCJK" in f.font for f in frags)
    for page in pypdf.PdfReader(str(form_pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "WenQuanYi" in str(font["/BaseFont"]):
                assert "/FontFile2" in font["/FontDescriptor"].get_object()


@pytest.mark.parametrize("label,value", [
    ("姓名", "李明"), ("曾用名", "李小明明"), ("民族", "汉"), ("政治面貌", "群众"), ("婚姻状况", "已婚"),
    ("公民身份号码", "320102199203154514"), ("出生日期", "1992年03月15日"), ("居住证号码", "310000000000000001"),
    ("户口类型", "家庭户"), ("居住证有效期限", "2024年03月01日至2027年02月28日"),
    ("户籍地址", "江苏省南京市玄武区示例路1号"), ("固定电话", "021-50000000"), ("手机号码", "13800000000"),
    ("在本市居住地址", "上海市浦东新区示例路2弄3号"), ("单位名称", "上海示例信息科技有限公司"),
    ("单位注册所在区", "浦东新区"), ("现从事岗位", "软件工程师"), ("所在部门", "研发部"),
    ("合同起始日期", "2022年07月01日"), ("合同终止日期", "2027年06月30日"),
    ("文化程度", "大学本科"), ("身份证号码（护照号）", "310115199304052824"), ("本市户口登记日期", "1993年04月05日"),
    ("结婚登记日期", "2018年05月20日"),
])
def test_each_value_sits_right_of_its_label_on_the_same_row(form_lines, label, value):
    frags = form_lines
    labels = [f for f in frags if f.text == label]
    assert labels, f"label {label!r} not printed"
    cells = [f for f in frags if value in f.text]
    assert cells, f"value {value!r} not printed"
    assert any(lab.page == cell.page and abs(lab.y - cell.y) < 4 and cell.x > lab.x
               for lab in labels for cell in cells), \
        f"{value!r} is not on the row of {label!r}"


def test_resume_rows_and_children_are_printed(form_pdf, profile):
    text = compact("".join(p.extract_text() for p in pypdf.PdfReader(str(form_pdf)).pages))
    for row in resume_entries(profile):
        assert compact(row.start + row.end + row.text) in text
    assert compact("李小军男2019年06月01日310115201906011237是■是□否") in text
    assert "是否与外省市原工作单位保留劳动关系、聘用关系、任用关系□是■否" in text


def test_long_values_wrap_and_nothing_leaves_the_page(tmp_path, long_profile):
    path = write_application_form(*assessed(long_profile), tmp_path / "long.pdf")
    reader = pypdf.PdfReader(str(path))
    assert 3 <= len(reader.pages) <= 7
    text = compact("".join(p.extract_text() for p in reader.pages))
    assert compact(long_profile.applicant.hukou_address) in text  # all of it, wrapped over lines
    assert compact(long_profile.applicant.shanghai_address) in text
    rows = resume_entries(long_profile)
    assert len(rows) == 10
    for row in rows:
        assert compact(row.text) in text
    frags = fragments(path)
    address_lines = [f for f in frags if LONG_TAIL[3:8] in f.text]
    assert address_lines, "the long address is printed"
    for f in frags:  # every line starts inside the frame (18 mm side margins)
        assert 17 * MM <= f.x <= A4_PT[0] - 18 * MM and 8 * MM <= f.y <= A4_PT[1] - 15 * MM, f


@needs_pdftoppm
def test_rendered_pages_keep_white_margins(tmp_path, long_profile):
    path = write_application_form(*assessed(long_profile), tmp_path / "long.pdf")
    pages = render_pages(path, tmp_path)
    assert len(pages) == len(pypdf.PdfReader(str(path)).pages)
    for png in pages:
        assert ink_in_margins(png) == 0, f"{png.name}: something is drawn in the page margin"


def test_checklist_sheet_pdf(tmp_path, profile):
    checklist = sample_checklist()
    path = write_checklist_sheet(assess(profile), checklist, tmp_path / "清单.pdf")
    reader = pypdf.PdfReader(str(path))
    text = "".join(p.extract_text() for p in reader.pages)
    assert text.count("□") == len(checklist.items)
    flat = compact(text)
    for item in checklist.items:
        assert compact(item.name_zh) in flat and compact(item.where) in flat
    assert "子女（李小军）" in flat and "原件+复印件" in flat and "第1页共1页" in flat


def test_the_same_input_gives_the_same_bytes(profile):
    model = application_form(*assessed(profile))
    assert render(model, ".pdf") == render(model, ".pdf")


def test_a_value_longer_than_a_page_is_split_not_cut(tmp_path):
    data = base_data()
    huge = "".join(f"第{i}段示例经历说明文字，" for i in range(400))  # about 3,600 characters in one résumé cell
    data["work_history"][0]["post"] = huge
    p = parse_profile(data)
    path = write_application_form(*assessed(p), tmp_path / "huge.pdf")
    lines = fragments(path)
    start = next(f for f in lines if f.text.startswith("在江苏南京示例软件有限公司任第0段"))
    column = [f for f in lines if abs(f.x - start.x) < 0.5]  # the résumé's description column, page after page
    assert len({f.page for f in column}) >= 3
    assert compact(huge) in compact("".join(f.text for f in column))


def test_no_line_starts_with_chinese_punctuation(form_lines):
    from matcheck.form.pdf_writer import CANNOT_START_ZH

    starts = [f.text for f in form_lines if f.text[0] in CANNOT_START_ZH + "。、"]
    assert not starts, starts
