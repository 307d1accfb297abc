"""The documents of the field kit, laid out as other issuers, copy shops and HR departments print them.

Every layout, label wording and field order here is this module's own (not ``synth/``'s templates): labels with
qualifiers (``甲方（用人单位）名称``, ``乙方（劳动者）姓名``), a 示范文本-style signature block (``甲方（盖章）``
``乙方（签字）`` ``签订日期``), two-column party tables, values printed under their labels, tables whose columns
come in another order, certificates whose title is not at the top. Each function returns the sheets (pages) of
one document from a :class:`fieldkit.case.Case`.
"""

from __future__ import annotations

import io
import random
from datetime import date, timedelta

from fieldkit.case import AS_OF, Case
from fieldkit.sheet import CARD, Sheet
from matcheck.dates import Month
from synth.formats import chinese, chinese_month, ymd
from synth.people import Person

# Only the neutral spellings of dates are shared with synth/ (synth.formats: 年月日, Chinese numerals), never a
# layout, label or field order: fieldkit stays an independent generator that tests the reader on layouts synth did
# not make. A date written 二〇一八年六月三十日 is the same string whoever prints it.


def cn_date(d: date, day: bool = True) -> str:
    """``二〇一八年六月三十日`` (or ``二〇一八年六月`` without the day), as diplomas print them."""
    return chinese(d) if day else chinese_month(Month.of(d))


def months_back(n: int, last: tuple[int, int] = (2026, 10)) -> list[tuple[int, int]]:
    y, m = last
    out = []
    for _ in range(n):
        out.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


# --------------------------------------------------------------------------- employment


def labour_contract_pdf(c: Case, rng: random.Random, employer: str | None = None,
                        employee: Person | None = None, two_column: bool = False) -> list[Sheet]:
    """A 劳动合同 in the 上海市 示范文本 manner: parties with qualified labels (or side by side in a two-column
    table), clauses, and the signature block at the end."""
    employer = employer or c.employer
    person = employee or c.applicant
    p1, p2 = Sheet(), Sheet()
    p1.put(70, 30, "上海市劳动合同书", 18, "title")
    p1.put(88, 40, "（示范文本）", 11)
    p1.put(30, 52, "编号：LD-%05d" % (c.seed * 7 + 11), 9)
    if two_column:
        p1.put(30, 70, "甲方（用人单位）", 11, "label")
        p1.put(115, 70, "乙方（劳动者）", 11, "label")
        p1.pair(30, 80, "名称", employer, size=10)
        p1.pair(115, 80, "姓名", person.name, size=10)
        p1.pair(30, 90, "法定代表人", "周立群", size=10)
        p1.pair(115, 90, "居民身份证号码", person.id_number, size=9)
        p1.pair(30, 100, "住所", "上海市闵行区示例路300号", size=10)
        p1.pair(115, 100, "户籍地址", person.hukou_address[:14], size=9)
        y = 116
    else:
        p1.pair(30, 70, "甲方（用人单位）名称", employer)
        p1.pair(30, 80, "甲方（用人单位）法定代表人", "周立群")
        p1.pair(30, 90, "甲方注册地址", "上海市闵行区示例路300号")
        p1.pair(30, 104, "乙方（劳动者）姓名", person.name)
        p1.pair(30, 114, "乙方（劳动者）性别", person.sex)
        p1.pair(30, 124, "乙方（劳动者）居民身份证号码", person.id_number)
        y = 140
    end = c.contract_end
    clauses = [
        "根据《中华人民共和国劳动合同法》和有关法律、法规，甲乙双方经平等自愿、协商一致，",
        "签订本合同，共同遵守本合同所列条款。",
        "第一条 合同期限",
        f"本合同为固定期限劳动合同，期限自{ymd(c.contract_start)}起至{ymd(end)}止，",
        "其中试用期自合同生效之日起六个月。",
        "第二条 工作内容和工作地点",
        "乙方同意根据甲方工作需要，担任工程师岗位，工作地点为上海市。",
    ]
    y = p1.lines(30, y, clauses, 10.5)
    more = ["第三条 劳动报酬", "甲方按月以货币形式支付乙方工资，每月15日前发放。",
            "第四条 社会保险", "甲乙双方按国家和本市规定参加社会保险。", "第五条 其他",
            "本合同一式两份，甲乙双方各执一份，经双方签字盖章后生效。"]
    p2.lines(30, 30, more, 10.5)
    # the signature block: labels with glosses and no values (the seal and the hand are not text)
    p2.put(30, 120, "甲方（盖章）", 11, "label")
    p2.put(120, 120, "乙方（签字）", 11, "label")
    p2.put(30, 132, "法定代表人或委托代理人（签字）", 9, "label")
    p2.put(30, 146, "签订日期：", 10.5, "label")
    p2.put(120, 146, "签订日期：", 10.5, "label")
    p2.put(52, 146, ymd(c.contract_start - timedelta(days=5)), 10.5, "value")
    p2.put(142, 146, ymd(c.contract_start - timedelta(days=5)), 10.5, "value")
    return [p1, p2]


