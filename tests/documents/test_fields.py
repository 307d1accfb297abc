"""Field parsing: dates in every common form, months, checksum-valid identifiers, and each material family."""

from __future__ import annotations

from datetime import date

import pytest

from matcheck.dates import Month
from matcheck.documents.fields_extract import extract_fields
from matcheck.documents.text import find_credit_codes, find_dates, find_id_numbers, find_months, normalise
from tests.documents.conftest import APPLICANT_ID, CONTRACT_PARAS, SPOUSE_ID, TAX_LINES, XUEXIN_LINES


@pytest.mark.parametrize("text", ["2014年07月01日", "2014年7月1日", "2014 年 7 月 1 日", "2014-07-01", "2014.7.1",
                                  "2014/07/01", "二〇一四年七月一日", "二零一四年七月一日", "二0一四年七月一日",
                                  "签订于 20140701 。"])
def test_dates_in_every_common_form(text):
    assert [d for _, d in find_dates(normalise(text))] == [date(2014, 7, 1)]


@pytest.mark.parametrize("text,month", [("二〇一四年七月", Month(2014, 7)), ("2014年07月", Month(2014, 7)),
                                        ("2014-07", Month(2014, 7)), ("2014.7", Month(2014, 7)),
                                        ("二〇一八年十二月", Month(2018, 12))])
def test_year_months(text, month):
    assert [m for _, m in find_months(normalise(text))] == [month]


def test_months_are_not_taken_from_full_dates_and_impossible_dates_are_dropped():
    assert find_months("2014-07-01 2014.07.01 2014年7月1日") == []
    assert find_dates("2014年02月30日 2014-13-01") == []


def test_id_numbers_must_pass_the_checksum():
    bad = APPLICANT_ID[:-1] + ("0" if APPLICANT_ID[-1] != "0" else "1")
    text = f"公民身份号码 {APPLICANT_ID} 配偶 {bad} 又 {SPOUSE_ID[:6]} {SPOUSE_ID[6:]} 另 11010519491231002x"
    assert find_id_numbers(text) == [APPLICANT_ID, SPOUSE_ID, "11010519491231002X"]  # OCR may split a number
    assert find_credit_codes("统一社会信用代码：91310115MA1FL0A00C 假 91310115MA1FL0A00D") == ["91310115MA1FL0A00C"]


def test_tax_record_fields():
    f = extract_fields("\n".join(TAX_LINES), "tax_record")
    assert f["tax_months"] == [Month(2026, m) for m in range(1, 10)]
    assert f["withholding_units"] == ["上海示例信息科技有限公司"]
    assert (f["period_start"], f["period_end"]) == (Month(2025, 11), Month(2026, 10))
    assert f["issue_date"] == date(2026, 11, 18) and f["names"] == ["李明"] and f["id_numbers"] == [APPLICANT_ID]


def test_tax_app_screen_with_date_ranges_and_labelled_units():
    text = "收入纳税明细\n扣缴义务人：上海甲乙科技有限公司\n所得期间 2018-01-01至2018-01-31 工资薪金\n所得期间 2018-02-01至2018-02-28"
    f = extract_fields(text, "tax_record")
    assert f["tax_months"] == [Month(2018, 1), Month(2018, 2)] and f["withholding_units"] == ["上海甲乙科技有限公司"]


def test_xuexin_record_fields():
    f = extract_fields("\n".join(XUEXIN_LINES), "xuexin_record")
    assert f["school"] == "南京示例大学" and f["level"] == "本科" and f["study_mode"] == "全日制"
    assert (f["enrol_date"], f["grad_date"]) == (date(2010, 9, 1), date(2014, 7, 1))
    assert f["major"] == "计算机科学与技术" and f["cert_no"] == "999991201405000123"
    assert f["verify_code"] == "A1B2C3D4E5F6G7H8" and f["edu_category"] == "普通高等教育"
    assert f["issue_date"] == date(2026, 11, 2)


