"""Family documents (家庭材料): 结婚证 (inner page) and 出生医学证明 (documents.md §6.1, §10.1).

``marriage_certificate`` facts: ``holder`` (name), ``registration_date`` (date), ``cert_no`` (结婚证字号),
``registrar`` (登记机关), ``spouses``: two ``{"name", "sex", "birth", "id_number"}`` (国籍 中国).

``birth_certificate`` facts: ``name, sex, born`` (datetime-like date; 时分 from ``born_time``, "08时30分"),
``weeks, weight_g, length_cm, place, hospital, mother, father`` (each ``{"name", "age", "id_number"}``),
``issue_date, cert_no``.
"""

from __future__ import annotations

from synth.documents.layout import Doc, Fields, Gap, Para
from synth.formats import Variant, ymd_padded


def marriage_certificate(f: dict, v: Variant) -> Doc:
    L = v.label
    left = Fields([(L("持证人"), f["holder"]), ("登记日期", ymd_padded(f["registration_date"])),
                   ("结婚证字号", f["cert_no"]), (L("备注"), "")], size=8.5, label_width=0.22, line_gap=1.9)
    blocks = [left, Gap(4)]
    for s in f["spouses"]:
        blocks.append(Fields([(L("姓名"), s["name"]), (L("性别"), s["sex"]), (L("国籍"), "中国"),
                              ("出生日期", ymd_padded(s["birth"])), ("身份证件号", s["id_number"])],
                             columns=2, size=7.5, label_width=0.34, line_gap=1.7))
        blocks.append(Gap(3))
    blocks.append(Para(f"登记机关：{f['registrar']}（婚姻登记专用章 样例，无印章）", 7))
    blocks.append(Para("中华人民共和国民政部监制", 7, align="center"))
    return Doc(kind="marriage_certificate", title=["结婚证"], page="booklet", paper=(250, 236, 232), title_size=14,
               margin=0.06, blocks=blocks)


def birth_certificate(f: dict, v: Variant) -> Doc:
    L = v.label
    born = f["born"]
    rows = [("新生儿姓名", f["name"]), (L("性别"), f["sex"]),
            ("出生时间", f"{ymd_padded(born)}{f.get('born_time', '08时30分')}"), ("出生孕周", f"{f['weeks']}周"),
            ("健康状况", "良好"), ("出生体重", f"{f['weight_g']}克"), ("出生身长", f"{f['length_cm']}厘米"),
            ("出生地点", f["place"]), ("医疗机构名称", f["hospital"])]
    parents = []
    for who in ("mother", "father"):
        p = f[who]
        tag = "母亲" if who == "mother" else "父亲"
        parents += [(f"{tag}姓名", p["name"]), ("年龄", str(p["age"])), ("国籍", "中国"), ("民族", "汉"),
                    ("有效身份证件号码", p["id_number"])]
    return Doc(kind="birth_certificate", title=["出生医学证明"], page="A4L", paper=(246, 250, 246), frame=True,
               blocks=[Fields(rows, columns=2, size=10, label_width=0.32), Gap(6),
                       Fields(parents, columns=2, size=10, label_width=0.36), Gap(8),
                       Fields([("签发日期", ymd_padded(f["issue_date"])), ("签发机构", f["hospital"] + "（样例，无印章）"),
                               ("出生证编号", f["cert_no"])], size=10, label_width=0.16)])