def labour_contract_docx(c: Case, rng: random.Random, two_column: bool = True) -> bytes:
    """The same contract as an HR department's Word file: the parties in a two-column table (or the 示范文本
    paragraphs), the signature block as a borderless table at the end."""
    import docx

    d = docx.Document()
    d.add_heading("劳 动 合 同 书", level=1)
    d.add_paragraph("（上海市示范文本）")
    a = c.applicant
    if two_column:
        t = d.add_table(rows=4, cols=2)
        rows = [("甲方（用人单位）", "乙方（劳动者）"), (f"名称：{c.employer}", f"姓名：{a.name}"),
                ("法定代表人：周立群", f"身份证号码：{a.id_number}"), ("地址：上海市闵行区示例路300号", f"联系电话：13800000000")]
        for r, (left, right) in enumerate(rows):
            t.cell(r, 0).text, t.cell(r, 1).text = left, right
    else:
        d.add_paragraph(f"甲方（用人单位）名称：{c.employer}")
        d.add_paragraph("甲方（用人单位）法定代表人：周立群")
        d.add_paragraph(f"乙方（劳动者）姓名：{a.name}")
        d.add_paragraph(f"乙方（劳动者）居民身份证号码：{a.id_number}")
    end = c.contract_end
    for text in ("一、合同期限", f"本合同期限自{ymd(c.contract_start)}起至{ymd(end)}止。",
                 "二、工作内容", "乙方从事工程师工作，工作地点为上海市。", "三、劳动报酬与社会保险",
                 "甲方依法为乙方缴纳社会保险费。"):
        d.add_paragraph(text)
    sig = d.add_table(rows=2, cols=2)
    sig.cell(0, 0).text, sig.cell(0, 1).text = "甲方（盖章）", "乙方（签字）"
    signed = ymd(c.contract_start - timedelta(days=3))
    sig.cell(1, 0).text, sig.cell(1, 1).text = f"签订日期：{signed}", f"签订日期：{signed}"
    out = io.BytesIO()
    d.core_properties.author = "fieldkit"
    d.save(out)
    return out.getvalue()


def business_license(c: Case, rng: random.Random, name: str | None = None) -> list[Sheet]:
    """营业执照 (副本): the credit code on top, the fields in two columns, values beside their labels."""
    s = Sheet((297.0, 210.0))
    s.put(120, 30, "营 业 执 照", 22, "title")
    s.put(128, 40, "（副　本）", 11)
    s.pair(20, 55, "统一社会信用代码", c.credit, size=10)
    rows = [("名称", name or c.employer), ("类型", "有限责任公司（自然人投资或控股）"), ("法定代表人", "周立群"),
            ("经营范围", "信息技术咨询服务")]
    right = [("注册资本", "人民币500.0000万元整"), ("成立日期", ymd(date(2015, 4, 8))), ("住所", "上海市闵行区示例路300号")]
    for i, (k, v) in enumerate(rows):
        s.pair(20, 75 + 12 * i, k, v, gap=28, size=11)
    for i, (k, v) in enumerate(right):
        s.pair(160, 75 + 12 * i, k, v, gap=24, size=11)
    s.put(180, 160, "登记机关", 11, "label")
    s.put(180, 172, ymd(date(2023, 6, 12)), 10, "value")
    return [s]


