"""Education documents (学历学位材料): 学信网 备案表 and 学位在线验证报告, 毕业证书, 学位证书, 高中毕业证书.

Label order and wording from shared/domain/documents.md §1–§2. Facts (a dict) used by every builder here:
``name, sex, birth`` (date), ``school, major, level`` (本科 | 大专 | 高中), ``start, end`` (Month),
``grad_date, enrol_date`` (date), ``mode`` (profile vocabulary: 全日制 | 自考 | 成人 | 网络 | 函授 | 业余),
``cert_no`` (毕业证书编号), ``principal``; degree documents add ``degree`` (学士 …), ``degree_name``
(工学学士学位), ``degree_no``, ``degree_date``; 学信网 reports add ``verify_code``, ``update_date``.
"""

from __future__ import annotations

from synth.documents.layout import Doc, Fields, Gap, Para
from synth.formats import Variant, chinese, chinese_month, ym_cn_short, ymd, ymd_padded

_CATEGORY = {"全日制": "普通高等教育", "自考": "高等教育自学考试", "成人": "成人高等教育", "网络": "网络教育",
             "函授": "成人高等教育", "业余": "成人高等教育"}
_FORM = {"全日制": "普通全日制", "自考": "非全日制", "成人": "业余", "网络": "网络教育", "函授": "函授", "业余": "业余"}
_LEVEL = {"本科": "本科", "大专": "专科", "硕士": "硕士研究生", "博士": "博士研究生"}
_DIPLOMA_TITLE = {"全日制": "普通高等学校毕业证书", "自考": "高等教育自学考试毕业证书", "成人": "成人高等教育毕业证书",
                  "网络": "网络高等教育毕业证书", "函授": "成人高等教育毕业证书", "业余": "成人高等教育毕业证书"}


def _years(f: dict) -> str:
    months = f["end"] - f["start"] + 1
    years = round(months / 12 * 2) / 2
    return str(int(years)) if years == int(years) else str(years)


def xuexin_record(f: dict, v: Variant) -> Doc:
    """教育部学历证书电子注册备案表 (current layout, §1.1)."""
    mode = f.get("mode", "全日制")
    L = v.label
    rows = [
        (L("姓名"), f["name"]), (L("性别"), f["sex"]), ("出生日期", ymd_padded(f["birth"])),
        ("入学日期", ymd_padded(f["enrol_date"])), (v.brackets("毕（结）业日期"), ymd_padded(f["grad_date"])),
        ("学校名称", f["school"]), (L("专业"), f["major"]), (L("学制"), v.pick(_years(f), _years(f) + " 年")),
        (L("层次"), _LEVEL[f["level"]]), ("学历类别", _CATEGORY[mode]), ("学习形式", _FORM[mode]),
        (v.brackets("毕（结）业"), "毕业"), ("证书编号", f["cert_no"]), (v.brackets("校（院）长姓名"), f["principal"]),
    ]
    code = f["verify_code"]
    return Doc(
        kind="xuexin_record", title=["教育部学历证书电子注册备案表"], photo_box=True,
        header_note=f"更新日期：{ymd_padded(f['update_date'])}",
        blocks=[
            Fields(rows, grid=True, label_width=0.26, size=10.5), Gap(14),
            Para(f"在线验证码：{' '.join(code[i:i + 4] for i in range(0, 16, 4))}", size=11),
            Para("[二维码 SAMPLE]", size=8, color=(120, 120, 120)), Gap(8),
            Para("注意事项", size=10),
            Para(v.brackets("1. 本表是根据《高等学校学生学籍学历电子注册办法》（教学〔2014〕11号）进行学历电子注册的结果。"), 8),
            Para("2. 可登录学信网，点击或输入在线验证码进行验证，也可扫描二维码进行验证。", 8),
            Para("3. 在线验证有效期内可免费打印、验证，具体内容以在线内容为准。", 8),
            Para("4. 表中“*”表示该项内容不详。", 8),
            Para("5. 未经学历信息权属人同意，不得将本表用于违背权属人意愿之用途。", 8),
            Gap(10), Para("主办单位：教育部学生服务与素质发展中心（样例）", 8, align="center"),
        ])


