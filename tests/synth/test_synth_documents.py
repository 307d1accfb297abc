"""Every renderer writes a real file that a reader can read back: text PDFs carry their Chinese text (pypdf),
scans carry none (image only), photos are JPEGs with the page skewed on a desk, the contract is a DOCX with the
East Asian font set. Same facts and seed → same bytes."""

from __future__ import annotations

import io
import re
import zipfile

import numpy as np
import pytest
from docx import Document
from PIL import Image, ImageFilter
from pypdf import PdfReader

from synth import SAMPLE_MARK
from synth.documents import BUILDERS, render_bytes
from synth.fonts import FontMissing, font_path

# What each text PDF must say (title and labels from documents.md, in this order).
EXPECTED = {
    "xuexin_record": ["教育部学历证书电子注册备案表", "出生日期", "入学日期", "业日期", "学校名称", "学历类别", "学习形式",
                      "证书编号", "长姓名", "在线验证码"],
    "degree_verification_report": ["中国高等教育学位在线验证报告", "获学位日期", "学位授予单位", "所授学位", "学科/专业",
                                   "学位证书编号", "在线验证码", "更新日期"],
    "diploma": ["毕业证书", "修完教学计划规定的全部课程", "准予毕业", "校名：", "证书编号："],
    "degree_certificate": ["学士学位证书", "《中华人民共和国学位条例》", "学士学位", "学位评定委员会主席：", "证书编号："],
    "high_school_diploma": ["普通高中毕业证书", "高中部修业期满", "准予毕业", "毕业证号："],
    "tax_record": ["个人所得税纳税记录", "原《税收完税证明》", "查询验证码", "记录期间", "纳税人识别号", "申报日期",
                   "库日期", "所得项目", "税款所属期", "入库税务机关", "金额合计", "开具时间"],
    "tax_income_detail": ["收入纳税明细", "收入合计", "已申报税额合计", "所得期间", "扣缴义务人"],
    "social_insurance_record": ["参保人员城镇职工基本养老保险参保情况", "社会保障号码", "参保情况", "补缴退账年月", "已记账",
                                "近60个月缴费单位信息", "累计缴费月数", "上海市社会保险事业管理中心", "打印日期",
                                "缴费基数"],
    "id_card": ["姓名", "性别", "民族", "出生", "住址", "公民身份号码", "居民身份证", "签发机关", "有效期限"],
    "residence_permit": ["上海市居住证", "公民身份号码", "户籍地址", "居住地住址", "签发机关", "签发日期", "有效期限"],
    "hukou_booklet": ["居民户口簿", "户别", "户主姓名", "户号", "户口登记机关", "常住人口登记卡", "户主或与户主关系",
                      "公民身份证件编号", "婚姻状况", "服务处所"],
    "marriage_certificate": ["结婚证", "持证人", "登记日期", "结婚证字号", "身份证件号", "中华人民共和国民政部监制"],
    "birth_certificate": ["出生医学证明", "新生儿姓名", "出生时间", "出生孕周", "出生体重", "医疗机构名称", "出生证编号"],
    "business_license": ["营业执照", "统一社会信用代码", "法定代表人", "经营范围", "注册资本", "成立日期", "营业期限",
                         "登记机关", "国家市场监督管理总局监制"],
    "employer_letter": ["介绍信", "兹介绍", "同志", "《上海市居住证》积分申请", "请予接洽", "统一社会信用代码"],
    "appointment_letter": ["聘", "兹聘任", "同志为", "聘期自", "聘书编号"],
    "labour_contract": ["上海市劳动合同", "甲方", "乙方", "身份证号码", "合同的类型和期限", "试用期", "工作内容和工作地点",
                        "劳动报酬", "社会保险", "签订日期"],
    "skill_certificate": ["职业技能等级证书", "证件号码", "职业名称", "职业方向", "职业技能等级", "证书编号", "发证日期",
                          "评价机构"],
    "title_certificate": ["专业技术职务任职资格证书", "资格名称", "级别", "评审委员会", "批准文号", "证书编号"],
    "application_form": ["《上海市居住证》积分申请表", "流水号", "申请单位", "单位承诺及授权", "申请人承诺及授权",
                         "公民身份号码", "户籍地址", "就业信息", "申领人简历", "保留劳动关系", "子女情况"],
    "pledge": ["承诺书", "违法犯罪", "计划生育", "如有不实", "本人签字"],
    "graduate_registration_form": ["高等教育自学考试毕业生登记表", "准考证号", "学习经历", "主考学校"],
    "transcript": ["成绩单", "课程代码", "课程名称", "学分", "成绩"],
}


# Real documents of these kinds print no ID number (学信网 reports, paper diplomas, the 收入纳税明细 list ...).
NO_ID_NUMBER = {"xuexin_record", "degree_verification_report", "diploma", "degree_certificate", "high_school_diploma",
                "tax_income_detail", "transcript"}


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_every_builder_has_expectations():
    assert set(EXPECTED) == set(BUILDERS)


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_text_pdf_carries_its_chinese_text_in_order(kind, planned):
    doc = planned[kind]
    text = pdf_text(render_bytes(kind, doc.facts, "pdf", seed=1))
    assert SAMPLE_MARK in text
    flat = re.sub(r"[\s\u3000]", "", text)
    pos = 0
    for word in EXPECTED[kind]:
        found = flat.find(re.sub(r"[\s\u3000]", "", word), pos)
        assert found >= 0, f"{kind}: {word!r} missing or out of order in {flat[:300]!r}"
        pos = found
    keys = ("name", "holder", "employee_id", "credit_code") + (() if kind in NO_ID_NUMBER else ("id_number",))
    for key in keys:
        value = doc.facts.get(key)
        if value:
            assert value in flat, f"{kind}: {key} {value} not printed"