def employer_letter(c: Case, rng: random.Random) -> list[Sheet]:
    s = Sheet()
    s.put(92, 35, "介 绍 信", 18, "title")
    s.put(30, 55, "上海市闵行区人才服务中心：", 11)
    s.lines(30, 66, [f"兹有我单位人事专员{c.hr.name}同志（身份证号码{c.hr.id_number}），",
                     f"前来办理我单位员工{c.applicant.name}的《上海市居住证》积分申请事宜，",
                     "请予接洽为荷。", "特此介绍。"], 11)
    s.put(120, 130, c.employer, 11)
    s.put(130, 142, ymd(AS_OF - timedelta(days=6)), 11)
    return [s]


def application_form(c: Case, rng: random.Random) -> list[Sheet]:
    a = c.applicant
    s = Sheet()
    s.put(60, 25, "《上海市居住证》积分申请表", 16, "title")
    s.put(30, 36, "流水号：JF%08d" % (c.seed * 31 + 5), 9)
    rows = [("申请人姓名", a.name), ("公民身份号码", a.id_number), ("单位名称", c.employer),
            ("统一社会信用代码", c.credit), ("居住证有效期限", f"{c.permit_issued} 至 {c.permit_expires}")]
    for i, (k, v) in enumerate(rows):
        s.pair(30, 50 + 10 * i, k, v, gap=40, size=10)
    s.put(30, 110, "申领人简历", 11, "label")
    s.put(30, 120, f"{c.grad_year}.07-至今  {c.employer}  工程师", 10)
    s.put(30, 140, "申请人承诺：以上填写内容及提供的材料真实有效。", 10)
    s.put(30, 150, "单位承诺：已核实申请人填报信息。", 10)
    return [s]


def pledge(c: Case, rng: random.Random) -> list[Sheet]:
    s = Sheet()
    s.put(95, 35, "承 诺 书", 18, "title")
    s.lines(30, 55, [f"本人{c.applicant.name}，公民身份号码{c.applicant.id_number}，郑重承诺：",
                     "一、本人无违法犯罪记录；", "二、本人未违反国家和本市计划生育政策；",
                     "三、所提交的材料真实有效，如有不实，愿承担相应责任。"], 11)
    s.put(120, 130, "承诺人（本人签字）：", 11, "label")
    s.put(120, 142, ymd(AS_OF - timedelta(days=8)), 11)
    return [s]


# --------------------------------------------------------------------------- 社保 and 个税


def tax_record(c: Case, rng: random.Random, months: list[tuple[int, int]] | None = None) -> list[Sheet]:
    """纳税记录 as the 自然人电子税务局 web page prints it: columns in another order than the App's."""
    months = months if months is not None else months_back(12)
    s = Sheet()
    s.put(62, 22, "个人所得税纳税记录", 17, "title")
    s.pair(20, 36, "纳税人姓名", c.applicant.name, size=9.5)
    s.pair(110, 36, "身份证件号码", c.applicant.id_number, size=9.5)
    first, last = months[0], months[-1]
    s.pair(20, 44, "记录期间", f"{first[0]}年{first[1]:02d}月-{last[0]}年{last[1]:02d}月", size=9.5)
    s.pair(110, 44, "开具时间", f"{AS_OF - timedelta(days=3)}", size=9.5)
    header = ("所得项目", "税款所属期", "实缴(退)金额", "入(退)库日期", "入库税务机关")
    xs = (12, 48, 80, 110, 140)
    for x, h in zip(xs, header):
        s.put(x, 56, h, 8.5, "label")
    for i, (y, m) in enumerate(months):
        row_y = 64 + 7 * i
        paid = date(y + (m == 12), m % 12 + 1, 12)
        for x, v in zip(xs, ("工资薪金", f"{y}-{m:02d}", "%.2f" % (300 + (i * 37) % 200), f"{paid}",
                             "国家税务总局上海市闵行区税务局")):
            s.put(x, row_y, v, 8, "value")
    s.put(20, 64 + 7 * len(months) + 8, "查询验证码：" + "%016d" % (c.seed * 99991), 8.5)
    return [s]


