"""Forms (表格与书面材料): the printed 积分申请表, the 承诺书, and the 自考/成人 毕业生登记表 and 成绩单.

``application_form`` facts (rules.md §5, from the older form's text; the current layout was not seen [?]):
``serial, name, employer, credit_code, date`` (申请日期), ``sex, ethnicity, id_number, hukou_address,
shanghai_address, phone, permit_until`` (date), ``marital, post, contract_signed, contract_start, contract_end``
(dates; end None = 无固定期限), ``resume``: ``[(from Month, to Month | None, text)]``, ``spouse``: ``{"name",
"education", "id_number", "shanghai_hukou"}`` or None, ``children``: ``[{"name", "id_number", "benefits"}]``.

``pledge`` facts: ``name, id_number, date``.

``graduate_registration_form`` / ``transcript`` facts: ``name, sex, birth, id_number, school, major, level,
mode, start, end`` (Months), ``exam_no``; the transcript adds ``courses``: ``[(code, name, credits, score,
Month)]``.
"""

from __future__ import annotations

from synth.documents.layout import Doc, Fields, Gap, PageBreak, Para, Table
from synth.formats import Variant, ym_cn, ym_dot, ymd, ymd_padded


def application_form(f: dict, v: Variant) -> list[Doc]:
    cover = Doc(kind="application_form", title=["《上海市居住证》积分申请表"], title_size=20, blocks=[
        Gap(30),
        Fields([("流水号：", f["serial"]), ("申请人：", f["name"]), ("申请单位：", f["employer"]),
                ("统一社会信用代码：", f["credit_code"]), ("申请日期：", ymd_padded(f["date"]))], size=12,
               label_width=0.3, line_gap=2.4),
        Gap(30), Para("上海市人力资源和社会保障局制", 11, align="center"), PageBreak(),
        Para("单位承诺及授权", 13, align="center"),
        Para("本单位已知悉《上海市居住证》积分管理的有关规定，承诺所填写及提交的申请人信息和材料真实、准确，"
             "并授权有关部门进行核查。如有不实，愿承担相应责任。", 10.5, indent=2),
        Para(v.brackets("单位（盖章）：（样例，无印章）") + f"    日期：{ymd(f['date'])}", 10.5, align="right"), Gap(12),
        Para("申请人承诺及授权", 13, align="center"),
        Para("本人已知悉《上海市居住证》积分管理的有关规定，承诺所填写及提交的个人信息和材料真实、准确，"
             "并授权有关部门进行核查。如有虚假，同意取消居住证积分并承担相应责任。", 10.5, indent=2),
        Para(f"本人签字：{f['name']}    日期：{ymd(f['date'])}", 10.5, align="right"),
    ])
    end = ymd_padded(f["contract_end"]) if f.get("contract_end") else "无固定期限"
    data = [("姓名", f["name"]), ("曾用名", ""), ("性别", f["sex"]), ("民族", f["ethnicity"]),
            ("政治面貌", "群众"), ("婚姻状况", f["marital"]), ("居住证有效期限", ymd_padded(f["permit_until"])),
            ("公民身份号码", f["id_number"]), ("户籍地址", f["hukou_address"]), ("手机号码", f["phone"]),
            ("在本市居住地址", f["shanghai_address"]), ("固定电话", "")]
    job = [("单位代码", f["credit_code"]), ("单位名称", f["employer"]), ("现从事岗位", f["post"]),
           ("合同签订日期", ymd_padded(f["contract_signed"])), ("合同起始日期", ymd_padded(f["contract_start"])),
           ("合同终止日期", end)]
    resume = [[f"{ym_dot(a)}", ym_dot(b) if b else "至今", text] for a, b, text in f["resume"]]
    page2 = [Para("一、个人信息", 12), Fields(data, columns=2, size=9, label_width=0.36, grid=True),
             Para("二、就业信息", 12), Fields(job, columns=2, size=9, label_width=0.36, grid=True),
             Para("三、申领人简历（从就读的最后一所学校写起）", 12),
             Table(["起始年月", "终止年月", "在何地区、何单位、何部门从事何种工种、任何职"], resume,
                   widths=[0.15, 0.15, 0.7], size=8.5),
             Para("是否与外省市原工作单位保留劳动关系、聘用关系、任用关系：否", 9.5)]
    s = f.get("spouse")
    if s:
        page2 += [Para("四、配偶情况", 12),
                  Fields([("姓名", s["name"]), ("文化程度", s.get("education") or ""), ("是否外籍人士（军人）", "否"),
                          ("身份证号码", s["id_number"]), ("配偶是否本市常住户口", "是" if s["shanghai_hukou"] else "否")],
                         columns=2, size=9, label_width=0.4, grid=True)]
    kids = [[c["name"], c["id_number"], "是" if c.get("benefits") else "否"] for c in f.get("children", [])]
    page2 += [Para("五、子女情况", 12),
              Table(["姓名", "公民身份号码", "享受积分待遇"], kids or [["无", "", ""]], widths=[0.3, 0.45, 0.25], size=8.5)]
    return [cover, Doc(kind="application_form", title=["《上海市居住证》积分申请表（续）"], title_size=13, blocks=page2)]


