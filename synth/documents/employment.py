"""Employer documents (单位材料): 营业执照, 单位介绍信, 聘书, 劳动合同 (documents.md §7, §8.4).

``business_license`` facts: ``credit_code, name, type, legal_rep, capital, established`` (date), ``term_to``
(date or None: 长期), ``address, registrar, issue_date, scope``.

``employer_letter`` facts: ``addressee`` (…区人才服务中心), ``hr_name, hr_id, employer, credit_code, employees``
(names), ``date, phone``.

``appointment_letter`` (聘书) facts: ``name, title`` (工程师 / 技师), ``start, end`` (dates), ``employer, date, number``.

``labour_contract`` facts: ``employer, employer_rep, employer_address, employee, employee_id, employee_address,
start, end`` (date or None: 无固定期限), ``probation_end, post, work_place, salary, sign_date``. Written as DOCX
(:func:`labour_contract_docx`, the usual HR template) or, as a scan, from :func:`labour_contract_doc`.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from synth.documents.layout import Doc, Fields, Gap, Para
from synth.formats import Variant, chinese, dotted, ymd, ymd_padded

FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)


def business_license(f: dict, v: Variant) -> Doc:
    term = f"{ymd_padded(f['established'])} 至 " + (ymd_padded(f["term_to"]) if f.get("term_to") else
                                                    v.pick("长期", "不约定期限"))
    rows = [(v.label("名称"), f["name"]), (v.label("类型"), v.brackets(f["type"])), ("法定代表人", f["legal_rep"]),
            ("经营范围", f["scope"]), ("注册资本", f["capital"]), ("成立日期", ymd_padded(f["established"])),
            ("营业期限", term), (v.label("住所"), f["address"])]
    return Doc(kind="business_license", title=["营业执照", v.brackets("（副本）")], page="A4L", frame=True,
               paper=(252, 250, 244), margin=0.09,
               blocks=[Para(f"统一社会信用代码  {f['credit_code']}", 11), Gap(4),
                       Fields(rows, size=10.5, label_width=0.16, line_gap=1.8), Gap(4),
                       Para(f"登记机关  {f['registrar']}（样例，无印章）", 10, align="right"),
                       Para(chinese(f["issue_date"]), 10, align="right"),
                       Para("国家企业信用信息公示系统网址：（样例，不提供二维码）", 8),
                       Para("国家市场监督管理总局监制", 8, align="center")])


def employer_letter(f: dict, v: Variant) -> Doc:
    names = "、".join(f["employees"])
    return Doc(kind="employer_letter", title=[v.pick("介绍信", "单位介绍信")], title_size=24,
               blocks=[Gap(12), Para(f"{f['addressee']}：", 14),
                       Para(f"兹介绍我单位人事专员{f['hr_name']}同志（身份证号码：{f['hr_id']}）前来办理我单位员工"
                            f"{names}的《上海市居住证》积分申请相关事宜，请予接洽。", 14, indent=2),
                       Para("该同志所递交的材料均经我单位审核，内容真实、有效。", 14, indent=2),
                       Para("特此介绍。", 14, indent=2), Gap(30),
                       Para(f"单位名称：{f['employer']}", 13, align="right"),
                       Para(f"统一社会信用代码：{f['credit_code']}", 13, align="right"),
                       Para(f"联系电话：{f['phone']}", 13, align="right"),
                       Para(v.brackets("单位（盖章）：（样例，无印章）"), 13, align="right"),
                       Para(v.date(f["date"], ymd, ymd_padded), 13, align="right"),
                       Gap(10), Para("（本介绍信有效期三十日）", 11)])


def appointment_letter(f: dict, v: Variant) -> Doc:
    return Doc(kind="appointment_letter", title=[v.pick("聘书", "聘任书")], page="cert", frame=True,
               paper=(252, 244, 240), title_size=26, margin=0.12,
               blocks=[Gap(20),
                       Para(f"兹聘任{f['name']}同志为{f['title']}，聘期自{ymd_padded(f['start'])}至{ymd_padded(f['end'])}。",
                            15, indent=2),
                       Gap(40), Para(v.brackets(f"{f['employer']}（盖章）"), 13, align="right"),
                       Para(v.date(f["date"], ymd, chinese), 13, align="right"),
                       Para(f"聘书编号：{f['number']}", 9)])


def _term(f: dict) -> tuple[str, str]:
    if f.get("end") is None:
        return "无固定期限", f"自{ymd(f['start'])}起"
    years = round((f["end"] - f["start"]).days / 365.25)
    return "有固定期限", f"期限{years}年，自{ymd(f['start'])}至{ymd(f['end'])}"


def _sections(f: dict, v: Variant) -> list[tuple[str, list[str]]]:
    kind, term = _term(f)
    return [
        ("一、合同的类型和期限", [f"甲、乙双方选择以下第一种形式确定本合同期限：{kind}，{term}。"]),
        ("二、试用期", [f"试用期自{ymd(f['start'])}至{ymd(f['probation_end'])}。"]),
        ("三、工作内容和工作地点", [f"乙方的工作内容/岗位为{f['post']}。", f"工作地点为{f['work_place']}。"]),
        ("四、工作时间和休息休假", ["乙方实行标准工时制，每日工作8小时，每周工作40小时。"]),
        ("五、劳动报酬", [f"乙方月工资{f['salary']}元（税前），甲方于每月10日支付。"]),
        ("六、社会保险", ["甲方按国家和本市规定为乙方缴纳社会保险费，并依法代扣代缴个人所得税。"]),
        ("七、劳动保护、劳动条件和职业危害防护", ["甲方为乙方提供符合国家规定的劳动条件和劳动保护。"]),
        ("八、合同的变更、解除、终止", ["按《中华人民共和国劳动合同法》及《上海市劳动合同条例》执行。"]),
        ("九、其他约定", ["本合同一式两份，甲乙双方各执一份，经双方签字（盖章）后生效。"]),
    ]


def _parties(f: dict) -> list[tuple[str, str]]:
    return [("甲方（用人单位）名称", f["employer"]), ("法定代表人/主要负责人", f["employer_rep"]),
            ("住所", f["employer_address"]), ("乙方（劳动者）姓名", f["employee"]),
            ("身份证号码", f["employee_id"]), ("住址", f["employee_address"])]


_PREAMBLE = ("根据《中华人民共和国劳动法》、《中华人民共和国劳动合同法》和《上海市劳动合同条例》等法律法规的规定，"
             "甲乙双方遵循合法、公平、平等自愿、协商一致、诚实信用的原则，同意订立本劳动合同。")


def labour_contract_doc(f: dict, v: Variant) -> Doc:
    """The contract as a page (for a scanned copy)."""
    blocks = [Fields(_parties(f), size=9, label_width=0.3, grid=True), Para(_PREAMBLE, 9, indent=2)]
    for head, lines in _sections(f, v):
        blocks.append(Para(head, 9.5))
        blocks += [Para(t, 9, indent=2, gap_after=0.2) for t in lines]
    blocks += [Gap(8), Para(v.brackets("甲方（盖章）：（样例，无印章）        乙方（签字）：") + f["employee"], 9.5),
               Para(f"签订日期：{ymd(f['sign_date'])}", 9.5)]
    return Doc(kind="labour_contract", title=["上海市劳动合同", v.brackets("（全日制）")], blocks=blocks, title_size=17)


def labour_contract_docx(f: dict, v: Variant) -> bytes:
    """劳动合同 as DOCX (python-docx): tables for the parties, East Asian font set, fixed core properties, and a
    re-zipped package with fixed timestamps so that the bytes are the same on every run."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = Pt(11)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")

    def para(text: str, *, size: float = 11, bold: bool = False, center: bool = False) -> None:
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)
        run.font.name = "宋体"
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    para("样例 / SAMPLE — 非真实文件", size=9, center=True)
    para("上海市劳动合同", size=20, bold=True, center=True)
    para(v.brackets("（全日制）"), size=12, center=True)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in _parties(f):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    para(_PREAMBLE)
    for head, lines in _sections(f, v):
        para(head, bold=True)
        for t in lines:
            para("　　" + t)
    sign = doc.add_table(rows=2, cols=2)
    sign.style = "Table Grid"
    sign.cell(0, 0).text = v.brackets("甲方（盖章）：") + f["employer"]
    sign.cell(0, 1).text = "乙方（签字）：" + f["employee"]
    sign.cell(1, 0).text = "法定代表人或委托代理人（签字）：" + f["employer_rep"]
    sign.cell(1, 1).text = f"签订日期：{ymd(f['sign_date'])}"
    para(f"签订日期：{v.date(f['sign_date'], ymd, dotted)}")
    props = doc.core_properties
    props.author = props.last_modified_by = "样例 SAMPLE"
    props.title = "上海市劳动合同（样例）"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    raw = io.BytesIO()
    doc.save(raw)
    return fixed_zip(raw.getvalue())


def fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip (DOCX) with fixed member timestamps and attributes: the same content gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