def tax_income_detail(c: Case, rng: random.Random, unit: str | None = None) -> list[Sheet]:
    s = Sheet()
    s.put(80, 22, "收入纳税明细", 16, "title")
    s.pair(20, 36, "纳税人名称", c.applicant.name, size=9.5)
    for x, h in zip((15, 50, 120), ("所得期间", "扣缴义务人", "收入额")):
        s.put(x, 48, h, 9, "label")
    for i, (y, m) in enumerate(months_back(6)):
        s.put(15, 56 + 7 * i, f"{y}-{m:02d}", 8.5, "value")
        s.put(50, 56 + 7 * i, unit or c.employer, 8.5, "value")
        s.put(120, 56 + 7 * i, "%.2f" % (15000 + 10 * i), 8.5, "value")
    return [s]


def social_insurance(c: Case, rng: random.Random, unit: str | None = None) -> list[Sheet]:
    """养老保险 缴费情况 as a 社区事务受理中心 printout: unit first, then month, base, status."""
    start = (c.contract_start.year, c.contract_start.month)
    months = [ym for ym in months_back(72) if ym >= start]
    pages, per_page = [], 30
    for p in range(0, len(months), per_page):
        s = Sheet()
        if p == 0:
            s.put(35, 20, "参保人员城镇职工基本养老保险缴费情况", 14, "title")
            s.pair(20, 32, "姓名", c.applicant.name, size=9.5)
            s.pair(90, 32, "公民身份号码", c.applicant.id_number, size=9.5)
        else:
            s.put(20, 20, "（续表）", 9)
        for x, h in zip((12, 90, 120, 150), ("缴费单位", "缴费年月", "缴费基数", "缴费状态")):
            s.put(x, 42, h, 9, "label")
        for i, (y, m) in enumerate(months[p:p + per_page]):
            row_y = 50 + 7 * i
            s.put(12, row_y, unit or c.employer, 8.5, "value")
            s.put(90, row_y, f"{y}{m:02d}", 8.5, "value")
            s.put(120, row_y, "%.2f" % (11000 + 200 * (y - 2020)), 8.5, "value")
            s.put(150, row_y, "已缴费", 8.5, "value")
        pages.append(s)
    pages[-1].put(20, 270, f"打印日期：{AS_OF - timedelta(days=2)}", 9)
    return pages


# --------------------------------------------------------------------------- education


def xuexin_record(c: Case, rng: random.Random, school: str | None = None) -> list[Sheet]:
    """学信网 备案表: the labels in a left column and the values in a right column, all values printed in a second
    pass (see :func:`fieldkit.sheet.text_pdf`'s ``labels_first``)."""
    a, gy = c.applicant, c.grad_year
    s = Sheet()
    s.put(45, 25, "教育部学历证书电子注册备案表", 16, "title")
    s.pair(120, 36, "更新日期", f"{AS_OF - timedelta(days=10)}", size=9)
    rows = [("姓名", a.name), ("性别", a.sex), ("出生日期", f"{a.birth}"), ("证件号码", a.id_number),
            ("学校名称", school or c.university), ("专业", c.major), ("学制", "4年"), ("层次", "本科"),
            ("学历类别", "普通高等教育"), ("学习形式", "普通全日制"), ("入学日期", f"{gy - 4}-09-01"),
            ("毕(结)业日期", f"{gy}-06-30"), ("毕(结)业", "毕业"), ("证书编号", "10%03d1%d0%06d" % (
                c.seed % 1000, gy, c.seed * 13 + 1)), ("校(院)长姓名", "钱文远")]
    for i, (k, v) in enumerate(rows):
        s.put(30, 50 + 9 * i, k, 10, "label")
        s.put(75, 50 + 9 * i, v, 10, "value")
    s.pair(30, 50 + 9 * len(rows) + 10, "在线验证码", "A%015d" % (c.seed * 7919), size=9)
    return [s]


