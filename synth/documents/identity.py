"""Identity and residence (身份与居住): 居民身份证 (two sides), 上海市居住证, 居民户口簿 (首页 + 本人页).

``id_card`` facts: ``name, sex, ethnicity, birth`` (date), ``address, id_number, issuer, valid_from`` (date),
``valid_to`` (date, or None for 长期). Returns the front and the back (documents.md §5.1).

``residence_permit`` facts: ``name, sex, ethnicity, birth, id_number, hukou_address, residence_address, issuer,
issue_date, valid_until, permit_number``. The card face was not found [?] (§5.2): the ten items of
《居住证暂行条例》§4 plus 有效期限, label-driven.

``hukou_booklet`` facts: ``household_type, head_name, household_no, address, registrar, issue_date`` for the
首页 and ``name, relation, sex, birth_place, ethnicity, native_place, birth, id_number, education, marital,
occupation, workplace, moved_in, registered`` for the 常住人口登记卡 (§5.3). ``pages``: which pages to include,
default ``("首页", "本人页")``.
"""

from __future__ import annotations

from synth.documents.layout import Doc, Fields, Gap, Para
from synth.formats import Variant, dotted, ymd, ymd_padded, ymd_spaced


def id_card(f: dict, v: Variant) -> list[Doc]:
    front = Doc(kind="id_card", title=[], page="card", photo_box=True, margin=0.07, title_size=6,
                paper=(236, 242, 246), watermark="样例",
                blocks=[Fields([("姓名", f["name"])], size=9, label_width=0.2, line_gap=2.0),
                        Fields([("性别", f["sex"]), ("民族", f["ethnicity"])], columns=2, size=9, label_width=0.4,
                               line_gap=2.0),
                        Fields([("出生", ymd_spaced(f["birth"])), ("住址", f["address"])], size=9,
                               label_width=0.2, line_gap=1.8),
                        Gap(6),
                        Fields([("公民身份号码", f["id_number"])], size=10, label_width=0.36)])
    until = "长期" if f.get("valid_to") is None else dotted(f["valid_to"])
    back = Doc(kind="id_card", title=["中华人民共和国", "居民身份证"], page="card", margin=0.08, title_size=15,
               paper=(236, 242, 246), watermark="样例",
               blocks=[Gap(16), Fields([("签发机关", f["issuer"]),
                                        ("有效期限", f"{dotted(f['valid_from'])}-{until}")],
                                       size=8.5, label_width=0.27, line_gap=2.0)])
    return [front, back]


def residence_permit(f: dict, v: Variant) -> Doc:
    return Doc(kind="residence_permit", title=["上海市居住证"], page="card", photo_box=True, margin=0.06,
               title_size=11, paper=(240, 236, 246), watermark="样例",
               blocks=[Fields([("姓名", f["name"]), ("性别", f["sex"]), ("民族", f["ethnicity"])], columns=3,
                              size=6.2, label_width=0.42, line_gap=1.7),
                       Fields([("出生日期", ymd(f["birth"])), ("公民身份号码", f["id_number"]), ("户籍地址", f["hukou_address"]),
                               ("居住地住址", f["residence_address"]), ("签发机关", f["issuer"]),
                               ("签发日期", ymd(f["issue_date"])),
                               ("有效期限", f"{dotted(f['issue_date'])}-{dotted(f['valid_until'])}"),
                               ("居住证号码", f.get("permit_number") or f["id_number"])],
                              size=6.2, label_width=0.24, line_gap=1.6)])


def hukou_booklet(f: dict, v: Variant) -> list[Doc]:
    pages = f.get("pages", ("首页", "本人页"))
    out = []
    if "首页" in pages:
        out.append(Doc(
            kind="hukou_booklet", title=["居民户口簿"], page="booklet", paper=(242, 238, 226), title_size=14,
            blocks=[Fields([("户别", f["household_type"]), ("户主姓名", f["head_name"]),
                            ("户号", f["household_no"]), ("住址", f["address"])], columns=1, size=8.5,
                           label_width=0.2, grid=True),
                    Gap(6), Para(f"户口登记机关：{f['registrar']}（户口专用章 样例，无印章）", 8),
                    Para(f"承办人签章：（样例）        签发日期：{ymd_padded(f['issue_date'])}", 8)]))
    if "本人页" in pages:
        L = v.label
        rows = [(L("姓名"), f["name"]), ("户主或与户主关系", f["relation"]), ("曾用名", ""), (L("性别"), f["sex"]),
                ("出生地", f["birth_place"]), (L("民族"), f["ethnicity"]), (L("籍贯"), f["native_place"]),
                ("出生日期", ymd_padded(f["birth"])), ("宗教信仰", ""), ("公民身份证件编号", f["id_number"]),
                ("文化程度", f["education"]), ("婚姻状况", f["marital"]), ("兵役状况", ""),
                ("服务处所", f["workplace"]), (L("职业"), f["occupation"]),
                (v.brackets("何时由何地迁来本市（县）"), f["moved_in"])]
        out.append(Doc(
            kind="hukou_booklet", title=["常住人口登记卡"], page="booklet", paper=(242, 238, 226), title_size=12,
            margin=0.05,
            blocks=[Fields(rows, columns=2, size=6.5, label_width=0.36, grid=True, line_gap=1.75),
                    Para(f"登记日期：{ymd_padded(f['registered'])}    承办人签章：（样例）", 6.5)]))
    return out
