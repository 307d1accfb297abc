"""The catalog's recognise blocks, run through the folder reader's real classifier (no second list, no mock):
a text holding a document's title and its supporting words is classified as that document, whatever generic words
it shares with others (a 高中毕业证书 is not a 毕业证书; a 学位在线验证报告 is not a 学位证书)."""

from __future__ import annotations

import pytest

from matcheck.documents.classify import catalog_recognisers, classify
from matcheck.materials import catalog

RECOGNISERS = catalog_recognisers()
TITLED = [m for m in catalog().values() if m.recognise and m.recognise.titles]


@pytest.mark.parametrize("material", TITLED, ids=[m.id for m in TITLED])
def test_each_title_with_its_keywords_classifies_as_itself(material):
    r = material.recognise
    for title in r.titles:
        text = "\n".join([title, *r.keywords, "样例 SAMPLE 非真实文件"])
        match = classify(text, "scan.pdf", RECOGNISERS)
        assert match.material == material.id, f"{title!r} → {match.material} (evidence {match.evidence})"


@pytest.mark.parametrize("text, expected", [
    ("江苏省普通高中毕业证书 学生李明 在本校高中部修业期满，成绩合格，准予毕业。", "high_school_diploma"),
    ("毕业证书 学生李明 于2010年9月至2014年6月在本校计算机科学与技术专业四年制本科学习，修完教学计划规定的全部课程，"
     "成绩合格，准予毕业。 校（院）长：张三 证书编号：999991201405000123", "diploma"),
    ("中国高等教育学位在线验证报告 姓名 李明 获学位日期 2014年06月30日 学位授予单位 南京示例大学 所授学位 工学学士学位 "
     "学位证书编号 9999942014000123 在线验证码 ABCD1234EFGH5678", "degree_verification_report"),
    ("中华人民共和国 个人所得税纳税记录 （原《税收完税证明》） 纳税人名称：李明 身份证件类型：居民身份证 "
     "申报日期 实缴(退)金额 入(退)库日期 所得项目 税款所属期 入库税务机关", "tax_record"),
    ("介绍信 上海市浦东新区人才服务中心：兹介绍我单位人事专员王五同志（身份证号略）前来办理李明的《上海市居住证》"
     "积分申请，请予接洽。", "employer_letter"),
    ("教育部学籍在线验证报告 姓名 李明 学籍状态 在籍（注册学籍） 预计毕业日期 2027年06月30日", "student_status_report"),
    ("结婚证 持证人 李明 登记日期 2018年05月20日 结婚证字号 J310115-2018-001234", "marriage_certificate"),
])
def test_realistic_texts(text, expected):
    assert classify(text, "file.pdf", RECOGNISERS).material == expected