@pytest.mark.parametrize("kind", sorted(set(BUILDERS) - {"labour_contract"}))
def test_pdf_bytes_are_deterministic(kind, planned):
    facts = planned[kind].facts
    assert render_bytes(kind, facts, "pdf", seed=3) == render_bytes(kind, facts, "pdf", seed=3)


def test_dates_brackets_and_labels_vary_between_seeds(planned):
    texts = {pdf_text(render_bytes("xuexin_record", planned["xuexin_record"].facts, "pdf", seed=s)) for s in range(12)}
    joined = "\n".join(texts)
    assert "毕(结)业" in joined and "毕（结）业" in joined
    assert "姓　　名" in joined and any("姓名" in t for t in texts)


def test_tax_record_rows_and_the_withholding_unit(planned):
    facts = planned["tax_record"].facts
    record = pdf_text(render_bytes("tax_record", facts, "pdf"))
    detail = pdf_text(render_bytes("tax_income_detail", facts, "pdf"))
    months = [r["month"] for r in facts["rows"]]
    for m in months:
        assert (f"{m.year}.{m.month:02d}" in record) or (f"{m.year}-{m.month:02d}" in record)
        assert f"{m.year}-{m.month:02d}" in detail
    assert "扣缴义务人" not in record  # the 纳税记录 has no such column (documents.md §3.1)
    assert detail.count(facts["rows"][-1]["unit"]) == len(months)


def test_social_insurance_print_lists_months_units_and_bases(planned):
    facts = planned["social_insurance_record"].facts
    text = pdf_text(render_bytes("social_insurance_record", facts, "pdf"))
    assert f"累计缴费月数 {facts['total_months']}" in text
    paid = [r for r in facts["months"] if r["status"] == "已记账"]
    assert text.count("已记账") >= min(60, len(paid))
    assert f"{paid[-1]['base']:.2f}" in text and paid[-1]["unit"] in text


def test_contract_docx_reads_back_with_east_asian_font(planned):
    facts = planned["labour_contract"].facts
    data = render_bytes("labour_contract", facts, "docx", seed=2)
    assert data == render_bytes("labour_contract", facts, "docx", seed=2)
    doc = Document(io.BytesIO(data))
    paragraphs = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "上海市劳动合同" in paragraphs and SAMPLE_MARK in paragraphs
    assert facts["employer"] in cells and facts["employee_id"] in cells and facts["post"] in paragraphs
    assert f"{facts['start'].year}年{facts['start'].month}月{facts['start'].day}日" in paragraphs
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert 'w:eastAsia="宋体"' in xml
    assert doc.core_properties.created.year == 2026 and doc.core_properties.author == "样例 SAMPLE"
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_docx_only_for_the_contract(planned):
    with pytest.raises(ValueError, match="docx"):
        render_bytes("id_card", planned["id_card"].facts, "docx")
    with pytest.raises(KeyError, match="unknown document kind"):
        render_bytes("passport", {}, "pdf")


def _sharpness(img: Image.Image) -> float:
    return float(np.asarray(img.convert("L").filter(ImageFilter.FIND_EDGES), dtype=np.float32).var())


@pytest.mark.parametrize("kind", ["id_card", "diploma", "residence_permit"])
def test_photo_is_a_skewed_noisy_deterministic_jpeg(kind, planned):
    facts = planned[kind].facts
    data = render_bytes(kind, facts, "photo", seed=5)
    assert data == render_bytes(kind, facts, "photo", seed=5)
    assert data != render_bytes(kind, facts, "photo", seed=6)
    img = Image.open(io.BytesIO(data))
    assert img.format == "JPEG" and max(img.size) == 1280 and 20_000 < len(data) < 300_000
    arr = np.asarray(img.convert("L"), dtype=np.float32)
    corners = [arr[:20, :20].mean(), arr[:20, -20:].mean(), arr[-20:, :20].mean(), arr[-20:, -20:].mean()]
    assert max(corners) < 200  # the desk shows around the page: it was photographed, not scanned flat
    assert arr[:40].std() > 1.0  # noise, light falloff
    rough = Image.open(io.BytesIO(render_bytes(kind, facts, "rough", seed=5)))
    assert max(rough.size) < max(img.size) and _sharpness(rough) < _sharpness(img)


def test_scan_is_an_image_only_pdf(planned):
    data = render_bytes("hukou_booklet", planned["hukou_booklet"].facts, "scan", seed=1)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 2
    assert all(not page.extract_text().strip() for page in reader.pages)
    assert all(len(page.images) == 1 for page in reader.pages)
    assert data == render_bytes("hukou_booklet", planned["hukou_booklet"].facts, "scan", seed=1)


def test_missing_font_names_the_debian_package(monkeypatch, tmp_path):
    monkeypatch.setenv("MATCHECK_FONT", str(tmp_path / "none.ttc"))
    with pytest.raises(FontMissing, match="fonts-wqy-microhei"):
        font_path()