def degree_report(c: Case, rng: random.Random) -> list[Sheet]:
    a, gy = c.applicant, c.grad_year
    s = Sheet()
    s.put(40, 25, "中国高等教育学位在线验证报告", 16, "title")
    rows = [("姓名", a.name), ("证件号码", a.id_number), ("学位授予单位", c.university),
            ("所授学位", f"{c.discipline}学士学位"), ("获学位日期", f"{gy}年06月30日"),
            ("学位证书编号", "10%03d4%d%06d" % (c.seed % 1000, gy, c.seed * 17 + 3))]
    for i, (k, v) in enumerate(rows):
        s.put(30, 48 + 10 * i, k, 10.5, "label")
        s.put(30, 53 + 10 * i, v, 10.5, "value")  # the value under its label
    s.pair(30, 120, "在线验证码", "B%015d" % (c.seed * 104729), size=9)
    return [s]


def diploma(c: Case, rng: random.Random) -> Sheet:
    """毕业证书: the body sentence first, the title lower down (a landscape certificate with the title in a band)."""
    a, gy = c.applicant, c.grad_year
    s = Sheet((210.0, 148.0))
    s.lines(25, 30, [f"学生 {a.name} ，性别 {a.sex} ，{cn_date(a.birth)}生，于{cn_date(date(gy - 4, 9, 1), False)}",
                     f"至{cn_date(date(gy, 6, 1), False)}在本校 {c.major} 专业四年制本科学习，修完教学计划",
                     "规定的全部课程，成绩合格，准予毕业。"], 11)
    s.put(80, 80, "毕 业 证 书", 18, "title")
    s.pair(25, 100, "校名", c.university, size=10.5)
    s.pair(25, 110, "证书编号", "10%03d1%d0%06d" % (c.seed % 1000, gy, c.seed * 13 + 1), size=10)
    s.put(130, 110, cn_date(date(gy, 6, 30)), 10.5)
    return s


def degree_certificate(c: Case, rng: random.Random) -> Sheet:
    a, gy = c.applicant, c.grad_year
    s = Sheet((210.0, 148.0))
    s.put(70, 22, "学 士 学 位 证 书", 17, "title")
    s.lines(25, 42, [f"{a.name}，{a.sex}，{cn_date(a.birth)}生。在{c.university}",
                     f"{c.major}专业完成了本科学习计划，业已毕业，经审核符合《中华人民共和国",
                     f"学位条例》的规定，授予{c.discipline}学士学位。"], 11)
    s.pair(25, 90, "学位评定委员会主席", "钱文远", size=10)
    s.pair(25, 100, "证书编号", "10%03d4%d%06d" % (c.seed % 1000, gy, c.seed * 17 + 3), size=10)
    s.put(130, 100, cn_date(date(gy, 6, 30)), 10.5)
    return s


def high_school_diploma(c: Case, rng: random.Random) -> Sheet:
    a, gy = c.applicant, c.grad_year
    s = Sheet((210.0, 148.0))
    s.put(62, 22, "普通高中毕业证书", 17, "title")
    s.lines(25, 42, [f"学生{a.name}，{a.sex}，{a.birth.year}年{a.birth.month}月生，于{gy - 7}年9月至{gy - 4}年6月",
                     "在本校高中修业期满，成绩合格，准予毕业。"], 11)
    s.put(120, 80, c.high_school, 11)
    s.pair(25, 95, "编号", "GZ%08d" % (c.seed * 3 + 1), size=10)
    return s


# --------------------------------------------------------------------------- identity and family


