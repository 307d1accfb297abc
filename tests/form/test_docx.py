"""The DOCX: read back with python-docx — values beside their labels, A4, East Asian fonts, fixed widths."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from matcheck.form import write_application_form, write_checklist_sheet
from matcheck.form.model import resume_entries
from matcheck.pipeline import assess
from matcheck.profile import parse_profile
from tests.form.conftest import assessed, base_data, compact, long_data, sample_checklist


def unique_cells(row):
    out = []
    for cell in row.cells:  # a merged cell appears once per grid column it covers
        if not out or cell._tc is not out[-1]._tc:
            out.append(cell)
    return out


def label_values(document) -> dict[str, list[str]]:
    """Every label cell → the text of the cell right of it, over all tables."""
    found: dict[str, list[str]] = {}
    for table in document.tables:
        for row in table.rows:
            cells = unique_cells(row)
            for left, right in zip(cells, cells[1:]):
                found.setdefault(left.text, []).append(right.text)
    return found


@pytest.fixture(scope="module")
def form_docx(tmp_path_factory):
    profile = parse_profile(base_data(), "base.yaml")
    path = write_application_form(*assessed(profile), tmp_path_factory.mktemp("docx") / "申请表.docx")
    return docx.Document(str(path))


@pytest.mark.parametrize("label,value", [
    ("姓名", "李明"), ("曾用名", "李小明明"), ("性别", "男"), ("民族", "汉"), ("政治面貌", "群众"),
    ("婚姻状况", "已婚"), ("公民身份号码", "320102199203154514"), ("出生日期", "1992年03月15日"),
    ("居住证号码", "310000000000000001"), ("户口类型", "家庭户"), ("居住证有效期限", "2024年03月01日至2027年02月28日"),
    ("户籍地址", "江苏省南京市玄武区示例路1号"), ("固定电话", "021-50000000"), ("手机号码", "13800000000"),
    ("在本市居住地址", "上海市浦东新区示例路2弄3号"), ("单位名称", "上海示例信息科技有限公司"),
    ("单位代码（统一社会信用代码）", "91310115MA1FL0A00C"), ("单位注册所在区", "浦东新区"),
    ("现从事岗位", "软件工程师"), ("所在部门", "研发部"), ("聘用（劳动）合同签订日期", "2022年06月20日"),
    ("合同起始日期", "2022年07月01日"), ("合同终止日期", "2027年06月30日"), ("是否劳务派遣", "否"),
    ("文化程度", "大学本科"), ("身份证号码（护照号）", "310115199304052824"), ("配偶是否本市常住户口", "是"),
    ("本市户口登记日期", "1993年04月05日"), ("结婚登记日期", "2018年05月20日"), ("是否同住", "是"),
    ("享受积分待遇", "■是　□否"), ("是否与外省市原工作单位保留劳动关系、聘用关系、任用关系", "□是　■否"),
    ("申请人：", "李明"), ("申请日期：", "2026年11月20日"),
])
def test_each_value_is_in_the_cell_beside_its_label(form_docx, label, value):
    assert value in label_values(form_docx).get(label, []), f"{label} → {label_values(form_docx).get(label)}"


def test_page_is_a4_with_margins_and_page_numbers(form_docx):
    sec = form_docx.sections[0]
    assert abs(sec.page_width - Mm(210)) < Mm(0.5) and abs(sec.page_height - Mm(297)) < Mm(0.5)
    assert abs(sec.left_margin - Mm(18)) < Mm(0.1) and abs(sec.right_margin - Mm(18)) < Mm(0.1)
    footer = sec.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "第" in footer and "共" in footer


def test_east_asian_font_is_set_on_every_chinese_run(form_docx):
    normal = form_docx.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "宋体"
    runs = [r for p in form_docx.paragraphs for r in p.runs]
    runs += [r for t in form_docx.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    chinese = [r for r in runs if any("\u4e00" <= ch <= "\u9fff" for ch in r.text)]
    assert len(chinese) > 50
    for run in chinese:
        fonts = run._r.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) in ("宋体", "黑体"), run.text


def test_tables_have_fixed_layout_and_widths(form_docx):
    data_tables = form_docx.tables[1:]  # after the cover
    for table in data_tables:
        layout = table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout is not None and layout.get(qn("w:type")) == "fixed"
        total = sum(int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol")))
        assert abs(total - Mm(174).twips) <= len(table.columns)  # the text width: 210 − 2 × 18 mm


def test_resume_header_repeats_and_rows_follow_the_profile(tmp_path):
    profile = parse_profile(long_data(), "long.yaml")
    path = write_application_form(*assessed(profile), tmp_path / "long.docx")
    document = docx.Document(str(path))
    resume = next(t for t in document.tables if t.rows[0].cells[0].text == "起始年月")
    assert resume.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    expected = resume_entries(profile)
    assert len(resume.rows) == 1 + len(expected) == 11
    for row, entry in zip(resume.rows[1:], expected):
        assert [c.text for c in unique_cells(row)] == [entry.start, entry.end, entry.text]
    body = compact("".join(c.text for t in document.tables for r in t.rows for c in unique_cells(r)))
    assert compact(profile.applicant.hukou_address) in body


def test_checklist_sheet_docx_has_a_box_per_item(tmp_path):
    profile = parse_profile(base_data())
    checklist = sample_checklist()
    document = docx.Document(str(write_checklist_sheet(assess(profile), checklist, tmp_path / "清单.docx")))
    items = []
    for table in document.tables:
        for row in table.rows[1:]:
            cells = unique_cells(row)
            if len(cells) == 7:
                items.append([c.text for c in cells])
    assert len(items) == len(checklist.items)
    for cells, item in zip(items, checklist.items):
        assert cells[0] == "□" and cells[2] == item.name_zh and cells[4] == item.original_or_copy
        assert cells[5] == item.where
    assert items[-1][3] == "子女\n（李小军）"