def degree_report(f: dict, v: Variant) -> Doc:
    """中国高等教育学位在线验证报告 (§1.2)."""
    L = v.label
    code = f["verify_code"]
    rows = [(L("姓名"), f["name"]), (L("性别"), f["sex"]), ("出生日期", ymd_padded(f["birth"])),
            ("获学位日期", ymd_padded(f["degree_date"])), ("学位授予单位", f["school"]),
            ("所授学位", f["degree_name"]), ("学科/专业", f["major"]), ("学位证书编号", f["degree_no"]),
            ("在线验证码", " ".join(code[i:i + 4] for i in range(0, 16, 4))),
            ("更新日期", ymd_padded(f["update_date"]))]
    return Doc(kind="degree_verification_report", title=["中国高等教育学位在线验证报告"], photo_box=True,
               blocks=[Fields(rows, grid=True, label_width=0.26), Gap(12),
                       Para("[二维码 SAMPLE]", 8, color=(120, 120, 120)),
                       Para("本报告仅用于在线验证有效期内核对学位信息，以在线验证内容为准。", 8)])


def diploma(f: dict, v: Variant) -> Doc:
    """高校 毕业证书 (§2.1): one body sentence, then 校名 · 校（院）长 · 证书编号 · issue date in Chinese numerals."""
    mode = f.get("mode", "全日制")
    lvl = "本科" if f["level"] == "本科" else "专科"
    how = {"全日制": "", "自考": "参加高等教育自学考试，", "网络": "网络教育", "成人": "业余", "函授": "函授",
           "业余": "业余"}[mode]
    when = v.pick(f"{chinese_month(f['start'])}至{chinese_month(f['end'])}",
                  f"{ym_cn_short(f['start'])}至{ym_cn_short(f['end'])}")
    if mode == "自考":
        body = (f"{f['name']}，性别{f['sex']}，{ymd(f['birth'])}生，{how}完成{f['major']}专业（{lvl}）"
                f"全部课程，成绩合格，经审定准予毕业。")
    else:
        body = (f"学生 {f['name']}，性别{f['sex']}，{ymd(f['birth'])}生，于{when}在本校{f['major']}专业"
                f"{_years(f)}年制{lvl}{how}学习，修完教学计划规定的全部课程，成绩合格，准予毕业。")
    return Doc(kind="diploma", title=["毕业证书", _DIPLOMA_TITLE[mode]], page="cert", frame=True,
               paper=(250, 246, 236), photo_box=False, margin=0.1,
               blocks=[Gap(10), Para(v.brackets(body), size=13, indent=2), Gap(16),
                       Fields([("校名：", f["school"]), (v.brackets("校（院）长："), f["principal"]),
                               ("证书编号：", f["cert_no"])], size=11, label_width=0.22, line_gap=1.7),
                       Para(chinese(f["grad_date"]), size=11, align="right")])


def degree_certificate(f: dict, v: Variant) -> Doc:
    """学士/硕士/博士学位证书 (§2.2)."""
    title = f"{f['degree']}学位证书"
    level_words = {"学士": "本科", "硕士": "硕士研究生", "博士": "博士研究生"}[f["degree"]]
    extra = "（成人高等教育本科毕业生）" if f.get("mode") in ("成人", "函授", "业余", "网络") else ""
    body = (f"{f['name']}，{f['sex']}，{ymd(f['birth'])}生。在{f['school']}{f['major']}专业完成了{level_words}学习计划，"
            f"业已毕业，经审核符合《中华人民共和国学位条例》的规定，授予{f['degree_name'].removesuffix('学位')}学位。")
    return Doc(kind="degree_certificate", title=[title], page="cert", frame=True, paper=(248, 246, 240), margin=0.1,
               blocks=[Gap(6)] + ([Para(extra, 11, align="center")] if extra else []) +
                      [Para(v.brackets(body), size=13, indent=2), Gap(14),
                       Fields([("校长：", f["principal"]), ("学位评定委员会主席：", f["principal"]),
                               ("证书编号：", f["degree_no"])], size=11, label_width=0.3, line_gap=1.7),
                       Para(chinese(f["degree_date"]), size=11, align="right")])


def high_school_diploma(f: dict, v: Variant) -> Doc:
    """普通高中毕业证书 (§2.3); ``province`` gives the provincial title."""
    title = f"{f.get('province_full', '')}普通高中毕业证书"
    body = (f"学生{f['name']}（{f['sex']}，{ymd(f['birth'])}生）自{ym_cn_short(f['start'])}至{ym_cn_short(f['end'])}"
            f"在本校高中部修业期满，成绩合格，准予毕业。")
    return Doc(kind="high_school_diploma", title=[title], page="cert", frame=True, paper=(246, 244, 236), margin=0.1,
               blocks=[Gap(10), Para(v.brackets(body), size=13, indent=2), Gap(18),
                       Fields([("学校：", f["school"]), ("校长：", f["principal"]), ("毕业证号：", f["cert_no"])],
                              size=11, label_width=0.2, line_gap=1.7),
                       Para(v.pick(chinese(f["grad_date"]), ymd(f["grad_date"])), size=11, align="right")])