def id_front(p: Person, address: str | None = None) -> Sheet:
    s = Sheet(CARD)
    s.pair(5, 9, "姓名", p.name, gap=12, size=9, sep=" ")
    s.pair(5, 16, "性别", p.sex, gap=12, size=8, sep=" ")
    s.pair(30, 16, "民族", p.ethnicity, gap=10, size=8, sep=" ")
    s.pair(5, 23, "出生", f"{p.birth.year} 年 {p.birth.month} 月 {p.birth.day} 日", gap=12, size=8, sep=" ")
    s.pair(5, 30, "住址", (address or p.hukou_address)[:16], gap=12, size=8, sep=" ")
    s.pair(5, 47, "公民身份号码", p.id_number, gap=24, size=9, sep=" ")
    return s


def id_back(p: Person, until: date | None = None) -> Sheet:
    s = Sheet(CARD)
    s.put(22, 14, "中华人民共和国", 12, "title")
    s.put(26, 24, "居民身份证", 14, "title")
    frm = date(2020, p.birth.month, min(p.birth.day, 28))
    end = until or date(2040, frm.month, frm.day)
    s.pair(6, 40, "签发机关", "南京市公安局玄武分局" if p.province == "江苏" else "上海市公安局闵行分局", gap=16, size=8,
           sep=" ")
    s.pair(6, 47, "有效期限", f"{frm:%Y.%m.%d}-{end:%Y.%m.%d}", gap=16, size=8, sep=" ")
    return s


def residence_permit(c: Case, rng: random.Random, expires: date | None = None) -> Sheet:
    a = c.applicant
    s = Sheet(CARD)
    s.put(24, 7, "上海市居住证", 11, "title")
    s.pair(4, 15, "姓名", a.name, size=8)
    s.pair(4, 21, "公民身份号码", a.id_number, size=7)
    s.pair(4, 27, "居住地住址", "上海市闵行区示例路88弄6号", size=7)
    s.pair(4, 33, "签发机关", "上海市公安局闵行分局", size=7)
    s.pair(4, 39, "有效期限", f"{c.permit_issued:%Y.%m.%d}-{(expires or c.permit_expires):%Y.%m.%d}", size=7)
    return s


def hukou_front(p: Person) -> Sheet:
    s = Sheet((148.0, 105.0))
    s.put(55, 12, "居民户口簿", 14, "title")
    s.pair(10, 30, "户别", "家庭户", size=9)
    s.pair(70, 30, "户主姓名", p.name, size=9)
    s.pair(10, 40, "户号", "%08d" % (int(p.id_number[-6:-1]) * 3), size=9)
    s.pair(10, 50, "住址", p.hukou_address, size=9)
    s.put(90, 80, "户口专用章", 9)
    return s