def test_old_xuexin_labels_and_self_study():
    text = "姓名：王芳\n入学时间：2015年03月01日\n毕业时间：2017年12月31日\n学历类型：高等教育自学考试\n学历层次：专科\n毕业院校：上海示例学院\n专业名称：会计"
    f = extract_fields(text, "xuexin_record")
    assert (f["level"], f["study_mode"], f["school"], f["major"]) == ("大专", "自考", "上海示例学院", "会计")
    assert f["grad_date"] == date(2017, 12, 31)


def test_diploma_body_sentence_with_months_and_chinese_numeral_issue_date():
    text = ("毕业证书\n学生 李明，性别男，1992年3月15日生，于2010年9月至2014年7月在本校计算机科学与技术专业四年制本科学习，"
            "修完教学计划规定的全部课程，成绩合格，准予毕业。\n校名：南京示例大学\n证书编号：999991201405000123\n二〇一四年七月一日")
    f = extract_fields(text, "diploma")
    assert f["names"] == ["李明"] and f["level"] == "本科" and f["major"] == "计算机科学与技术"
    assert (f["enrol_date"], f["grad_date"]) == (Month(2010, 9), Month(2014, 7))
    assert date(2014, 7, 1) in f["dates"] and f["school"] == "南京示例大学"


def test_degree_certificate():
    text = "学士学位证书\n李明，男，1992年3月15日生。在南京示例大学计算机科学与技术专业完成了本科学习计划，业已毕业，经审核符合《中华人民共和国学位条例》的规定，授予工学学士学位。\n证书编号：9999942014000123"
    f = extract_fields(text, "degree_certificate")
    assert f["degree"] == "学士" and f["cert_no"] == "9999942014000123"


def test_social_insurance_record_side_by_side_blocks():
    lines = ["参保人员城镇职工基本养老保险参保情况", f"姓名：李明 社会保障号码：{APPLICANT_ID}",
             "序号 年月 参保情况 补缴退账年月 序号 年月 参保情况 补缴退账年月",
             "1 202201 已记账 21 202309 已记账",
             "2 202202 已记账 202303 22 202310 欠缴",
             "近60个月缴费单位信息", "缴费单位名称 上海示例信息科技有限公司 缴费起止时间 2022年01月-2023年10月",
             "截至2023年10月，累计缴费月数 22", "经办机构：上海市社会保险事业管理中心 打印日期：2023年11月05日"]
    f = extract_fields("\n".join(lines), "social_insurance_record")
    assert f["si_months"] == [Month(2022, 1), Month(2022, 2), Month(2023, 9)]
    assert f["si_backpaid_months"] == [Month(2022, 2)]
    assert f["si_units"] == ["上海示例信息科技有限公司"] and f["issue_date"] == date(2023, 11, 5)


def test_social_insurance_detail_rows_with_bases():
    text = "社保缴费明细\n年月 单位名称 缴费基数 险种\n2024.07 上海示例信息科技有限公司 12000.00 养老\n2024.08 上海示例信息科技有限公司 12500.00 养老"
    f = extract_fields(text, "social_insurance_record")
    assert f["si_bases"] == {Month(2024, 7): 12000.0, Month(2024, 8): 12500.0}


def test_marriage_certificate():
    text = f"结婚证\n持 证 人 李明\n登记日期 2018年05月20日\n结婚证字号 J 310104 - 2018 - 001234\n姓名 李明 身份证件号 {APPLICANT_ID}\n姓名 王芳 身份证件号 {SPOUSE_ID}"
    f = extract_fields(text, "marriage_certificate")
    assert f["registration_date"] == date(2018, 5, 20) and f["cert_no"] == "J310104-2018-001234"
    assert f["names"] == ["李明", "王芳"] and f["id_numbers"] == [APPLICANT_ID, SPOUSE_ID]