def pledge(f: dict, v: Variant) -> Doc:
    items = ("一、本人无违法犯罪记录，近五年内无行政拘留记录；",
             "二、本人未违反国家和本市计划生育政策；",
             "三、本人所提交的身份、学历、就业、婚姻等全部材料真实、有效；",
             "四、本人知悉《上海市居住证》积分管理的有关规定，同意有关部门核查上述信息。")
    return Doc(kind="pledge", title=["承诺书"], title_size=22, blocks=[
        Gap(16),
        Para(v.brackets(f"本人{f['name']}（公民身份号码：{f['id_number']}），因申请《上海市居住证》积分，郑重承诺如下："),
             14, indent=2),
        *[Para(item, 14, indent=2) for item in items],
        Para("如有不实，本人愿承担由此产生的一切后果，并接受取消积分等处理。", 14, indent=2),
        Gap(36), Para(f"承诺人（本人签字）：{f['name']}", 14, align="right"), Para(ymd(f["date"]), 14, align="right")])


def graduate_registration_form(f: dict, v: Variant) -> Doc:
    title = "高等教育自学考试毕业生登记表" if f.get("mode") == "自考" else "成人高等教育毕业生登记表"
    rows = [("姓名", f["name"]), ("性别", f["sex"]), ("出生日期", ymd_padded(f["birth"])),
            ("身份证号", f["id_number"]), ("准考证号", f["exam_no"]), ("专业", f["major"]),
            ("层次", f["level"]), ("主考学校", f["school"]), ("毕业时间", ym_cn(f["end"]))]
    return Doc(kind="graduate_registration_form", title=[title], blocks=[
        Fields(rows, columns=2, size=9.5, label_width=0.34, grid=True),
        Para("学习经历", 11),
        Table(["起止年月", "学习形式", "学校/考区"], [[f"{ym_dot(f['start'])}-{ym_dot(f['end'])}", "自学考试" if
              f.get("mode") == "自考" else "业余", f["school"]]], widths=[0.3, 0.2, 0.5], size=9),
        Para("自我鉴定：在校学习期间遵守纪律，按计划完成全部课程考试。（样例）", 9.5),
        Para("主考学校意见：同意毕业。（样例，无印章）", 9.5)])


def transcript(f: dict, v: Variant) -> Doc:
    rows = [[code, name, str(credits), str(score), ym_dot(when)] for code, name, credits, score, when in f["courses"]]
    return Doc(kind="transcript", title=["高等教育自学考试课程合格成绩单" if f.get("mode") == "自考" else "学业成绩单"],
               blocks=[Fields([("姓名", f["name"]), ("准考证号", f["exam_no"]), ("专业", f["major"]),
                               ("层次", f["level"])], columns=2, size=9.5, label_width=0.3),
                       Table(["课程代码", "课程名称", "学分", "成绩", "考试日期"], rows,
                             widths=[0.14, 0.44, 0.12, 0.12, 0.18], size=8.5),
                       Para(f"主考学校：{f['school']}（样例，无印章）", 9)])