def hukou_own(p: Person) -> Sheet:
    s = Sheet((148.0, 105.0))
    s.put(50, 10, "常住人口登记卡", 13, "title")
    rows = [("姓名", p.name), ("户主或与户主关系", "户主"), ("性别", p.sex), ("民族", p.ethnicity),
            ("出生日期", f"{p.birth:%Y年%m月%d日}"), ("公民身份证件编号", p.id_number), ("文化程度", "大学本科"),
            ("服务处所", "上海")]
    for i, (k, v) in enumerate(rows):
        s.pair(8 + 70 * (i % 2), 24 + 10 * (i // 2), k, v, size=8.5)
    return s


def marriage_certificate(c: Case, rng: random.Random) -> Sheet:
    a, sp = c.applicant, c.spouse
    s = Sheet((148.0, 105.0))
    s.put(62, 10, "结婚证", 14, "title")
    s.pair(10, 22, "持证人", a.name, size=9)
    s.pair(10, 30, "登记日期", ymd(c.married), size=9)
    s.pair(10, 38, "结婚证字号", "J310112-%d-%06d" % (c.married.year, c.seed * 11 + 7), size=9)
    for i, p in enumerate((a, sp)):
        y = 52 + 22 * i
        s.pair(10, y, "姓名", p.name, size=9)
        s.pair(70, y, "性别", p.sex, size=9)
        s.pair(10, y + 8, "身份证件号", p.id_number, size=9)
    return s


# --------------------------------------------------------------------------- the rest of the catalog

# material → (title, supporting words): one short document each, held by the applicant, for the catalog sweep
OTHER_TITLES = {
    "passport": ("中华人民共和国护照 PASSPORT", "Nationality 国籍 CHINESE  Date of expiry 签发日期"),
    "hukou_certificate": ("户籍证明", "兹证明该同志系我所辖区集体户常住户口，户籍地址见下。派出所"),
    "dispatch_agreement": ("劳务派遣协议", "派遣单位与用工单位就被派遣劳动者的派遣期限、劳务派遣费用约定如下"),
    "dispatch_post_agreement": ("派遣岗位协议", "用工单位岗位：工程师；派遣期限三年"),
    "tax_payment_certificate": ("中华人民共和国税收完税证明", "原凭证号 税种 品目名称 税款所属时期 填发日期"),
    "student_status_report": ("教育部学籍在线验证报告", "学籍状态 入学日期 学制"),
    "education_certification_report": ("中国高等教育学历认证报告", "认证结论 学历证书"),
    "foreign_degree_certification": ("国外学历学位认证书", "教育部留学服务中心 认证意见 教留服认"),
    "graduate_registration_form": ("普通高等学校毕业生登记表", "自我鉴定 院系意见"),
    "transcript": ("学生学业成绩单", "课程名称 学分 成绩"),
    "title_certificate": ("专业技术资格证书", "资格名称：工程师 评审委员会 批准日期"),
    "skill_certificate": ("职业技能等级证书", "职业名称 职业技能等级 三级/高级工 评价机构"),
    "vocational_qualification_certificate": ("中华人民共和国专业技术人员职业资格证书", "资格名称 管理号 批准日期"),
    "appointment_letter": ("聘  书", "兹聘任为本单位工程师，聘期三年"),
    "skill_verification_proof": ("技能人员职业资格复评验证证明", "技能核验 复评 结论"),
    "registration_certificate": ("执业证书", "执业类别 执业范围 注册日期"),
    "post_description": ("岗位说明书", "岗位职责 任职要求"),
    "award_certificate": ("荣誉证书", "表彰 先进个人"),
    "capital_verification_report": ("验资报告", "注册资本 实收资本 会计师事务所"),
    "business_archive": ("企业登记档案（机读材料）", "登记机关 股东"),
    "company_tax_record": ("企业纳税证明", "纳税人识别号 税款所属期 实缴金额"),
    "local_hires_proof": ("聘用本市户籍人员名单", "本市户籍 社保"),
    "incubator_agreement": ("孵化器入驻协议", "孵化器 入驻企业 入驻期限"),
    "shareholding_proof": ("股东名册", "出资额 持股比例"),
    "tech_transfer_filing_proof": ("技术转移服务机构备案证明", "技术转移 备案"),
    "divorce_certificate": ("离婚证", "离婚证字号 登记日期"),
    "birth_certificate": ("出生医学证明", "新生儿姓名 出生时间 出生地点 母亲姓名 父亲姓名"),
    "one_child_certificate": ("独生子女父母光荣证", "独生子女 发证日期"),
    "school_enrolment_proof": ("在读证明", "兹证明 系我校在读学生 年级"),
    "school_status_certificate": ("学籍证明", "学籍号 就读年级"),
}


def other_document(material: str, holder: Person, c: Case) -> Sheet:
    title, words = OTHER_TITLES[material]
    s = Sheet()
    s.put(70, 30, title, 16, "title")
    if material == "birth_certificate":
        s.pair(30, 50, "新生儿姓名", holder.name)
    else:
        s.pair(30, 50, "姓名", holder.name)
    s.pair(30, 60, "公民身份号码", holder.id_number)
    s.lines(30, 75, [words, f"出具日期：{ymd(AS_OF - timedelta(days=20))}"], 10.5)
    return s