def test_id_card_and_residence_permit_validity():
    f = extract_fields("中华人民共和国\n居民身份证\n签发机关 上海市公安局浦东分局\n有效期限 2015.07.01-2035.07.01", "id_card")
    assert (f["valid_from"], f["valid_until"], f["valid_long_term"]) == (date(2015, 7, 1), date(2035, 7, 1), False)
    f = extract_fields("居民身份证\n有效期限 2010.01.01-长期", "id_card")
    assert f["valid_long_term"] is True and "valid_until" not in f
    f = extract_fields("上海市居住证\n居住地住址：上海市浦东新区示例路2弄3号\n有效期限：2024年03月01日至2027年02月28日",
                       "residence_permit")
    assert f["valid_until"] == date(2027, 2, 28) and f["address"] == "上海市浦东新区示例路2弄3号"


def test_labour_contract_fixed_and_open_ended():
    f = extract_fields("\n".join(CONTRACT_PARAS), "labour_contract")
    assert f["employer"] == "上海示例信息科技有限公司" and f["employee"] == "李明" and f["post"] == "软件工程师"
    assert (f["term_start"], f["term_end"], f["open_ended"]) == (date(2022, 7, 1), date(2027, 6, 30), False)
    f = extract_fields("劳动合同\n甲方：上海示例信息科技有限公司\n乙方：李明\n无固定期限：自2020年1月1日起。", "labour_contract")
    assert f["open_ended"] is True and f["term_start"] == date(2020, 1, 1) and "term_end" not in f


def test_business_license_and_qualifications():
    f = extract_fields("营业执照\n统一社会信用代码 91310115MA1FL0A00C\n名称 上海示例信息科技有限公司\n成立日期 2016年05月10日",
                       "business_license")
    assert f["company_name"] == "上海示例信息科技有限公司" and f["established"] == date(2016, 5, 10)
    assert f["credit_codes"] == ["91310115MA1FL0A00C"]
    f = extract_fields("职业技能等级证书\n职业名称：电工\n职业技能等级：三级/高级工\n证书编号：S000031000001243000001\n发证日期：2024年06月30日",
                       "skill_certificate")
    assert (f["qual_name"], f["qual_level"], f["obtained"]) == ("电工", "三级", date(2024, 6, 30))
    f = extract_fields("专业技术资格证书\n资格名称：工程师\n级别：中级\n评审委员会：上海市示例系列中级评审委员会\n批准日期：2021年12月15日",
                       "title_certificate")
    assert (f["qual_name"], f["qual_level"], f["obtained"]) == ("工程师", "中级", date(2021, 12, 15))


def test_ocr_text_of_a_diploma_with_wrapped_sentence_and_chinese_numeral_months():
    # as rapidocr reads a synthetic diploma photo: the letter O for 〇, the sentence wrapped over two lines
    text = ("毕业证书\n学生李明，性别男，1992年3月15日生，于二O一0年九月至二O一四年六月在本校计算机\n"
            "科学与技术专业4年制本科学习，修完教学计划规定的全部课程，成绩合格，准予毕业。\n校名： 南京示例大学\n"
            "证书编号： 999931201405004862\n二0一四年六月三十日")
    f = extract_fields(text, "diploma")
    assert (f["enrol_date"], f["grad_date"]) == (Month(2010, 9), Month(2014, 6))
    assert (f["school"], f["major"], f["level"]) == ("南京示例大学", "计算机科学与技术", "本科")
    assert date(2014, 6, 30) in f["dates"]
    degree = extract_fields("学士学位证书\n李明，男，1992年3月15日生。在南京示例大学计算机科学与技术专业完成了本科学习计划，\n"
                            "业已毕业，经审核符合《中华人民共和国学位条例》的规定，授予工学学士学位。", "degree_certificate")
    assert (degree["school"], degree["major"], degree["degree"]) == ("南京示例大学", "计算机科学与技术", "学士")
